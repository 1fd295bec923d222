/**
 * `derivative(f, xs)`: the derivative at many points, elementwise (as scipy.differentiate's is), in
 * typed arrays. A first derivative with default options takes derivative()'s common path without its
 * per-point machinery (common-path.ts). With `batch: true` the points' pipelines run in lockstep
 * (rounds.ts) and each round is one call of f with every point it needs; otherwise a plain loop of
 * derivative().
 */

import { evaluateBatch } from "./batch.js";
import { runSync } from "./column-steps.js";
import { LOCKSTEP_PIPELINES } from "./constants.js";
import { commonPathApplies, derivativeCommon } from "./common-path.js";
import { commonResult } from "./common-result.js";
import { derivativePipeline } from "./derivative-pipeline.js";
import { roundsOf } from "./rounds.js";
import { Sampler, type Pipeline } from "./sampler.js";
import { ScalarEngine } from "./scalar-engine.js";
import { statusCode, STATUSES } from "./status.js";
import type { BatchFn, DerivativeOptions, DerivativeResult, Fn1, Status } from "./types.js";
import { resolveOptions } from "./validate.js";
import { toPoint } from "./vector.js";

/**
 * Derivatives at many points: entry i is `derivative(f, xs[i], options)`'s, bit for bit. `results`
 * may be built on first access (a first derivative with default options, common-path.ts).
 *
 * @example
 * ```ts
 * import { derivative, STATUSES } from "numdiff";
 * const r = derivative(Math.sqrt, [1, 4, -1]);
 * r.value; // Float64Array [0.5, 0.25, NaN] (errors ≈ 1e-15)
 * STATUSES[r.statuses[2]]; // "not-finite"
 * ```
 */
export interface DerivativesResult {
  /** The derivative at each point. */
  value: Float64Array;
  /** The estimated absolute error at each point. */
  error: Float64Array;
  /** The step behind each value. */
  step: Float64Array;
  /** Each point's status as its code in {@link STATUSES}. */
  statuses: Uint8Array;
  /** The most severe status. */
  status: Status;
  /** Calls of f over all points (a batched f: points evaluated, not calls). */
  evaluations: number;
  /** The full result of each point (one-sided derivatives, noise level, method). */
  results: DerivativeResult[];
}

/**
 * Packs per-point results into typed arrays.
 *
 * @example
 * ```ts
 * packResults([{ value: 1, error: 0, step: 1, evaluations: 3, method: "central", status: "ok" }]).value;
 * // Float64Array [1]
 * ```
 */
export function packResults(results: DerivativeResult[]): DerivativesResult {
  const n = results.length;
  const value = new Float64Array(n);
  const error = new Float64Array(n);
  const step = new Float64Array(n);
  const statuses = new Uint8Array(n);
  let evaluations = 0;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const r = results[i];
    value[i] = r.value;
    error[i] = r.error;
    step[i] = r.step;
    const c = statusCode(r.status);
    statuses[i] = c;
    if (c > worst) worst = c;
    evaluations += r.evaluations;
  }
  return { value, error, step, statuses, status: STATUSES[worst], evaluations, results };
}

/**
 * The pipelines of {@link derivativeMany}: make(i) is derivative's pipeline at xs[i] on a sampler
 * without f (its points go to the runner), with engines reused from a pool.
 *
 * @example
 * ```ts
 * const make = pointPipelines(new Float64Array([0, 1]), undefined);
 * ```
 */
export function pointPipelines(
  xs: Float64Array,
  options: DerivativeOptions | undefined,
): (i: number) => Pipeline<DerivativeResult> {
  const pool: ScalarEngine[] = [];
  return function* (i: number): Pipeline<DerivativeResult> {
    const x = xs[i];
    const opts = resolveOptions(options, x);
    const engine = pool.pop() ?? new ScalarEngine();
    try {
      return yield* derivativePipeline(engine, new Sampler(null, opts.lo, opts.hi), x, opts);
    } finally {
      pool.push(engine);
    }
  };
}

/**
 * The derivative at every point of xs (see {@link DerivativesResult}).
 *
 * @example
 * ```ts
 * derivativeMany((t: Float64Array) => t.map(Math.exp), [0, 1], { batch: true }).value;
 * // Float64Array [1, 2.718281828459…]
 * ```
 */
export function derivativeMany(
  f: Fn1 | BatchFn,
  xs: ArrayLike<number>,
  options?: DerivativeOptions,
): DerivativesResult {
  const points = toPoint(xs, "x");
  const n = points.length;
  const resolved = resolveOptions(options); // bad options throw before any call of f
  if (commonPathApplies(resolved, options)) return commonResult(derivativeCommon(f as Fn1, points, options));
  const results: DerivativeResult[] = new Array<DerivativeResult>(n);
  if (options?.batch === true) {
    const space = { x0: null, coordinate: () => -1 };
    const rounds = roundsOf(n, pointPipelines(points, options), LOCKSTEP_PIPELINES, results);
    for (const round of rounds) evaluateBatch(round, f as BatchFn, space);
  } else {
    const engine = new ScalarEngine();
    for (let i = 0; i < n; i++) {
      const opts = resolveOptions(options, points[i]);
      results[i] = runSync(
        derivativePipeline(engine, new Sampler(f as Fn1, opts.lo, opts.hi), points[i], opts),
      );
    }
  }
  return packResults(results);
}
