/**
 * Sparse Jacobians and Hessians of an async (or batched) f: the stages of the sync sparse engine
 * (sparse/sparse-stages.ts, hessian-pipeline.ts over the pattern's entries) run by the async runner,
 * so the values, errors and statuses are the sync ones bit for bit.
 */

import { firstOfBatch } from "../jacobian-pipeline.js";
import { firstValues } from "../jacobian-job.js";
import { packSparseHessian, sparseHessianSetup } from "../sparse/sparse-hessian-setup.js";
import type { SparseHessianOptions, SparseHessianResult } from "../sparse/sparse-hessian.js";
import type { SparseJacobianOptions, SparseJacobianResult } from "../sparse/sparse-jacobian.js";
import { sparseOptions } from "../sparse/sparse-job.js";
import { sparseSpace, sparseStages } from "../sparse/sparse-stages.js";
import { asyncEvaluator, untilAborted } from "./evaluate.js";
import type { AsyncOptions } from "./options.js";
import { runPipelines } from "./scheduler.js";
import { hessianEntries } from "./hessian.js";

/**
 * The sparse Jacobian of an async F (`jacobian(F, x, { sparsity })` of numdiff/async): the sync
 * result bit for bit, `evaluations` counting points (F(x) included).
 *
 * @example
 * ```ts
 * const r = await asyncSparseJacobian(async (x) => [x[0] ** 2, x[1] ** 2], Float64Array.of(1, 2), { sparsity: [[0, 0], [1, 1]] });
 * r.value; // Float64Array [2, 4] (errors ≈ 1e-13)
 * ```
 */
export async function asyncSparseJacobian(
  F: (x: Float64Array) => unknown,
  x0: Float64Array,
  options: SparseJacobianOptions & AsyncOptions,
): Promise<SparseJacobianResult> {
  const { o, withErrors } = sparseOptions(options, x0);
  const { ev, signal } = asyncEvaluator(F, sparseSpace(x0), options, "F");
  const first = await untilAborted(() => F(x0.slice()), signal);
  const mid = firstValues(x0, ev.batched ? firstOfBatch(first) : first);
  const stages = sparseStages(x0, o, mid, options.sparsity, withErrors);
  let evaluations = 1;
  let r = stages.next();
  for (; r.done !== true; r = stages.next()) {
    const s = r.value;
    evaluations += await runPipelines(s.count, s.make, s.inFlight, [], ev, signal, s.onDone);
  }
  return r.value(evaluations);
}

/**
 * The sparse Hessian of an async f (`hessian(f, x, { sparsity })` of numdiff/async): each entry of
 * the pattern's upper triangle a pipeline, the sync result bit for bit.
 *
 * @example
 * ```ts
 * const r = await asyncSparseHessian(async (x) => x[0] * x[1], [1, 2], { sparsity: [[0, 1]] });
 * r.value; // Float64Array [1, 1]
 * ```
 */
export async function asyncSparseHessian(
  f: (x: Float64Array) => unknown,
  x: ArrayLike<number>,
  options: SparseHessianOptions & AsyncOptions,
): Promise<SparseHessianResult> {
  const { w, o, pattern, upper } = sparseHessianSetup(f, x, options);
  const entries = await hessianEntries(f, w, o, upper, options);
  return packSparseHessian(entries, pattern, upper, o.step !== undefined ? 1 : 0);
}
