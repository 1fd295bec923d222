/**
 * The Jacobian's columns as pipelines, for the batched and async loops: column j is the sync
 * jacobian's column (the driver on every component of F along x_j, each scale of x_j), with the
 * points of each row handed to the runner at once. The values, errors and statuses are the sync
 * ones bit for bit; a row that straddles a domain edge may cost a few more calls (the sync loop
 * stops at the first point where every component is in trouble).
 */

import { beginScales, KeptEstimates, keepScale, nextScale } from "./best-of-scales.js";
import { ColumnState } from "./column-state.js";
import { BATCH_BLOCK_NUMBERS, LOCKSTEP_PIPELINES } from "./constants.js";
import { ColumnDriver, type ColumnSpec } from "./driver.js";
import { fixedStencil } from "./fixed-partial.js";
import { invalid } from "./errors.js";
import { writeVector } from "./batch.js";
import { rows, smallerNext, storeColumn, type JacobianResult } from "./jacobian.js";
import { fixedStatus, STATUSES, statusCode } from "./status.js";
import { PointRequest, type Pipeline } from "./sampler.js";
import { candidateScales, divideByPower } from "./step.js";
import type { StencilKind } from "./types.js";
import type { ResolvedMultivariate } from "./vector.js";

/**
 * What the columns share: the point, F(x), the options and the output matrices.
 *
 * @example
 * ```ts
 * const job: JacobianJob = { x0, centre, o, value, error: null, statuses: [] };
 * ```
 */
export interface JacobianJob {
  readonly x0: Float64Array;
  readonly centre: Float64Array;
  readonly o: ResolvedMultivariate;
  readonly value: Float64Array[];
  readonly error: Float64Array[] | null;
  readonly statuses: Uint8Array[];
}

/** The state one column in flight needs; reused by later columns. */
class ColumnWork {
  readonly state: ColumnState;
  readonly driver: ColumnDriver;
  readonly kept: KeptEstimates;
  readonly request = new PointRequest();
  from = new Int32Array(32);
  constructor(m: number) {
    this.state = new ColumnState(m);
    this.driver = new ColumnDriver(this.state);
    this.kept = new KeptEstimates(m);
  }
}

/**
 * How many columns run in lockstep: their state (about 40 numbers per component) and a round's block
 * of points stay within BATCH_BLOCK_NUMBERS.
 *
 * @example
 * ```ts
 * columnsInFlight(10_000, 10_000); // 10
 * ```
 */
export function columnsInFlight(m: number, n: number): number {
  return Math.max(1, Math.min(LOCKSTEP_PIPELINES, Math.floor(BATCH_BLOCK_NUMBERS / (40 * Math.max(m, n)))));
}

/**
 * make(j): the pipeline of column j; it writes the column into the job's matrices and returns its
 * worst status code.
 *
 * @example
 * ```ts
 * const make = jacobianColumns(job);
 * ```
 */
export function jacobianColumns(job: JacobianJob): (j: number) => Pipeline<number> {
  const pool: ColumnWork[] = [];
  const m = job.centre.length;
  return function* (j: number): Pipeline<number> {
    const work = pool.pop() ?? new ColumnWork(m);
    try {
      return job.o.step === undefined
        ? yield* adaptiveColumn(job, j, work)
        : yield* fixedColumn(job, j, work);
    } finally {
      pool.push(work);
    }
  };
}

function* adaptiveColumn(job: JacobianJob, j: number, work: ColumnWork): Pipeline<number> {
  const { x0, o, centre } = job;
  const xj = x0[j];
  const m = centre.length;
  if (!Number.isFinite(xj)) {
    for (let k = 0; k < m; k++) job.value[k][j] = NaN;
    return 0;
  }
  const { state, driver, kept } = work;
  const scales = candidateScales(xj);
  const start: StencilKind = o.method === "auto" ? "central" : o.method;
  kept.clear();
  state.activateAll();
  beginScales(state, kept);
  const spec: ColumnSpec = {
    x: xj,
    order: o.order,
    scale: 1,
    start,
    canSwitch: o.method === "auto",
    probeOnly: false,
    stopOnNoise: false,
  };
  driver.useMagnitudes = false;
  for (let i = 0; i < scales.length && nextScale(state, kept); i++) {
    spec.scale = scales[i];
    spec.probeOnly = i > 0;
    driver.start(spec);
    for (let count = driver.nextPoints(); count > 0; count = driver.nextPoints()) {
      if (gather(work, count, o.lo[j], o.hi[j], m)) yield work.request;
      driver.accept(scatter(work, count, centre, m));
    }
    keepScale(state, kept, i, undefined, undefined, smallerNext(scales, i));
  }
  return storeColumn(j, kept, centre, job.value, job.error, job.statuses);
}

/** Puts the row's points that need F (not x itself, not outside the bounds) in the request. */
function gather(work: ColumnWork, count: number, lo: number, hi: number, m: number): boolean {
  const { driver, request } = work;
  request.reserve(count, m);
  if (work.from.length < count) work.from = new Int32Array(count);
  let misses = 0;
  for (let q = 0; q < count; q++) {
    const t = driver.points[q];
    if (driver.offsets[q] === 0) work.from[q] = -2;
    else if (!(t >= lo && t <= hi) || !Number.isFinite(t)) work.from[q] = -1;
    else {
      request.points[misses] = t;
      work.from[q] = misses++;
    }
  }
  request.count = misses;
  request.evaluated = misses;
  request.prefix = false;
  return misses > 0;
}

/** The row's values into the driver; returns the prefix the sync loop would have evaluated. */
function scatter(work: ColumnWork, count: number, centre: Float64Array, m: number): number {
  const { driver, request, state } = work;
  const values = driver.values;
  for (let q = 0; q < count; q++) {
    const from = work.from[q];
    let finite = 0;
    for (let a = 0; a < state.activeCount; a++) {
      const k = state.active[a];
      const fk = from === -2 ? centre[k] : from === -1 ? NaN : request.values[from * m + k];
      values[q * m + k] = fk;
      if (Number.isFinite(fk)) finite++;
    }
    if (finite === 0) return q + 1;
  }
  return count;
}

/** One plain stencil along x_j, as the sync fixed-step Jacobian computes it. */
function* fixedColumn(job: JacobianJob, j: number, work: ColumnWork): Pipeline<number> {
  const { x0, o, centre } = job;
  const m = centre.length;
  const h = o.step as number;
  const saved = x0[j];
  if (!Number.isFinite(saved)) {
    for (let k = 0; k < m; k++) job.value[k][j] = NaN;
    return 0;
  }
  const st = fixedStencil(o.method === "auto" ? "central" : o.method, o.order, o.accuracy);
  const req = work.request;
  req.reserve(st.offsets.length, m);
  let count = 0;
  for (const off of st.offsets) if (off !== 0) req.points[count++] = saved + off * h;
  req.count = count;
  req.evaluated = count;
  req.prefix = false;
  yield req;
  for (let k = 0; k < m; k++) {
    let acc = 0;
    let q = 0;
    for (let s = 0; s < st.offsets.length; s++) {
      acc += st.weights[s] * (st.offsets[s] === 0 ? centre[k] : req.values[q++ * m + k]);
    }
    job.value[k][j] = divideByPower(acc, h, o.order);
  }
  return 0;
}

/**
 * A job for F with F(x) = `first` (checked: a non-empty array of numbers): the centre and the output
 * matrices (`errors: false` keeps value only).
 *
 * @example
 * ```ts
 * const job = jacobianJob(x0, o, F(x0), true);
 * ```
 */
export function jacobianJob(
  x0: Float64Array,
  o: ResolvedMultivariate,
  first: unknown,
  withErrors: boolean,
  name = "F",
): JacobianJob {
  const probe = new PointRequest();
  const m = Array.isArray(first) || ArrayBuffer.isView(first) ? (first as ArrayLike<unknown>).length : -1;
  if (m === 0) throw invalid("INCONSISTENT_OUTPUT", name, "a non-empty array of numbers", first);
  probe.points[0] = x0[0];
  probe.reserve(1, Math.max(m, 1));
  writeVector(probe, 0, first, name);
  const centre = probe.values.slice(0, m);
  const n = x0.length;
  const statuses: Uint8Array[] = [];
  if (withErrors) for (let k = 0; k < m; k++) statuses.push(new Uint8Array(n));
  return { x0, o, centre, value: rows(m, n, 0), error: withErrors ? rows(m, n, NaN) : null, statuses };
}

/**
 * The Jacobian's result once every column has run (`worst`: the columns' worst status code).
 *
 * @example
 * ```ts
 * finishJacobian(job, 0, evaluations);
 * ```
 */
export function finishJacobian(job: JacobianJob, worst: number, evaluations: number): JacobianResult {
  const { value, error } = job;
  let statuses = job.statuses;
  if (job.o.step !== undefined) {
    // A fixed step: a status says only whether the value is finite (as the sync Jacobian).
    statuses = [];
    for (const row of value) {
      const codes = new Uint8Array(row.length);
      for (let j = 0; j < row.length; j++) codes[j] = statusCode(fixedStatus(row[j]));
      for (let j = 0; j < row.length; j++) worst = Math.max(worst, codes[j]);
      if (error !== null) statuses.push(codes);
    }
  }
  return { value, error: error ?? [], evaluations, status: STATUSES[worst], statuses };
}

/**
 * The first result of a batched F, called with the block of the one point x: an array of one array,
 * or the m numbers in a row.
 *
 * @example
 * ```ts
 * firstOfBatch([[1, 2]]); // [1, 2]
 * firstOfBatch(Float64Array.of(1, 2)); // Float64Array [1, 2]
 * ```
 */
export function firstOfBatch(v: unknown): unknown {
  if (Array.isArray(v) && v.length === 1 && typeof v[0] !== "number") return v[0];
  return v;
}
