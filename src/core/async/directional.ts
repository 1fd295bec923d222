/**
 * The directional derivative of an async (or batched) f, returning a Promise: the sync one's pipeline
 * in τ, its points x + τ·σ·v, run by the async runner; the result bit for bit.
 */

import { directionalPipeline, directionSetup, directionSpace } from "../directional.js";
import type { DerivativeResult } from "../types.js";
import { checkFunction } from "../validate.js";
import type { MultivariateOptions } from "../vector.js";
import { asyncEvaluator } from "./evaluate.js";
import type { AsyncBatchFn, AsyncFnN } from "./functions.js";
import type { AsyncOptions } from "./options.js";
import { runPipelines } from "./scheduler.js";

/**
 * dⁿ/dtⁿ f(x + t·v) at t = 0 for an async f: the sync `directionalDerivative`'s result bit for bit,
 * with options `concurrency` and `signal` (and `batch`).
 *
 * @example
 * ```ts
 * import { directionalDerivative } from "numdiff/async";
 * (await directionalDerivative(async (x) => x[0] * x[1], [2, 3], [1, 1])).value; // 5 (error ≈ 1e-14)
 * ```
 */
export async function directionalDerivative(
  f: AsyncFnN | AsyncBatchFn,
  x: ArrayLike<number>,
  direction: ArrayLike<number>,
  options?: MultivariateOptions & AsyncOptions,
): Promise<DerivativeResult> {
  checkFunction(f, "f");
  const d = directionSetup(x, direction, options);
  const { ev, signal } = asyncEvaluator(f, directionSpace(d), options);
  const results: DerivativeResult[] = [];
  await runPipelines(1, () => directionalPipeline(d), 1, results, ev, signal);
  return results[0];
}
