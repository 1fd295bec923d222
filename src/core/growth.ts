/**
 * Whether an unconfirmed first derivative is infinite: the difference quotient at x keeps growing as
 * its step shrinks (√x at 0 grows like h^(-1/2)), where a finite derivative's quotient changes by its
 * truncation error only.
 */

import { EPS, F_ROUNDING, GROWTH_FACTOR, GROWTH_SHRINK, UNSETTLED_FACTOR } from "./constants.js";
import { stencilArrays } from "./base-stencil.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { divideByPower, representableStep } from "./step.js";
import type { StencilKind } from "./types.js";

/**
 * The plain first difference of kind `kind` at x with step h (forward, backward or central).
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * runSync(quotient(new Sampler(Math.sqrt), 0, "forward", 0.25)); // => 2
 * ```
 */
export function* quotient(sampler: Sampler, x: number, kind: StencilKind, h: number): Pipeline<number> {
  const s = representableStep(x, h);
  const hi = kind === "backward" ? yield* sampler.one(x) : yield* sampler.one(x + s);
  const lo = kind === "forward" ? yield* sampler.one(x) : yield* sampler.one(x - s);
  return (hi - lo) / (kind === "central" ? 2 * s : s);
}

/**
 * The base difference of order n and kind `kind` at x with step h: {@link quotient} for n = 1, the base
 * stencil's Σ wᵢ f(x + oᵢh) / hⁿ above.
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * runSync(difference(new Sampler((t) => Math.max(0, t)), 0, "central", 0.25, 2)); // => 4 (ReLU″ ~ 1/h)
 * ```
 */
export function* difference(
  sampler: Sampler,
  x: number,
  kind: StencilKind,
  h: number,
  order: number,
): Pipeline<number> {
  if (order === 1) return yield* quotient(sampler, x, kind, h);
  const st = stencilArrays(kind, order);
  const s = representableStep(x, h);
  let sum = 0;
  for (let q = 0; q < st.offsets.length; q++)
    sum += st.weights[q] * (yield* sampler.one(x + st.offsets[q] * s));
  return divideByPower(sum, s, order);
}

/**
 * How the difference of order n at x changes when its step shrinks GROWTH_SHRINK times down to h
 * (n = 1 unless given; for n ≥ 2 a jump in f⁽ⁿ⁻¹⁾, ReLU″ at 0, grows like a jump of f′ does):
 * - "jump": it grows GROWTH_SHRINK times (within a factor JUMP_GROWTH_BAND), so D·h stays put: f jumps
 *   at x (a jump J gives D ≈ J/(2h) beside it);
 * - "infinite": it grows more than GROWTH_FACTOR times, with its sign kept, but not like a jump: a
 *   derivative that is infinite at x (√x at 0 grows like h^(-1/2), 4 times here);
 * - "bounded": anything else.
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * runSync(growthAt(new Sampler(Math.sqrt), 0, "forward", 1e-20)); // => "infinite"
 * runSync(growthAt(new Sampler((t) => Math.exp(t) + (t < 0.7 ? 0 : 0.05)), 0.7, "central", 1e-12)); // => "jump"
 * runSync(growthAt(new Sampler((t) => t), 1e308, "backward", 1e300)); // => "bounded"
 * ```
 */
export function* growthAt(
  sampler: Sampler,
  x: number,
  kind: StencilKind,
  h: number,
  order = 1,
): Pipeline<"jump" | "infinite" | "bounded"> {
  if (!(h > 0)) return "bounded";
  // h is the last step the column took, often near the smallest representable one: compare it with a
  // wider step rather than a narrower one.
  const wide = yield* difference(sampler, x, kind, h * GROWTH_SHRINK, order);
  const narrow = yield* difference(sampler, x, kind, h, order);
  // A narrow difference within its values' rounding shows no growth: a subnormal f's values
  // (8e-323·sin t + 4.4e-323·eᵗ at 0.47) differ by one step of the subnormal grid, 5e-324, whose
  // quotient over a shorter step looked like a cusp's and gave "not-differentiable" with value NaN.
  const grows =
    Number.isFinite(wide) &&
    Number.isFinite(narrow) &&
    wide !== 0 &&
    (yield* standsAboveRounding(sampler, x, kind, h, order)) &&
    Math.sign(narrow) === Math.sign(wide) &&
    Math.abs(narrow) > GROWTH_FACTOR * Math.abs(wide);
  if (!grows) return "bounded";
  const ratio = Math.abs(narrow / wide);
  const likeJump = ratio >= GROWTH_SHRINK / JUMP_GROWTH_BAND && ratio <= GROWTH_SHRINK * JUMP_GROWTH_BAND;
  return likeJump ? "jump" : "infinite";
}

/**
 * Whether the difference of order n and kind `kind` at x with step h ({@link difference}) stands above
 * the rounding of its values: |Σ wᵢ·f(x + oᵢs)| > F_ROUNDING·EPS·Σ|wᵢ·f(x + oᵢs)| + MIN_VALUE·Σ|wᵢ|,
 * the driver's rounding model. Once, not ROUNDED_SIGNAL times: growth needs GROWTH_FACTOR on top, and a
 * jump of 1.8e-5 in an f of 2e9 stands only 5 times above it. Reads the values {@link difference}
 * fetched (the sampler's cache): no call of its own after it.
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * runSync(standsAboveRounding(new Sampler(Math.sqrt), 0, "forward", 1e-20, 1)); // => true
 * runSync(standsAboveRounding(new Sampler((t) => 1e-322 * (1 + t)), 0.5, "forward", 1e-3, 1)); // => false
 * ```
 */
export function* standsAboveRounding(
  sampler: Sampler,
  x: number,
  kind: StencilKind,
  h: number,
  order: number,
): Pipeline<boolean> {
  const st = stencilArrays(kind, order);
  const s = representableStep(x, h);
  let sum = 0;
  let size = 0;
  for (let q = 0; q < st.offsets.length; q++) {
    const v = st.weights[q] * (yield* sampler.one(x + st.offsets[q] * s));
    sum += v;
    size += Math.abs(v);
  }
  return Math.abs(sum) > stencilRounding(size, order, kind);
}

/**
 * How far from GROWTH_SHRINK the growth of the difference may be for a jump (D·h constant): √2 either
 * way. An infinite derivative like |x|^a grows by GROWTH_SHRINK^(1−a): 4 for √x, 6.3 for ∛x.
 * @default √2
 * @example
 * ```ts
 * JUMP_GROWTH_BAND; // => 1.4142135623730951
 * ```
 */
export const JUMP_GROWTH_BAND = Math.SQRT2;

/**
 * Whether the first difference at x grows without bound as its step shrinks down to h (growthAt says
 * "infinite" or "jump").
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * runSync(growsWithoutBound(new Sampler(Math.sqrt), 0, "forward", 1e-20)); // => true
 * runSync(growsWithoutBound(new Sampler((t) => t), 1e308, "backward", 1e300)); // => false
 * ```
 */
export function* growsWithoutBound(
  sampler: Sampler,
  x: number,
  kind: StencilKind,
  h: number,
): Pipeline<boolean> {
  return (yield* growthAt(sampler, x, kind, h)) !== "bounded";
}

/**
 * A derivative (first unless `order` says) for a column that never settled (no error estimate) where
 * f is bounded and does not jump: the difference of its kind (central unless given) at h/2, with
 * UNSETTLED_FACTOR times the larger of its changes from h and to h/4 as the error (plus its rounding
 * to EPS). h is the first step of the first column, whose values the sampler usually has. An f
 * computed with cancellation (a sum of terms of 45 that is 0 at x) can jump
 * by its own rounding at x, so that every smaller step grows like 1/h: the column ran down to 4e-16
 * and gave −12 with no error where f′ = −15; this gives −14.99999999999992 ± 8e-14.
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * runSync(unsettledEstimate(new Sampler(Math.exp), 0, 0.03125)); // { value: 1.00004…, error: ≈ 2.4e-4 }
 * ```
 */
export function* unsettledEstimate(
  sampler: Sampler,
  x: number,
  h: number,
  order = 1,
  kind: StencilKind = "central",
): Pipeline<{ value: number; error: number } | null> {
  const wide = yield* difference(sampler, x, kind, h, order);
  const narrow = yield* difference(sampler, x, kind, h / 2, order);
  return unsettledFrom(wide, narrow, yield* difference(sampler, x, kind, h / 4, order));
}

/**
 * An estimate from differences that never settled, at steps h, h/2 and h/4: the one at h/2, with
 * UNSETTLED_FACTOR times the larger of its two changes as the error, plus its rounding to EPS. Three
 * steps, not two: two quantised differences can agree exactly by chance (round(f·1e4)/1e4 at h and
 * h/2 gave ± 9e-16). Null when any is not finite. The rule of {@link unsettledEstimate} and of a
 * Hessian's unsettled mixed entry (mixed-partial.ts).
 *
 * @example
 * ```ts
 * unsettledFrom(1.01, 1.0025, 1.0006); // { value: 1.0025, error: ≈ 0.015 }
 * ```
 */
export function unsettledFrom(
  wide: number,
  narrow: number,
  third: number,
): { value: number; error: number } | null {
  if (!Number.isFinite(wide) || !Number.isFinite(narrow) || !Number.isFinite(third)) return null;
  const change = Math.max(Math.abs(narrow - wide), Math.abs(third - narrow));
  return { value: narrow, error: UNSETTLED_FACTOR * change + EPS * Math.abs(narrow) };
}

/**
 * Whether the central difference of order n grows over 16h → h → h/16 like a jump in a lower
 * derivative f⁽ⁿ⁻ʲ⁾ (j = 1 … n − 1): by 16ʲ each time, within √2, with its sign kept; or, with
 * `changes`, its two changes do (the second 16ʲ times the first, within √2, and above the rounding of
 * the narrowest by ROUNDED_SIGNAL), which f⁽ⁿ⁾'s own part cancels out of: for a jump already flagged
 * (noise's changes can grow so by chance: not for a difference read as noisy). Noise grows like 16ⁿ at random; a smooth f's difference
 * does not grow, and its changes shrink by 1/256.
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * runSync(jumpsTwice(new Sampler((t) => Math.abs(t) + Math.cos(t)), 0, 1e-5, 2)); // => true (f′ jumps)
 * runSync(jumpsTwice(new Sampler(Math.cos), 0, 1e-5, 2)); // => false
 * ```
 */
export function* jumpsTwice(
  sampler: Sampler,
  x: number,
  h: number,
  order: number,
  changes = false,
): Pipeline<boolean> {
  const wide = yield* difference(sampler, x, "central", h * GROWTH_SHRINK, order);
  const mid = yield* difference(sampler, x, "central", h, order);
  const narrowStencil = yield* centralStencil(sampler, x, representableStep(x, h / GROWTH_SHRINK), order);
  if (narrowStencil === null) return false;
  const s = representableStep(x, h / GROWTH_SHRINK);
  const narrow = divideByPower(narrowStencil.sum, s, order);
  const p1 = Math.log(mid / wide) / Math.log(GROWTH_SHRINK);
  const p2 = Math.log(narrow / mid) / Math.log(GROWTH_SHRINK);
  const j = Math.round(p1);
  const band = Math.log(JUMP_GROWTH_BAND) / Math.log(GROWTH_SHRINK);
  if (j >= 1 && j < order && Math.abs(p1 - j) <= band && Math.abs(p2 - j) <= band) return true;
  if (!changes) return false;
  // The changes grow so where f⁽ⁿ⁾'s own part, which they cancel, rules the differences at the wider
  // steps (a small jump of f″ beside 1/(1 + t²)‴ at −0.03: 23.694 ± 2.8e-6, ok, at order 4).
  const rounding = divideByPower(stencilRounding(narrowStencil.size, order), s, order);
  if (!(Math.abs(narrow - mid) > ROUNDED_SIGNAL * rounding)) return false;
  const p = Math.log((narrow - mid) / (mid - wide)) / Math.log(GROWTH_SHRINK);
  const jc = Math.round(p);
  return jc >= 1 && jc < order && Math.abs(p - jc) <= band;
}

/**
 * Whether the central difference of order n at x with step h stands above the rounding of its values
 * by ROUNDED_SIGNAL (F_ROUNDING·EPS·Σ|wᵢ·f(x + oᵢh)| + MIN_VALUE·Σ|wᵢ|, over hⁿ): one within it says nothing of how
 * the derivative grows (a cubic whose values are 1e-127 near x = 1.6e-23: f″ is lost in rounding).
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * runSync(aboveRounding(new Sampler((t) => Math.abs(t)), 0, 1e-6, 2)); // => true
 * runSync(aboveRounding(new Sampler((t) => 1 + 1e-20 * t * t), 0, 1e-6, 2)); // => false
 * ```
 */
export function* aboveRounding(sampler: Sampler, x: number, h: number, order: number): Pipeline<boolean> {
  const c = yield* centralStencil(sampler, x, representableStep(x, h), order);
  if (c === null) return false;
  return Math.abs(c.sum) > ROUNDED_SIGNAL * stencilRounding(c.size, order);
}

/**
 * The rounding of a stencil's sum Σ wᵢ·f(x + oᵢs) (of kind `kind`, central unless given, and order n)
 * whose terms' sizes sum to `size` (Σ|wᵢ·fᵢ|), before the division by sⁿ: F_ROUNDING·EPS·size, plus the
 * subnormal grid's step (Number.MIN_VALUE) per unit of weight, as in the driver's model (values beside
 * x that are a few subnormal steps are no evidence of growth or of a jump).
 *
 * @example
 * ```ts
 * stencilRounding(1, 1); // ≈ 4.4e-16
 * stencilRounding(0, 2); // => 4 * Number.MIN_VALUE (weights 1, −2, 1)
 * ```
 */
export function stencilRounding(size: number, order: number, kind: StencilKind = "central"): number {
  return F_ROUNDING * EPS * size + Number.MIN_VALUE * stencilArrays(kind, order).weightSum;
}

/**
 * The base central stencil of order n at x with step s (already representable beside x): its values,
 * Σ wᵢ·f(x + oᵢs) and Σ |wᵢ·f(x + oᵢs)|; null at the first value that is not finite (no call after it).
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * runSync(centralStencil(new Sampler((t) => t * t), 1, 0.5, 2))?.sum; // => 0.5 (Σ w·f = f″·s²)
 * ```
 */
export function* centralStencil(
  sampler: Sampler,
  x: number,
  s: number,
  order: number,
): Pipeline<{ values: Float64Array; sum: number; size: number } | null> {
  const st = stencilArrays("central", order);
  const values = new Float64Array(st.offsets.length);
  let sum = 0;
  let size = 0;
  for (let q = 0; q < st.offsets.length; q++) {
    const v = (values[q] = yield* sampler.one(x + st.offsets[q] * s));
    if (!Number.isFinite(v)) return null;
    sum += st.weights[q] * v;
    size += Math.abs(st.weights[q] * v);
  }
  return { values, sum, size };
}

/**
 * How many times its rounding a difference must be for {@link aboveRounding}: 16, as the kink test's
 * signal (KINK_SIGNAL).
 * @default 16
 * @example
 * ```ts
 * ROUNDED_SIGNAL; // => 16
 * ```
 */
export const ROUNDED_SIGNAL = 16;

/**
 * The smallest of h, 16h, … 16⁴h at which the central difference of order n stands above its rounding
 * ({@link aboveRounding}), NaN if none: where a column that ran down to the last representable steps
 * can still tell growth from rounding (|t|″ at 0 from steps of 2e-16: at 256 times that).
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * runSync(significantStep(new Sampler((t) => Math.abs(t) + Math.cos(t)), 0, 2 ** -52, 2)); // => 2 ** -44
 * ```
 */
export function* significantStep(sampler: Sampler, x: number, h: number, order: number): Pipeline<number> {
  for (let k = 0, step = h; k <= SIGNIFICANT_WIDENINGS; k++, step *= GROWTH_SHRINK) {
    if (yield* aboveRounding(sampler, x, step, order)) return step;
  }
  return NaN;
}

/**
 * How many times {@link significantStep} widens the step by GROWTH_SHRINK: 16⁴ = 65,536, from the last
 * representable steps to where a jump's difference (J/h) clears rounding (EPS·|f|/h²) by 16.
 * @default 4
 * @example
 * ```ts
 * SIGNIFICANT_WIDENINGS; // => 4
 * ```
 */
export const SIGNIFICANT_WIDENINGS = 4;
