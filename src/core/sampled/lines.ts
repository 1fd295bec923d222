/**
 * Row-major arrays with a shape: checking the shape and visiting the lines along one axis.
 */

import { invalid } from "../errors.js";

/**
 * Checks that `shape` holds positive integers whose product is `length`.
 *
 * @throws NumdiffError (INVALID_SHAPE).
 * @example
 * ```ts
 * checkShape([2, 3], 6); // [2, 3]
 * checkShape([2, 3], 5); // throws: invalid shape; expected dimensions whose product is y.length = 5, got [2, 3]
 * ```
 */
export function checkShape(shape: unknown, length: number): readonly number[] {
  if (!(Array.isArray(shape) && shape.length >= 1)) {
    throw invalid("INVALID_SHAPE", "shape", "an array of positive integers", shape);
  }
  let product = 1;
  for (const d of shape) {
    if (!(typeof d === "number" && Number.isInteger(d) && d >= 1)) {
      throw invalid("INVALID_SHAPE", "shape", "an array of positive integers", shape);
    }
    product *= d;
  }
  if (product !== length) {
    throw invalid("INVALID_SHAPE", "shape", `dimensions whose product is y.length = ${length}`, shape);
  }
  return shape as readonly number[];
}

/**
 * Normalises an axis for an array of `ndim` dimensions: an integer in [−ndim, ndim), negative counting
 * from the end as in numpy.
 *
 * @throws NumdiffError (INVALID_INDEX).
 * @example
 * ```ts
 * checkAxis(-1, 3); // 2
 * checkAxis(3, 3); // throws: invalid axis; expected an integer from -3 to 2, got 3
 * ```
 */
export function checkAxis(axis: unknown, ndim: number): number {
  if (!(typeof axis === "number" && Number.isInteger(axis) && axis >= -ndim && axis < ndim)) {
    throw invalid("INVALID_INDEX", "axis", `an integer from ${-ndim} to ${ndim - 1}`, axis);
  }
  return axis < 0 ? axis + ndim : axis;
}

/**
 * Applies `kernel` to every line of `data` (row-major, `shape`) along `axis`: each line is copied into
 * a buffer, transformed into another, and the result is written to `out` at the same places.
 *
 * @example
 * ```ts
 * // the first difference along axis 1 of a 2×3 array
 * mapLines(Float64Array.of(1, 2, 4, 0, 0, 0), [2, 3], 1, out, (line, res) => { ... });
 * ```
 */
export function mapLines(
  data: Float64Array,
  shape: readonly number[],
  axis: number,
  out: Float64Array,
  kernel: (line: Float64Array, result: Float64Array) => void,
): void {
  const len = shape[axis];
  let stride = 1;
  for (let k = axis + 1; k < shape.length; k++) stride *= shape[k];
  const outer = data.length / (len * stride);
  const line = new Float64Array(len);
  const result = new Float64Array(len);
  for (let o = 0; o < outer; o++) {
    for (let inner = 0; inner < stride; inner++) {
      const base = o * len * stride + inner;
      for (let k = 0; k < len; k++) line[k] = data[base + k * stride];
      kernel(line, result);
      for (let k = 0; k < len; k++) out[base + k * stride] = result[k];
    }
  }
}
