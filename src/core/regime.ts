/**
 * The regime of a row of the adaptive tableau: where the newest base difference D(h) stands between
 * truncation error and rounding error.
 *
 * Derivation. A stencil of truncation order p has D(h) = f⁽ⁿ⁾ + c·h^p + O(h^(p+2)) (p = 2 central,
 * 1 one-sided). For three steps h₁ > h₂ > h₃ with tᵢ = (hᵢ/h₁)^p, in the asymptotic regime
 *   D(h₃) − D(h₂) ≈ c·h₁^p (t₃ − t₂) and D(h₂) − D(h₁) ≈ c·h₁^p (t₂ − 1),
 * so their ratio is (t₂ − t₃)/(1 − t₂) (1/4 for central differences halving h). A ratio near that value
 * means the truncation term dominates and Richardson extrapolation is valid ("asymptotic"); a ratio far
 * above it means h is too large for f's own scale ("far", the row is not trusted); a change no larger
 * than the rounding error of the two differences means h is already so small that rounding dominates
 * ("rounding": smaller steps can only make it worse, and the estimate has converged as far as it can).
 */

import { ASYMPTOTIC_SLACK, NON_ASYMPTOTIC_RATIO, ROUNDING_MARGIN, SUDDEN_CALM_RATIO } from "./constants.js";

/**
 * Codes of {@link classifyRow}: not enough rows yet, rounding-dominated, asymptotic, far from
 * asymptotic.
 *
 * @example
 * ```ts
 * REGIME.asymptotic; // 2
 * ```
 */
export const REGIME = Object.freeze({ unknown: 0, rounding: 1, asymptotic: 2, far: 3 } as const);

/**
 * Classifies the newest of n rows (see the derivation above).
 *
 * @param n - rows so far, including the newest.
 * @param d - the newest base difference D(h₃); `d1`, `d2` the two before it (D(h₂), D(h₁)).
 * @param rounding - the rounding error of d; `rounding1` that of d1.
 * @param t1 - (h₂/h₁)^p; `t2` = (h₃/h₁)^p.
 * @example
 * ```ts
 * // exp′(0) by central differences at h = 0.5, 0.25, 0.125: the changes shrink by ≈ 1/4.
 * classifyRow(3, 1.0026, 1.0104, 1.0422, 1e-16, 1e-16, 0.25, 0.0625); // 2 (asymptotic)
 * classifyRow(2, 1, 1, NaN, 1e-16, 1e-16, 0.25, NaN); // 1 (rounding: no change at all)
 * ```
 */
export function classifyRow(
  n: number,
  d: number,
  d1: number,
  d2: number,
  rounding: number,
  rounding1: number,
  t1: number,
  t2: number,
): number {
  return classifyExpected(n, d, d1, d2, rounding, rounding1, n >= 3 ? (t1 - t2) / (1 - t1) : NaN);
}

/**
 * {@link classifyRow} given the ratio of changes the asymptotic regime predicts, (t1 − t2)/(1 − t1)
 * (read only when n ≥ 3): for a caller that shares it between rows of several functions on the same
 * steps (jacobian-common-work.ts), with the same result bit for bit.
 *
 * @example
 * ```ts
 * classifyExpected(3, 1.0026, 1.0104, 1.0422, 1e-16, 1e-16, (0.25 - 0.0625) / (1 - 0.25)); // => 2 (asymptotic)
 * ```
 */
export function classifyExpected(
  n: number,
  d: number,
  d1: number,
  d2: number,
  rounding: number,
  rounding1: number,
  expected: number,
): number {
  if (n < 2) return REGIME.unknown;
  const diff = Math.abs(d - d1);
  const margin = ROUNDING_MARGIN * (rounding + rounding1);
  if (diff <= margin) {
    // Unless the change before it predicted far more (see SUDDEN_CALM_RATIO): a coincidence, not convergence.
    const sudden = n >= 3 && expected * Math.abs(d1 - d2) > SUDDEN_CALM_RATIO * margin;
    return sudden ? REGIME.far : REGIME.rounding;
  }
  if (n < 3) return REGIME.unknown;
  const ratio = diff / Math.abs(d1 - d2);
  return ratio <= Math.max(NON_ASYMPTOTIC_RATIO, ASYMPTOTIC_SLACK * expected)
    ? REGIME.asymptotic
    : REGIME.far;
}
