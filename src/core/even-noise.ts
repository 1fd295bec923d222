/**
 * F's noise measured from a central column's own rows (docs/engine.md, "A Jacobian column"): three
 * rows' even parts E(h) = (f(x + h) + f(x − h))/2 combine into G = α₂E(h₂) + α₁E(h₁) + α₀E(h₀), α₂ =
 * h₁² − h₀², α₁ = h₀² − h₂², α₀ = h₂² − h₁², which removes f(x) and the h² term (a fourth difference, as
 * in Moré and Wild, SIAM J. Sci. Comput. 33(3), 2011). Truncation leaves b·Σα·h⁴, shrinking by 16 when
 * the steps halve; noise of size ε gives σ = |G|/√(Σα²/2) ≈ ε at every step.
 */

import { ALIAS_STEP, EPS, F_ROUNDING, NOISE_SIGNAL } from "./constants.js";

/**
 * σ over the σ of the row before above which noise rules a row: twice truncation's 1/16.
 *
 * @default 0.125
 * @example
 * ```ts
 * EVEN_NOISE_RATIO; // 0.125
 * ```
 */
export const EVEN_NOISE_RATIO = 1 / 8;

/**
 * The share of a level ε in an estimate at step h is EVEN_NOISE_SHARE·ε·Σ|w|/h: two standard
 * deviations, times the tableau's amplification of rounding (at most 1.7 when steps halve), rounded up.
 *
 * @default 4
 * @example
 * ```ts
 * EVEN_NOISE_SHARE; // 4
 * ```
 */
export const EVEN_NOISE_SHARE = 4;

/**
 * The band of step ratios of three rows compared (steps halve, up to making them representable).
 *
 * @default [1.5, 2.5]
 * @example
 * ```ts
 * EVEN_NOISE_STEPS; // [1.5, 2.5]
 * ```
 */
export const EVEN_NOISE_STEPS: readonly [number, number] = Object.freeze([1.5, 2.5] as const);

const STEPS_LO = EVEN_NOISE_STEPS[0];
const STEPS_HI = EVEN_NOISE_STEPS[1];

/**
 * σ of three rows: even parts e2, e1, e0 at steps h2 > h1 > h0; NaN unless the steps halve.
 *
 * @example
 * ```ts
 * const E = (h: number) => Math.cosh(h); // smooth: σ shrinks by 16 per row
 * evenNoise(E(0.4), E(0.2), E(0.1), 0.4, 0.2, 0.1); // => 1.648e-4 ± 1e-7
 * ```
 */
export function evenNoise(e2: number, e1: number, e0: number, h2: number, h1: number, h0: number): number {
  return evenNoiseOver(e2, e1, e0, h2, h1, h0, evenNorm(h2, h1, h0));
}

/**
 * The norm √(Σα²/2) that divides G in {@link evenNoise} for steps h2 > h1 > h0: it depends on the steps
 * alone, so columns of several functions on the same steps share it (jacobian-common-work.ts); NaN
 * unless the steps halve.
 *
 * @example
 * ```ts
 * evenNorm(0.4, 0.2, 0.1); // => 0.1375 ± 1e-4 (α = 0.03, −0.15, 0.12)
 * evenNorm(0.4, 0.3, 0.1); // => NaN (0.4/0.3 is outside EVEN_NOISE_STEPS)
 * ```
 */
export function evenNorm(h2: number, h1: number, h0: number): number {
  const r2 = h2 / h1;
  const r1 = h1 / h0;
  if (!(r2 >= STEPS_LO && r2 <= STEPS_HI && r1 >= STEPS_LO && r1 <= STEPS_HI)) return NaN;
  const q2 = h2 * h2;
  const q1 = h1 * h1;
  const q0 = h0 * h0;
  const a2 = q1 - q0;
  const a1 = q0 - q2;
  const a0 = q2 - q1;
  return Math.sqrt((a2 * a2 + a1 * a1 + a0 * a0) / 2);
}

/**
 * {@link evenNoise} given its steps' {@link evenNorm} (NaN gives NaN), bit for bit.
 *
 * @example
 * ```ts
 * const E = (h: number) => Math.cosh(h);
 * evenNoiseOver(E(0.4), E(0.2), E(0.1), 0.4, 0.2, 0.1, evenNorm(0.4, 0.2, 0.1)); // => 1.648e-4 ± 1e-7
 * ```
 */
export function evenNoiseOver(
  e2: number,
  e1: number,
  e0: number,
  h2: number,
  h1: number,
  h0: number,
  norm: number,
): number {
  const q2 = h2 * h2;
  const q1 = h1 * h1;
  const q0 = h0 * h0;
  const g = (q1 - q0) * e2 + (q0 - q2) * e1 + (q2 - q1) * e0;
  return Math.abs(g) / norm;
}

/**
 * The lowest σ ratio that counts as the h⁴ law (half of 1/16): pre-asymptotic rows never follow it.
 *
 * @default 0.03125
 * @example
 * ```ts
 * EVEN_TRUNCATION_RATIO; // 0.03125
 * ```
 */
export const EVEN_TRUNCATION_RATIO = 1 / 32;

/**
 * A σ at most this fraction of |f| may count as noise without the h⁴ law seen first. 2⁻²⁰.
 *
 * @default 9.5367431640625e-7
 * @example
 * ```ts
 * EVEN_NOISE_SMALL; // 9.5367431640625e-7
 * ```
 */
export const EVEN_NOISE_SMALL = 2 ** -20;

/**
 * Whether σ at newest step h follows the h⁴ law against `previous` at `previousStep`.
 *
 * @example
 * ```ts
 * truncationLaw(1, 16, 0.5, 1); // true
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
 * Whether a row's σ is noise well above rounding: its base difference settled, σ > NOISE_SIGNAL times
 * F_ROUNDING·EPS·`size` (the mean |f|), σ did not shrink like h⁴ since `previous` (at larger
 * `previousStep`, possibly a probe's scale before), and the law was seen first (`lawSeen`) or σ is at
 * most EVEN_NOISE_SMALL·`size`.
 *
 * @example
 * ```ts
 * noiseRules(1e-16, 2e-16, 0.5, 1, 1e-6, true, true); // true
 * noiseRules(1e-16, 16e-16, 0.5, 1, 1e-6, true, true); // false: shrank by 16
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
  if (!(previous >= 0) || !(h < previousStep)) return false;
  return (
    (lawSeen || sigma <= EVEN_NOISE_SMALL * size) &&
    sigma >= 16 * EVEN_NOISE_RATIO * previous * lawRatio(h, previousStep)
  );
}

/**
 * How far above the signal NOISE_SIGNAL·F_ROUNDING·EPS·|f| a row's σ must be for a next σ below
 * truncation's law to rule it noise (see {@link droppedBelowLaw}): 4. Rounding moves σ by at most
 * about 1.1·EPS·|f| (the even parts' rounding, EPS/2·|f| each, through Σ|α|/√(Σα²/2) ≤ 2.2), a 14th of
 * the signal; from 4 signals truncation's next σ is at least 4/16 − 1/14 ≈ 0.18 signals, above the
 * 4/32 that the law's band allows.
 * @default 4
 * @example
 * ```ts
 * EVEN_DROP_SIGNAL; // 4
 * ```
 */
export const EVEN_DROP_SIGNAL = 4;

/**
 * Whether the σ `previous` of the row before (at larger step `previousStep`) was noise after all: it
 * stood EVEN_DROP_SIGNAL times above the signal, at most EVEN_NOISE_SMALL·`size` (a σ of pre-asymptotic
 * rows, a pole's or a kink's even part beside x, is a sizeable part of f and can fall by any factor as
 * the rows leave it: f32 of a pole 0.039 from x gave −904.1648 ± 4306 for −904.1655), and the newest σ
 * fell below what truncation's h⁴ law allows from it (EVEN_TRUNCATION_RATIO·16·(h/h′)⁴, half the law's 1/16 when the step halves). A σ of
 * truncation shrinks by about 16 per halving; noise that shrinks like h (relative noise at a term's
 * root) can fall by any factor from one row to the next by chance.
 * @example
 * ```ts
 * droppedBelowLaw(1e-16, 1e-13, 0.01, 0.02, 0.5); // => true (σ fell 1000 times)
 * droppedBelowLaw(6e-15, 1e-13, 0.01, 0.02, 0.5); // => false (16 times: the law)
 * ```
 */
export function droppedBelowLaw(
  sigma: number,
  previous: number,
  h: number,
  previousStep: number,
  size: number,
): boolean {
  return (
    h <= ALIAS_STEP &&
    previous > EVEN_DROP_SIGNAL * NOISE_SIGNAL * F_ROUNDING * EPS * size &&
    previous <= EVEN_NOISE_SMALL * size &&
    sigma < 16 * EVEN_TRUNCATION_RATIO * previous * lawRatio(h, previousStep)
  );
}

/**
 * How far σ may shrink from one row to the next, in units of h/h′, and still be noise that derivative()
 * flags (driver.ts, measureNoise): 1/2, so 1/4 where the steps halve. Noise of a fixed size keeps σ
 * (ratio about 1), noise relative to f at a root of f shrinks it like h (1/2); truncation shrinks it
 * like h⁴ and a C1 join at x (an h³ term in the even part: smoothstep at 0) like h³, 1/16 and 1/8, a
 * factor 2 or more below.
 * @default 0.5
 * @example
 * ```ts
 * EVEN_NOISE_SHRINK; // 0.5
 * ```
 */
export const EVEN_NOISE_SHRINK = 1 / 2;

/**
 * How small the row's even part (f(x + h) + f(x − h))/2 must be beside its mean size (|f(x + h)| +
 * |f(x − h)|)/2 for derivative() to flag the row's noise: 1/4, x within about h/4 of a root of f, where
 * noise relative to f puts ε·|f′| into every first difference and the noise check and tables, about x
 * where f is small, see little of it. Elsewhere they measure f's noise themselves.
 * @default 0.25
 * @example
 * ```ts
 * EVEN_ROOT_SHARE; // 0.25
 * ```
 */
export const EVEN_ROOT_SHARE = 1 / 4;

/**
 * Whether a row's σ, ruled noise by {@link noiseRules}, is one derivative() flags: at a root of f (the
 * row's even part `even` at most EVEN_ROOT_SHARE of its size `size`), from steps no longer than
 * ALIAS_STEP (longer steps relative to a large |x| can alias a periodic f, whose even parts then move
 * at random), and shrunk at most EVEN_NOISE_SHRINK·h/h′ since the row before.
 * @example
 * ```ts
 * flaggedNoise(1e-12, 2e-12, 0.01, 0.02, 1e-5, 0.01); // true (σ shrank like h: relative noise at a root)
 * flaggedNoise(1e-12, 8e-12, 0.01, 0.02, 1e-5, 0.01); // false (like h³: a C1 join at x)
 * flaggedNoise(1e-12, 2e-12, 0.01, 0.02, 1, 1); // false (no root)
 * ```
 */
export function flaggedNoise(
  sigma: number,
  previous: number,
  h: number,
  previousStep: number,
  even: number,
  size: number,
): boolean {
  return Math.abs(even) <= EVEN_ROOT_SHARE * size && shrankLikeNoise(sigma, previous, h, previousStep);
}

/**
 * {@link flaggedNoise} without the root: a row's σ, ruled noise by {@link noiseRules}, from steps no
 * longer than ALIAS_STEP, shrunk at most EVEN_NOISE_SHRINK·h/h′ since the row before (noise relative to
 * a term of f that vanishes at x shrinks it like h; a kink or a pole's even part beside x, a C1 join
 * and truncation faster, or not at all where the row before was a longer scale's).
 * @example
 * ```ts
 * shrankLikeNoise(1e-12, 2e-12, 0.01, 0.02); // => true (σ shrank like h)
 * shrankLikeNoise(1e-12, 8e-12, 0.01, 0.02); // => false (like h³)
 * shrankLikeNoise(1e-12, 2e-12, 2, 4); // => false (steps beyond ALIAS_STEP)
 * ```
 */
export function shrankLikeNoise(sigma: number, previous: number, h: number, previousStep: number): boolean {
  return h <= ALIAS_STEP && sigma >= EVEN_NOISE_SHRINK * previous * (h / previousStep);
}

/**
 * The share of noise level ε at step h for weights summing to `weightSum` (see EVEN_NOISE_SHARE).
 *
 * @example
 * ```ts
 * noiseShare(1e-16, 1, 0.01); // 4e-14
 * ```
 */
export function noiseShare(level: number, weightSum: number, h: number): number {
  return (EVEN_NOISE_SHARE * level * weightSum) / h;
}
