/**
 * `derivative(f, xs)` in lockstep: the points of xs advance through the engine's step sequence together,
 * a chunk of LOCKSTEP_CHUNK at a time. Each round asks every live point for its next two values of f
 * (one central row, or the noise check), evaluates them in one tight loop, and updates each point's
 * tableau and stopping state, which live in typed arrays indexed by point (a {@link ColumnState} of one
 * component per point, and {@link LockstepPoints}).
 *
 * The path is derivative()'s common path for a first derivative with default options, bit for bit:
 * the central column at each scale of x (scale-keeping.ts's `keepScale`), then the noise check at a tiny
 * step. A point that leaves it (a non-finite value, a kink, jump, noise or pole flag, no error
 * estimate, the check disagreeing) departs: the scalar pipeline runs for it from scratch, with the
 * values of f this path already has served from a replay (lockstep-replay.ts), so its result and its
 * count of evaluations are derivative()'s and f is not called twice at a point.
 */

import { keepScale, KeptEstimates } from "./best-of-scales.js";
import { ColumnState } from "./column-state.js";
import { EPS, F_ROUNDING, MAX_ROWS, NOISE_CHECK_SIGNAL } from "./constants.js";
import { baseStencil } from "./driver.js";
import { LOCKSTEP_CACHE, LOCKSTEP_CHUNK, LockstepPoints, PHASE } from "./lockstep-points.js";
import { replayDerivative } from "./lockstep-replay.js";
import { acceptRow, ROW } from "./lockstep-row.js";
import { finishColumn } from "./lockstep-rules.js";
import { checkNumber } from "./sampler.js";
import { noiseCheckStep, ScalarEngine } from "./scalar-engine.js";
import { statusCode } from "./status.js";
import type { Stencil } from "./stencil.js";
import { candidateScales, initialStep, representableStep } from "./step.js";
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

/** The state of one chunk, kept between calls (taken while in use, as derivative() keeps its engine). */
interface Work {
  pts: LockstepPoints;
  state: ColumnState;
  kept: KeptEstimates;
  /** The live points of the round. */
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
  return {
    pts: new LockstepPoints(capacity),
    state: new ColumnState(capacity),
    kept: new KeptEstimates(capacity),
    live: new Int32Array(capacity),
    engine: new ScalarEngine(),
  };
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
    const chunk = new Chunk(f, xs, options, work, out);
    for (let start = 0; start < n; start += work.pts.capacity)
      chunk.run(start, Math.min(work.pts.capacity, n - start));
  } finally {
    spare = work;
  }
  return out;
}

/** The rounds of one chunk of points (see the file comment). */
class Chunk {
  private readonly st: Stencil = baseStencil("central", 1);
  private start = 0;
  private readonly departures: number[] = [];

  constructor(
    private readonly f: Fn1,
    private readonly xs: Float64Array,
    private readonly options: DerivativeOptions | undefined,
    private readonly work: Work,
    private readonly out: LockstepOutput,
  ) {}

  /** Runs points start..start+count of xs to the end. */
  run(start: number, count: number): void {
    const { pts, state, kept, live } = this.work;
    this.start = start;
    this.departures.length = 0;
    kept.clear();
    state.activeCount = 0;
    for (let p = 0; p < count; p++) this.begin(p);
    state.reset(); // the tableau and flags of every point starting its first column
    let liveCount = 0;
    for (let p = 0; p < count; p++) if (pts.phase[p] === PHASE.column && this.plan(p)) live[liveCount++] = p;
    while (liveCount > 0) {
      this.evaluate(liveCount);
      let kept = 0;
      for (let a = 0; a < liveCount; a++) {
        const p = live[a];
        this.accept(p);
        if (this.plan(p)) live[kept++] = p;
      }
      liveCount = kept;
    }
    for (const p of this.departures) this.replay(p);
  }

  /** Point p's x, scales and first column (its state is reset with the others by the caller). */
  private begin(p: number): void {
    const { pts, state } = this.work;
    const x = this.xs[this.start + p];
    pts.x[p] = x;
    pts.size[p] = 0;
    pts.phase[p] = PHASE.column;
    if (!Number.isFinite(x)) {
      this.depart(p);
      return;
    }
    const scales = candidateScales(x);
    pts.scale0[p] = scales[0];
    pts.scale1[p] = scales.length > 1 ? scales[1] : NaN;
    if (this.startColumn(p, 0)) state.active[state.activeCount++] = p;
  }

  /** Starts point p's column at scale i; false when it departs (no central stencil fits beside x). */
  private startColumn(p: number, i: number): boolean {
    const pts = this.work.pts;
    const x = pts.x[p];
    // The driver's first step: reach 2 for the central first-derivative stencil (order + 1).
    const h0 = initialStep(i === 0 ? pts.scale0[p] : pts.scale1[p], 1, x, 2);
    if (!(h0 > 0)) {
      this.depart(p);
      return false;
    }
    pts.scaleIndex[p] = i;
    pts.h[p] = h0;
    pts.rows[p] = 0;
    pts.phase[p] = PHASE.column;
    return true;
  }

  /**
   * Sets point p's next two points (a row, or the noise check), ending columns whose steps ran out on
   * the way; true when p needs values, false when it is done or departed.
   */
  private plan(p: number): boolean {
    const { pts, state } = this.work;
    const x = pts.x[p];
    for (;;) {
      const phase = pts.phase[p];
      if (phase === PHASE.check) return this.points(p, x, pts.hr[p]);
      if (phase !== PHASE.column) return false;
      const hr = pts.rows[p] < MAX_ROWS ? representableStep(x, pts.h[p]) : NaN;
      if (hr > 0) {
        pts.hr[p] = hr;
        return this.points(p, x, hr);
      }
      finishColumn(state, p);
      this.columnEnded(p);
    }
  }

  /** The stencil points x + o·h of point p, from its cache where it has them. */
  private points(p: number, x: number, h: number): boolean {
    const pts = this.work.pts;
    const tm = x + this.st.offsets[0] * h;
    const tp = x + this.st.offsets[1] * h;
    if (!(Number.isFinite(tm) && Number.isFinite(tp)) || pts.size[p] + 2 > LOCKSTEP_CACHE) {
      this.depart(p);
      return false;
    }
    pts.minus[p] = tm;
    pts.plus[p] = tp;
    const im = pts.find(p, tm);
    const ip = pts.find(p, tp);
    pts.missMinus[p] = im < 0 ? 1 : 0;
    pts.missPlus[p] = ip < 0 ? 1 : 0;
    if (im >= 0) pts.fMinus[p] = pts.vals[im];
    if (ip >= 0) pts.fPlus[p] = pts.vals[ip];
    return true;
  }

  /**
   * f at the live points' misses, in order, as the sync loop calls it: a point's second value only
   * when its first is finite (the rest of a row is not used).
   */
  private evaluate(liveCount: number): void {
    const { pts, live } = this.work;
    const f = this.f;
    for (let a = 0; a < liveCount; a++) {
      const p = live[a];
      if (pts.missMinus[p] === 1) {
        const t = pts.minus[p];
        const v = checkNumber(f(t), t);
        pts.store(p, t, v);
        pts.fMinus[p] = v;
        if (!Number.isFinite(v)) continue;
      }
      if (pts.missPlus[p] === 1) {
        const t = pts.plus[p];
        const v = checkNumber(f(t), t);
        pts.store(p, t, v);
        pts.fPlus[p] = v;
      }
    }
  }

  /** Takes point p's two values: a row of its column, or the noise check. */
  private accept(p: number): void {
    const { pts, state } = this.work;
    const fm = pts.fMinus[p];
    const fp = pts.fPlus[p];
    if (!(Number.isFinite(fm) && Number.isFinite(fp))) {
      this.depart(p);
      return;
    }
    if (pts.phase[p] === PHASE.check) {
      if (this.noisy(p, fm, fp)) this.depart(p);
      else this.done(p);
      return;
    }
    const r = acceptRow(state, pts, p, this.st, fm, fp);
    if (r === ROW.departed) this.depart(p);
    else if (r === ROW.finished) this.columnEnded(p);
  }

  /** After a column of point p: keep the better scale, run the next one, or go to the noise check. */
  private columnEnded(p: number): void {
    const { pts, state, kept } = this.work;
    const i = pts.scaleIndex[p];
    kept.pending[0] = p;
    kept.pendingCount = 1;
    keepScale(state, kept, i);
    if (kept.pendingCount === 1 && i === 0 && pts.scale1[p] > 0) {
      if (this.startColumn(p, 1)) {
        state.active[0] = p; // reset() clears the active components: this one
        state.activeCount = 1;
        state.reset();
      }
      return;
    }
    // Anything but a quiet estimate (flags, no error estimate) takes the scalar pipeline's detours.
    const e = kept.error[p];
    if (kept.flags[p] !== 0 || !Number.isFinite(e) || !Number.isFinite(kept.value[p])) {
      this.depart(p);
      return;
    }
    const x = pts.x[p];
    const h = representableStep(x, noiseCheckStep(1, pts.scale0[p]));
    if (!(h > 0)) {
      this.done(p); // no check possible: the scalar pipeline takes the estimate as it is
      return;
    }
    pts.hr[p] = h;
    pts.phase[p] = PHASE.check;
  }

  /** The noise check (scalar-engine.ts, NOISE_CHECK_SIGNAL): the stencil at h disagrees with the estimate. */
  private noisy(p: number, fm: number, fp: number): boolean {
    const { pts, kept } = this.work;
    const w = this.st.weights;
    const h = pts.hr[p];
    let sum = 0;
    let size = 0;
    sum += w[0] * fm;
    size += Math.abs(w[0] * fm);
    sum += w[1] * fp;
    size += Math.abs(w[1] * fp);
    const d = sum / h;
    const rounding = (F_ROUNDING * EPS * size) / h;
    return Math.abs(d - kept.value[p]) > NOISE_CHECK_SIGNAL * rounding + kept.error[p];
  }

  /** Point p's result: the kept estimate, status "ok". */
  private done(p: number): void {
    const { pts, kept } = this.work;
    const out = this.out;
    const i = this.start + p;
    pts.phase[p] = PHASE.done;
    out.value[i] = kept.value[p];
    out.error[i] = kept.error[p];
    out.step[i] = kept.step[p];
    out.evaluations[i] = pts.size[p];
  }

  private depart(p: number): void {
    this.work.pts.phase[p] = PHASE.departed;
    this.departures.push(p);
  }

  /** The scalar pipeline for departed point p, with the values it already has replayed. */
  private replay(p: number): void {
    const { pts, engine } = this.work;
    const i = this.start + p;
    const r = replayDerivative(this.f, pts.x[p], this.options, pts, p, engine);
    const out = this.out;
    out.value[i] = r.value;
    out.error[i] = r.error;
    out.step[i] = r.step;
    out.statuses[i] = statusCode(r.status);
    out.evaluations[i] = r.evaluations;
    out.departed.set(i, r);
  }
}
