/**
 * The noise of f measured from the even parts of a central column's rows, and its share in an estimate.
 *
 * The engine's rounding model takes f's rounding to be about EPS·|f| at each point. That fails where f
 * is a small difference of large terms: atan(t) + atan(c) at t = −6.9e4, c = 7.6e4 is 1.4e-6, but each
 * term rounds to 2.2e-16. Its column then claims 5.8e-20 for an entry 1.8e-15 off: a smooth F, a confident
 * wrong Jacobian entry (issue 10). The column's own rows show the true level, without another call of
 * f: a central row at step h also gives the even part E(h) = (f(x + h) + f(x − h))/2 (driver.ts keeps it
 * for the kink test), and E(h) = f(x) + a·h² + b·h⁴ + … for smooth f. Three rows at steps h₂ > h₁ > h₀
 * combine into
 *   G = α₂·E(h₂) + α₁·E(h₁) + α₀·E(h₀),  α₂ = h₁² − h₀², α₁ = h₀² − h₂², α₀ = h₂² − h₁²,
 * which removes f(x) and a·h² exactly (Σα = 0, Σα·h² = 0) and leaves b·Σα·h⁴: Richardson's step on
 * the even part (kink-test.ts's r is −G/2 for halving steps), a fourth difference of f with the spacing
 * of the column's steps (Moré and Wild, "Estimating computational noise", SIAM J. Sci. Comput. 33(3),
 * 2011, use the same differences on an equally spaced table). For values with independent noise of
 * standard deviation ε, each E carries ε/√2, so σ = |G| / √(Σα²/2) is ε where noise rules G. With steps
 * halving, the truncation part of σ shrinks by 16 from row to row and noise does not shrink at all;
 * {@link noiseRules} tells them apart.
 */

import { EPS, F_ROUNDING, NOISE_SIGNAL } from "./constants.js";

/**
 * The ratio of a row's σ to the row before it above which noise, not truncation, rules it: twice the
 * 1/16 that truncation (b·h⁴) gives when the step halves. Noise gives about 1 (0.2 to 4 in the
 * cancellation cases of the honesty scan); a kink at x gives 1/2 (its even part moves like h), which
 * counts as noise here too, harmlessly: its share only widens the error.
 *
 * @default 0.125
 * @example
 * ```ts
 * EVEN_NOISE_RATIO; // 0.125
 * ```
 */
export const EVEN_NOISE_RATIO = 1 / 8;

/**
 * The share of a measured noise level ε in an estimate at step h: EVEN_NOISE_SHARE·ε·Σ|w|/h. A base
 * difference carries noise of about ε·Σ|w|/h at most twice that (two standard deviations), and the
 * tableau's extrapolation amplifies it by at most 1.7 when steps halve (tableau.ts: the rounding
 * recurrence, 1 + 1/2 for the first column, 1.65 after two); 2 · 1.7 rounded up.
 *
 * @default 4
 * @example
 * ```ts
 * EVEN_NOISE_SHARE; // 4
 * ```
 */
export const EVEN_NOISE_SHARE = 4;

/**
 * The steps of three rows whose even parts are compared must halve within this band (a step is made
 * representable beside x, so it need not halve exactly; a fast or jump step ratio is not compared).
 *
 * @default [1.5, 2.5]
 * @example
 * ```ts
 * EVEN_NOISE_STEPS; // [1.5, 2.5]
 * ```
 */
export const EVEN_NOISE_STEPS: readonly [number, number] = Object.freeze([1.5, 2.5] as const);

// The band as plain numbers: the engine's row loop reads them (no array access, no destructuring).
const STEPS_LO = EVEN_NOISE_STEPS[0];
const STEPS_HI = EVEN_NOISE_STEPS[1];

/**
 * σ of three rows (see the file comment): e2, e1, e0 the even parts at steps h2 > h1 > h0 (e0 the
 * newest); NaN unless the steps halve (EVEN_NOISE_STEPS).
 *
 * @example
 * ```ts
 * const E = (h: number) => Math.cosh(h); // smooth: σ is b·h⁴ and shrinks by 16 per row
 * evenNoise(E(0.4), E(0.2), E(0.1), 0.4, 0.2, 0.1); // ≈ 6.4e-6
 * evenNoise(E(0.2), E(0.1), E(0.05), 0.2, 0.1, 0.05); // ≈ 4e-7
 * ```
 */
export function evenNoise(e2: number, e1: number, e0: number, h2: number, h1: number, h0: number): number {
  const r2 = h2 / h1;
  const r1 = h1 / h0;
  if (!(r2 >= STEPS_LO && r2 <= STEPS_HI && r1 >= STEPS_LO && r1 <= STEPS_HI)) return NaN;
  const q2 = h2 * h2;
  const q1 = h1 * h1;
  const q0 = h0 * h0;
  const a2 = q1 - q0;
  const a1 = q0 - q2;
  const a0 = q2 - q1;
  const g = a2 * e2 + a1 * e1 + a0 * e0;
  return Math.abs(g) / Math.sqrt((a2 * a2 + a1 * a1 + a0 * a0) / 2);
}

/**
 * The lowest ratio of a row's σ to the row before it that counts as the truncation law (1/16 when the
 * steps halve): half of it, as noise may pull one σ down. A σ sequence that followed the law at least
 * once shows the even part's h⁴ term resolved: a σ that then stops shrinking is noise, where a σ of
 * rows whose steps are still too large for f (a pre-asymptotic sin(u)·b(x₀) at steps near 1) moves
 * erratically without ever following it.
 *
 * @default 0.03125
 * @example
 * ```ts
 * EVEN_TRUNCATION_RATIO; // 0.03125
 * ```
 */
export const EVEN_TRUNCATION_RATIO = 1 / 32;

/**
 * A σ at most this fraction of |f| counts as noise without the truncation law seen first (see
 * noiseRules): f's own noise (the honesty scan's goes up to 1e-6 relative) or rounding, where a σ of
 * pre-asymptotic rows is a sizeable part of f. 2⁻²⁰ ≈ 9.5e-7.
 *
 * @default 9.5367431640625e-7
 * @example
 * ```ts
 * EVEN_NOISE_SMALL; // 9.5367431640625e-7
 * ```
 */
export const EVEN_NOISE_SMALL = 2 ** -20;

/**
 * Whether σ of a row at newest step h, against σ of an earlier row (`previous`, at newest step
 * `previousStep`), follows the truncation law (σ ∝ h⁴; see EVEN_TRUNCATION_RATIO and EVEN_NOISE_RATIO).
 *
 * @example
 * ```ts
 * truncationLaw(1, 16, 0.5, 1); // true (1/16 when the step halves)
 * truncationLaw(1, 2, 0.5, 1); // false
 * ```
 */
export function truncationLaw(sigma: number, previous: number, h: number, previousStep: number): boolean {
  const ratio = sigma / (previous * lawRatio(h, previousStep));
  return ratio >= 16 * EVEN_TRUNCATION_RATIO && ratio < 16 * EVEN_NOISE_RATIO;
}

/** (h/h′)⁴: how truncation (b·h⁴) scales σ from a row at newest step h′ to one at h. */
function lawRatio(h: number, previousStep: number): number {
  const r = h / previousStep;
  return r * r * r * r;
}

/**
 * Whether σ of a row (evenNoise) is f's noise, and well above the modelled rounding: the row's base
 * difference settled (a far row's steps are too large for any of this), σ is more than NOISE_SIGNAL
 * times the modelled rounding of one value, F_ROUNDING·EPS·`size` (`size`: the mean |f| of the row's
 * points), σ did not shrink like truncation since the σ before it (`previous`, at newest step
 * `previousStep`: by more than 16·EVEN_NOISE_RATIO·(h/previousStep)⁴, 1/8 when the step halves), and
 * either σ had followed the truncation law before (`lawSeen`: truncationLaw at an earlier row, or noise
 * found already) or σ is at most EVEN_NOISE_SMALL·`size`. The first σ of a column (`previous` NaN)
 * has nothing to be compared with; a probe's first σ is compared with the last of the scale before,
 * when that one's steps were larger.
 *
 * @example
 * ```ts
 * noiseRules(1e-16, 2e-16, 0.5, 1, 1e-6, true, true); // true: 1e-16 is 2e5 times EPS·1e-6, and not shrinking
 * noiseRules(1e-16, 16e-16, 0.5, 1, 1e-6, true, true); // false: shrank by 16, truncation
 * noiseRules(1e-16, 2e-16, 0.5, 1, 1, true, true); // false: within rounding of |f| = 1
 * noiseRules(1e-3, 2e-3, 0.5, 1, 1, true, false); // false: a thousandth of f, and no h⁴ law seen
 * ```
 */
export function noiseRules(
  sigma: number,
  previous: number,
  h: number,
  previousStep: number,
  size: number,
  settled: boolean,
  lawSeen: boolean,
): boolean {
  if (!settled || !(sigma > NOISE_SIGNAL * F_ROUNDING * EPS * size)) return false;
  // Against a σ at smaller steps (a probe at scale 1 after a tiny x's own), noise there would hide
  // the truncation that larger steps meet: only a σ at larger steps is compared.
  if (!(previous >= 0) || !(h < previousStep)) return false;
  return (
    (lawSeen || sigma <= EVEN_NOISE_SMALL * size) &&
    sigma >= 16 * EVEN_NOISE_RATIO * previous * lawRatio(h, previousStep)
  );
}

/**
 * The share of noise level ε in an estimate at step h from a stencil whose weights' absolute values
 * sum to `weightSum` (first derivatives: the Jacobian's columns), see EVEN_NOISE_SHARE.
 *
 * @example
 * ```ts
 * noiseShare(1e-16, 1, 0.01); // 4e-14
 * ```
 */
export function noiseShare(level: number, weightSum: number, h: number): number {
  return (EVEN_NOISE_SHARE * level * weightSum) / h;
}
