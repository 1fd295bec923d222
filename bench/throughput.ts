/**
 * Throughput: derivatives of sin at N points with default options, each checked against cos to
 * 1e-12, in points per second. The points x_i = -10 + (20·i)/(N-1) are the same doubles
 * bench/peers/scipy_throughput.py uses. `derivative(Math.sin, xs)` (issue 13's figure) by default,
 * or a loop of `derivative(Math.sin, x)` (mode "loop"). Seconds are wall time (median of the
 * repeats) and CPU time of the process (the best repeat: this machine is shared, and CPU time is what
 * another process does not steal).
 *
 * ```sh
 * npx tsx bench/throughput.ts [points] [repeats]   # both modes, with the load average
 * ```
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { derivative } from "../src/core/index.js";
import { median } from "./stats.js";

/** Points of the full run (issue 6). */
export const THROUGHPUT_POINTS = 100_000;

/** Points of the quick run. */
export const QUICK_THROUGHPUT_POINTS = 10_000;

/** Largest |computed - cos x| counted as correct: issue 2's first-derivative tolerance (|sin| ≤ 1). */
export const THROUGHPUT_TOLERANCE = 1e-12;

/** Timed runs; the median wall and the best CPU time are reported (the first run also warms up the JIT). */
export const THROUGHPUT_REPEATS = 3;

/** How the points are differentiated: one call with the array, or a loop of one call per point. */
export type ThroughputMode = "array" | "loop";

/** Throughput figures of one tool. */
export interface ThroughputResult {
  points: number;
  /** Median seconds of one pass over all points. */
  seconds: number;
  /** Seconds of every pass. */
  runs: number[];
  pointsPerSecond: number;
  /** Points whose derivative is within {@link THROUGHPUT_TOLERANCE} of cos x. */
  withinTolerance: number;
  tolerance: number;
  maxAbsError: number;
  /** Median calls of sin per point. */
  medianEvaluations: number;
  mode: ThroughputMode;
  /** CPU seconds of the best pass, and points per CPU second there. */
  cpuSeconds: number;
  pointsPerCpuSecond: number;
}

/**
 * The throughput points: x_i = -10 + (20·i)/(n-1), i = 0..n-1.
 *
 * @example
 * ```ts
 * throughputPoints(3); // Float64Array [-10, 0, 10]
 * ```
 */
export function throughputPoints(n: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = -10 + (20 * i) / (n - 1);
  return x;
}

/**
 * Differentiates sin at `points` points `repeats` times with `derivative` (default options) and
 * reports the speed and how many results are within 1e-12 of cos x.
 *
 * @example
 * ```ts
 * throughput(1000).withinTolerance; // 1000
 * throughput(1000, 3, "loop").pointsPerSecond; // a loop of derivative(Math.sin, x)
 * ```
 */
export function throughput(
  points: number = THROUGHPUT_POINTS,
  repeats = THROUGHPUT_REPEATS,
  mode: ThroughputMode = "array",
): ThroughputResult {
  const x = throughputPoints(points);
  let values: Float64Array = new Float64Array(points);
  const evaluations = new Float64Array(points);
  const runs: number[] = [];
  let cpuSeconds = Infinity;
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    if (mode === "array") {
      const res = derivative(Math.sin, x);
      values = res.value;
      // The per-point counts are in the results, built on first access: after the clock stops.
      runs.push((performance.now() - t0) / 1000);
      const c = process.cpuUsage(c0);
      cpuSeconds = Math.min(cpuSeconds, (c.user + c.system) / 1e6);
      res.results.forEach((one, i) => (evaluations[i] = one.evaluations));
      continue;
    }
    for (let i = 0; i < points; i++) {
      const res = derivative(Math.sin, x[i]);
      values[i] = res.value;
      evaluations[i] = res.evaluations;
    }
    runs.push((performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpuSeconds = Math.min(cpuSeconds, (c.user + c.system) / 1e6);
  }
  let within = 0;
  let maxAbsError = 0;
  for (let i = 0; i < points; i++) {
    const err = Math.abs(values[i] - Math.cos(x[i]));
    if (err <= THROUGHPUT_TOLERANCE) within++;
    maxAbsError = Number.isNaN(err) ? NaN : Math.max(maxAbsError, err);
  }
  const seconds = median(runs);
  return {
    points,
    seconds,
    runs,
    pointsPerSecond: points / seconds,
    withinTolerance: within,
    tolerance: THROUGHPUT_TOLERANCE,
    maxAbsError,
    medianEvaluations: median(Array.from(evaluations)),
    mode,
    cpuSeconds,
    pointsPerCpuSecond: points / cpuSeconds,
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const points = Number(process.argv[2] ?? THROUGHPUT_POINTS);
  const repeats = Number(process.argv[3] ?? THROUGHPUT_REPEATS);
  const before = loadavg();
  const array = throughput(points, repeats, "array");
  const loop = throughput(points, repeats, "loop");
  const { runs: _a, ...arraySummary } = array;
  const { runs: _l, ...loopSummary } = loop;
  console.log(
    JSON.stringify(
      { loadBefore: before, loadAfter: loadavg(), array: arraySummary, loop: loopSummary },
      null,
      2,
    ),
  );
}
