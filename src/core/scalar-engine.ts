/**
 * The honest derivative of a scalar function: the adaptive column (driver.ts) at each scale of x
 * (scalar-column.ts), then, when the column saw trouble, the noise level (noise-check.ts, noise.ts)
 * and the one-sided comparison (smoothness.ts). Every outcome carries a status.
 */

import { COLUMN_FLAG } from "./column-state.js";
import {
  ALIAS_STEP,
  EPS,
  F_ROUNDING,
  GRID_NOISE_STEPS,
  GROWTH_SHRINK,
  INITIAL_STEP,
  JUMP_RESOLUTION,
  NOISE_COVERAGE,
  NOISE_FLOOR,
  NOISE_PROBE_SPLIT,
} from "./constants.js";
import { runSync } from "./column-steps.js";
import { difference, growthAt, JUMP_GROWTH_BAND, unsettledEstimate } from "./growth.js";
import {
  checkNoise,
  needsNoiseCheck,
  noiseCheckPoints,
  noiseCheckStep,
  noiseShare,
  probeNoise,
  type NoiseSeen,
  recheckNoise,
  unresolvedNoise,
  zeroBelowResolution,
} from "./noise-check.js";
import { gridOrPlain, longOrUnit } from "./grid-choice.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { run, runNow, type Estimate, type RunSpec, type ScalarEngine } from "./scalar-column.js";
import { compareSides, coverSide, joinSides, type SideEstimate } from "./smoothness.js";
import type { DerivativeResult, StencilKind } from "./types.js";
import type { ResolvedOptions } from "./validate.js";

// Where these lived before the split (scalar-column.ts, noise-check.ts), for importers of this file.
export { ScalarEngine, toleranceStep } from "./scalar-column.js";
export { noiseCheckStep } from "./noise-check.js";

/**
 * The adaptive derivative of the sampler's f at x with its status (see the file comment), as a
 * pipeline (see sampler.ts): every value of f it needs goes through `sampler`, which calls a sync f
 * itself or yields the points to a batched or async runner. The caller handles x not finite and the
 * fixed-step method. {@link derivativeNow} is the same pipeline for a sync f, without generators.
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * import { Sampler } from "./sampler.js";
 * import { runSync } from "./column-steps.js";
 * const o = resolveOptions(undefined, 1);
 * runSync(derivativeSteps(new ScalarEngine(), new Sampler(Math.exp), 1, o)).value; // 2.718281828459…
 * ```
 */
export function* derivativeSteps(
  engine: ScalarEngine,
  sampler: Sampler,
  x: number,
  o: ResolvedOptions,
): Pipeline<Omit<DerivativeResult, "evaluations">> {
  engine.begin(x, o);
  const noise = initialNoise(o, o.noiseRelative ? yield* sampler.one(x) : NaN);
  const est = yield* run(engine, sampler, firstRun(o, noise));
  const n = needsNoiseCheck(est, o) ? noiseCheckPoints(engine, x, o.order, engine.scales[0]) : 0;
  if (n > 0) {
    if (sampler.prepare(engine.checkPoints, n, true, engine.checkValues)) yield sampler.request;
    checkNoise(engine, sampler.complete(n, true, engine.checkValues), n, o.order, est);
  }
  if (plainEnding(est, o)) return plainResult(est);
  return yield* settle(engine, sampler, est, noise);
}

/**
 * {@link derivativeSteps} for a sampler that calls a sync f itself: the first column (the costly part
 * of most derivatives) runs without generator objects, the rest through the same {@link settle}, so
 * the two return the same bits (test/core/sync-pipeline.test.ts checks it).
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * import { Sampler } from "./sampler.js";
 * derivativeNow(new ScalarEngine(), new Sampler(Math.exp), 1, resolveOptions(undefined, 1)).value;
 * // 2.718281828459…, as derivativeSteps
 * ```
 */
export function derivativeNow(
  engine: ScalarEngine,
  sampler: Sampler,
  x: number,
  o: ResolvedOptions,
): Omit<DerivativeResult, "evaluations"> {
  engine.begin(x, o);
  const noise = initialNoise(o, o.noiseRelative ? sampler.at(x) : NaN);
  const est = runNow(engine, sampler, firstRun(o, noise));
  const n = needsNoiseCheck(est, o) ? noiseCheckPoints(engine, x, o.order, engine.scales[0]) : 0;
  if (n > 0) {
    checkNoise(engine, sampler.now(engine.checkPoints, n, true, engine.checkValues), n, o.order, est);
  }
  if (plainEnding(est, o)) return plainResult(est);
  return runSync(settle(engine, sampler, est, noise));
}

/** The first run: the stencil of the options (central for "auto", which may then switch sides). */
function firstRun(o: ResolvedOptions, level: number): RunSpec {
  return { kind: startKind(o), level, stopOnNoise: true, canSwitch: o.method === "auto" };
}

/** The stencil the pipeline starts with. */
function startKind(o: ResolvedOptions): StencilKind {
  return o.method === "auto" ? "central" : o.method;
}

/** The noise level given in the options, absolute (relative ones scaled by |f(x)|; 0 if not finite). */
function initialNoise(o: ResolvedOptions, fx: number): number {
  const noise = o.noiseRelative ? o.noise * Math.abs(fx) : o.noise;
  return Number.isFinite(noise) ? noise : 0;
}

/**
 * Whether the estimate (after the noise check) is the result as it stands, status "ok": nothing
 * noticed (noise, a kink, a jump, a spent budget, a pole), no noise level given, an error estimate, an
 * odd order and a finite value other than exactly 0 (else {@link settle} may need f(x), or a wider
 * step to tell a zero derivative from f below its resolution).
 */
function plainEnding(est: Estimate, o: ResolvedOptions): boolean {
  return (
    est.flags === 0 &&
    est.value !== 0 &&
    o.noise === 0 &&
    o.order % 2 === 1 &&
    !Number.isNaN(est.error) &&
    Number.isFinite(est.value)
  );
}

/**
 * The result of a {@link plainEnding}, with a place for the evaluations that the caller fills (a
 * property added later would cost a map transition and a property store per result).
 */
function plainResult(est: Estimate): DerivativeResult {
  return {
    value: est.value,
    error: est.error,
    step: est.step,
    method: est.kind,
    status: "ok",
    evaluations: 0,
  };
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
  return [backward, forward];
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
 * The pipeline after its first estimate and the noise check, when it is not a plain ending: the noise
 * tables, the one-sided test and the pole check, each only when the estimate calls for it.
 */
function* settle(
  engine: ScalarEngine,
  sampler: Sampler,
  first: Estimate,
  given: number,
): Pipeline<Omit<DerivativeResult, "evaluations">> {
  const { x, o } = engine;
  let est = first;
  let noise = given;
  let noiseUsed = o.noise > 0 ? noise : undefined;
  // An estimate of exactly 0 from small steps may be f below its resolution (see zeroBelowResolution):
  // then it is noise, measured from the wider step on.
  const quiet = (est.flags & COLUMN_FLAG.noisy) === 0 && o.noise === 0 && est.kind === "central";
  const flat = { grid: 0, step: NaN };
  if (quiet && est.value === 0 && (yield* zeroBelowResolution(sampler, x, o.order, est.step, flat))) {
    est.flags |= COLUMN_FLAG.noisy;
    est.noisyStep = est.step * GROWTH_SHRINK * NOISE_PROBE_SPLIT;
  } else if (flat.grid > 0 && o.order === 1) {
    // A flat f′ on a coarse grid: one grid step over H. (A higher order's 0 may be a jump's.)
    noise = noiseUsed = GRID_NOISE_STEPS * flat.grid;
    est = { ...est, error: est.error + noiseShare({ ...est, step: flat.step }, noise, o.order) };
  }
  let status: DerivativeResult["status"] = "ok";
  // Where a column run on past "noise" settled far below it, the sides start near its steps (a pole or
  // a jump 1e-8 from x is noise to the first steps and a jump to one-sided ones that start there too).
  let sideStart: number | undefined;
  if ((est.flags & COLUMN_FLAG.noisy) !== 0 && o.noise === 0) {
    const seen: NoiseSeen = { rejected: 0, noiseLike: false, perDistance: 0, grid: 0 };
    const level = yield* probeNoise(sampler, x, est.noisyStep, seen);
    // A level that counts goes into the error model; otherwise the column runs on, past the "noise".
    // probeNoise returns 0 unless the level exceeds the rounding of its table, which holds f(x).
    let counts = level > 0;
    if (counts) noise = noiseUsed = level;
    const unexplained = counts && !explainsChange(est, level, o.order);
    est = yield* run(engine, sampler, { ...firstRun(o, noise), stopOnNoise: counts });
    if (unexplained) est = yield* coverRunOn(engine, sampler, est, noise);
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
      } else if (Number.isFinite(first.error) && engine.checkGap > 0) {
        // No level at all: the first estimate stands, with the noise the check showed.
        return unresolvedNoise(first, engine.checkGap, engine.checkH, o.order);
      } else if (Number.isNaN(first.error) && o.order === 1 && est.value === 0) {
        // Nor an error: the first rows' differences (growth.ts, unsettledEstimate), not the 0 of steps
        // below f's grid (round(1.3·sin t·1e4)/1e4 at −1.8877 gave 0 ± 5e-9 where f′ = −0.405).
        const h = engine.scales[0] * INITIAL_STEP[1];
        const fallback = yield* unsettledEstimate(sampler, x, h);
        if (fallback !== null) est = { ...first, ...fallback, step: h / 2 };
      }
    } else if (!counts && seen.noiseLike) {
      // Noise the tables could not confirm but saw: the column's estimate, held against the check (see
      // recheckNoise). Otherwise the check's gap was truncation (sin at 0, x|x| at 0) or a kink near x.
      const shown = yield* recheckNoise(engine, sampler, est, o.order);
      if (shown > 0) noise = noiseUsed = shown;
    }
    if (est === ranOn) sideStart = settledBelow(est, first);
    if (seen.perDistance > 0 && o.order === 1) {
      // Noise that grows with the distance from x puts about perDistance into every first difference,
      // whatever its step: a floor under the error (the column's own changes may miss it).
      est = { ...est, error: est.error + NOISE_COVERAGE * seen.perDistance };
      noiseUsed ??= seen.rejected;
    }
    if (est === ranOn && est.kind !== "central" && est.kind === o.method) est = heldToCheck(engine, est);
  }
  if (
    noiseUsed !== undefined &&
    noiseUsed > NOISE_FLOOR * F_ROUNDING * EPS * Math.abs(yield* sampler.one(x))
  ) {
    status = "noise-limited";
  }
  let result: Omit<DerivativeResult, "evaluations"> = {
    value: est.value,
    error: est.error,
    step: est.step,
    method: est.kind,
    status,
  };
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
      return { ...result, value: NaN, error: Infinity, status: "discontinuous" };
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
      return { ...result, value: NaN, error: Infinity, status: "discontinuous" };
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
  if ((est.flags & COLUMN_FLAG.budget) !== 0 && result.status === "ok") result.status = "max-evaluations";
  if (noiseUsed !== undefined) result.noise = noiseUsed;
  // A pole (f(x) infinite: 1/x at 0, 1/(x−1)² at 1) has no derivative, whatever the differences say;
  // f(x) NaN may be a removable singularity (sin(x)/x at 0), whose derivative the differences find.
  // f(x) costs a call only where the stencils did not need it and the even part grew.
  // No error estimate means no convergence: with f not finite at x, the last difference means nothing.
  const unknown = Number.isNaN(result.error);
  // A higher derivative with no significant digit, status ok, from a column that ran down to the
  // steps where a jump is confirmed (JUMP_RESOLUTION): its differences may be growing without bound
  // (|t|″ at 0 gave 9e15 ± 4e16, ok, from steps of 2e-16): the growth check says.
  const vague =
    o.order > 1 &&
    result.status === "ok" &&
    !(result.error < Math.abs(result.value)) &&
    result.step <= JUMP_RESOLUTION * Math.max(1, Math.abs(x));
  const mayBePole =
    o.order % 2 === 0 ||
    (est.flags & COLUMN_FLAG.pole) !== 0 ||
    !Number.isFinite(result.value) ||
    unknown ||
    vague;
  if ((result.status === "ok" || (unknown && result.status === "noise-limited")) && mayBePole) {
    const fx = yield* sampler.one(x);
    const pole = fx === Infinity || fx === -Infinity || (unknown && !Number.isFinite(fx));
    // No convergence (no error estimate) where the first difference keeps growing as h shrinks (√x
    // and ∛x at 0): the derivative is infinite, and the last difference would be a confident wrong answer.
    // Higher orders only from status "ok": a noisy f's n-th differences grow like 1/hⁿ too.
    const grows = (unknown && (o.order === 1 || result.status === "ok")) || vague;
    // An even part that did not settle (the pole flag) where f(x) is finite: a cusp, whose one-sided
    // quotients grow without bound while the central ones cancel (√|t| at 0 gave 0 ± 6e-15, ok).
    const cusp =
      !pole && !grows && o.order === 1 && est.kind === "central" && (est.flags & COLUMN_FLAG.pole) !== 0;
    const growth = grows
      ? yield* growthAt(sampler, x, est.kind, result.step, o.order)
      : cusp
        ? yield* growthAt(sampler, x, "forward", result.step)
        : "bounded";
    // A cusp's one-sided quotient growing slower than a jump's: continuous, not differentiable.
    if (cusp && growth === "infinite")
      return { ...result, value: NaN, error: Infinity, status: "not-differentiable" };
    // A difference that grows like 1/h is a jump the one-sided test did not confirm (eˣ + 0.05·H(x − 0.7)).
    if (growth === "jump" && !pole)
      return { ...result, value: NaN, error: Infinity, status: "discontinuous" };
    if (!Number.isFinite(result.value) || pole || growth === "infinite") {
      return { ...result, value: NaN, error: Infinity, status: "not-finite" };
    }
  }
  if (o.order > 1 && est.kind === "central" && result.status === "noise-limited") {
    // A higher derivative read as noisy may be a lower one jumping at x (|t|″ at a large x): its
    // differences then grow like a jump's over two ratios of steps, where noise's grow like 1/hⁿ. (At
    // the scale of 1, whatever x: a jump J in f⁽ⁿ⁻¹⁾ must outgrow f⁽ⁿ⁾ there.)
    if (yield* jumpsTwice(sampler, x, noiseCheckStep(o.order, 1), o.order)) {
      return { ...result, value: NaN, error: Infinity, status: "discontinuous" };
    }
  }
  if (joined !== null && Number.isNaN(result.error)) result = { ...result, ...joined };
  if (Number.isNaN(result.error) && o.order === 1 && est.kind === "central" && mayBeUnsettled(result)) {
    // Bounded, no jump, and still no error: the first rows' difference with an honest error.
    const h = engine.scales[0] * INITIAL_STEP[1];
    const fallback = yield* unsettledEstimate(sampler, x, h);
    if (fallback !== null) result = { ...result, ...fallback, step: h / 2 };
  }
  return result;
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
 * Whether the central difference of order n grows over 16h → h → h/16 like a jump in a lower
 * derivative f⁽ⁿ⁻ʲ⁾ (j = 1 … n − 1): by 16ʲ each time, within √2, with its sign kept. Noise grows like
 * 16ⁿ at random; a smooth f's difference does not grow.
 */
function* jumpsTwice(sampler: Sampler, x: number, h: number, order: number): Pipeline<boolean> {
  const wide = yield* difference(sampler, x, "central", h * GROWTH_SHRINK, order);
  const mid = yield* difference(sampler, x, "central", h, order);
  const narrow = yield* difference(sampler, x, "central", h / GROWTH_SHRINK, order);
  const p1 = Math.log(mid / wide) / Math.log(GROWTH_SHRINK);
  const p2 = Math.log(narrow / mid) / Math.log(GROWTH_SHRINK);
  const j = Math.round(p1);
  const band = Math.log(JUMP_GROWTH_BAND) / Math.log(GROWTH_SHRINK);
  return j >= 1 && j < order && Math.abs(p1 - j) <= band && Math.abs(p2 - j) <= band;
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
): Pipeline<Estimate> {
  const on = yield* run(engine, sampler, { ...firstRun(engine.o, level), stopOnNoise: false });
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

/** Whether a result without an error may take unsettledEstimate: status "ok" or "noise-limited". */
function mayBeUnsettled(result: Omit<DerivativeResult, "evaluations">): boolean {
  return result.status === "ok" || result.status === "noise-limited";
}
