/**
 * The Jacobian's columns as pipelines (sampler.ts): the adaptive column (jacobian-column.ts) or one
 * plain stencil with a fixed step. The sync loop takes their points one at a time, the batched and
 * async loops a row of every column in flight at once; values, errors and statuses are the same bits.
 */

import { BATCH_BLOCK_NUMBERS, LOCKSTEP_PIPELINES } from "./constants.js";
import { fixedStencil } from "./fixed-partial.js";
import { adaptiveColumn, takeWork, type ColumnWork } from "./jacobian-column.js";
import type { JacobianJob } from "./jacobian-job.js";
import type { Pipeline } from "./sampler.js";
import { divideByPower } from "./step.js";

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
    return job.o.step === undefined ? adaptiveColumn(job, j, work) : fixedColumn(job, j, work);
  };
}

/** One plain stencil along x_j, as the sync fixed-step Jacobian computes it. */
function* fixedColumn(job: JacobianJob, j: number, work: ColumnWork): Pipeline<number> {
  const { x0, o, centre } = job;
  const m = centre.length;
  const h = o.step as number;
  const saved = x0[j];
  if (!Number.isFinite(saved)) {
    for (let k = 0; k < m; k++) job.value[k][j] = NaN;
    job.works.push(work);
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
  job.works.push(work);
  return 0;
}
