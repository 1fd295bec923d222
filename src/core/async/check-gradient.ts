/**
 * checkGradient for an async (or batched) f and an async grad: the numerical gradient of
 * numdiff/async, compared as the sync checkGradient compares; the report bit for bit.
 */

import {
  checkTolerance,
  compareGradients,
  type CheckGradientOptions,
  type GradientCheck,
} from "../check-gradient.js";
import { checkFunction } from "../validate.js";
import { toPoint } from "../vector.js";
import { untilAborted } from "./evaluate.js";
import { gradient, type AsyncBatchFn, type AsyncFnN } from "./functions.js";
import type { AsyncOptions } from "./options.js";

/**
 * Compares an analytic gradient (grad may return a Promise; it is called once, with a copy of x) with
 * the numerical one of an async f: the sync `checkGradient`'s report bit for bit.
 *
 * @example
 * ```ts
 * import { checkGradient } from "numdiff/async";
 * const r = await checkGradient(async (x) => x[0] ** 2 * x[1], async (x) => [2 * x[0] * x[1], x[0] ** 2], [3, 4]);
 * r.pass; // true (worst relative error 0)
 * ```
 */
export async function checkGradient(
  f: AsyncFnN | AsyncBatchFn,
  grad: (x: Float64Array) => unknown,
  x: ArrayLike<number>,
  options?: CheckGradientOptions & AsyncOptions,
): Promise<GradientCheck> {
  checkFunction(f, "f");
  checkFunction(grad, "grad");
  const point = toPoint(x, "x");
  const tolerance = checkTolerance(options);
  const num = await gradient(f, point, options);
  const g = await untilAborted(() => grad(point.slice()), options?.signal);
  return compareGradients(num, g, tolerance);
}
