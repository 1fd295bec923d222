/**
 * The noise stage of derivative()'s pipeline (scalar-engine.ts, settle): after the first column and
 * the noise check, a zero below f's resolution, the noise tables (noise-check.ts, noise.ts), the column
 * run again with the level they found or past the "noise" they ruled out, f's grid (grid-choice.ts),
 * and the fallbacks when that run finds no error.
 */

import { stencilArrays } from "./base-stencil.js";
import { COLUMN_FLAG } from "./column-state.js";
import { EVEN_NOISE_SHARE } from "./even-noise.js";
import {
  ALIAS_STEP,
  GRID_NOISE_STEPS,
  GROWTH_SHRINK,
  INITIAL_STEP,
  JUMP_RESOLUTION,
  NOISE_COVERAGE,
  NOISE_PROBE_SPLIT,
} from "./constants.js";
import { gridOrPlain, longOrUnit } from "./grid-choice.js";
import { unsettledEstimate } from "./growth.js";
import { changesJumpInF, jumpResult } from "./jump-at-x.js";
import { jumpHolds } from "./check-jump.js";
import { representableStep } from "./step.js";
import { levelAtStencil } from "./level-reach.js";
import { LEVEL_SPREAD_ORDER, withLevelSpread } from "./level-spread.js";
import { float32Result } from "./float32.js";
import {
  noiseCheckStep,
  noiseShare,
  probeNoise,
  recheckNoise,
  unresolvedNoise,
  zeroBelowResolution,
  type NoiseSeen,
} from "./noise-check.js";
import { cleanAtCheck } from "./clean-check.js";
import { flatReach, flatZeroStencil } from "./flat-reach.js";
import { poleLevel, stencilSteps } from "./pole-level.js";
import { noiseAtOwnStep } from "./own-step-noise.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { firstRun, run, type Estimate, type ScalarEngine } from "./scalar-column.js";
import type { DerivativeResult } from "./types.js";

/**
 * What the noise stage leaves for the rest of settle: the estimate, the noise level later runs use
 * (`noise`) and the one the result reports (`noiseUsed`, undefined when none), where one-sided runs
 * start (`sideStart`, see settledBelow), and the result when the stage ends the pipeline (`done`: no
 * level and no error, unresolvedNoise) or null.
 *
 * @example
 * ```ts
 * const stage: NoiseStage = { est, noise: 0, noiseUsed: undefined, sideStart: undefined, done: null };
 * ```
 */
export interface NoiseStage {
  est: Estimate;
  noise: number;
  noiseUsed: number | undefined;
  sideStart: number | undefined;
  done: Omit<DerivativeResult, "evaluations"> | null;
}

/**
 * The noise stage (see the file comment) from the first estimate and the noise level given in the
 * options (absolute).
 *
 * @example
 * ```ts
 * const stage = yield* settleNoise(engine, sampler, first, given); // stage.est, stage.noise, …
 * ```
 */
export function* settleNoise(
  engine: ScalarEngine,
  sampler: Sampler,
  first: Estimate,
  given: number,
): Pipeline<NoiseStage> {
  const { x, o } = engine;
  let est = first;
  let noise = given;
  let noiseUsed = o.noise > 0 ? noise : undefined;
  // An estimate of exactly 0 from small steps may be f below its resolution (see zeroBelowResolution):
  // then it is noise, measured from the wider step on. (A one-sided column the caller asked for too:
  // f32(tanh t) forward at −9.74 gave 0 ± 5.8e-15, where f′ = 1.4e-8 and f's grid is 6e-8.)
  const oneSided = est.kind === o.method;
  const kindChecked = est.kind === "central" || oneSided;
  const quiet = (est.flags & COLUMN_FLAG.noisy) === 0 && o.noise === 0 && kindChecked;
  const flat = { grid: 0, step: NaN, coarse: false };
  if (quiet && est.value === 0 && (yield* zeroBelowResolution(sampler, x, o.order, est.step, flat))) {
    est.flags |= COLUMN_FLAG.noisy;
    est.noisyStep = est.step * GROWTH_SHRINK * NOISE_PROBE_SPLIT;
  } else if (flat.grid > 0 && o.order === 1) {
    // A flat f′ on a coarse grid: one grid step over H, at most ALIAS_STEP (equal values at longer
    // steps may be a periodic f's: f32(sin t + 2.4e8) at −87747.5, below its grid of 16, gave 0 ±
    // 0.018 from H = 1371, where f′ = −0.955). (A higher order's 0 may be a jump's.)
    noise = noiseUsed = GRID_NOISE_STEPS * flat.grid;
    const step = Math.min(flat.step, ALIAS_STEP);
    est = { ...est, error: est.error + noiseShare({ ...est, step }, noise, o.order) };
  } else if (flat.grid > 0 && flat.coarse && (est.flags & COLUMN_FLAG.pole) === 0) {
    // A higher derivative flat on a coarse grid at H as at h: one grid step over h, the estimate's own
    // step, at most ALIAS_STEP (longer steps may alias a periodic f). Values that do not move at H are
    // no evidence at h for a higher derivative (f32(c + cos t) with f's grid above 2: every difference
    // is 0 where f″ = −cos t; 0 ± 1.2e-12 at t = 3908, from steps of 488). Not where the odd part grew
    // (the pole flag): that 0 may be a jump through a middle value, for the sides to see (side-checks.ts).
    // Only for values of at most COARSE_BITS bits (float32): a double f's values can show a grid too
    // (atan at 0 beside tanh 3), where a higher derivative of 0 is no sign of one.
    noise = noiseUsed = GRID_NOISE_STEPS * flat.grid;
    const step = Math.min(est.step, ALIAS_STEP);
    est = { ...est, error: est.error + noiseShare({ ...est, step }, noise, o.order) };
  } else if (quiet && o.order === 1 && est.value === 0 && (yield* flatZeroStencil(sampler, x, est.step))) {
    // A 0 from values all exactly 0 that the wider stencil did not resolve: f's resolution is its
    // intermediates', which steps up to 2048 times the column's find where f first moves (flat-reach.ts;
    // a naive log(1 + eᵗ) at −40 gave 0 ± 3.2e-322, ok, where f′ = 4.2e-18). (f ≡ 0 moves nowhere.)
    const reach = yield* flatReach(sampler, x, est.step);
    if (reach !== null) {
      noise = noiseUsed = reach.move;
      est = { ...est, error: Math.max(est.error, reach.error) };
    }
  }
  // Where a column run on past "noise" settled far below it, the sides start near its steps (a pole or
  // a jump 1e-8 from x is noise to the first steps and a jump to one-sided ones that start there too).
  let sideStart: number | undefined;
  if ((est.flags & COLUMN_FLAG.noisy) !== 0 && o.noise === 0) {
    const seen: NoiseSeen = { rejected: 0, noiseLike: false, perDistance: 0, grid: 0 };
    let unexplainedGap = false;
    // (A narrower table where the first is too wide: for central columns and first derivatives. A
    // one-sided column of a higher order, run with the level it finds, may end without an error.)
    const use = {
      narrowing: est.kind === "central" || o.order === 1,
      perDistance: o.order === 1,
      top: o.order === 1,
    };
    // f exactly constant on one side of x at the first rows' steps has no noise there: what the other
    // side shows is a feature beside x (a kink, a jump), for the shape stage, not a level for the tables
    // to measure (max(0, t − 1 − 1e-5) at 1: "noise" of 2.3e-6, then not-differentiable for f′ = 0).
    const sideFlat = o.order === 1 && (yield* oneSideFlat(sampler, x, engine.scales[0] * INITIAL_STEP[1]));
    const probed = sideFlat ? 0 : yield* probeNoise(sampler, x, est.noisyStep, seen, use);
    // A level near the size of f's values where f grows toward x is a pole beside x (pole-level.ts):
    // the column runs on past it.
    const level = poleLevel(sampler, x, stencilSteps(engine, first.step), o.order, probed, seen) ? 0 : probed;
    // So is a level the narrow table ruled out (its highest order held less of it: the pole's share
    // fades there), which would otherwise come back as noise after a failed run or a recheck.
    const rejectedTable = { size: seen.rejectedSize, reach: seen.rejectedReach };
    if (
      seen.rejected > 0 &&
      poleLevel(sampler, x, stencilSteps(engine, first.step), o.order, seen.rejected, rejectedTable)
    ) {
      seen.rejected = 0;
      seen.noiseLike = false;
    }
    if (
      (seen.spikeAtX === true || (level > 0 && seen.grid === 0)) &&
      o.order === 1 &&
      est.kind === "central"
    ) {
      // A spike at x in both tables whose central differences' changes grow like a jump's down to
      // JUMP_RESOLUTION of the scale (a jump beside x farther than that stops growing there): f jumps
      // at x (jump-at-x.ts), which a column run on past it may stall before showing. So too where the
      // tables found a level off any grid: beside a large f they take a jump at x for noise (tanh t −
      // 2.2e-6·sign t at 0 plus 1e4, a gradient's coordinate beside the others' terms: "noise" of
      // 4.8e-7 and f′ = 0.9997 ± 3.3e-4, noise-limited). (Not on a grid: one quantum crossed at x
      // grows like a jump too, as float32 tanh does.)
      // The changes' growth needs them 64 times above rounding; a jump's part (f(x + h) − f(x − h))/2 −
      // f′·h, the same at every step and above the level too, tells one of some tens of f's last bits
      // (check-jump.ts: sin t + 0.089·sign(t − 5) beside 3.5e12 gave −1.05 ± 18, noise-limited).
      const h1 = representableStep(x, noiseCheckStep(1, engine.scales[0]));
      if (
        (yield* changesJumpInF(sampler, x, GROWTH_SHRINK * JUMP_RESOLUTION * engine.scales[0])) ||
        (level > 0 &&
          (yield* jumpHolds(sampler, x, h1, est.value, JUMP_RESOLUTION * engine.scales[0], level)))
      ) {
        const jump = yield* jumpResult(engine, sampler, est);
        return { est, noise, noiseUsed, sideStart: undefined, done: jump };
      }
      // No jump at x: the spike is a feature within the narrow table's reach, a pole beside x above all
      // (eᵗ − 0.026/(t − c) at c + 2.8e-6: 1.72578e13 ± 1.9e5 from steps of 0.03, where f′ = 1.72611e13).
      // Steps below that reach see f clear of it (nearerThanFeature, below).
      if (seen.spikeAtX === true && seen.featureBelow === undefined) {
        seen.featureBelow = seen.spikeReach;
        seen.featureRunOn = true;
      }
    }
    // A level that counts goes into the error model; otherwise the column runs on, past the "noise".
    // probeNoise returns 0 unless the level exceeds the rounding of its table, which holds f(x).
    let counts = level > 0;
    if (counts) noise = noiseUsed = level;
    const unexplained = counts && !explainsChange(est, level, o.order);
    est = yield* run(engine, sampler, { ...firstRun(o, noise), stopOnNoise: counts });
    if (unexplained) est = yield* coverRunOn(engine, sampler, est, noise, first.noisyStep);
    if (counts && level > 0 && o.order === 1 && est.kind === "central" && Number.isFinite(est.error)) {
      // A level the differences at the check's step carry none of (clean-check.ts): the column from that
      // step wins where it disagrees (x + 1e-9·⌊1e6·x⌋ at 0.1234565 gave the stairs' 1.001 ± 6.3e-8, f′ = 1).
      const clean = yield* cleanAtCheck(engine, sampler, level);
      if (clean > 0) est = (yield* nearerThanFeature(engine, sampler, est, clean)).est;
    }
    // f's grid coarser than that level (float32, a cancellation): the column with it (grid-choice.ts).
    const gridLevel = GRID_NOISE_STEPS * seen.grid;
    const onGrid = gridLevel > level ? yield* gridRun(engine, sampler, gridLevel) : null;
    if (onGrid !== null) {
      est = gridOrPlain(onGrid, est, gridLevel, o.order, first);
      counts = true;
      noise = noiseUsed = gridLevel;
    }
    const ranOn = counts ? null : est;
    if (counts && Number.isNaN(est.error) && Number.isFinite(first.error)) {
      // The column run with the level found no estimate (it ended on the noise at once): the first
      // estimate stands, with that noise's share at its step.
      est = { ...first, error: first.error + noiseShare(first, noise, o.order) };
    }
    if (!counts && (Number.isNaN(est.error) || belowResolution(est, first))) {
      if (seen.rejected > 0) {
        // Run on past it, the column failed: the level the narrow table doubted was noise after all.
        noise = noiseUsed = seen.rejected;
        est = yield* run(engine, sampler, { ...firstRun(o, noise), stopOnNoise: true });
        // (At a root of f that level, too, is larger at the stencil: level-reach.ts, as below.)
        est = reachedLevel(sampler, x, est, o.order, noise, seen.rejectedSize ?? 0);
      } else if (Number.isFinite(first.error) && engine.checkGap > 0) {
        // No level at all: the first estimate stands, with the noise the check showed.
        const done = unresolvedNoise(first, engine.checkGap, engine.checkH, o.order);
        return { est, noise, noiseUsed, sideStart, done };
      } else if (Number.isNaN(first.error) && o.order === 1 && est.value === 0 && !sideFlat) {
        // Nor an error: the first rows' differences (growth.ts, unsettledEstimate), not the 0 of steps
        // below f's grid (round(1.3·sin t·1e4)/1e4 at −1.8877 gave 0 ± 5e-9 where f′ = −0.405).
        const h = engine.scales[0] * INITIAL_STEP[1];
        // (A one-sided method's of its own kind: a forward derivative's fallback must not see the
        // backward side, which may lie beyond a kink: the mean of two slopes, ± 5.7e-13.)
        const kind = first.kind === o.method ? first.kind : "central";
        const fallback = yield* unsettledEstimate(sampler, x, h, 1, kind);
        // The run's 0 may also be f's slope beside a kink within the first steps (cos t − 0.025·max(0,
        // t − 2e-10) at 0: the first rows' −0.0124 is the two slopes' midpoint): the shape stage's
        // sides tell the two apart (side-checks.ts, kinkNearX).
        if (fallback !== null)
          est = { ...first, ...fallback, step: h / 2, flags: first.flags | COLUMN_FLAG.kink };
      } else if (
        o.order === 1 &&
        first.kind === "central" &&
        Number.isFinite(first.error) &&
        first.noisyChange === 0 &&
        belowResolution(est, first)
      ) {
        // Run on below f's resolution, with no check to measure against, where the "noise" the first
        // column noticed was a change of exactly 0 (equal values: f below its resolution, not a feature
        // near x): the first estimate stands (atan t − 1.5707254704 at 14113 gave 0 ± 3.4e-15 from
        // steps of 3e-11, where f′ = 5.02e-9; the first column had it from the scale of x, the unit
        // scale's differences 0 and taken for noise). (Not at higher orders, where a 0 from short steps
        // may be a linear piece beside a kink near x, nor one-sided: the stages after this one judge
        // those.)
        est = first;
      }
    } else if (!counts && seen.noiseLike) {
      // Noise the tables could not confirm but saw: the column's estimate, held against the check (see
      // recheckNoise). Otherwise the check's gap was truncation (sin at 0, x|x| at 0) or a kink near x.
      const shown = yield* recheckNoise(engine, sampler, est, o.order, true);
      if (shown > 0) noise = noiseUsed = shown;
    } else if (!counts) unexplainedGap = true;
    // A gap the tables left unexplained where the narrow one resolved the wide one's wiggles as a
    // smooth part: f has structure finer than the steps the column settled at, which the steps within
    // that table's reach see (sin t + 1e-8·sin(1e7·t) at 0.9: 0.62161 ± 7.6e-6 from steps of 0.0039,
    // the check's gap 0.021 at 4.8e-7 taken for noise of 1e-8; f′ = 0.52190).
    const finer = unexplainedGap ? (seen.smoothBelow ?? 0) : 0;
    if (est === ranOn && Number.isFinite(est.error) && est.step * NOISE_PROBE_SPLIT ** 2 < first.noisyStep) {
      // Run on far below every table: the noise of f at its own steps (own-step-noise.ts; sin(1e6·t) at
      // 0.0012345 gave −989373.592125 ± 1.8e-7 from steps of 5.9e-10, ok, where f′ = −989373.592132).
      const own = yield* noiseAtOwnStep(engine, sampler, est);
      if (own.level > 0) {
        est = own.est;
        noise = noiseUsed = own.level;
      }
    }
    if (!counts) {
      const near = yield* nearerThanFeature(
        engine,
        sampler,
        est,
        seen.featureBelow ?? finer,
        seen.featureRunOn === true,
      );
      est = near.est;
      if (near.level > 0) noise = noiseUsed = near.level;
    }
    if (est === ranOn) sideStart = settledBelow(est, first);
    if ((seen.offsetGrid ?? 0) > 0 && Number.isFinite(est.error)) {
      // A coarse grid beside terms that do not move (noise-check.ts, offGrid): its steps' share at the
      // estimate's step (f32 softplus(t) + 2.2 at 12 gave 1 ± 2e-10 from an exact line; f′ = 0.99999386).
      const stair = GRID_NOISE_STEPS * (seen.offsetGrid ?? 0);
      est = { ...est, error: est.error + noiseShare(est, stair, o.order) };
      noise = noiseUsed = Math.max(noise, stair);
    }
    if (counts && level > 0 && noise === level && o.order > 1 && Number.isFinite(est.error)) {
      // The tables' level where the stencil reaches far larger values of f (relative noise at a root
      // of f: level-reach.ts), at a higher order, whose stencil reaches far beyond the tables. (Not at
      // order 1, where noise growing with the distance from x has its floor (perDistance), and where
      // scaling an absolute level so widened naive formulas' errors beyond 10·E*: log(1 + t) at 1e-8.)
      est = reachedLevel(sampler, x, est, o.order, level, seen.size ?? 0);
    }
    // The tables read the level from nine values: it may be low by a few times (level-spread.ts; orders
    // 2–4, LEVEL_SPREAD_ORDER).
    if (counts && level > 0 && noise === level && o.order >= LEVEL_SPREAD_ORDER)
      est = withLevelSpread(est, level, o.order);
    if (!counts && seen.perDistance === 0 && (first.evenShare ?? 0) > 0 && Number.isFinite(est.error)) {
      // Noise the first column's even parts showed (driver.ts, measureNoise) that the tables could not
      // measure: noise relative to f at a root of f, about ε·|f′| in every first difference whatever its
      // step, which a table about x (where f is small) reads as none (tanh t·(1 + 4.4e-9·noise) at 0:
      // 1 + 1.5e-9 ± 2.9e-10). Its share per row is the floor.
      est = {
        ...est,
        error: est.error + EVEN_NOISE_SHARE * (first.evenShare ?? 0) * stencilArrays(est.kind, 1).weightSum,
      };
      noiseUsed ??= first.evenLevel;
    }
    if (seen.perDistance > 0 && o.order === 1) {
      // Noise that grows with the distance from x puts about perDistance into every first difference,
      // whatever its step: a floor under the error (the column's own changes may miss it).
      est = { ...est, error: est.error + NOISE_COVERAGE * seen.perDistance };
      noiseUsed ??= seen.rejected;
    }
    if ((seen.unit ?? 0) > 0 && o.order === 1 && Number.isFinite(est.value)) {
      // Values on a coarse grid (float32) carry a relative rounding (seen.unit) whose share in a first
      // difference is about unit·|f′| at every step: a floor under the error that the grid's absolute
      // level misses at a root of f, where the grid shrinks with the values.
      est = { ...est, error: est.error + (seen.unit ?? 0) * Math.abs(est.value) };
    }
    if (est === ranOn && est.kind !== "central" && est.kind === o.method) est = heldToCheck(engine, est);
    if (unexplainedGap && engine.checkGap > 0 && est.step > engine.checkH && Number.isFinite(est.error)) {
      // The check's gap with no level from the tables and no column below the check's step to explain
      // it: values that step evenly at the tables' spacing (f rounded to 9 digits steps by whole
      // quanta there) hide noise the check saw. As noise, the gap's share at the estimate's step
      // (truncation or a kink near x leaves a share far below their gap: h_c ≪ the step).
      est = { ...est, error: unresolvedNoise(est, engine.checkGap, engine.checkH, o.order).error };
    }
  }
  if (noiseUsed === undefined && o.order === 1 && est.value === 0 && Number.isFinite(est.error)) {
    // A column run on past "noise" to a 0 from values all exactly 0 (flat-reach.ts, as above: a naive
    // log(1 + eᵗ) at −37.5, whose first rows reached its first nonzero value).
    const late = (yield* flatZeroStencil(sampler, x, est.step))
      ? yield* flatReach(sampler, x, est.step)
      : null;
    if (late !== null) {
      noise = noiseUsed = late.move;
      est = { ...est, error: Math.max(est.error, late.error) };
    }
  }
  return { est, noise, noiseUsed, sideStart, done: null };
}

/**
 * The estimate of a column of order 2 to 4 run with a level its tables measured (largest |f| `size`),
 * with the share of that level scaled to its stencil (level-reach.ts) beyond the level's own; other
 * estimates (order 1, no error) pass through.
 */
function reachedLevel(
  sampler: Sampler,
  x: number,
  est: Estimate,
  order: number,
  level: number,
  size: number,
): Estimate {
  if (order < 2 || !Number.isFinite(est.error)) return est;
  const reached = levelAtStencil(sampler, x, est.kind, order, est.step, level, size);
  return reached > level ? { ...est, error: est.error + noiseShare(est, reached - level, order) } : est;
}

/**
 * The ratio (f(x ± h) − f(x)) / (f(x ± h/2) − f(x)) of the side that moves, in {@link oneSideFlat}:
 * about 2 for a slope (a kink beside x), 1 for a jump or a single step of a grid (a float32 sum whose
 * last bit only crossed a boundary on one side: f32(35.04 + f32(eᵗ)) at −14.46).
 *
 * @default [1.5, 2.5]
 * @example
 * ```ts
 * ONE_SIDE_SLOPE_BAND; // => [1.5, 2.5]
 * ```
 */
export const ONE_SIDE_SLOPE_BAND: readonly [number, number] = Object.freeze([1.5, 2.5] as const);

/**
 * Whether f takes f(x) exactly at x − h and x − h/2 and moves like a slope at x + h and x + h/2
 * (ONE_SIDE_SLOPE_BAND), or the other way round (the first rows' points, evaluated already): f is
 * constant on one side at the first column's steps, so it carries no noise there, and a 0 from short
 * steps is its slope on that side, not f below its resolution. The first column's rows disagreed
 * because of a kink beside x on the other side, which the shape stage finds: max(0, t − 1 − 1e-9) at 1
 * gave the first rows' 0.5 ± 0.5, noise-limited, for f′ = 0.
 */
function* oneSideFlat(sampler: Sampler, x: number, h: number): Pipeline<boolean> {
  const fx = yield* sampler.one(x);
  // (Not a float32 f(x): its values step on a grid, and a side can stay on one step by chance.)
  if (!Number.isFinite(fx) || float32Result(fx)) return false;
  const far = [yield* sampler.one(x - h), yield* sampler.one(x + h)];
  const near = [yield* sampler.one(x - h / 2), yield* sampler.one(x + h / 2)];
  const flat = [far[0] === fx && near[0] === fx, far[1] === fx && near[1] === fx];
  if (flat[0] === flat[1]) return false;
  const k = flat[0] ? 1 : 0; // the side that moves
  const ratio = (far[k] - fx) / (near[k] - fx);
  return ratio >= ONE_SIDE_SLOPE_BAND[0] && ratio <= ONE_SIDE_SLOPE_BAND[1];
}

/**
 * Whether a column run on past "noise" ended below f's resolution: a difference of exactly 0 (equal
 * values at its stencil points) where the first estimate, from larger steps, saw a slope beyond its
 * error (or no error: its rows ended on noise). A float32 f at steps below its grid returns f(x) at
 * x ± h: that is not a zero derivative.
 *
 * ```ts
 * belowResolution({ value: 0, … }, { value: -0.998, error: 1e-9, … }); // true
 * ```
 */
function belowResolution(est: Estimate, first: Estimate): boolean {
  // A first column that ended on noise with no error estimate still saw the slope of its rows.
  return est.value === 0 && first.value !== 0 && !(Math.abs(first.value) <= first.error);
}

/**
 * An estimate from steps longer than a feature the noise tables found beside x (`below`: the reach of
 * the narrowest table, which saw f clear of it; NoiseSeen.featureBelow), held against the column run
 * from that reach: where the two disagree beyond both errors, the nearer steps sample f more locally
 * and win (keepScale's rule). t³ − 2t − 0.0115/(t − c) beside a term of 2.4e15 (a gradient's other
 * coordinate), c 7.2e-5 below x = 239.82: 172540.9 ± 1.0 from steps of 1.9, where f′ = 2387171; from
 * steps of 1.5e-5 down, 2402987 ± 294234 (f's last bit is 0.5). Other estimates pass through.
 */
function* nearerThanFeature(
  engine: ScalarEngine,
  sampler: Sampler,
  est: Estimate,
  below: number,
  runOn = false,
): Pipeline<{ est: Estimate; level: number }> {
  if (!(below > 0 && est.step > below && Number.isFinite(est.error))) return { est, level: 0 };
  // (Run on from a spike at x only where the column run on past it saw no kink, jump or pole of its own:
  // a kink 2e-10 beside x is the shape stage's, whose sides resolve it: cos t − 0.0248·max(0, t − c).)
  if (runOn && (est.flags & (COLUMN_FLAG.kink | COLUMN_FLAG.diverging | COLUMN_FLAG.pole)) !== 0)
    return { est, level: 0 };
  const how = { ...firstRun(engine.o, 0), stopOnNoise: !runOn, firstStep: below };
  const local = yield* run(engine, sampler, how);
  const disagree = Math.abs(local.value - est.value) > local.error + est.error;
  // A column run on past "noise" may descend to steps where f's values differ by a few ulps, and
  // settle there on its rounding model, which the rounding inside f (cancellation) exceeds: not below
  // the resolution a jump is confirmed to (atan t + 0.00825 beside other terms, at its root, gave
  // 1 ± 2.6e-9 from steps of 7e-18, where f′ = 0.99993).
  const resolved = !runOn || local.step >= JUMP_RESOLUTION * engine.scales[engine.scales.length - 1];
  // The nearer steps win with the noise of f at their own steps, which no table has measured yet
  // (own-step-noise.ts: sin(1e6·t) at 0.0012345 carries its argument's rounding, 1e-13).
  if (Number.isFinite(local.error) && disagree && resolved)
    return yield* noiseAtOwnStep(engine, sampler, local);
  // Where the two agree, a kink the nearer steps saw still counts: their rows reach below a feature the
  // longer steps straddle (a join of f″ 1e-12 beside x gives both the midpoint of its two sides).
  const kink = local.flags & COLUMN_FLAG.kink;
  return {
    est: kink !== 0 && (est.flags & kink) === 0 ? { ...est, flags: est.flags | kink } : est,
    level: 0,
  };
}

/**
 * The column run with the grid's noise `level`, from steps over ALIAS_STEP held against the unit scale
 * alone; null when it ends without an error (|t − 1| at 1.001: the kink stops it, not the grid).
 */
function* gridRun(engine: ScalarEngine, sampler: Sampler, level: number): Pipeline<Estimate | null> {
  const how = { ...firstRun(engine.o, level), stopOnNoise: true };
  const est = yield* run(engine, sampler, how);
  if (Number.isNaN(est.error)) return null;
  if (!(est.step > ALIAS_STEP) || engine.scales.length < 2) return est;
  const scales = engine.scales;
  engine.scales = UNIT_SCALE;
  const unit = yield* run(engine, sampler, how);
  engine.scales = scales;
  return longOrUnit(est, unit);
}

/** The unit scale alone, for gridRun. */
const UNIT_SCALE: readonly number[] = Object.freeze([1]);

/**
 * The first step for the one-sided runs after a column run on past "noise" (see settle): GROWTH_SHRINK
 * times its step when it settled with an error, no flags of its own but noise, and a step below the
 * noise tables' spacing (first.noisyStep / NOISE_PROBE_SPLIT²); undefined otherwise.
 */
function settledBelow(est: Estimate, first: Estimate): number | undefined {
  const own = est.flags & (COLUMN_FLAG.kink | COLUMN_FLAG.diverging | COLUMN_FLAG.budget | COLUMN_FLAG.pole);
  const below = est.step * NOISE_PROBE_SPLIT ** 2 < first.noisyStep;
  return own === 0 && Number.isFinite(est.error) && below ? est.step * GROWTH_SHRINK : undefined;
}

/**
 * Whether noise of the level explains the change of the row where the first column noticed "noise"
 * (within UNEXPLAINED_CHANGE times its share there).
 */
function explainsChange(first: Estimate, level: number, order: number): boolean {
  const share = noiseShare({ ...first, step: first.noisyStep }, level, order);
  return !((first.noisyChange ?? NaN) > UNEXPLAINED_CHANGE * share);
}

/**
 * A column stopped on "noise" whose level does not explain the change it stopped on may have met
 * something else: a first-order term (f″ jumping at x: D(h) = f′ + c·h), which the tableau does not
 * remove. The column is run on past it with the level; where the two disagree beyond their errors, the
 * estimate's error grows to cover the run-on one (cos t − 0.004·max(0, t − c)² at c gave −0.9867857 ±
 * 2.8e-7, noise-limited, off by 5e-6).
 */
function* coverRunOn(
  engine: ScalarEngine,
  sampler: Sampler,
  est: Estimate,
  level: number,
  from: number,
): Pipeline<Estimate> {
  const on = yield* run(engine, sampler, {
    ...firstRun(engine.o, level),
    stopOnNoise: false,
    firstStep: from,
  });
  // A one-sided column with the level that found no error at all: the run-on estimate, where it has one
  // (√t + 0.016·max(0, t − c)² forward at c = 0.078, order 2: −5.04 ± NaN from steps of 1/16, where the
  // run-on column settled on −11.41712 ± 0.14 and f″ = −11.41712).
  if (Number.isNaN(est.error) && est.kind !== "central" && on.error < Infinity) return on;
  const gap = Math.abs(on.value - est.value);
  if (!Number.isFinite(on.error) || !(gap > est.error + on.error)) return est;
  return { ...est, error: gap + on.error };
}

/**
 * How many times the noise share at the step where a column noticed "noise" its change there may be
 * before the measured level no longer explains it (see settle): two noise shares make a change, and
 * a level measured from nine values may be low by a few times.
 */
const UNEXPLAINED_CHANGE = 16;

/**
 * A one-sided estimate the caller asked for, run on past the "noise" its noise check showed where the
 * noise tables found none: the check's difference, at a step far below the column's, still misses it.
 * A one-sided column has no other side to compare with; a kink or a join of f within its steps but
 * beyond the check's (exp t − 0.0026·|t − c| forward at c − 2.5e-11: 1.04143 ± 1.7e-9, where
 * f′ = 1.04662) is such a miss. The estimate's error covers the check's difference (engine.checkD)
 * and its rounding.
 */
function heldToCheck(engine: ScalarEngine, est: Estimate): Estimate {
  const gap = Math.abs(engine.checkD - est.value) + engine.checkRounding;
  return gap > est.error ? { ...est, error: gap } : est;
}
