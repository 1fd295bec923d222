/**
 * One minimal repro per failure class the honesty scan (bench/honesty-scan.ts) found on main 03d91b4,
 * each run through the engine and printed beside its truth, so a later main shows at a glance which
 * classes are still open; then class H (noise of a few ulps) measured over 600 cases per level.
 * Truths are closed forms (as in the scan); "none" means there is no such derivative at x, so an
 * honest answer flags it or claims no number. Nothing here expects a result.
 *
 * ```sh
 * npx tsx bench/honesty-classes.ts
 * ```
 */
import { pathToFileURL } from "node:url";
import { STATUSES, derivative, gradient, hessian, jacobian } from "../src/core/index.js";
import { hashNoise } from "../test/fixtures/noise-hash.js";
import { judge, num, specText } from "./honesty/verdict.js";
import { truthSpec, type Spec } from "./honesty/spec.js";
import type { Answer } from "./honesty/verdict.js";

/** One failure class and its repro. */
export interface FailureClass {
  id: string;
  title: string;
  repro: string;
  run: () => Answer;
  spec: Spec;
}

const f32 = Math.fround;
const none = (why: string, left?: number, right?: number): Spec => ({ kind: "none", why, left, right });
const kink = (left: number, right: number): Spec => ({ kind: "kink", left, right });
const entry = (
  r: { value: Float64Array[]; error: Float64Array[]; statuses: Uint8Array[] },
  i: number,
  j: number,
) => ({
  value: r.value[i][j],
  error: r.error[i][j],
  status: STATUSES[r.statuses[i][j]],
});

/**
 * The classes, most harmful first (see the report in bench/RESULTS.md, "Honesty scan").
 *
 * @example
 * ```ts
 * FAILURE_CLASSES.map((c) => c.id);
 * ```
 */
export const FAILURE_CLASSES: readonly FailureClass[] = [
  {
    id: "A",
    title: "Hessian mixed entry of a noisy f: no noise handling, last difference with error NaN, status ok",
    repro: "hessian((x) => x[0] * x[1] + 1e-10 * hashNoise(7 * x[0] + x[1], 1), [0.5, 1.5]) [0][1]",
    run: () =>
      entry(
        hessian((x) => x[0] * x[1] + 1e-10 * hashNoise(7 * x[0] + x[1], 1), [0.5, 1.5]),
        0,
        1,
      ),
    spec: truthSpec(1),
  },
  {
    id: "A'",
    title: "Hessian mixed entry of a float32 f: float32 rounding not in the error",
    repro: "hessian((x) => Math.fround(Math.sin(x[0]) * Math.cos(x[1])), [0.5, 1.5]) [0][1]",
    run: () =>
      entry(
        hessian((x) => f32(Math.sin(x[0]) * Math.cos(x[1])), [0.5, 1.5]),
        0,
        1,
      ),
    spec: truthSpec(-Math.cos(0.5) * Math.sin(1.5)),
  },
  {
    id: "B",
    title: "A column with no converged row returns its last difference with error NaN and status ok",
    repro: "derivative((t) => Math.sin(t) + 0.003 * (t >= 1 ? 1 : 0), 1, { order: 2, method: 'backward' })",
    run: () => derivative((t) => Math.sin(t) + 0.003 * (t >= 1 ? 1 : 0), 1, { order: 2, method: "backward" }),
    spec: none("jump at x"),
  },
  {
    id: "B'",
    title: "The same at order 2 by default (ReLU″ at 0)",
    repro: "derivative((t) => Math.max(0, t), 0, { order: 2 })",
    run: () => derivative((t) => Math.max(0, t), 0, { order: 2 }),
    spec: none("f′ jumps at x", 0, 0),
  },
  {
    id: "C1",
    title: "method forward/backward: no noise check (float32)",
    repro:
      "derivative((t) => Math.fround(Math.sin(Math.fround(t))), -0.02177961729466915, { method: 'forward' })",
    run: () => derivative((t) => f32(Math.sin(f32(t))), -0.02177961729466915, { method: "forward" }),
    spec: truthSpec(Math.cos(-0.02177961729466915)),
  },
  {
    id: "C2",
    title: "method forward/backward: no kink test (kink 1e-11 ahead of x)",
    repro: "derivative((t) => Math.sin(t) + Math.max(0, t - 1e-11), 0, { method: 'forward' })",
    run: () => derivative((t) => Math.sin(t) + Math.max(0, t - 1e-11), 0, { method: "forward" }),
    spec: truthSpec(1),
  },
  {
    id: "D1",
    title: "Kink test only at order 1: C1 join, f″ jumps (x·abs(x) at 0, order 2)",
    repro: "derivative((t) => Math.exp(t) + t * Math.abs(t), 0, { order: 2 })",
    run: () => derivative((t) => Math.exp(t) + t * Math.abs(t), 0, { order: 2 }),
    spec: kink(-1, 3),
  },
  {
    id: "D2",
    title: "Kink test only at order 1: Huber at its join, order 2",
    repro: "derivative((t) => (Math.abs(t) <= 1 ? 0.5 * t * t : Math.abs(t) - 0.5), 1, { order: 2 })",
    run: () => derivative((t) => (Math.abs(t) <= 1 ? 0.5 * t * t : Math.abs(t) - 0.5), 1, { order: 2 }),
    spec: kink(1, 0),
  },
  {
    id: "D3",
    title: "Odd orders ≥ 3 at a kink: the central stencil cancels abs(u), f‴ of the smooth part, status ok",
    repro: "derivative((t) => Math.sin(t) + 0.1 * Math.abs(t), 0, { order: 3 })",
    run: () => derivative((t) => Math.sin(t) + 0.1 * Math.abs(t), 0, { order: 3 }),
    spec: none("f′ jumps at x"),
  },
  {
    id: "E1",
    title: "Order-1 kink masked by curvature: even-part ratio between 2 and 4, column done in 3 rows",
    repro: "derivative((t) => t * t + 0.3 * Math.max(0, t - 5), 5)",
    run: () => derivative((t) => t * t + 0.3 * Math.max(0, t - 5), 5),
    spec: kink(10, 10.3),
  },
  {
    id: "E2",
    title:
      "Order-1 kink of an even f at its centre: D(h) = 0 in two rows ends the column before the kink test",
    repro: "derivative((t) => Math.cos(t) + 0.01 * Math.abs(t), 0)",
    run: () => derivative((t) => Math.cos(t) + 0.01 * Math.abs(t), 0),
    spec: kink(-0.01, 0.01),
  },
  {
    id: "E3",
    title:
      "A pole at x under a large smooth part: the even part's changes shrink like h² until the column ends",
    repro: "derivative((t) => Math.sqrt(t) + 0.27 / (t - 21507) ** 2, 21507)",
    run: () => derivative((t) => Math.sqrt(t) + 0.27 / (t - 21507) ** 2, 21507),
    spec: none("pole at x"),
  },
  {
    id: "F",
    title: "float32 f flat over a scale's steps: best of scales keeps 0 ± rounding",
    repro: "derivative((t) => Math.fround(Math.atan(t)), 3000)",
    run: () => derivative((t) => f32(Math.atan(t)), 3000),
    spec: truthSpec(1 / (1 + 3000 * 3000)),
  },
  {
    id: "G",
    title: "Cancellation inside f (f(x) ≪ the numbers it subtracts): rounding modelled on abs(f)",
    repro: "derivative((t) => Math.atan(2749.336526781351) + Math.atan(t), -2060.20030355004)",
    run: () => derivative((t) => Math.atan(2749.336526781351) + Math.atan(t), -2060.20030355004),
    spec: truthSpec(1 / (1 + 2060.20030355004 ** 2)),
  },
  {
    id: "G'",
    title: "The same through gradient (a sum of terms whose total is small)",
    repro: "gradient((x) => 1 / (1 + x[0] * x[0]) + Math.sin(x[1]), [0.010673600663719153, 5]) [0]",
    run: () => {
      const g = gradient((x) => 1 / (1 + x[0] * x[0]) + Math.sin(x[1]), [0.010673600663719153, 5]);
      return { value: g.value[0], error: g.error[0], status: STATUSES[g.statuses[0]] };
    },
    spec: truthSpec((-2 * 0.010673600663719153) / (1 + 0.010673600663719153 ** 2) ** 2),
  },
  {
    id: "H",
    title: "Noise of a few dozen ulps: above the 2-ulp rounding model, its level not counted (status ok)",
    repro:
      "derivative((t) => Math.cos(t) * (1 + 1.0594687108018625e-13 * hashNoise(t, 2042056826)), 246.32177969029888)",
    run: () =>
      derivative(
        (t) => Math.cos(t) * (1 + 1.0594687108018625e-13 * hashNoise(t, 2042056826)),
        246.32177969029888,
      ),
    spec: truthSpec(-Math.sin(246.32177969029888)),
  },
  {
    id: "I",
    title: "A small jump through a middle value f(x) taken for noise (localised() wants neighbouring spikes)",
    repro: "derivative((t) => Math.atan(t) + 5e-6 * Math.sign(t - 2), 2)",
    run: () => derivative((t) => Math.atan(t) + 5e-6 * Math.sign(t - 2), 2),
    spec: none("jump at x", 0.2, 0.2),
  },
  {
    id: "J",
    title: "A pole 1e-7 from x: the stencils straddle it, noise-limited with an O(1) value",
    repro: "derivative((t) => Math.tanh(t) - 0.57 / (t - 2.4e-7), 0)",
    run: () => derivative((t) => Math.tanh(t) - 0.57 / (t - 2.4e-7), 0),
    spec: truthSpec(1 + 0.57 / 2.4e-7 ** 2),
  },
  {
    id: "M",
    title: "One-sided orders 2–4 on smooth f: the sharpened-error stop fires while rows still move by 1e-3",
    repro: "derivative(Math.cos, -0.050684431434142634, { method: 'forward', order: 4 })",
    run: () => derivative(Math.cos, -0.050684431434142634, { method: "forward", order: 4 }),
    spec: truthSpec(Math.cos(-0.050684431434142634)),
  },
  {
    id: "K",
    title: "Jacobian entries of a noisy F (known; another helper's)",
    repro:
      "jacobian((x) => [Math.exp(x[0]) * (1 + 1e-8 * hashNoise(x[0] + 3 * x[1], 2)), x[1]], [0.5, 1]) [0][0]",
    run: () =>
      entry(
        jacobian((x) => [Math.exp(x[0]) * (1 + 1e-8 * hashNoise(x[0] + 3 * x[1], 2)), x[1]], [0.5, 1]),
        0,
        0,
      ),
    spec: truthSpec(Math.exp(0.5)),
  },
];

/**
 * The classes as a markdown table: repro, result, truth, verdict.
 *
 * @example
 * ```ts
 * console.log(classesMarkdown());
 * ```
 */
export function classesMarkdown(): string {
  const rows = FAILURE_CLASSES.map((c) => {
    let answer: Answer;
    try {
      answer = c.run();
    } catch (e) {
      return `| ${c.id} | ${c.title} | \`${c.repro}\` | threw ${String(e)} | ${specText(c.spec)} | dishonest |`;
    }
    const v = judge(c.spec, answer);
    const verdict = v.honest ? "honest" : v.confident ? "**dishonest, confident**" : "dishonest";
    const said = `${num(answer.value)} ± ${num(answer.error)} (${answer.status ?? "ok"})`;
    return `| ${c.id} | ${c.title} | \`${c.repro}\` | ${said} | ${specText(c.spec)} | ${verdict} |`;
  });
  return [
    "| class | what | repro | result | truth | verdict |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

/** Relative noise levels of the few-ulps measurement (class H): 3e-15 … 1e-13. */
export const FEW_ULPS_LEVELS: readonly number[] = [3e-15, 1e-14, 3e-14, 1e-13];

/** Points per function of the few-ulps measurement: x = 0.5 + 0.0137·i, i < 300. */
export const FEW_ULPS_POINTS = 300;

/**
 * Class H measured: `derivative` (order 1, defaults) of cos and exp times (1 + level·u(t)), u the hash
 * noise with seed 77 + i, at FEW_ULPS_POINTS points each: the share of dishonest answers per level and
 * the median of true error / estimate among them.
 *
 * @example
 * ```ts
 * fewUlpsNoise()[0]; // { level: 3e-15, dishonest: 387, cases: 600, medianOff: 2.2 } on 03d91b4
 * ```
 */
export function fewUlpsNoise(): { level: number; dishonest: number; cases: number; medianOff: number }[] {
  const bases: [(t: number) => number, (t: number) => number][] = [
    [Math.cos, (t) => -Math.sin(t)],
    [Math.exp, Math.exp],
  ];
  return FEW_ULPS_LEVELS.map((level) => {
    const offs: number[] = [];
    for (const [g, dg] of bases) {
      for (let i = 0; i < FEW_ULPS_POINTS; i++) {
        const x = 0.5 + i * 0.0137;
        const r = derivative((t) => g(t) * (1 + level * hashNoise(t, 77 + i)), x);
        const off = Math.abs(r.value - dg(x)) / r.error;
        if (!(off <= 1)) offs.push(off);
      }
    }
    offs.sort((a, b) => a - b);
    const medianOff = offs.length > 0 ? offs[offs.length >> 1] : NaN;
    return { level, dishonest: offs.length, cases: bases.length * FEW_ULPS_POINTS, medianOff };
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(classesMarkdown());
  console.log(
    "\nClass H, f′ of cos and exp with relative noise of a few ulps (dishonest / cases, median times off):\n",
  );
  for (const r of fewUlpsNoise()) {
    console.log(`- ${r.level}: ${r.dishonest} / ${r.cases}, median ${num(r.medianOff)}×`);
  }
}
