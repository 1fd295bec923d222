/**
 * The noise level of samples, from their differences.
 */

import { MAD_NORMAL, NOISE_DIFFERENCE_ORDER } from "./smoothing-constants.js";

/**
 * Estimates the standard deviation σ of white noise on smooth samples: the median absolute k-th
 * difference (k = {@link NOISE_DIFFERENCE_ORDER}) over {@link MAD_NORMAL}·√C(2k, k). Robust to a few
 * jumps or kinks; assumes the samples resolve the underlying function (its k-th differences are small).
 * Returns 0 for exact polynomial data of degree < k, NaN for fewer than k + 1 samples.
 *
 * @example
 * ```ts
 * noiseLevel(Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i / 100) + 0.01 * gauss()));
 * // ≈ 0.01
 * ```
 */
export function noiseLevel(y: Float64Array): number {
  const k = NOISE_DIFFERENCE_ORDER;
  if (y.length <= k) return NaN;
  let d = Float64Array.from(y);
  for (let r = 0; r < k; r++) {
    const next = new Float64Array(d.length - 1);
    for (let i = 0; i < next.length; i++) next[i] = d[i + 1] - d[i];
    d = next;
  }
  const abs = Array.from(d, Math.abs).sort((a, b) => a - b);
  const mid = abs.length >> 1;
  const median = abs.length % 2 ? abs[mid] : (abs[mid - 1] + abs[mid]) / 2;
  let binomial = 1; // C(2k, k)
  for (let i = 1; i <= k; i++) binomial = (binomial * (k + i)) / i;
  return median / MAD_NORMAL / Math.sqrt(binomial);
}
