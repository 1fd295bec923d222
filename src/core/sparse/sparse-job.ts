/**
 * What the sync, batched and async sparse Jacobians share around their loops: the checks of the
 * options, the setting up of a run for a pattern (its columns, grouping and outputs), and the result.
 */

import { plainColumns } from "../plain-step.js";
import { invalid } from "../errors.js";
import { STATUSES } from "../status.js";
import { resolveMultivariate, type ResolvedMultivariate } from "../vector.js";
import { colour } from "./colouring.js";
import { columnsOf } from "./columns.js";
import type { GroupSource } from "./group-points.js";
import type { GroupWork } from "./group-work.js";
import type { SparseJacobianOptions, SparseJacobianResult } from "./sparse-jacobian.js";
import type { SparsityPattern } from "./pattern.js";

/**
 * The options of a sparse Jacobian, checked: an object with a `sparsity`, `errors` true or false.
 *
 * @example
 * ```ts
 * sparseOptions({ sparsity: "detect" }, Float64Array.of(1)).withErrors; // => true
 * sparseOptions({} as SparseJacobianOptions, Float64Array.of(1)); // throws INVALID_SPARSITY
 * ```
 */
export function sparseOptions(
  options: SparseJacobianOptions,
  x0: Float64Array,
): { o: ResolvedMultivariate; withErrors: boolean } {
  if (options === null || typeof options !== "object") {
    throw invalid("INVALID_OPTION", "options", "an object with a sparsity pattern", options);
  }
  const o = resolveMultivariate(options, x0);
  const withErrors = options.errors ?? true;
  if (typeof withErrors !== "boolean") throw invalid("INVALID_OPTION", "errors", "true or false", withErrors);
  if (options.sparsity === undefined) {
    throw invalid(
      "INVALID_SPARSITY",
      "sparsity",
      'CSR arrays { rowPtr, colIdx }, [row, column] pairs or "detect"',
      undefined,
    );
  }
  return { o, withErrors };
}

/**
 * A sparse Jacobian's run for a pattern: the work of its group loops (columns, grouping, outputs;
 * F's values from `points`), which loop runs it (`plain`: fixed-groups.ts, else adaptive-groups.ts),
 * and its result once it has run.
 *
 * @example
 * ```ts
 * const job = sparseJob(pattern, x0, o, true, points);
 * adaptiveGroups(job.work);
 * job.result(evaluations); // the SparseJacobianResult
 * ```
 */
export function sparseJob(
  pattern: SparsityPattern,
  x0: Float64Array,
  o: ResolvedMultivariate,
  withErrors: boolean,
  points: GroupSource,
  shared = 1,
): { work: GroupWork; plain: boolean; result(evaluations: number): SparseJacobianResult } {
  const cols = columnsOf(pattern);
  const grouping = colour(pattern, cols);
  const nnz = pattern.rowPtr[pattern.m];
  const value = new Float64Array(nnz);
  const error = withErrors ? new Float64Array(nnz).fill(NaN) : new Float64Array(0);
  const statuses = new Uint8Array(nnz);
  const work: GroupWork = {
    points,
    pattern,
    cols,
    grouping,
    x: x0,
    o,
    value,
    error: withErrors ? error : null,
    statuses,
    shared,
  };
  return {
    work,
    // The one choice of loop, for the sync, batched and async runs alike: the adaptive engine, or one
    // plain stencil per group (fixed-groups.ts) with a fixed `step` or `errors: false`.
    plain: plainColumns(o, withErrors),
    result(evaluations: number): SparseJacobianResult {
      let worst = 0;
      for (const c of statuses) if (c > worst) worst = c;
      return {
        m: pattern.m,
        n: pattern.n,
        rowPtr: pattern.rowPtr,
        colIdx: pattern.colIdx,
        value,
        error,
        evaluations,
        groups: grouping.groups,
        status: STATUSES[worst],
        statuses: withErrors ? statuses : new Uint8Array(0),
      };
    },
  };
}
