/**
 * Sparse Jacobians and Hessians of a batched f (`batch: true`), each round one call of f with every
 * point of the round: for a Jacobian the stages of sparse-stages.ts (all groups of a pass in flight,
 * each of their stencil rows; all probes of a detection round), for a Hessian the entries of the
 * pattern as the dense batched Hessian runs its entries.
 */

import { settleInfiniteCentre } from "../infinite-centre.js";
import { progressCounter, runBatched } from "../batch.js";
import { coordinatesInFlight } from "../coordinate-pipelines.js";
import {
  centreOfBatch,
  hessianPipelines,
  hessianSpace,
  batchedAgain,
  type HessianEntry,
} from "../hessian-pipeline.js";
import type { BatchVecFn } from "../jacobian.js";
import { firstOfBatch } from "../jacobian-pipeline.js";
import { firstValues } from "../jacobian-job.js";
import type { BatchFn } from "../types.js";
import type { ResolvedMultivariate } from "../vector.js";
import type { SparsityInput } from "./pattern.js";
import type { SparseJacobianResult } from "./sparse-jacobian.js";
import type { SparseHessianResult } from "./sparse-hessian.js";
import { packSparseHessian, type sparseHessianSetup } from "./sparse-hessian-setup.js";
import { sparseSpace, sparseStages } from "./sparse-stages.js";

/**
 * The sparse Jacobian of a batched F, the unbatched one's values, errors and statuses bit for bit;
 * `evaluations` counts points (F(x) included), as the dense batched Jacobian does.
 *
 * @example
 * ```ts
 * import { jacobian } from "numdiff";
 * const F = (b: Float64Array) => Array.from({ length: b.length / 2 }, (_, r) => [b[2 * r] ** 2, b[2 * r + 1] ** 2]);
 * jacobian(F, [1, 2], { sparsity: [[0, 0], [1, 1]], batch: true }).value; // Float64Array [2, 4] (errors ≈ 1e-13)
 * ```
 */
export function batchedSparseJacobian(
  F: BatchVecFn,
  x0: Float64Array,
  o: ResolvedMultivariate,
  withErrors: boolean,
  sparsity: SparsityInput | "detect",
): SparseJacobianResult {
  const mid = firstValues(x0, firstOfBatch(F(x0.slice())));
  const stages = sparseStages(x0, o, mid, sparsity, withErrors);
  const space = sparseSpace(x0);
  let evaluations = 1;
  let r = stages.next();
  for (; r.done !== true; r = stages.next()) {
    const s = r.value;
    evaluations += runBatched(s.count, s.make, s.inFlight, [], F as BatchFn, space, s.onDone, "F");
  }
  return r.value(evaluations);
}

/**
 * The sparse Hessian of a batched f, the unbatched one's values, errors and statuses bit for bit;
 * `evaluations` counts points, as the dense batched Hessian does.
 *
 * @example
 * ```ts
 * import { hessian } from "numdiff";
 * const f = (b: Float64Array) => Array.from({ length: b.length / 2 }, (_, r) => b[2 * r] * b[2 * r + 1]);
 * hessian(f, [1, 2], { sparsity: [[0, 1]], batch: true }).value; // Float64Array [1, 1]
 * ```
 */
export function batchedSparseHessian(
  f: BatchFn,
  setup: ReturnType<typeof sparseHessianSetup>,
): SparseHessianResult {
  const { w, o, pattern, upper } = setup;
  const centre = o.step === undefined ? NaN : centreOfBatch(f(w.slice()), w);
  const total = upper.rows.length;
  const entries: HessianEntry[] = new Array<HessianEntry>(total);
  const make = hessianPipelines(w, o, upper, centre);
  const tick = progressCounter(o.onProgress, total);
  const inFlight = coordinatesInFlight(2 * w.length, 2);
  runBatched(total, make, inFlight, entries, f, hessianSpace(w, upper), tick);
  batchedAgain(f, w, o, upper, entries, inFlight);
  settleInfiniteCentre(f, w, upper, entries, o.step === undefined ? null : centre); // f infinite at x (infinite-centre.ts)
  return packSparseHessian(entries, pattern, upper, o.step !== undefined ? 1 : 0);
}
