/**
 * The spread of a measured noise level. The noise tables (noise.ts, Moré and Wild 2011) read σ from
 * nine values of f, a few degrees of freedom: the level they give scatters about the true σ, and the
 * error model, which carries NOISE_COVERAGE·σ per value, is short wherever the table read σ low. The
 * estimate's share of the level is taken again at its spread, so the error covers the noise of a
 * level that was measured low by up to NOISE_LEVEL_SPREAD times.
 */

import { noiseShare } from "./noise-check.js";
import type { Estimate } from "./scalar-column.js";

/**
 * How far below the true σ a noise level measured from one nine-point table may lie, and still be
 * covered: `noiseFromTable` on 20,000 tables of uniform noise beside a smooth f (sin t + A·U at
 * spacing 1e-6, σ = A/√3) gave level/σ below 0.50 in 5% of them, below 0.36 in 1% and below 0.23 in
 * 0.1% (median 0.94). A level measured at half the true σ, times NOISE_COVERAGE per value, still
 * bounds a stencil's noise Σwᵢεᵢ (whose spread is √(Σw²)·σ, below Σ|w|·σ/1.4 for orders 1–4) by about
 * 2 of its standard deviations; the scan's noise-limited f″–f⁗ that their errors missed (1.05–1.6
 * times) had levels 0.15–0.36 of the true σ.
 *
 * @default 2
 * @example
 * ```ts
 * NOISE_LEVEL_SPREAD; // 2
 * ```
 */
export const NOISE_LEVEL_SPREAD = 2;

/**
 * The lowest derivative order whose noise-limited errors take the level's spread: 2. A first
 * derivative's noise-limited error is already near the best a noisy f allows (the red team passes a
 * noisy case where its error is within 10 times the optimal error E*, and three first derivatives,
 * 0.0027 against a bound of 0.0028, went past it with the spread), and the scan's first derivatives the noise left short
 * are relative noise beside a root of f, whose level at x the spread does not reach (the even-part
 * floors of even-noise.ts and quiet-noise.ts hold those). From f″ on the stencil's noise gain Σ|w|/hⁿ
 * rules the error, and the scan's noise-limited f″–f⁗ were 1.05–1.6 times short.
 *
 * @default 2
 * @example
 * ```ts
 * LEVEL_SPREAD_ORDER; // 2
 * ```
 */
export const LEVEL_SPREAD_ORDER = 2;

/**
 * The estimate `est`, from a column run with the noise level `level` that the tables measured, with
 * its error widened by the share of the level's spread at its step: (NOISE_LEVEL_SPREAD − 1) times
 * the level's share NOISE_COVERAGE·level·Σ|w|/hⁿ. The value, step and status stay.
 *
 * @example
 * ```ts
 * const e = { value: 1, error: 1e-9, step: 1e-3, kind: "central", flags: 0, noisyStep: NaN } as const;
 * withLevelSpread(e, 1e-12, 1).error; // ≈ 4e-9 (1e-9 + 3e-9)
 * ```
 */
export function withLevelSpread(est: Estimate, level: number, order: number): Estimate {
  if (!(level > 0 && Number.isFinite(est.error))) return est;
  return { ...est, error: est.error + noiseShare(est, (NOISE_LEVEL_SPREAD - 1) * level, order) };
}
