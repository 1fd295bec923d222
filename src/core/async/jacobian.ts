/**
 * The Jacobian of an async (or batched) F, returning a Promise: the sync jacobian's columns as
 * pipelines (jacobian-pipeline.ts) in lockstep, so a round puts the stencil points of many columns in
 * flight at once. Values, errors and statuses are the sync ones bit for bit.
 */

import { columnStencils } from "../plain-step.js";
import { invalid } from "../errors.js";
import type { JacobianOptions, JacobianResult } from "../jacobian.js";
import {
  columnsInFlight,
  finishJacobian,
  firstOfBatch,
  jacobianColumns,
  jacobianJob,
  rowCheckStage,
  rowNoiseStage,
  secondPipelines,
  suspectedRowNoise,
} from "../jacobian-pipeline.js";
import { progressCounter } from "../batch.js";
import { checkFunction } from "../validate.js";
import { resolveMultivariate, toPoint } from "../vector.js";
import { asyncEvaluator, untilAborted } from "./evaluate.js";
import { asyncSparseJacobian } from "./sparse.js";
import type { SparseJacobianOptions, SparseJacobianResult } from "../sparse/sparse-jacobian.js";
import type { AsyncOptions } from "./options.js";
import { runPipelines } from "./scheduler.js";
import { mergeRows, rowCheckPass } from "../row-check.js";

/**
 * F of n variables returning m numbers, maybe as a Promise; it receives a fresh Float64Array per call.
 * With `batch: true` it takes a row-major block of points and returns an array of arrays (or the
 * values of every point in a row).
 *
 * @example
 * ```ts
 * const F: AsyncVecFn = async (x) => [x[0] * x[1], x[0] + x[1]];
 * ```
 */
export type AsyncVecFn = (x: Float64Array) => unknown;

/**
 * The Jacobian of an async F: value[i][j] = ∂F_i/∂x_j, the sync `jacobian`'s result bit for bit,
 * with options `concurrency` and `signal`. With `sparsity` (CSR, pairs or "detect"), the sparse
 * Jacobian in CSR form, the sync one bit for bit: every group of a pass in flight at once (each of
 * its stencil rows one round), detection's probes three rounds.
 *
 * @example
 * ```ts
 * import { jacobian } from "numdiff/async";
 * (await jacobian(async (x) => [x[0] * x[1], x[0] + x[1]], [2, 3])).value;
 * // [Float64Array [3, 2], Float64Array [1, 1]] (errors ≈ 3e-14)
 * ```
 */
export async function jacobian(
  F: AsyncVecFn,
  x: ArrayLike<number>,
  options: SparseJacobianOptions & AsyncOptions,
): Promise<SparseJacobianResult>;
export async function jacobian(
  F: AsyncVecFn,
  x: ArrayLike<number>,
  options?: JacobianOptions & AsyncOptions,
): Promise<JacobianResult>;
export async function jacobian(
  F: AsyncVecFn,
  x: ArrayLike<number>,
  options?: JacobianOptions & AsyncOptions,
): Promise<JacobianResult | SparseJacobianResult> {
  checkFunction(F, "F");
  const w = toPoint(x, "x");
  if ((options as SparseJacobianOptions | undefined)?.sparsity !== undefined)
    return asyncSparseJacobian(F, w, options as SparseJacobianOptions & AsyncOptions);
  const o = resolveMultivariate(options, w);
  const withErrors = options?.errors ?? true;
  if (typeof withErrors !== "boolean") throw invalid("INVALID_OPTION", "errors", "true or false", withErrors);
  const batch = options?.batch === true;
  const n = w.length;
  const { ev, signal } = asyncEvaluator(F, { x0: w, coordinate: (j: number) => j }, options, "F");
  if (o.step !== undefined) columnStencils(o, w); // INVALID_STEP before F is called
  const value = await untilAborted(() => F(w.slice()), signal);
  const first = batch ? firstOfBatch(value) : value;
  const job = jacobianJob(w, o, first, withErrors);
  const codes: number[] = new Array<number>(n);
  const inFlight = columnsInFlight(job.centre.length, n);
  const tick = progressCounter(o.onProgress, n);
  // Each row's noise first (row-noise.ts), as the sync Jacobian measures it.
  const stage = rowNoiseStage(job);
  let table = 0;
  if (stage !== null) {
    const along = asyncEvaluator(F, stage.space, options, "F").ev;
    table = await runPipelines(1, () => stage.pipeline, 1, [], along, signal);
  }
  let evaluations =
    1 + table + (await runPipelines(n, jacobianColumns(job), inFlight, codes, ev, signal, tick));
  let worst = 0;
  for (const c of codes) if (c > worst) worst = c;
  // A large F whose row missed its columns' slopes (row-check.ts): every column again with the levels.
  const recheck = rowCheckPass(job);
  if (recheck !== null) {
    const again: number[] = new Array<number>(n);
    const more = progressCounter(o.onProgress, n);
    evaluations += await runPipelines(n, jacobianColumns(recheck), inFlight, again, ev, signal, more);
    worst = 0;
    for (const c of again) if (c > worst) worst = c;
    return mergeRows(finishJacobian(recheck, worst, evaluations), job, recheck);
  }
  const check = rowCheckStage(job); // a small F whose columns saw no noise: its rows checked at x ± δ
  if (check !== null) {
    const along = asyncEvaluator(F, check.space, options, "F").ev;
    evaluations += await runPipelines(1, () => check.pipeline, 1, [], along, signal);
  }
  // A small F whose columns saw noise (each put aside there): its rows' noise, then the second pass.
  const second = suspectedRowNoise(job);
  let done = job;
  if (second !== null) {
    const table = second.stage;
    if (table !== null) {
      const along = asyncEvaluator(F, table.space, options, "F").ev;
      evaluations += await runPipelines(1, () => table.pipeline, 1, [], along, signal);
    }
    const pass = secondPipelines(job, second.again);
    const again: number[] = new Array<number>(pass.count);
    const more = progressCounter(o.onProgress, pass.count);
    const columns = asyncEvaluator(F, pass.space, options, "F").ev;
    evaluations += await runPipelines(pass.count, pass.make, inFlight, again, columns, signal, more);
    if (pass.job !== job) worst = 0;
    for (const c of again) if (c > worst) worst = c;
    done = pass.job;
  }
  return finishJacobian(done, worst, evaluations);
}
