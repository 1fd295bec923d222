/**
 * The Jacobian's columns as pipelines (sampler.ts): the adaptive column (jacobian-column.ts) or one
 * plain stencil with a fixed step. The sync loop takes their points one at a time, the batched and
 * async loops a row of every column in flight at once; values, errors and statuses are the same bits.
 */

import type { PointSpace } from "./batch.js";
import { BATCH_BLOCK_NUMBERS, LOCKSTEP_PIPELINES } from "./constants.js";
import { adaptiveColumn, SCREEN_COMPONENTS, takeWork, type ColumnWork } from "./jacobian-column.js";
import type { JacobianJob } from "./jacobian-job.js";
import { rowNoise, rowNoiseDirection, writeTablePoint } from "./row-noise.js";
import { PointRequest, type Pipeline } from "./sampler.js";
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
 * has at least SCREEN_COMPONENTS components, as a pipeline that sets `job.rowNoise` (its requests'
 * points s stand for x + s·d: run it with the `space` returned beside it); null for a plain job or a
 * smaller F,
 * whose columns run without it. The sync, batched and async loops run it to its end first, so every
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
export function rowNoiseStage(job: JacobianJob): { pipeline: Pipeline<void>; space: PointSpace } | null {
  if (job.plain || job.error === null || job.centre.length < SCREEN_COMPONENTS) return null;
  const d = rowNoiseDirection(job.x0, job.o);
  if (d === null && job.o.engine.noise === undefined) return null;
  const x0 = job.x0;
  const space: PointSpace = {
    x0,
    coordinate: () => -1,
    // A request is made only with a direction (a given noise asks for no points).
    write: (_task, r, q, out, at) => writeTablePoint(x0, d as Float64Array, r.points[q], out, at),
  };
  return { pipeline: setRowNoise(job, d), space };
}

function* setRowNoise(job: JacobianJob, d: Float64Array | null): Pipeline<void> {
  job.rowNoise = yield* rowNoise(job.centre, job.o, d, new PointRequest(), job.budget);
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
