/**
 * The Savitzky–Golay window chosen from the data by generalised cross-validation (P. Craven and
 * G. Wahba, Numer. Math. 31 (1979) 377-403).
 */

import { savitzkyGolayLine } from "./savitzky-golay.js";
import { GCV_CANDIDATES, MAX_WINDOW_FRACTION } from "./smoothing-constants.js";
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
 * The odd windows GCV tries: from `degree + 2` (the smallest with a residual) to
 * {@link MAX_WINDOW_FRACTION} of `n`, spread geometrically, at most {@link GCV_CANDIDATES} of them.
 *
 * @example
 * ```ts
 * candidateWindows(1000, 3); // [5, 7, 9, ..., 499]
 * ```
 */
export function candidateWindows(n: number, degree: number): number[] {
  const lo = degree + 2 + ((degree + 2) % 2 === 0 ? 1 : 0);
  const largest = Math.floor(n * MAX_WINDOW_FRACTION);
  const top = Math.min(Math.max(lo, largest % 2 === 0 ? largest - 1 : largest), n % 2 === 0 ? n - 1 : n);
  const out = new Set<number>();
  for (let k = 0; k < GCV_CANDIDATES; k++) {
    const w = lo * (top / lo) ** (k / (GCV_CANDIDATES - 1));
    let odd = Math.round(w);
    if (odd % 2 === 0) odd += 1;
    if (odd <= top && odd >= lo) out.add(odd);
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
