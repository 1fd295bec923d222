/**
 * Checks of the setup of the sampled-data differentiators. Comparisons are negated so NaN fails them.
 */

import { invalid } from "../errors.js";
import { SAMPLED_ACCURACIES, SAMPLED_MAX_ORDER } from "./constants.js";
import type { Grid } from "./types.js";

/**
 * A grid after checking: uniform spacing `h`, or the coordinates `x`.
 *
 * @example
 * ```ts
 * resolveGrid(0.5, 4, "x"); // { h: 0.5, x: null }
 * resolveGrid([0, 1, 3], 3, "x"); // { h: null, x: Float64Array [0, 1, 3] }
 * ```
 */
export interface ResolvedGrid {
  readonly h: number | null;
  readonly x: Float64Array | null;
}

/**
 * The samples as a Float64Array (the caller's array itself when it is one: it is only read). NaN and
 * ±Infinity are data and pass; anything not a number is refused.
 *
 * @throws NumdiffError (INVALID_SAMPLES).
 * @example
 * ```ts
 * toSamples([1, 2, 3], "y"); // Float64Array [1, 2, 3]
 * toSamples([1, "a"], "y"); // throws: invalid y; expected an array of numbers, got [1, "a"]...
 * ```
 */
export function toSamples(y: unknown, name: string): Float64Array {
  if (y instanceof Float64Array) return y;
  const arr = y as ArrayLike<unknown> | null | undefined;
  if (!(arr !== null && typeof arr === "object" && typeof arr.length === "number")) {
    throw invalid("INVALID_SAMPLES", name, "an array of numbers", y);
  }
  const out = new Float64Array(arr.length);
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v !== "number") {
      throw invalid("INVALID_SAMPLES", `${name}[${i}]`, "a number", v);
    }
    out[i] = v;
  }
  return out;
}

/**
 * Checks a grid of `n` samples: a finite spacing > 0, or `n` finite, strictly increasing coordinates.
 *
 * @throws NumdiffError (INVALID_GRID) naming the first offending coordinate.
 * @example
 * ```ts
 * resolveGrid([0, 1, 1], 3, "x"); // throws: invalid x[2]; expected > x[1] = 1 (strictly increasing), got 1
 * ```
 */
export function resolveGrid(grid: Grid, n: number, name: string): ResolvedGrid {
  if (typeof grid === "number") {
    if (!(Number.isFinite(grid) && grid > 0)) {
      throw invalid("INVALID_GRID", name, "a finite spacing > 0 or the coordinates", grid);
    }
    return { h: grid, x: null };
  }
  const x = toSamples(grid, name);
  if (x.length !== n) {
    throw invalid("INVALID_SHAPE", `${name}.length`, `${n} (one coordinate per sample)`, x.length);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i])) throw invalid("INVALID_GRID", `${name}[${i}]`, "a finite number", x[i]);
    if (i > 0 && !(x[i] > x[i - 1])) {
      throw invalid(
        "INVALID_GRID",
        `${name}[${i}]`,
        `> ${name}[${i - 1}] = ${x[i - 1]} (strictly increasing)`,
        x[i],
      );
    }
  }
  return { h: null, x };
}

/**
 * Checks a derivative order: an integer from `min` to {@link SAMPLED_MAX_ORDER}.
 *
 * @throws NumdiffError (INVALID_ORDER).
 * @example
 * ```ts
 * checkOrder(0); // throws: invalid order; expected an integer from 1 to 16, got 0
 * ```
 */
export function checkOrder(order: unknown, min = 1): number {
  if (!(typeof order === "number" && Number.isInteger(order) && order >= min && order <= SAMPLED_MAX_ORDER)) {
    throw invalid("INVALID_ORDER", "order", `an integer from ${min} to ${SAMPLED_MAX_ORDER}`, order);
  }
  return order;
}

/**
 * Checks an accuracy order: one of {@link SAMPLED_ACCURACIES}.
 *
 * @throws NumdiffError (INVALID_ACCURACY).
 * @example
 * ```ts
 * checkAccuracy(3); // throws: invalid accuracy; expected one of 2, 4, 6, 8, got 3
 * ```
 */
export function checkAccuracy(accuracy: unknown): number {
  if (!(typeof accuracy === "number" && SAMPLED_ACCURACIES.includes(accuracy))) {
    throw invalid("INVALID_ACCURACY", "accuracy", `one of ${SAMPLED_ACCURACIES.join(", ")}`, accuracy);
  }
  return accuracy;
}

/**
 * Refuses fewer samples than a stencil needs.
 *
 * @throws NumdiffError (INVALID_SAMPLES).
 * @example
 * ```ts
 * checkCount(2, 3, "y.length", "order 1, accuracy 2"); // throws: invalid y.length; expected >= 3 (order 1, accuracy 2), got 2
 * ```
 */
export function checkCount(n: number, needed: number, name: string, why: string): void {
  if (!(n >= needed)) throw invalid("INVALID_SAMPLES", name, `>= ${needed} (${why})`, n);
}
