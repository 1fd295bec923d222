/**
 * Grouping the columns of a sparse Jacobian so that one perturbation serves a whole group: a greedy
 * distance-2 colouring of the columns (Curtis, Powell and Reid, J. Inst. Maths Applics 13 (1974)
 * 117–119; Gebremedhin, Manne and Pothen, "What color is your Jacobian?", SIAM Review 47(4) (2005)
 * 629–705, §3). Two columns conflict when some row has entries in both (they are adjacent in the
 * column intersection graph); columns of one colour share no row, so perturbing all of them at once
 * leaves each row depending on one perturbed column only.
 */

import { columnsOf, type PatternColumns } from "./columns.js";
import { toSparsityPattern, type SparsityInput, type SparsityPattern } from "./pattern.js";

/**
 * A grouping of the columns: the columns of group g are `groupCols[groupPtr[g]]`, …,
 * `groupCols[groupPtr[g + 1] − 1]`, increasing. Columns without entries are in no group
 * (`colour[j] = −1`): nothing in the Jacobian depends on them.
 *
 * @example
 * ```ts
 * import { columnColouring } from "numdiff";
 * // tridiagonal 4 × 4: columns j and j + 3 may share a group
 * columnColouring([[0, 0], [0, 1], [1, 0], [1, 1], [1, 2], [2, 1], [2, 2], [2, 3], [3, 2], [3, 3]], 4, 4);
 * // { groups: 3, colour: Int32Array [2, 0, 1, 2], groupPtr: Int32Array [0, 1, 2, 4], groupCols: Int32Array [1, 2, 0, 3] }
 * ```
 */
export interface ColumnColouring {
  /** Number of groups (colours). At least the longest row, at most the largest degree + 1. */
  readonly groups: number;
  /** Colour of each column, −1 for an empty column. */
  readonly colour: Int32Array;
  /** Group g's columns are groupCols[groupPtr[g]] to groupCols[groupPtr[g + 1] − 1]. */
  readonly groupPtr: Int32Array;
  /** The columns of each group, group by group. */
  readonly groupCols: Int32Array;
}

/**
 * Degree of every column in the column intersection graph, counted with a marker array so that a
 * neighbour met through several rows counts once.
 */
function degrees(p: SparsityPattern, c: PatternColumns): Int32Array {
  const deg = new Int32Array(p.n);
  const mark = new Int32Array(p.n).fill(-1);
  for (let j = 0; j < p.n; j++) {
    mark[j] = j;
    for (let a = c.colPtr[j]; a < c.colPtr[j + 1]; a++) {
      const i = c.rowIdx[a];
      for (let b = p.rowPtr[i]; b < p.rowPtr[i + 1]; b++) {
        const k = p.colIdx[b];
        if (mark[k] !== j) {
          mark[k] = j;
          deg[j]++;
        }
      }
    }
  }
  return deg;
}

/**
 * Columns in largest-first order (decreasing degree, ties by index), by a counting sort.
 */
function largestFirst(deg: Int32Array): Int32Array {
  let top = 0;
  for (const d of deg) if (d > top) top = d;
  const start = new Int32Array(top + 2);
  for (const d of deg) start[top - d + 1]++;
  for (let d = 0; d <= top; d++) start[d + 1] += start[d];
  const order = new Int32Array(deg.length);
  for (let j = 0; j < deg.length; j++) order[start[top - deg[j]]++] = j;
  return order;
}

/**
 * Greedy distance-2 colouring of the columns of a pattern in largest-first order (Welsh and Powell
 * 1967; the LFO ordering of Gebremedhin, Manne and Pothen 2005, §3.3): each column takes the
 * smallest colour not used by a column sharing a row with it. Time O(Σ_i r_i²) for rows of lengths
 * r_i, that is O(nnz · average row length), never O(n²); memory O(m + n + nnz). A tridiagonal
 * pattern gets 3 groups, a diagonal one 1, a banded one of bandwidth b (2b + 1 per row) 2b + 1.
 *
 * @param pattern - a pattern as CSR arrays or (row, column) pairs; it is checked
 *   ({@link toSparsityPattern}) against m × n, which default to the pattern's own m, n, or to one more
 *   than the largest row and column index.
 * @example
 * ```ts
 * import { columnColouring } from "numdiff";
 * columnColouring([[0, 0], [1, 1], [2, 2]], 3, 3).groups; // 1 (diagonal: one perturbation for all)
 * columnColouring([[0, 0], [0, 1], [0, 2]], 1, 3).groups; // 3 (one dense row: no two columns together)
 * ```
 */
export function columnColouring(pattern: SparsityInput, m?: number, n?: number): ColumnColouring {
  const p = toSparsityPattern(pattern, m ?? extent(pattern, 0), n ?? extent(pattern, 1));
  return colour(p, columnsOf(p));
}

/** The pattern's own m (side 0) or n (side 1), else one more than its largest row or column index. */
function extent(pattern: unknown, side: 0 | 1): number {
  const given = (pattern as { m?: unknown; n?: unknown } | null)?.[side === 0 ? "m" : "n"];
  if (typeof given === "number") return given;
  let top = -1;
  const seen = (v: unknown): void => {
    if (typeof v === "number" && Number.isInteger(v) && v > top) top = v;
  };
  if (Array.isArray(pattern)) for (const pair of pattern) seen(Array.isArray(pair) ? pair[side] : undefined);
  else if (side === 0) return ((pattern as { rowPtr?: ArrayLike<unknown> } | null)?.rowPtr?.length ?? 1) - 1;
  else for (const v of Array.from((pattern as { colIdx?: ArrayLike<unknown> } | null)?.colIdx ?? [])) seen(v);
  return top + 1;
}

/**
 * {@link columnColouring} on a pattern whose column view is already built.
 *
 * @example
 * ```ts
 * const p = toSparsityPattern([[0, 0], [1, 1]], 2, 2);
 * colour(p, columnsOf(p)).groups; // 1
 * ```
 */
export function colour(p: SparsityPattern, c: PatternColumns): ColumnColouring {
  const n = p.n;
  const order = largestFirst(degrees(p, c));
  const colours = new Int32Array(n).fill(-1);
  const forbidden = new Int32Array(n + 1).fill(-1);
  let groups = 0;
  for (const j of order) {
    if (c.colPtr[j] === c.colPtr[j + 1]) continue;
    for (let a = c.colPtr[j]; a < c.colPtr[j + 1]; a++) {
      const i = c.rowIdx[a];
      for (let b = p.rowPtr[i]; b < p.rowPtr[i + 1]; b++) {
        const k = colours[p.colIdx[b]];
        if (k >= 0) forbidden[k] = j;
      }
    }
    let k = 0;
    while (forbidden[k] === j) k++;
    colours[j] = k;
    if (k + 1 > groups) groups = k + 1;
  }
  const groupPtr = new Int32Array(groups + 1);
  for (let j = 0; j < n; j++) if (colours[j] >= 0) groupPtr[colours[j] + 1]++;
  for (let g = 0; g < groups; g++) groupPtr[g + 1] += groupPtr[g];
  const next = groupPtr.slice(0, groups);
  const groupCols = new Int32Array(groupPtr[groups]);
  for (let j = 0; j < n; j++) if (colours[j] >= 0) groupCols[next[colours[j]]++] = j;
  return { groups, colour: colours, groupPtr, groupCols };
}
