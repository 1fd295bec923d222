/**
 * The scalar engine's state, kept between derivative() calls, and its runs: the kept estimate over
 * the scales of x (best-of-scales.ts) of the column (driver.ts), as a pipeline (`run`) and, for a sync
 * f, as a plain loop (`runNow`) that takes the same steps.
 */

import { beginScales, KeptEstimates, keepScale, nextScale } from "./best-of-scales.js";
import { ColumnState } from "./column-state.js";
import { INITIAL_STEP, NOISE_COVERAGE } from "./constants.js";
import { ColumnDriver, MAX_POINTS, type ColumnSpec } from "./driver.js";
import { columnNow, columnSteps } from "./column-steps.js";
import type { Pipeline, Sampler } from "./sampler.js";
import type { StencilKind } from "./types.js";
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

/**
 * One estimate of the pipeline (the kept one of a set of scales).
 *
 * @example
 * ```ts
 * const est: Estimate = { value: 1, error: 1e-15, step: 0.03125, kind: "central", flags: 0, noisyStep: NaN };
 * ```
 */
export interface Estimate {
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
 * tolerance is `o` itself: rtol and atol 0 mean none), as a pipeline (see sampler.ts).
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * import { Sampler } from "./sampler.js";
 * import { runSync } from "./column-steps.js";
 * const o = resolveOptions(undefined, 1);
 * runSync(run(new ScalarEngine(), new Sampler(Math.exp), 1, o, [1], "central", 0, true, true)).value;
 * // 2.718281828459…
 * ```
 */
export function* run(
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

/**
 * {@link run} for a sampler that calls a sync f itself: the same steps without a generator.
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * import { Sampler } from "./sampler.js";
 * const o = resolveOptions(undefined, 1);
 * runNow(new ScalarEngine(), new Sampler(Math.exp), 1, o, [1], "central", 0, true, true).value; // as run
 * ```
 */
export function runNow(
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
