/**
 * Gradients, mixed partials and the Laplacian of arrays on grids (row-major, with a shape).
 */

import { invalid } from "../errors.js";
import { SAMPLED_DEFAULT_ACCURACY } from "./constants.js";
import { differentiate } from "./differentiate.js";
import { stencilResult } from "./error-estimate.js";
import { applyPartials, partialsEstimate } from "./grid-partials.js";
import { checkAxis, checkShape } from "./lines.js";
import type { Grids, SampledResult } from "./types.js";
import { checkAccuracy, checkOrder, toSamples } from "./validate.js";

/**
 * Options of the grid operators.
 *
 * @example
 * ```ts
 * const o: GridOptions = { accuracy: 4, errors: false };
 * ```
 */
export interface GridOptions {
  /** Truncation order of every stencil: 2, 4, 6 or 8 (default 2). */
  accuracy?: number;
  /** Whether to estimate the error by a second pass at accuracy + 2; default true. */
  errors?: boolean;
}

/**
 * The gradient of an array on a grid: one partial derivative per axis, each a {@link SampledResult}.
 * `x` is one spacing for all axes or one grid (spacing or coordinates) per axis.
 *
 * @example
 * ```ts
 * import { gridGradient } from "numdiff";
 * // f = x + 10·y on a 3×4 grid of spacing 1 (axis 0 is x)
 * const f = Float64Array.from({ length: 12 }, (_, k) => Math.floor(k / 4) + 10 * (k % 4));
 * gridGradient(f, [3, 4], 1).map((r) => r.value[5]); // [1, 10]
 * ```
 */
export function gridGradient(
  y: ArrayLike<number>,
  shape: readonly number[],
  x: Grids,
  options?: GridOptions,
): SampledResult[] {
  const o = checkOptions(options);
  return shape.map((_, axis) => differentiate(y, x, { shape, axis, accuracy: o.accuracy, errors: o.errors }));
}

/**
 * A mixed partial derivative: `axes` lists the axis of each differentiation, e.g. `[0, 1]` for ∂²/∂x∂y,
 * `[0, 0, 2]` for ∂³/∂x²∂z (findiff's `Diff(0)**2 * Diff(2)`).
 *
 * @throws NumdiffError (INVALID_INDEX for an axis, INVALID_ORDER for an empty list, and as differentiate).
 * @example
 * ```ts
 * import { gridMixedPartial } from "numdiff";
 * // f = x·y on a 5×5 grid of spacing 0.5: ∂²f/∂x∂y = 1 everywhere, edges included
 * const f = Float64Array.from({ length: 25 }, (_, k) => 0.5 * Math.floor(k / 5) * 0.5 * (k % 5));
 * gridMixedPartial(f, [5, 5], 0.5, [0, 1]).value[0]; // 1
 * ```
 */
export function gridMixedPartial(
  y: ArrayLike<number>,
  shape: readonly number[],
  x: Grids,
  axes: readonly number[],
  options?: GridOptions,
): SampledResult {
  const o = checkOptions(options);
  const data = toSamples(y, "y");
  const s = checkShape(shape, data.length);
  if (!(Array.isArray(axes) && axes.length >= 1)) {
    throw invalid("INVALID_ORDER", "axes", "a list of at least one axis", axes);
  }
  const counts = new Array<number>(s.length).fill(0);
  for (const a of axes) counts[checkAxis(a, s.length)] += 1;
  checkOrder(axes.length);
  return combine(data, s, x, [counts], o);
}

/**
 * The Laplacian Σ_k ∂²f/∂x_k² of an array on a grid.
 *
 * @example
 * ```ts
 * import { gridLaplacian } from "numdiff";
 * // f = x² + y² on a 4×4 grid of spacing 1: Δf = 4 everywhere
 * const f = Float64Array.from({ length: 16 }, (_, k) => Math.floor(k / 4) ** 2 + (k % 4) ** 2);
 * gridLaplacian(f, [4, 4], 1).value[0]; // 4
 * ```
 */
export function gridLaplacian(
  y: ArrayLike<number>,
  shape: readonly number[],
  x: Grids,
  options?: GridOptions,
): SampledResult {
  const o = checkOptions(options);
  const data = toSamples(y, "y");
  const s = checkShape(shape, data.length);
  const terms = s.map((_, axis) => s.map((__, k) => (k === axis ? 2 : 0)));
  return combine(data, s, x, terms, o);
}

/** The sum of the products of partials `terms`, with its error estimate. */
function combine(
  data: Float64Array,
  shape: readonly number[],
  x: Grids,
  terms: readonly (readonly number[])[],
  o: Required<GridOptions>,
): SampledResult {
  const compute = (p: number) => {
    const sum = new Float64Array(data.length);
    for (const counts of terms) {
      const part = applyPartials(data, shape, x, counts, p);
      for (let i = 0; i < sum.length; i++) sum[i] += part[i];
    }
    return sum;
  };
  const value = compute(o.accuracy);
  const widest = terms.reduce(
    (acc, c) => acc.map((v, k) => Math.max(v, c[k])),
    new Array(shape.length).fill(0),
  );
  const estimate = partialsEstimate(value, o.accuracy, shape, widest, compute, o.errors);
  const order = Math.max(...terms.map((c) => c.reduce((a, b) => a + b, 0)));
  return stencilResult(value, estimate, order, o.accuracy);
}

function checkOptions(options: GridOptions | undefined): Required<GridOptions> {
  if (options !== undefined && (options === null || typeof options !== "object")) {
    throw invalid("INVALID_OPTION", "options", "an object or undefined", options);
  }
  return {
    accuracy: checkAccuracy(options?.accuracy ?? SAMPLED_DEFAULT_ACCURACY),
    errors: options?.errors !== false,
  };
}
