/**
 * The Savitzky–Golay window chosen from the data by generalised cross-validation (P. Craven and
 * G. Wahba, Numer. Math. 31 (1979) 377-403).
 */

import { savitzkyGolayLine } from "./savitzky-golay.js";
import { GCV_CANDIDATES, MAX_WINDOW, MAX_WINDOW_FRACTION } from "./smoothing-constants.js";
import type { ResolvedGrid } from "./validate.js";

/**
 * A window chosen by GCV, with its score.
 *
 * @example
 * ```ts
 * const c: WindowChoice = { window: 81, gcv: 1.02e-4 };
 * ```
 */
export interface WindowChoice {
  window: number;
  gcv: number;
}

/**
 * The odd windows GCV tries: from the smallest odd window above `degree + 1` (the smallest with a
 * residual) to the largest odd window within {@link MAX_WINDOW_FRACTION} of `n` and {@link MAX_WINDOW},
 * spread geometrically, at most {@link GCV_CANDIDATES} of them.
 *
 * @example
 * ```ts
 * candidateWindows(1000, 3); // [5, 7, 9, 11, …, 395, 443, 499]
 * ```
 */
export function candidateWindows(n: number, degree: number): number[] {
  const odd = (w: number) => (w % 2 === 0 ? w - 1 : w);
  const lo = odd(degree + 3);
  const top = Math.max(lo, odd(Math.min(Math.floor(n * MAX_WINDOW_FRACTION), MAX_WINDOW, n)));
  const out = new Set<number>([lo, top]);
  for (let k = 1; k < GCV_CANDIDATES - 1; k++) {
    const w = odd(Math.round(lo * (top / lo) ** (k / (GCV_CANDIDATES - 1))) + 1);
    if (w > lo && w < top) out.add(w);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * The window minimising GCV(w) = n·RSS(w) / (n − tr S(w))², where S(w) is the smoother of the local
 * polynomial fits of degree `degree` and RSS the residual sum of squares of the smoothed samples.
 *
 * @example
 * ```ts
 * chooseWindow(noisySine, { h: 0.0063, x: null }, 3); // { window: 101, gcv: 1.0e-4 } (typical)
 * ```
 */
export function chooseWindow(y: Float64Array, grid: ResolvedGrid, degree: number): WindowChoice {
  const n = y.length;
  const smooth = new Float64Array(n);
  const hat = new Float64Array(n);
  let best: WindowChoice = { window: NaN, gcv: Infinity };
  for (const window of candidateWindows(n, degree)) {
    savitzkyGolayLine(y, grid, window, degree, 0, smooth, hat);
    let rss = 0;
    let trace = 0;
    for (let i = 0; i < n; i++) {
      rss += (y[i] - smooth[i]) ** 2;
      trace += hat[i];
    }
    const gcv = (n * rss) / (n - trace) ** 2;
    if (gcv < best.gcv) best = { window, gcv };
  }
  return best;
}
