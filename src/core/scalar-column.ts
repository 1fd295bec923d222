/**
 * The scalar engine's state, kept between derivative() calls, and its runs: the kept estimate over
 * the scales of x (best-of-scales.ts) of the column (driver.ts), as a pipeline (`run`) and, for a sync
 * f, as a plain loop (`runNow`) that takes the same steps.
 */

import { beginScales, KeptEstimates, keepScale, nextScale } from "./best-of-scales.js";
import { COLUMN_FLAG, ColumnState } from "./column-state.js";
import { INITIAL_STEP, NOISE_COVERAGE } from "./constants.js";
import { ColumnDriver, columnSpec, MAX_POINTS, type ColumnSpec } from "./driver.js";
import { columnNow, columnSteps } from "./column-steps.js";
import type { Pipeline, Sampler } from "./sampler.js";
import type { StencilKind } from "./types.js";
import { candidateScales } from "./step.js";
import { heldToProbe } from "./unconfirmed-scale.js";
import { firstOrderProbeError } from "./first-order-probe.js";
import { EVEN_ROWS, longStepsMissed, PROBE_SPREAD_ORDER } from "./long-steps.js";
import { stencilArrays } from "./base-stencil.js";
import { PairParts } from "./pair-parts.js";
import { resolveOptions, type ResolvedOptions } from "./validate.js";

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
  /** |noise check's difference − the first estimate| when the check disagreed (else NaN). */
  checkGap = NaN;
  /** The noise check's difference and its rounding model (NaN when there was no check). */
  checkD = NaN;
  checkRounding = NaN;
  /** Σ|wᵢ·f(xᵢ)| over the noise check's stencil: the size of f's values its rounding model reads. */
  checkSize = NaN;
  /**
   * The first noise check's excess (noise-check.ts, checkExcess) while a second check is due
   * (NOISE_RECHECK_GAP), else NaN.
   */
  recheckExcess = NaN;
  /** The spec of the engine's columns, rewritten by each (the driver reads it while it runs). */
  readonly spec: ColumnSpec = columnSpec();
  /** The derivative being computed (see {@link ScalarEngine.begin}): its point, options and scales. */
  x = 0;
  o: ResolvedOptions = resolveOptions(undefined);
  scales: readonly number[] = candidateScales(0);
  /**
   * Whether a run kept a kink or pole flag from a scale other than its estimate's (LOCAL_SHAPE_ORDER,
   * keepLocalShape): the estimate then skipped the noise check it would have had (side-checks.ts).
   */
  probeShape = false;
  /** The first step of the run under way when its spec gave one (RunSpec.firstStep), else NaN. */
  runStart = NaN;
  /** The even rows (long-steps.ts, EVEN_ROWS each) of the first scale's column, then the probe's. */
  readonly evenRows = new Float64Array(2 * EVEN_ROWS);
  /** The stencil pairs' parts (pair-parts.ts) of the column the kept estimate came from (keepPairs). */
  readonly keptPairs = new PairParts(1);
  /** At order 3, the odd parts of that column's pairs (ColumnDriver.oddParts). */
  readonly keptOdd = new PairParts(1);
  /**
   * Whether the odd parts of an order-3 or order-4 column, anchored at the noise check's pair, show
   * f″ jumping at x (odd-part-check.ts): the pipeline then asks for f″ at x (first-at-x.ts).
   */
  secondJumps = false;
  /**
   * Whether the two noise checks of a first derivative showed the same jump part (check-jump.ts,
   * jumpAtChecks): settle measures it at shorter steps first (jumpHolds).
   */
  checkJump = false;
  /**
   * The noise level that the rows of the first run's kept column imply by how they fit (row-misfit.ts,
   * misfitLevelAt; 0: none): jumps of f beside x that only its long rows straddle.
   */
  rowMisfit = 0;
  /**
   * The value, error and step of the newest probe (a later scale's column, shorter steps) that did not
   * give the kept estimate, NaN before one: what paired-sides.ts confirms a one-sided estimate to.
   */
  probeValue = NaN;
  /** The error of that probe ({@link probeValue}), NaN before one or where its column never settled. */
  probeError = NaN;
  /** The step of that probe ({@link probeValue}), NaN before one. */
  probeStep = NaN;

  /**
   * The jump of f′ at x that the rows' kink test read where it set the kink flag (even-kink.ts,
   * KINK_READ), or NaN: the one-sided columns are held to resolve it (side-checks.ts, finerSides).
   */
  evenJump = NaN;

  constructor() {
    this.state.tableau.watchMisfit = true;
  }

  /** Starts a derivative at x with resolved options: its scales of x (candidateScales). */
  begin(x: number, o: ResolvedOptions): this {
    this.x = x;
    this.o = o;
    this.scales = candidateScales(x);
    this.checkGap = NaN;
    this.checkD = NaN;
    this.probeShape = false;
    this.checkSize = NaN;
    this.recheckExcess = NaN;
    this.secondJumps = false;
    this.checkJump = false;
    this.rowMisfit = 0;
    this.probeValue = NaN;
    this.probeError = NaN;
    this.probeStep = NaN;
    this.evenJump = NaN;
    this.evenRows[3] = NaN; // no even rows until a column runs (even-kink.ts reads them)
    this.evenRows[EVEN_ROWS + 3] = NaN;
    return this;
  }
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
  /** The change of the row where the column noticed noise (NaN, or absent, when it did not). */
  noisyChange?: number;
  /**
   * The noise per row the central rows' even parts showed (KeptEstimates.evenShare, σ/h; 0 or absent:
   * none): a floor under the error where the noise tables cannot measure it; `evenLevel` is that row's σ.
   */
  evenShare?: number;
  evenLevel?: number;
  /** Noise per row the even parts showed with no root of f at x (KeptEstimates.quietShare; quiet-noise.ts). */
  quietShare?: number;
  quietSigma?: number;
  /** The same of rows whose σ fell between the h⁴ and h⁶ laws (KeptEstimates.bandShare; quiet-noise.ts). */
  bandShare?: number;
  bandSigma?: number;
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
 * How a run of the scalar column goes: its stencil kind, the noise level of f's values (absolute; 0
 * for rounding only), whether it ends a component whose changes grow like noise, and whether a
 * central stencil may go one-sided at a domain edge.
 *
 * @example
 * ```ts
 * const how: RunSpec = { kind: "central", level: 0, stopOnNoise: true, canSwitch: true };
 * ```
 */
export interface RunSpec {
  kind: StencilKind;
  level: number;
  stopOnNoise: boolean;
  canSwitch: boolean;
  /**
   * The first step, at the first scale only (absent: each scale's own first step). One-sided runs after
   * a column that ran on to settle far below its first steps start there (scalar-engine.ts).
   */
  firstStep?: number;
  /** Flag noise the rows' even parts show (driver.ts, measureNoise): the first run's. */
  evenNoise?: boolean;
  /**
   * A one-sided column held to every power of h (driver.ts, ColumnSpec.allPowers) even when the caller
   * did not ask for its method (absent: only then). A side that stands in for the result is; so is the
   * other side of a one-sided derivative (other-side.ts) where it gives the interval of a disagreement.
   */
  allPowers?: boolean;
}

/**
 * The first part of {@link run} and {@link runNow}: the column's noise level, kept estimates cleared,
 * every component pending; returns the engine's column spec.
 */
function beginRun(engine: ScalarEngine, how: RunSpec): ColumnSpec {
  const { state, kept, spec, o } = engine;
  // The model needs a bound on each value's noise, the tables give its standard deviation.
  state.noise[0] = NOISE_COVERAGE * how.level;
  kept.clear();
  state.activateAll();
  spec.x = engine.x;
  spec.order = o.order;
  spec.start = how.kind;
  spec.allPowers = how.allPowers ?? how.kind === o.method;
  spec.canSwitch = how.canSwitch;
  spec.stopOnNoise = how.stopOnNoise;
  spec.kinkRows = true;
  // f's noise read from the even parts of a central first derivative's rows (even-noise.ts): where no
  // level is known, relative noise at a root of f puts about ε·|f′| into every row, and the rows' changes
  // can hide it.
  spec.evenNoise = how.evenNoise === true && how.kind === "central" && o.order === 1 && how.level === 0;
  spec.rtol = o.rtol;
  spec.atol = o.atol;
  engine.runStart = how.firstStep ?? NaN;
  beginScales(state, kept);
  return spec;
}

/**
 * The loop step of {@link run} and {@link runNow}: keeps the better of the kept estimate and the column
 * just run (at scale i − 1, if any), then readies the column at scale i; false when no scale is left
 * or no component needs one.
 */
function nextRunScale(engine: ScalarEngine, sampler: Sampler, i: number): boolean {
  const { state, kept, spec, o, scales } = engine;
  if (i > 0) {
    const flagsBefore = kept.flags[0];
    const stepBefore = kept.step[0];
    // A pole or a jump that the shorter steps of a probe saw counts, kept or not: beside a large smooth
    // part the longer steps of the first scale may not resolve it (t³ − 2t + 0.6/(t − c)² at c = −1903:
    // the pole's even part cancels in the central difference, which gave 3c² − 2 ± 4e-7, ok; cos t +
    // 1.4e-5·sign(t − c) at c = −78.2 gave 0.3305 ± 3e-4, ok, from steps of 0.15).
    const flags = i > 1 ? state.flags[0] : 0;
    // A column its budget ended (kept or not) stopped work that might have changed the result.
    if ((state.flags[0] & COLUMN_FLAG.budget) !== 0) sampler.short = true;
    const even = spec.start === "central" && o.order % 2 === 1 && i <= 2;
    if (even) evenRowsOf(engine, (i - 1) * EVEN_ROWS);
    keepScale(state, kept, i - 1, undefined, o, false, o.order >= 2);
    if (spec.evenNoise) keepMisfit(engine, i);
    keepPairs(engine, i);
    // (Not the sides that derivative() compares at a kink, whose long steps are what tells a kink.)
    if (i > 1 && (spec.start === "central" || spec.start === o.method)) {
      const weightSum = stencilArrays(kindOf(kept.kind[0]), o.order).weightSum;
      heldToProbe(state, kept, o.order, weightSum);
      if (state.step[0] < kept.step[0]) keepProbe(engine);
      if (state.kind[0] === 0 && kept.kind[0] === 0) heldToFirstOrder(state, kept);
    }
    if (even && i === 2) heldToEvenParts(engine);
    kept.flags[0] |= probeFlags(flags);
    if (o.order >= LOCAL_SHAPE_ORDER && keepLocalShape(state, kept, flagsBefore, stepBefore))
      engine.probeShape = true;
    // A jump that a one-sided column the caller asked for confirmed on its side at a later scale
    // (driver.ts, troubleEnds) counts for the kept estimate too, whose steps stopped short of it (sin t
    // + 2.2e-6·sign t backward at 0: 0.9903 ± 9.5e-4 from the first scale, ok).
    if (spec.allPowers === true) kept.flags[0] |= state.flags[0] & COLUMN_FLAG.diverging;
  }
  const start = engine.runStart;
  if (!(i < scales.length && nextScale(state, kept)) || (i > 0 && start > 0)) return false;
  spec.scale = scales[i];
  spec.probeOnly = i > 0;
  spec.firstStep = start > 0 ? start : o.rtol > 0 ? scales[i] * toleranceStep(o.order, o.rtol) : undefined;
  return true;
}

/** The probe just run (its column's estimate) into engine.probeValue, probeError and probeStep. */
function keepProbe(engine: ScalarEngine): void {
  const { state } = engine;
  engine.probeValue = state.value[0];
  engine.probeError = state.error[0];
  engine.probeStep = state.step[0];
}

/**
 * The first run's rows misfit level (row-misfit.ts; ColumnState.misfit) of the column just run (scale i − 1) into
 * engine.rowMisfit where the kept estimate is that column's (a probe not kept leaves the level of the
 * column that is).
 */
function keepMisfit(engine: ScalarEngine, i: number): void {
  const { state, kept } = engine;
  if (i > 1 && !(kept.step[0] === state.step[0] && kept.value[0] === state.value[0])) return;
  if (state.kind[0] !== 0) {
    engine.rowMisfit = 0; // a column gone one-sided (an edge of f's domain): its rows are not central
    return;
  }
  engine.rowMisfit = state.misfit;
}

/**
 * The kept central estimate held to a probe whose central column converged like h (first-order-probe.ts);
 * nothing where the probe's estimate is the kept one.
 */
function heldToFirstOrder(state: ColumnState, kept: KeptEstimates): void {
  if (kept.step[0] === state.step[0] && kept.value[0] === state.value[0]) return;
  kept.error[0] = firstOrderProbeError(
    kept.value[0],
    kept.error[0],
    kept.step[0],
    kept.flags[0],
    state.value[0],
    state.error[0],
    state.step[0],
    state.flags[0],
  );
}

/**
 * Keeps the stencil pairs' parts (pair-parts.ts) of the richest column over the scales: after the
 * column of scale i − 1, its parts are copied aside when they are better than those kept (more rows
 * at halving steps, from three on; then the smaller steps, which see f nearer x), else the kept ones
 * are put back in the driver. Any column's odd parts are f's at x, whichever scale's estimate is kept;
 * the odd-part check (odd-part-check.ts) reads them against the noise check's pair. The last column
 * alone could have none: a probe at the unit scale that ended at once (log t at x = 0.0014: its first
 * step reaches t < 0), where the scale of |x| had four rows (log t + 3.53·max(0, t − x)² at x, order 2:
 * −516873 ± 3.9e-5, ok, where f″ is −516876 on the left and −516869 on the right).
 */
function keepPairs(engine: ScalarEngine, i: number): void {
  const pairs = engine.driver.pairParts;
  const saved = engine.keptPairs;
  if (pairs === null) {
    if (i === 1) saved.forget(0);
    return;
  }
  // At order 3 the odd parts are a history of their own, pushed with the pairs' (driver.ts).
  const odd = engine.driver.oddParts;
  const own = odd !== null && odd !== pairs;
  if (i === 1 || richer(pairs, saved)) {
    saved.copy(pairs, 0);
    if (own) engine.keptOdd.copy(odd, 0);
  } else {
    pairs.copy(saved, 0);
    if (own) odd.copy(engine.keptOdd, 0);
  }
}

/** Whether parts `a` are better than `b` for the odd-part check (see keepPairs). */
function richer(a: PairParts, b: PairParts): boolean {
  if (a.count[0] < 3) return false;
  return b.count[0] < a.count[0] || (b.count[0] === a.count[0] && a.step[0] < b.step[0]);
}

/**
 * The even rows (long-steps.ts) of the column just run into engine.evenRows at `at`: the even parts
 * of its last three rows (driver.ts, kinkTest), their steps (NaN where it had fewer) and the newest
 * row's Σ|w|·|f|.
 */
function evenRowsOf(engine: ScalarEngine, at: number): void {
  const { state, evenRows } = engine;
  const rows = engine.driver.rowCount;
  evenRows[at] = state.even0[0];
  evenRows[at + 1] = state.even1[0];
  evenRows[at + 2] = state.even2[0];
  for (let r = 0; r < 3; r++) evenRows[at + 3 + r] = rows > r ? state.steps[rows - 1 - r] : NaN;
  evenRows[at + 6] = state.evenAbs[0];
}

/**
 * A kept estimate of the first scale (steps longer than the probe's) whose even parts extrapolate to
 * another f(x) than the probe's do (long-steps.ts, longStepsMissed): its steps straddled a feature the
 * probe's did not, and it is confirmed only to the probe's interval: its error reaches past it (as
 * unconfirmed-scale.ts's does). Only where both columns settled with an error and no flag.
 */
function heldToEvenParts(engine: ScalarEngine): void {
  const { state, kept, evenRows } = engine;
  if (!(kept.step[0] > state.step[0]) || kept.flags[0] !== 0 || state.flags[0] !== 0) return;
  if (!(Number.isFinite(state.error[0]) && Number.isFinite(kept.error[0]))) return;
  const long = evenRows.subarray(0, EVEN_ROWS);
  const probe = evenRows.subarray(EVEN_ROWS, 2 * EVEN_ROWS);
  // The probe's spread at order 1 only (long-steps.ts, PROBE_SPREAD_ORDER).
  const spread = engine.o.order <= PROBE_SPREAD_ORDER ? state.error[0] * state.step[0] : 0;
  if (!longStepsMissed(long, probe, spread)) return;
  const reach = Math.abs(state.value[0] - kept.value[0]) + state.error[0];
  if (reach > kept.error[0]) kept.error[0] = reach;
}

/**
 * The lowest order whose kept estimate keeps the kink or pole flag of a scale with smaller steps
 * (keepLocalShape): every order. At order 1 (since round 8) too: a gradient's term of another coordinate
 * sets f's rounding, and the scale of |x| settles with long steps whose last rows no longer show the kink
 * at x (sin t − 0.42·max(0, t − 3925) at 3925 beside a term of 1.6e9 gave −0.835008 ± 3.6e-5, ok, where
 * the slopes are −0.415 and −1.255; the unit scale saw the kink).
 *
 * @default 1
 * @example
 * ```ts
 * LOCAL_SHAPE_ORDER; // => 1
 * ```
 */
export const LOCAL_SHAPE_ORDER = 1;

/**
 * From order LOCAL_SHAPE_ORDER, a kink or pole flag of a scale whose steps ended below the kept
 * estimate's is kept with it, whichever scale the estimate came from: the smaller steps see f nearer x
 * (cos t + 0.003·|t − c| at c = −3.05, order 3: the steps of the scale |x| ended at 0.048, where cos's
 * s⁴ term still ruled the pair test, and the unit scale's, at 0.031, saw f′ jump; its flag was dropped
 * with its estimate. exp t + 0.04·(t − c)|t − c| beside a large f at c = −0.03, order 2: the scale of
 * |x| saw f″ jump and the unit scale's larger steps, whose estimate was kept, did not). There the flags
 * only call for checks (side-checks.ts), which a smooth f, never flagged, does not pay for. `flagsBefore`
 * and `stepBefore` are the kept estimate's before the column just run was weighed (keepScale); returns
 * whether a flag was added.
 */
function keepLocalShape(
  state: ColumnState,
  kept: KeptEstimates,
  flagsBefore: number,
  stepBefore: number,
): boolean {
  const SHAPE = COLUMN_FLAG.kink | COLUMN_FLAG.pole;
  const replaced = kept.step[0] === state.step[0] && kept.step[0] !== stepBefore;
  // The column just run, or the estimate it replaced, whichever had the smaller steps.
  const shape = replaced
    ? stepBefore < kept.step[0]
      ? flagsBefore & SHAPE
      : 0
    : state.step[0] < kept.step[0]
      ? state.flags[0] & SHAPE
      : 0;
  if (shape === 0 || (kept.flags[0] & shape) === shape) return false;
  kept.flags[0] |= shape;
  return true;
}

/**
 * The flags a probe's column (a later scale) passes to the kept estimate whichever was kept:
 * `probePole` for its pole, and its jump (`diverging`).
 *
 * @example
 * ```ts
 * import { COLUMN_FLAG } from "./column-state.js";
 * probeFlags(COLUMN_FLAG.pole | COLUMN_FLAG.noisy); // => COLUMN_FLAG.probePole
 * ```
 */
export function probeFlags(flags: number): number {
  return ((flags & COLUMN_FLAG.pole) !== 0 ? COLUMN_FLAG.probePole : 0) | (flags & COLUMN_FLAG.diverging);
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
    noisyChange: kept.noisyChange[0],
    evenShare: kept.evenShare[0],
    evenLevel: kept.evenLevel[0],
    quietShare: kept.quietShare[0],
    quietSigma: kept.quietSigma[0],
    bandShare: kept.bandShare[0],
    bandSigma: kept.bandSigma[0],
  };
}

/**
 * The kept estimate over the engine's scales of x (see {@link ScalarEngine.begin}) of a column run as
 * `how` says (keepScale's tolerance is the options themselves: rtol and atol 0 mean none), as a
 * pipeline (see sampler.ts).
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * import { Sampler } from "./sampler.js";
 * import { runSync } from "./column-steps.js";
 * const engine = new ScalarEngine().begin(1, resolveOptions(undefined, 1));
 * const how = { kind: "central", level: 0, stopOnNoise: true, canSwitch: true } as const;
 * runSync(run(engine, new Sampler(Math.exp), how)).value; // 2.718281828459…
 * ```
 */
export function* run(engine: ScalarEngine, sampler: Sampler, how: RunSpec): Pipeline<Estimate> {
  const spec = beginRun(engine, how);
  for (let i = 0; nextRunScale(engine, sampler, i); i++) yield* columnSteps(engine.driver, sampler, spec);
  return keptEstimate(engine.kept, how.kind);
}

/**
 * {@link run} for a sampler that calls a sync f itself: the same steps without a generator.
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * import { Sampler } from "./sampler.js";
 * const engine = new ScalarEngine().begin(1, resolveOptions(undefined, 1));
 * const how = { kind: "central", level: 0, stopOnNoise: true, canSwitch: true } as const;
 * runNow(engine, new Sampler(Math.exp), how).value; // 2.718281828459…, as run
 * ```
 */
export function runNow(engine: ScalarEngine, sampler: Sampler, how: RunSpec): Estimate {
  const spec = beginRun(engine, how);
  for (let i = 0; nextRunScale(engine, sampler, i); i++) columnNow(engine.driver, sampler, spec);
  return keptEstimate(engine.kept, how.kind);
}

/**
 * The first run of derivative()'s pipeline: the stencil of the options (central for "auto", which may
 * then switch sides), stopping on noise, with noise of the given level in its error model.
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * firstRun(resolveOptions(undefined, 1), 0); // { kind: "central", level: 0, stopOnNoise: true, canSwitch: true }
 * ```
 */
export function firstRun(o: ResolvedOptions, level: number): RunSpec {
  return { kind: startKind(o), level, stopOnNoise: true, canSwitch: o.method === "auto" };
}

/** The stencil the pipeline starts with. */
function startKind(o: ResolvedOptions): StencilKind {
  return o.method === "auto" ? "central" : o.method;
}
