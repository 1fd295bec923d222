/**
 * Honest Jacobian entries for a float32 or noisy F (issue 10). Three scans of small Jacobians, each
 * entry compared with its analytic derivative (honest: |value − truth| ≤ error, or a status that says
 * there is no derivative; the truth's own double rounding, 4·EPS·|truth|, is allowed for):
 *
 * - **float32**: F(x) = [f32(g(f32(x₀))), h(x₁), f32(f32(x₀)·f32(x₁))] for eight g and h, at float32 and
 *   at double x (the product's truth is taken at f32(x));
 * - **noise**: the same g and h in double with a hashed relative noise of 1e-13 to 1e-6 in two of the
 *   three components (test/fixtures/noise-hash.ts), depending on both coordinates;
 * - **smooth**: random compositions of smooth double functions, 1 to 5 components of 1 to 4 variables,
 *   at random, half-integer and large (±100) x: how many entries are not "ok" and the calls per column,
 *   the cost of the recheck (jacobian-recheck.ts) on an F that does not need it.
 *
 * Writes bench/jacobian-honesty-results.json and prints a markdown table.
 *
 * ```sh
 * npx tsx bench/jacobian-honesty.ts [--quick]
 * ```
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { EPS } from "../src/core/all-constants.js";
import { jacobian, STATUSES, type JacobianResult } from "../src/core/index.js";
import { hashNoise } from "../test/fixtures/noise-hash.js";

/** Where the results are written. */
export const HONESTY_RESULTS_PATH = fileURLToPath(
  new URL("./jacobian-honesty-results.json", import.meta.url),
);

/** Jacobians per scan, full and quick. */
export const HONESTY_TRIALS = { mixed: 200, smooth: 3000 };
export const QUICK_HONESTY_TRIALS = { mixed: 20, smooth: 100 };

/** The figures of one scan. */
export interface HonestyScan {
  scan: string;
  jacobians: number;
  entries: number;
  honest: number;
  /** Entries by status. */
  statuses: Record<string, number>;
  callsPerColumn: number;
}

const f32 = Math.fround;
/** Functions of one variable and their derivatives. */
const G: [(t: number) => number, (t: number) => number][] = [
  [Math.tanh, (t) => 1 - Math.tanh(t) ** 2],
  [Math.exp, Math.exp],
  [Math.sin, Math.cos],
  [(t) => Math.log(1 + t * t), (t) => (2 * t) / (1 + t * t)],
  [(t) => t * t, (t) => 2 * t],
  [Math.atan, (t) => 1 / (1 + t * t)],
  [(t) => Math.sqrt(2 + t), (t) => 0.5 / Math.sqrt(2 + t)],
  [(t) => 1 / (1 + Math.exp(-t)), (t) => Math.exp(-t) / (1 + Math.exp(-t)) ** 2],
];
/** Statuses that say there is no derivative to cover. */
const NO_DERIVATIVE = new Set(["not-finite", "discontinuous"]);

/** A deterministic generator of uniform numbers in [0, 1). */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0), s / 4294967296);
}

/** Adds a Jacobian's entries, against `truth[i][j]` (NaN: not scored), to a scan's figures. */
function score(s: HonestyScan, r: JacobianResult, truth: number[][], n: number): void {
  s.jacobians++;
  s.callsPerColumn += r.evaluations / n;
  truth.forEach((row, i) =>
    row.forEach((t, j) => {
      if (Number.isNaN(t)) return;
      const status = STATUSES[r.statuses[i][j]];
      s.entries++;
      s.statuses[status] = (s.statuses[status] ?? 0) + 1;
      const off = Math.abs(r.value[i][j] - t);
      if (off <= r.error[i][j] + 4 * EPS * Math.abs(t) || NO_DERIVATIVE.has(status)) s.honest++;
    }),
  );
}

function scan(name: string): HonestyScan {
  return { scan: name, jacobians: 0, entries: 0, honest: 0, statuses: {}, callsPerColumn: 0 };
}

function finish(s: HonestyScan): HonestyScan {
  return { ...s, callsPerColumn: Math.round((10 * s.callsPerColumn) / s.jacobians) / 10 };
}

/**
 * The float32 and the noise scans (see the file comment).
 *
 * @example
 * ```ts
 * mixedScans(20).float32.honest; // of 120 entries
 * ```
 */
export function mixedScans(trials: number): { float32: HonestyScan; noise: HonestyScan } {
  const rnd = generator(12345);
  const out = { float32: scan("float32"), noise: scan("noise") };
  for (let trial = 0; trial < trials; trial++) {
    const [g, dg] = G[trial % G.length];
    const [h, dh] = G[(trial * 7 + 3) % G.length];
    const double = trial % 2 === 0;
    const x0 = double ? rnd() * 3 - 1.5 : f32(rnd() * 3 - 1.5);
    const x1 = double ? rnd() * 2 - 1 : f32(rnd() * 2 - 1);
    const F32 = (x: Float64Array): number[] => [f32(g(f32(x[0]))), h(x[1]), f32(f32(x[0]) * f32(x[1]))];
    const truth = [
      [dg(x0), 0],
      [0, dh(x1)],
      [f32(x1), f32(x0)],
    ];
    score(out.float32, jacobian(F32, [x0, x1]), truth, 2);
    const level = 10 ** -(6 + (trial % 8));
    const bits = (t: number): number => Math.floor(hashNoise(t) * 1e9) >>> 0;
    const noisy = (x: Float64Array): number[] => [
      g(x[0]) * (1 + level * hashNoise(x[0], bits(x[1]))),
      h(x[1]),
      x[0] * x[1] + level * hashNoise(x[1], 7 + bits(x[0])),
    ];
    score(
      out.noise,
      jacobian(noisy, [x0, x1]),
      [
        [dg(x0), 0],
        [0, dh(x1)],
        [x1, x0],
      ],
      2,
    );
  }
  return { float32: finish(out.float32), noise: finish(out.noise) };
}

/**
 * Smooth functions of one variable for the smooth scan, and their derivatives: log(2 + t) and
 * √(3 + t) have infinite slopes at their domain edges, which a random point of F may meet.
 */
const SMOOTH: [(t: number) => number, (t: number) => number][] = [
  [Math.sin, Math.cos],
  [Math.cos, (t) => -Math.sin(t)],
  [Math.exp, Math.exp],
  [Math.tanh, (t) => 1 - Math.tanh(t) ** 2],
  [Math.atan, (t) => 1 / (1 + t * t)],
  [(t) => t * t * t, (t) => 3 * t * t],
  [(t) => 1 / (1 + t * t), (t) => (-2 * t) / (1 + t * t) ** 2],
  [(t) => Math.log(2 + t), (t) => 1 / (2 + t)],
  [(t) => Math.sqrt(3 + t), (t) => 0.5 / Math.sqrt(3 + t)],
  [(t) => t, () => 1],
  [(t) => 3 * t - 1, () => 3],
];

/**
 * The smooth scan (see the file comment): F_i(x) = a(Σ c_ij x_j)·b(x₀) + c(x_{n−1}).
 *
 * @example
 * ```ts
 * smoothScan(100).statuses.ok; // nearly every entry
 * ```
 */
export function smoothScan(trials: number): HonestyScan {
  const rnd = generator(99);
  const s = scan("smooth");
  for (let trial = 0; trial < trials; trial++) {
    const n = 1 + (trial % 4);
    const m = 1 + ((trial >> 2) % 5);
    const pick = Array.from({ length: 3 * m }, () => SMOOTH[Math.floor(rnd() * SMOOTH.length)]);
    const coef = Array.from({ length: m * n }, () => Math.floor(rnd() * 5) - 2);
    const inner = (x: ArrayLike<number>, i: number): number => {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += coef[i * n + j] * x[j];
      return sum;
    };
    const F = (x: Float64Array): number[] =>
      Array.from(
        { length: m },
        (_, i) => pick[3 * i][0](inner(x, i)) * pick[3 * i + 1][0](x[0]) + pick[3 * i + 2][0](x[n - 1]),
      );
    const kind = trial % 3;
    const x = Array.from({ length: n }, () =>
      kind === 0 ? rnd() * 4 - 2 : kind === 1 ? Math.round(rnd() * 8 - 4) / 2 : rnd() * 200 - 100,
    );
    const truth = Array.from({ length: m }, (_, i) => {
      const [a, b, c] = [pick[3 * i], pick[3 * i + 1], pick[3 * i + 2]];
      const u = inner(x, i);
      return x.map((_, j) => {
        let t = coef[i * n + j] * a[1](u) * b[0](x[0]);
        if (j === 0) t += a[0](u) * b[1](x[0]);
        if (j === n - 1) t += c[1](x[n - 1]);
        return t;
      });
    });
    score(s, jacobian(F, x), truth, n);
  }
  return finish(s);
}

/** The table of the three scans. */
function table(scans: HonestyScan[]): string {
  const rows = scans.map((s) => {
    const statuses = Object.entries(s.statuses)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    return `| ${s.scan} | ${s.jacobians} | ${s.entries} | ${s.honest} | ${statuses} | ${s.callsPerColumn} |`;
  });
  return [
    "| scan | Jacobians | entries | honest | statuses | calls per column |",
    "| --- | --: | --: | --: | --- | --: |",
    ...rows,
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const trials = process.argv.includes("--quick") ? QUICK_HONESTY_TRIALS : HONESTY_TRIALS;
  const { float32, noise } = mixedScans(trials.mixed);
  const scans = [float32, noise, smoothScan(trials.smooth)];
  if (!process.argv.includes("--quick"))
    writeFileSync(
      HONESTY_RESULTS_PATH,
      JSON.stringify({ date: new Date().toISOString(), scans }, null, 2) + "\n",
    );
  console.log(table(scans));
}
