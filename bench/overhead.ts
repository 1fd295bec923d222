/**
 * Per-evaluation overhead of numdiff beyond f (issue 10: at most 100 ns; 245–385 ns with 0.1.0), for
 * `derivative`, `gradient` and `jacobian` with default options on trivial functions:
 *
 *   overhead = (time of the calls − time of calling f alone as often, in a tight loop) / calls of f.
 *
 * Each round times one pass of the API over a fixed set of points and then the bare loop making the
 * same number of calls of f on the same points, so machine drift hits both. Times are CPU time of the
 * process (`process.cpuUsage()`, microsecond resolution; a pass takes a millisecond or more), not wall
 * time, so that other processes on a busy machine do not count; WARM_UP_ROUNDS untimed rounds first
 * let the JIT settle. Two figures are reported:
 * the least-disturbed one, (fastest API pass − fastest bare loop) / calls, which is what the code costs
 * when nothing else runs (on a busy shared machine other processes only ever add time), and the median
 * over rounds of the per-round difference, which is what a user on a busy machine sees. The bare loop is the floor a hand-written difference could reach; what is left is the
 * engine's bookkeeping, its allocation and the call through a closure.
 *
 * Writes bench/overhead-results.json and prints a markdown section.
 *
 * ```sh
 * npx tsx bench/overhead.ts [--quick]
 * ```
 */
import { writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { derivative, gradient, jacobian } from "../src/core/index.js";
import { median } from "./stats.js";

/** Where the results are written. */
export const OVERHEAD_RESULTS_PATH = fileURLToPath(new URL("./overhead-results.json", import.meta.url));

/** Rounds of the full and of the quick run (each round times the API pass and the bare loop once). */
export const OVERHEAD_ROUNDS = 151;
export const QUICK_OVERHEAD_ROUNDS = 3;

/** Untimed rounds before the timed ones (the JIT optimizes the engine over the first few). */
export const WARM_UP_ROUNDS = 20;

/** Points per pass: one-variable (derivative) and several-variable (gradient, jacobian). */
export const SCALAR_POINTS = 1000;
export const VECTOR_POINTS = 100;

/** Dimension of x for gradient and jacobian, and outputs of the Jacobian's F. */
export const VECTOR_DIMENSION = 8;
export const JACOBIAN_OUTPUTS = 4;

/** Issue 10's target, ns per evaluation. */
export const OVERHEAD_TARGET_NS = 100;

/** One API's figures. */
export interface OverheadFigure {
  api: "derivative" | "gradient" | "jacobian";
  /** Calls of the API per pass, and calls of f they made (from `result.evaluations`). */
  calls: number;
  evaluations: number;
  /** Overhead beyond f, ns per evaluation: (fastest API pass − fastest bare loop) / evaluations. */
  nsPerEvaluation: number;
  /** Median over rounds of the per-round overhead, ns per evaluation. */
  medianNsPerEvaluation: number;
  /** Cost of f alone (fastest bare loop), ns per call. */
  fNsPerEvaluation: number;
  /** Overhead of every round, ns per evaluation. */
  runs: number[];
}

/** The whole measurement. */
export interface OverheadReport {
  date: string;
  /** The 1-minute load average before the run, and the number of cores. */
  load: number;
  cores: number;
  rounds: number;
  targetNs: number;
  figures: OverheadFigure[];
}

/** A workload: one API pass (returning its evaluations) and the bare loop over the same points. */
interface Workload {
  api: OverheadFigure["api"];
  calls: number;
  pass: () => number;
  bare: (evaluations: number) => number;
}

const square = (x: number): number => x * x;

function sumSquares(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s;
}

function smallMap(x: Float64Array): number[] {
  const out = new Array<number>(JACOBIAN_OUTPUTS);
  for (let i = 0; i < JACOBIAN_OUTPUTS; i++) out[i] = x[i] * x[i + 1] + x[i + 2];
  return out;
}

let sink = 0;

function workloads(): Workload[] {
  const xs = Array.from({ length: SCALAR_POINTS }, (_, i) => 0.5 + (1.5 * i) / SCALAR_POINTS);
  const points = Array.from({ length: VECTOR_POINTS }, (_, k) =>
    Float64Array.from({ length: VECTOR_DIMENSION }, (_, i) => Math.sin(k + i) + 2),
  );
  const vectorBare = (f: (x: Float64Array) => unknown) => (evaluations: number) => {
    const w = new Float64Array(VECTOR_DIMENSION);
    let s = 0;
    for (let e = 0; e < evaluations; e++) {
      w.set(points[e % VECTOR_POINTS]);
      const v = f(w);
      s += typeof v === "number" ? v : (v as number[])[0];
    }
    return s;
  };
  /** One pass: `call` at every point, summing the evaluations it reports. */
  const passOver =
    <P>(pts: readonly P[], call: (p: P) => { first: number; evaluations: number }) =>
    (): number => {
      let evaluations = 0;
      for (const p of pts) {
        const r = call(p);
        sink += r.first;
        evaluations += r.evaluations;
      }
      return evaluations;
    };
  return [
    {
      api: "derivative",
      calls: SCALAR_POINTS,
      pass: passOver(xs, (x) => {
        const r = derivative(square, x);
        return { first: r.value, evaluations: r.evaluations };
      }),
      bare: (evaluations) => {
        let s = 0;
        for (let e = 0; e < evaluations; e++) s += square(xs[e % SCALAR_POINTS]);
        return s;
      },
    },
    {
      api: "gradient",
      calls: VECTOR_POINTS,
      pass: passOver(points, (x) => {
        const r = gradient(sumSquares, x);
        return { first: r.value[0], evaluations: r.evaluations };
      }),
      bare: vectorBare(sumSquares),
    },
    {
      api: "jacobian",
      calls: VECTOR_POINTS,
      pass: passOver(points, (x) => {
        const r = jacobian(smallMap, x);
        return { first: r.value[0][0], evaluations: r.evaluations };
      }),
      bare: vectorBare(smallMap),
    },
  ];
}

/** CPU time of the process so far, in ns. */
function cpuNs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1e3;
}

function measure(w: Workload, rounds: number, warmUp: number): OverheadFigure {
  const evaluations = w.pass(); // the count
  for (let r = 0; r < warmUp; r++) sink += w.pass() + w.bare(evaluations);
  const runs: number[] = [];
  let fastestPass = Infinity;
  let fastestBare = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = cpuNs();
    w.pass();
    const t1 = cpuNs();
    sink += w.bare(evaluations);
    const t2 = cpuNs();
    fastestPass = Math.min(fastestPass, t1 - t0);
    fastestBare = Math.min(fastestBare, t2 - t1);
    runs.push((t1 - t0 - (t2 - t1)) / evaluations);
  }
  return {
    api: w.api,
    calls: w.calls,
    evaluations,
    nsPerEvaluation: (fastestPass - fastestBare) / evaluations,
    medianNsPerEvaluation: median(runs),
    fNsPerEvaluation: fastestBare / evaluations,
    runs,
  };
}

/**
 * Measures the three APIs.
 *
 * @example
 * ```ts
 * runOverhead({ quick: true }).figures.map((f) => f.nsPerEvaluation); // e.g. [250, 300, 380]
 * ```
 */
export function runOverhead(options: { quick?: boolean } = {}): OverheadReport {
  const rounds = options.quick ? QUICK_OVERHEAD_ROUNDS : OVERHEAD_ROUNDS;
  const load = loadavg()[0];
  const warmUp = options.quick ? 1 : WARM_UP_ROUNDS;
  const figures = workloads().map((w) => measure(w, rounds, warmUp));
  if (Number.isNaN(sink)) throw new Error("unreachable: keeps the results alive");
  const date = new Date().toISOString();
  return { date, load, cores: availableParallelism(), rounds, targetNs: OVERHEAD_TARGET_NS, figures };
}

/**
 * The report as a markdown section.
 *
 * @example
 * ```ts
 * console.log(overheadMarkdown(runOverhead()));
 * ```
 */
export function overheadMarkdown(r: OverheadReport): string {
  const spread = (runs: number[]): string =>
    `${Math.round(Math.min(...runs))}–${Math.round(Math.max(...runs))}`;
  return [
    "## Per-evaluation overhead (issue 10)",
    "",
    `CPU time beyond f per call of f, default options, ${r.rounds} rounds after ${WARM_UP_ROUNDS} untimed ` +
      `ones (target ≤ ${r.targetNs} ns; ${r.date}, load average ${r.load.toFixed(2)} on ${r.cores} cores): ` +
      "fastest pass minus fastest bare loop, and the median of the per-round differences (busy-machine view). " +
      `f: x² (derivative), Σ xᵢ² with n = ${VECTOR_DIMENSION} (gradient), ${JACOBIAN_OUTPUTS} outputs of ` +
      `n = ${VECTOR_DIMENSION} (jacobian).`,
    "",
    "| API | calls | evaluations | overhead ns/eval | median ns/eval | range over rounds | f alone ns/eval |",
    "| --- | --: | --: | --: | --: | --: | --: |",
    ...r.figures.map(
      (f) =>
        `| ${f.api} | ${f.calls} | ${f.evaluations} | ${Math.round(f.nsPerEvaluation)} | ` +
        `${Math.round(f.medianNsPerEvaluation)} | ${spread(f.runs)} | ` +
        `${f.fNsPerEvaluation.toFixed(1)} |`,
    ),
  ].join("\n");
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = runOverhead({ quick: process.argv.includes("--quick") });
  writeFileSync(OVERHEAD_RESULTS_PATH, JSON.stringify(report, null, 1) + "\n");
  console.log(overheadMarkdown(report));
}
