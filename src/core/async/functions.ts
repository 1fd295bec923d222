/**
 * derivative, partial and gradient for an async (or batched) f, returning Promises: the same
 * pipelines as the sync functions, driven round by round (rounds.ts), so the results are the sync
 * ones bit for bit.
 */

import { LOCKSTEP_PIPELINES } from "../constants.js";
import { coordinatePipelines, coordinatesInFlight, packGradient } from "../coordinate-pipelines.js";
import { invalid } from "../errors.js";
import type { GradientResult } from "../gradient.js";
import { packResults, pointPipelines, type DerivativesResult } from "../many.js";
import { checkIndex } from "../partial.js";
import { progressCounter } from "../batch.js";
import type { DerivativeOptions, DerivativeResult } from "../types.js";
import { checkFunction, resolveOptions } from "../validate.js";
import { resolveMultivariate, toPoint, type MultivariateOptions } from "../vector.js";
import { asyncEvaluator, SCALAR_SPACE } from "./evaluate.js";
import { runPipelines } from "./scheduler.js";
import type { AsyncOptions } from "./options.js";

/**
 * A scalar f that may return a Promise (or, with `batch: true`, take a Float64Array of points and
 * return, maybe as a Promise, their values).
 *
 * @example
 * ```ts
 * const f: AsyncFn1 = async (x) => Math.sin(x);
 * ```
 */
export type AsyncFn1 = (x: number) => number | Promise<number>;

/**
 * f of n variables that may return a Promise; it receives a fresh Float64Array per call.
 *
 * @example
 * ```ts
 * const f: AsyncFnN = async (x) => x[0] * x[1];
 * ```
 */
export type AsyncFnN = (x: Float64Array) => number | Promise<number>;

/**
 * A batched f that may return a Promise (see {@link BatchFn}).
 *
 * @example
 * ```ts
 * const f: AsyncBatchFn = async (points) => points.map(Math.sin);
 * ```
 */
export type AsyncBatchFn = (points: Float64Array) => ArrayLike<number> | Promise<ArrayLike<number>>;

/**
 * The derivative of an async f at x (or at every point of an array xs, elementwise): the sync
 * `derivative`'s result bit for bit, with options `concurrency` and `signal`.
 *
 * @example
 * ```ts
 * import { derivative } from "numdiff/async";
 * (await derivative(async (x) => Math.sin(x), 1)).value; // 0.5403023058681398 (cos 1, error ≈ 1e-15)
 * (await derivative(async (t: Float64Array) => t.map(Math.exp), [0, 1], { batch: true })).value;
 * // Float64Array [1, 2.718281828459045…]
 * ```
 */
export async function derivative(
  f: AsyncFn1,
  x: number,
  options?: DerivativeOptions & AsyncOptions,
): Promise<DerivativeResult>;
export async function derivative(
  f: AsyncFn1 | AsyncBatchFn,
  x: number | ArrayLike<number>,
  options?: DerivativeOptions & AsyncOptions,
): Promise<DerivativeResult | DerivativesResult>;
export async function derivative(
  f: AsyncFn1 | AsyncBatchFn,
  x: number | ArrayLike<number>,
  options?: DerivativeOptions & AsyncOptions,
): Promise<DerivativeResult | DerivativesResult> {
  checkFunction(f, "f");
  const single = typeof x === "number";
  if (!single && !(Array.isArray(x) || ArrayBuffer.isView(x))) {
    throw invalid("INVALID_POINT", "x", "a number or an array of numbers", x);
  }
  const points = single ? Float64Array.of(x) : toPoint(x, "x");
  resolveOptions(options);
  const { ev, signal } = asyncEvaluator(f, SCALAR_SPACE, options);
  const results: DerivativeResult[] = new Array<DerivativeResult>(points.length);
  const make = pointPipelines(points, options);
  await runPipelines(points.length, make, LOCKSTEP_PIPELINES, results, ev, signal);
  return single ? results[0] : packResults(results);
}

/**
 * The partial derivative ∂ⁿf/∂x_iⁿ of an async f: the sync `partial`'s result bit for bit.
 *
 * @example
 * ```ts
 * import { partial } from "numdiff/async";
 * (await partial(async (x) => x[0] ** 2 * x[1], [3, 4], 1)).value; // 9 (error ≈ 1e-14)
 * ```
 */
export async function partial(
  f: AsyncFnN | AsyncBatchFn,
  x: ArrayLike<number>,
  index: number,
  options?: MultivariateOptions & AsyncOptions,
): Promise<DerivativeResult> {
  checkFunction(f, "f");
  const w = toPoint(x, "x");
  checkIndex(index, w.length);
  const o = resolveMultivariate(options, w);
  const { ev, signal } = asyncEvaluator(f, { x0: w, coordinate: () => index }, options);
  const results: DerivativeResult[] = [];
  await runPipelines(1, coordinatePipelines(w, o, [index]), 1, results, ev, signal);
  return results[0];
}

/**
 * The gradient of an async f: every coordinate's pipeline in lockstep, so a round puts the stencil
 * points of all coordinates in flight at once (up to `concurrency`); the sync `gradient`'s values,
 * errors and statuses bit for bit.
 *
 * @example
 * ```ts
 * import { gradient } from "numdiff/async";
 * (await gradient(async (x) => x[0] ** 2 + x[1] ** 2, [3, 4], { concurrency: 4 })).value;
 * // Float64Array [6, 8] (errors ≈ 8e-14)
 * ```
 */
export async function gradient(
  f: AsyncFnN | AsyncBatchFn,
  x: ArrayLike<number>,
  options?: MultivariateOptions & AsyncOptions,
): Promise<GradientResult> {
  checkFunction(f, "f");
  const w = toPoint(x, "x");
  const o = resolveMultivariate(options, w);
  const n = w.length;
  const { ev, signal } = asyncEvaluator(f, { x0: w, coordinate: (k) => k }, options);
  const results: DerivativeResult[] = new Array<DerivativeResult>(n);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const inFlight = ev.batched ? coordinatesInFlight(n, o.order) : LOCKSTEP_PIPELINES;
  const make = coordinatePipelines(w, o, all);
  await runPipelines(n, make, inFlight, results, ev, signal, progressCounter(o.onProgress, n));
  return packGradient(results);
}
