/**
 * Throughput: derivatives of sin at N points with default options, each checked against cos to
 * 1e-12, in points per second. The points x_i = -10 + (20·i)/(N-1) are the same doubles
 * bench/peers/scipy_throughput.py uses.
 *
 * ```sh
 * npx tsx bench/throughput.ts [points] [repeats]
 * ```
 */
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

/** Timed runs; the median is reported (the first run also warms up the JIT). */
export const THROUGHPUT_REPEATS = 3;

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
 * reports the median speed and how many results are within 1e-12 of cos x.
 *
 * @example
 * ```ts
 * throughput(1000).withinTolerance; // 1000
 * ```
 */
export function throughput(
  points: number = THROUGHPUT_POINTS,
  repeats = THROUGHPUT_REPEATS,
): ThroughputResult {
  const x = throughputPoints(points);
  const values = new Float64Array(points);
  const evaluations = new Float64Array(points);
  const runs: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    for (let i = 0; i < points; i++) {
      const res = derivative(Math.sin, x[i]);
      values[i] = res.value;
      evaluations[i] = res.evaluations;
    }
    runs.push((performance.now() - t0) / 1000);
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
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const points = Number(process.argv[2] ?? THROUGHPUT_POINTS);
  const repeats = Number(process.argv[3] ?? THROUGHPUT_REPEATS);
  console.log(JSON.stringify(throughput(points, repeats), null, 2));
}
