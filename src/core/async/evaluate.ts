/**
 * The evaluators of the async runner (scheduler.ts): f called point by point with at most
 * `concurrency` calls in flight, or a batched f called on shares of the waiting points.
 */

import { checkNumber } from "../sampler.js";
import { scatterSlices, sliceBlock, writePoint, writeVector, type PointSpace, type Slice } from "../batch.js";
import { asyncOptions, type AsyncOptions } from "./options.js";
import type { Evaluator } from "./scheduler.js";

/**
 * f one point at a time: f(t) for a scalar f, f(x) with a fresh Float64Array per call (calls
 * overlap) for f of n variables; a vector F's result is checked to hold the request's m numbers.
 *
 * @example
 * ```ts
 * const ev = perPoint(async (t) => Math.sin(t as number), { x0: null, coordinate: () => -1 }, "f", 8);
 * ```
 */
export function perPoint(
  f: (x: number | Float64Array) => unknown,
  space: PointSpace,
  name: string,
  concurrency: number,
): Evaluator {
  const x0 = space.x0;
  return {
    batched: false,
    concurrency,
    async evaluate(slices: Slice[]): Promise<void> {
      for (const { request: r, task, from, to } of slices) {
        for (let q = from; q < to; q++) {
          let x: number | Float64Array = r.points[q];
          if (x0 !== null) writePoint(space, task, r, q, (x = new Float64Array(x0.length)), 0);
          const v = await f(x);
          if (!r.arrays) r.values[q] = checkNumber(v, r.points[q]);
          else writeVector(r, q, v, name);
        }
      }
    },
  };
}

/**
 * A batched f: each call gets its share of the waiting points as one block (see sliceBlock), and up
 * to `concurrency` calls are in flight.
 *
 * @example
 * ```ts
 * const ev = batched(async (t) => t.map(Math.sin), { x0: null, coordinate: () => -1 }, "f", 2);
 * ```
 */
export function batched(
  f: (points: Float64Array) => unknown,
  space: PointSpace,
  name: string,
  concurrency: number,
): Evaluator {
  return {
    batched: true,
    concurrency,
    async evaluate(slices: Slice[]): Promise<void> {
      scatterSlices(slices, await f(sliceBlock(slices, space)), name);
    },
  };
}

/**
 * The space of a scalar f: its points are numbers t.
 *
 * @example
 * ```ts
 * SCALAR_SPACE.x0; // null
 * ```
 */
export const SCALAR_SPACE: PointSpace = { x0: null, coordinate: () => -1 };

/**
 * The evaluator and signal that the options ask for: batched with `batch: true`, else per point;
 * `concurrency` and `signal` validated (see asyncOptions).
 *
 * @example
 * ```ts
 * const { ev, signal } = asyncEvaluator(f, { x0, coordinate: (k) => k }, { concurrency: 4 });
 * ```
 */
export function asyncEvaluator(
  f: unknown,
  space: PointSpace,
  options: (AsyncOptions & { batch?: boolean }) | undefined,
  name = "f",
): { ev: Evaluator; signal: AbortSignal | undefined } {
  const batch = options?.batch === true;
  const { concurrency, signal } = asyncOptions(options, batch);
  const ev = batch
    ? batched(f as (points: Float64Array) => unknown, space, name, concurrency)
    : perPoint(f as (x: number | Float64Array) => unknown, space, name, concurrency);
  return { ev, signal };
}

/**
 * run()'s promise, or a rejection with the signal's reason as soon as the signal aborts (at once,
 * without calling run, when it already has).
 *
 * @example
 * ```ts
 * const first = await untilAborted(() => F(x), signal);
 * ```
 */
export function untilAborted<T>(run: () => T | Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return Promise.resolve(run());
  signal.throwIfAborted();
  const p = Promise.resolve(run());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    const done = (): void => signal.removeEventListener("abort", onAbort);
    p.then(
      (v) => (done(), resolve(v)),
      (e: unknown) => (done(), reject(e)),
    );
  });
}
