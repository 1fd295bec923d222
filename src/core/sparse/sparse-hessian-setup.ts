/**
 * What the sync, batched and async sparse Hessians share: the checks of f, x, the options and the
 * pattern; the entries of the pattern's upper triangle in the sync order; and the CSR result from
 * their estimates (hessian-pipeline.ts's entries).
 */

import { invalid } from "../errors.js";
import { checkInside, fixedStencil } from "../fixed-partial.js";
import type { HessianEntry } from "../hessian-pipeline.js";
import { STATUSES } from "../status.js";
import { checkFunction } from "../validate.js";
import { resolveMultivariate, toPoint, type ResolvedMultivariate } from "../vector.js";
import { toSparsityPattern } from "./pattern.js";
import type { SparseHessianOptions, SparseHessianResult } from "./sparse-hessian.js";
import { symmetricPattern, type SymmetricPattern } from "./symmetric.js";

/**
 * The entries (i, j), j ≥ i, of a symmetric pattern's upper triangle, row by row (the sync order),
 * and the CSR index of each.
 *
 * @example
 * ```ts
 * import { symmetricPattern } from "./symmetric.js";
 * const p = symmetricPattern({ m: 2, n: 2, rowPtr: Int32Array.of(0, 2, 3), colIdx: Int32Array.of(0, 1, 1) });
 * upperEntries(p); // { rows: Int32Array [0, 0, 1], cols: Int32Array [0, 1, 1], slots: Int32Array [0, 1, 3] }
 * ```
 */
export function upperEntries(p: SymmetricPattern): { rows: Int32Array; cols: Int32Array; slots: Int32Array } {
  const rows: number[] = [];
  const cols: number[] = [];
  const slots: number[] = [];
  for (let i = 0; i < p.n; i++) {
    for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) {
      if (p.colIdx[k] < i) continue;
      rows.push(i);
      cols.push(p.colIdx[k]);
      slots.push(k);
    }
  }
  return { rows: Int32Array.from(rows), cols: Int32Array.from(cols), slots: Int32Array.from(slots) };
}

/**
 * A sparse Hessian's setup, checked as the sync `hessian(f, x, { sparsity })` checks it: f, x (a
 * copy), the options (order 2 only, method auto or central; with `step`, every stencil inside the
 * bounds), the symmetrized pattern and its upper entries.
 *
 * @example
 * ```ts
 * sparseHessianSetup((x) => x[0] * x[1], [1, 2], { sparsity: [[0, 1]] }).upper.rows; // Int32Array [0]
 * ```
 */
export function sparseHessianSetup(
  f: unknown,
  x: ArrayLike<number>,
  options: SparseHessianOptions,
): {
  w: Float64Array;
  o: ResolvedMultivariate;
  pattern: SymmetricPattern;
  upper: ReturnType<typeof upperEntries>;
} {
  checkFunction(f, "f");
  const w = toPoint(x, "x");
  if (options === null || typeof options !== "object") {
    throw invalid("INVALID_OPTION", "options", "an object with a sparsity pattern", options);
  }
  const order = (options as { order?: unknown }).order;
  if (order !== undefined && order !== 2) {
    throw invalid("INVALID_ORDER", "order", "2 or undefined (a Hessian holds second derivatives)", order);
  }
  const o = resolveMultivariate({ ...options, order: undefined }, w);
  if (o.method !== "auto" && o.method !== "central") {
    throw invalid("INVALID_METHOD", "method", `"auto" or "central" for a Hessian`, o.method);
  }
  const input = options.sparsity as unknown;
  if (input === "detect" || input === undefined) {
    throw invalid(
      "INVALID_SPARSITY",
      "sparsity",
      'CSR arrays { rowPtr, colIdx } or [row, column] pairs ("detect" is for Jacobians)',
      input,
    );
  }
  const n = w.length;
  const pattern = symmetricPattern(toSparsityPattern(options.sparsity, n, n));
  if (o.step !== undefined) {
    const st = fixedStencil("central", 2, o.accuracy);
    for (let i = 0; i < n; i++) checkInside(st, w[i], o.step, o.lo[i], o.hi[i], i);
  }
  return { w, o, pattern, upper: upperEntries(pattern) };
}

/**
 * The CSR result from the estimates of the upper entries (each written to its mirror too);
 * `evaluations` counts the calls besides the entries' own (f(x) for a fixed step).
 *
 * @example
 * ```ts
 * const { pattern, upper } = sparseHessianSetup((x) => x[0] * x[1], [1, 2], { sparsity: [[0, 1]] });
 * packSparseHessian([{ value: 1, error: 0, code: 0, evaluations: 4 }], pattern, upper, 0).value; // Float64Array [1, 1]
 * ```
 */
export function packSparseHessian(
  entries: readonly HessianEntry[],
  pattern: SymmetricPattern,
  upper: ReturnType<typeof upperEntries>,
  evaluations: number,
): SparseHessianResult {
  const nnz = pattern.rowPtr[pattern.n];
  const value = new Float64Array(nnz);
  const error = new Float64Array(nnz).fill(NaN);
  const statuses = new Uint8Array(nnz);
  let worst = 0;
  entries.forEach((e, a) => {
    const k = upper.slots[a];
    const mk = pattern.mirror[k];
    value[k] = value[mk] = e.value;
    error[k] = error[mk] = e.error;
    statuses[k] = statuses[mk] = e.code;
    if (e.code > worst) worst = e.code;
    evaluations += e.evaluations;
  });
  const { m, n, rowPtr, colIdx } = pattern;
  return { m, n, rowPtr, colIdx, value, error, evaluations, status: STATUSES[worst], statuses };
}
