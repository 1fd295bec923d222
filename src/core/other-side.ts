/**
 * A one-sided derivative the caller asked for (method "forward" or "backward"), held against the other
 * side. A forward stencil at x sees only [x, x + h]: where f has a kink or a join at x + δ with δ below
 * every step the column could take, its differences mix the two sides' slopes as smoothly as if the
 * kink were at x itself, and the column converges, with a small error, to the wrong side's value
 * (tanh t + 0.0028·max(0, t − c) forward at c − 4.9e-9: 0.00142 ± 5.7e-13, where f′ = 0). Nothing
 * on that side tells the two apart; the other side does: the backward column at x sees only x's own
 * piece. Where the two sides disagree beyond their errors (and f jumps at x on neither side), both are
 * run again from steps whose rounding is a small part of the gap: a kink farther ahead than those
 * steps is resolved there (this side's column settles on x's own piece, the other side's value: a
 * ReLU kink 3.5e-12 below x = −0.00104, backward, gives 0.91142 ± 0.0099, f′ = 0.91149), and one on
 * the other side of x leaves the estimate as it was; otherwise the estimate's error grows to cover the
 * other side's value too, and both are given as `left` and `right`.
 */

import { estimated } from "./status.js";
import { stencilArrays } from "./base-stencil.js";
import { COLUMN_FLAG } from "./column-state.js";
import {
  CENTRAL_SHRINK,
  EPS,
  F_ROUNDING,
  INITIAL_STEP,
  JUMP_RESOLUTION,
  KINK_SIGNAL,
  NOISE_COVERAGE,
} from "./constants.js";
import { difference, unsettledFrom } from "./growth.js";
import { bounded, type Pipeline, type Sampler } from "./sampler.js";
import { run, type ScalarEngine } from "./scalar-column.js";
import { pairedError, pairedSidesMissed } from "./paired-sides.js";
import { cleanOfOtherJump } from "./jump-as-noise.js";
import { jumpsOnSide } from "./side-jump.js";
import { representableStep } from "./step.js";
import type { DerivativeResult, OneSided, StencilKind } from "./types.js";

/** A result of derivative()'s pipeline before its evaluations are counted. */
type Settled = Omit<DerivativeResult, "evaluations">;

/**
 * How many times the step of a one-sided result the other side's column starts at: two halvings above
 * it, so that the other side's first rows are as long as the estimate's last ones. On the honesty
 * scan's one-sided cases 2 left 200 dishonest, 4 left 187 and 8 left 190 (with 0.7 more calls on a
 * smooth f).
 *
 * @default 4
 * @example
 * ```ts
 * OTHER_SIDE_START; // 4
 * ```
 */
export const OTHER_SIDE_START = 4;

/**
 * How many first steps, each CENTRAL_SHRINK times the one before, the other side's column tries for
 * its widest point before it gives up (f not finite there: a domain's edge beside x). Down to 4⁻⁷ ≈
 * 6e-5 of the first, at most 8 calls: the column's own retries (ONE_SIDED_RETRIES) would spend 32 on
 * exp t, NaN for t < 0, forward at 0. The honesty scan's one-sided cases leave 185 dishonest with 8
 * tries and 190 with 4 (noisy f at orders 3 and 4 near log's and √'s edge at 0).
 *
 * @default 8
 * @example
 * ```ts
 * OTHER_SIDE_TRIES; // 8
 * ```
 */
export const OTHER_SIDE_TRIES = 8;

/**
 * The one-sided result of derivative()'s pipeline held against the other side (see the file comment).
 * Results of other kinds, of a method not one-sided, with a status other than "ok" or
 * "noise-limited", or without a finite value, are returned as they are; so are results where f is not
 * finite on the other side. A result without an error takes its first rows' differences first.
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * import { Sampler } from "./sampler.js";
 * import { runSync } from "./column-steps.js";
 * import { ScalarEngine } from "./scalar-column.js";
 * // ReLU forward at 0: the forward column gives 1; the backward side, 0.
 * const engine = new ScalarEngine().begin(0, resolveOptions({ method: "forward" }, 0));
 * const forward = { value: 1, error: 1e-15, step: 0.03125, method: "forward", status: "ok" } as const;
 * const r = runSync(heldToOtherSide(engine, new Sampler((t) => Math.max(0, t)), forward, 0));
 * r.value; // => 1
 * r.error; // 1.000000000000001: [0, 2] holds both sides' slopes
 * r.left?.value; // => 0
 * ```
 */
export function* heldToOtherSide(
  engine: ScalarEngine,
  sampler: Sampler,
  given: Settled,
  givenLevel: number,
  firstFlags = 0,
): Pipeline<Settled> {
  const { o } = engine;
  // The other side's columns take the level given in the options, as the result's first column did
  // (with the noise stage's level they end sooner, on less: 57 more of the scan's one-sided cases
  // dishonest); the fine steps of settleGap count the noise stage's level too.
  const level = givenLevel;
  const kind = given.method;
  if (kind === "central" || kind !== o.method) return given;
  if (!estimated(given.status) || !Number.isFinite(given.value)) return given;
  let result = Number.isNaN(given.error)
    ? yield* bounded(unsettled(engine, sampler, given), () => given)
    : given;
  if (!(result.error < Infinity)) return result;
  const other: StencilKind = kind === "forward" ? "backward" : "forward";
  // Ridders' estimate alone decides whether the sides agree (with every power of h counted, 1.2 more
  // calls on a smooth f at order 2, and 29 more of the scan's one-sided cases dishonest).
  const side = yield* sideEstimate(engine, sampler, other, result.step * OTHER_SIDE_START, level, false);
  const disagree = side !== null && !agree(side, result);
  // No significant digit, or noise: a jump on this side may hide in it (f(x) is then no side's value).
  const weak = !(result.error < Math.abs(result.value)) || result.status === "noise-limited";
  // Or an error far above the other side's: this side sees something that one does not (cos t +
  // 2e-6·H(t − c) backward at c = −125.07: −0.562135 ± 7.9e-4, the forward side ± 4e-12).
  const lopsided = side !== null && result.error > RESOLVE_SIGNAL * side.error;
  // Or a first column that saw "noise": its differences grew as its steps shrank, as J/hⁿ does where
  // f jumps by J at x on this side, which the noise stage may then take for a level or run on past
  // (cos t − 4.7e-6·sign(t − c) backward at c = −1251.14: 0.70576 ± 0.0028, ok, the forward side
  // 0.70367 ± 2.9e-4, both within their errors of each other).
  const noticed = (firstFlags & COLUMN_FLAG.noisy) !== 0;
  if (
    (disagree || weak || lopsided || noticed) &&
    (yield* jumpsOnSide(engine, sampler, kind, result.noise ?? level))
  ) {
    return { ...result, value: NaN, error: Infinity, status: "discontinuous" };
  }
  // Both sides' long steps straddling a pole beside x (paired-sides.ts): where f jumps at x on neither
  // side, the estimate is confirmed only to the probe's shorter steps.
  if (
    side !== null &&
    !disagree &&
    pairedSidesMissed(sampler, engine.x, result.step, result.noise ?? level)
  ) {
    if (yield* jumpsOnSide(engine, sampler, kind))
      return { ...result, value: NaN, error: Infinity, status: "discontinuous" };
    if (!(yield* jumpsOnSide(engine, sampler, other))) {
      const { probeValue, probeError, probeStep } = engine;
      result = {
        ...result,
        error: pairedError(result.value, result.error, result.step, probeValue, probeError, probeStep),
      };
    }
  }
  // Or the other side's jump, which the noise stage's tables about x took for noise (jump-as-noise.ts).
  if (result.status === "noise-limited" && level === 0) {
    const clean = yield* cleanOfOtherJump(engine, sampler, result, other);
    if (clean !== null) return clean;
  }
  // f jumps at x on the other side only: that side's differences say nothing of this one's (asked
  // only where they would count: a side that holds the result's value costs no call).
  if (side === null || !(disagree || missed(result, side))) return result;
  if (yield* jumpsOnSide(engine, sampler, other)) return result;
  return disagree ? yield* settleGap(engine, sampler, result, side, level) : heldWithin(result, side);
}

/** Whether the result's interval misses the side's value (see {@link heldWithin}). */
function missed(result: Settled, side: OneSided): boolean {
  return Math.abs(side.value - result.value) > result.error;
}

/**
 * A one-sided result whose interval misses the other side's value although the two agree within their
 * errors together (the other side's is the wider): nothing tells which side is off by more than its
 * own error. A join of f″ (a C1 join) ahead of x, nearer than any step the column takes, bends this
 * side's differences as smoothly as f″ itself, and the column converges, with a small error, to the
 * slope of the piece beyond the join at x, off by 2·J·δ (J the jump of f″, δ the join's distance),
 * where the other side sees x's own piece: 1/(1 + t²) + 0.067·u|u| forward 1.6e-10 before its join gave
 * 0.0038878537397 ± 9.7e-12, with the backward side 0.0038878537779 ± 3.6e-11 and f′ =
 * 0.0038878537828. The error then reaches across the other side's interval, |gap| + its error
 * (where f does not jump at x on that side: a jump there says nothing of this side, exp t + 0.001·H(t −
 * 0.5) forward at 0.5).
 */
function heldWithin(result: Settled, side: OneSided): Settled {
  return { ...result, error: Math.abs(side.value - result.value) + side.error };
}

/**
 * A one-sided result and the other side's estimate that disagree beyond their errors, f jumping at x
 * on neither side. Both sides run again from steps whose rounding is a small part of the gap
 * (fineStep): a kink ahead of x farther than them shows, and this side's column settles below it on
 * x's own piece, where the other side was all along (its estimate is the result); one behind x, the
 * other side's column settles below it on this side's value (the result stands). Otherwise the error
 * grows to hold both sides, `left` and `right`.
 */
function* settleGap(
  engine: ScalarEngine,
  sampler: Sampler,
  result: Settled,
  side: OneSided,
  level: number,
): Pipeline<Settled> {
  const { x } = engine;
  const kind = result.method;
  const other: StencilKind = kind === "forward" ? "backward" : "forward";
  const own: OneSided = { value: result.value, error: result.error };
  const gap = Math.abs(side.value - result.value);
  const fine = fineStep(engine, kind, yield* sampler.one(x), result.noise ?? level, gap);
  if (fine < result.step / 2 && result.status === "ok") {
    const ownFine = yield* sideEstimate(engine, sampler, kind, fine, level, true);
    if (ownFine !== null && agree(ownFine, side) && !agree(ownFine, own)) {
      const error = ownFine.error + Math.abs(ownFine.value - side.value);
      return { ...result, value: ownFine.value, error, step: ownFine.step };
    }
    const otherFine = yield* sideEstimate(engine, sampler, other, fine, level, true);
    if (otherFine !== null && agree(otherFine, own) && !agree(otherFine, side)) return result;
  }
  // The interval holds the other side's value with an error that counts every power of h: Ridders'
  // estimate of a one-sided tableau can be low (2·0.3779 backward-of-forward at −17.29: ± 1.6e-14, off
  // by 5.4e-14). Its column revisits the points of the first, and adds rows.
  const h = result.step * OTHER_SIDE_START;
  const seen = (yield* sideEstimate(engine, sampler, other, h, level, true)) ?? side;
  const error = Math.max(result.error, Math.abs(seen.value - result.value) + seen.error + result.error);
  const sided: OneSided = { value: seen.value, error: seen.error };
  return kind === "forward"
    ? { ...result, error, left: sided, right: own }
    : { ...result, error, left: own, right: sided };
}

/**
 * A one-sided result without an error estimate (its columns never settled): the differences of its
 * kind at the first step h of the first scale and at h/2 and h/4 (unsettledFrom), which the other side
 * then checks; where those are not finite, the value with error ∞ (no claim); as it was where the
 * budget (maxEvaluations) has no room for them (see bounded).
 */
function* unsettled(engine: ScalarEngine, sampler: Sampler, result: Settled): Pipeline<Settled> {
  const { x, o } = engine;
  const h = engine.scales[0] * INITIAL_STEP[o.order];
  const wide = yield* difference(sampler, x, result.method, h, o.order);
  const narrow = yield* difference(sampler, x, result.method, h / 2, o.order);
  const third = yield* difference(sampler, x, result.method, h / 4, o.order);
  const u = unsettledFrom(wide, narrow, third);
  if (u === null) return { ...result, error: Infinity };
  // Changes that grow more than UNSETTLED_GROWTH times as the step halves, beyond what noise and
  // rounding put into the narrowest difference: a feature within the steps (√t + noise forward at
  // 0.072, order 4: −83 at h/4 after −14 at h/2, where f⁗ = −9334), which their changes do not bound.
  const change = Math.abs(third - narrow);
  const growing =
    change > UNSETTLED_GROWTH * Math.abs(narrow - wide) && change > shareAt(engine, sampler, result, h / 4);
  return { ...result, ...u, error: growing ? Infinity : u.error, step: h / 2 };
}

/**
 * How many times its previous change the newest change of an unsettled one-sided estimate's
 * differences (h, h/2, h/4) must be for the estimate to claim nothing: a smooth f's differences
 * settle (changes shrink by 1/2 or less), noise is told apart by its share (`shareAt`), while a
 * feature within the steps grows the differences without bound as h shrinks: like 2^(n − 1/2) per
 * halving beside √t's edge at order n (2.8 at order 2), like 2 where f⁽ⁿ⁻¹⁾ jumps. On the honesty scan's
 * one-sided cases any growth (1) left 53 honest answers without a claim to make 7 honest; 2 keeps
 * most of them.
 *
 * @default 2
 * @example
 * ```ts
 * UNSETTLED_GROWTH; // => 2
 * ```
 */
export const UNSETTLED_GROWTH = 2;

/**
 * What noise (the result's level, NOISE_COVERAGE times) and rounding of f(x) put into a difference of
 * the result's kind and order at step h: a bound on its change from them.
 */
function shareAt(engine: ScalarEngine, sampler: Sampler, result: Settled, h: number): number {
  const { x, o } = engine;
  const epsilon = NOISE_COVERAGE * (result.noise ?? 0) + F_ROUNDING * EPS * Math.abs(sampler.known(x));
  return (epsilon * stencilArrays(result.method, o.order).weightSum) / h ** o.order;
}

/**
 * Whether two estimates agree within their errors.
 *
 * @example
 * ```ts
 * agree({ value: 1, error: 0.1 }, { value: 1.15, error: 0.1 }); // => true
 * agree({ value: 1, error: 0.1 }, { value: 1.3, error: 0.1 }); // => false
 * ```
 */
export function agree(a: OneSided, b: OneSided): boolean {
  return Math.abs(a.value - b.value) <= a.error + b.error;
}

/**
 * The step at which a one-sided difference of `kind` rounds to 1/RESOLVE_SIGNAL of the gap between
 * the sides: (RESOLVE_SIGNAL·ε·Σ|w| / gap)^(1/n), with ε the larger of f's rounding at x,
 * F_ROUNDING·EPS·|f(x)|, and its noise (NOISE_COVERAGE times the level); at least JUMP_RESOLUTION of
 * the scale (kinks closer than that pass for jumps, see JUMP_RESOLUTION).
 *
 * @example
 * ```ts
 * import { ScalarEngine } from "./scalar-column.js";
 * import { resolveOptions } from "./validate.js";
 * const engine = new ScalarEngine().begin(1, resolveOptions(undefined, 1));
 * // f(x) = 2.7, sides 0.6 apart: rounding 16 × 2·EPS·2.7·2 / 0.6 ≈ 6.4e-14
 * fineStep(engine, "forward", 2.7, 0, 0.6); // ≈ 6.4e-14
 * ```
 */
export function fineStep(
  engine: ScalarEngine,
  kind: StencilKind,
  fx: number,
  level: number,
  gap: number,
): number {
  const { o } = engine;
  const epsilon = Math.max(F_ROUNDING * EPS * Math.abs(fx), NOISE_COVERAGE * level);
  const rounding = epsilon * stencilArrays(kind, o.order).weightSum;
  const h = ((RESOLVE_SIGNAL * rounding) / gap) ** (1 / o.order);
  return Math.max(h, JUMP_RESOLUTION * engine.scales[0]);
}

/**
 * How far below the gap between the two sides the rounding of the steps that {@link heldToOtherSide}
 * runs them again from is: KINK_SIGNAL, the kink test's margin (the columns settle on a few rows
 * there, each rounding to about 1/16 of the gap).
 *
 * @default 16
 * @example
 * ```ts
 * RESOLVE_SIGNAL; // 16
 * ```
 */
export const RESOLVE_SIGNAL = KINK_SIGNAL;

/**
 * A side's estimate: its column from step h (one scale; every power of h in its tableau with
 * `allPowers`, see Tableau.allPowers), or, where that column gives no error, the differences of its
 * first three rows (unsettledFrom); null when f is not finite there (a domain's edge beside x) or the
 * budget cut the column short.
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * import { ScalarEngine } from "./scalar-column.js";
 * import { resolveOptions } from "./validate.js";
 * const engine = new ScalarEngine().begin(1, resolveOptions(undefined, 1));
 * runSync(sideEstimate(engine, new Sampler(Math.exp), "forward", 0.01, 0, true))?.value; // ≈ 2.718281828
 * ```
 */
export function sideEstimate(
  ...args: Parameters<typeof sideColumn>
): Pipeline<(OneSided & { step: number }) | null> {
  return bounded(sideColumn(...args), () => null);
}

/** {@link sideEstimate} without its budget's fallback. */
function* sideColumn(
  engine: ScalarEngine,
  sampler: Sampler,
  other: StencilKind,
  h: number,
  level: number,
  allPowers: boolean,
): Pipeline<(OneSided & { step: number }) | null> {
  const { x, o } = engine;
  const st = stencilArrays(other, o.order);
  const widest = other === "forward" ? st.offsets[st.offsets.length - 1] : st.offsets[0];
  // The first step whose widest point f is finite at, as the column's own retries would find it, but
  // within OTHER_SIDE_TRIES (a domain's edge beside x: exp t, NaN for t < 0, forward at 0).
  for (let tries = 0; ; h /= CENTRAL_SHRINK) {
    if (++tries > OTHER_SIDE_TRIES) return null;
    if (Number.isFinite(yield* sampler.one(x + widest * representableStep(x, h)))) break;
  }
  const how = { kind: other, level, stopOnNoise: true, canSwitch: false, firstStep: h, allPowers };
  const est = yield* run(engine, sampler, how);
  // A column the budget (maxEvaluations) cut short says nothing sure.
  if ((est.flags & COLUMN_FLAG.budget) !== 0) return null;
  let side: (OneSided & { step: number }) | null = est;
  if (!(est.error < Infinity)) {
    const wide = yield* difference(sampler, x, other, h, o.order);
    const narrow = yield* difference(sampler, x, other, h / 2, o.order);
    const u = unsettledFrom(wide, narrow, yield* difference(sampler, x, other, h / 4, o.order));
    side = u === null ? null : { ...u, step: h / 2 };
  }
  if (side === null || !Number.isFinite(side.value) || !(side.error < Infinity)) return null;
  return { value: side.value, error: side.error, step: side.step };
}
