/**
 * The per-component state of one column of the adaptive engine, allocated once (per Jacobian, or
 * kept spare between derivative() calls) and reused: flat typed arrays, so a column allocates nothing.
 */

import { MAX_ROWS } from "./constants.js";
import { Tableau } from "./tableau.js";
import { NO_GRID } from "./value-grid.js";

/**
 * Bits of {@link ColumnState.flags}: the component's differences grew like 1/hⁿ (f jumps on the
 * stencil), its even part shrank like h (a kink at x), its changes grew like noise, or it ran out of
 * its evaluation budget, or its even part grew as h shrank (f unbounded at x); `probePole`: the even
 * part grew so in a later scale's column (a probe of shorter steps) whose estimate was not kept (set by
 * derivative()'s scales only: scalar-column.ts, common-path.ts); `firstOrder`: a central column's error
 * is its first-order tail (f″ jumps at x: kink-test.ts, firstOrderRow).
 *
 * @example
 * ```ts
 * const state = new ColumnState(1);
 * (state.flags[0] & COLUMN_FLAG.kink) !== 0; // false: nothing suspected before a column runs
 * ```
 */
export const COLUMN_FLAG = Object.freeze({
  diverging: 1,
  kink: 2,
  noisy: 4,
  budget: 8,
  pole: 16,
  probePole: 32,
  firstOrder: 64,
} as const);

/**
 * Where component k's reading of its grid is in {@link ColumnState.grid}, after m + 4k.
 *
 * @example
 * ```ts
 * GRID_SLOT.at; // => 2
 * ```
 */
export const GRID_SLOT = Object.freeze({ seen: 0, run: 1, at: 2, double: 3 } as const);

/**
 * State of m components. Results of a column are left in `value`, `error`, `step` and `kind`
 * (0 central, 1 forward, -1 backward); `trusted` says whether the value comes from a trusted entry.
 *
 * @example
 * ```ts
 * const s = new ColumnState(3); // state for F with 3 components
 * s.value.length; // 3
 * ```
 */
export class ColumnState {
  readonly value: Float64Array;
  readonly error: Float64Array;
  readonly step: Float64Array;
  readonly kind: Int8Array;
  /** Components still descending: the first `activeCount` entries of `active`. */
  readonly active: Int32Array;
  activeCount = 0;
  readonly tableau: Tableau;
  /** h of each row. */
  readonly steps = new Float64Array(MAX_ROWS);
  // Last three base differences and the rounding of the last.
  readonly base1: Float64Array;
  readonly base2: Float64Array;
  readonly base3: Float64Array;
  readonly round1: Float64Array;
  // Best trusted entry so far.
  readonly bestValue: Float64Array;
  readonly bestError: Float64Array;
  readonly bestStep: Float64Array;
  readonly bestRow: Int32Array;
  readonly bestRound: Float64Array;
  /** Rows in a row whose base change shrank like h (first-order truncation, a C1 f); the tail of the
   * newest row (its change, once FIRST_ORDER_ROWS such rows ran) and that of the best entry's row. */
  readonly firstOrderRun: Int32Array;
  readonly rowTail: Float64Array;
  readonly bestTail: Float64Array;
  readonly stalls: Int32Array;
  // Best entry of the previous row (any, trusted or not), for the sharpened estimate; rbTrusted -1 = none.
  readonly rbValue: Float64Array;
  readonly rbError: Float64Array;
  readonly rbRound: Float64Array;
  readonly rbTrusted: Int8Array;
  readonly lastGood: Float64Array;
  readonly lastStep: Float64Array;
  // One row: the weighted sums, |terms| sums and the side of the first non-finite point (-1, +1; 0 none).
  readonly sum: Float64Array;
  readonly absSum: Float64Array;
  readonly bad: Int8Array;
  /** 1 while every stencil value of the component so far equals the first one (`ref`) bit for bit. */
  readonly flat: Int8Array;
  /** The first stencil value of the component in this column (NaN before it). */
  readonly ref: Float64Array;
  /** The value at x itself, once known (NaN before). */
  readonly centre: Float64Array;
  /** Absolute noise level of each component's values, added to the rounding model (0: rounding only). */
  readonly noise: Float64Array;
  /** What the column noticed about each component: {@link COLUMN_FLAG} bits. */
  readonly flags: Int8Array;
  /** Settled rows (rounding or asymptotic) of each component in a row, up to the last one. */
  readonly settledRows: Int32Array;
  /** Even part of the last three rows (odd-order central columns: the kink test) and its rounding. */
  readonly even0: Float64Array;
  readonly even1: Float64Array;
  readonly even2: Float64Array;
  readonly evenSum: Float64Array;
  readonly evenAbs: Float64Array;
  /**
   * With the spec's `evenNoise`: σ of the last row's even parts (even-noise.ts; NaN before three rows),
   * and the largest σ that noise ruled in this column (0: none seen).
   */
  readonly evenSigma: Float64Array;
  readonly seenNoise: Float64Array;
  /**
   * The largest σ/h of the rows that derivative()'s columns flagged (even-noise.ts, flaggedNoise; 0:
   * none): the noise each central first difference carries there (noise relative to f at a root of f
   * puts about this into every row, whatever its step).
   */
  readonly seenShare: Float64Array;
  /**
   * The largest σ/h of the rows whose σ noise ruled but that derivative()'s columns did not flag, f
   * being far from a root at x (0: none): noise relative to a term of f that vanishes at x, beside terms
   * that do not (quiet-noise.ts), puts about this into every central first difference as well.
   */
  readonly quietShare: Float64Array;
  /** The largest σ of those rows (0: none): σ over the result's step bounds its share there too. */
  readonly quietSigma: Float64Array;
  /**
   * `quietShare` and `quietSigma` of rows whose σ the next fell below the h⁴ law from but not below the
   * h⁶ law (quiet-noise.ts, belowSixthLaw): noise, or truncation where f⁗(x) = 0 (0: none).
   */
  readonly bandShare: Float64Array;
  readonly bandSigma: Float64Array;
  /**
   * The newest step of the row of `evenSigma`, and 1 once σ followed the truncation law (even-noise.ts,
   * truncationLaw); these three carry over from a scale to its probe (see forgetEven).
   */
  readonly evenStep: Float64Array;
  readonly evenLaw: Int8Array;
  /** Where noise was noticed: the step and the change |D(h) − D(2h)| there. */
  readonly noisyStep: Float64Array;
  readonly noisyChange: Float64Array;
  /** D·hⁿ of the last row, and for how many rows in a row it agreed with the one before (jump test). */
  readonly jumpScaled: Float64Array;
  readonly jumpRun: Int32Array;
  /** |change| of D·hⁿ at the last row, and whether it is settling on a nonzero limit (1). */
  readonly jumpChange: Float64Array;
  readonly jumpSettling: Int8Array;
  /** Far rows in a row whose change grew (the noise test). */
  readonly growRun: Int32Array;
  /**
   * The grid of the values (value-grid.ts, driver.ts readGrid), in one array (one allocation, not five:
   * a Jacobian makes a state per call): entries 0…m−1 hold each component's rounding per value from
   * its grid (gridNoise; 0: none), which the driver counts with the noise level; component k's reading
   * is at m + 4k + {@link GRID_SLOT}: the finest last-bit exponent of the differences of its rows' values
   * from each row's first, the run of rows on that grid, 2^seen, and 1 once a value was no float32 number.
   */
  readonly grid: Float64Array;
  /**
   * Whether the driver reads the values' grid at all (driver.ts readGrid): true, but for the columns of
   * a Jacobian with fewer than SCREEN_COMPONENTS components (jacobian-column.ts), whose common path does
   * not follow it — the small Jacobian's overhead per call of F has no room for it (issue 10's 100 ns)
   * — and whose general path must give that path's bits.
   */
  gridOn = true;
  /**
   * derivative()'s columns (m = 1) only: the first row after the column's last far one, and the noise
   * level its later rows' misfit implies (row-misfit.ts, read from the tableau when its watchMisfit is
   * set; 0: none).
   */
  settledFrom = 0;
  misfit = 0;
  /** derivative()'s columns: each row's rounding error by row (row-misfit.ts, misfitLevelAt). */
  readonly rowRounding = new Float64Array(MAX_ROWS);

  constructor(readonly m: number) {
    const f = (): Float64Array => new Float64Array(m);
    this.value = f();
    this.error = f();
    this.step = f();
    this.kind = new Int8Array(m);
    this.active = new Int32Array(m);
    this.tableau = new Tableau(m, MAX_ROWS);
    this.base1 = f();
    this.base2 = f();
    this.base3 = f();
    this.round1 = f();
    this.bestValue = f();
    this.bestError = f();
    this.bestStep = f();
    this.bestRow = new Int32Array(m);
    this.bestRound = f();
    this.firstOrderRun = new Int32Array(m);
    this.rowTail = f();
    this.bestTail = f();
    this.stalls = new Int32Array(m);
    this.rbValue = f();
    this.rbError = f();
    this.rbRound = f();
    this.rbTrusted = new Int8Array(m);
    this.lastGood = f();
    this.lastStep = f();
    this.sum = f();
    this.absSum = f();
    this.bad = new Int8Array(m);
    this.flat = new Int8Array(m);
    this.ref = f();
    this.centre = f();
    this.noise = f();
    this.flags = new Int8Array(m);
    this.settledRows = new Int32Array(m);
    this.even0 = f();
    this.even1 = f();
    this.even2 = f();
    this.evenSum = f();
    this.evenAbs = f();
    this.evenSigma = f();
    this.seenNoise = f();
    this.seenShare = f();
    this.quietShare = f();
    this.quietSigma = f();
    this.bandShare = f();
    this.bandSigma = f();
    this.evenStep = f();
    this.evenLaw = new Int8Array(m);
    this.noisyStep = f();
    this.noisyChange = f();
    this.jumpScaled = f();
    this.jumpRun = new Int32Array(m);
    this.jumpChange = f();
    this.jumpSettling = new Int8Array(m);
    this.growRun = new Int32Array(m);
    this.grid = new Float64Array(5 * m);
  }

  /** Makes components 0..m-1 active. */
  activateAll(): void {
    for (let k = 0; k < this.m; k++) this.active[k] = k;
    this.activeCount = this.m;
  }

  /** Clears the tableau of every active component (start, or a switch to one-sided). */
  reset(): void {
    this.settledFrom = 0;
    this.misfit = 0;
    for (let a = 0; a < this.activeCount; a++) {
      const k = this.active[a];
      this.forgetBest(k);
      this.stalls[k] = 0;
      this.flat[k] = 1;
      this.ref[k] = NaN;
      this.lastGood[k] = NaN;
      this.lastStep[k] = NaN;
      this.flags[k] = 0;
      this.settledRows[k] = 0;
      this.even0[k] = NaN;
      this.even1[k] = NaN;
      this.even2[k] = NaN;
      this.seenNoise[k] = 0;
      this.seenShare[k] = 0;
      this.quietShare[k] = 0;
      this.quietSigma[k] = 0;
      this.bandShare[k] = 0;
      this.bandSigma[k] = 0;
      this.noisyStep[k] = NaN;
      this.noisyChange[k] = NaN;
      this.jumpScaled[k] = NaN;
      this.jumpRun[k] = 0;
      this.jumpChange[k] = NaN;
      this.jumpSettling[k] = 0;
      this.growRun[k] = 0;
      this.firstOrderRun[k] = 0;
      this.rowTail[k] = 0;
      const g = this.m + 4 * k;
      this.grid[k] = 0;
      this.grid[g + GRID_SLOT.seen] = NO_GRID;
      this.grid[g + GRID_SLOT.run] = 0;
      this.grid[g + GRID_SLOT.at] = 0;
      this.grid[g + GRID_SLOT.double] = 0;
    }
  }

  /** Forgets the active components' σ of the even parts (a column's first scale; see evenSigma). */
  forgetEven(): void {
    for (let a = 0; a < this.activeCount; a++) {
      const k = this.active[a];
      this.evenSigma[k] = NaN;
      this.evenStep[k] = NaN;
      this.evenLaw[k] = 0;
    }
  }

  /** Drops component k's best entry (its rows turned out not to be in the asymptotic regime). */
  forgetBest(k: number): void {
    this.bestValue[k] = NaN;
    this.bestError[k] = Infinity;
    this.bestStep[k] = NaN;
    this.bestRow[k] = -1;
    this.bestRound[k] = NaN;
    this.bestTail[k] = 0;
    this.rbTrusted[k] = -1;
  }
}
