/**
 * Savitzky–Golay derivatives on uniform and non-uniform grids: at each sample, the derivative of the
 * least-squares polynomial fitted to the `window` samples around it (shifted inside at the edges).
 */

import { polynomialWeights } from "./local-polynomial.js";
import type { ResolvedGrid } from "./validate.js";

/**
 * The derivative (`derivative` = 0 smooths) of the local polynomial fits, and the diagonal of the
 * smoother's hat matrix when `derivative` is 0 (the weight of y_i in its own fitted value, for GCV).
 *
 * @example
 * ```ts
 * const out = new Float64Array(7);
 * savitzkyGolayLine(Float64Array.of(0, 1, 4, 9, 16, 25, 36), { h: 1, x: null }, 5, 2, 1, out);
 * // out = [0, 2, 4, 6, 8, 10, 12] (a quadratic is fitted exactly)
 * ```
 */
export function savitzkyGolayLine(
  y: Float64Array,
  grid: ResolvedGrid,
  window: number,
  degree: number,
  derivative: number,
  out: Float64Array,
  hat?: Float64Array,
): void {
  const n = y.length;
  const half = (window - 1) / 2;
  const t = new Float64Array(window);
  const w = new Float64Array(window);
  let interior: Float64Array | null = null; // uniform grids share one set of weights inside
  for (let i = 0; i < n; i++) {
    const start = Math.min(Math.max(i - half, 0), n - window);
    const inside = start === i - half;
    let scale: number;
    if (grid.x === null) {
      scale = (grid.h as number) * Math.max(half, 1);
      if (inside && interior !== null) {
        w.set(interior);
      } else {
        for (let k = 0; k < window; k++) t[k] = (start + k - i) / Math.max(half, 1);
        polynomialWeights(t, degree, derivative, w);
        if (inside) interior = Float64Array.from(w);
      }
    } else {
      const x = grid.x;
      scale = Math.max(x[i] - x[start], x[start + window - 1] - x[i]);
      for (let k = 0; k < window; k++) t[k] = (x[start + k] - x[i]) / scale;
      polynomialWeights(t, degree, derivative, w);
    }
    let sum = 0;
    for (let k = 0; k < window; k++) sum += w[k] * y[start + k];
    out[i] = sum / scale ** derivative;
    if (hat !== undefined) hat[i] = w[i - start];
  }
}
