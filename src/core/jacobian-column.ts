/**
 * One column of the adaptive Jacobian as a pipeline (sampler.ts): the screen (flat-screen.ts) settles
 * the components that do not move along x_j at once, and the driver runs only the others, each scale
 * of x_j, its first rows served from what the screen evaluated. The sync loop takes one point per
 * request (so it stops a row where every component is in trouble, as runColumn does); the batched and
 * async loops take each row at once.
 */

import { KinkRows, markKinks } from "./jacobian-kinks.js";
import { LongRows, markLongSteps } from "./jacobian-long-steps.js";
import { checkSides, checkSidesNow, KinkSides } from "./jacobian-sides.js";
import { columnNeedsRecheck, EntryRecheck, recheckColumn, recheckColumnNow } from "./jacobian-recheck.js";
import { holdToColumn } from "./recheck-hold.js";
import { beginScales, KeptEstimates, keepScale, nextScale } from "./best-of-scales.js";
import { COLUMN_FLAG, ColumnState } from "./column-state.js";
import { FLOAT32_FLAT_FACTOR } from "./float32.js";
import { NOISE_COVERAGE } from "./constants.js";
import { ColumnDriver, columnSpec, type ColumnSpec } from "./driver.js";
import { ColumnPlan, FlatScreen } from "./flat-screen.js";
import type { JacobianJob } from "./jacobian-job.js";
import { runColumn, type PointSource } from "./run-column.js";
import { PointRequest, type Pipeline } from "./sampler.js";
import { addNoiseShares, noiseLimited, quietFloor, withQuietFloor } from "./jacobian-noise.js";
import { columnNoiseSeen } from "./small-row-noise.js";
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
 * r.vector = [1, 2]; // F's result at r.points[0], then the pipeline resumes
 * r.vector.length; // => 2
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
 * const work = new ColumnWork(3, true); // F with 3 components, the sync loop
 * work.state.m; // => 3
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
  /** Rewritten for each column; the kink test flags entries for the one-sided check (jacobian-sides.ts). */
  readonly spec: ColumnSpec = { ...columnSpec(), stopOnNoise: false, evenNoise: true };
  /** F at x ± h·e_j for the column's kinked entries. */
  readonly sides: KinkSides;
  /** Each component's last even rows, and the entries they mark for a recheck (jacobian-kinks.ts). */
  readonly kinkRows: KinkRows;
  /** Each component's even rows at the long steps and at the probe's (jacobian-long-steps.ts). */
  readonly longRows: LongRows;
  /** Whether the column's entries were rechecked (jacobian-recheck.ts): then `recheck` holds their outcomes. */
  rechecked = false;
  /** Whether the column's screen ran: then every component the driver ran moved there. */
  screened = false;
  /** Calls of F the column has made, and the most it may make (jacobian-budget.ts; ∞ without one). */
  calls = 0;
  budget = Infinity;
  private rechecks: EntryRecheck | null = null;

  constructor(
    m: number,
    /** One point per request, its F result in `request.vector` (the sync loop). */
    readonly pointwise: boolean,
  ) {
    this.state = new ColumnState(m);
    // The values' grid (value-grid.ts, the driver's readGrid), as derivative()'s columns read it, for a
    // large F only: a residual row (eᵗ − 1.0000000004205876 + atan(y) at 0 gave 1 ± 1.3e-15, 20 times
    // short) then carries its grid's rounding. A small F's columns give its common path's bits
    // (jacobian-common.ts), which does not follow the grid: no room in issue 10's 100 ns per call of F.
    this.state.gridOn = m >= SCREEN_COMPONENTS;
    this.driver = new ColumnDriver(this.state);
    this.driver.firstValues = new Float64Array(2 * m);
    this.kept = new KeptEstimates(m);
    this.screen = new FlatScreen(m);
    this.list = new Int32Array(m);
    this.sides = new KinkSides(m);
    this.kinkRows = new KinkRows(m);
    this.longRows = new LongRows(m);
  }

  /**
   * A new work holding this one's state (a column put aside, small-row-noise.ts), this one left with
   * fresh state for the caller's next column. Only when a column is put aside, so seldom.
   */
  detach(): ColumnWork {
    const held = new ColumnWork(this.state.m, this.pointwise);
    const mine = { ...this };
    Object.assign(this, held);
    Object.assign(held, mine);
    return held;
  }

  /** The state of the column's recheck (jacobian-recheck.ts), made when a column first needs one. */
  get recheck(): EntryRecheck {
    return (this.rechecks ??= new EntryRecheck(this.state.m));
  }

  /** Starts a column: its first clean row's values are kept (driver.ts, firstValues; float32-beside.ts). */
  beginFirstRow(): void {
    (this.driver.firstValues as Float64Array).fill(NaN);
    this.driver.firstPending = true;
  }

  /** Whether a listed component needs a recheck (jacobian-recheck.ts, needsRecheck); sets `rechecked`. */
  needsRecheck(job: JacobianJob, j: number): boolean {
    let any = false;
    for (let a = 0; a < this.listed && !any; a++)
      any = columnNeedsRecheck(
        job,
        this.kept,
        this.state.flat,
        this.list[a],
        this.screened,
        this.kinkRows.marked,
        job.x0[j],
        this.driver.firstValues,
        this.kinkRows.rows,
      );
    return (this.rechecked = any);
  }
}

/**
 * The fewest components of F for which a column is screened: below it the driver runs every
 * component (the flat ones end after FLAT_ROWS rows anyway), which costs less than planning and
 * screening (jacobian 4 × 8 of bench/overhead.ts: about 10 µs more per call when screened). Values,
 * errors and statuses are the same either way.
 *
 * @default 16
 * @example
 * ```ts
 * SCREEN_COMPONENTS; // 16
 * ```
 */
export const SCREEN_COMPONENTS = 16;

/**
 * The largest m whose column state is kept for the next Jacobian when this one finishes: the state of
 * a small Jacobian costs more to allocate than its columns take to run (about 60 typed arrays), that
 * of a large one is paid once for many columns and would hold megabytes.
 *
 * @default 256
 * @example
 * ```ts
 * SPARE_WORK_COMPONENTS; // 256
 * ```
 */
export const SPARE_WORK_COMPONENTS = 256;

let spareWork: ColumnWork | null = null;

/**
 * A column's state for m components: the spare one left by the last Jacobian when it fits, else new.
 *
 * @example
 * ```ts
 * const work = takeWork(3, true);
 * releaseWork(work); // when its Jacobian has finished
 * ```
 */
export function takeWork(m: number, pointwise: boolean): ColumnWork {
  const w = spareWork;
  if (w !== null && w.state.m === m && w.pointwise === pointwise) {
    spareWork = null;
    w.state.noise.fill(0); // handed out clean: no noise level left from another user
    return w;
  }
  return new ColumnWork(m, pointwise);
}

/**
 * Keeps a finished Jacobian's column state for the next one (see SPARE_WORK_COMPONENTS).
 *
 * @example
 * ```ts
 * releaseWork(takeWork(3, true));
 * ```
 */
export function releaseWork(work: ColumnWork | undefined): void {
  if (work !== undefined && work.state.m <= SPARE_WORK_COMPONENTS) spareWork = work;
}

/**
 * Column j of the job (see the file comment): writes it to the job's rows and returns its worst
 * status code.
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * import { jacobianJob } from "./jacobian-job.js";
 * const x0 = Float64Array.of(2);
 * const job = jacobianJob(x0, resolveMultivariate(undefined, x0), [4, 1], true); // F(x) = [x², 1]
 * const column = adaptiveColumn(job, 0, new ColumnWork(2, false));
 * for (let r = column.next(); r.done !== true; r = column.next()) {
 *   const req = r.value; // the points of one row, t = x_0
 *   for (let q = 0; q < req.count; q++) [req.values[2 * q], req.values[2 * q + 1]] = [req.points[q] ** 2, 1];
 * }
 * job.value[0][0]; // ≈ 4 (∂x²/∂x at 2)
 * job.value[1][0]; // => 0
 * ```
 */
export function* adaptiveColumn(job: JacobianJob, j: number, work: ColumnWork): Pipeline<number> {
  const xj = job.x0[j];
  if (!Number.isFinite(xj)) {
    job.rows.nanColumn(j);
    job.rows.finish(j);
    job.works.push(work);
    return 0;
  }
  const { state, kept, spec } = work;
  const scales = candidateScales(xj);
  prepareSpec(job, spec, xj, scales);
  startBudget(job, j, work);
  work.screen.taken = 0;
  // Screened where a flat component is final after the first scale (keepScale's `constantDone`), and F
  // has enough components for the screen to pay.
  const final = scales.length === 1 || smallerNext(scales, 0);
  const worth = job.centre.length >= SCREEN_COMPONENTS;
  // Not with a budget: the driver's first rows, which the screen's points serve, count against it again.
  const screened =
    worth && final && work.budget === Infinity && work.plan.make(spec) && (yield* screenColumn(job, j, work));
  work.screened = screened;
  if (screened) work.screen.activateMoved(state);
  else state.activateAll();
  if (job.only !== null) keepOnly(state, job.only);
  work.listed = state.activeCount;
  const levels = job.rowNoise;
  for (let a = 0; a < work.listed; a++) {
    const k = state.active[a];
    work.list[a] = k;
    kept.forget(k);
    // Each row's noise (row-noise.ts) in the driver's rounding model, as a bound on each value.
    if (levels !== null) state.noise[k] = NOISE_COVERAGE * levels[k];
  }
  yield* runScales(job, j, work, scales);
  markRowsKinks(job, work);
  if (screened) job.rows.settle(j, work.plan.step);
  // A small F's column that saw noise is computed again once its rows' noise is known (small-row-noise.ts).
  if (columnNoiseSeen(job, work)) return putAside(job, j, held(job, j, work), UNCHECKED);
  if (work.needsRecheck(job, j)) {
    const stop = yield* recheckColumn(job, j, work);
    if (stop >= 0) return putAside(job, j, held(job, j, work), stop);
  }
  return yield* finishColumn(job, j, work);
}

/**
 * The entries of a central first-derivative column whose even rows show a kink their errors do not
 * cover (jacobian-kinks.ts): marked for the recheck by derivative()'s pipeline.
 */
function markRowsKinks(job: JacobianJob, work: ColumnWork): void {
  const rows = work.kinkRows;
  if (job.o.order === 1 && work.spec.start === "central") {
    markKinks(rows, work.kept, job.centre, work.list, work.listed);
    // And those kept from long steps whose even parts the probe's contradict (jacobian-long-steps.ts).
    markLongSteps(work.longRows, work.kept, work.list, work.listed, job.o.order, rows.marked);
  } else rows.marked.fill(0);
}

/** Keeps active only the components marked in `only` (a large F's second pass, row-check.ts). */
function keepOnly(state: ColumnState, only: Uint8Array): void {
  let count = 0;
  for (let a = 0; a < state.activeCount; a++) {
    const k = state.active[a];
    if (only[k] === 1) state.active[count++] = k;
  }
  state.activeCount = count;
}

/** The end of column j after its recheck: the one-sided check, its entries written, its work back. */
function* finishColumn(job: JacobianJob, j: number, work: ColumnWork): Pipeline<number> {
  work.calls += yield* checkSides(
    job,
    j,
    work.sides,
    work.list,
    work.listed,
    work.kept,
    work.request,
    work.pointwise,
    work.budget - work.calls,
  );
  const worst = storeColumn(job, j, work);
  job.rows.finish(j);
  // Back to the job's pool for its next column (a column that throws ends its Jacobian).
  job.works.push(work);
  return worst;
}

/**
 * Column j put aside by {@link adaptiveColumn} (see {@link putAside}), run to its end: its recheck from
 * where it stopped, the one-sided check, its entries written, the same values, errors, statuses and
 * calls of F as had it not stopped.
 *
 * @example
 * ```ts
 * const column = resumeColumn(job, job.putAside![0]); // a pipeline, as adaptiveColumn's
 * ```
 */
export function* resumeColumn(job: JacobianJob, held: HeldColumn): Pipeline<number> {
  const { j, work, next } = held;
  if (work === null)
    return yield* adaptiveColumn(job, j, job.works.pop() ?? takeWork(job.centre.length, false));
  const from = next !== UNCHECKED ? next : work.needsRecheck(job, j) ? 0 : -1;
  if (from >= 0) yield* recheckColumn(job, j, work, from);
  return yield* finishColumn(job, j, work);
}

/**
 * The most columns of a Jacobian whose state is kept when they are put aside (see {@link putAside}):
 * the first HELD_COLUMNS by index; a column beyond them gives its state back and, where it must
 * resume, runs again from its start (the same entries, for its calls again). A held column's state
 * (its recheck's engine with it) is some kilobytes, and a noisy F puts every column aside: n = 10⁴
 * columns would hold tens of megabytes for a result they seldom need (none where a row has noise). By
 * index, so that every loop holds the same columns and calls F as often.
 *
 * @default 64
 * @example
 * ```ts
 * HELD_COLUMNS; // => 64
 * ```
 */
export const HELD_COLUMNS = 64;

/** The state to keep for column j put aside (see HELD_COLUMNS): its work, or none (given back to the job's pool). */
function held(job: JacobianJob, j: number, work: ColumnWork): ColumnWork | null {
  if (j < HELD_COLUMNS) return work;
  job.works.push(work);
  return null;
}

/**
 * Column j ended where a small F's column saw noise while its job watched for its rows' noise
 * (small-row-noise.ts): its state (null beyond HELD_COLUMNS) is kept in `job.putAside` with where its
 * recheck resumes (`next`, or UNCHECKED), its entries not written; the column's block is finished.
 * Where no row has noise, the column resumes from there (resumeColumn; from its start without a
 * state); else every column runs again with the levels.
 */
function putAside(job: JacobianJob, j: number, work: ColumnWork | null, next: number): number {
  (job.putAside ??= []).push({ j, work, next });
  job.rows.finish(j);
  return 0;
}

/** A column put aside before its recheck began. */
const UNCHECKED = -1;

/** The column's budget of calls of F (jacobian-budget.ts), none made yet. */
function startBudget(job: JacobianJob, j: number, work: ColumnWork): void {
  work.calls = 0;
  work.budget = job.budget === null ? Infinity : job.budget.column(j);
}

/** The column spec for x_j at its first scale, from the job's options. */
function prepareSpec(job: JacobianJob, spec: ColumnSpec, xj: number, scales: number[]): void {
  const { o } = job;
  spec.x = xj;
  spec.order = o.order;
  spec.scale = scales[0];
  spec.start = o.method === "auto" ? "central" : o.method;
  spec.canSwitch = o.method === "auto";
  spec.allPowers = o.method === "forward" || o.method === "backward";
  // A kink that curvature hides from three rows gets its fourth (KINK_CLEAN_ROWS), as in derivative().
  spec.kinkRows = true;
  spec.probeOnly = false;
}

/**
 * Column j of the sync Jacobian of F with fewer than SCREEN_COMPONENTS components, without a
 * generator: runColumn (run-column.ts) at each scale of x_j with F called through `source` (which
 * answers null outside the bounds, and F(x) itself for the centre), the same
 * values, errors, statuses and calls as {@link adaptiveColumn} (which yields one request per point
 * there), at less cost per call. Returns the column's worst status code.
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * import { jacobianJob } from "./jacobian-job.js";
 * const x0 = Float64Array.of(2);
 * const job = jacobianJob(x0, resolveMultivariate(undefined, x0), [4, 1], true); // F(x) = [x², 1]
 * const source = { at: (t: number) => [t * t, 1], centre: () => job.centre };
 * adaptiveColumnNow(job, 0, new ColumnWork(2, true), source); // => 0 (ok)
 * job.value[0][0]; // => 4 ± 1e-12
 * ```
 */
export function adaptiveColumnNow(
  job: JacobianJob,
  j: number,
  work: ColumnWork,
  source: PointSource,
): number {
  const xj = job.x0[j];
  if (!Number.isFinite(xj)) {
    job.rows.nanColumn(j);
    job.rows.finish(j);
    return 0;
  }
  const { state, driver, kept, spec } = work;
  const scales = candidateScales(xj);
  prepareSpec(job, spec, xj, scales);
  startBudget(job, j, work);
  work.screened = false;
  state.activateAll();
  work.listed = state.activeCount;
  const levels = job.rowNoise;
  for (let a = 0; a < work.listed; a++) {
    const k = state.active[a];
    work.list[a] = k;
    kept.forget(k);
    // Each row's noise (row-noise.ts, small-row-noise.ts) in the driver's rounding model, as above.
    if (levels !== null) state.noise[k] = NOISE_COVERAGE * levels[k];
  }
  beginScales(state, kept);
  work.beginFirstRow();
  for (let i = 0; i < scales.length && nextScale(state, kept); i++) {
    spec.scale = scales[i];
    spec.probeOnly = i > 0;
    spec.budget = work.budget - work.calls;
    work.kinkRows.begin(state);
    runColumn(driver, source, spec);
    work.kinkRows.record(state, driver.rowCount);
    work.longRows.note(work.kinkRows, state, i);
    addNoiseShares(state, kept, i);
    keepScale(state, kept, i, undefined, undefined, smallerNext(scales, i));
  }
  markRowsKinks(job, work);
  // The work is the caller's, used for its next column: a column put aside keeps its state in a copy.
  if (columnNoiseSeen(job, work)) return putAside(job, j, j < HELD_COLUMNS ? work.detach() : null, UNCHECKED);
  if (work.needsRecheck(job, j)) {
    const stop = recheckColumnNow(job, j, work, source);
    if (stop >= 0) return putAside(job, j, j < HELD_COLUMNS ? work.detach() : null, stop);
  }
  return finishColumnNow(job, j, work, source);
}

function finishColumnNow(job: JacobianJob, j: number, work: ColumnWork, source: PointSource): number {
  checkSidesNow(job, j, work.sides, work.list, work.listed, work.kept, source, work.budget - work.calls);
  const worst = storeColumn(job, j, work);
  job.rows.finish(j);
  return worst;
}

/**
 * {@link resumeColumn} for the sync loop, F through `source` (as adaptiveColumnNow's for column j).
 *
 * @example
 * ```ts
 * resumeColumnNow(job, job.putAside![0], source); // => 0 (the column's worst status code)
 * ```
 */
export function resumeColumnNow(job: JacobianJob, held: HeldColumn, source: PointSource): number {
  const { j, work, next } = held;
  if (work === null) {
    const fresh = job.works.pop() ?? takeWork(job.centre.length, true);
    const code = adaptiveColumnNow(job, j, fresh, source);
    job.works.push(fresh);
    return code;
  }
  const from = next !== UNCHECKED ? next : work.needsRecheck(job, j) ? 0 : -1;
  if (from >= 0) recheckColumnNow(job, j, work, source, from);
  return finishColumnNow(job, j, work, source);
}

/**
 * A column put aside (see putAside): its index, its state, and the listed component its recheck
 * resumes at (UNCHECKED: the recheck had not begun).
 *
 * @example
 * ```ts
 * const held: HeldColumn = job.putAside![0];
 * ```
 */
export interface HeldColumn {
  j: number;
  /** Its state; null beyond HELD_COLUMNS (it runs again from its start). */
  work: ColumnWork | null;
  next: number;
}

/** The driver on the state's active components at each scale of x_j, keeping the better per component. */
function* runScales(
  job: JacobianJob,
  j: number,
  work: ColumnWork,
  scales: number[],
): Generator<PointRequest, void, void> {
  const { state, driver, kept, spec, plan } = work;
  const m = job.centre.length;
  beginScales(state, kept);
  work.beginFirstRow();
  driver.useMagnitudes = false;
  for (let i = 0; i < scales.length && nextScale(state, kept); i++) {
    spec.scale = scales[i];
    spec.probeOnly = i > 0;
    spec.budget = work.budget - work.calls;
    work.kinkRows.begin(state);
    driver.start(spec);
    for (let count = driver.nextPoints(); count > 0; count = driver.nextPoints()) {
      const taken = work.screen.taken;
      if (!work.pointwise && gather(job, j, work, driver.points, driver.offsets, 0, count, taken)) {
        yield work.request;
        work.calls += work.request.count;
      }
      let evaluated = count;
      for (let q = 0; q < count; q++) {
        const t = driver.points[q];
        const offset = driver.offsets[q];
        const p = taken > 0 && offset !== 0 ? plan.find(t, offset, taken) : -1;
        let v = p >= 0 ? null : known(job, j, work, t, offset, q);
        if (v === undefined) v = (yield ask(work, t, m), work.calls++, work.request.vector);
        // Every active component in trouble here: the sync loop does not evaluate the rest of the row.
        if (fillPoint(job, work, q, p, v) === 0) {
          evaluated = q + 1;
          break;
        }
      }
      driver.accept(evaluated);
    }
    work.kinkRows.record(state, driver.rowCount);
    work.longRows.note(work.kinkRows, state, i);
    addNoiseShares(state, kept, i);
    keepScale(state, kept, i, undefined, undefined, smallerNext(scales, i));
  }
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
    if (!work.pointwise && gather(job, j, work, plan.points, plan.offsets, start, end, -1)) {
      yield work.request;
      work.calls += work.request.count;
    }
    for (let p = start; p < end; p++) {
      let v = known(job, j, work, plan.points[p], plan.offsets[p], p - start);
      if (v === undefined)
        v = (yield ask(work, plan.points[p], centre.length), work.calls++, work.request.vector);
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
 * The values at one point of a row when they need no call now: F(x) for offset 0, null outside the
 * bounds, the gathered block (batched: `from` says where); undefined when the sync loop must call F
 * at t (then `ask` and yield the request; F's result comes back in `request.vector`).
 */
function known(
  job: JacobianJob,
  j: number,
  work: ColumnWork,
  t: number,
  offset: number,
  q: number,
): ArrayLike<number> | null | undefined {
  if (offset === 0) return job.centre;
  if (!inside(job, j, t)) return null;
  if (!work.pointwise) return work.from[q] < 0 ? null : work.request.values;
  return undefined;
}

/** The sync loop's request for F at t. */
function ask(work: ColumnWork, t: number, m: number): VectorRequest {
  const r = work.request;
  r.reserve(1, m);
  r.points[0] = t;
  r.count = 1;
  r.evaluated = 1;
  r.prefix = false;
  return r;
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
 * Puts point q's values of the active components in the driver: the screen's (planned point p ≥ 0),
 * else v's (null: none). Returns how many are finite.
 */
function fillPoint(
  job: JacobianJob,
  work: ColumnWork,
  q: number,
  p: number,
  v: ArrayLike<number> | null,
): number {
  const { driver, state, screen } = work;
  const { centre } = job;
  const m = centre.length;
  const values = driver.values;
  const base = p >= 0 || work.pointwise || driver.offsets[q] === 0 ? 0 : work.from[q] * m;
  let finite = 0;
  for (let a = 0; a < state.activeCount; a++) {
    const k = state.active[a];
    const fk = p >= 0 ? screen.value(p, k, centre) : v === null ? NaN : component(v, base + k);
    values[q * m + k] = fk;
    if (Number.isFinite(fk)) finite++;
  }
  return finite;
}

const DISCONTINUOUS = statusCode("discontinuous");
const MAX_EVALUATIONS = statusCode("max-evaluations");
const NOISE_LIMITED = statusCode("noise-limited");

/**
 * The status code of a Jacobian entry from what its column found: the Jacobian reports the column's
 * own findings (a jump, a spent budget, no finite value), and a kink through the one-sided check of
 * jacobian-sides.ts. An entry the column could not trust (noise, float32, no convergence) was computed
 * again by derivative()'s pipeline (jacobian-recheck.ts) and takes that result's status instead.
 */
function entryStatus(value: number, flags: number): number {
  if ((flags & COLUMN_FLAG.diverging) !== 0) return DISCONTINUOUS;
  // Before "not-finite": a column the budget stopped before its first row has no value either.
  if ((flags & COLUMN_FLAG.budget) !== 0) return MAX_EVALUATIONS;
  if (!Number.isFinite(value)) return statusCode("not-finite");
  return 0;
}

/**
 * An entry's code where the budget did not let its row's noise be measured (jacobian-budget.ts): at
 * least "max-evaluations", since the tables might have changed its error.
 */
function unmeasuredRow(job: JacobianJob, k: number, code: number): number {
  const spent = job.budget?.rowSpent;
  return spent != null && spent[k] === 1 && code < MAX_EVALUATIONS ? MAX_EVALUATIONS : code;
}

/**
 * Hands the kept estimates of the components the driver ran to the job's rows (NaN where F_k has no
 * error estimate and is not finite at x; NaN and ∞ for a jump), or their recheck's results
 * (jacobian-recheck.ts); returns the column's worst code.
 */
function storeColumn(job: JacobianJob, j: number, work: ColumnWork): number {
  const { kept } = work;
  const { centre } = job;
  let worst = 0;
  for (let a = 0; a < work.listed; a++) {
    const k = work.list[a];
    if (work.rechecked && work.recheck.code[k] >= 0) {
      holdToColumn(work.recheck, kept, k);
      let code = work.recheck.code[k];
      const rv = work.recheck.value[k];
      const re = work.recheck.error[k];
      code = unmeasuredRow(job, k, code);
      job.rows.entry(k, j, rv, re, code);
      if (code > worst) worst = code;
      continue;
    }
    // As derivative(): no error estimate means no convergence; if F_k is not even finite at x
    // (1/x at 0) the last difference is meaningless, and the honest value is NaN.
    let v = Number.isNaN(kept.error[k]) && !Number.isFinite(centre[k]) ? NaN : kept.value[k];
    let e = kept.error[k];
    // A float32 component constant along the column: the float32 step its equal values may hide.
    if (v === 0 && work.state.flat[k] === 1 && job.float32 !== null && job.float32[k] === 1)
      e *= FLOAT32_FLAT_FACTOR;
    let code = entryStatus(v, kept.flags[k]);
    if (code === DISCONTINUOUS) [v, e] = [NaN, Infinity];
    else if (code === 0) {
      // A float32 F_k's grid is noise to the one-sided check; a kink's even part counts as noise too
      // (even-noise.ts), so no other component's check is widened by it.
      const float32 = job.float32 !== null && job.float32[k] === 1;
      const grid = float32 ? kept.noise[k] : 0;
      [e, code] = work.sides.widen(k, kept.flags[k], v, e, centre[k], grid);
      const row = job.rowNoise === null ? 0 : job.rowNoise[k];
      if (code === 0 && noiseLimited(kept, k, row, job.o.order)) code = NOISE_LIMITED;
      // The quiet rows' floor (jacobian-noise.ts); a float32 F_k's rounding is the float32 rules' (its
      // grid's σ would count twice: jacobian-float32.ts, jacobian-recheck.ts).
      if (!float32) [e, code] = withQuietFloor(e, code, quietFloor(kept, k, job.o.order));
    }
    code = unmeasuredRow(job, k, code);
    job.rows.entry(k, j, v, e, code);
    if (code > worst) worst = code;
  }
  return worst;
}
