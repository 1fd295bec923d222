/**
 * The mixed entries of a Hessian as pipelines, for the batched and async loops: the four-point
 * stencil of mixed-partial.ts on the same adaptive engine, with a row's plus and minus points handed
 * to the runner at once. A row whose plus point is not finite uses no minus value, as the sync loop
 * (which does not evaluate it); the runner may have evaluated it, so only `evaluations` can differ.
 */

import { beginScales, KeptEstimates, keepScale, nextScale } from "./best-of-scales.js";
import { COLUMN_FLAG, ColumnState } from "./column-state.js";
import { ColumnDriver, type ColumnSpec } from "./driver.js";
import { unsettledFrom } from "./growth.js";
import type { HessianEntry } from "./hessian-pipeline.js";
import {
  MIXED_POINT_SIZE,
  firstScaleSteps,
  mixedCode,
  mixedColumnBudget,
  mixedPoints,
  mixedValue,
  unscaledValue,
  UNSETTLED_MIXED_CALLS,
  unsettledMixedSteps,
} from "./mixed-partial.js";
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
import { PointRequest, REQUEST_CAPACITY, type Pipeline } from "./sampler.js";
import { fixedStatus, statusCode } from "./status.js";
import { candidateScales } from "./step.js";
import type { ResolvedMultivariate } from "./vector.js";

/**
 * A request for points with two coordinates set, (x_i, x_j) = (points[q], second[q]).
 *
 * @example
 * ```ts
 * const r = new PairRequest();
 * r.reserve(40);
 * r.second.length >= 40; // => true
 * ```
 */
export class PairRequest extends PointRequest {
  second = new Float64Array(REQUEST_CAPACITY);

  override reserve(n: number, width?: number): void {
    super.reserve(n, width);
    if (n > this.second.length) this.second = new Float64Array(this.points.length);
  }
}

/**
 * The state one mixed entry in flight needs; reused by later entries.
 *
 * @example
 * ```ts
 * const work = new MixedWork();
 * work.state.m; // => 1
 * ```
 */
export class MixedWork {
  readonly state = new ColumnState(1);
  readonly driver = new ColumnDriver(this.state);
  readonly kept = new KeptEstimates(1);
  readonly sides = new MixedSides();
  readonly request = new PairRequest();
  pts = new Float64Array(MIXED_POINT_SIZE * REQUEST_CAPACITY);
  plus = new Int32Array(REQUEST_CAPACITY);
  minus = new Int32Array(REQUEST_CAPACITY);
  evaluations = 0;
  /** Calls charged against the entry's budget: two per point of its columns (PairSampler.charged). */
  charged = 0;
}

/**
 * ∂²f/∂x_i∂x_j as a pipeline: mixedPartial's columns over the scales of x_i and x_j, each row's plus
 * and minus points (a {@link PairRequest}) from the runner; the value, error and status are
 * mixedPartial's bit for bit, with the same `known` noise level.
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * const x0 = new Float64Array([1, 2]);
 * const o = resolveMultivariate(undefined, x0);
 * const pipeline = mixedEntry(x0, o, 0, 1, new MixedWork());
 * ```
 */
export function* mixedEntry(
  x0: Float64Array,
  o: ResolvedMultivariate,
  i: number,
  j: number,
  work: MixedWork,
  known = 0,
): Pipeline<HessianEntry> {
  const xi = x0[i];
  const xj = x0[j];
  if (!Number.isFinite(xi) || !Number.isFinite(xj)) return NO_ENTRY;
  const scalesI = candidateScales(xi);
  const scalesJ = candidateScales(xj);
  const box = [o.lo[i], o.hi[i], o.lo[j], o.hi[j]];
  const budget = o.resolved.maxEvaluations;
  work.evaluations = 0;
  work.charged = 0;
  const seen = { noise: noiseBoundOf(known), troubled: false };
  let r = yield* settleEntry(work, xi, xj, scalesI, scalesJ, box, budget, known, seen);
  // mixedPartial's intercept (mixed-partial.ts, interceptChecked): the same points in the same order.
  if (
    seen.troubled &&
    !r.spent &&
    !r.kink &&
    fewDigits(r.value, r.error) &&
    work.charged + INTERCEPT_CALLS <= budget
  ) {
    work.charged += INTERCEPT_CALLS;
    const points = interceptPoints(xi, xj, scalesI[0], scalesJ[0], INTERCEPT_STEP);
    const values = yield* pairValues(points, box, work);
    if (kinkedAlongStencil(values, INTERCEPT_STEP, seen.noise))
      r = { ...r, value: NaN, error: Infinity, broken: true };
  }
  const code = mixedCode(r.value, r.spent, r.unsettled, r.kink, r.broken);
  return { value: r.value, error: r.error, code, evaluations: work.evaluations };
}

/** What {@link settleEntry} leaves: mixedPartial's estimate before its intercept, with its flags. */
interface SettledEntry {
  value: number;
  error: number;
  spent: boolean;
  unsettled: boolean;
  kink: boolean;
  broken: boolean;
}

/**
 * mixedPartial's stages before the intercept (mixed-partial.ts, settleMixed), the same points in the
 * same order; `seen` set as there.
 */
function* settleEntry(
  work: MixedWork,
  xi: number,
  xj: number,
  scalesI: number[],
  scalesJ: number[],
  box: readonly number[],
  budget: number,
  known: number,
  seen: { noise: number; troubled: boolean },
): Pipeline<SettledEntry> {
  let r = yield* mixedScales(work, xi, xj, scalesI, scalesJ, box, noiseBoundOf(known), budget);
  let spent = r.spent;
  let rows = work.sides;
  const entry = (value: number, error: number, unsettled: boolean, kink = false): SettledEntry => ({
    value,
    error,
    spent,
    unsettled,
    kink,
    broken: false,
  });
  if (known > 0 && !Number.isNaN(r.error)) {
    const s = yield* sidedEntry(work, rows, xi, xj, r.error, box, budget, spent);
    return entry(r.value, s.error, true, s.kink);
  }
  const c = mixedNoiseSpacing(r);
  seen.troubled = c > 0;
  // mixedPartial's noise stage (mixed-noise.ts), the same points in the same order, where they fit.
  const fits = work.charged + MIXED_NOISE_POINTS <= budget;
  if (c > 0 && !fits) spent = true;
  if (c > 0 && fits) {
    const bound = mixedNoiseBound(yield* tableValues(xi, xj, scalesI[0], scalesJ[0], c, box, work));
    const first = work.sides.hasRows() ? work.sides.keptCopy() : null;
    const again = bound > 0 ? yield* mixedScales(work, xi, xj, scalesI, scalesJ, box, bound, budget) : null;
    // As mixedPartial: a rerun that kept no rows is held to the first run's, read with the bound.
    if (again !== null && !work.sides.hasRows() && first !== null) rows = first.withNoise(bound);
    // As mixedPartial: a rerun the budget cut short without an error leaves the first run's estimate.
    if (again !== null && again.spent && Number.isNaN(again.error)) spent = true;
    else if (again !== null) {
      r = again;
      seen.noise = bound;
      spent ||= r.spent;
      if (!Number.isNaN(r.error)) {
        const s = yield* sidedEntry(work, rows, xi, xj, r.error, box, budget, spent);
        return entry(r.value, s.error, true, s.kink);
      }
    }
  }
  const fallback = Number.isNaN(r.error) && Number.isFinite(r.value);
  if (fallback && work.charged + UNSETTLED_MIXED_CALLS > budget) spent = true;
  else if (fallback) {
    // mixedPartial's fallback (mixed-partial.ts, unsettledMixed), the same points in the same order.
    const [hi0, hj0] = unsettledMixedSteps(scalesI[0], scalesJ[0], r.reached);
    const wide = yield* stencilAt(xi, xj, hi0, hj0, box, work);
    const narrow = yield* stencilAt(xi, xj, hi0 / 2, hj0 / 2, box, work);
    const fallback = unsettledFrom(wide, narrow, yield* stencilAt(xi, xj, hi0 / 4, hj0 / 4, box, work));
    if (fallback !== null) {
      const s = yield* sidedEntry(work, rows, xi, xj, fallback.error, box, budget, spent);
      return entry(fallback.value, s.error, true, s.kink);
    }
  }
  if (c > 0 || Number.isNaN(r.error)) return entry(r.value, r.error, false);
  const s = yield* sidedEntry(work, rows, xi, xj, r.error, box, budget, spent);
  return entry(r.value, s.error, false, s.kink);
}

/**
 * mixedPartial's one-sided comparison (mixed-kink.ts, confirmKink) of the columns' rows `sides`, where the budget did not stop a stage: the same points in the same order.
 */
function* sidedEntry(
  work: MixedWork,
  sides: MixedSides,
  xi: number,
  xj: number,
  error: number,
  box: readonly number[],
  budget: number,
  spent: boolean,
): Pipeline<{ error: number; kink: boolean }> {
  if (spent) return { error, kink: false };
  const jumps: (Jump | null)[] = [];
  for (const d of sides.asks(error)) {
    if (work.charged + sides.confirmCalls() > budget) break;
    work.charged += sides.confirmCalls();
    const axis = yield* pairValues(sides.axisPoints(xi, xj, d), box, work);
    jumps.push(sides.confirm(xi, xj, d, axis, error));
  }
  const wide = kinkError(error, jumps);
  return wide === null ? { error, kink: false } : { error: wide, kink: true };
}

/**
 * f at [x_i, x_j] pairs as one request, those inside the box [lo_i, hi_i, lo_j, hi_j] evaluated and
 * counted (as PairSampler.at, which gives NaN without a call outside).
 */
function* pairValues(
  points: number[][],
  box: readonly number[],
  counter: { evaluations: number },
): Pipeline<Float64Array> {
  const r = new PairRequest();
  r.reserve(points.length);
  const at = new Int32Array(points.length).fill(-1);
  let n = 0;
  points.forEach(([a, b], q) => {
    if (!(a >= box[0] && a <= box[1] && b >= box[2] && b <= box[3])) return;
    [r.points[n], r.second[n], at[q]] = [a, b, n];
    n++;
  });
  [r.count, r.evaluated, r.prefix] = [n, n, false];
  if (n > 0) yield r;
  counter.evaluations += n;
  return Float64Array.from(at, (k) => (k >= 0 ? r.values[k] : NaN));
}

/**
 * mixedPartial's columns over the scales (mixed-partial.ts, mixedColumns), `noise` in their model, each
 * within what the entry's budget leaves (`spent`: the budget ended one).
 */
function* mixedScales(
  work: MixedWork,
  xi: number,
  xj: number,
  scalesI: number[],
  scalesJ: number[],
  box: readonly number[],
  noise: number,
  budget: number,
): Pipeline<MixedColumnsSeen & { spent: boolean }> {
  const tries = Math.max(scalesI.length, scalesJ.length);
  const si = (k: number): number => scalesI[Math.min(k, scalesI.length - 1)];
  const sj = (k: number): number => scalesJ[Math.min(k, scalesJ.length - 1)];
  const { state, kept, sides } = work;
  kept.clear();
  sides.clear();
  state.activateAll();
  state.noise[0] = noise;
  beginScales(state, kept);
  const spec: ColumnSpec = {
    x: 0,
    order: 2,
    scale: 1,
    start: "central",
    canSwitch: false,
    probeOnly: false,
    stopOnNoise: false,
  };
  let noisyStep = NaN;
  let reached = NaN;
  let spent = false;
  for (let k = 0; k < tries && nextScale(state, kept); k++) {
    spec.probeOnly = k > 0;
    spec.budget = mixedColumnBudget(budget, work.charged);
    sides.begin(si(k), sj(k), noise);
    yield* mixedColumn(work, xi, xj, si(k), sj(k), box, spec);
    sides.end();
    if (k === 0) [noisyStep, reached] = firstScaleSteps(state);
    spent ||= (state.flags[0] & COLUMN_FLAG.budget) !== 0;
    // Two divisions, so that 4·s_i·s_j cannot underflow on its own (x ~ 1e-300).
    keepScale(state, kept, k, (_, v) => v / (4 * si(k)) / sj(k));
  }
  return { value: kept.value[0], error: kept.error[0], flags: kept.flags[0], noisyStep, reached, spent };
}

/** The noise tables' values (mixed-noise.ts) as one request, those inside the box evaluated. */
function* tableValues(
  xi: number,
  xj: number,
  si: number,
  sj: number,
  c: number,
  box: readonly number[],
  counter: { evaluations: number; charged: number },
): Pipeline<Float64Array> {
  const [a, b] = mixedNoisePoints(xi, xj, si, sj, c);
  counter.charged += MIXED_NOISE_POINTS; // every point, as mixedPartial's sampleTables
  const r = new PairRequest();
  r.reserve(a.length);
  const at = new Int32Array(a.length).fill(-1);
  let n = 0;
  for (let q = 0; q < a.length; q++) {
    if (!(a[q] >= box[0] && a[q] <= box[1] && b[q] >= box[2] && b[q] <= box[3])) continue;
    [r.points[n], r.second[n], at[q]] = [a[q], b[q], n];
    n++;
  }
  [r.count, r.evaluated, r.prefix] = [n, n, false];
  if (n > 0) yield r;
  counter.evaluations += n;
  return Float64Array.from(at, (k) => (k >= 0 ? r.values[k] : NaN));
}

/**
 * mixedStencil (mixed-partial.ts) as a pipeline step: its four points in its order, those inside the
 * box [lo_i, hi_i, lo_j, hi_j] evaluated and counted in `counter.evaluations` (PairSampler.at calls f
 * at no other); NaN when one lies outside. The fixed-step Hessian's mixed entries and the unsettled
 * fallback above take it.
 *
 * @example
 * ```ts
 * const counter = { evaluations: 0 };
 * const steps = stencilAt(1, 2, 1e-3, 1e-3, [-Infinity, Infinity, -Infinity, Infinity], counter);
 * // yields one request of 4 points; returns (f₊₊ − f₊₋ − f₋₊ + f₋₋) / (4·h_i·h_j)
 * ```
 */
export function* stencilAt(
  xi: number,
  xj: number,
  hi: number,
  hj: number,
  box: readonly number[],
  counter: { evaluations: number },
): Pipeline<number> {
  const a = [xi + hi, xi + hi, xi - hi, xi - hi];
  const b = [xj + hj, xj - hj, xj + hj, xj - hj];
  const r = new PairRequest();
  r.reserve(4);
  let n = 0;
  for (let q = 0; q < 4; q++) {
    if (!(a[q] >= box[0] && a[q] <= box[1] && b[q] >= box[2] && b[q] <= box[3])) continue;
    r.points[n] = a[q];
    r.second[n] = b[q];
    n++;
  }
  [r.count, r.evaluated, r.prefix] = [n, n, false];
  if (n > 0) yield r;
  counter.evaluations += n;
  if (n < 4) return NaN;
  const [pp, pm, mp, mm] = r.values;
  return (pp - pm - mp + mm) / (4 * hi) / hj;
}

/** One column of g(c) (see MixedSource): runColumn's loop, a row's plus and minus points at once. */
function* mixedColumn(
  work: MixedWork,
  xi: number,
  xj: number,
  si: number,
  sj: number,
  box: readonly number[],
  spec: ColumnSpec,
): Pipeline<void> {
  const { driver, state, request } = work;
  const inside = (a: number, b: number): boolean => a >= box[0] && a <= box[1] && b >= box[2] && b <= box[3];
  driver.useMagnitudes = true;
  driver.gridValues ??= new Float64Array(driver.values.length);
  driver.start(spec);
  for (let count = driver.nextPoints(); count > 0; count = driver.nextPoints()) {
    request.reserve(2 * count);
    if (work.plus.length < count) [work.plus, work.minus] = [new Int32Array(count), new Int32Array(count)];
    if (work.pts.length < MIXED_POINT_SIZE * count) work.pts = new Float64Array(MIXED_POINT_SIZE * count);
    const pts = work.pts;
    let misses = 0;
    for (let q = 0; q < count; q++) {
      if (driver.offsets[q] === 0) continue;
      work.charged += 2;
      const p = pts.subarray(MIXED_POINT_SIZE * q, MIXED_POINT_SIZE * (q + 1));
      mixedPoints(xi, xj, si, sj, driver.points[q], p);
      work.plus[q] = inside(p[0], p[1]) ? misses++ : -1;
      if (work.plus[q] >= 0) [request.points[misses - 1], request.second[misses - 1]] = [p[0], p[1]];
      work.minus[q] = inside(p[0], p[2]) ? misses++ : -1;
      if (work.minus[q] >= 0) [request.points[misses - 1], request.second[misses - 1]] = [p[0], p[2]];
    }
    request.count = misses;
    request.evaluated = misses;
    request.prefix = false;
    if (misses > 0) yield request;
    work.evaluations += misses;
    driver.accept(mixedRow(work, pts, count, state));
  }
}

/** The row's g values (and magnitudes) into the driver, as runColumn writes them; returns the prefix. */
function mixedRow(work: MixedWork, pts: Float64Array, count: number, state: ColumnState): number {
  const { driver, request } = work;
  const m = state.m;
  for (let q = 0; q < count; q++) {
    let v = 0; // g(0) = 0: the centre
    let raw = 0;
    if (driver.offsets[q] !== 0) {
      const plus = work.plus[q] >= 0 ? request.values[work.plus[q]] : NaN;
      const minus = Number.isFinite(plus) && work.minus[q] >= 0 ? request.values[work.minus[q]] : NaN;
      const p = pts.subarray(MIXED_POINT_SIZE * q, MIXED_POINT_SIZE * (q + 1));
      v = mixedValue(plus, minus, p, MAGNITUDE, 0);
      raw = unscaledValue(plus, minus, p);
      work.sides.take(driver.points[q], plus, p[4] === 1 ? minus : NaN);
    }
    let finite = 0;
    const grid = driver.gridValues as Float64Array;
    for (let a = 0; a < state.activeCount; a++) {
      const k = state.active[a];
      driver.values[q * m + k] = v;
      grid[q * m + k] = raw;
      if (driver.offsets[q] !== 0) driver.magnitudes[q * m + k] = MAGNITUDE[0];
      if (Number.isFinite(v)) finite++;
    }
    if (finite === 0) return q + 1;
  }
  return count;
}

const MAGNITUDE = new Float64Array(1);

/**
 * The entry of a coordinate that is not finite: NaN without a call.
 *
 * @example
 * ```ts
 * NO_ENTRY.evaluations; // => 0
 * ```
 */
export const NO_ENTRY: HessianEntry = Object.freeze({
  value: NaN,
  error: NaN,
  code: statusCode(fixedStatus(NaN)),
  evaluations: 0,
});
