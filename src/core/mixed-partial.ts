/**
 * Mixed second partials ∂²f/∂x_i∂x_j (i ≠ j) by the central four-point stencil
 * D(h) = [f(x+h_i+h_j) − f(x+h_i−h_j) − f(x−h_i+h_j) + f(x−h_i−h_j)] / (4·h_i·h_j),
 * whose error expands in even powers of a common factor of h_i and h_j, so Richardson extrapolation in
 * t = h² applies: it runs on the one adaptive engine of driver.ts (see MixedSource). Steps are per
 * coordinate: h_i = s_i · c with s_i from the one-variable scale rule (candidateScales) and c descending
 * from MIXED_INITIAL_STEP.
 */

import { FLOAT32_FLAT_FACTOR, float32Result } from "./float32.js";
import { bestOfScales, KeptEstimates } from "./best-of-scales.js";
import { COLUMN_FLAG, ColumnState } from "./column-state.js";
import { INITIAL_STEP } from "./constants.js";
import { unsettledFrom } from "./growth.js";
import { ColumnDriver } from "./driver.js";
import { runColumn, type PointSource } from "./run-column.js";
import { callNumber } from "./fixed-partial.js";
import {
  MIXED_NOISE_POINTS,
  mixedNoiseBound,
  mixedNoisePoints,
  mixedNoiseSpacing,
  noiseBoundOf,
  type MixedColumnsSeen,
} from "./mixed-noise.js";
import { kinkError, MixedSides, type Jump } from "./mixed-kink.js";
import {
  fewDigits,
  INTERCEPT_CALLS,
  INTERCEPT_STEP,
  interceptPoints,
  kinkedAlongStencil,
} from "./mixed-intercept.js";
import { candidateScales, representableStep } from "./step.js";
import { fixedStatus, statusCode } from "./status.js";
import type { FnN } from "./types.js";

/**
 * First step of the mixed stencil, relative to each coordinate's scale: that of second derivatives
 * in the one-variable engine, INITIAL_STEP[2].
 *
 * @default 0.25
 * @example
 * ```ts
 * MIXED_INITIAL_STEP; // 0.25
 * ```
 */
export const MIXED_INITIAL_STEP = INITIAL_STEP[2];

/**
 * A mixed partial estimate.
 *
 * @example
 * ```ts
 * const lo = new Float64Array([-Infinity, -Infinity]), hi = new Float64Array([Infinity, Infinity]);
 * mixedPartial((x) => x[0] * x[1], new Float64Array([1, 2]), 0, 1, lo, hi);
 * // { value: 1, error: 4.026408835973901e-14, evaluations: 12 }
 * ```
 */
export interface MixedEstimate {
  value: number;
  error: number;
  evaluations: number;
  /**
   * Status "noise-limited": the columns ran again with f's noise level in their model (mixed-noise.ts:
   * x₀x₁ with absolute noise of 1e-7 gave −3.5e26 with no error), or they never settled and no level
   * was found, and the value is the stencil at half the first finite steps with growth.ts's
   * unsettledFrom error (x₀x₁ + 1e-10·noise at (0.5, 1.5) gave 0 ± NaN, ok).
   */
  unsettled?: boolean;
  /** The budget (maxEvaluations) cut a column short or left no room for the unsettled fallback. */
  spent?: boolean;
  /**
   * Status "not-differentiable": ∂²f/∂x_i∂x_j jumps at x along x_i or x_j (mixed-kink.ts); the error
   * holds both sides.
   */
  kink?: boolean;
  /**
   * Status "discontinuous": f itself has a kink at x along one of the stencil's diagonals, so f′ jumps
   * there and no second derivative exists (mixed-intercept.ts); the value is NaN, the error Infinity.
   */
  broken?: boolean;
}

/**
 * The steps (h_i, h_j) of an unsettled mixed entry's fallback: the first row of the first scale with
 * finite values, s·c per coordinate (c = INITIAL_STEP[2] unless f was not finite there, as log(x₁) at
 * x₁ = 0.2, whose first plus and minus points lie below 0); the fallback takes the stencil there, at
 * half and at a quarter.
 *
 * @example
 * ```ts
 * unsettledMixedSteps(1, 2, 0.25); // => [0.25, 0.5]
 * ```
 */
export function unsettledMixedSteps(si: number, sj: number, reached: number): [number, number] {
  return [si * reached, sj * reached];
}

/**
 * f on a working point w with two coordinates set (the whole of w restored from the pristine point
 * before each call), counting calls; points outside the bounds give NaN without a call.
 *
 * @example
 * ```ts
 * const p = new PairSampler((x) => x[0] * x[1], new Float64Array([1, 2]));
 * p.at(0, 3, 1, 4); // 12
 * p.evaluations; // 1
 * ```
 */
export class PairSampler {
  /** Calls of f made so far. */
  evaluations = 0;
  /**
   * Calls charged against a mixed entry's budget: two per point of its columns' rows (f₊ and f₋), as
   * the batched loop asks for them, whether or not they are evaluated (see Sampler.charged), and the
   * noise tables' points.
   */
  charged = 0;

  /** The pristine point: w is restored from it before every call. */
  readonly x0: Float64Array;

  constructor(
    private readonly f: FnN,
    readonly w: Float64Array,
    private readonly lo?: Float64Array,
    private readonly hi?: Float64Array,
  ) {
    this.x0 = w.slice();
  }

  /** f(w with w[i] = a, w[j] = b). */
  at(i: number, a: number, j: number, b: number): number {
    const { lo, hi, w } = this;
    if (lo !== undefined && hi !== undefined && !(a >= lo[i] && a <= hi[i] && b >= lo[j] && b <= hi[j])) {
      return NaN;
    }
    w.set(this.x0); // the whole point, whatever an earlier call of f wrote into it
    w[i] = a;
    w[j] = b;
    this.evaluations++;
    return callNumber(this.f, w);
  }
}

/**
 * The mixed stencil at fixed steps h_i, h_j (no extrapolation): 4 calls of f.
 *
 * @example
 * ```ts
 * mixedStencil(new PairSampler((x) => x[0] * x[1], new Float64Array([1, 2])), 0, 1, 1e-3, 1e-3); // 1
 * ```
 */
export function mixedStencil(p: PairSampler, i: number, j: number, hi: number, hj: number): number {
  const xi = p.x0[i];
  const xj = p.x0[j];
  const pp = p.at(i, xi + hi, j, xj + hj);
  const pm = p.at(i, xi + hi, j, xj - hj);
  const mp = p.at(i, xi - hi, j, xj + hj);
  const mm = p.at(i, xi - hi, j, xj - hj);
  return (pp - pm - mp + mm) / (4 * hi) / hj;
}

/**
 * Numbers {@link mixedPoints} writes.
 *
 * @default 5
 * @example
 * ```ts
 * const pts = new Float64Array(MIXED_POINT_SIZE);
 * ```
 */
export const MIXED_POINT_SIZE = 5;

/**
 * The two points of g(c) (see MixedSource): x_i + σd_i for both, x_j + σd_j for the plus point and
 * x_j − σd_j for the minus point (σ the sign of c, d the representable steps s·|c|), written to
 * out = [x_i + σd_i, x_j + σd_j, x_j − σd_j, nominal over actual step product, 1 if both steps > 0].
 *
 * @example
 * ```ts
 * const out = new Float64Array(MIXED_POINT_SIZE);
 * mixedPoints(1, 2, 1, 2, 0.5, out); // out = [1.5, 3, 1, 1, 1]
 * ```
 */
export function mixedPoints(
  xi: number,
  xj: number,
  si: number,
  sj: number,
  c: number,
  out: Float64Array,
): void {
  const a = Math.abs(c);
  const di = representableStep(xi, si * a);
  const dj = representableStep(xj, sj * a);
  const sign = c < 0 ? -1 : 1;
  out[0] = xi + sign * di;
  out[1] = xj + sign * dj;
  out[2] = xj - sign * dj;
  // Nominal over actual step product: 1 up to rounding of the steps.
  out[3] = ((si * a) / di) * ((sj * a) / dj);
  out[4] = di > 0 && dj > 0 ? 1 : 0;
}

/**
 * g(c) = (f(plus) − f(minus)) rescaled to the nominal steps (NaN when a step vanished), and the size
 * of the f values behind it into magnitude[at]; `pts` as {@link mixedPoints} wrote it. The minus
 * value must be NaN when the plus value is not finite (it is then not evaluated).
 *
 * @example
 * ```ts
 * mixedValue(3, 1, Float64Array.of(0, 0, 0, 1, 1), new Float64Array(1), 0); // 2
 * ```
 */
export function mixedValue(
  plus: number,
  minus: number,
  pts: Float64Array,
  magnitude: Float64Array,
  at: number,
): number {
  const scale = pts[3];
  // Values of a float32 computation carry float32's rounding, not double's (float32.ts): their size
  // counts FLOAT32_FLAT_FACTOR times in the rounding model (F_ROUNDING·EPS·magnitude).
  const f32 = float32Result(plus) && float32Result(minus) ? FLOAT32_FLAT_FACTOR : 1;
  magnitude[at] = (Math.abs(plus) + Math.abs(minus)) * scale * f32;
  return pts[4] === 1 ? (plus - minus) * scale : NaN;
}

/**
 * g(c) = f(plus) − f(minus) before {@link mixedValue} rescales it to the nominal steps (NaN where a step
 * vanished): the values' grid is read from it (driver.ts, gridValues), since the rescaling's factor,
 * a few ulps from 1, smears the last bits that show it. Where f's terms cancel, each value of f is a
 * multiple of the grid G of its partial sums, and so is each g and each difference of g's.
 *
 * @example
 * ```ts
 * unscaledValue(3, 1, Float64Array.of(0, 0, 0, 1.0000000001, 1)); // => 2
 * ```
 */
export function unscaledValue(plus: number, minus: number, pts: Float64Array): number {
  return pts[4] === 1 ? plus - minus : NaN;
}

/**
 * The mixed stencil as a problem in one variable, the common step factor c: with u = (s_i, s_j) and
 * v = (s_i, −s_j) on coordinates i, j, g(c) = f(x + c·u) − f(x + c·v) has g(0) = 0 and
 * g''(0) = uᵀHu − vᵀHv = 4·s_i·s_j·∂²f/∂x_i∂x_j, and the central second difference of g,
 * [g(h) − 2g(0) + g(−h)] / h², is exactly the four-point stencil above. So the one adaptive engine
 * (driver.ts) serves mixed partials too. Each g value is rescaled from the representable steps
 * actually taken to the nominal ones, so the quotient divides by the true distances.
 */
class MixedSource implements PointSource {
  private readonly buf = new Float64Array(1);
  private readonly zero = new Float64Array(1);
  private readonly pts = new Float64Array(MIXED_POINT_SIZE);
  readonly magnitude = new Float64Array(1);
  readonly unscaled = new Float64Array(1);

  constructor(
    private readonly p: PairSampler,
    private readonly i: number,
    private readonly j: number,
    private readonly si: number,
    private readonly sj: number,
    private readonly sides: MixedSides,
  ) {}

  row(offsets: ArrayLike<number>, count: number): void {
    // The whole row charged, two calls a point, before any is evaluated: a row the sync loop stops at a
    // value that is not finite costs what the pipeline's (mixed-pipeline.ts, mixedColumn) does.
    for (let q = 0; q < count; q++) if (offsets[q] !== 0) this.p.charged += 2;
  }

  at(c: number): Float64Array {
    const { p, i, j, pts } = this;
    mixedPoints(p.x0[i], p.x0[j], this.si, this.sj, c, pts);
    const plus = p.at(i, pts[0], j, pts[1]);
    const minus = Number.isFinite(plus) ? p.at(i, pts[0], j, pts[2]) : NaN;
    this.buf[0] = mixedValue(plus, minus, pts, this.magnitude, 0);
    this.unscaled[0] = unscaledValue(plus, minus, pts);
    this.sides.take(c, plus, pts[4] === 1 ? minus : NaN);
    return this.buf;
  }

  centre(): Float64Array {
    return this.zero; // g(0) = f(x) − f(x) = 0, no evaluation needed
  }
}

/**
 * ∂²f/∂x_i∂x_j at w (i ≠ j) with an error estimate: the four-point stencil over a descending sequence
 * of steps, extrapolated by the one-variable adaptive engine (see {@link MixedSource}). Steps are per
 * coordinate, s_i · c with s_i from the one-variable scale rule (candidateScales); the later scales are
 * probes, as in derivative(). A point where f is not finite (or outside the bounds) shrinks the steps;
 * there is no one-sided mixed stencil, so trouble on every scale leaves NaN.
 *
 * With `known`, f's noise level σ found beforehand (the Hessian's diagonal, hessian-noise.ts), the
 * columns run with its bound in their model from the start, as the noise stage's rerun does, and an
 * estimate with an error is "noise-limited" (`unsettled`); the noise tables are then not needed.
 *
 * @example
 * ```ts
 * const w = new Float64Array([0, 0]);
 * const inf = new Float64Array([-Infinity, -Infinity]), sup = new Float64Array([Infinity, Infinity]);
 * mixedPartial((x) => Math.cos(x[0] - x[1]), w, 0, 1, inf, sup).value; // ≈ 1 (error ≈ 3e-12)
 * ```
 */
export function mixedPartial(
  f: FnN,
  w: Float64Array,
  i: number,
  j: number,
  lo: Float64Array,
  hi: Float64Array,
  budget = Infinity,
  known = 0,
): MixedEstimate {
  const xi = w[i];
  const xj = w[j];
  if (!Number.isFinite(xi) || !Number.isFinite(xj)) return { value: NaN, error: NaN, evaluations: 0 };
  const scalesI = candidateScales(xi);
  const scalesJ = candidateScales(xj);
  const p = new PairSampler(f, w, lo, hi);
  try {
    const seen = { noise: noiseBoundOf(known), troubled: false };
    const r = settleMixed(p, i, j, scalesI, scalesJ, budget, known, seen);
    return seen.troubled ? interceptChecked(p, i, j, scalesI[0], scalesJ[0], r, budget, seen.noise) : r;
  } finally {
    w.set(p.x0); // f may have written into w: leave it as it came
  }
}

/**
 * mixedPartial's stages before the intercept: the columns, the noise stage where they saw noise, the
 * one-sided comparison (mixed-kink.ts) where their rows ask, the unsettled fallback where they did not
 * settle; `seen.noise` is set to the noise bound of one value of g that the estimate's columns took,
 * `seen.troubled` where the first run's columns called for the noise stage (mixedNoiseSpacing).
 */
function settleMixed(
  p: PairSampler,
  i: number,
  j: number,
  scalesI: number[],
  scalesJ: number[],
  budget: number,
  known: number,
  seen: { noise: number; troubled: boolean },
): MixedEstimate {
  const tries = Math.max(scalesI.length, scalesJ.length);
  let r = mixedColumns(p, i, j, scalesI, scalesJ, tries, noiseBoundOf(known), budget);
  let spent = r.spent === true;
  if (known > 0 && !Number.isNaN(r.error))
    return withSpent({ ...sided(p, i, j, r, budget, spent), unsettled: true }, spent);
  const c = mixedNoiseSpacing(r);
  seen.troubled = c > 0;
  // The noise stage (mixed-noise.ts), where its tables fit the budget (their points all charged).
  const fits = p.charged + MIXED_NOISE_POINTS <= budget;
  if (c > 0 && !fits) spent = true;
  if (c > 0 && fits) {
    const bound = mixedNoiseBound(sampleTables(p, i, j, scalesI[0], scalesJ[0], c));
    const again = bound > 0 ? mixedColumns(p, i, j, scalesI, scalesJ, tries, bound, budget) : null;
    // A rerun the budget cut short without an error leaves the first run's estimate standing.
    if (again !== null && again.spent === true && Number.isNaN(again.error)) {
      r = { ...r, evaluations: p.evaluations };
      spent = true;
    } else if (again !== null) {
      // A rerun that kept no rows is held to the first run's, read with the noise bound.
      r = !again.hasRows && r.sides !== null ? { ...again, sides: r.sides.withNoise(bound) } : again;
      seen.noise = bound;
      spent ||= r.spent === true;
      if (!Number.isNaN(r.error))
        return withSpent({ ...sided(p, i, j, r, budget, spent), unsettled: true }, spent);
    }
  }
  if (!Number.isNaN(r.error) || !Number.isFinite(r.value)) {
    // The one-sided comparison (mixed-kink.ts), where the first run stands as it settled.
    return withSpent(c > 0 ? r : sided(p, i, j, r, budget, spent), spent);
  }
  if (p.charged + UNSETTLED_MIXED_CALLS > budget) return { ...r, spent: true };
  const [hi0, hj0] = unsettledMixedSteps(scalesI[0], scalesJ[0], r.reached);
  const wide = mixedStencil(p, i, j, hi0, hj0);
  const narrow = mixedStencil(p, i, j, hi0 / 2, hj0 / 2);
  const fallback = unsettledFrom(wide, narrow, mixedStencil(p, i, j, hi0 / 4, hj0 / 4));
  if (fallback === null) return withSpent(r, spent);
  // The fallback's error held against the rows' jumps, as a settled estimate's.
  const held = sided(p, i, j, { ...r, ...fallback }, budget, spent);
  return withSpent({ ...held, evaluations: p.evaluations, unsettled: true }, spent);
}

/**
 * The columns' estimate held against the jumps their rows ask to confirm (confirmKink), where the
 * budget did not stop a stage and the rows ask: the first run's, and since a rerun with f's noise in
 * its model keeps the same rows (their rounding widened by it), the rerun's too (x₀·|x₁| + sin x₀ with
 * noise of 1e-8 at (1, 0) gave −1.1e-7 ± 6e-7, noise-limited, where ∂²f/∂x₀∂x₁ jumps from −1 to 1).
 */
function sided(
  p: PairSampler,
  i: number,
  j: number,
  r: MixedColumns,
  budget: number,
  spent: boolean,
): MixedEstimate {
  return !spent && r.sides !== null ? confirmKink(p, i, j, r, budget) : r;
}

/**
 * An estimate whose first columns called for the noise stage (a kink of f along a diagonal makes them
 * run on into rounding: max(x₀, x₁) at (1, 1)) and that has fewer than two digits after it
 * (mixed-intercept.ts, fewDigits), held against a kink of f along the stencil's diagonals: its intercept's points at the first scale's first step, where the
 * budget has room for them, and a kink found makes it `broken`, with no value. Else as it is.
 */
function interceptChecked(
  p: PairSampler,
  i: number,
  j: number,
  si: number,
  sj: number,
  r: MixedEstimate,
  budget: number,
  noise: number,
): MixedEstimate {
  if (r.spent === true || r.kink === true || !fewDigits(r.value, r.error)) return r;
  if (p.charged + INTERCEPT_CALLS > budget) return r;
  p.charged += INTERCEPT_CALLS;
  const values = interceptPoints(p.x0[i], p.x0[j], si, sj, INTERCEPT_STEP).map(([a, b]) => p.at(i, a, j, b));
  const out = { ...r, evaluations: p.evaluations };
  if (!kinkedAlongStencil(values, INTERCEPT_STEP, noise)) return out;
  return { ...out, value: NaN, error: Infinity, broken: true };
}

/**
 * The first run's estimate held against the jumps its rows asked to confirm (mixed-kink.ts): the axis
 * points of each direction asked, where the budget has room for them (else as it is), and a
 * confirmed jump makes it `kink` with an error holding both sides.
 */
function confirmKink(p: PairSampler, i: number, j: number, r: MixedColumns, budget: number): MixedEstimate {
  const sides = r.sides as MixedSides;
  const [xi, xj] = [p.x0[i], p.x0[j]];
  const jumps: (Jump | null)[] = [];
  for (const d of sides.asks(r.error)) {
    if (p.charged + sides.confirmCalls() > budget) break;
    p.charged += sides.confirmCalls();
    const axis = sides.axisPoints(xi, xj, d).map(([a, b]) => p.at(i, a, j, b));
    jumps.push(sides.confirm(xi, xj, d, axis, r.error));
  }
  const error = kinkError(r.error, jumps);
  const out = { ...r, evaluations: p.evaluations };
  return error === null ? out : { ...out, error, kink: true };
}

/** An estimate marked `spent` where the budget stopped one of its stages (else as it is). */
function withSpent(r: MixedEstimate, spent: boolean): MixedEstimate {
  return spent ? { ...r, spent } : r;
}

/**
 * The values of f at the noise tables' points (mixed-noise.ts), by the pair sampler; every point is
 * charged against the entry's budget, inside the bounds or not (as the pipeline's tableValues).
 */
function sampleTables(p: PairSampler, i: number, j: number, si: number, sj: number, c: number): Float64Array {
  const [a, b] = mixedNoisePoints(p.x0[i], p.x0[j], si, sj, c);
  p.charged += MIXED_NOISE_POINTS;
  return a.map((u, q) => p.at(i, u, j, b[q]));
}

/** What the columns of a mixed entry leave: the estimate, and what the noise stage reads of them. */
interface MixedColumns extends MixedEstimate, MixedColumnsSeen {
  /**
   * The richest column's rows (mixed-kink.ts), copied where they ask for a confirmation or the noise
   * stage follows; else null.
   */
  sides: MixedSides | null;
  /** Whether the columns kept rows at all (MixedSides.hasRows). */
  hasRows: boolean;
}

interface MixedEngine {
  state: ColumnState;
  driver: ColumnDriver | null;
  kept: KeptEstimates;
  sides: MixedSides;
}

let spare: MixedEngine | null = null;

/** The adaptive columns of {@link mixedPartial} over the scales of x_i and x_j. */
function mixedColumns(
  p: PairSampler,
  i: number,
  j: number,
  scalesI: number[],
  scalesJ: number[],
  tries: number,
  noise: number,
  budget: number,
): MixedColumns {
  // One spare engine for every mixed entry of every Hessian (a new one per entry was a sixth of a
  // Hessian's time); taken while in use, so an f that itself asks for a Hessian gets its own.
  const engine = spare ?? {
    state: new ColumnState(1),
    driver: null as ColumnDriver | null,
    kept: new KeptEstimates(1),
    sides: new MixedSides(),
  };
  spare = null;
  try {
    const { state, kept, sides } = engine;
    const driver = (engine.driver ??= new ColumnDriver(state));
    kept.clear();
    sides.clear();
    const si = (k: number): number => scalesI[Math.min(k, scalesI.length - 1)];
    const sj = (k: number): number => scalesJ[Math.min(k, scalesJ.length - 1)];
    state.activateAll();
    state.noise[0] = noise;
    let noisyStep = NaN;
    let reached = NaN;
    let spent = false;
    bestOfScales(
      state,
      kept,
      tries,
      (k) => {
        sides.begin(si(k), sj(k), noise);
        runColumn(driver, new MixedSource(p, i, j, si(k), sj(k), sides), {
          x: 0,
          order: 2,
          scale: 1,
          start: "central",
          canSwitch: false,
          probeOnly: k > 0,
          stopOnNoise: false,
          budget: mixedColumnBudget(budget, p.charged),
        });
        sides.end();
        if (k === 0) [noisyStep, reached] = firstScaleSteps(state);
        spent ||= (state.flags[0] & COLUMN_FLAG.budget) !== 0;
      },
      // Two divisions, so that 4·s_i·s_j cannot underflow on its own (x ~ 1e-300).
      (k, v) => v / (4 * si(k)) / sj(k),
    );
    const value = kept.value[0];
    const error = kept.error[0];
    const flags = kept.flags[0];
    const r: MixedColumns = {
      value,
      error,
      evaluations: p.evaluations,
      flags,
      noisyStep,
      reached,
      sides: null,
      hasRows: sides.hasRows(),
    };
    // Kept where they ask, or where the noise stage follows (its rerun may leave no rows: settleMixed).
    if (r.hasRows && (sides.asks(error).length > 0 || mixedNoiseSpacing(r) > 0)) r.sides = sides.keptCopy();
    if (spent) r.spent = true;
    return r;
  } finally {
    spare = engine;
  }
}

/**
 * After the first scale's column: the step where it saw noise (NaN if none) and its first step with
 * finite values.
 *
 * @example
 * ```ts
 * import { ColumnState } from "./column-state.js";
 * const state = new ColumnState(1);
 * state.steps[0] = 0.25;
 * firstScaleSteps(state); // => [NaN, 0.25]
 * ```
 */
export function firstScaleSteps(state: ColumnState): [number, number] {
  const noisy = (state.flags[0] & COLUMN_FLAG.noisy) !== 0 ? state.noisyStep[0] : NaN;
  return [noisy, state.steps[0]];
}

/**
 * Calls of f of the unsettled fallback of a mixed entry: three four-point stencils.
 *
 * @default 12
 * @example
 * ```ts
 * UNSETTLED_MIXED_CALLS; // => 12
 * ```
 */
export const UNSETTLED_MIXED_CALLS = 12;

/**
 * The budget of a mixed entry's column in points g(c) of its driver, from what is left of the entry's
 * calls of f: each point other than the centre costs two calls (f₊ and f₋), and the driver counts the
 * centre too, so the column never asks for more calls than are left.
 *
 * @example
 * ```ts
 * mixedColumnBudget(20, 7); // => 6
 * mixedColumnBudget(Infinity, 7); // => Infinity
 * ```
 */
export function mixedColumnBudget(budget: number, spent: number): number {
  return Math.floor((budget - spent) / 2);
}

/**
 * The status code of a mixed entry: "discontinuous" for one whose intercept showed a kink of f at x
 * (`broken`, mixed-intercept.ts), "not-differentiable" for one whose one-sided comparison showed a
 * jump (`kink`, mixed-kink.ts) and "noise-limited" for one that ran again with f's noise level or
 * took the unsettled fallback (`unsettled`), unless the budget stopped one of its stages (`spent`):
 * then "max-evaluations" (unless its value is not finite); else by its value.
 *
 * @example
 * ```ts
 * mixedCode(2, true, false); // => 2 ("max-evaluations")
 * mixedCode(2, false, true); // => 1 ("noise-limited")
 * mixedCode(0.5, false, false, true); // => 3 ("not-differentiable")
 * mixedCode(NaN, false, false, false, true); // => 4 ("discontinuous")
 * ```
 */
export function mixedCode(
  value: number,
  spent: boolean,
  unsettled: boolean,
  kink = false,
  broken = false,
): number {
  if (broken && !spent) return statusCode("discontinuous");
  if (kink && !spent) return statusCode("not-differentiable");
  if (unsettled && !spent) return statusCode("noise-limited");
  const fixed = statusCode(fixedStatus(value));
  if (fixed !== 0) return fixed;
  return statusCode(spent ? "max-evaluations" : "ok");
}
