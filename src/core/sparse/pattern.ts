/**
 * Sparsity patterns in compressed sparse row (CSR) form, built from CSR arrays or from a list of
 * (row, column) pairs, with the checks that make every later loop safe.
 */

import { invalid } from "../errors.js";

/**
 * Which entries of an m × n matrix may be nonzero, in CSR form: the columns of row i are
 * `colIdx[rowPtr[i]]`, …, `colIdx[rowPtr[i + 1] − 1]`, strictly increasing. A sparse result
 * ({@link SparseJacobianResult}) is itself a pattern, so it can be passed back as `sparsity`.
 *
 * @example
 * ```ts
 * import type { SparsityPattern } from "numdiff";
 * // [[x, 0, x], [0, x, 0]]
 * const p: SparsityPattern = { m: 2, n: 3, rowPtr: Int32Array.of(0, 2, 3), colIdx: Int32Array.of(0, 2, 1) };
 * ```
 */
export interface SparsityPattern {
  /** Rows. */
  readonly m: number;
  /** Columns. */
  readonly n: number;
  /** Length m + 1: row i holds entries rowPtr[i] to rowPtr[i + 1] − 1; rowPtr[0] = 0, rowPtr[m] = nnz. */
  readonly rowPtr: Int32Array;
  /** Length nnz: the column of each entry, strictly increasing within a row. */
  readonly colIdx: Int32Array;
}

/**
 * A pattern as the caller may give it: CSR arrays (any array-likes of integers; `m` and `n`, when
 * present, must agree with F and x), or a list of (row, column) pairs in any order, without repeats.
 *
 * @example
 * ```ts
 * import type { SparsityInput } from "numdiff";
 * const pairs: SparsityInput = [[0, 0], [1, 1], [0, 1]];
 * const csr: SparsityInput = { rowPtr: [0, 2, 3], colIdx: [0, 1, 1] };
 * ```
 */
export type SparsityInput =
  | {
      /** Rows (components of F). */
      readonly m?: number;
      /** Columns (coordinates of x). */
      readonly n?: number;
      /** Row i's entries are colIdx[rowPtr[i]] to colIdx[rowPtr[i + 1] − 1]. */
      readonly rowPtr: ArrayLike<number>;
      /** The column of each entry, row by row. */
      readonly colIdx: ArrayLike<number>;
    }
  | readonly (readonly [number, number])[];

const ARG = "sparsity";

function isIndex(v: unknown, below: number): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v < below;
}

/**
 * Checks a pattern given for an m × n matrix and returns it as a fresh {@link SparsityPattern} (the
 * caller's arrays are copied, never kept or changed). Throws NumdiffError INVALID_SPARSITY naming the
 * part at fault, the allowed range and the value: an index out of range, a malformed rowPtr, columns
 * unsorted or repeated within a row, a repeated pair, or m, n that disagree with F and x.
 *
 * @example
 * ```ts
 * toSparsityPattern([[1, 0], [0, 1]], 2, 2); // { m: 2, n: 2, rowPtr: Int32Array [0, 1, 2], colIdx: Int32Array [1, 0] }
 * toSparsityPattern([[2, 0]], 2, 2);
 * // throws NumdiffError [INVALID_SPARSITY]: invalid sparsity[0][0]; expected a row index from 0 to 1, got 2
 * ```
 */
export function toSparsityPattern(input: unknown, m: number, n: number): SparsityPattern {
  if (Array.isArray(input)) return fromPairs(input, m, n);
  if (input === null || typeof input !== "object") {
    throw invalid(
      "INVALID_SPARSITY",
      ARG,
      'CSR arrays { rowPtr, colIdx }, a list of [row, column] pairs or "detect"',
      input,
    );
  }
  return fromCsr(input as Record<string, unknown>, m, n);
}

function fromPairs(pairs: readonly unknown[], m: number, n: number): SparsityPattern {
  const rows = new Int32Array(pairs.length);
  const cols = new Int32Array(pairs.length);
  const counts = new Int32Array(m + 1);
  for (let k = 0; k < pairs.length; k++) {
    const pair = pairs[k];
    if (!(Array.isArray(pair) && pair.length === 2)) {
      throw invalid("INVALID_SPARSITY", `${ARG}[${k}]`, "a pair [row, column]", pair);
    }
    if (!isIndex(pair[0], m))
      throw invalid("INVALID_SPARSITY", `${ARG}[${k}][0]`, `a row index from 0 to ${m - 1}`, pair[0]);
    if (!isIndex(pair[1], n)) {
      throw invalid("INVALID_SPARSITY", `${ARG}[${k}][1]`, `a column index from 0 to ${n - 1}`, pair[1]);
    }
    rows[k] = pair[0];
    cols[k] = pair[1];
    counts[pair[0] + 1]++;
  }
  // Counting sort by row, then sort each row's columns (rows are short).
  const rowPtr = new Int32Array(m + 1);
  for (let i = 0; i < m; i++) rowPtr[i + 1] = rowPtr[i] + counts[i + 1];
  const next = rowPtr.slice(0, m);
  const colIdx = new Int32Array(pairs.length);
  const origin = new Int32Array(pairs.length);
  for (let k = 0; k < pairs.length; k++) {
    const at = next[rows[k]]++;
    colIdx[at] = cols[k];
    origin[at] = k;
  }
  for (let i = 0; i < m; i++) {
    const a = rowPtr[i];
    const b = rowPtr[i + 1];
    if (b - a > 1) {
      const order = Array.from(origin.subarray(a, b)).sort((p, q) => cols[p] - cols[q]);
      for (let t = 0; t < order.length; t++) colIdx[a + t] = cols[order[t]];
      for (let t = 1; t < order.length; t++) {
        if (colIdx[a + t] === colIdx[a + t - 1]) {
          throw invalid("INVALID_SPARSITY", `${ARG}[${order[t]}]`, "pairs without repeats", [
            i,
            colIdx[a + t],
          ]);
        }
      }
    }
  }
  return { m, n, rowPtr, colIdx };
}

function intArray(v: unknown, name: string): ArrayLike<unknown> {
  if (!(Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView)))) {
    throw invalid("INVALID_SPARSITY", `${ARG}.${name}`, "an array of integers", v);
  }
  return v as unknown as ArrayLike<unknown>;
}

function fromCsr(o: Record<string, unknown>, m: number, n: number): SparsityPattern {
  if (o.m !== undefined && o.m !== m) {
    throw invalid("INVALID_SPARSITY", `${ARG}.m`, `${m} (the length of F's result)`, o.m);
  }
  if (o.n !== undefined && o.n !== n)
    throw invalid("INVALID_SPARSITY", `${ARG}.n`, `${n} (the length of x)`, o.n);
  const ptr = intArray(o.rowPtr, "rowPtr");
  const idx = intArray(o.colIdx, "colIdx");
  if (ptr.length !== m + 1) {
    throw invalid(
      "INVALID_SPARSITY",
      `${ARG}.rowPtr`,
      `an array of length ${m + 1} (m + 1, m = ${m} rows of F)`,
      o.rowPtr,
    );
  }
  const nnz = idx.length;
  const rowPtr = new Int32Array(m + 1);
  const colIdx = new Int32Array(nnz);
  if (ptr[0] !== 0) throw invalid("INVALID_SPARSITY", `${ARG}.rowPtr[0]`, "0", ptr[0]);
  for (let i = 1; i <= m; i++) {
    const v = ptr[i];
    if (!(typeof v === "number" && Number.isInteger(v) && v >= rowPtr[i - 1] && v <= nnz)) {
      throw invalid(
        "INVALID_SPARSITY",
        `${ARG}.rowPtr[${i}]`,
        `an integer from rowPtr[${i - 1}] = ${rowPtr[i - 1]} to ${nnz} (colIdx.length)`,
        v,
      );
    }
    rowPtr[i] = v;
  }
  if (rowPtr[m] !== nnz)
    throw invalid("INVALID_SPARSITY", `${ARG}.rowPtr[${m}]`, `${nnz} (colIdx.length)`, rowPtr[m]);
  for (let i = 0; i < m; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const c = idx[p];
      const least = p > rowPtr[i] ? colIdx[p - 1] + 1 : 0;
      if (!(isIndex(c, n) && c >= least)) {
        const range =
          least > 0
            ? `a column index from ${least} to ${n - 1} (columns of row ${i} strictly increasing)`
            : `a column index from 0 to ${n - 1}`;
        throw invalid("INVALID_SPARSITY", `${ARG}.colIdx[${p}]`, range, c);
      }
      colIdx[p] = c;
    }
  }
  return { m, n, rowPtr, colIdx };
}
