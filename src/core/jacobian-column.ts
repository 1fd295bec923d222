/**
 * One column of the adaptive Jacobian as a pipeline (sampler.ts): the screen (flat-screen.ts) settles
 * the components that do not move along x_j at once, and the driver runs only the others, each scale
 * of x_j, its first rows served from what the screen evaluated. The sync loop takes one point per
 * request (so it stops a row where every component is in trouble, as runColumn does); the batched and
 * async loops take each row at once.
 */

import { beginScales, KeptEstimates, keepScale, nextScale } from "./best-of-scales.js";
import { COLUMN_FLAG, ColumnState } from "./column-state.js";
import { ColumnDriver, type ColumnSpec } from "./driver.js";
import { ColumnPlan, FlatScreen } from "./flat-screen.js";
import type { JacobianJob } from "./jacobian-job.js";
import { PointRequest, type Pipeline } from "./sampler.js";
import { statusCode } from "./status.js";
import { candidateScales } from "./step.js";
import { component } from "./vector-caller.js";

/**
 * A request of the sync loop, which evaluates one point at a time: F's result itself goes in
 * `vector` (read before the next call), not copied into `values`.
 *
 * @example
 * ```ts
 * const r = new VectorRequest();
 * r.vector = F(point); // then resume the pipeline
 * ```
 */
export class VectorRequest extends PointRequest {
  vector: ArrayLike<number> = new Float64Array(0);
}

/**
 * The state one column in flight needs; reused by later columns.
 *
 * @example
 * ```ts
 * const work = new ColumnWork(m, true);
 * ```
 */
export class ColumnWork {
  readonly state: ColumnState;
  readonly driver: ColumnDriver;
  readonly kept: KeptEstimates;
  readonly request = new VectorRequest();
  readonly plan = new ColumnPlan();
  readonly screen: FlatScreen;
  /** The components the driver ran: the first `listed`. */
  readonly list: Int32Array;
  listed = 0;
  /** Where each point of the last gathered row is in the request (-1: no value needed from F). */
  from = new Int32Array(32);
  readonly spec: ColumnSpec = {
    x: 0,
    order: 1,
    scale: 1,
    start: "central",
    canSwitch: false,
    probeOnly: false,
    stopOnNoise: false,
  };

  constructor(
    m: number,
    /** One point per request, its F result in `request.vector` (the sync loop). */
    readonly pointwise: boolean,
  ) {
    this.state = new ColumnState(m);
    this.driver = new ColumnDriver(this.state);
    this.kept = new KeptEstimates(m);
    this.screen = new FlatScreen(m);
    this.list = new Int32Array(m);
  }
}

/**
 * Column j of the job (see the file comment): writes it to the job's rows and returns its worst
 * status code.
 *
 * @example
 * ```ts
 * const worst = yield* adaptiveColumn(job, j, work);
 * ```
 */
export function* adaptiveColumn(job: JacobianJob, j: number, work: ColumnWork): Pipeline<number> {
  const xj = job.x0[j];
  if (!Number.isFinite(xj)) {
    job.rows.nanColumn(j);
    job.rows.finish(j);
    return 0;
  }
  const { o } = job;
  const { state, driver, kept, spec } = work;
  const scales = candidateScales(xj);
  spec.x = xj;
  spec.order = o.order;
  spec.scale = scales[0];
  spec.start = o.method === "auto" ? "central" : o.method;
  spec.canSwitch = o.method === "auto";
  spec.probeOnly = false;
  work.screen.taken = 0;
  // Screened where a flat component is final after the first scale (keepScale's `constantDone`).
  const final = scales.length === 1 || smallerNext(scales, 0);
  const screened = final && work.plan.make(spec) && (yield* screenColumn(job, j, work));
  if (screened) work.screen.activateMoved(state);
  else state.activateAll();
  work.listed = state.activeCount;
  work.list.set(state.active.subarray(0, state.activeCount));
  for (let a = 0; a < work.listed; a++) kept.forget(work.list[a]);
  beginScales(state, kept);
  driver.useMagnitudes = false;
  for (let i = 0; i < scales.length && nextScale(state, kept); i++) {
    spec.scale = scales[i];
    spec.probeOnly = i > 0;
    driver.start(spec);
    for (let count = driver.nextPoints(); count > 0; count = driver.nextPoints()) {
      driver.accept(yield* driverRow(job, j, work, count));
    }
    keepScale(state, kept, i, undefined, undefined, smallerNext(scales, i));
  }
  if (screened) job.rows.settle(j, work.plan.step);
  const worst = storeColumn(job, j, work);
  job.rows.finish(j);
  return worst;
}

/**
 * Whether the scale after scale i has smaller steps: then a component constant at scale i is done
 * (see keepScale's `constantDone`).
 *
 * @example
 * ```ts
 * smallerNext([5, 1], 0); // true
 * ```
 */
export function smallerNext(scales: readonly number[], i: number): boolean {
  return i + 1 < scales.length && scales[i + 1] < scales[i];
}

/**
 * Evaluates the planned points for the screen, row by row; false once a value was not finite (the
 * driver then retries with other steps, so every component runs, the points taken served again).
 */
function* screenColumn(
  job: JacobianJob,
  j: number,
  work: ColumnWork,
): Generator<PointRequest, boolean, void> {
  const { plan, screen } = work;
  const { centre } = job;
  screen.begin(plan.count);
  let start = 0;
  for (let r = 0; r < plan.rows; r++) {
    const end = plan.rowEnd[r];
    let trouble = false;
    if (!work.pointwise && gather(job, j, work, plan.points, plan.offsets, start, end, -1))
      yield work.request;
    for (let p = start; p < end; p++) {
      const v = yield* pointValues(job, j, work, plan.points[p], plan.offsets[p], p - start);
      const offset = work.pointwise || plan.offsets[p] === 0 ? 0 : work.from[p - start] * centre.length;
      const bad = screen.take(p, v, offset, centre);
      if (bad !== 0) trouble = true;
      // Every component in trouble here: the sync loop does not evaluate the rest of the row.
      if (bad === 2 && work.pointwise) return false;
    }
    if (trouble) return false;
    start = end;
  }
  return true;
}

/**
 * The values at one point of a row: F(x) for offset 0, null outside the bounds, else F's result
 * (the sync loop: one request now) or the gathered block (`from` says where).
 */
function* pointValues(
  job: JacobianJob,
  j: number,
  work: ColumnWork,
  t: number,
  offset: number,
  q: number,
): Generator<PointRequest, ArrayLike<number> | null, void> {
  if (offset === 0) return job.centre;
  if (!inside(job, j, t)) return null;
  if (!work.pointwise) return work.from[q] < 0 ? null : work.request.values;
  const r = work.request;
  r.reserve(1, job.centre.length);
  r.points[0] = t;
  r.count = 1;
  r.evaluated = 1;
  r.prefix = false;
  yield r;
  return r.vector;
}

function inside(job: JacobianJob, j: number, t: number): boolean {
  return t >= job.o.lo[j] && t <= job.o.hi[j] && Number.isFinite(t);
}

/**
 * Puts the points [start, end) that need F (not x itself, not outside the bounds, not screened
 * already: `cached` ≥ 0 the plan's points taken) in the request; work.from[q] is each one's index
 * there, or -1. Returns whether any does.
 */
function gather(
  job: JacobianJob,
  j: number,
  work: ColumnWork,
  points: Float64Array,
  offsets: Float64Array,
  start: number,
  end: number,
  cached: number,
): boolean {
  const { request } = work;
  const m = job.centre.length;
  request.reserve(end - start, m);
  if (work.from.length < end - start) work.from = new Int32Array(end - start);
  let misses = 0;
  for (let p = start; p < end; p++) {
    const t = points[p];
    const needed =
      offsets[p] !== 0 && inside(job, j, t) && !(cached > 0 && work.plan.find(t, offsets[p], cached) >= 0);
    if (needed) request.points[misses] = t;
    work.from[p - start] = needed ? misses++ : -1;
  }
  request.count = misses;
  request.evaluated = misses;
  request.prefix = false;
  return misses > 0;
}

/**
 * Hands a driver row's values to the driver (active components only); returns the prefix the sync
 * loop evaluated (it stops after a point where every active component is in trouble).
 */
function* driverRow(
  job: JacobianJob,
  j: number,
  work: ColumnWork,
  count: number,
): Generator<PointRequest, number, void> {
  const { driver, state, screen, plan } = work;
  const { centre } = job;
  const m = centre.length;
  const taken = screen.taken;
  if (!work.pointwise && gather(job, j, work, driver.points, driver.offsets, 0, count, taken))
    yield work.request;
  const values = driver.values;
  for (let q = 0; q < count; q++) {
    const t = driver.points[q];
    const p = taken > 0 && driver.offsets[q] !== 0 ? plan.find(t, driver.offsets[q], taken) : -1;
    let finite = 0;
    if (p >= 0) {
      for (let a = 0; a < state.activeCount; a++) {
        const k = state.active[a];
        const fk = screen.value(p, k, centre);
        values[q * m + k] = fk;
        if (Number.isFinite(fk)) finite++;
      }
    } else {
      const v = yield* pointValues(job, j, work, t, driver.offsets[q], q);
      const base = work.pointwise || driver.offsets[q] === 0 ? 0 : work.from[q] * m;
      for (let a = 0; a < state.activeCount; a++) {
        const k = state.active[a];
        const fk = v === null ? NaN : component(v, base + k);
        values[q * m + k] = fk;
        if (Number.isFinite(fk)) finite++;
      }
    }
    if (finite === 0) return q + 1;
  }
  return count;
}

const DISCONTINUOUS = statusCode("discontinuous");

/**
 * The status code of a Jacobian entry from what its column found: the Jacobian reports the column's
 * own findings (a jump, a spent budget, no finite value); derivative() goes on to compare one-sided
 * derivatives and measure noise.
 */
function entryStatus(value: number, flags: number): number {
  if ((flags & COLUMN_FLAG.diverging) !== 0) return DISCONTINUOUS;
  if (!Number.isFinite(value)) return statusCode("not-finite");
  if ((flags & COLUMN_FLAG.budget) !== 0) return statusCode("max-evaluations");
  return 0;
}

/**
 * Hands the kept estimates of the components the driver ran to the job's rows (NaN where F_k has no
 * error estimate and is not finite at x; NaN and ∞ for a jump); returns the column's worst code.
 */
function storeColumn(job: JacobianJob, j: number, work: ColumnWork): number {
  const { kept } = work;
  const { centre } = job;
  let worst = 0;
  for (let a = 0; a < work.listed; a++) {
    const k = work.list[a];
    // As derivative(): no error estimate means no convergence; if F_k is not even finite at x
    // (1/x at 0) the last difference is meaningless, and the honest value is NaN.
    let v = Number.isNaN(kept.error[k]) && !Number.isFinite(centre[k]) ? NaN : kept.value[k];
    let e = kept.error[k];
    const code = entryStatus(v, kept.flags[k]);
    if (code === DISCONTINUOUS) [v, e] = [NaN, Infinity];
    job.rows.entry(k, j, v, e, code);
    if (code > worst) worst = code;
  }
  return worst;
}
