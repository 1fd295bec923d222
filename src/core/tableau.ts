/**
 * The Richardson/Neville tableau of one component, with Ridders' error estimate and the rounding
 * error each entry carries.
 *
 * Row i holds the base difference D(hᵢ) in column 0; column c eliminates the h^(p·c) term of the
 * error expansion by Neville's recurrence in t = (h/h₀)^p (Richardson 1911):
 *   T[i][c] = T[i][c−1] + (T[i][c−1] − T[i−1][c−1]) / (t_{i−c}/tᵢ − 1).
 * The error of an entry is estimated as its distance to its two parents (Ridders, Adv. Eng. Software
 * 4 (1982) 75; Numerical Recipes §5.7 `dfridr`), plus the rounding error it inherits: the same
 * recurrence run on the parents' rounding errors with absolute values, so the estimate covers both
 * sides of the V of error versus h. A one-sided tableau the caller asked for also checks each entry
 * against the same column of the row before ({@link Tableau.allPowers}).
 */

import { MAX_COLUMNS } from "./constants.js";
import { MISFIT_ORDER, misfitGrows } from "./row-misfit.js";

/**
 * Per-component tableau storage: the previous row's entries and their rounding, MAX_COLUMNS each, in
 * flat typed arrays (component k at offset k·MAX_COLUMNS), plus one scratch row.
 *
 * @example
 * ```ts
 * const tab = new Tableau(2, 24); // two components, up to 24 rows
 * tab.prev.length; // 10
 * ```
 */
export class Tableau {
  readonly prev: Float64Array;
  readonly prevRound: Float64Array;
  /** The newest row: entries, their estimated errors and their rounding (column 0 has no error). */
  readonly cur = new Float64Array(MAX_COLUMNS);
  readonly curError = new Float64Array(MAX_COLUMNS);
  readonly curRound = new Float64Array(MAX_COLUMNS);
  /** t = (h/h₀)^p of each row, shared by the components. */
  readonly t: Float64Array;
  /** After {@link Tableau.extend}: the newest row's best entry, its error and rounding (error ∞ if none). */
  rowValue = NaN;
  rowError = Infinity;
  rowRound = NaN;
  /**
   * A one-sided tableau the caller asked for (D(h) = f⁽ⁿ⁾ + c₁h + c₂h² + …: every power of h). Its
   * terms come from f⁽ⁿ⁺¹⁾, f⁽ⁿ⁺²⁾, …, which change sign independently (cos and sin), so the leading
   * terms of a column cancel at some h and two neighbouring entries agree by chance (cos⁗ forward at
   * −0.0507: D(h/32) and D(h/64) agree to 3e-6, the truth is 1e-3 away). Ridders' estimate, the distance
   * to the two parents, then vanishes. With allPowers an entry's error also counts its distance to the
   * same column of the row before, and an entry with no such neighbour (the newest column, c = i) is
   * not trusted (error ∞): one chance agreement can no longer end the column.
   */
  allPowers = false;
  /**
   * Whether {@link Tableau.extend} reads its entries for rows that misfit (row-misfit.ts): then, after
   * each row, `misfitMask` has bit k set where column k's entry may show row i − k misfitting
   * (misfitGrows), with T[i][k] − T[i][k − 1] in `misfitDelta[k]`.
   */
  watchMisfit = false;
  misfitMask = 0;
  readonly misfitDelta = new Float64Array(MAX_COLUMNS);

  constructor(m: number, maxRows: number) {
    this.prev = new Float64Array(m * MAX_COLUMNS);
    this.prevRound = new Float64Array(m * MAX_COLUMNS);
    this.t = new Float64Array(maxRows);
  }

  /**
   * Adds row i (base difference d with rounding `rounding`) to component k's tableau and returns the
   * number of extrapolated columns: entries 1..cols of `cur`, `curError` and `curRound` hold them, and
   * the best of them is in rowValue/rowError/rowRound.
   */
  extend(k: number, i: number, d: number, rounding: number): number {
    // Written small (locals, one store of the best entry): the engine's row loop inlines this, and
    // V8 inlines only so many bytecodes into one function.
    const cur = this.cur;
    const curRound = this.curRound;
    const prev = this.prev;
    const prevRound = this.prevRound;
    const off = k * MAX_COLUMNS;
    const ti = this.t[i];
    cur[0] = d;
    curRound[0] = rounding;
    let bestError = Infinity;
    let bestValue = NaN;
    let bestRound = NaN;
    const cols = Math.min(i, MAX_COLUMNS - 1);
    this.misfitMask = 0;
    const watch = this.watchMisfit;
    for (let c = 1; c <= cols; c++) {
      const q = this.t[i - c] / ti - 1;
      const a = cur[c - 1];
      const b = prev[off + c - 1];
      const v = a + (a - b) / q;
      const r = curRound[c - 1] + (curRound[c - 1] + prevRound[off + c - 1]) / q;
      let e = Math.max(Math.abs(v - a), Math.abs(v - b)) + r;
      if (this.allPowers) e = c < i ? Math.max(e, Math.abs(v - prev[off + c]) + r) : Infinity;
      if (watch && c >= MISFIT_ORDER) {
        const before = b - prev[off + c - 2];
        const beforeRounding = prevRound[off + c - 1] + prevRound[off + c - 2];
        if (misfitGrows(v - a, before, beforeRounding, q)) {
          this.misfitMask |= 1 << c;
          this.misfitDelta[c] = v - a;
        }
      }
      cur[c] = v;
      curRound[c] = r;
      this.curError[c] = e;
      if (e < bestError) {
        bestError = e;
        bestValue = v;
        bestRound = r;
      }
    }
    this.rowError = bestError;
    this.rowValue = bestValue;
    this.rowRound = bestRound;
    for (let c = 0; c <= cols; c++) {
      prev[off + c] = cur[c];
      prevRound[off + c] = curRound[c];
    }
    return cols;
  }
}
