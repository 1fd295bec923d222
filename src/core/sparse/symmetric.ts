/**
 * Symmetric patterns for sparse Hessians: the union of a pattern and its transpose, and where each
 * entry's mirror image sits.
 */

import { columnsOf } from "./columns.js";
import type { SparsityPattern } from "./pattern.js";

/**
 * A symmetric pattern in CSR form with, for every entry k = (i, j), the index `mirror[k]` of (j, i).
 *
 * @example
 * ```ts
 * symmetricPattern({ m: 2, n: 2, rowPtr: Int32Array.of(0, 1, 1), colIdx: Int32Array.of(1) }).mirror;
 * // Int32Array [1, 0]: (0, 1) and (1, 0) mirror each other
 * ```
 */
export interface SymmetricPattern extends SparsityPattern {
  readonly mirror: Int32Array;
}

/**
 * The union of a square pattern and its transpose (an entry (i, j) brings (j, i)), with mirrors.
 * O(n + nnz).
 *
 * @example
 * ```ts
 * // upper triangle of a tridiagonal 3 × 3 pattern -> the whole tridiagonal pattern
 * symmetricPattern({ m: 3, n: 3, rowPtr: Int32Array.of(0, 2, 4, 5), colIdx: Int32Array.of(0, 1, 1, 2, 2) }).colIdx;
 * // Int32Array [0, 1, 0, 1, 2, 1, 2]
 * ```
 */
export function symmetricPattern(p: SparsityPattern): SymmetricPattern {
  const n = p.n;
  const t = columnsOf(p);
  // Row i of the union merges row i of p with column i of p (both increasing).
  const rowPtr = new Int32Array(n + 1);
  const merged: number[] = [];
  for (let i = 0; i < n; i++) {
    let a = p.rowPtr[i];
    let b = t.colPtr[i];
    const ea = p.rowPtr[i + 1];
    const eb = t.colPtr[i + 1];
    while (a < ea || b < eb) {
      const ca = a < ea ? p.colIdx[a] : Infinity;
      const cb = b < eb ? t.rowIdx[b] : Infinity;
      const c = Math.min(ca, cb);
      merged.push(c);
      if (ca === c) a++;
      if (cb === c) b++;
    }
    rowPtr[i + 1] = merged.length;
  }
  const s: SparsityPattern = { m: n, n, rowPtr, colIdx: Int32Array.from(merged) };
  // Symmetric: column i lists the same indices as row i, in the same order, with their CSR positions.
  const cs = columnsOf(s);
  const mirror = new Int32Array(merged.length);
  for (let i = 0; i < n; i++)
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) mirror[k] = cs.position[cs.colPtr[i] + k - rowPtr[i]];
  return { ...s, mirror };
}
