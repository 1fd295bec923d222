/**
 * The shape stage of derivative()'s pipeline (scalar-engine.ts, settle): where the column saw a kink,
 * a jump or no convergence, the one-sided estimates compared (smoothness.ts); at orders 3 and 4, a
 * kink-test flag confirmed as a jump in a lower derivative.
 */

import { COLUMN_FLAG } from "./column-state.js";
import { EPS, GROWTH_SHRINK } from "./constants.js";
import { difference, growthAt, JUMP_GROWTH_BAND } from "./growth.js";
import { jumpsAboveRounding } from "./jump-changes.js";
import { noiseCheckStep, recheckNoise } from "./noise-check.js";
import { agree, fineStep, sideEstimate } from "./other-side.js";
import { kinkBehindNoise, PAIRS_AGREEMENT } from "./even-kink.js";
import { wideRowsJump } from "./wide-rows-jump.js";
import { heldPastCrossing } from "./crossing-side.js";
import { midpointJumps } from "./odd-part-check.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { run, type Estimate, type ScalarEngine } from "./scalar-column.js";
import type { NoiseStage } from "./settle-noise.js";
import {
  compareSides,
  coverSide,
  joinSides,
  type SideEstimate,
  type SmoothnessVerdict,
} from "./smoothness.js";
import type { DerivativeResult, StencilKind } from "./types.js";

/** A result of derivative()'s pipeline before its evaluations are counted. */
type Settled = Omit<DerivativeResult, "evaluations">;

/**
 * What the shape stage leaves: the result, the noise level it reports (a recheck may have found one),
 * the sides joined when the central column found no error (`joined`, used once the growth check has
 * ruled out a jump), and whether the result is final (`done`: a jump in f or a lower derivative).
 *
 * @example
 * ```ts
 * const shape: ShapeStage = { result, noiseUsed: undefined, joined: null, done: false };
 * ```
 */
export interface ShapeStage {
  result: Settled;
  noiseUsed: number | undefined;
  joined: { value: number; error: number } | null;
  done: boolean;
}

/**
 * The shape stage (see the file comment) after the noise stage, from the result as it stands.
 *
 * @example
 * ```ts
 * const shape = yield* settleShape(engine, sampler, first, stage, result); // shape.result, …
 * ```
 */
export function* settleShape(
  engine: ScalarEngine,
  sampler: Sampler,
  first: Estimate,
  stage: NoiseStage,
  settled: Settled,
): Pipeline<ShapeStage> {
  const { x, o } = engine;
  const { est, noise, sideStart } = stage;
  let { noiseUsed } = stage;
  let result = settled;
  // A kink the first column saw counts even when the column run again past noise ended without it
  // (|sin t − sin c| at c: the rerun's last rows, below the noise table's spacing, no longer show it).
  let joined: { value: number; error: number } | null = null;
  // An even derivative's odd part that grew as h shrank (its pole flag: driver.ts kinkTest) may be f
  // jumping through a middle value at x, which the even stencil cannot see (sign t at 0 gives
  // f(x+h) − 2f(x) + f(x−h) = 0): the one-sided stencils, which hold f(x), see it. (Not where noise
  // was found: noise over hⁿ grows too.)
  const oddGrowth = o.order % 2 === 0 && (est.flags & COLUMN_FLAG.pole) !== 0 && noiseUsed === undefined;
  const flags = est.flags | first.flags;
  // At orders 3 and 4 the kink test's flag is a jump in f′ or f″ that the stencil cancels (|t| at order
  // 3 gave 0 ± 7e-19, ok): the differences of order n − 1 growing like a jump's confirm it.
  if (o.order >= 3 && (flags & COLUMN_FLAG.kink) !== 0 && est.kind === "central") {
    if (yield* lowerJumps(sampler, x, o.order - 1)) {
      return {
        result: { ...result, value: NaN, error: Infinity, status: "discontinuous" },
        noiseUsed,
        joined,
        done: true,
      };
    }
    // No jump: the estimate stands, and the noise check its flag skipped is made now: where the flag
    // came from another scale than the estimate's (scalar-column.ts, keepLocalShape; 1/(1 + t²) − 4e-9
    // at 15741, order 4, whose cancellation made the unit scale's pairs wiggle like a kink), and where
    // noise that grows with |f| at a root of f made the even part grow like |h| (tanh t·(1 + 3.6e-14·
    // noise) at 0, order 3: −1.9999999987 ± 7.1e-11, ok, for −2).
    if (noiseUsed === undefined && sideStart === undefined) {
      const shown = yield* skippedCheck(engine, sampler, est, result);
      result = shown.result;
      noiseUsed = shown.noiseUsed;
    }
  }
  if (est.kind !== "central" && est.kind === o.method && (flags & COLUMN_FLAG.diverging) !== 0) {
    // A one-sided column the caller asked for confirmed a jump on its side (driver.ts, troubleEnds).
    const jump = { ...result, value: NaN, error: Infinity, status: "discontinuous" as const };
    return { result: jump, noiseUsed, joined, done: true };
  }
  const sided = o.order <= 2 ? COLUMN_FLAG.kink | COLUMN_FLAG.diverging : COLUMN_FLAG.diverging;
  const suspicious =
    (flags & sided) !== 0 ||
    Number.isNaN(est.error) ||
    oddGrowth ||
    (est.kind === "central" && kinkBehindNoise(engine, sampler.known(x), result.error)) ||
    (noiseUsed === undefined && (yield* wideRowsJump(engine, sampler, est)));
  let verdict: SmoothnessVerdict | null = null;
  if (suspicious && est.kind === "central" && (est.flags & COLUMN_FLAG.budget) === 0) {
    const [backward, forward] = yield* bothSides(engine, sampler, noise, sideStart, est);
    verdict = compareSides(backward, forward);
    // Sides too coarse to part that differ by the jump of f′ the rows read (even-kink.ts).
    if (
      verdict === null &&
      o.order === 1 &&
      est.kind === "central" &&
      noiseUsed === undefined &&
      Number.isFinite(engine.evenJump)
    )
      verdict = sidesShowJump(backward, forward, engine.evenJump);
    if (verdict !== null && o.order === 1)
      verdict = yield* withinResolution(sampler, x, verdict, backward, forward);
    // A kink found beside x (kinkNearX) replaces the sides' verdict: the sides are not held to it.
    let near: Pick<Settled, "value" | "error" | "step" | "method"> | null = null;
    if (verdict !== null && verdict.status === "not-differentiable" && o.order === 1) {
      near = yield* kinkNearX(engine, sampler, noise, backward, forward);
      if (near !== null) {
        verdict = null;
        result = { ...result, ...near };
      }
    }
    if (verdict !== null) result = { ...result, ...verdict };
    else if (
      (oddGrowth && (Number.isNaN(backward.error) || Number.isNaN(forward.error))) ||
      (o.order % 2 === 0 && noiseUsed === undefined && (yield* midpointJumps(engine, sampler)))
    ) {
      // Sides that never settled beside an odd part growing like a jump's, or a central first
      // difference that grows like one where the sides agree (odd-part-check.ts): f jumps at x.
      const jump = { ...result, value: NaN, error: Infinity, status: "discontinuous" as const };
      return { result: jump, noiseUsed, joined, done: true };
    } else if (
      Number.isNaN(engine.checkD) &&
      noiseUsed === undefined &&
      sideStart === undefined &&
      Number.isFinite(result.error)
    ) {
      // The sides agree, and a flagged column skipped the noise check: it is made now (noise of 1e-13
      // on t³ − 2t at 0 made the even part wiggle like a kink, and was never measured).
      const shown = yield* skippedCheck(engine, sampler, est, result);
      result = shown.result;
      noiseUsed = shown.noiseUsed;
    }
    // No central estimate, but the sides agree: their joined estimate (smoothness.ts, joinSides), once
    // the growth check below has ruled out a jump too small for the sides to see.
    else if (Number.isNaN(result.error)) joined = joinSides(backward, forward);
    const covered = verdict === null && near === null ? coverSide(result, backward, forward) : null;
    if (covered !== null) result = { ...result, error: covered };
  }
  const plain = result.status === "ok" && Number.isFinite(result.error);
  if (verdict === null && sideStart !== undefined && o.order === 1 && est.kind === "central" && plain)
    result = yield* farSide(engine, sampler, noise, result);
  return { result, noiseUsed, joined, done: false };
}

/**
 * Whether the central differences of order n at x grow like a lower derivative's jump (jumpsTwice,
 * with its changes) from the noise check's step at the scale of 1, or, where f's rounding rules the
 * narrowest of those steps (a large f: sin t plus a Huber loss of 7e3 at −944), from the first step of
 * 16 … 16⁴ times it where the difference stands above rounding (significantStep).
 */
function* lowerJumps(sampler: Sampler, x: number, order: number): Pipeline<boolean> {
  return yield* jumpsAboveRounding(sampler, x, noiseCheckStep(order, 1), order, true);
}

/**
 * The noise check a flagged column skipped (recheckNoise), made for a result that stands: where it
 * shows noise, the estimate's error carries its share and the status is "noise-limited". Nothing is
 * done for a result without an error, or when the check was made.
 */
function* skippedCheck(
  engine: ScalarEngine,
  sampler: Sampler,
  est: Estimate,
  settled: Settled,
): Pipeline<{ result: Settled; noiseUsed: number | undefined }> {
  if (!Number.isNaN(engine.checkD) || !Number.isFinite(settled.error))
    return { result: settled, noiseUsed: undefined };
  const shown = yield* recheckNoise(engine, sampler, est, engine.o.order);
  const result = { ...settled, error: est.error };
  if (shown > 0) result.status = "noise-limited";
  return { result, noiseUsed: shown > 0 ? shown : undefined };
}

/**
 * A one-sided estimate, diverging also when its column stopped on "noise" and its first difference
 * grows like 1/h (growthAt: a jump) from 16 times the noise check's step down to 1/16 of it. A small
 * jump beside a steep f makes the one-sided changes grow, which the column takes for noise before its
 * jump test confirms. Unbounded when a first difference that never settled grows without bound but
 * slower (a cusp: √|t|, |t|^(2/3) at 0): over one ratio of steps for a quiet side, over both for a
 * noisy one (noise's quotients grow too, but not like one power over both).
 */
function* sideAt(
  engine: ScalarEngine,
  sampler: Sampler,
  kind: StencilKind,
  s: SideEstimate & { noisy: boolean },
): Pipeline<SideEstimate> {
  const unsettled = Number.isNaN(s.error) && engine.o.order === 1;
  if (s.diverging || (!s.noisy && !unsettled)) return s;
  const tiny = noiseCheckStep(1, engine.scales[0]);
  const first = yield* growthAt(sampler, engine.x, kind, tiny);
  if (!s.noisy) return first === "infinite" ? { ...s, unbounded: true } : s;
  if (first === "bounded") return s;
  // Over two ratios of steps (16h to h, and h to h/16): a kink near x may match one.
  const second = yield* growthAt(sampler, engine.x, kind, tiny / GROWTH_SHRINK);
  if (first === "jump" && second === "jump") return { ...s, diverging: true };
  return unsettled && first === "infinite" && second === "infinite" ? { ...s, unbounded: true } : s;
}

/** A one-sided run as a side estimate: diverging as its flags say, or as sideAt finds. */
function* sideOf(
  engine: ScalarEngine,
  sampler: Sampler,
  kind: StencilKind,
  level: number,
  firstStep: number | undefined,
): Pipeline<SideEstimate & { noisy: boolean }> {
  const s = yield* run(engine, sampler, { kind, level, stopOnNoise: true, canSwitch: false, firstStep });
  const diverging = (s.flags & COLUMN_FLAG.diverging) !== 0;
  const noisy = (s.flags & COLUMN_FLAG.noisy) !== 0;
  // An order-2 side whose last rows turned (crossing-side.ts) runs on from below the turn.
  const plain = { value: s.value, error: s.error, diverging, noisy };
  const held = diverging ? plain : yield* heldPastCrossing(engine, sampler, kind, level, plain);
  return { ...(yield* sideAt(engine, sampler, kind, held)), noisy };
}

/**
 * The backward and forward estimates, from `start` when given (see settledBelow); sides from there
 * that give no error (f's rounding at those steps: |sin t − sin c| where cos c = 0.008) are run again
 * from the first steps. At orders 2 to 4, a side that ended on "noise" with no error while the central
 * estimate `central` settled at a shorter step runs again from that step (see nearerSide).
 */
function* bothSides(
  engine: ScalarEngine,
  sampler: Sampler,
  level: number,
  start: number | undefined,
  central: Estimate,
): Pipeline<[SideEstimate, SideEstimate]> {
  let backward = yield* sideOf(engine, sampler, "backward", level, start);
  let forward = yield* sideOf(engine, sampler, "forward", level, start);
  if (start !== undefined && (Number.isNaN(backward.error) || Number.isNaN(forward.error))) {
    return yield* bothSides(engine, sampler, level, undefined, central);
  }
  if (start === undefined) {
    backward = yield* nearerSide(engine, sampler, "backward", level, backward, central);
    forward = yield* nearerSide(engine, sampler, "forward", level, forward, central);
  }
  return [
    yield* lopsided(engine, sampler, "backward", backward, forward),
    yield* lopsided(engine, sampler, "forward", forward, backward),
  ];
}

/**
 * A side of order 2 to 4 that ended on "noise" with no error, run again from the step the central
 * estimate settled at: a one-sided stencil
 * reaches n + 1 steps out on one side, and from the unit scale's first steps it may reach far past
 * where f stays smooth (log t at 0.037: the forward f″ column's rows at 0.25, 0.125, 0.0625 changed
 * by 35, 70 and 468, taken for noise, while the central one settled at 4.9e-4). Noise in f ends the
 * new column the same way; other sides stand.
 */
function* nearerSide(
  engine: ScalarEngine,
  sampler: Sampler,
  kind: StencilKind,
  level: number,
  side: SideEstimate & { noisy: boolean },
  central: Estimate,
): Pipeline<SideEstimate & { noisy: boolean }> {
  if (engine.o.order < 2 || side.diverging || !Number.isNaN(side.error) || side.noisy !== true) return side;
  if (!Number.isFinite(central.error)) return side;
  const again = yield* sideOf(engine, sampler, kind, level, central.step);
  return Number.isNaN(again.error) ? side : again;
}

/**
 * A jump on one side that f makes within x's own resolution: no larger than the other side's slope
 * times the distance to x's neighbouring double on that side. The kink of a continuous f then lies
 * between x and that double, and f(x) is on the other branch (max(0, sin t) at the double nearest π:
 * sin is 1.2e-16 there and 0 a double further on), which makes the side's quotients grow like a jump's.
 * Not a jump at double resolution: "not-differentiable", with the side that settled. Other verdicts
 * pass through.
 */
function* withinResolution(
  sampler: Sampler,
  x: number,
  verdict: SmoothnessVerdict,
  backward: SideEstimate,
  forward: SideEstimate,
): Pipeline<SmoothnessVerdict> {
  if (verdict.status !== "discontinuous" || backward.diverging === forward.diverging) return verdict;
  const settled = backward.diverging ? verdict.right : verdict.left;
  if (settled === undefined) return verdict;
  // A neighbour of x one or two doubles away (x·EPS is one to two of x's ulps), on the jump's side.
  const near = x + (forward.diverging ? 1 : -1) * Math.max(Math.abs(x) * EPS, Number.MIN_VALUE);
  const jump = Math.abs((yield* sampler.one(near)) - (yield* sampler.one(x)));
  if (!(jump <= Math.abs(settled.value) * Math.abs(near - x))) return verdict;
  return {
    status: "not-differentiable",
    value: NaN,
    error: Infinity,
    left: verdict.left,
    right: verdict.right,
  };
}

/** Flags that keep a side from standing in for the result in {@link farSide}. */
const UNSETTLED_SIDE = COLUMN_FLAG.diverging | COLUMN_FLAG.noisy | COLUMN_FLAG.budget | COLUMN_FLAG.kink;

/**
 * After a column run on below a feature near x (sideStart: a kink 1e-9 from x), an estimate from the
 * tiny steps, where rounding is large. The side away from the feature, run from the usual first steps,
 * sees a smooth f and settles far above them; the side towards it mixes the feature in and disagrees.
 * When one side so run settles, agrees with the result within their errors and has the smaller error,
 * while the other does not agree with the result (or did not settle), that side is the estimate
 * (a linear interpolation 1e-9 past a node gave 1.36363793 ± 1.2e-5 at steps of 3e-11, where f′ =
 * 15/11). Where both agree with the result, it cannot tell them apart (a C1 join 6e-9 from x: the
 * side across it misses f″'s jump times the distance), and the result stands.
 */
function* farSide(engine: ScalarEngine, sampler: Sampler, level: number, result: Settled): Pipeline<Settled> {
  const backward = yield* settledSide(engine, sampler, "backward", level);
  const forward = yield* settledSide(engine, sampler, "forward", level);
  // A side stands in where it agrees with the result, has the smaller error, and the other does not.
  const stands = (s: Estimate | null, other: Estimate | null): s is Estimate =>
    s !== null && s.error < result.error && agree(s, result) && (other === null || !agree(other, result));
  const far = stands(backward, forward) ? backward : stands(forward, backward) ? forward : null;
  if (far === null) return result;
  return { ...result, value: far.value, error: far.error, step: far.step, method: far.kind };
}

/**
 * The one-sided column of `kind` from the usual first steps, every power of h in its tableau
 * (Tableau.allPowers); null where it did not settle (UNSETTLED_SIDE).
 */
function* settledSide(
  engine: ScalarEngine,
  sampler: Sampler,
  kind: StencilKind,
  level: number,
): Pipeline<Estimate | null> {
  const s = yield* run(engine, sampler, {
    kind,
    level,
    stopOnNoise: true,
    canSwitch: false,
    allPowers: true,
  });
  return (s.flags & UNSETTLED_SIDE) !== 0 ? null : s;
}

/**
 * The sides' verdict where their errors are too wide to part them but their gap is the rows' jump:
 * the same sign and within SIDES_JUMP_AGREEMENT of it, two reads of one jump that agree as the rows'
 * two pairs must (PAIRS_AGREEMENT); a smooth f's sides differ by their rounding, far from a jump the
 * rows read above twice its uncertainty. "not-differentiable" with their midpoint and an error that
 * holds both, as compareSides gives it; null otherwise.
 */
function sidesShowJump(left: SideEstimate, right: SideEstimate, jump: number): SmoothnessVerdict | null {
  const gap = right.value - left.value;
  if (!(Math.abs(gap - jump) <= SIDES_JUMP_AGREEMENT * Math.abs(jump))) return null;
  if (!(Math.max(left.error, right.error) <= SIDES_JUMP_RESOLUTION * Math.abs(jump))) return null;
  return {
    status: "not-differentiable",
    value: left.value + gap / 2,
    error: Math.abs(gap) / 2 + Math.max(left.error, right.error),
    left: { value: left.value, error: left.error },
    right: { value: right.value, error: right.error },
  };
}

/**
 * How far the finer sides' gap may lie from the rows' jump of f′ (ScalarEngine.evenJump) for
 * sidesShowJump to take it for that jump, as a share of it: PAIRS_AGREEMENT (1/4), the agreement the
 * rows' own two reads of it must reach.
 *
 * @default 0.25
 * @example
 * ```ts
 * SIDES_JUMP_AGREEMENT; // => 0.25
 * ```
 */
export const SIDES_JUMP_AGREEMENT = PAIRS_AGREEMENT;

/**
 * How many times the rows' jump of f′ each side's error may be for sidesShowJump to read their gap
 * as that jump: 2. Sides whose errors are many times the jump give a gap that lands within a quarter
 * of it by chance: relative noise of 2e-11 in log t at 0.036 read J = 2.9e-6 from the rows and sides
 * ± 3.4e-5 and ± 2.1e-6 whose gap fell within it. The kinks beside large terms that the sides confirm
 * had errors of 0.7 to 1.4 times the jump.
 *
 * @default 2
 * @example
 * ```ts
 * SIDES_JUMP_RESOLUTION; // => 2
 * ```
 */
export const SIDES_JUMP_RESOLUTION = 2;

/**
 * Sides that disagree at the usual steps may straddle a kink near x rather than at it. Both run again
 * from steps whose rounding is a small part of their gap (other-side.ts, fineStep): where those agree,
 * the kink lies farther from x than they reach, and f is differentiable at x. The estimate is then the
 * side that already agreed with them (the one away from the kink, settled at large steps), held to
 * every power of h: exp t + 0.3|t − 1| at 1 + 1e-9 was not-differentiable with left 2.418 and right
 * 3.018; now 3.0182818312 (f′ = e^(1+1e-9) + 0.3). Null where the fine sides still disagree (a kink at
 * x, or closer than they reach) or one of them fails.
 */
function* kinkNearX(
  engine: ScalarEngine,
  sampler: Sampler,
  level: number,
  backward: SideEstimate,
  forward: SideEstimate,
): Pipeline<Pick<Settled, "value" | "error" | "step" | "method"> | null> {
  const gap = Math.abs(forward.value - backward.value);
  const fx = yield* sampler.one(engine.x);
  const fine = Math.max(
    fineStep(engine, "backward", fx, level, gap),
    fineStep(engine, "forward", fx, level, gap),
  );
  const left = yield* sideEstimate(engine, sampler, "backward", fine, level, true);
  const right = yield* sideEstimate(engine, sampler, "forward", fine, level, true);
  if (left === null || right === null || !agree(left, right)) return null;
  // The side that moved is the one across the kink; the other is the estimate, from its large steps.
  const kind: StencilKind | null =
    agree(forward, left) && !agree(backward, left)
      ? "forward"
      : agree(backward, right) && !agree(forward, right)
        ? "backward"
        : null;
  if (kind === null) return null;
  const far = yield* settledSide(engine, sampler, kind, level);
  if (far === null || !agree(far, kind === "forward" ? left : right)) return null;
  return { value: far.value, error: far.error, step: far.step, method: far.kind };
}

/**
 * A first derivative's side whose error is over LOPSIDED_ERROR times the other side's met something
 * on its side only. Where its quotient's distance from the other side's value grows like a jump's, J/h,
 * over two ratios of steps from GROWTH_SHRINK times the noise check's step (within JUMP_GROWTH_BAND of
 * GROWTH_SHRINK each), f jumps at x on that side, and the side is diverging (cos t + 1.1e-6·H(t − c)
 * at c = −73.05: backward −0.71493 ± 7.4e-4 and forward −0.7151232 ± 3.4e-12 agreed, and the central
 * estimate passed for noise-limited; the quotient itself grows too little there for growthAt, f′
 * being 0.7 and J/h 0.03). A kink on that side leaves the distance about constant. Otherwise the
 * side stands.
 */
function* lopsided(
  engine: ScalarEngine,
  sampler: Sampler,
  kind: StencilKind,
  s: SideEstimate,
  other: SideEstimate,
): Pipeline<SideEstimate> {
  // (An error at the rounding of the side's own value is never lopsided: ReLU at 0, whose backward side
  // is 0 ± 0.)
  const floor = Math.max(other.error, EPS * Math.abs(s.value));
  if (engine.o.order !== 1 || s.diverging || !(s.error > LOPSIDED_ERROR * floor)) return s;
  let h = noiseCheckStep(1, engine.scales[0]) * GROWTH_SHRINK;
  let wide = (yield* difference(sampler, engine.x, kind, h, 1)) - other.value;
  for (let i = 0; i < 2; i++) {
    h /= GROWTH_SHRINK;
    const narrow = (yield* difference(sampler, engine.x, kind, h, 1)) - other.value;
    const ratio = narrow / wide;
    if (!(ratio >= GROWTH_SHRINK / JUMP_GROWTH_BAND && ratio <= GROWTH_SHRINK * JUMP_GROWTH_BAND)) return s;
    wide = narrow;
  }
  return { ...s, diverging: true };
}

/**
 * How many times the other side's error a one-sided estimate's error must be before its growth is
 * checked (see lopsided): the one-sided columns of a smooth f end within a few powers of two of each
 * other's error; 2¹⁰ of them is a feature on one side.
 *
 * @default 1024
 * @example
 * ```ts
 * LOPSIDED_ERROR; // => 1024
 * ```
 */
export const LOPSIDED_ERROR = 2 ** 10;
