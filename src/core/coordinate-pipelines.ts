/**
 * The coordinates of a gradient (or one partial) as pipelines: coordinate i is derivative's pipeline
 * along x_i, on a sampler without f whose points the batched or async runner evaluates at x0 with
 * x_i = t. Component i is `partial(f, x, i, options)` bit for bit.
 */

import { BATCH_BLOCK_NUMBERS, LOCKSTEP_PIPELINES } from "./constants.js";
import { derivativePipeline } from "./derivative-pipeline.js";
import { baseStencil } from "./driver.js";
import { Sampler, type Pipeline } from "./sampler.js";
import { ScalarEngine } from "./scalar-engine.js";
import { statusCode, worstStatus } from "./status.js";
import type { Accuracy, DerivativeResult } from "./types.js";
import { resolveOptions } from "./validate.js";
import { boundsOf, type ResolvedMultivariate } from "./vector.js";

/**
 * make(k) for coordinate `coordinates[k]` of x0 (see the file comment); engines come from a pool.
 *
 * @example
 * ```ts
 * const make = coordinatePipelines(x0, resolveMultivariate(undefined, x0), [0, 1]);
 * ```
 */
export function coordinatePipelines(
  x0: Float64Array,
  o: ResolvedMultivariate,
  coordinates: ArrayLike<number>,
): (k: number) => Pipeline<DerivativeResult> {
  const pool: ScalarEngine[] = [];
  return function* (k: number): Pipeline<DerivativeResult> {
    const i = coordinates[k];
    const options = { ...o.engine, step: o.step, accuracy: o.accuracy as Accuracy, bounds: boundsOf(o, i) };
    const opts = resolveOptions(options, x0[i]);
    const engine = pool.pop() ?? new ScalarEngine();
    try {
      return yield* derivativePipeline(engine, new Sampler(null, opts.lo, opts.hi), x0[i], opts);
    } finally {
      pool.push(engine);
    }
  };
}

/**
 * How many coordinates of a function of n variables run in lockstep: at most LOCKSTEP_PIPELINES, and
 * few enough that a round's block of points (up to the widest stencil row per coordinate, n numbers
 * each) stays within BATCH_BLOCK_NUMBERS.
 *
 * @example
 * ```ts
 * coordinatesInFlight(10_000, 1); // 190
 * ```
 */
export function coordinatesInFlight(n: number, order: number): number {
  const row = Math.max(baseStencil("central", order).offsets.length, 2 * order + 1);
  return Math.max(1, Math.min(LOCKSTEP_PIPELINES, Math.floor(BATCH_BLOCK_NUMBERS / (n * row))));
}

/**
 * The gradient's typed arrays from the coordinates' results.
 *
 * @example
 * ```ts
 * packGradient([{ value: 2, error: 1e-15, step: 0.1, evaluations: 6, method: "central", status: "ok" }]).value;
 * // Float64Array [2]
 * ```
 */
export function packGradient(results: DerivativeResult[]): {
  value: Float64Array;
  error: Float64Array;
  evaluations: number;
  status: ReturnType<typeof worstStatus>;
  statuses: Uint8Array;
} {
  const n = results.length;
  const value = new Float64Array(n);
  const error = new Float64Array(n);
  const statuses = new Uint8Array(n);
  let evaluations = 0;
  for (let i = 0; i < n; i++) {
    value[i] = results[i].value;
    error[i] = results[i].error;
    statuses[i] = statusCode(results[i].status);
    evaluations += results[i].evaluations;
  }
  return { value, error, evaluations, status: worstStatus([statuses]), statuses };
}
