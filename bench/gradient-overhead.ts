/**
 * Overhead of the book-mode gradient: `gradient(f, x, { method: "central", step: 1e-4 })` against a
 * hand-written loop making the same 2N calls of the same f on one working copy (the book's
 * numerical_gradient written directly), N = 3000, runs alternating in one process, median ratio.
 * Issue 3: the ratio must be ≤ 1.15 (target ≤ 1.05).
 *
 * ```sh
 * npx tsx bench/gradient-overhead.ts [--quick]
 * ```
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { gradient } from "../src/core/index.js";
import { median } from "./stats.js";

/** Dimension of the function (issue 3). */
export const OVERHEAD_N = 3000;

/** Alternating rounds of the full run and of the quick run; each round times both once. */
export const OVERHEAD_ROUNDS = 31;
export const QUICK_OVERHEAD_ROUNDS = 9;

/** The book's step. */
const H = 1e-4;

/** Σ x_i² + 0.5·x_i, a cheap O(N) f, so the per-call overhead of the library is as visible as it gets. */
function f(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i] + 0.5 * x[i];
  return s;
}

/** The hand-written loop: 2N calls, restore from the saved value. */
function handGradient(x: ArrayLike<number>): Float64Array {
  const w = Float64Array.from(x);
  const g = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const t = w[i];
    w[i] = t + H;
    const a = f(w);
    w[i] = t - H;
    const b = f(w);
    g[i] = (a - b) / (2 * H);
    w[i] = t;
  }
  return g;
}

/** Figures of one run. */
export interface OverheadResult {
  n: number;
  rounds: number;
  /** Median of time(gradient) / time(hand loop) over the rounds. */
  medianRatio: number;
  /** Median seconds of one gradient and of one hand loop. */
  gradientSeconds: number;
  handSeconds: number;
  /** Calls of f per gradient (2N). */
  evaluations: number;
  /** The two give the same doubles. */
  identicalBits: boolean;
  target: number;
  limit: number;
}

/**
 * Runs the comparison. Each round times the two in alternating order, so drifts of the machine
 * (other processes, frequency) hit both alike.
 *
 * @example
 * ```ts
 * run({ quick: true }).medianRatio; // ≈ 1.0
 * ```
 */
export function run(options: { quick?: boolean } = {}): OverheadResult {
  const rounds = options.quick ? QUICK_OVERHEAD_ROUNDS : OVERHEAD_ROUNDS;
  const x = Array.from({ length: OVERHEAD_N }, (_, i) => Math.sin(i) * 3);
  const book = { method: "central", step: H } as const;
  // Warm-up (JIT) and the bit check.
  const a = gradient(f, x, book);
  const b = handGradient(x);
  let identicalBits = true;
  for (let i = 0; i < OVERHEAD_N; i++) if (!Object.is(a.value[i], b[i])) identicalBits = false;
  const ratios: number[] = [];
  const tg: number[] = [];
  const th: number[] = [];
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? ["gradient", "hand"] : ["hand", "gradient"];
    let sg = 0;
    let sh = 0;
    for (const which of order) {
      const t0 = performance.now();
      if (which === "gradient") sink += gradient(f, x, book).value[0];
      else sink += handGradient(x)[0];
      const dt = (performance.now() - t0) / 1000;
      if (which === "gradient") sg = dt;
      else sh = dt;
    }
    tg.push(sg);
    th.push(sh);
    ratios.push(sg / sh);
  }
  if (Number.isNaN(sink)) throw new Error("unreachable: keeps the results alive");
  return {
    n: OVERHEAD_N,
    rounds,
    medianRatio: median(ratios),
    gradientSeconds: median(tg),
    handSeconds: median(th),
    evaluations: a.evaluations,
    identicalBits,
    target: 1.05,
    limit: 1.15,
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = run({ quick: process.argv.includes("--quick") });
  console.log(
    `book-mode gradient, N = ${r.n}: median ratio ${r.medianRatio.toFixed(3)} over ${r.rounds} rounds ` +
      `(gradient ${(r.gradientSeconds * 1e3).toFixed(1)} ms, hand loop ${(r.handSeconds * 1e3).toFixed(1)} ms, ` +
      `${r.evaluations} calls, identical bits: ${r.identicalBits}; target ≤ ${r.target}, limit ≤ ${r.limit})`,
  );
  console.log(JSON.stringify(r));
}
