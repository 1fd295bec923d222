/**
 * numpy.gradient's semantics on one line, operation for operation (numpy/lib/_function_base_impl.py,
 * `gradient`): second-order central differences inside (Fornberg's three-point weights on non-uniform
 * grids), first- or second-order one-sided differences at the two ends. Coordinates whose differences
 * are all equal are treated as one scalar spacing, as numpy does.
 */

import { commonSpacing } from "./common-spacing.js";
import type { ResolvedGrid } from "./validate.js";

/**
 * Writes numpy.gradient(y, grid, edge_order=edgeOrder) into `out` (`y.length >= edgeOrder + 1` is the
 * caller's check).
 *
 * @example
 * ```ts
 * const out = new Float64Array(4);
 * numpyGradientLine(Float64Array.of(1, 2, 4, 7), { h: 1, x: null }, 1, out); // out = [1, 1.5, 2.5, 3]
 * ```
 */
export function numpyGradientLine(
  y: Float64Array,
  grid: ResolvedGrid,
  edgeOrder: 1 | 2,
  out: Float64Array,
): void {
  const h = grid.h ?? commonSpacing(grid.x as Float64Array);
  if (h !== null) uniform(y, h, edgeOrder, out);
  else nonUniform(y, grid.x as Float64Array, edgeOrder, out);
}

function uniform(f: Float64Array, dx: number, edgeOrder: 1 | 2, out: Float64Array): void {
  const n = f.length;
  for (let i = 1; i < n - 1; i++) out[i] = (f[i + 1] - f[i - 1]) / (2 * dx);
  if (edgeOrder === 1) {
    out[0] = (f[1] - f[0]) / dx;
    out[n - 1] = (f[n - 1] - f[n - 2]) / dx;
    return;
  }
  out[0] = (-1.5 / dx) * f[0] + (2 / dx) * f[1] + (-0.5 / dx) * f[2];
  out[n - 1] = (0.5 / dx) * f[n - 3] + (-2 / dx) * f[n - 2] + (1.5 / dx) * f[n - 1];
}

function nonUniform(f: Float64Array, x: Float64Array, edgeOrder: 1 | 2, out: Float64Array): void {
  const n = f.length;
  for (let i = 1; i < n - 1; i++) {
    const dx1 = x[i] - x[i - 1];
    const dx2 = x[i + 1] - x[i];
    const a = -dx2 / (dx1 * (dx1 + dx2));
    const b = (dx2 - dx1) / (dx1 * dx2);
    const c = dx1 / (dx2 * (dx1 + dx2));
    out[i] = a * f[i - 1] + b * f[i] + c * f[i + 1];
  }
  if (edgeOrder === 1) {
    out[0] = (f[1] - f[0]) / (x[1] - x[0]);
    out[n - 1] = (f[n - 1] - f[n - 2]) / (x[n - 1] - x[n - 2]);
    return;
  }
  let dx1 = x[1] - x[0];
  let dx2 = x[2] - x[1];
  out[0] =
    (-(2 * dx1 + dx2) / (dx1 * (dx1 + dx2))) * f[0] +
    ((dx1 + dx2) / (dx1 * dx2)) * f[1] +
    (-dx1 / (dx2 * (dx1 + dx2))) * f[2];
  dx1 = x[n - 2] - x[n - 3];
  dx2 = x[n - 1] - x[n - 2];
  out[n - 1] =
    (dx2 / (dx1 * (dx1 + dx2))) * f[n - 3] +
    (-(dx2 + dx1) / (dx1 * dx2)) * f[n - 2] +
    ((2 * dx2 + dx1) / (dx2 * (dx1 + dx2))) * f[n - 1];
}
