/**
 * `derivative(f, xs)` in lockstep: the points of xs advance through the engine's step sequence together,
 * a chunk of LOCKSTEP_CHUNK at a time. Each round asks every live point for its next two values of f
 * (one central row, or the noise check), evaluates them in one tight loop, and updates each point's
 * tableau and stopping state, which live in one typed array of records indexed by point
 * ({@link LockstepPoints}).
 *
 * The path is derivative()'s common path for a first derivative with default options, bit for bit:
 * the central column at each scale of x (best-of-scales.ts's `keepScale`), then the noise check at a tiny
 * step. A point that leaves it (a non-finite value, a kink, jump, noise or pole flag, no error
 * estimate, the check disagreeing) departs: the scalar pipeline runs for it from scratch, with the
 * values of f this path already has served from a replay (lockstep-replay.ts), so its result and its
 * count of evaluations are derivative()'s and f is not called twice at a point.
 */

import { EPS, F_ROUNDING, MAX_ROWS, MIN_SCALE, NOISE_CHECK_SIGNAL, SMALL_X } from "./constants.js";
import { baseStencil } from "./driver.js";
import { FIELDS, LOCKSTEP_CACHE, LOCKSTEP_CHUNK, LockstepPoints, PHASE, STRIDE } from "./lockstep-points.js";
import { replayDerivative } from "./lockstep-replay.js";
import { acceptRow, ROW } from "./lockstep-row.js";
import { finishColumn, forgetBest, keepColumn } from "./lockstep-rules.js";
import { checkNumber } from "./sampler.js";
import { noiseCheckStep, ScalarEngine } from "./scalar-engine.js";
import { statusCode } from "./status.js";
import { initialStep, representableStep } from "./step.js";
import type { DerivativeOptions, DerivativeResult, Fn1 } from "./types.js";
import type { ResolvedOptions } from "./validate.js";

/**
 * What the lockstep path gives for xs: per point the value, error, step, status code and evaluations,
 * and the full result of every point that departed to the scalar pipeline (the others are "ok",
 * central, without noise or one-sided parts).
 *
 * @example
 * ```ts
 * const out = derivativeLockstep(Math.sin, new Float64Array([0, 1]), undefined);
 * out.value; // Float64Array [1, 0.5403023058681398]
 * ```
 */
export interface LockstepOutput {
  value: Float64Array;
  error: Float64Array;
  step: Float64Array;
  statuses: Uint8Array;
  evaluations: Float64Array;
  departed: Map<number, DerivativeResult>;
}

/**
 * Whether derivative(f, xs, options) can take the lockstep path: a first derivative with the default
 * method, no fixed step, no bounds, no known noise, no tolerance, no budget, a plain (not batched) f.
 *
 * @example
 * ```ts
 * lockstepApplies(resolveOptions(undefined), undefined); // true
 * lockstepApplies(resolveOptions({ order: 2 }), { order: 2 }); // false
 * ```
 */
export function lockstepApplies(o: ResolvedOptions, options: DerivativeOptions | undefined): boolean {
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

const {
  x: X,
  scale0: SCALE0,
  scale1: SCALE1,
  scaleIndex: SCALE_INDEX,
  phase: PHASE_,
  h: H,
  hr: HR,
  rows: ROWS,
  stalls: STALLS,
  flat: FLAT,
  ref: REF,
  lastGood: LAST_GOOD,
  lastStep: LAST_STEP,
  flags: FLAGS,
  settledRows: SETTLED_ROWS,
  even0: EVEN0,
  even1: EVEN1,
  even2: EVEN2,
  jumpScaled: JUMP_SCALED,
  jumpRun: JUMP_RUN,
  jumpChange: JUMP_CHANGE,
  jumpSettling: JUMP_SETTLING,
  growRun: GROW_RUN,
  keptValue: KEPT_VALUE,
  keptError: KEPT_ERROR,
  keptStep: KEPT_STEP,
  keptFlags: KEPT_FLAGS,
  minus: MINUS,
  plus: PLUS,
  fMinus: F_MINUS,
  fPlus: F_PLUS,
  missMinus: MISS_MINUS,
  missPlus: MISS_PLUS,
} = FIELDS;
const COLUMN = PHASE.column;
const CHECK = PHASE.check;
const DONE = PHASE.done;
const DEPARTED = PHASE.departed;
const CENTRAL = baseStencil("central", 1);
const W0 = CENTRAL.weights[0];
const W1 = CENTRAL.weights[1];
const O0 = CENTRAL.offsets[0];
const O1 = CENTRAL.offsets[1];

/** The state of one chunk and its live list, kept between calls (taken while in use). */
interface Work {
  pts: LockstepPoints;
  live: Int32Array;
  engine: ScalarEngine;
}

let spare: Work | null = null;

function takeWork(capacity: number): Work {
  const w = spare;
  if (w !== null && w.pts.capacity >= capacity) {
    spare = null;
    return w;
  }
  return { pts: new LockstepPoints(capacity), live: new Int32Array(capacity), engine: new ScalarEngine() };
}

/**
 * The derivative of f at every point of xs on the lockstep path (see the file comment); entry i is
 * `derivative(f, xs[i], options)`'s, bit for bit. Call only when {@link lockstepApplies}.
 *
 * @example
 * ```ts
 * derivativeLockstep(Math.exp, new Float64Array([0]), undefined).value; // Float64Array [1]
 * ```
 */
export function derivativeLockstep(
  f: Fn1,
  xs: Float64Array,
  options: DerivativeOptions | undefined,
): LockstepOutput {
  const n = xs.length;
  const out: LockstepOutput = {
    value: new Float64Array(n),
    error: new Float64Array(n),
    step: new Float64Array(n),
    statuses: new Uint8Array(n),
    evaluations: new Float64Array(n),
    departed: new Map(),
  };
  const work = takeWork(Math.min(LOCKSTEP_CHUNK, n));
  try {
    const departures: number[] = [];
    const capacity = work.pts.capacity;
    for (let start = 0; start < n; start += capacity) {
      const count = Math.min(capacity, n - start);
      departures.length = 0;
      runChunk(f, xs, start, count, work, out, departures);
      for (const p of departures) replay(f, options, work, p, start + p, out);
    }
  } finally {
    spare = work;
  }
  return out;
}

/** Runs points start..start+count of xs in lockstep; the departed ones go to `departures`. */
function runChunk(
  f: Fn1,
  xs: Float64Array,
  start: number,
  count: number,
  work: Work,
  out: LockstepOutput,
  departures: number[],
): void {
  const { pts, live } = work;
  const s = pts.state;
  let liveCount = 0;
  for (let p = 0; p < count; p++) {
    pts.size[p] = 0;
    if (begin(s, p * STRIDE, xs[start + p]) && plan(pts, p)) live[liveCount++] = p;
    else if (s[p * STRIDE + PHASE_] === DEPARTED) departures.push(p);
  }
  while (liveCount > 0) {
    evaluate(f, pts, live, liveCount);
    let kept = 0;
    for (let a = 0; a < liveCount; a++) {
      const p = live[a];
      const b = p * STRIDE;
      accept(s, b);
      if (plan(pts, p)) live[kept++] = p;
      else if (s[b + PHASE_] === DONE) done(pts, p, start + p, out);
      else departures.push(p);
    }
    liveCount = kept;
  }
}

/** A point's record at the start of its first column; false when it departs at once (x not finite). */
function begin(s: Float64Array, b: number, x: number): boolean {
  s[b + X] = x;
  s[b + KEPT_VALUE] = NaN; // KeptEstimates.clear()
  s[b + KEPT_ERROR] = NaN;
  s[b + KEPT_STEP] = NaN;
  s[b + KEPT_FLAGS] = 0;
  if (!Number.isFinite(x)) {
    s[b + PHASE_] = DEPARTED;
    return false;
  }
  scales(s, b, x);
  return startColumn(s, b, 0);
}

/**
 * The scales of x into the record: candidateScales of step.ts (its rule is there), without the array
 * it allocates per point.
 */
function scales(s: Float64Array, b: number, x: number): void {
  const ax = Math.abs(x);
  if (!(ax > 0)) {
    s[b + SCALE0] = 1;
    s[b + SCALE1] = NaN;
  } else if (ax < SMALL_X) {
    s[b + SCALE0] = Math.max(ax, MIN_SCALE);
    s[b + SCALE1] = 1;
  } else {
    s[b + SCALE0] = ax > 1 ? ax : 1;
    s[b + SCALE1] = ax > 1 ? 1 : NaN;
  }
}

/** Starts the point's column at scale i (the driver's `start` and ColumnState's `reset`). */
function startColumn(s: Float64Array, b: number, i: number): boolean {
  const x = s[b + X];
  // The driver's first step: reach 2 for the central first-derivative stencil (order + 1).
  const h0 = initialStep(i === 0 ? s[b + SCALE0] : s[b + SCALE1], 1, x, 2);
  if (!(h0 > 0)) {
    s[b + PHASE_] = DEPARTED; // no central stencil fits beside x: the driver goes one-sided
    return false;
  }
  s[b + PHASE_] = COLUMN;
  s[b + SCALE_INDEX] = i;
  s[b + H] = h0;
  s[b + ROWS] = 0;
  forgetBest(s, b);
  s[b + STALLS] = 0;
  s[b + FLAT] = 1;
  s[b + REF] = NaN;
  s[b + LAST_GOOD] = NaN;
  s[b + LAST_STEP] = NaN;
  s[b + FLAGS] = 0;
  s[b + SETTLED_ROWS] = 0;
  s[b + EVEN0] = NaN;
  s[b + EVEN1] = NaN;
  s[b + EVEN2] = NaN;
  s[b + JUMP_SCALED] = NaN;
  s[b + JUMP_RUN] = 0;
  s[b + JUMP_CHANGE] = NaN;
  s[b + JUMP_SETTLING] = 0;
  s[b + GROW_RUN] = 0;
  return true;
}

/**
 * Sets point p's next two points (a row, or the noise check), ending columns whose steps ran out on
 * the way; true when p needs values, false when it is done or departed.
 */
function plan(pts: LockstepPoints, p: number): boolean {
  const s = pts.state;
  const b = p * STRIDE;
  const x = s[b + X];
  for (;;) {
    const phase = s[b + PHASE_];
    if (phase === CHECK) return points(pts, p);
    if (phase !== COLUMN) return false;
    const hr = s[b + ROWS] < MAX_ROWS ? representableStep(x, s[b + H]) : NaN;
    if (hr > 0) {
      s[b + HR] = hr;
      return points(pts, p);
    }
    finishColumn(s, b);
    columnEnded(s, b);
  }
}

/** The stencil points x + o·hr of point p, from its cache where it has them; false when p departs. */
function points(pts: LockstepPoints, p: number): boolean {
  const s = pts.state;
  const b = p * STRIDE;
  const x = s[b + X];
  const h = s[b + HR];
  const tm = x + O0 * h;
  const tp = x + O1 * h;
  if (!(Number.isFinite(tm) && Number.isFinite(tp)) || pts.size[p] + 2 > LOCKSTEP_CACHE) {
    s[b + PHASE_] = DEPARTED;
    return false;
  }
  s[b + MINUS] = tm;
  s[b + PLUS] = tp;
  const im = pts.find(p, tm);
  const ip = pts.find(p, tp);
  s[b + MISS_MINUS] = im < 0 ? 1 : 0;
  s[b + MISS_PLUS] = ip < 0 ? 1 : 0;
  if (im >= 0) s[b + F_MINUS] = pts.vals[im];
  if (ip >= 0) s[b + F_PLUS] = pts.vals[ip];
  return true;
}

/**
 * f at the live points' misses, in order, as the sync loop calls it: a point's second value only when
 * its first is finite (the rest of a row is not used).
 */
function evaluate(f: Fn1, pts: LockstepPoints, live: Int32Array, liveCount: number): void {
  const { state: s, keys, vals, size } = pts;
  for (let a = 0; a < liveCount; a++) {
    const p = live[a];
    const b = p * STRIDE;
    // The cache is written here, not through a method: doubles passed to a call that is not inlined
    // are boxed. `points` made room for both.
    if (s[b + MISS_MINUS] === 1) {
      const t = s[b + MINUS];
      const v = f(t);
      if (typeof v !== "number") checkNumber(v, t);
      const k = p * LOCKSTEP_CACHE + size[p]++;
      keys[k] = t;
      vals[k] = v;
      s[b + F_MINUS] = v;
      if (!Number.isFinite(v)) continue;
    }
    if (s[b + MISS_PLUS] === 1) {
      const t = s[b + PLUS];
      const v = f(t);
      if (typeof v !== "number") checkNumber(v, t);
      const k = p * LOCKSTEP_CACHE + size[p]++;
      keys[k] = t;
      vals[k] = v;
      s[b + F_PLUS] = v;
    }
  }
}

/** Takes the point's two values: a row of its column, or the noise check. */
function accept(s: Float64Array, b: number): void {
  const fm = s[b + F_MINUS];
  const fp = s[b + F_PLUS];
  if (!(Number.isFinite(fm) && Number.isFinite(fp))) s[b + PHASE_] = DEPARTED;
  else if (s[b + PHASE_] === CHECK) s[b + PHASE_] = noisy(s, b) ? DEPARTED : DONE;
  else {
    const r = acceptRow(s, b);
    if (r === ROW.departed) s[b + PHASE_] = DEPARTED;
    else if (r === ROW.finished) columnEnded(s, b);
  }
}

/** After a column: keep the better scale, run the next one, or go to the noise check. */
function columnEnded(s: Float64Array, b: number): void {
  const i = s[b + SCALE_INDEX];
  if (keepColumn(s, b, i) && i === 0 && s[b + SCALE1] > 0) {
    startColumn(s, b, 1);
    return;
  }
  // Anything but a quiet estimate (flags, no error estimate) takes the scalar pipeline's detours.
  if (s[b + KEPT_FLAGS] !== 0 || !Number.isFinite(s[b + KEPT_ERROR]) || !Number.isFinite(s[b + KEPT_VALUE])) {
    s[b + PHASE_] = DEPARTED;
    return;
  }
  const h = representableStep(s[b + X], noiseCheckStep(1, s[b + SCALE0]));
  s[b + HR] = h;
  // No check possible: the scalar pipeline takes the estimate as it is.
  s[b + PHASE_] = h > 0 ? CHECK : DONE;
}

/** The noise check (scalar-engine.ts, NOISE_CHECK_SIGNAL): the stencil at h disagrees with the estimate. */
function noisy(s: Float64Array, b: number): boolean {
  const fm = s[b + F_MINUS];
  const fp = s[b + F_PLUS];
  const h = s[b + HR];
  let sum = 0;
  let size = 0;
  sum += W0 * fm;
  size += Math.abs(W0 * fm);
  sum += W1 * fp;
  size += Math.abs(W1 * fp);
  const d = sum / h;
  const rounding = (F_ROUNDING * EPS * size) / h;
  return Math.abs(d - s[b + KEPT_VALUE]) > NOISE_CHECK_SIGNAL * rounding + s[b + KEPT_ERROR];
}

/** Point p's result (entry i): the kept estimate, status "ok". */
function done(pts: LockstepPoints, p: number, i: number, out: LockstepOutput): void {
  const s = pts.state;
  const b = p * STRIDE;
  out.value[i] = s[b + KEPT_VALUE];
  out.error[i] = s[b + KEPT_ERROR];
  out.step[i] = s[b + KEPT_STEP];
  out.evaluations[i] = pts.size[p];
}

/** The scalar pipeline for departed point p (entry i), with the values it already has replayed. */
function replay(
  f: Fn1,
  options: DerivativeOptions | undefined,
  work: Work,
  p: number,
  i: number,
  out: LockstepOutput,
): void {
  const r = replayDerivative(f, xsOf(work, p), options, work.pts, p, work.engine);
  out.value[i] = r.value;
  out.error[i] = r.error;
  out.step[i] = r.step;
  out.statuses[i] = statusCode(r.status);
  out.evaluations[i] = r.evaluations;
  out.departed.set(i, r);
}

function xsOf(work: Work, p: number): number {
  return work.pts.state[p * STRIDE + X];
}
