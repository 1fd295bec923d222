/**
 * The pipeline's checks for noise in f: the noise check of a quiet first estimate (one base stencil at
 * a tiny step, where truncation is far below rounding) and the noise tables (noise.ts) that measure
 * the level once noise showed.
 */

import { differenceGrid } from "./difference-grid.js";
import { COLUMN_FLAG } from "./column-state.js";
import {
  EPS,
  F_ROUNDING,
  NOISE_CHECK_SHRINK,
  NOISE_FLOOR,
  GROWTH_SHRINK,
  NOISE_CHECK_SIGNAL,
  CHECK_EXCESS_SCALE,
  GRID_NOISE_STEPS,
  NOISE_COVERAGE,
  NOISE_MAX_SPACING,
  NOISE_PROBE_RETRIES,
  NOISE_PROBE_SPLIT,
  NOISE_RECHECK_GAP,
  ONE_SIDED_CHECK_ORDER,
  SECOND_CHECK_RATIO,
} from "./constants.js";
import { stencilArrays } from "./base-stencil.js";
import {
  gridStep,
  NOISE_AGREEMENT,
  noiseFromTable,
  NOISE_POINTS,
  GRID_MIN_BITS,
  COARSE_BITS,
  significantBits,
  valueResolution,
  type NoiseEstimate,
} from "./noise.js";
import { centralStencil } from "./growth.js";
import { jumpAtChecks } from "./check-jump.js";
import { largestAtStencil, levelAtStencil } from "./level-reach.js";
import type { Pipeline, Sampler } from "./sampler.js";
import type { Estimate, ScalarEngine } from "./scalar-column.js";
import { divideByPower, representableStep } from "./step.js";
import type { StencilKind } from "./types.js";
import type { ResolvedOptions } from "./validate.js";

/**
 * Whether a second derivative's noise flag was raised only at steps longer than those of its estimate
 * (est.noisyStep > est.step; central, method "auto"). f's noise grows as the step shrinks, so a column
 * whose best estimate lies below the step where "noise" showed met something else there: the long
 * steps of the probe at the scale of |x| straddling a C1 join at x (sin t + 0.0019·huber at its join,
 * x = −46.6: noisy at 0.18 and at 47.7, estimate from 0.03), whose changes look irregular. The flag
 * then no longer skips the noise check and the odd-part check (odd-part-check.ts), which measure noise
 * and a jump of f″ at x directly: that f″ was 0.5133016 ± 4.3e-12, ok; now not-differentiable with
 * the sides 0.5142388 and 0.5123644. At other orders and for one-sided estimates the same rule made
 * ten cells of the honesty scan worse (orders 1 and 4, forward and backward jumps at x), so it stays at
 * order 2: Hessian c1 24 → 21 dishonest (11 → 9 confident), derivative order 2 jump at 1 → 0.
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * const est = { value: 0.51, error: 4e-12, step: 0.03, kind: "central" as const, flags: 4, noisyStep: 0.18 };
 * wideNoiseOnly(est, resolveOptions({ order: 2 })); // => true
 * ```
 */
export function wideNoiseOnly(est: Estimate, o: ResolvedOptions): boolean {
  return (
    (est.flags & COLUMN_FLAG.noisy) !== 0 &&
    est.noisyStep > est.step &&
    o.order === 2 &&
    est.kind === "central" &&
    o.method === "auto"
  );
}

/**
 * Whether the first estimate gets the noise check (a base stencil at a tiny step, see
 * NOISE_CHECK_SIGNAL): a quiet central column, or a quiet one-sided column the caller asked for
 * (method "forward" or "backward": its check is one-sided too) up to ONE_SIDED_CHECK_ORDER, without a
 * given noise level or a tolerance.
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * needsNoiseCheck({ value: 1, error: 1e-15, step: 0.03, kind: "central", flags: 0, noisyStep: NaN }, resolveOptions(undefined)); // true
 * ```
 */
export function needsNoiseCheck(est: Estimate, o: ResolvedOptions): boolean {
  // The pole flags alone (an even part that did not settle: noise makes one too) keep the check, as
  // does a first-order tail that the sides did not improve on (first-order.ts), and at order 2 a noise
  // flag raised only at steps longer than the estimate's (wideNoiseOnly).
  const ignored = COLUMN_FLAG.budget | COLUMN_FLAG.pole | COLUMN_FLAG.probePole | COLUMN_FLAG.firstOrder;
  const quiet =
    (est.flags & ~(ignored | (wideNoiseOnly(est, o) ? COLUMN_FLAG.noisy : 0))) === 0 &&
    Number.isFinite(est.error) &&
    o.rtol === 0;
  const oneSided = est.kind === o.method && o.order <= ONE_SIDED_CHECK_ORDER;
  return quiet && o.noise === 0 && (est.kind === "central" || oneSided);
}

/**
 * The step of the noise check (see NOISE_CHECK_SIGNAL): EPS^(1/(n+2)) of the scale, as a power of two,
 * divided by NOISE_CHECK_SHRINK. Where the truncation error c·h² of a central stencil meets its
 * rounding EPS/hⁿ, h ≈ EPS^(1/(n+2)); NOISE_CHECK_SHRINK below it rounding dominates.
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
 * The step of a one-sided noise check: as {@link noiseCheckStep} for a stencil of truncation order 1,
 * EPS^(1/(n+1)) of the scale (where c·h meets EPS/hⁿ), as a power of two, divided by NOISE_CHECK_SHRINK.
 * At the central check's step a forward difference's truncation, f″·h/2 ≈ 2.4e-7·f″ for f′, would
 * be taken for noise.
 *
 * @example
 * ```ts
 * oneSidedCheckStep(1, 1); // 2^-30 ≈ 9.3e-10
 * ```
 */
export function oneSidedCheckStep(order: number, scale: number): number {
  return (
    scale *
    (ONE_SIDED_CHECK_STEPS[order] ??= 2 ** Math.round(Math.log2(EPS) / (order + 1)) / NOISE_CHECK_SHRINK)
  );
}

/** oneSidedCheckStep at scale 1, per order, computed once. */
const ONE_SIDED_CHECK_STEPS: number[] = [];

/** The stencil of the engine's noise check: the one-sided kind the caller asked for, else central. */
function checkKind(engine: ScalarEngine): StencilKind {
  const method = engine.o.method;
  return method === "forward" || method === "backward" ? method : "central";
}

/**
 * The points of the noise check (the base central stencil at noiseCheckStep(order, scale), or the
 * base one-sided stencil the caller asked for at oneSidedCheckStep(order, scale)), that step times
 * `ratio` (SECOND_CHECK_RATIO for the second check), in the engine's checkPoints; returns how many, 0
 * when the step vanishes beside x.
 *
 * @example
 * ```ts
 * import { ScalarEngine } from "./scalar-column.js";
 * noiseCheckPoints(new ScalarEngine(), 1, 1, 1); // => 2 (the points 1 ∓ 2^-21)
 * ```
 */
export function noiseCheckPoints(
  engine: ScalarEngine,
  x: number,
  order: number,
  scale: number,
  ratio = 1,
): number {
  const kind = checkKind(engine);
  const step = (kind === "central" ? noiseCheckStep(order, scale) : oneSidedCheckStep(order, scale)) * ratio;
  engine.checkStep = step;
  const st = stencilArrays(kind, order);
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
 * with it by more than NOISE_CHECK_SIGNAL times rounding; below that, scales its error by the excess
 * of the gap over what correct rounding allows (CHECK_EXCESS_SCALE).
 *
 * @example
 * ```ts
 * checkNoise(engine, got, n, 1, est); // est.flags has COLUMN_FLAG.noisy when the values disagree
 * ```
 */
export function checkNoise(engine: ScalarEngine, got: number, n: number, order: number, est: Estimate): void {
  engine.checkGap = NaN;
  engine.checkD = NaN;
  engine.recheckExcess = NaN;
  if (noisyAt(engine, got, n, order, est)) markNoisy(engine, est);
  else if (engine.checkGap - est.error > NOISE_RECHECK_GAP * engine.checkRounding) {
    // A gap noise might show by chance: a second check decides, the error scaled after it.
    engine.recheckExcess = checkExcess(est, engine.checkGap, engine.checkRounding);
  } else scaleByExcess(est, engine.checkGap, engine.checkRounding);
}

/**
 * The second noise check (see NOISE_RECHECK_GAP), once {@link checkNoise} left `engine.recheckExcess`
 * set: its values (`got` of n in the engine's checkValues, at SECOND_CHECK_RATIO of the first step)
 * held against the estimate as the first were. Marks the estimate noisy when they disagree by more than
 * NOISE_CHECK_SIGNAL times rounding; else scales its error by the larger excess of the two checks.
 *
 * @example
 * ```ts
 * if (engine.recheckExcess > 0) checkNoiseAgain(engine, got, n, 1, est);
 * ```
 */
export function checkNoiseAgain(
  engine: ScalarEngine,
  got: number,
  n: number,
  order: number,
  est: Estimate,
): void {
  const first = engine.recheckExcess;
  engine.recheckExcess = NaN;
  const [d1, r1] = [engine.checkD, engine.checkRounding];
  if (noisyAt(engine, got, n, order, est)) {
    markNoisy(engine, est);
    return;
  }
  if (order === 1 && checkKind(engine) === "central" && got === n) {
    // The two checks' differences less the slope's share agree far above rounding: a jump at x
    // (check-jump.ts), for the noise stage's tables to confirm.
    const h1 = representableStep(engine.x, engine.checkStep / SECOND_CHECK_RATIO);
    if (jumpAtChecks(d1, h1, engine.checkD, engine.checkH, est.value, r1)) {
      engine.checkJump = true;
      markNoisy(engine, est);
      return;
    }
  }
  const second = checkExcess(est, engine.checkGap, engine.checkRounding);
  const excess = second > first ? second : first;
  if (excess > 1) est.error *= excess;
}

/**
 * Below the noise signal, a check's gap beyond what correct rounding allows still scales the
 * estimate's error, by CHECK_EXCESS_SCALE times the gap beyond the error in units of the rounding.
 */
function scaleByExcess(est: Estimate, gap: number, rounding: number): void {
  const excess = checkExcess(est, gap, rounding);
  if (excess > 1) est.error *= excess;
}

/** Marks the estimate noisy, to be looked for NOISE_PROBE_SPLIT² times the check's step out. */
function markNoisy(engine: ScalarEngine, est: Estimate): void {
  est.flags |= COLUMN_FLAG.noisy;
  est.noisyStep = engine.checkStep * NOISE_PROBE_SPLIT * NOISE_PROBE_SPLIT;
}

/** The factor {@link scaleByExcess} scales by (when above 1). */
function checkExcess(est: Estimate, gap: number, rounding: number): number {
  return CHECK_EXCESS_SCALE * ((gap - est.error) / rounding);
}

/**
 * The estimate of a column run on past the "noise" the check showed (no level measured), held against
 * the check again: where the check's difference still misses it by more than NOISE_CHECK_SIGNAL times
 * its rounding, f's values carry noise of at least ε = gap·h_cⁿ/Σ|w| (see {@link unresolvedNoise}),
 * whose share at the estimate's step is added to its error, and ε is returned; below that, the error is
 * scaled as {@link checkNoise} scales it, and 0 is returned. Where the column itself saw the noise,
 * the check's stencil is measured first (2 calls for a first derivative). A float32 f's quantised differences can
 * agree by coincidence at two steps (f32(cos) at −1.7514: 0.98373556 ± 1.7e-14, off by 1.2e-7): the
 * check at a tiny step, where the grid shows, does not agree with them.
 *
 * @example
 * ```ts
 * yield* recheckNoise(engine, sampler, est, 1); // ε, with est.error grown by its share, or 0
 * ```
 *
 * Near a root of f (see nearRoot) the noise tables also look for noise that grows with the distance
 * from x, whose floor (NOISE_COVERAGE·perDistance, as settle-noise.ts adds it) the error takes too;
 * `probed` says the caller ran them already.
 */
export function* recheckNoise(
  engine: ScalarEngine,
  sampler: Sampler,
  est: Estimate,
  order: number,
  probed = false,
): Pipeline<number> {
  if (Number.isNaN(engine.checkD)) {
    // The column, not the check, saw the noise: the check's stencil is measured now.
    const n = noiseCheckPoints(engine, engine.x, order, engine.scales[0]);
    if (n === 0) return 0;
    noisyAt(engine, yield* sampler.fetch(engine.checkPoints, n, true, engine.checkValues), n, order, est);
    if (Number.isNaN(engine.checkD)) return 0;
  }
  const gap = Math.abs(engine.checkD - est.value);
  if (!(gap > 0) || !Number.isFinite(est.error)) return 0;
  if (gap > NOISE_CHECK_SIGNAL * engine.checkRounding + est.error) {
    const shown = unresolvedNoise(est, gap, engine.checkH, order);
    est.error = shown.error;
    if (!probed && nearRoot(est, order, engine.checkSize)) {
      // Noise of a fixed size puts less into the estimate's longer steps than into the check's; noise
      // relative to f's values, at a root of f, the same into both (atan t·(1 + 3e-14·noise) at 0 gave
      // 1 + 3.2e-14 ± 1.3e-15). The noise tables tell the two apart (probeNoise, `perDistance`).
      const seen: NoiseSeen = { rejected: 0, noiseLike: false, perDistance: 0, grid: 0 };
      const use = { narrowing: true, perDistance: true, top: true };
      yield* probeNoise(sampler, engine.x, engine.checkStep * NOISE_PROBE_SPLIT ** 2, seen, use);
      est.error += NOISE_COVERAGE * seen.perDistance;
    }
    if (order > 1) est.error += reachedShare(engine, sampler, est, order, shown.noise);
    return shown.noise;
  }
  scaleByExcess(est, gap, engine.checkRounding);
  return 0;
}

/**
 * The share at the estimate's step of the noise ε the check showed, beyond ε's own, where the
 * estimate's stencil reaches values of f far larger than the check's (level-reach.ts): noise relative
 * to f's values, at a root of f, is that much larger there. tanh t·(1 + 3.6e-14·noise) at 0, order 3,
 * showed ε = 1.3e-21 at the check's step of 2.4e-4 and gave −1.9999999987 ± 8.1e-11, noise-limited, for
 * −2; the estimate's stencil at 0.0078 reaches values 32 times larger. 0 where no value is larger
 * than LEVEL_REACH_GROWTH times the check's, or a point is unknown.
 */
function reachedShare(
  engine: ScalarEngine,
  sampler: Sampler,
  est: Estimate,
  order: number,
  noise: number,
): number {
  const size = largestAtStencil(sampler, engine.x, checkKind(engine), order, engine.checkStep);
  const reached = levelAtStencil(sampler, engine.x, est.kind, order, est.step, noise, size);
  return reached > noise ? noiseShare(est, reached - noise, order) : 0;
}

/** Whether the base stencil at the check step disagrees with the estimate by more than rounding. */
function noisyAt(engine: ScalarEngine, got: number, n: number, order: number, est: Estimate): boolean {
  const values = engine.checkValues;
  if (got < n || !Number.isFinite(values[n - 1])) return false;
  const st = stencilArrays(checkKind(engine), order);
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
  engine.checkD = d;
  engine.checkRounding = rounding;
  engine.checkSize = size;
  engine.checkGap = Math.abs(d - est.value);
  return engine.checkGap > NOISE_CHECK_SIGNAL * rounding + est.error;
}

/**
 * Whether a table's values are all distinct doubles of full precision (valueResolution 0: no coarser
 * grid under them), so that values stepping evenly are a line, not a grid's even steps.
 */
function distinctDoubles(values: Float64Array): boolean {
  return new Set(values).size === values.length && valueResolution(values) === 0;
}

/**
 * The noise level of f at x from a table of NOISE_POINTS values (noise.ts) spaced 1/NOISE_PROBE_SPLIT
 * of the step where the column noticed noise, widened by NOISE_PROBE_SPLIT (up to NOISE_PROBE_RETRIES
 * times) while its values are too few to tell (float32 at a tiny spacing). A second table
 * 1/NOISE_PROBE_SPLIT as wide checks it: noise does not depend on the spacing, while a smooth part
 * that was not resolved (cos(1000x) at steps of 0.01) shrinks like a power of it, so the level counts
 * only when the narrow table still wiggles at least level/NOISE_AGREEMENT, or not at all (quantised).
 * Returns 0 when there is no noise to speak of. A level the narrow table ruled out is left in
 * `seen.rejected`, for a column that then fails without it (scalar-engine.ts, settle), and
 * `seen.noiseLike` says whether it looked like noise all the same (a grid's step, or a narrow table that
 * shrank less than its spacing).
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * runSync(probeNoise(new Sampler((t) => t * t * (1 + 1e-8 * Math.sin(1e9 * t))), 1, 1e-3)); // ≈ 7e-9
 * ```
 */
export function* probeNoise(
  sampler: Sampler,
  x: number,
  noisyStep: number,
  seen: NoiseSeen = { rejected: 0, noiseLike: false, perDistance: 0, grid: 0 },
  use: ProbeUse = { narrowing: true, perDistance: true },
): Pipeline<number> {
  // At most NOISE_MAX_SPACING: wider tables can alias a periodic f (sin at 1e5 with steps of 1e3).
  let delta = Math.min(noisyStep / NOISE_PROBE_SPLIT, NOISE_MAX_SPACING);
  let wide = yield* noiseAt(sampler, x, delta);
  // f's grid: the finest last bits any table showed, or the largest step of a table below it if coarser.
  let bits = wide.resolution;
  let steps = wide.steps;
  for (let i = 0; i < NOISE_PROBE_RETRIES && wide.verdict === "too-small"; i++) {
    delta *= NOISE_PROBE_SPLIT;
    wide = yield* noiseAt(sampler, x, delta);
    bits = bits > 0 && wide.resolution > 0 ? Math.min(bits, wide.resolution) : bits || wide.resolution;
    steps = Math.max(steps, wide.steps);
  }
  // (A float32 term cancelled by a larger part steps f by its own grid: difference-grid.ts.)
  const terms =
    bits > 0 ? differenceGrid(sampler.knownValues(), wide.values[(wide.values.length - 1) >> 1]) : 0;
  const grid = bits > 0 ? Math.max(bits, steps, terms) : 0;
  seen.grid = grid > 0 ? yield* gridOffLattice(sampler, x, delta, grid, wide) : 0;
  if (grid === 0 && wide.largest === 0 && distinctDoubles(wide.values)) {
    // An exact line of full doubles may be a coarse grid's even steps beside a term that does not move
    // (a gradient's f32(softplus t) + 2.2 at 12: 1 ± 2e-10 where f′ = 0.99999386): its differences
    // from f(x) off the lattice show it.
    seen.offsetGrid = yield* gridOffLattice(sampler, x, delta, 0, wide, true);
  }
  if (seen.grid > 0) seen.unit = relativeUnit(wide.values);
  // Not above what double rounding of the table's own values explains (f(x) = 0 with values beside it,
  // sin at 0): the engine's rounding model, which reads the values at its stencil points, covers it.
  let floor = NOISE_FLOOR * F_ROUNDING * EPS * wide.magnitude;
  const wiggles = (wide.top ?? 0) > floor;
  if (use.narrowing && wide.verdict === "too-large" && wide.localised !== true && wiggles) {
    // A spacing so wide that the smooth part rules the low orders and leaves the noise too few to agree
    // (cos t·(1 + 1e-13·noise) at 246 with a spacing of 2⁻¹⁰: f⁗·δ⁴ ≈ 9e-13 over noise of 3e-14):
    // Moré and Wild's remedy, a narrower table, taken when it measures a level. Only where the highest
    // order still wiggles above rounding: there the noise outlasts a smooth part the longest (sin at
    // 1000, its column flagged by aliasing, has rounding alone there, and pays no table more).
    const narrower = yield* noiseAt(sampler, x, delta / NOISE_PROBE_SPLIT);
    if (narrower.verdict === "ok") {
      delta /= NOISE_PROBE_SPLIT;
      wide = narrower;
      floor = NOISE_FLOOR * F_ROUNDING * EPS * wide.magnitude;
    }
  }
  if (wide.verdict === "too-small" && wide.grid > floor) {
    // Still below the resolution of a coarse grid (float32): its step is the level of last resort.
    seen.rejected = GRID_NOISE_STEPS * wide.grid;
    seen.noiseLike = true;
  }
  if (wide.verdict === "too-large" && wide.localised !== true && wide.largest > floor) {
    // No level Moré and Wild's test accepts, but wiggles above rounding: kept as a last resort for a
    // column that then fails (a float32 f's second difference, whose grid steps are few per table).
    seen.rejected = wide.largest;
    seen.rejectedSize = wide.magnitude;
    seen.rejectedReach = ((NOISE_POINTS - 1) / 2) * wide.spacing;
  }
  if (wide.verdict !== "ok" || !(wide.level > floor)) return 0;
  let narrow = yield* noiseAt(sampler, x, delta / NOISE_PROBE_SPLIT);
  // A jump or a kink at x is one spike in both tables, whatever their spacing: not noise.
  if (wide.localised === true && narrow.localised === true) {
    seen.spikeAtX = true;
    seen.spikeReach = ((NOISE_POINTS - 1) / 2) * narrow.spacing;
    return 0;
  }
  if (wide.localised === true && narrow.verdict === "ok") {
    // A spike at x in the wide table only: a pole or a jump within a few spacings of x shows in the
    // narrow table too. Noise is there at every spacing; such a feature is gone from a narrower one.
    const finer = yield* noiseAt(sampler, x, delta / NOISE_PROBE_SPLIT ** 2);
    // (Also where it wiggles far less than the wide level, at f's rounding: a pole 7.2e-5 from x beside
    // a large f, whose narrow table still straddled it and read as noise of 391; the spacing 16 times
    // finer saw 0.13. Steps within that table's reach see f clear of the feature: `featureBelow`.)
    const quiet = finer.verdict === "ok" && finer.level < wide.level / NOISE_AGREEMENT;
    if (finer.verdict === "too-large" || quiet) narrow = finer;
    if (quiet) seen.featureBelow = ((NOISE_POINTS - 1) / 2) * (delta / NOISE_PROBE_SPLIT ** 2);
  }
  // Noise of the wide level puts about that much into every order of a narrow table's differences, so
  // a spike at x whose narrow table the smooth part rules at every order was a feature (a pole just
  // beyond the narrow table's reach), not noise.
  const smooth = wide.localised === true && narrow.verdict === "too-large";
  // Steps within the narrow table's reach see f clear of that feature (settle-noise.ts, nearerThanFeature).
  if (smooth && seen.featureBelow === undefined)
    seen.featureBelow = ((NOISE_POINTS - 1) / 2) * narrow.spacing;
  // Quantised values (float32) may step so evenly at a fine spacing that every high difference is 0;
  // not a spike's narrow table that is a line of distinct doubles (a kink beside x in the wide table
  // only: max(0, t + 3 + 1e-5) at −3 read as noise of 1.3e-5, then not-differentiable for f′ = 1).
  const line = smooth && narrow.largest === 0 && distinctDoubles(narrow.values);
  // A spike at x in the wide table and, in the narrow one, one change of slope between two lines of
  // distinct values (not a grid's even steps): a kink beside x, not noise (2t + max(0, t − 0.5 + 3e-7)
  // at 0.5 read as noise of 1.9e-7, then not-differentiable for f′ = 3).
  // So is one bend in the wide table off x where the narrow one is an exact line (at 1000 with the kink
  // 1e-3 from x).
  // (First derivatives only, where the sides settle the kink; `use.top`.)
  if (use.top === true && beside(wide, narrow)) return 0;
  const flat = narrow.verdict === "too-small" || (narrow.largest === 0 && !line);
  // Wiggles that shrank as the spacing did: noise whose size grows with the distance from x (relative
  // noise at a root of f: sin t·(1 + ε·noise) at 0), of about level/δ per unit of distance. Told by
  // the two levels, before the narrow table's largest σ_k: f″'s share of its second differences
  // (log t at 1: 9e-14 at a spacing of 5e-7) may exceed the narrow level and pass for noise.
  const shrink = wide.level / narrow.level;
  const proportional =
    shrink > NOISE_PROBE_SPLIT / PROPORTIONAL_BAND && shrink < NOISE_PROBE_SPLIT * PROPORTIONAL_BAND;
  // (Not on a coarse grid: a float32 f's rounding, partly resolved, can shrink so by chance.)
  const perDistance = narrow.verdict === "ok" && proportional && Number.isNaN(wide.grid);
  // What the narrow table holds of the wide level: its highest order's σ (or its level), where noise
  // outlasts a smooth part the longest (the largest σ_k may be f″'s or f‴'s: a pole 1.2e-5 from x, whose
  // wide table read as noise of 2e9, kept 2.8e9 in a narrow table's low orders, 1e8 in its highest).
  // At every order: the largest σ_k held the smooth part of a narrow table clear of a join of f″ that
  // the wide one straddled (tanh t − 0.0029·(t − c)|t − c| at c + 9.1e-4, order 2: a level of 4.3e-10
  // confirmed by a narrow σ₂ of 1.9e-10 where its σ₆ was 5.5e-18, and f″ = 0.13215 ± 6.2e-5,
  // noise-limited, from steps straddling the join, for 0.12647).
  const holds = smooth ? 0 : Math.max(narrow.top ?? 0, narrow.verdict === "ok" ? narrow.level : 0);
  const first = use.perDistance && perDistance;
  if (flat || (!first && holds >= wide.level / NOISE_AGREEMENT)) {
    seen.size = wide.magnitude;
    seen.reach = ((NOISE_POINTS - 1) / 2) * wide.spacing;
    return wide.level;
  }
  seen.rejected = wide.level;
  seen.rejectedSize = wide.magnitude;
  seen.rejectedReach = ((NOISE_POINTS - 1) / 2) * wide.spacing;
  if (perDistance) seen.perDistance = wide.level / delta;
  // Wiggles that shrank less than the spacing did are not a smooth part (which shrinks like a power of
  // it), nor are wiggles of a grid step or more on a coarse grid: a float32 f, its grid partly resolved
  // (f32(cos(f32(x))) at 1.63: values on a grid of 3.7e-9, rounded x moving them by 4.4e-8).
  seen.noiseLike = narrow.largest * NOISE_PROBE_SPLIT >= wide.level || wide.level >= wide.grid;
  if (!seen.noiseLike) seen.smoothBelow = ((NOISE_POINTS - 1) / 2) * narrow.spacing;
  return 0;
}

/** Whether two tables show a kink beside x (see probeNoise), not noise. */
function beside(
  wide: NoiseEstimate & { values: Float64Array },
  narrow: NoiseEstimate & { values: Float64Array },
): boolean {
  if (wide.localised === true && narrow.verdict === "too-small") return oneBend(narrow.values);
  if (narrow.largest === 0 && distinctDoubles(narrow.values) && oneBend(wide.values)) return true;
  // A step off the middle of the wide table where the narrow one is below resolution or a line: a
  // jump beside x (sign(t − 1e-6) + sin t at 0 read as noise of 0.44: 75.7 ± 168, noise-limited).
  return (narrow.verdict === "too-small" || narrow.largest === 0) && oneStep(wide.values);
}

/**
 * Whether a table's values are distinct and its second differences within rounding of 0 but for two
 * side by side of opposite signs and about equal size, off the middle: one step J between two points
 * of a line (J and −J), at least STEP_SHARE times the table's median first difference, where a grid's
 * steps are a share of it.
 */
function oneStep(values: Float64Array): boolean {
  if (new Set(values).size !== values.length) return false;
  const len = values.length - 2;
  const d2 = new Float64Array(len);
  const d1 = new Float64Array(values.length - 1);
  let size = 0;
  for (const v of values) size = Math.max(size, Math.abs(v));
  for (let i = 0; i + 1 < values.length; i++) d1[i] = Math.abs(values[i + 1] - values[i]);
  for (let i = 0; i < len; i++) d2[i] = values[i + 2] - 2 * values[i + 1] + values[i];
  const floor = NOISE_FLOOR * F_ROUNDING * EPS * size;
  let first = -1;
  let count = 0;
  for (let i = 0; i < len; i++) {
    if (Math.abs(d2[i]) <= floor) continue;
    if (count++ === 0) first = i;
  }
  const centre = (len - 1) / 2;
  if (count !== 2 || Math.abs(d2[first + 1]) <= floor || first === centre || first + 1 === centre)
    return false;
  const a = d2[first];
  const b = d2[first + 1];
  const median = d1.slice().sort()[d1.length >> 1];
  return (
    Math.sign(a) !== Math.sign(b) &&
    Math.abs(a + b) <= STEP_BALANCE * Math.abs(a) &&
    Math.abs(a) >= STEP_SHARE * median
  );
}

/**
 * How far a step's two second differences (J and −J beside a jump between two points of a line) may be
 * from cancelling, as a share of them (see oneStep): the line's own curvature leaves J − J' of
 * f″·δ², far below a jump's J.
 * @default 1/8
 * @example
 * ```ts
 * STEP_BALANCE; // => 0.125
 * ```
 */
export const STEP_BALANCE = 1 / 8;

/**
 * How many times the table's median first difference a step must be to be a jump beside x (see
 * oneStep): a float32 f's grid steps are a share of its first differences where its table is
 * resolved, and repeat values where it is not.
 * @default 4
 * @example
 * ```ts
 * STEP_SHARE; // => 4
 * ```
 */
export const STEP_SHARE = 4;

/**
 * Whether a table's values are distinct and its second differences within rounding of 0
 * (NOISE_FLOOR·F_ROUNDING·EPS of the values) but for one or two side by side of one sign, not one at
 * the middle alone: two lines meeting between two points (a kink beside x), where a grid's even steps
 * repeat values or turn both ways.
 */
function oneBend(values: Float64Array): boolean {
  if (new Set(values).size !== values.length) return false;
  let size = 0;
  for (const v of values) size = Math.max(size, Math.abs(v));
  const floor = NOISE_FLOOR * F_ROUNDING * EPS * size;
  let first = -1;
  let count = 0;
  let sign = 0;
  for (let i = 0; i + 2 < values.length; i++) {
    const d2 = values[i + 2] - 2 * values[i + 1] + values[i];
    if (Math.abs(d2) <= floor) continue;
    if (count === 0) first = i;
    if (++count > 2 || i - first > 1 || (sign !== 0 && Math.sign(d2) !== sign)) return false;
    sign = Math.sign(d2);
  }
  // (Not one bend at the middle alone: a kink at x, for the shape stage.)
  return count === 2 || (count === 1 && 2 * first + 3 !== values.length);
}

/**
 * What probeNoise's caller can use: a narrower table where the first is too wide (`narrowing`), and
 * noise proportional to the distance from x told before the narrow table's largest σ_k (`perDistance`:
 * a first derivative's error takes it, see settle-noise.ts; at higher orders the level stands).
 *
 * @example
 * ```ts
 * const use: ProbeUse = { narrowing: true, perDistance: true };
 * ```
 */
export interface ProbeUse {
  narrowing: boolean;
  perDistance: boolean;
  /**
   * Whether one bend or step in the tables off x rules the level out as a kink or a jump beside x (see
   * probeNoise, `beside`): first derivatives, whose one-sided columns then settle it.
   */
  top?: boolean;
}

/**
 * What probeNoise saw besides the level it returns: a level the narrow table ruled out (`rejected`),
 * whether it looked like noise all the same (`noiseLike`), and noise that grows in proportion to the
 * distance from x, per unit of distance (`perDistance`, 0 if none).
 *
 * @example
 * ```ts
 * const seen: NoiseSeen = { rejected: 0, noiseLike: false, perDistance: 0, grid: 0 };
 * ```
 */
export interface NoiseSeen {
  rejected: number;
  noiseLike: boolean;
  perDistance: number;
  /** f's grid, where its values lie on one coarser than double rounding (see probeNoise), else 0. */
  grid: number;
  /**
   * Where there is such a grid, the relative rounding of f's values: 2^−b for values of at most b
   * significant bits (2⁻²⁴ for a float32 f; see relativeUnit); absent otherwise.
   */
  unit?: number;
  /**
   * Where a spike at x in the wide table was gone from a table 256 times narrower that wiggles far less
   * (a pole or a kink between the two tables' reach, not noise; see probeNoise), that table's half-width:
   * steps below it see f clear of the feature (settle-noise.ts, nearerThanFeature); absent otherwise.
   */
  featureBelow?: number;
  /**
   * Where the table was an exact line of full doubles whose differences from f(x) off its lattice lie
   * on a coarse grid (a float32 term beside terms that do not move; see probeNoise), how far f missed
   * the line there; absent otherwise.
   */
  offsetGrid?: number;
  /** Whether both tables were one spike at x (a jump or a kink there, not noise; see probeNoise). */
  spikeAtX?: boolean;
  /** Where both were, the narrow table's half-width (a feature within it: settle-noise.ts). */
  spikeReach?: number;
  /**
   * Whether the column from `featureBelow` runs on past "noise" (where it came from `spikeReach`: its
   * first rows straddle the feature, which looks like noise until the steps pass below it).
   */
  featureRunOn?: boolean;
  /**
   * The largest |f| in the table whose level probeNoise returned (absent when it returned 0): a level
   * near it is a pole within the table's reach, not noise (pole-level.ts).
   */
  size?: number;
  /** That table's half-width (absent with `size`). */
  reach?: number;
  /**
   * The largest |f| in the table whose level was left in `rejected` (a level the narrow table ruled
   * out, or wiggles no level explained), for that level scaled to a stencil that reaches larger values
   * (level-reach.ts); absent otherwise.
   */
  rejectedSize?: number;
  /** That table's half-width (absent with `rejectedSize`). */
  rejectedReach?: number;
  /**
   * Where the narrow table ruled the wide level out as a smooth part it resolves (wiggles that shrank
   * like a power of the spacing, not noise-like), its half-width: f has structure finer than the wide
   * table's spacing, which steps below this see (sin t + 1e-8·sin(1e7·t); settle-noise.ts); absent
   * otherwise.
   */
  smoothBelow?: number;
}

/**
 * The relative rounding unit of values that lie on a coarse grid: 2^−b, b the most significant bits
 * among them (significantBits; at most COARSE_BITS, else 0: double values). A float32 f's values carry
 * rounding of up to 2⁻²⁴ of their size, so its first differences carry up to 2⁻²⁴·|f′| at every step,
 * also at a root of f, where the grid shrinks with the values (f32(tanh(f32 t)) at 1e-10 gave 1 ±
 * 1.9e-15, off by 2e-8).
 *
 * @example
 * ```ts
 * relativeUnit(Float64Array.of(Math.fround(0.7), Math.fround(0.1))); // => 2 ** -24
 * relativeUnit(Float64Array.of(0.7, 0.1)); // => 0
 * ```
 */
export function relativeUnit(values: Float64Array): number {
  let bits = 0;
  for (const v of values) bits = Math.max(bits, significantBits(v));
  return bits > 0 && bits <= COARSE_BITS ? 2 ** -bits : 0;
}

/**
 * How far from NOISE_PROBE_SPLIT the shrink of the noise level from the wide table to the narrow one
 * may be for noise proportional to the distance from x: √8 either way (a smooth part shrinks by
 * NOISE_PROBE_SPLIT² or more, noise of a fixed size by 1).
 * @default 2√2
 * @example
 * ```ts
 * PROPORTIONAL_BAND; // => 2.8284271247461903
 * ```
 */
export const PROPORTIONAL_BAND = 2 * Math.SQRT2;

/**
 * Whether an estimate of exactly 0 at step h is f below its resolution rather than a zero derivative:
 * the base central stencil at 4096·0.618·h (RESOLUTION_WIDENINGS, GRID_PROBE_OFFSET) sees a difference
 * beyond NOISE_CHECK_SIGNAL times its rounding. A float32 f returns f(x) at x ± h once h is below its
 * grid (f32(eˣ)″ at 0.68 gave 0 ± 1e-3, ok); a derivative 0 by symmetry (cos′ at 0) is 0 there too.
 * Its values' grid (valueResolution) and step are left in `seen`: a zero there is exact to one grid step
 * over that step (f32(atan(f32 t)) at 70725, f′ = 2e-10).
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * const f32exp = (t: number) => Math.fround(Math.exp(Math.fround(t)));
 * runSync(zeroBelowResolution(new Sampler(f32exp), 0.6845789477229118, 2, 1e-6)); // => true
 * runSync(zeroBelowResolution(new Sampler(Math.cos), 0, 1, 1e-9)); // => false
 * ```
 */
export function* zeroBelowResolution(
  sampler: Sampler,
  x: number,
  order: number,
  h: number,
  seen: { grid: number; step: number; coarse?: boolean } = { grid: 0, step: NaN },
): Pipeline<boolean> {
  // Off the dyadic lattice of x ± h (see GRID_PROBE_OFFSET), so that the values' last bits tell f's grid.
  // Where f is not finite that far from x (eᵗ beyond 709, or float32's beyond 88) a higher derivative's
  // stencil narrows by GROWTH_SHRINK until it fits, for f's grid alone: f32(3.6e9 + eᵗ)″ at −4 gave
  // 0 ± 2.6e-5, ok, where f's grid is 256 (settle-noise.ts). A narrower stencil of double values says
  // nothing the engine uses, and its answer stands as before (no zero below resolution).
  let c: { values: Float64Array; sum: number; size: number } | null = null;
  let wide = NaN;
  let w = RESOLUTION_WIDENINGS;
  for (; c === null && w >= (order === 1 ? RESOLUTION_WIDENINGS : 1); w--) {
    wide = representableStep(x, h * GROWTH_SHRINK ** w * GRID_PROBE_OFFSET);
    if (!(wide > 0) || !Number.isFinite(wide)) return false;
    c = yield* centralStencil(sampler, x, wide, order);
  }
  if (c === null) return false;
  seen.grid = valueResolution(c.values);
  // (A float32 term cancelled by a larger part steps f by its own grid: difference-grid.ts.)
  if (seen.grid > 0) seen.grid = Math.max(seen.grid, differenceGrid(sampler.knownValues(), sampler.known(x)));
  seen.coarse = relativeUnit(c.values) > 0;
  seen.step = wide;
  if (w < RESOLUTION_WIDENINGS - 1 && !seen.coarse) return false;
  return Math.abs(c.sum) > NOISE_CHECK_SIGNAL * F_ROUNDING * EPS * c.size;
}

/**
 * zeroBelowResolution's step is GROWTH_SHRINK^RESOLUTION_WIDENINGS = 4096 times the estimate's: a
 * second difference of a float32 f needs f″·H² above its grid, which 16 times may not reach; one
 * stencil there costs 2 calls (where f is symmetric about x, cos at 0, it is 0 too).
 *
 * @example
 * ```ts
 * RESOLUTION_WIDENINGS; // 3
 * ```
 */
export const RESOLUTION_WIDENINGS = 3;

/**
 * The first estimate as the result when the noise check disagreed with it, no noise level could be
 * measured, and the column run on past the "noise" found no estimate (no error: its steps went below
 * f's resolution). The check's difference at step h_c misses the estimate by `gap`, so f's values
 * carry noise of at least ε = gap·h_c^n / Σ|w| (the check's error is at most ε·Σ|w| / h_c^n); the
 * estimate at its step h gets that noise's share, NOISE_COVERAGE·ε·Σ|w| / hⁿ, added to its error, and
 * the status "noise-limited" with ε as its noise.
 *
 * @example
 * ```ts
 * const first = { value: 0.3125, error: 1e-12, step: 1e-3, kind: "central" as const, flags: 0, noisyStep: 1e-6 };
 * unresolvedNoise(first, 3e-4, 4.8e-7, 1); // { value: 0.3125, error: ≈ 4.3e-7, noise: ≈ 1.4e-10, … }
 * ```
 */
export function unresolvedNoise(
  first: Estimate,
  gap: number,
  checkH: number,
  order: number,
): {
  value: number;
  error: number;
  noise: number;
  step: number;
  method: Estimate["kind"];
  status: "noise-limited";
} {
  const noise = (gap * checkH ** order) / weightSumOf(first.kind, order);
  return {
    value: first.value,
    error: first.error + noiseShare(first, noise, order),
    noise,
    step: first.step,
    method: first.kind,
    status: "noise-limited",
  };
}

/**
 * Whether x is near a root of f as a first derivative's estimate and the noise check see it: f's
 * values on the estimate's stencil, Σ|wᵢ·f(xᵢ)| ≥ |f′|·h·Σ|wᵢ·oᵢ| to first order (offsets oᵢ in
 * steps), at least NOISE_PROBE_SPLIT times their size on the check's (`checkSize`). Far from a root
 * the two sizes are alike; at a root they grow with the step, and so does noise relative to f's values.
 */
function nearRoot(est: Estimate, order: number, checkSize: number): boolean {
  if (order !== 1 || !(checkSize > 0) || !Number.isFinite(est.value)) return false;
  const st = stencilArrays(est.kind, 1);
  let moment = 0;
  for (let q = 0; q < st.offsets.length; q++) moment += Math.abs(st.weights[q] * st.offsets[q]);
  return Math.abs(est.value) * est.step * moment >= NOISE_PROBE_SPLIT * checkSize;
}

/** One noise table centred at x with spacing delta (one-sided points are not tried: none when f is not finite). */
function* noiseAt(
  sampler: Sampler,
  x: number,
  delta: number,
): Pipeline<
  NoiseEstimate & {
    magnitude: number;
    grid: number;
    resolution: number;
    steps: number;
    values: Float64Array;
    spacing: number;
  }
> {
  const values = new Float64Array(NOISE_POINTS);
  const points = new Float64Array(NOISE_POINTS);
  const d = representableStep(x, delta);
  const half = (NOISE_POINTS - 1) / 2;
  for (let i = 0; i < NOISE_POINTS; i++) points[i] = x + (i - half) * d;
  yield* sampler.fetch(points, NOISE_POINTS, false, values);
  if (!(d > 0) || !values.every(Number.isFinite)) {
    const none = NaN;
    return {
      level: none,
      verdict: "too-large",
      largest: none,
      magnitude: none,
      grid: none,
      resolution: 0,
      steps: 0,
      values,
      spacing: d,
    };
  }
  let magnitude = 0;
  for (const v of values) magnitude = Math.max(magnitude, Math.abs(v));
  const table = noiseFromTable(values);
  const resolution = valueResolution(values);
  const steps = table.verdict === "too-small" ? gridSteps(values) : 0;
  return { ...table, magnitude, grid: gridStep(values), resolution, steps, values, spacing: d };
}

/** The largest second difference of a table below f's resolution: one step of its grid. */
function gridSteps(values: Float64Array): number {
  let largest = 0;
  for (let i = 0; i + 2 < values.length; i++) {
    largest = Math.max(largest, Math.abs(values[i + 2] - 2 * values[i + 1] + values[i]));
  }
  return largest;
}

/**
 * A table's grid confirmed off its dyadic lattice (f at x ± (1 + GRID_PROBE_OFFSET)·δ on a coarse grid
 * too, or round: exact arithmetic at dyadic points, t·|t| at 0, is no grid), at least its staircase;
 * else 0.
 */
function* gridOffLattice(
  sampler: Sampler,
  x: number,
  delta: number,
  grid: number,
  table: { values: Float64Array; spacing: number },
  fromFx = false,
): Pipeline<number> {
  const off = new Float64Array(2);
  // Between the table's first and second points on each side: a jump or a kink at x is not a stair.
  const left = x - (1 + GRID_PROBE_OFFSET) * delta;
  const right = x + (1 + GRID_PROBE_OFFSET) * delta;
  off[0] = yield* sampler.one(left);
  off[1] = yield* sampler.one(right);
  // Round values (a saturated tanh's −1) say nothing: the tables' grid stands.
  const coarse = fromFx
    ? offGrid(off, table.values[(table.values.length - 1) >> 1])
    : valueResolution(off) > 0 ||
      !(significantBits(off[0]) >= GRID_MIN_BITS || significantBits(off[1]) >= GRID_MIN_BITS);
  if (!coarse) return 0;
  return Math.max(grid, staircase(table, x, left, off[0]), staircase(table, x, right, off[1]));
}

/**
 * Whether both values differ from f(x) by a multiple of a grid of at most COARSE_BITS bits of f(x), and
 * by more than that grid: a coarse grid (float32) beside a term that does not move, whose values have
 * every bit of a double. A double f off the dyadic lattice ends its differences near its rounding; one
 * whose values cancel a larger part (atan t − 1.5707254704 at 14113) ends them on that part's last bit,
 * far below 2⁻³² of f(x) there, and its long steps resolve it as they are.
 */
function offGrid(off: Float64Array, fx: number): boolean {
  // (Not at f(x) = 0, where a float32 f's grid shrinks with its values: the tables' level says nothing
  // of its rounding at longer steps, which relativeUnit's share covers.)
  if (fx === 0) return false;
  const unit = 2 ** -COARSE_BITS * Math.abs(fx);
  for (const v of off) {
    const d = v - fx;
    if (!(Math.abs(d) > unit) || lastBit(d) <= unit) return false;
  }
  return true;
}

/** The weight of the last significant bit of a finite nonzero v. */
function lastBit(v: number): number {
  return 2 ** (Math.floor(Math.log2(Math.abs(v))) - significantBits(v) + 1);
}

/**
 * How far f at t misses the line through the table values flanking t (x ± δ, x ± 2δ), beyond
 * STAIR_MARGIN times f″'s share and rounding, else 0: a float32 f of a float32 x is a staircase
 * that tables spaced by its treads read smooth (f32(sin(f32 t)) at −12168.46).
 */
function staircase(
  table: { values: Float64Array; spacing: number },
  x: number,
  t: number,
  ft: number,
): number {
  const v = table.values;
  const mid = (v.length - 1) / 2;
  const u = (t - x) / table.spacing;
  // The line through the table's points at x ± δ and x ± 2δ on t's side, t lying θ = |u| − 1 past the first.
  const near = u < 0 ? mid - 1 : mid + 1;
  const far = u < 0 ? mid - 2 : mid + 2;
  const line = v[near] + (Math.abs(u) - 1) * (v[far] - v[near]);
  const bend = Math.abs(v[mid] - 2 * v[near] + v[far]);
  const miss = Math.abs(ft - line);
  return miss > STAIR_MARGIN * (bend + Math.abs(ft) * EPS) && Number.isFinite(miss) ? miss : 0;
}

/**
 * The margin of {@link staircase}: a line misses a smooth f at θ = 0.618 by 0.12 of the second difference.
 * @default 4
 * @example
 * ```ts
 * STAIR_MARGIN; // 4
 * ```
 */
export const STAIR_MARGIN = 4;

/**
 * The offset off the dyadic lattice of gridOffLattice and zeroBelowResolution: (√5 − 1)/2, no
 * rational multiple of π (π/4 put a widening at 128π).
 * @default 0.6180339887498949
 * @example
 * ```ts
 * GRID_PROBE_OFFSET; // 0.6180339887498949
 * ```
 */
export const GRID_PROBE_OFFSET = (Math.sqrt(5) - 1) / 2;

/** Σ|wᵢ| of the base stencil of `kind` for derivative order n. */
function weightSumOf(kind: Estimate["kind"], order: number): number {
  let sum = 0;
  for (const w of stencilArrays(kind, order).weights) sum += Math.abs(w);
  return sum;
}

/**
 * The share of noise of level ε in an estimate at its step h: NOISE_COVERAGE·ε·Σ|w| / hⁿ, what the
 * error model adds for a column run with that level.
 *
 * @example
 * ```ts
 * noiseShare({ value: 1, error: 0, step: 1e-3, kind: "central", flags: 0, noisyStep: NaN }, 1e-12, 1); // ≈ 3e-9
 * ```
 */
export function noiseShare(est: Estimate, noise: number, order: number): number {
  return divideByPower(NOISE_COVERAGE * noise * weightSumOf(est.kind, order), est.step, order);
}
