/**
 * `differentiate(y, x | spacing, options)`: derivatives of sampled data.
 */

import { invalid } from "../errors.js";
import { SAMPLED_DEFAULT_ACCURACY } from "./constants.js";
import { alongAxis, axisGrid } from "./axis-grid.js";
import { absentEstimate, differenceEstimate, stencilResult } from "./error-estimate.js";
import { checkAxis, checkShape } from "./lines.js";
import { numpyGradientLine } from "./numpy-gradient.js";
import { smoothDerivative } from "./smooth.js";
import { stencilLine } from "./stencil-line.js";
import type { DifferentiateOptions, Grid, Grids, SampledResult } from "./types.js";
import { checkAccuracy, checkCount, checkOrder, toSamples, type ResolvedGrid } from "./validate.js";

/**
 * The derivative of samples `y` at their own positions `x` (a uniform spacing, or the coordinates).
 *
 * - Stencils of any derivative order and accuracy 2, 4, 6 or 8, centred inside and one-sided of the
 *   same accuracy at the edges; exact rational weights on uniform grids, Fornberg's recurrence on
 *   non-uniform ones.
 * - `edgeOrder: 1 | 2`: numpy.gradient's semantics, bit for bit.
 * - `shape` and `axis`: the partial derivative along one axis of a row-major array.
 * - `smooth`: Savitzky–Golay (window by generalised cross-validation) or total variation, for noisy data.
 *
 * `error` is |D_p − D_{p+2}| for stencils (honest for smooth data) and NaN, with the reason in
 * `errorNote`, where no honest estimate exists. The caller's arrays are never changed.
 *
 * @throws NumdiffError for bad setup: INVALID_SAMPLES (non-numbers, too few samples), INVALID_GRID
 * (spacing ≤ 0, x not strictly increasing), INVALID_SHAPE, INVALID_ORDER, INVALID_ACCURACY,
 * INVALID_INDEX (axis), INVALID_OPTION.
 * @example
 * ```ts
 * import { differentiate } from "numdiff";
 * differentiate([0, 1, 4, 9, 16], 1).value; // Float64Array [0, 2, 4, 6, 8]  (exact: y = x²)
 * differentiate([1, 2, 4, 7, 11], [0, 1, 2, 3, 4], { edgeOrder: 1 }).value;
 * // Float64Array [1, 1.5, 2.5, 3.5, 4]  (numpy.gradient's bits)
 * const x = Array.from({ length: 50 }, (_, i) => i / 10);
 * const r = differentiate(x.map(Math.sin), x, { accuracy: 4 });
 * r.value[20]; // -0.4161454510414321  (cos 2 = -0.4161468365471424: true error 1.39e-6)
 * r.error[20]; // 1.38e-6  (|D_4 − D_6|)
 * ```
 */
export function differentiate(
  y: ArrayLike<number>,
  x: Grid | Grids,
  options?: DifferentiateOptions,
): SampledResult {
  if (options !== undefined && (options === null || typeof options !== "object")) {
    throw invalid("INVALID_OPTION", "options", "an object or undefined", options);
  }
  const o = options ?? {};
  const samples = toSamples(y, "y");
  const shape = o.shape === undefined ? [samples.length] : checkShape(o.shape, samples.length);
  const axis = checkAxis(o.axis ?? 0, shape.length);
  const grid = axisGrid(x, shape, axis);
  const order = checkOrder(o.order ?? 1);
  const smooth = o.smooth ?? "none";
  if (smooth !== "none") {
    if (shape.length !== 1) {
      throw invalid("INVALID_OPTION", "smooth", `"none" for arrays of ${shape.length} dimensions`, smooth);
    }
    for (const key of ["edgeOrder", "accuracy"] as const) {
      if (o[key] !== undefined) {
        throw invalid("INVALID_OPTION", key, `undefined with smooth: "${smooth}" (stencils only)`, o[key]);
      }
    }
    return smoothDerivative(samples, grid, order, o);
  }
  if (o.edgeOrder !== undefined) return numpyMode(samples, shape, axis, grid, order, o);
  const accuracy = checkAccuracy(o.accuracy ?? SAMPLED_DEFAULT_ACCURACY);
  const n = shape[axis];
  checkCount(n, order + accuracy, countName(shape, axis), `order ${order} with accuracy ${accuracy}`);
  const compute = (p: number) =>
    alongAxis(samples, shape, axis, (line, out) => stencilLine(line, grid, order, p, out));
  const value = compute(accuracy);
  const estimate =
    o.errors === false
      ? absentEstimate(value.length, "not requested (errors: false)")
      : differenceEstimate(value, accuracy, n, order, compute);
  return stencilResult(value, estimate, order, accuracy);
}

function numpyMode(
  samples: Float64Array,
  shape: readonly number[],
  axis: number,
  grid: ResolvedGrid,
  order: number,
  o: DifferentiateOptions,
): SampledResult {
  const edgeOrder = o.edgeOrder;
  if (edgeOrder !== 1 && edgeOrder !== 2) throw invalid("INVALID_OPTION", "edgeOrder", "1 or 2", edgeOrder);
  if (order !== 1) throw invalid("INVALID_ORDER", "order", "1 with edgeOrder (numpy.gradient)", order);
  if (o.accuracy !== undefined) {
    throw invalid(
      "INVALID_OPTION",
      "accuracy",
      "undefined with edgeOrder (numpy.gradient is accuracy 2)",
      o.accuracy,
    );
  }
  const n = shape[axis];
  checkCount(n, edgeOrder + 1, countName(shape, axis), `numpy.gradient with edgeOrder ${edgeOrder}`);
  const value = alongAxis(samples, shape, axis, (line, out) => numpyGradientLine(line, grid, edgeOrder, out));
  const estimate =
    o.errors === false
      ? absentEstimate(value.length, "not requested (errors: false)")
      : differenceEstimate(
          value,
          2,
          n,
          1,
          (p) => alongAxis(samples, shape, axis, (line, out) => stencilLine(line, grid, 1, p, out)),
          "numpy.gradient",
        );
  return {
    value,
    error: estimate.error,
    errorNote: estimate.note,
    method: "numpy-gradient",
    order: 1,
    accuracy: 2,
  };
}

/** The name of the number of samples along the axis, for messages: `y.length` or `shape[k]`. */
function countName(shape: readonly number[], axis: number): string {
  return shape.length === 1 ? "y.length" : `shape[${axis}]`;
}
