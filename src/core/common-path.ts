/**
 * derivative(f, xs) on derivative()'s common path: for a first derivative with default options, each
 * point runs the central column at each scale of x (common-column.ts), keeps the better
 * (best-of-scales.ts's rule) and makes the noise check at a tiny step (scalar-engine.ts), with no
 * generator, sampler or result object per point. Entry i is `derivative(f, xs[i], options)`'s, bit for
 * bit.
 *
 * A point that leaves the common path (x not finite, a non-finite value of f, a kink, jump, noise or
 * pole flag, no error estimate, the check disagreeing) departs: the scalar pipeline runs for it from
 * scratch with f wrapped so that the values already known are replayed. The pipeline asks for those
 * points first (this path is its prefix), so its result and its count of evaluations are derivative()'s,
 * and f is called once per point.
 */

import {
  ALIAS_STEP,
  CHECK_EXCESS_SCALE,
  NOISE_RECHECK_GAP,
  SECOND_CHECK_RATIO,
  EPS,
  F_ROUNDING,
  GOOD_RELATIVE_ERROR,
  NOISE_CHECK_SIGNAL,
} from "./constants.js";
import { COLUMN_FLAG } from "./column-state.js";
import { centralColumn, COLUMN_END, scaleOf } from "./common-column.js";
import { CommonWork } from "./common-work.js";
import { evenPartGrows } from "./even-pole.js";
import { anchoredKink, KINK_ANCHOR, KINK_UNDECIDED, undecidedLikeKink } from "./even-kink.js";
import { EVEN_ROWS, longStepsMissed } from "./long-steps.js";
import { derivativeSync } from "./derivative-pipeline.js";
import { baseStencil } from "./driver.js";
import { checkNumber } from "./sampler.js";
import { noiseCheckStep, probeFlags } from "./scalar-engine.js";
import { statusCode } from "./status.js";
import { unconfirmedError } from "./unconfirmed-scale.js";
import { firstOrderProbeError } from "./first-order-probe.js";
import { jumpAtChecks } from "./check-jump.js";
import { representableStep } from "./step.js";
import type { DerivativeOptions, DerivativeResult, Fn1 } from "./types.js";
import { resolveOptions, type ResolvedOptions } from "./validate.js";

/**
 * What the common path gives for xs: per point the value, error, step, status code and evaluations,
 * and the full result of every point that departed to the scalar pipeline (the others are "ok",
 * central, without noise or one-sided parts).
 *
 * @example
 * ```ts
 * const out: CommonOutput = derivativeCommon(Math.exp, new Float64Array([0, 1]), undefined);
 * out.evaluations; // => Float64Array [10, 10]
 * out.departed.size; // => 0 (both stayed on the common path)
 * ```
 */
export interface CommonOutput {
  value: Float64Array;
  error: Float64Array;
  step: Float64Array;
  statuses: Uint8Array;
  evaluations: Float64Array;
  departed: Map<number, DerivativeResult>;
}

/**
 * Whether derivative(f, xs, options) can take the common path: a first derivative with the default
 * method, no fixed step, no bounds, no known noise, no tolerance, no budget, a plain (not batched) f.
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * commonPathApplies(resolveOptions(undefined), undefined); // => true
 * commonPathApplies(resolveOptions({ order: 2 }), { order: 2 }); // => false
 * ```
 */
export function commonPathApplies(o: ResolvedOptions, options: DerivativeOptions | undefined): boolean {
  return (
    options?.batch !== true &&
    o.order === 1 &&
    o.method === "auto" &&
    o.step === undefined &&
    o.lo === -Infinity &&
    o.hi === Infinity &&
    o.noise === 0 &&
    !o.noiseRelative &&
    o.rtol === 0 &&
    o.atol === 0 &&
    o.maxEvaluations === Infinity
  );
}

// The central stencil's offsets and weights as numbers: its arrays are frozen, and V8 reads frozen
// arrays' elements through a generic load.
const CENTRAL = baseStencil("central", 1);
const O0 = CENTRAL.offsets[0];
const O1 = CENTRAL.offsets[1];
const W0 = CENTRAL.weights[0];
const W1 = CENTRAL.weights[1];
const A0 = Math.abs(W0);
const A1 = Math.abs(W1);

/**
 * Departures in a row after which derivative(f, xs) stops trying the common path at every point (f is
 * noisy, float32 or not smooth where xs lies): a departed point's column is work for nothing, about a
 * fifth of its cost (measured with float32 exp). The results are the same either way.
 *
 * @default 8
 * @example
 * ```ts
 * COMMON_PATH_PATIENCE; // => 8
 * ```
 */
export const COMMON_PATH_PATIENCE = 8;

/**
 * Past COMMON_PATH_PATIENCE departures in a row, one point in this many still tries the common path,
 * so that a stretch of xs where f is smooth again takes it (one that stays on it resets the count).
 *
 * @default 16
 * @example
 * ```ts
 * COMMON_PATH_PROBE; // => 16
 * ```
 */
export const COMMON_PATH_PROBE = 16;

// One spare work, taken while in use (an f that calls derivative(g, xs) gets a fresh one).
let spare: CommonWork | null = null;

/**
 * The derivative of f at every point of xs on the common path (see the file comment). Call only when
 * {@link commonPathApplies}.
 *
 * @example
 * ```ts
 * derivativeCommon(Math.exp, new Float64Array([0, 1]), undefined).value; // => Float64Array [1, 2.718281828459045] ± 1e-12
 * ```
 */
export function derivativeCommon(
  f: Fn1,
  xs: Float64Array,
  options: DerivativeOptions | undefined,
): CommonOutput {
  const n = xs.length;
  const out: CommonOutput = {
    value: new Float64Array(n),
    error: new Float64Array(n),
    step: new Float64Array(n),
    statuses: new Uint8Array(n),
    evaluations: new Float64Array(n),
    departed: new Map(),
  };
  const work = spare ?? new CommonWork();
  spare = null;
  const kept = work.kept;
  let departures = 0; // in a row
  try {
    for (let i = 0; i < n; i++) {
      work.cache.size = 0;
      // After COMMON_PATH_PATIENCE departures in a row (a noisy or float32 f) only every
      // COMMON_PATH_PROBE-th point tries the common path: the others would spend its column for nothing.
      const tries = departures < COMMON_PATH_PATIENCE || departures % COMMON_PATH_PROBE === 0;
      if (tries && commonPoint(f, xs, i, work)) {
        departures = 0;
        out.value[i] = kept[0];
        out.error[i] = kept[1];
        out.step[i] = kept[2];
        out.evaluations[i] = work.cache.size;
      } else {
        departures++;
        depart(f, xs[i], options, work, i, out);
      }
    }
  } finally {
    spare = work;
  }
  return out;
}

/**
 * derivativeSteps (scalar-engine.ts) for point xs[i] on the common path, its estimate left in
 * `w.kept`; false when the point departs. (x is read here, not passed: a double passed to a call is
 * boxed.)
 */
function commonPoint(f: Fn1, xs: Float64Array, i: number, w: CommonWork): boolean {
  if (!Number.isFinite(xs[i])) return false;
  const kept = w.kept;
  kept[0] = NaN; // KeptEstimates.clear()
  kept[1] = NaN;
  kept[2] = NaN;
  kept[3] = 0;
  w.evenRows[EVEN_ROWS + 3] = NaN; // no probe rows until the probe runs
  w.checkFloat32 = false;
  if (centralColumn(f, xs, i, 0, w) === COLUMN_END.departed) return false;
  evenRowsOf(w.column, w.evenRows, 0);
  let misfit = w.column[11];
  if (keep(0, w.column, kept) && scaleOf(xs[i], 1) > 0) {
    if (centralColumn(f, xs, i, 1, w) === COLUMN_END.departed) return false;
    evenRowsOf(w.column, w.evenRows, EVEN_ROWS);
    const stepBefore = kept[2];
    const shapeBefore = kept[3] & SHAPE;
    keep(1, w.column, kept);
    if (kept[2] === w.column[2] && kept[0] === w.column[0]) misfit = w.column[11];
    // A longer-step estimate the probe could not confirm (unconfirmed-scale.ts) is the pipeline's, and
    // so is a kink or pole flag of the scale with the smaller steps (scalar-column.ts, keepLocalShape),
    // and one whose even parts the probe's contradict (scalar-column.ts, heldToEvenParts).
    if (unconfirmedProbe(w.column, kept) || localShape(w.column, kept, stepBefore, shapeBefore)) return false;
    if (evenPartsMissed(w.column, kept, w.evenRows)) return false;
  }
  // Anything but a quiet estimate (flags, no error estimate) takes the scalar pipeline's detours.
  // An estimate of exactly 0 is the pipeline's too (scalar-engine.ts, zeroBelowResolution).
  if (kept[3] !== 0 || !Number.isFinite(kept[1]) || !Number.isFinite(kept[0]) || kept[0] === 0) return false;
  // Rows that misfit like jumps beside x (row-misfit.ts) take the pipeline's settleMisfit.
  if (misfit > 0) return false;
  // A float32 f at an x that is no float32 number (float32-input.ts): the pipeline's error grows.
  return !noisyAt(f, xs, i, w) && !w.checkFloat32;
}

/** Whether the probe `column` left the kept estimate's error to unconfirmedError to grow. */
function unconfirmedProbe(column: Float64Array, kept: Float64Array): boolean {
  if (kept[2] === column[2] && kept[0] === column[0]) return false;
  if (unconfirmedError(kept[0], kept[1], kept[2], column[0], column[1], column[2]) !== kept[1]) return true;
  // (first-order-probe.ts: the pipeline's heldToFirstOrder, scalar-column.ts)
  const held = firstOrderProbeError(
    kept[0],
    kept[1],
    kept[2],
    kept[3],
    column[0],
    column[1],
    column[2],
    column[3],
  );
  return held !== kept[1];
}

/** A column's even rows (long-steps.ts, EVEN_ROWS) from `column` into `rows` at `at`. */
function evenRowsOf(column: Float64Array, rows: Float64Array, at: number): void {
  rows[at] = column[4];
  rows[at + 1] = column[5];
  rows[at + 2] = column[7];
  rows[at + 3] = column[8];
  rows[at + 4] = column[9];
  rows[at + 5] = column[10];
  rows[at + 6] = column[6];
}

/**
 * Whether scalar-column.ts's heldToEvenParts would widen the kept estimate's error: kept from the
 * first scale's longer steps, both columns without flags and with errors, and their even parts
 * extrapolating apart (long-steps.ts, longStepsMissed).
 */
function evenPartsMissed(column: Float64Array, kept: Float64Array, rows: Float64Array): boolean {
  if (!(kept[2] > column[2]) || kept[3] !== 0 || column[3] !== 0) return false;
  if (!(Number.isFinite(column[1]) && Number.isFinite(kept[1]))) return false;
  // The probe's spread as scalar-column.ts gives it (order 1: its error times its step).
  return longStepsMissed(
    rows.subarray(0, EVEN_ROWS),
    rows.subarray(EVEN_ROWS, 2 * EVEN_ROWS),
    column[1] * column[2],
  );
}

/** The shape flags that keepLocalShape keeps. */
const SHAPE = COLUMN_FLAG.kink | COLUMN_FLAG.pole;

/**
 * Whether keepLocalShape (scalar-column.ts) would keep a shape flag with the kept estimate: the probe's,
 * from steps that ended below the kept estimate's, or the replaced estimate's, from steps below the
 * probe's (`stepBefore`, `shapeBefore`: the kept estimate's before the probe was weighed).
 */
function localShape(
  column: Float64Array,
  kept: Float64Array,
  stepBefore: number,
  shapeBefore: number,
): boolean {
  const replaced = kept[2] === column[2] && kept[2] !== stepBefore;
  const shape = replaced
    ? stepBefore < kept[2]
      ? shapeBefore
      : 0
    : column[2] < kept[2]
      ? column[3] & SHAPE
      : 0;
  return shape !== 0;
}

/** noiseCheckStep(1, s) is s times this (scalar-engine.ts). */
const CHECK_STEP = noiseCheckStep(1, 1);

/**
 * keepScale (best-of-scales.ts) for one component without a tolerance: keeps the better of `kept` and
 * the column just run at scale i (both value, error, step, flags); true when the estimate is not good
 * enough yet.
 */
function keep(i: number, column: Float64Array, kept: Float64Array): boolean {
  const v = column[0];
  const e = column[1];
  const kv = kept[0];
  const ke = kept[1];
  const flags = column[3];
  const disagree = i > 0 && Math.abs(v - kv) > e + ke && column[2] < kept[2];
  if (Number.isFinite(v) && (!Number.isFinite(kv) || e < ke || Number.isNaN(ke) || disagree)) {
    kept[0] = v;
    kept[1] = e;
    kept[2] = column[2];
    kept[3] = (kept[3] & COLUMN_FLAG.noisy) | flags;
  } else if (i === 0) kept[3] = flags;
  else kept[3] = kept[3] | (flags & COLUMN_FLAG.noisy);
  // scalar-column.ts, nextRunScale: a probe's pole and jump count.
  if (i > 0) kept[3] = kept[3] | probeFlags(flags);
  return !(kept[1] <= GOOD_RELATIVE_ERROR * Math.abs(kept[0]) && !(kept[2] > ALIAS_STEP));
}

/**
 * The noise check (noise-check.ts, checkNoise) at x = xs[i]: the central stencil at the check step
 * disagrees with the kept estimate by more than rounding; when it does not, the kept error is scaled as
 * checkNoise scales it, after a second check at SECOND_CHECK_RATIO of the step where the first gap
 * could be noise's by chance (NOISE_RECHECK_GAP; checkNoiseAgain). A non-finite value there is the
 * scalar pipeline's case: true (depart).
 */
function noisyAt(f: Fn1, xs: Float64Array, i: number, work: CommonWork): boolean {
  const x = xs[i];
  const kept = work.kept;
  const step = scaleOf(x, 0) * CHECK_STEP;
  const h = representableStep(x, step);
  if (!(h > 0)) return false;
  const gap = checkGap(f, x, h, work);
  if (!(gap >= 0)) return true;
  const rounding = work.checkRounding;
  if (gap > NOISE_CHECK_SIGNAL * rounding + kept[1]) return true;
  // checkEvenPole (even-pole.ts): the even part grew like an even pole's at x; the pipeline asks f(x).
  const column = work.column;
  const evenRounding = F_ROUNDING * EPS * (work.checkAbs + column[6]);
  if (evenPartGrows(work.checkEven, column[4], column[5], evenRounding)) return true;
  // checkNoise (noise-check.ts): a gap beyond what correct rounding allows scales the error.
  let excess = CHECK_EXCESS_SCALE * ((gap - kept[1]) / rounding);
  let checkH = h;
  if (gap - kept[1] > NOISE_RECHECK_GAP * rounding) {
    const h2 = representableStep(x, step * SECOND_CHECK_RATIO);
    if (h2 > 0) {
      checkH = h2;
      const d1 = work.checkD;
      const gap2 = checkGap(f, x, h2, work);
      if (!(gap2 >= 0)) return true;
      const rounding2 = work.checkRounding;
      if (gap2 > NOISE_CHECK_SIGNAL * rounding2 + kept[1]) return true;
      // checkNoiseAgain (noise-check.ts): the two checks show a jump at x (check-jump.ts).
      if (jumpAtChecks(d1, h, work.checkD, h2, kept[0], rounding)) return true;
      const second = CHECK_EXCESS_SCALE * ((gap2 - kept[1]) / rounding2);
      if (second > excess) excess = second;
    }
  }
  if (excess > 1) kept[1] *= excess;
  // checkEvenKink (even-kink.ts): the rows show a jump of f′ at x that the error does not cover.
  // (The anchor through memory: doubles passed to a call that is not inlined are boxed.)
  KINK_ANCHOR[0] = work.checkEven;
  KINK_ANCHOR[1] = checkH;
  KINK_ANCHOR[2] = F_ROUNDING * EPS * work.checkAbs;
  KINK_ANCHOR[3] = kept[1];
  KINK_ANCHOR[4] = 0;
  KINK_UNDECIDED[0] = -1;
  // A read left undecided by rounding departs too: the pipeline reads the rows one ladder wider.
  return (
    anchoredKink(work.evenRows, 0) ||
    anchoredKink(work.evenRows, EVEN_ROWS) ||
    (KINK_UNDECIDED[0] >= 0 && undecidedLikeKink(work.evenRows))
  );
}

/**
 * |D(h) − the kept estimate| for the central difference D at x ± h (f called here, as in
 * common-column.ts, so that t and f(t) stay unboxed), its rounding model in `work.checkRounding`;
 * NaN when a value there is not finite.
 */
function checkGap(f: Fn1, x: number, h: number, work: CommonWork): number {
  const cache = work.cache;
  let fm = NaN;
  let fp = NaN;
  for (let q = 0; q < 2; q++) {
    const t = x + (q === 0 ? O0 : O1) * h;
    const k = cache.find(t);
    let v = NaN; // Sampler.at: no call at a point that is not finite
    if (k >= 0) v = cache.vals[k];
    else if (Number.isFinite(t)) {
      v = f(t);
      if (typeof v !== "number") checkNumber(v, t);
      cache.store(t, v);
    }
    if (!Number.isFinite(v)) return NaN;
    if (q === 0) fm = v;
    else fp = v;
  }
  if (Math.fround(x) !== x && (Math.fround(fm) === fm || Math.fround(fp) === fp)) work.checkFloat32 = true;
  let sum = 0;
  let size = 0;
  sum += W0 * fm;
  size += Math.abs(W0 * fm);
  sum += W1 * fp;
  size += Math.abs(W1 * fp);
  const d = sum / h;
  work.checkD = d;
  work.checkRounding = (F_ROUNDING * EPS * size) / h;
  let even = 0;
  even += A0 * fm;
  even += A1 * fp;
  work.checkEven = even;
  work.checkAbs = size;
  return Math.abs(d - work.kept[0]);
}

/**
 * derivative(f, x) for one point on the common path (see the file comment): the same result, bit for
 * bit and field for field, with no generator, sampler or tableau object. Call only when
 * {@link commonPathApplies}.
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * derivativeOne(Math.exp, 1, resolveOptions(undefined)).value; // => 2.718281828459045 ± 1e-12
 * derivativeOne(Math.abs, 0, resolveOptions(undefined)).status; // => "not-differentiable"
 * ```
 */
export function derivativeOne(f: Fn1, x: number, opts: ResolvedOptions): DerivativeResult {
  const work = spare ?? new CommonWork();
  spare = null;
  try {
    work.one[0] = x;
    work.cache.size = 0;
    if (!commonPoint(f, work.one, 0, work)) return departed(f, x, opts, work);
    const kept = work.kept;
    return {
      value: kept[0],
      error: kept[1],
      step: kept[2],
      method: "central",
      status: "ok",
      evaluations: work.cache.size,
    };
  } finally {
    spare = work;
  }
}

/** The scalar pipeline's result for a departed point x, with the values the cache has replayed. */
function departed(f: Fn1, x: number, opts: ResolvedOptions, work: CommonWork): DerivativeResult {
  const sampler = work.sampler.reset(work.replaying(f), opts.lo, opts.hi);
  try {
    return derivativeSync(work.engine, sampler, x, opts); // what derivative(f, x) runs
  } finally {
    sampler.reset(null);
  }
}

/** The scalar pipeline for a departed point x (entry i), its result written to `out`. */
function depart(
  f: Fn1,
  x: number,
  options: DerivativeOptions | undefined,
  work: CommonWork,
  i: number,
  out: CommonOutput,
): void {
  const r = departed(f, x, resolveOptions(options, x), work);
  out.value[i] = r.value;
  out.error[i] = r.error;
  out.step[i] = r.step;
  out.statuses[i] = statusCode(r.status);
  out.evaluations[i] = r.evaluations;
  out.departed.set(i, r);
}
