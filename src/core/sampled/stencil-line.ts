/**
 * Finite-difference derivative of one line of samples, with windows from ./window.ts: uniform grids use
 * the engine's exact-rational stencils (../stencil.ts), non-uniform grids Fornberg's recurrence in
 * floating point (./weights.ts). Coordinates that are exactly uniform count as uniform.
 */

import { stencil } from "../stencil.js";
import { commonSpacing } from "./common-spacing.js";
import type { ResolvedGrid } from "./validate.js";
import { fornbergInto } from "./weights.js";
import { centredHalfWidth, edgeCount, windowCount, windowStart } from "./window.js";

/**
 * Writes the derivative of `order` with truncation order `accuracy` of the samples `y` into `out`
 * (same length; `y.length >= order + accuracy` is the caller's check).
 *
 * @example
 * ```ts
 * const out = new Float64Array(5);
 * stencilLine(Float64Array.of(0, 1, 4, 9, 16), { h: 1, x: null }, 1, 2, out); // out = [0, 2, 4, 6, 8]
 * ```
 */
export function stencilLine(
  y: Float64Array,
  grid: ResolvedGrid,
  order: number,
  accuracy: number,
  out: Float64Array,
): void {
  const h = grid.h ?? commonSpacing(grid.x as Float64Array);
  if (h !== null) uniformLine(y, h, order, accuracy, out);
  else nonUniformLine(y, grid.x as Float64Array, order, accuracy, out);
}

/** The exact stencil for the window [start, start + count) seen from point i, as dense weights. */
function denseWeights(i: number, start: number, count: number, order: number): Float64Array {
  const offsets = Array.from({ length: count }, (_, k) => start + k - i);
  const s = stencil(offsets, order);
  const w = new Float64Array(count);
  s.offsets.forEach((o, k) => (w[o - (start - i)] = s.weights[k]));
  return w;
}

function uniformLine(y: Float64Array, h: number, order: number, accuracy: number, out: Float64Array): void {
  const n = y.length;
  const half = centredHalfWidth(order, accuracy, true);
  const edge = edgeCount(order, accuracy);
  const scale = h ** order;
  // Inside: one pass per non-zero weight over the whole interior (as numpy's slicing does), which the
  // JIT turns into tight loops; then one pass to divide by h^order.
  const centre = stencil(
    Array.from({ length: 2 * half + 1 }, (_, k) => k - half),
    order,
  );
  const lo = half;
  const hi = n - half;
  out.fill(0, lo, Math.max(lo, hi));
  for (let k = 0; k < centre.offsets.length; k++)
    addScaled(out, y, centre.weights[k], centre.offsets[k], lo, hi);
  for (let i = lo; i < hi; i++) out[i] /= scale;
  const edges = [];
  for (let i = 0; i < Math.min(half, n); i++) edges.push(i);
  for (let i = Math.max(n - half, half); i < n; i++) edges.push(i);
  for (const i of edges) {
    const start = windowStart(i, n, half, edge);
    const count = windowCount(i, n, half, edge);
    const w = denseWeights(i, start, count, order);
    let sum = 0;
    for (let k = 0; k < count; k++) sum += w[k] * y[start + k];
    out[i] = sum / scale;
  }
}

/** out[i] += w · y[i + o] for i in [lo, hi). */
function addScaled(out: Float64Array, y: Float64Array, w: number, o: number, lo: number, hi: number): void {
  for (let i = lo; i < hi; i++) out[i] += w * y[i + o];
}

function nonUniformLine(
  y: Float64Array,
  x: Float64Array,
  order: number,
  accuracy: number,
  out: Float64Array,
): void {
  const n = y.length;
  const half = centredHalfWidth(order, accuracy, false);
  const edge = edgeCount(order, accuracy);
  const widest = Math.max(edge, 2 * half + 1);
  const offsets = new Float64Array(widest);
  const w = new Float64Array(widest);
  const work = new Float64Array(widest * (order + 1));
  for (let i = 0; i < n; i++) {
    const start = windowStart(i, n, half, edge);
    const count = windowCount(i, n, half, edge);
    const view = offsets.subarray(0, count);
    for (let k = 0; k < count; k++) view[k] = x[start + k] - x[i];
    fornbergInto(view, order, w, work);
    let sum = 0;
    for (let k = 0; k < count; k++) sum += w[k] * y[start + k];
    out[i] = sum;
  }
}
