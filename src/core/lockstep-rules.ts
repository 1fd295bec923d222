/**
 * The per-row rules of the lockstep path for one point (component p of a {@link ColumnState} of one
 * component per point): the kink test, the stopping rules and the end of a column. They are
 * ColumnDriver's (driver.ts) for a central first-derivative column with no tolerance, no budget and no
 * known noise, written for one component with its own step: see driver.ts for their derivation.
 */

import { COLUMN_FLAG, type ColumnState } from "./column-state.js";
import {
  CONVERGED_RELATIVE_ERROR,
  DIVERGENCE_FACTOR,
  EPS,
  F_ROUNDING,
  KINK_RATIO_HIGH,
  KINK_RATIO_LOW,
  KINK_SIGNAL,
  MIN_ROWS,
  ROUNDING_MARGIN,
  SHARP_TRUST,
} from "./constants.js";

/**
 * The kink test of row n of point p, from the row's even part E(h) = Σ|w| f and its size (driver.ts,
 * KINK_RATIO_LOW): sets or clears the kink and pole flags.
 *
 * @example
 * ```ts
 * kinkTest(state, 0, 3, 2.0, 2.0); // after three rows of point 0
 * ```
 */
export function kinkTest(s: ColumnState, p: number, n: number, evenSum: number, evenAbs: number): void {
  s.even2[p] = s.even1[p];
  s.even1[p] = s.even0[p];
  s.even0[p] = evenSum;
  if (n < 3) return;
  const rounding = F_ROUNDING * EPS * evenAbs; // no known noise: the driver adds 0
  const c1 = Math.abs(s.even0[p] - s.even1[p]);
  const c2 = Math.abs(s.even1[p] - s.even2[p]);
  const ratio = c1 / c2;
  const signal = c1 > KINK_SIGNAL * rounding && c2 > KINK_SIGNAL * rounding;
  if (signal && ratio > KINK_RATIO_LOW && ratio < KINK_RATIO_HIGH) s.flags[p] |= COLUMN_FLAG.kink;
  else s.flags[p] &= ~COLUMN_FLAG.kink;
  if (signal && ratio > 1) s.flags[p] |= COLUMN_FLAG.pole;
  else s.flags[p] &= ~COLUMN_FLAG.pole;
}

/**
 * The stopping rules for point p after row n at step hr (the driver's, without a tolerance): the
 * sharpened estimate at the rounding level, convergence after MIN_ROWS settled rows, or rounding taking
 * over. True when the column ends for p.
 *
 * @example
 * ```ts
 * rowDone(state, 0, 3, 1.0, 1e-15, 1e-16, true, 0.01); // true once converged
 * ```
 */
export function rowDone(
  s: ColumnState,
  p: number,
  n: number,
  rowValue: number,
  rowError: number,
  rowRound: number,
  settled: boolean,
  hr: number,
): boolean {
  let sharpError = NaN;
  if (rowError < Infinity && settled && s.rbTrusted[p] === 1) {
    const ePrev = s.rbError[p] - s.rbRound[p];
    const e = rowError - rowRound;
    if (e < ePrev) sharpError = (e * e) / ePrev + rowRound;
  }
  if (rowError < Infinity) {
    s.rbValue[p] = rowValue;
    s.rbError[p] = rowError;
    s.rbRound[p] = rowRound;
    s.rbTrusted[p] = settled ? 1 : 0;
  } else s.rbTrusted[p] = -1;
  if (sharpError <= ROUNDING_MARGIN * rowRound && rowError <= SHARP_TRUST * rowRound) {
    s.bestValue[p] = rowValue;
    s.bestError[p] = sharpError;
    s.bestStep[p] = hr;
    return true;
  }
  const be = s.bestError[p];
  if (n >= MIN_ROWS && settled) {
    if (be <= CONVERGED_RELATIVE_ERROR * Math.abs(s.bestValue[p])) return true;
    if (be <= ROUNDING_MARGIN * s.bestRound[p]) return true;
  }
  if (rowError > DIVERGENCE_FACTOR * be && n - 1 > s.bestRow[p]) {
    if (++s.stalls[p] >= 2 && settled) {
      s.bestError[p] = Math.max(be, Math.abs(rowValue - s.bestValue[p]));
      return true;
    }
  } else s.stalls[p] = 0;
  return false;
}

/**
 * Ends point p's column: its value, error and step from the best entry, or the last difference with
 * an unknown error when there is none (the driver's `finish`, central).
 *
 * @example
 * ```ts
 * finishColumn(state, 0); // state.value[0], state.error[0], state.step[0] set
 * ```
 */
export function finishColumn(s: ColumnState, p: number): void {
  s.kind[p] = 0;
  if (Number.isFinite(s.bestValue[p]) && s.bestError[p] < Infinity) {
    s.value[p] = s.bestValue[p];
    s.error[p] = s.bestError[p];
    s.step[p] = s.bestStep[p];
  } else {
    s.value[p] = s.lastGood[p];
    s.error[p] = NaN;
    s.step[p] = s.lastStep[p];
  }
}
