/**
 * The honest derivative of a scalar function: the adaptive column (driver.ts) at each scale of x,
 * then, when the column saw trouble, the noise level (noise.ts) and the one-sided comparison
 * (smoothness.ts). Every outcome carries a status.
 */

import { beginScales, KeptEstimates, keepScale, nextScale } from "./best-of-scales.js";
import { COLUMN_FLAG, ColumnState } from "./column-state.js";
import {
  EPS,
  F_ROUNDING,
  INITIAL_STEP,
  NOISE_COVERAGE,
  NOISE_CHECK_SHRINK,
  NOISE_CHECK_SIGNAL,
  NOISE_FLOOR,
  NOISE_MAX_SPACING,
  NOISE_PROBE_RETRIES,
  NOISE_PROBE_SPLIT,
} from "./constants.js";
import { stencilArrays } from "./base-stencil.js";
import { ColumnDriver, MAX_POINTS, type ColumnSpec } from "./driver.js";
import { NOISE_AGREEMENT, noiseFromTable, NOISE_POINTS, type NoiseEstimate } from "./noise.js";
import { columnNow, columnSteps, runSync } from "./column-steps.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { compareSides, type SideEstimate } from "./smoothness.js";
import { candidateScales, divideByPower, representableStep } from "./step.js";
import type { DerivativeResult, StencilKind } from "./types.js";
import type { ResolvedOptions } from "./validate.js";

/** The stencil kind of a code in ColumnState.kind (a conditional: -1 is no array index, a keyed load by it is slow). */
function kindOf(code: number): StencilKind {
  return code === 0 ? "central" : code === 1 ? "forward" : "backward";
}

/**
 * The state of one scalar derivative, kept between calls so that a loop of derivative() allocates
 * little.
 *
 * @example
 * ```ts
 * const engine = new ScalarEngine();
 * ```
 */
export class ScalarEngine {
  readonly state = new ColumnState(1);
  readonly driver = new ColumnDriver(this.state);
  readonly kept = new KeptEstimates(1);
  /** The noise check's points and values (at most a base stencil's MAX_POINTS). */
  readonly checkPoints = new Float64Array(MAX_POINTS);
  readonly checkValues = new Float64Array(MAX_POINTS);
  /** The step of the noise check, and that step made representable beside x. */
  checkStep = 0;
  checkH = 0;
  /** The spec of the engine's columns, rewritten by each (the driver reads it while it runs). */
  readonly spec: ColumnSpec = {
    x: 0,
    order: 1,
    scale: 1,
    start: "central",
    canSwitch: false,
    probeOnly: false,
    stopOnNoise: true,
    rtol: 0,
    atol: 0,
    firstStep: undefined,
    budget: Infinity,
  };
}

/** One estimate of the pipeline (the kept one of a set of scales). */
interface Estimate {
  value: number;
  error: number;
  step: number;
  kind: StencilKind;
  flags: number;
  noisyStep: number;
}

/**
 * The first step in tolerance mode: √rtol relative to the scale (two central rows then meet rtol when
 * |f‴/f′| ≲ 6 at that scale), never larger than the default first step.
 *
 * @example
 * ```ts
 * toleranceStep(1, 1e-6); // 0.001
 * ```
 */
export function toleranceStep(order: number, rtol: number): number {
  return Math.min(INITIAL_STEP[order], Math.sqrt(rtol));
}

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
  const scales = candidateScales(x);
  const noise = initialNoise(o, o.noiseRelative ? yield* sampler.one(x) : NaN);
  const est = yield* run(engine, sampler, x, o, scales, startKind(o), noise, true, o.method === "auto");
  const n = needsNoiseCheck(est, o) ? noiseCheckPoints(engine, x, o.order, scales[0]) : 0;
  if (n > 0) {
    if (sampler.prepare(engine.checkPoints, n, true, engine.checkValues)) yield sampler.request;
    checkNoise(engine, sampler.complete(n, true, engine.checkValues), n, o.order, est);
  }
  if (plainEnding(est, o)) return plainResult(est);
  return yield* settle(engine, sampler, x, o, scales, est, noise);
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
  const scales = candidateScales(x);
  const noise = initialNoise(o, o.noiseRelative ? sampler.at(x) : NaN);
  const est = runNow(engine, sampler, x, o, scales, startKind(o), noise, true, o.method === "auto");
  const n = needsNoiseCheck(est, o) ? noiseCheckPoints(engine, x, o.order, scales[0]) : 0;
  if (n > 0) {
    sampler.prepare(engine.checkPoints, n, true, engine.checkValues);
    checkNoise(engine, sampler.complete(n, true, engine.checkValues), n, o.order, est);
  }
  if (plainEnding(est, o)) return plainResult(est);
  return runSync(settle(engine, sampler, x, o, scales, est, noise));
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
 * Whether the first estimate gets the noise check (a base stencil at a tiny step, see
 * NOISE_CHECK_SIGNAL): a quiet central column, without a given noise level or a tolerance.
 */
function needsNoiseCheck(est: Estimate, o: ResolvedOptions): boolean {
  const quiet = (est.flags & ~COLUMN_FLAG.budget) === 0 && Number.isFinite(est.error) && o.rtol === 0;
  return quiet && o.noise === 0 && est.kind === "central";
}

/**
 * Whether the estimate (after the noise check) is the result as it stands, status "ok": nothing
 * noticed (noise, a kink, a jump, a spent budget, a pole), no noise level given, an error estimate, an
 * odd order and a finite value (else {@link settle} may need f(x)).
 */
function plainEnding(est: Estimate, o: ResolvedOptions): boolean {
  return (
    est.flags === 0 &&
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
 * The pipeline after its first estimate and the noise check, when it is not a plain ending: the noise
 * tables, the one-sided test and the pole check, each only when the estimate calls for it.
 */
function* settle(
  engine: ScalarEngine,
  sampler: Sampler,
  x: number,
  o: ResolvedOptions,
  scales: readonly number[],
  first: Estimate,
  given: number,
): Pipeline<Omit<DerivativeResult, "evaluations">> {
  const start = startKind(o);
  const canSwitch = o.method === "auto";
  let est = first;
  let noise = given;
  let noiseUsed = o.noise > 0 ? noise : undefined;
  let status: DerivativeResult["status"] = "ok";
  if ((est.flags & COLUMN_FLAG.noisy) !== 0 && o.noise === 0) {
    const level = yield* probeNoise(sampler, x, est.noisyStep);
    if (level > NOISE_FLOOR * F_ROUNDING * EPS * Math.abs(yield* sampler.one(x))) {
      noise = level;
      noiseUsed = level;
      est = yield* run(engine, sampler, x, o, scales, start, noise, true, canSwitch);
    } else est = yield* run(engine, sampler, x, o, scales, start, noise, false, canSwitch);
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
  const suspicious =
    (est.flags & (COLUMN_FLAG.kink | COLUMN_FLAG.diverging)) !== 0 || Number.isNaN(est.error);
  if (suspicious && est.kind === "central" && (est.flags & COLUMN_FLAG.budget) === 0) {
    const side = (s: Estimate): SideEstimate => ({
      value: s.value,
      error: s.error,
      diverging: (s.flags & COLUMN_FLAG.diverging) !== 0,
    });
    const backward = side(yield* run(engine, sampler, x, o, scales, "backward", noise, true, false));
    const verdict = compareSides(
      backward,
      side(yield* run(engine, sampler, x, o, scales, "forward", noise, true, false)),
    );
    if (verdict !== null) result = { ...result, ...verdict };
  }
  if ((est.flags & COLUMN_FLAG.budget) !== 0 && result.status === "ok") result.status = "max-evaluations";
  if (noiseUsed !== undefined) result.noise = noiseUsed;
  // A pole (f(x) infinite: 1/x at 0, 1/(x−1)² at 1) has no derivative, whatever the differences say;
  // f(x) NaN may be a removable singularity (sin(x)/x at 0), whose derivative the differences find.
  // f(x) costs a call only where the stencils did not need it and the even part grew.
  // No error estimate means no convergence: with f not finite at x, the last difference means nothing.
  const unknown = Number.isNaN(result.error);
  const mayBePole =
    o.order % 2 === 0 || (est.flags & COLUMN_FLAG.pole) !== 0 || !Number.isFinite(result.value) || unknown;
  if (result.status === "ok" && mayBePole) {
    const fx = yield* sampler.one(x);
    const pole = fx === Infinity || fx === -Infinity || (unknown && !Number.isFinite(fx));
    if (!Number.isFinite(result.value) || pole) {
      return { ...result, value: NaN, error: Infinity, status: "not-finite" };
    }
  }
  return result;
}

/**
 * The first part of {@link run} and {@link runNow}: the column's noise level, kept estimates cleared,
 * every component pending; returns the engine's column spec.
 */
function beginRun(
  engine: ScalarEngine,
  x: number,
  o: ResolvedOptions,
  kind: StencilKind,
  level: number,
  stopOnNoise: boolean,
  canSwitch: boolean,
): ColumnSpec {
  const { state, kept, spec } = engine;
  // The model needs a bound on each value's noise, the tables give its standard deviation.
  state.noise[0] = NOISE_COVERAGE * level;
  kept.clear();
  state.activateAll();
  spec.x = x;
  spec.order = o.order;
  spec.start = kind;
  spec.canSwitch = canSwitch;
  spec.stopOnNoise = stopOnNoise;
  spec.rtol = o.rtol;
  spec.atol = o.atol;
  beginScales(state, kept);
  return spec;
}

/** The spec of the column at scale i. */
function setScale(
  spec: ColumnSpec,
  o: ResolvedOptions,
  scales: readonly number[],
  i: number,
  used: number,
): void {
  spec.scale = scales[i];
  spec.probeOnly = i > 0;
  spec.firstStep = o.rtol > 0 ? scales[i] * toleranceStep(o.order, o.rtol) : undefined;
  spec.budget = o.maxEvaluations - used;
}

/** The kept estimate of the engine (of a run with the given stencil kind). */
function keptEstimate(kept: KeptEstimates, kind: StencilKind): Estimate {
  return {
    value: kept.value[0],
    error: kept.error[0],
    step: kept.step[0],
    kind: Number.isFinite(kept.value[0]) ? kindOf(kept.kind[0]) : kind,
    flags: kept.flags[0],
    noisyStep: kept.noisyStep[0],
  };
}

/**
 * The kept estimate over the scales of x, with the given stencil kind and noise level (keepScale's
 * tolerance is `o` itself: rtol and atol 0 mean none).
 */
function* run(
  engine: ScalarEngine,
  sampler: Sampler,
  x: number,
  o: ResolvedOptions,
  scales: readonly number[],
  kind: StencilKind,
  level: number,
  stopOnNoise: boolean,
  canSwitch: boolean,
): Pipeline<Estimate> {
  const { state, driver, kept } = engine;
  const spec = beginRun(engine, x, o, kind, level, stopOnNoise, canSwitch);
  for (let i = 0; i < scales.length && nextScale(state, kept); i++) {
    setScale(spec, o, scales, i, sampler.evaluations);
    yield* columnSteps(driver, sampler, spec);
    keepScale(state, kept, i, undefined, o);
  }
  return keptEstimate(kept, kind);
}

/** {@link run} for a sampler that calls a sync f itself: the same steps without a generator. */
function runNow(
  engine: ScalarEngine,
  sampler: Sampler,
  x: number,
  o: ResolvedOptions,
  scales: readonly number[],
  kind: StencilKind,
  level: number,
  stopOnNoise: boolean,
  canSwitch: boolean,
): Estimate {
  const { state, driver, kept } = engine;
  const spec = beginRun(engine, x, o, kind, level, stopOnNoise, canSwitch);
  for (let i = 0; i < scales.length && nextScale(state, kept); i++) {
    setScale(spec, o, scales, i, sampler.evaluations);
    columnNow(driver, sampler, spec);
    keepScale(state, kept, i, undefined, o);
  }
  return keptEstimate(kept, kind);
}

/**
 * The noise level of f at x from a table of NOISE_POINTS values (noise.ts) spaced 1/NOISE_PROBE_SPLIT
 * of the step where the column noticed noise, widened by NOISE_PROBE_SPLIT (up to NOISE_PROBE_RETRIES
 * times) while its values are too few to tell (float32 at a tiny spacing). A second table
 * 1/NOISE_PROBE_SPLIT as wide checks it: noise does not depend on the spacing, while a smooth part
 * that was not resolved (cos(1000x) at steps of 0.01) shrinks like a power of it, so the level counts
 * only when the narrow table still wiggles at least level/NOISE_AGREEMENT, or not at all (quantised).
 * Returns 0 when there is no noise to speak of.
 */
function* probeNoise(sampler: Sampler, x: number, noisyStep: number): Pipeline<number> {
  // At most NOISE_MAX_SPACING: wider tables can alias a periodic f (sin at 1e5 with steps of 1e3).
  let delta = Math.min(noisyStep / NOISE_PROBE_SPLIT, NOISE_MAX_SPACING);
  let wide = yield* noiseAt(sampler, x, delta);
  for (let i = 0; i < NOISE_PROBE_RETRIES && wide.verdict === "too-small"; i++) {
    delta *= NOISE_PROBE_SPLIT;
    wide = yield* noiseAt(sampler, x, delta);
  }
  if (wide.verdict !== "ok") return 0;
  const narrow = yield* noiseAt(sampler, x, delta / NOISE_PROBE_SPLIT);
  // Quantised values (float32) may step so evenly at a fine spacing that every high difference is 0.
  const flat = narrow.verdict === "too-small" || narrow.largest === 0;
  if (flat || narrow.largest >= wide.level / NOISE_AGREEMENT) return wide.level;
  return 0;
}

/** One noise table centred at x with spacing delta (one-sided points are not tried: none when f is not finite). */
function* noiseAt(sampler: Sampler, x: number, delta: number): Pipeline<NoiseEstimate> {
  const values = new Float64Array(NOISE_POINTS);
  const points = new Float64Array(NOISE_POINTS);
  const d = representableStep(x, delta);
  const half = (NOISE_POINTS - 1) / 2;
  for (let i = 0; i < NOISE_POINTS; i++) points[i] = x + (i - half) * d;
  yield* sampler.fetch(points, NOISE_POINTS, false, values);
  if (!(d > 0) || !values.every(Number.isFinite)) return { level: NaN, verdict: "too-large", largest: NaN };
  return noiseFromTable(values);
}

/**
 * The step of the noise check (see NOISE_CHECK_SIGNAL): EPS^(1/(n+2)) of the scale, as a power of two,
 * divided by NOISE_CHECK_SHRINK.
 *
 * @example
 * ```ts
 * noiseCheckStep(1, 1); // 2^-21 ≈ 4.8e-7
 * ```
 */
export function noiseCheckStep(order: number, scale: number): number {
  return scale * (CHECK_STEPS[order] ??= 2 ** Math.round(Math.log2(EPS) / (order + 2)) / NOISE_CHECK_SHRINK);
}

/** noiseCheckStep at scale 1, per order, computed once. */
const CHECK_STEPS: number[] = [];

/**
 * The points of the noise check (the base central stencil at `step`) in the engine's checkPoints;
 * returns how many, 0 when the step vanishes beside x.
 */
function noiseCheckPoints(engine: ScalarEngine, x: number, order: number, scale: number): number {
  const step = noiseCheckStep(order, scale);
  engine.checkStep = step;
  const st = stencilArrays("central", order);
  const h = representableStep(x, step);
  if (!(h > 0)) return 0;
  const n = st.offsets.length;
  const points = engine.checkPoints; // the engine's own: pipelines in lockstep never share them
  for (let q = 0; q < n; q++) points[q] = x + st.offsets[q] * h;
  engine.checkH = h;
  return n;
}

/**
 * Marks the estimate noisy (where the column tables will look for the noise: NOISE_PROBE_SPLIT² times
 * the check step) when the noise check's values (`got` of n in the engine's checkValues) disagree
 * with it by more than rounding.
 */
function checkNoise(engine: ScalarEngine, got: number, n: number, order: number, est: Estimate): void {
  if (noisyAt(engine, got, n, order, est)) {
    est.flags |= COLUMN_FLAG.noisy;
    est.noisyStep = engine.checkStep * NOISE_PROBE_SPLIT * NOISE_PROBE_SPLIT;
  }
}

/** Whether the base stencil at the check step disagrees with the estimate by more than rounding. */
function noisyAt(engine: ScalarEngine, got: number, n: number, order: number, est: Estimate): boolean {
  const values = engine.checkValues;
  if (got < n || !Number.isFinite(values[n - 1])) return false;
  const st = stencilArrays("central", order);
  const h = engine.checkH;
  let sum = 0;
  let size = 0;
  for (let q = 0; q < n; q++) {
    const v = values[q];
    sum += st.weights[q] * v;
    size += Math.abs(st.weights[q] * v);
  }
  const d = divideByPower(sum, h, order);
  const rounding = divideByPower(F_ROUNDING * EPS * size, h, order);
  return Math.abs(d - est.value) > NOISE_CHECK_SIGNAL * rounding + est.error;
}
