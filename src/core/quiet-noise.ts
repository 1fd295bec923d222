/**
 * Noise relative to a term of f that vanishes at x, beside terms that do not (docs/engine.md, "The
 * pipeline of derivative()", step 3). g(t)·(1 + ε·noise) + c with g(x) = 0 puts about ε·|g′|·h of
 * noise into f(x ± h), so about ε·|g′| into every central first difference whatever its step, while
 * the noise check and the noise tables, about x where g is small, see only c's rounding. derivative()
 * flags such rows only at a root of f itself (even-noise.ts, flaggedNoise: elsewhere the tables measure
 * f's noise), so with c ≠ 0 the column's rows may agree by chance and claim far too little (tanh t·(1 +
 * 9.3e-12·noise) + atan(−0.98) at 0 gave 1 + 2.9e-12 ± 1.5e-13, ok). The rows' even parts show the
 * noise all the same (σ ≈ ε·|g′|·h, ruled noise by noiseRules): each such row's σ/h is the noise a
 * central first difference carries there, and goes under the error as a floor, as derivative()'s
 * flagged rows' σ/h does where the tables measure nothing. No call of f more, and no route changes.
 */

import { stencilArrays } from "./base-stencil.js";
import { EPS, F_ROUNDING, NOISE_SIGNAL } from "./constants.js";
import { droppedBelowLaw, EVEN_NOISE_SHARE, EVEN_ROOT_SHARE, shrankLikeNoise } from "./even-noise.js";
import { belowHalfSixthLaw } from "./faint-noise.js";
import type { DerivativeResult } from "./types.js";

const CENTRAL_WEIGHTS = stencilArrays("central", 1).weightSum;

/**
 * Whether a row's σ, ruled noise by noiseRules, counts for the quiet share: it shrank like noise
 * (even-noise.ts, shrankLikeNoise: at most like h, from steps no longer than ALIAS_STEP) where f has
 * no root at x (the row's even part `even` beyond EVEN_ROOT_SHARE of its size `size`; at a root the
 * row is flagged instead, flaggedNoise).
 *
 * @example
 * ```ts
 * quietNoise(1e-12, 2e-12, 0.01, 0.02, 0.8, 0.8); // => true (σ shrank like h, f far from 0)
 * quietNoise(1e-12, 2e-12, 0.01, 0.02, 1e-5, 0.8); // => false (a root: flagged)
 * quietNoise(1e-12, 8e-12, 0.01, 0.02, 0.8, 0.8); // => false (σ shrank like h³)
 * ```
 */
export function quietNoise(
  sigma: number,
  previous: number,
  h: number,
  previousStep: number,
  even: number,
  size: number,
): boolean {
  return Math.abs(even) > EVEN_ROOT_SHARE * size && shrankLikeNoise(sigma, previous, h, previousStep);
}

/**
 * Whether the row before's σ counts for the quiet share where f has no root at x: the newest σ fell
 * below truncation's law from it (even-noise.ts, droppedBelowLaw), so it was noise.
 * @example
 * ```ts
 * quietDrop(1e-16, 1e-13, 0.01, 0.02, 0.8, 0.8); // => true
 * ```
 */
export function quietDrop(
  sigma: number,
  previous: number,
  h: number,
  previousStep: number,
  even: number,
  size: number,
): boolean {
  return Math.abs(even) > EVEN_ROOT_SHARE * size && droppedBelowLaw(sigma, previous, h, previousStep, size);
}

/**
 * How far above the signal NOISE_SIGNAL·F_ROUNDING·EPS·|f| the row before's σ must be for the newest
 * to tell the h⁶ law from a fall below it (see {@link belowSixthLaw}): 16. By even-noise.ts's
 * EVEN_DROP_SIGNAL argument, rounding moves σ by a 14th of the signal, so truncation's next σ from s
 * signals is at least s/64 − 1/14, above the band's s/128 from s > 128/14 ≈ 9.1 signals; 16 keeps the
 * same margin (1.75 times) as EVEN_DROP_SIGNAL's 4 over the h⁴ law's 32/14.
 *
 * @default 16
 * @example
 * ```ts
 * SIXTH_DROP_SIGNAL; // => 16
 * ```
 */
export const SIXTH_DROP_SIGNAL = 16;

/**
 * Whether a σ that {@link quietDrop} took for noise fell below the h⁶ law from the row before's as
 * well (below FAINT_DROP·(2h/h′)⁶ of it, faint-noise.ts: half of (1/2)⁶ per halving), or rounding
 * hides that law (the row before's σ at most SIXTH_DROP_SIGNAL signals of f's size `size`: then the h⁴
 * law's verdict stands). Where f⁗(x) = 0 (atan at ±1, 1/(1 + t²) at ±0.32492) truncation's even part
 * falls like h⁶, 64 times per halving, and passes the h⁴ law's drop test: atan at 1's σ went 3.9e-12 →
 * 6.1e-14 and the row before's σ/h, taken for noise, put 2e-9 under 0.5000000000000027 (noise-limited).
 * A fall between the two laws is such truncation, or noise that fell by chance: the row before's σ is
 * then kept apart (ColumnState.bandShare), a floor only where f is shown noisy otherwise (see
 * withQuietShare's `band`).
 *
 * @example
 * ```ts
 * belowSixthLaw(3e-14, 3.9e-12, 0.0039, 0.0078, 0.785); // => true (130 times)
 * belowSixthLaw(6.1e-14, 3.9e-12, 0.0039, 0.0078, 0.785); // => false (64 times: the h⁶ law)
 * belowSixthLaw(4.4e-5, 2.1e-3, 0.0039, 0.0078, 6.5e10); // => true (9 signals: rounding hides it)
 * ```
 */
export function belowSixthLaw(
  sigma: number,
  previous: number,
  h: number,
  previousStep: number,
  size: number,
): boolean {
  return (
    previous <= SIXTH_DROP_SIGNAL * NOISE_SIGNAL * F_ROUNDING * EPS * size ||
    belowHalfSixthLaw(sigma, previous, h, previousStep)
  );
}

/**
 * The share of a result's error the quiet floor must make up for the result to be "noise-limited": ½,
 * the floor is then at least the rest of the error (truncation and rounding together), so the noise is
 * what sets the accuracy, as the status says.
 *
 * @default 0.5
 * @example
 * ```ts
 * QUIET_LIMITED_SHARE; // => 0.5
 * ```
 */
export const QUIET_LIMITED_SHARE = 0.5;

/**
 * The result with its error floored by the quiet share (see the file comment): a central first
 * derivative with status "ok" or "noise-limited" and a finite error gets EVEN_NOISE_SHARE·Σ|w| times
 * the smaller of `share` (the rows' largest σ/h) and `sigma` (their largest σ) over its step added
 * (with `band`, the σ/h and σ of rows whose drop lay between the h⁴ and h⁶ laws, {@link belowSixthLaw},
 * counted too where the result reports a noise level of f: f shown noisy, such a drop may be its noise
 * falling by chance; else it is truncation where f⁗(x) = 0), and
 * is "noise-limited" where that is at least QUIET_LIMITED_SHARE of its error. Each row's share at the result's step h_r
 * is at most σ/max(h, h_r): noise shrinking like h carries σ/h into every difference, a fixed level σ
 * only σ/h_r at the longer step h_r (relative noise in log t at 16.4, whose σ/h at the probe's steps
 * of 0.002 is 60 times its share at the result's 0.128); min(share, sigma/h_r) bounds them all. Anything
 * else, or `share` 0 or absent, is returned as it is.
 *
 * @example
 * ```ts
 * const r = { value: 1, error: 1e-13, step: 0.004, method: "central" as const, status: "ok" as const };
 * withQuietShare(r, 1, 8e-12, 4e-14).error; // => 3.21e-11 ± 1e-24 (1e-13 + 4·8e-12)
 * withQuietShare(r, 1, 8e-12, 4e-14).status; // => "noise-limited"
 * withQuietShare(r, 1, 8e-12, 4e-15).error; // => 4.1e-12 ± 1e-24 (1e-13 + 4·4e-15/0.004)
 * withQuietShare(r, 1, 0, 0, [8e-12, 4e-14]).status; // => "ok" (no noise level: truncation)
 * withQuietShare({ ...r, noise: 1e-15 }, 1, 0, 0, [8e-12, 4e-14]).status; // => "noise-limited"
 * ```
 */
export function withQuietShare<R extends Omit<DerivativeResult, "evaluations">>(
  result: R,
  order: number,
  share: number | undefined,
  sigma: number | undefined,
  band?: readonly [number | undefined, number | undefined],
): R {
  if (band !== undefined && result.noise !== undefined && result.noise > 0) {
    share = Math.max(share ?? 0, band[0] ?? 0);
    sigma = Math.max(sigma ?? 0, band[1] ?? 0);
  }
  if (!(share !== undefined && share > 0) || order !== 1 || result.method !== "central") return result;
  if (result.status !== "ok" && result.status !== "noise-limited") return result;
  if (!(result.error < Infinity)) return result;
  const perDifference = Math.min(share, (sigma ?? Infinity) / result.step);
  const floor = EVEN_NOISE_SHARE * perDifference * CENTRAL_WEIGHTS;
  const error = result.error + floor;
  return { ...result, error, status: floor >= QUIET_LIMITED_SHARE * error ? "noise-limited" : result.status };
}
