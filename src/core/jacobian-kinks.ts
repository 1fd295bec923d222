/**
 * A Jacobian entry whose column's even rows show a kink at x that its error does not cover
 * (even-kink.ts, entryShowsKink): beside a large term of F_k (another coordinate's), the driver's kink
 * test reads the rows' s² term and misses a small jump of ∂F_k/∂x_j (cos t − 0.0028·|t − c| + atan x₂
 * at c = 1309.3: −0.668306 ± 1.2e-13, ok, where the slopes are −0.665507 and −0.671105). Such an entry
 * is computed again by derivative()'s pipeline (jacobian-recheck.ts), whose one-sided columns decide.
 * The rows are recorded per component as each scale's column ends (the column's steps are rewritten
 * by the next scale), and tested once every scale has run, against F_k(x) and the kept error.
 */

import { COLUMN_FLAG, type ColumnState } from "./column-state.js";
import type { KeptEstimates } from "./best-of-scales.js";
import { entryShowsKink } from "./even-kink.js";

/** Floats per component in a {@link KinkRows} record: three even parts, their steps, the newest Σ|w|·|F_k|. */
const RECORD = 7;

/** The flags under which an entry goes its own way already (the one-sided check, a recheck, a jump). */
const HANDLED = COLUMN_FLAG.kink | COLUMN_FLAG.noisy | COLUMN_FLAG.diverging | COLUMN_FLAG.budget;

/**
 * Each component's even rows of the last column it ran in, and the components marked for a recheck.
 *
 * @example
 * ```ts
 * const rows = new KinkRows(3);
 * rows.marked[0]; // => 0
 * ```
 */
export class KinkRows {
  readonly rows: Float64Array;
  /** 1 where {@link markKinks} found a kink the entry's error does not cover. */
  readonly marked: Uint8Array;
  /** The components of the scale under way (state.active when it began). */
  readonly members: Int32Array;
  memberCount = 0;

  constructor(readonly m: number) {
    this.rows = new Float64Array(RECORD * m).fill(NaN);
    this.marked = new Uint8Array(m);
    this.members = new Int32Array(m);
  }

  /** Notes the components a scale's column is about to run (call after nextScale). */
  begin(state: ColumnState): void {
    for (let a = 0; a < state.activeCount; a++) this.members[a] = state.active[a];
    this.memberCount = state.activeCount;
  }

  /**
   * Records the even rows of the components the column just run (`rowCount` rows) ran: the driver's
   * last three even parts of each and the steps of its last three rows.
   */
  record(state: ColumnState, rowCount: number): void {
    const steps = state.steps;
    for (let a = 0; a < this.memberCount; a++) {
      const k = this.members[a];
      const at = RECORD * k;
      let r = rowCount - 1;
      while (r >= 0 && steps[r] !== state.lastStep[k]) r--;
      const central = state.kind[k] === 0 && state.flat[k] === 0 && r >= 2;
      this.rows[at] = state.even0[k];
      this.rows[at + 1] = state.even1[k];
      this.rows[at + 2] = state.even2[k];
      this.rows[at + 3] = central ? steps[r] : NaN;
      this.rows[at + 4] = central ? steps[r - 1] : NaN;
      this.rows[at + 5] = central ? steps[r - 2] : NaN;
      // NaN where the rows are not a central column's three (even-grid.ts reads it as "no rows").
      this.rows[at + 6] = central ? state.evenAbs[k] : NaN;
    }
  }
}

/**
 * Marks (in `rows.marked`) the listed components of a central first-derivative column whose recorded
 * rows show a kink (entryShowsKink) against F_k(x) (`centre`) that the kept error does not cover.
 *
 * @example
 * ```ts
 * markKinks(work.kinkRows, work.kept, job.centre, work.list, work.listed); // after the scales
 * ```
 */
export function markKinks(
  rows: KinkRows,
  kept: KeptEstimates,
  centre: ArrayLike<number>,
  list: Int32Array,
  listed: number,
): void {
  for (let a = 0; a < listed; a++) {
    const k = list[a];
    rows.marked[k] =
      kept.kind[k] === 0 &&
      (kept.flags[k] & HANDLED) === 0 &&
      entryShowsKink(rows.rows, RECORD * k, centre, kept.error, k)
        ? 1
        : 0;
  }
}
