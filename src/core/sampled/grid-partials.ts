/**
 * A product of partial derivatives of an array on a grid, applied axis by axis.
 */

import { alongAxis, axisGrid } from "./axis-grid.js";
import { absentEstimate, differenceEstimate, type ErrorEstimate } from "./error-estimate.js";
import { stencilLine } from "./stencil-line.js";
import type { Grids } from "./types.js";
import { checkCount } from "./validate.js";

/**
 * ∂^{c_0}/∂x_0^{c_0} ⋯ ∂^{c_k}/∂x_k^{c_k} of `data` (row-major, `shape`), where `counts[k]` is the order
 * along axis k, each with stencils of accuracy `accuracy` (the operators along different axes commute,
 * and each keeps its accuracy order).
 *
 * @throws NumdiffError (INVALID_GRID, INVALID_SAMPLES) for a bad grid or too few samples along an axis.
 * @example
 * ```ts
 * // ∂²/∂x∂y of x·y on a 3×3 grid of spacing 1
 * applyPartials(Float64Array.of(0, 0, 0, 0, 1, 2, 0, 2, 4), [3, 3], 1, [1, 1], 2); // all 1
 * ```
 */
export function applyPartials(
  data: Float64Array,
  shape: readonly number[],
  x: Grids,
  counts: readonly number[],
  accuracy: number,
): Float64Array {
  let current = data;
  counts.forEach((order, axis) => {
    if (order === 0) return;
    const grid = axisGrid(x, shape, axis);
    checkCount(shape[axis], order + accuracy, `shape[${axis}]`, `order ${order} with accuracy ${accuracy}`);
    current = alongAxis(current, shape, axis, (line, out) => stencilLine(line, grid, order, accuracy, out));
  });
  return current === data ? Float64Array.from(data) : current;
}

/**
 * The error estimate of a combination of partials computed by `compute(accuracy)`: |D_p − D_{p+2}|
 * when every axis used has the samples for accuracy p + 2, else absent.
 *
 * @example
 * ```ts
 * partialsEstimate(value, 2, shape, [1, 1], (p) => applyPartials(data, shape, 1, [1, 1], p), true);
 * ```
 */
export function partialsEstimate(
  value: Float64Array,
  accuracy: number,
  shape: readonly number[],
  counts: readonly number[],
  compute: (accuracy: number) => Float64Array,
  wanted: boolean,
): ErrorEstimate {
  if (!wanted) return absentEstimate(value.length, "not requested (errors: false)");
  // The axis with the fewest samples to spare decides whether accuracy p + 2 fits on every axis.
  let axis = -1;
  counts.forEach((c, k) => {
    if (c > 0 && (axis < 0 || shape[k] - c < shape[axis] - counts[axis])) axis = k;
  });
  return differenceEstimate(value, accuracy, shape[axis], counts[axis], compute);
}
