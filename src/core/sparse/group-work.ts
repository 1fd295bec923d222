/**
 * What the group loops of a sparse Jacobian share: the problem, the output, and the setting up of one
 * group (its finite columns, the rows that depend on each, and where each row's entry is stored).
 */

import type { ResolvedMultivariate } from "../vector.js";
import type { ColumnColouring } from "./colouring.js";
import type { PatternColumns } from "./columns.js";
import type { GroupSource } from "./group-points.js";
import type { SparsityPattern } from "./pattern.js";

/**
 * The state of a sparse Jacobian run: F's values along grouped directions, the pattern, its columns
 * and grouping, x, the resolved options, and the output arrays (error null with `errors: false`).
 *
 * @example
 * ```ts
 * adaptiveGroups({ points, pattern, cols, grouping, x, o, value, error, statuses }); // fills the outputs
 * ```
 */
export interface GroupWork {
  readonly points: GroupSource;
  readonly pattern: SparsityPattern;
  readonly cols: PatternColumns;
  readonly grouping: ColumnColouring;
  readonly x: Float64Array;
  readonly o: ResolvedMultivariate;
  readonly value: Float64Array;
  readonly error: Float64Array | null;
  /** Status codes (STATUSES) of the entries. */
  readonly statuses: Uint8Array;
  /** Calls of F before the group descents (F(x), detection), taken from the budget; 1 when not set. */
  readonly shared?: number;
}

/**
 * One group, set up: its finite columns (`cols[0..count)`), the rows of each (`rowsOf`), every row
 * of the group (`rows[0..rowCount)`), and per row its column (`column[i]`) and the index of its entry
 * in the CSR output (`slot[i]`). Buffers are sized once and reused for every group.
 *
 * @example
 * ```ts
 * const g = new Group(w);
 * g.load(w.grouping, 0); // group 0; entries of non-finite columns are set to NaN
 * g.rows.subarray(0, g.rowCount); // the rows to differentiate
 * ```
 */
export class Group {
  readonly cols: Int32Array;
  count = 0;
  rowsOf: Int32Array[] = [];
  readonly rows: Int32Array;
  rowCount = 0;
  readonly column: Int32Array;
  readonly slot: Int32Array;

  constructor(
    private readonly w: GroupWork,
    /** Told of each group loaded: the work's source, or a pipeline's own frame. */
    private readonly target: Pick<GroupSource, "setGroup"> = w.points,
  ) {
    this.cols = new Int32Array(w.pattern.n);
    this.rows = new Int32Array(w.pattern.m);
    this.column = new Int32Array(w.pattern.m);
    this.slot = new Int32Array(w.pattern.m);
  }

  /**
   * Sets up group g of `grouping` and points F's values (the target) at it. With `keep`, only the rows whose entry
   * in the group has keep[slot] = 1 are listed (a retry pass); without it, entries of non-finite
   * columns are set to NaN.
   */
  load(grouping: ColumnColouring, g: number, keep?: Uint8Array): void {
    const { cols, x, value } = this.w;
    this.count = 0;
    this.rowCount = 0;
    this.rowsOf = [];
    for (let a = grouping.groupPtr[g]; a < grouping.groupPtr[g + 1]; a++) {
      const j = grouping.groupCols[a];
      const from = cols.colPtr[j];
      const to = cols.colPtr[j + 1];
      if (!Number.isFinite(x[j])) {
        if (keep === undefined) for (let b = from; b < to; b++) value[cols.position[b]] = NaN;
        continue;
      }
      this.cols[this.count++] = j;
      this.rowsOf.push(cols.rowIdx.subarray(from, to));
      for (let b = from; b < to; b++) {
        if (keep !== undefined && keep[cols.position[b]] === 0) continue;
        const i = cols.rowIdx[b];
        this.rows[this.rowCount++] = i;
        this.column[i] = j;
        this.slot[i] = cols.position[b];
      }
    }
    this.target.setGroup(this.cols, this.count, this.rowsOf);
  }
}
