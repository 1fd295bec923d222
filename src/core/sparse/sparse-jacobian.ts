import type { BatchVecFn, JacobianOptions } from "../jacobian.js";
import type { Status, VecFn } from "../types.js";
import { checkFunction } from "../validate.js";
import { VectorCaller, component } from "../vector-caller.js";
import { toPoint } from "../vector.js";
import { detectionRoom, detectSparsity } from "./detect.js";
import { leastCalls } from "./adaptive-groups.js";
import { GroupPoints } from "./group-points.js";
import { adaptiveGroups } from "./adaptive-groups.js";
import { fixedGroups } from "./fixed-groups.js";
import { sparseJob, sparseOptions } from "./sparse-job.js";
import { batchedSparseJacobian } from "./batched-sparse.js";
import { toSparsityPattern, type SparsityInput, type SparsityPattern } from "./pattern.js";

/**
 * Options of a sparse Jacobian: those of {@link jacobian} plus the pattern.
 *
 * @example
 * ```ts
 * import { jacobian } from "numdiff";
 * const F = (x: Float64Array) => x.map((v) => v * v);
 * jacobian(F, [1, 2, 3], { sparsity: [[0, 0], [1, 1], [2, 2]] }).value; // Float64Array [2, 4, 6]
 * jacobian(F, [1, 2, 3], { sparsity: "detect" }).colIdx; // Int32Array [0, 1, 2]
 * ```
 */
export interface SparseJacobianOptions extends JacobianOptions {
  /**
   * Which entries may be nonzero: CSR arrays `{ rowPtr, colIdx }` or (row, column) pairs (see
   * {@link SparsityInput}); entries outside it are taken as zero and never estimated. `"detect"` finds
   * the pattern from evaluations near x first ({@link detectSparsity}, 2n + 2 calls; see its limits).
   * With `batch: true`, F takes a row-major block of points and returns their values, and each round
   * is one call: the next stencil row of every group at once, each round of detection's probes at
   * once (a tridiagonal F at n = 10⁴: 5 calls, 8 with "detect"). `numdiff/async`'s `jacobian` takes it
   * too. The results are the unbatched ones bit for bit; `evaluations` then counts points.
   */
  sparsity: SparsityInput | "detect";
}

/**
 * A sparse Jacobian in CSR form: entry k is ∂F_i/∂x_j for the row i with rowPtr[i] ≤ k < rowPtr[i + 1]
 * and j = colIdx[k]. The pattern is the one given (checked and copied) or detected.
 *
 * @example
 * ```ts
 * import { jacobian } from "numdiff";
 * const r = jacobian((x) => [x[0] * x[1], Math.sin(x[2])], [2, 3, 0], { sparsity: [[0, 0], [0, 1], [1, 2]] });
 * r.rowPtr; // Int32Array [0, 2, 3]
 * r.colIdx; // Int32Array [0, 1, 2]
 * r.value; // Float64Array [3, 2, 1] (errors ≈ 1e-14)
 * r.groups; // 2 (x0 and x2 move together, then x1)
 * ```
 */
export interface SparseJacobianResult extends SparsityPattern {
  /** The entries, aligned with colIdx. */
  value: Float64Array;
  /** Their estimated absolute errors (NaN with a fixed step or when unknown); empty with `errors: false`. */
  error: Float64Array;
  /** Calls of F actually made, exactly (detection included). */
  evaluations: number;
  /** Groups of columns perturbed together (colours of the column intersection graph). */
  groups: number;
  /** The most severe status of the entries (see STATUSES). */
  status: Status;
  /** The status of each entry as its code in STATUSES, aligned with colIdx; empty with `errors: false`. */
  statuses: Uint8Array;
}

/**
 * The Jacobian of F at x for a known (or detected) sparsity pattern, in CSR form. Also reached as
 * `jacobian(F, x, { sparsity })`.
 *
 * The columns are grouped by a distance-2 colouring ({@link columnColouring}): columns of one group
 * share no row, so one perturbation x + t·d (d_j = the scale of x_j on the group's columns, 0 elsewhere)
 * serves the whole group, and row i's derivative in t divided by d_j is ∂F_i/∂x_j for the one column j
 * of the group in its pattern. Each group runs the adaptive engine of {@link jacobian} (steps,
 * extrapolation, error estimates, one-sided at bounds), all rows at once, so a tridiagonal F costs 3
 * descents and a diagonal one 1, whatever n. With `step`, one plain stencil per group; with
 * `errors: false`, the same at each column's own plain step (plain-step.ts; fixed-groups.ts).
 *
 * The pattern must be right: an entry left out of it that is not zero silently corrupts the entries of
 * its row (they absorb its change), which is the price of grouping; `"detect"` finds it from
 * evaluations. F is always called with a full, fresh copy of x with only the group's coordinates moved,
 * so an F that writes into its argument still gets right answers; the caller's arrays are never changed.
 * Entries of a column whose x_j is NaN or infinite are NaN. F(x) is called first, to learn m, and the
 * pattern is checked against m × n after it.
 *
 * @param F - F(x) for a Float64Array x (lent for the call), returning an array of m numbers.
 * @param x - the point; never changed.
 * @param options - {@link SparseJacobianOptions}; `onProgress(done, total)` after each group.
 * @throws NumdiffError for bad setup (INVALID_SPARSITY for a bad pattern), non-numeric results, or
 *   results of changing length.
 * @example
 * ```ts
 * import { sparseJacobian } from "numdiff";
 * const n = 10_000;
 * const F = (x: Float64Array) => x.map((v, i) => 2 * v - (i > 0 ? x[i - 1] : 0) - (i < n - 1 ? x[i + 1] : 0) + Math.cos(v));
 * const pairs: [number, number][] = [];
 * for (let i = 0; i < n; i++) for (let j = Math.max(0, i - 1); j <= Math.min(n - 1, i + 1); j++) pairs.push([i, j]);
 * const r = sparseJacobian(F, new Float64Array(n).fill(0.5), { sparsity: pairs });
 * r.groups; // 3
 * r.evaluations; // 25 (F(x) and 3 grouped descents of 8 points), against ~80,000 for the dense Jacobian
 * ```
 */
export function sparseJacobian(
  F: VecFn,
  x: ArrayLike<number>,
  options: SparseJacobianOptions,
): SparseJacobianResult {
  checkFunction(F, "F");
  const x0 = toPoint(x, "x");
  const { o, withErrors } = sparseOptions(options, x0);
  if (options.batch === true)
    return batchedSparseJacobian(F as BatchVecFn, x0, o, withErrors, options.sparsity);
  const n = x0.length;
  const caller = new VectorCaller(F, new Float64Array(x0));
  const first = caller.call();
  const m = caller.m;
  const mid = new Float64Array(m);
  for (let k = 0; k < m; k++) mid[k] = component(first, k);
  const pattern =
    options.sparsity === "detect"
      ? detectSparsity(caller, x0, o.lo, o.hi, detectionRoom(o.resolved.maxEvaluations, n, leastCalls(o)))
      : toSparsityPattern(options.sparsity, m, n);
  const points = new GroupPoints(caller, x0, o.lo, o.hi, mid);
  const job = sparseJob(pattern, x0, o, withErrors, points, caller.evaluations);
  const loop = job.plain ? fixedGroups : adaptiveGroups;
  loop(job.work);
  return job.result(caller.evaluations);
}
