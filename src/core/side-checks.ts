/**
 * The shape stage of derivative()'s pipeline (scalar-engine.ts, settle): where the column saw a kink,
 * a jump or no convergence, the one-sided estimates compared (smoothness.ts); at orders 3 and 4, a
 * kink-test flag confirmed as a jump in a lower derivative.
 */

import { COLUMN_FLAG } from "./column-state.js";
import { GROWTH_SHRINK } from "./constants.js";
import { difference, growthAt, JUMP_GROWTH_BAND, jumpsTwice } from "./growth.js";
import { noiseCheckStep, recheckNoise } from "./noise-check.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { run, type Estimate, type ScalarEngine } from "./scalar-column.js";
import type { NoiseStage } from "./settle-noise.js";
import { compareSides, coverSide, joinSides, type SideEstimate } from "./smoothness.js";
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
    if (yield* jumpsTwice(sampler, x, noiseCheckStep(o.order - 1, 1), o.order - 1)) {
      return {
        result: { ...result, value: NaN, error: Infinity, status: "discontinuous" },
        noiseUsed,
        joined,
        done: true,
      };
    }
  }
  const sided = o.order <= 2 ? COLUMN_FLAG.kink | COLUMN_FLAG.diverging : COLUMN_FLAG.diverging;
  const suspicious = (flags & sided) !== 0 || Number.isNaN(est.error) || oddGrowth;
  if (suspicious && est.kind === "central" && (est.flags & COLUMN_FLAG.budget) === 0) {
    const [backward, forward] = yield* bothSides(engine, sampler, noise, sideStart);
    const verdict = compareSides(backward, forward);
    if (verdict !== null) result = { ...result, ...verdict };
    else if (oddGrowth && (Number.isNaN(backward.error) || Number.isNaN(forward.error))) {
      // Sides that never settled beside an odd part growing like a jump's: f jumps at x.
      const jump = { ...result, value: NaN, error: Infinity, status: "discontinuous" as const };
      return { result: jump, noiseUsed, joined, done: true };
    } else if (
      Number.isNaN(engine.checkD) &&
      noiseUsed === undefined &&
      sideStart === undefined &&
      Number.isFinite(result.error)
    ) {
      // The sides agree, and a flagged column skipped the noise check: it is made now (recheckNoise;
      // noise of 1e-13 on t³ − 2t at 0 made the even part wiggle like a kink, and was never measured).
      const shown = yield* recheckNoise(engine, sampler, est, o.order);
      result = { ...result, error: est.error };
      if (shown > 0) {
        noiseUsed = shown;
        result.status = "noise-limited";
      }
    }
    // No central estimate, but the sides agree: their joined estimate (smoothness.ts, joinSides), once
    // the growth check below has ruled out a jump too small for the sides to see.
    else if (Number.isNaN(result.error)) joined = joinSides(backward, forward);
    const covered = verdict === null ? coverSide(result, backward, forward) : null;
    if (covered !== null) result = { ...result, error: covered };
  }
  return { result, noiseUsed, joined, done: false };
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
): Pipeline<SideEstimate> {
  const s = yield* run(engine, sampler, { kind, level, stopOnNoise: true, canSwitch: false, firstStep });
  const diverging = (s.flags & COLUMN_FLAG.diverging) !== 0;
  const noisy = (s.flags & COLUMN_FLAG.noisy) !== 0;
  return yield* sideAt(engine, sampler, kind, { value: s.value, error: s.error, diverging, noisy });
}

/**
 * The backward and forward estimates, from `start` when given (see settledBelow); sides from there
 * that give no error (f's rounding at those steps: |sin t − sin c| where cos c = 0.008) are run again
 * from the first steps.
 */
function* bothSides(
  engine: ScalarEngine,
  sampler: Sampler,
  level: number,
  start: number | undefined,
): Pipeline<[SideEstimate, SideEstimate]> {
  const backward = yield* sideOf(engine, sampler, "backward", level, start);
  const forward = yield* sideOf(engine, sampler, "forward", level, start);
  if (start !== undefined && (Number.isNaN(backward.error) || Number.isNaN(forward.error))) {
    return yield* bothSides(engine, sampler, level, undefined);
  }
  return [
    yield* lopsided(engine, sampler, "backward", backward, forward),
    yield* lopsided(engine, sampler, "forward", forward, backward),
  ];
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
  if (engine.o.order !== 1 || s.diverging || !(s.error > LOPSIDED_ERROR * other.error)) return s;
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
