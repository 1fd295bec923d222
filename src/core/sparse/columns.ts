/**
 * The column view (compressed sparse column) of a CSR pattern, in O(m + n + nnz).
 */

import type { SparsityPattern } from "./pattern.js";

/**
 * A pattern by columns: the rows of column j are `rowIdx[colPtr[j]]`, …, `rowIdx[colPtr[j + 1] − 1]`,
 * increasing, and `position[k]` is where entry k sits in the CSR arrays (its index into `colIdx` and
 * into a result's `value`).
 *
 * @example
 * ```ts
 * columnsOf({ m: 2, n: 2, rowPtr: Int32Array.of(0, 2, 3), colIdx: Int32Array.of(0, 1, 1) });
 * // { colPtr: Int32Array [0, 1, 3], rowIdx: Int32Array [0, 0, 1], position: Int32Array [0, 1, 2] }
 * ```
 */
export interface PatternColumns {
  readonly colPtr: Int32Array;
  readonly rowIdx: Int32Array;
  readonly position: Int32Array;
}

/**
 * The column view of a CSR pattern (a counting sort by column; rows stay in increasing order).
 *
 * @example
 * ```ts
 * columnsOf({ m: 2, n: 2, rowPtr: Int32Array.of(0, 1, 2), colIdx: Int32Array.of(1, 0) }).rowIdx;
 * // Int32Array [1, 0]: column 0 holds row 1, column 1 holds row 0
 * ```
 */
export function columnsOf(p: SparsityPattern): PatternColumns {
  const { m, n, rowPtr, colIdx } = p;
  const nnz = rowPtr[m];
  const colPtr = new Int32Array(n + 1);
  for (let k = 0; k < nnz; k++) colPtr[colIdx[k] + 1]++;
  for (let j = 0; j < n; j++) colPtr[j + 1] += colPtr[j];
  const next = colPtr.slice(0, n);
  const rowIdx = new Int32Array(nnz);
  const position = new Int32Array(nnz);
  for (let i = 0; i < m; i++) {
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
      const at = next[colIdx[k]]++;
      rowIdx[at] = i;
      position[at] = k;
    }
  }
  return { colPtr, rowIdx, position };
}
