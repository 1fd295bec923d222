/**
 * The Jacobian's columns as pipelines (sampler.ts): the adaptive column (jacobian-column.ts) or one
 * plain stencil with a fixed step. The sync loop takes their points one at a time, the batched and
 * async loops a row of every column in flight at once; values, errors and statuses are the same bits.
 */

import type { PointSpace } from "./batch.js";
import { BATCH_BLOCK_NUMBERS, LOCKSTEP_PIPELINES } from "./constants.js";
import {
  adaptiveColumn,
  resumeColumn,
  SCREEN_COMPONENTS,
  takeWork,
  type ColumnWork,
  type HeldColumn,
} from "./jacobian-column.js";
import { jacobianJob, type JacobianJob } from "./jacobian-job.js";
import { rowNoise, rowNoiseDirection, writeTablePoint } from "./row-noise.js";
import { PointRequest, type Pipeline } from "./sampler.js";
import { checkRows, levelsToCarry, rowCheckSteps } from "./small-row-noise.js";
import { divideByPower } from "./step.js";
import { plainSum } from "./plain-step.js";

export { finishJacobian, firstOfBatch, jacobianJob, type JacobianJob } from "./jacobian-job.js";

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
 * worst status code. With `pointwise` (the sync loop) each request is one point, whose F result the
 * loop puts in the request's `vector`.
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * import { jacobianJob } from "./jacobian-job.js";
 * const x0 = Float64Array.of(2);
 * const job = jacobianJob(x0, resolveMultivariate(undefined, x0), [4], true);
 * const column = jacobianColumns(job)(0); // column 0's pipeline: it yields requests for F's values
 * ```
 */
export function jacobianColumns(job: JacobianJob, pointwise = false): (j: number) => Pipeline<number> {
  const pool = job.works;
  const m = job.centre.length;
  // Each column takes a state from the job's pool and gives it back when it ends.
  return (j: number): Pipeline<number> => {
    const work = pool.pop() ?? takeWork(m, pointwise);
    return job.plain ? fixedColumn(job, j, work) : adaptiveColumn(job, j, work);
  };
}

/**
 * The measurement of each row's noise before the columns (row-noise.ts) for an adaptive job whose F
 * has at least SCREEN_COMPONENTS components and whose errors are kept, or any with a given `noise` (its
 * levels, no call of F), as a pipeline that sets `job.rowNoise` (its requests' points s stand for x + s·d: run it
 * with the `space` returned beside it); null for a plain job, and for a smaller F, whose columns watch
 * for noise instead where errors are kept and there is no budget (small-row-noise.ts: `job.rowNoiseWatch`
 * becomes "watching", see {@link suspectedRowNoise}). The sync, batched and async loops run it to its end first, so every
 * column sees the same levels and they give the same bits.
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * import { runBatched } from "./batch.js";
 * const x0 = Float64Array.of(1, 2);
 * const F = (x: Float64Array) => Array.from({ length: 16 }, (_, i) => x[0] * i + x[1]);
 * const job = jacobianJob(x0, resolveMultivariate(undefined, x0), F(x0), true);
 * const stage = rowNoiseStage(job)!; // 16 components: the rows' tables run first
 * const batch = (b: Float64Array) => Array.from({ length: b.length / 2 }, (_, r) => F(b.subarray(2 * r, 2 * r + 2)));
 * runBatched(1, () => stage.pipeline, 1, [], batch, stage.space); // => 16 (points of F)
 * job.rowNoise; // => null (a smooth F: no row has noise)
 * ```
 */
export function rowNoiseStage(job: JacobianJob): RowNoiseStage | null {
  if (job.plain) return null;
  const given = job.o.engine.noise !== undefined;
  if (job.centre.length < SCREEN_COMPONENTS && !given) {
    // Not with a budget (maxEvaluations): the tables and the second pass would come after the columns
    // had spent their shares (jacobian-budget.ts), as the row check does not run with one either.
    if (job.error !== null && job.budget === null) job.rowNoiseWatch = "watching";
    return null;
  }
  return job.error !== null || given ? tableStage(job) : null;
}

/**
 * The row-noise stage's pipeline, and the space its points are written in.
 *
 * @example
 * ```ts
 * const stage: RowNoiseStage | null = rowNoiseStage(job);
 * ```
 */
export interface RowNoiseStage {
  pipeline: Pipeline<void>;
  space: PointSpace;
}

/**
 * A small F whose columns saw noise (small-row-noise.ts): a fresh job for its second pass, and the
 * stage that measures its rows' noise into it (null where no table can be made: then none is found);
 * run the stage, then {@link secondPass}. Null when no column saw noise.
 *
 * @example
 * ```ts
 * const second = suspectedRowNoise(job); // after job's columns
 * if (second !== null && second.stage !== null) runBatched(1, () => second.stage!.pipeline, 1, [], F, second.stage.space);
 * ```
 */
export function suspectedRowNoise(
  job: JacobianJob,
): { again: JacobianJob; stage: RowNoiseStage | null } | null {
  if (job.rowNoiseWatch !== "suspected") return null;
  const again = jacobianJob(job.x0, job.o, job.centre, job.error !== null);
  return { again, stage: tableStage(again) };
}

/**
 * The columns of a small F's second pass (see {@link suspectedRowNoise}), once its rows' noise is
 * measured into `again`: where a row has some ({@link levelsToCarry}), every column of `again`, which
 * carries the levels (`held` null); else the columns `job` put aside (jacobian-column.ts), by index, each to resume in
 * `job` from where it stopped (the others are final: their entries are written as these finish).
 * Returns the job that holds the result and the columns to resume.
 *
 * @example
 * ```ts
 * const { job: done, held } = secondPass(job, again);
 * ```
 */
export function secondPass(
  job: JacobianJob,
  again: JacobianJob,
): { job: JacobianJob; held: HeldColumn[] | null } {
  if (levelsToCarry(again)) return { job: again, held: null };
  job.rowNoiseWatch = "off";
  const held = (job.putAside ?? []).sort((a, b) => a.j - b.j);
  job.putAside = null;
  for (let j = 0, a = 0; j < job.x0.length; j++) {
    if (a < held.length && held[a].j === j) a++;
    else job.rows.finish(j);
  }
  return { job, held };
}

/**
 * The second pass (see {@link secondPass}) of a batched or async loop: its job, how many columns,
 * make(i) the pipeline of the i-th, and the space their points are in (the i-th moves coordinate j of
 * the column it runs).
 *
 * @example
 * ```ts
 * const pass = secondPipelines(job, again);
 * runBatched(pass.count, pass.make, inFlight, codes, F, pass.space);
 * ```
 */
export function secondPipelines(
  job: JacobianJob,
  again: JacobianJob,
): { job: JacobianJob; count: number; make: (i: number) => Pipeline<number>; space: PointSpace } {
  const { job: done, held } = secondPass(job, again);
  const x0 = done.x0;
  if (held === null)
    return { job: done, count: x0.length, make: jacobianColumns(done), space: { x0, coordinate: (j) => j } };
  // The i-th pipeline is column held[i].j's: its requests' points are values of that coordinate.
  const space: PointSpace = { x0, coordinate: (i) => held[i].j };
  return { job: done, count: held.length, make: (i) => resumeColumn(done, held[i]), space };
}

/**
 * The check of a small F's rows after its columns (small-row-noise.ts, checkRows): a stage of 2 points
 * of F at x ± δ (checkDirection), which marks the job "suspected" where a row's slope there misses
 * the columns'. Null unless the job watches and no column saw noise, for a first derivative with a
 * central method, and where some x_j ± δ_j is exact and inside the bounds.
 *
 * @example
 * ```ts
 * const check = rowCheckStage(job); // after job's columns
 * if (check !== null) runBatched(1, () => check.pipeline, 1, [], F, check.space); // => 2 (points of F)
 * ```
 */
export function rowCheckStage(job: JacobianJob): RowNoiseStage | null {
  const d = rowCheckSteps(job);
  if (d === null) return null;
  return { pipeline: checkRows(job, d, new PointRequest()), space: tableSpace(job.x0, d) };
}

/** The space of points x0 + s·d that the tables' (or the check's) requests stand for. */
function tableSpace(x0: Float64Array, d: Float64Array | null): PointSpace {
  return {
    x0,
    coordinate: () => -1,
    // A request is made only with a direction (a given noise asks for no points).
    write: (_task, r, q, out, at) => writeTablePoint(x0, d as Float64Array, r.points[q], out, at),
  };
}

/** The tables' stage of the job (see {@link rowNoiseStage}). */
function tableStage(job: JacobianJob): RowNoiseStage | null {
  const d = rowNoiseDirection(job.x0, job.o);
  if (d === null && job.o.engine.noise === undefined) return null;
  return { pipeline: setRowNoise(job, d), space: tableSpace(job.x0, d) };
}

function* setRowNoise(job: JacobianJob, d: Float64Array | null): Pipeline<void> {
  job.rowTable.d = d;
  job.rowNoise = yield* rowNoise(job.centre, job.o, d, new PointRequest(), job.budget, job.rowTable);
  // A large F's rows with a kink or a jump at x along d: each of their entries through derivative()'s
  // pipeline (row-check.ts), which compares the sides of every coordinate.
  if (job.centre.length >= SCREEN_COMPONENTS) job.recheckRows = job.rowTable.spiked;
}

/** One plain stencil along x_j (plain-step.ts), as the sync plain Jacobian computes it. */
function* fixedColumn(job: JacobianJob, j: number, work: ColumnWork): Pipeline<number> {
  const { x0, o, centre } = job;
  const m = centre.length;
  const saved = x0[j];
  const column = job.stencils!(j);
  if (column === null) {
    for (let k = 0; k < m; k++) job.value[k][j] = NaN;
    job.works.push(work);
    return 0;
  }
  const { stencil: st, h } = column;
  const req = work.request;
  req.reserve(st.offsets.length, m);
  let count = 0;
  for (const off of st.offsets) if (off !== 0) req.points[count++] = saved + off * h;
  req.count = count;
  req.evaluated = count;
  req.prefix = false;
  yield req;
  // Where each stencil point's values are: the centre (offset 0) or the request's next point.
  const slot = st.offsets.map((off, s) =>
    off === 0 ? -1 : st.offsets.slice(0, s).filter((o) => o !== 0).length,
  );
  for (let k = 0; k < m; k++) {
    const acc = plainSum(column, (s) => (slot[s] < 0 ? centre[k] : req.values[slot[s] * m + k]));
    job.value[k][j] = divideByPower(acc, h, o.order);
  }
  job.works.push(work);
  return 0;
}
