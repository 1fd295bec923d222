/**
 * The per-row rules of the lockstep path for one point record (lockstep-points.ts): the kink test, the
 * stopping rules, the end of a column and the choice between scales. They are ColumnDriver's
 * (driver.ts) and keepScale's (best-of-scales.ts) for one component of a central first-derivative
 * column with no tolerance, no budget and no known noise; see those files for their derivation.
 */

import { COLUMN_FLAG } from "./column-state.js";
import {
  ALIAS_STEP,
  CONVERGED_RELATIVE_ERROR,
  DIVERGENCE_FACTOR,
  EPS,
  F_ROUNDING,
  GOOD_RELATIVE_ERROR,
  KINK_RATIO_HIGH,
  KINK_RATIO_LOW,
  KINK_SIGNAL,
  MIN_ROWS,
  ROUNDING_MARGIN,
  SHARP_TRUST,
} from "./constants.js";
import { FIELDS } from "./lockstep-points.js";

const {
  even0: EVEN0,
  even1: EVEN1,
  even2: EVEN2,
  flags: FLAGS,
  rbTrusted: RB_TRUSTED,
  rbError: RB_ERROR,
  rbRound: RB_ROUND,
  rbValue: RB_VALUE,
  bestValue: BEST_VALUE,
  bestError: BEST_ERROR,
  bestStep: BEST_STEP,
  bestRow: BEST_ROW,
  bestRound: BEST_ROUND,
  stalls: STALLS,
  lastGood: LAST_GOOD,
  lastStep: LAST_STEP,
  value: VALUE,
  error: ERROR,
  step: STEP,
  keptValue: KEPT_VALUE,
  keptError: KEPT_ERROR,
  keptStep: KEPT_STEP,
  keptFlags: KEPT_FLAGS,
  evenSum: EVEN_SUM,
  absSum: ABS_SUM,
  rowValue: ROW_VALUE,
  rowError: ROW_ERROR,
  rowRound: ROW_ROUND,
  hr: HR,
} = FIELDS;
const KINK = COLUMN_FLAG.kink;
const POLE = COLUMN_FLAG.pole;
const NOISY = COLUMN_FLAG.noisy;

/**
 * The kink test of row n of the point whose record starts at b, from the row's even part
 * E(h) = Σ|w| f and its size (the record's evenSum and absSum; driver.ts, KINK_RATIO_LOW): sets or
 * clears the kink and pole flags.
 *
 * @example
 * ```ts
 * kinkTest(pts.state, p * STRIDE, 3); // after the third row
 * ```
 */
export function kinkTest(s: Float64Array, b: number, n: number): void {
  s[b + EVEN2] = s[b + EVEN1];
  s[b + EVEN1] = s[b + EVEN0];
  s[b + EVEN0] = s[b + EVEN_SUM];
  if (n < 3) return;
  // The even part's size is absSum (values, not magnitudes); no known noise: the driver adds 0.
  const rounding = F_ROUNDING * EPS * s[b + ABS_SUM];
  const c1 = Math.abs(s[b + EVEN0] - s[b + EVEN1]);
  const c2 = Math.abs(s[b + EVEN1] - s[b + EVEN2]);
  const ratio = c1 / c2;
  const signal = c1 > KINK_SIGNAL * rounding && c2 > KINK_SIGNAL * rounding;
  let flags = s[b + FLAGS];
  flags = signal && ratio > KINK_RATIO_LOW && ratio < KINK_RATIO_HIGH ? flags | KINK : flags & ~KINK;
  flags = signal && ratio > 1 ? flags | POLE : flags & ~POLE;
  s[b + FLAGS] = flags;
}

/**
 * The stopping rules after row n (the driver's `rowDone`, without a tolerance), from the tableau row's
 * best entry in the record: the sharpened estimate at the rounding level, convergence after MIN_ROWS
 * settled rows, or rounding taking over. True when the column ends for the point.
 *
 * @example
 * ```ts
 * rowDone(pts.state, p * STRIDE, 3, true); // true once converged
 * ```
 */
export function rowDone(s: Float64Array, b: number, n: number, settled: boolean): boolean {
  const rowValue = s[b + ROW_VALUE];
  const rowError = s[b + ROW_ERROR];
  const rowRound = s[b + ROW_ROUND];
  let sharpError = NaN;
  if (rowError < Infinity && settled && s[b + RB_TRUSTED] === 1) {
    const ePrev = s[b + RB_ERROR] - s[b + RB_ROUND];
    const e = rowError - rowRound;
    if (e < ePrev) sharpError = (e * e) / ePrev + rowRound;
  }
  if (rowError < Infinity) {
    s[b + RB_VALUE] = rowValue;
    s[b + RB_ERROR] = rowError;
    s[b + RB_ROUND] = rowRound;
    s[b + RB_TRUSTED] = settled ? 1 : 0;
  } else s[b + RB_TRUSTED] = -1;
  if (sharpError <= ROUNDING_MARGIN * rowRound && rowError <= SHARP_TRUST * rowRound) {
    s[b + BEST_VALUE] = rowValue;
    s[b + BEST_ERROR] = sharpError;
    s[b + BEST_STEP] = s[b + HR];
    return true;
  }
  const be = s[b + BEST_ERROR];
  if (n >= MIN_ROWS && settled) {
    if (be <= CONVERGED_RELATIVE_ERROR * Math.abs(s[b + BEST_VALUE])) return true;
    if (be <= ROUNDING_MARGIN * s[b + BEST_ROUND]) return true;
  }
  if (rowError > DIVERGENCE_FACTOR * be && n - 1 > s[b + BEST_ROW]) {
    if (++s[b + STALLS] >= 2 && settled) {
      s[b + BEST_ERROR] = Math.max(be, Math.abs(rowValue - s[b + BEST_VALUE]));
      return true;
    }
  } else s[b + STALLS] = 0;
  return false;
}

/**
 * Drops the best entry (ColumnState's `forgetBest`): the rows were not in the asymptotic regime.
 *
 * @example
 * ```ts
 * forgetBest(pts.state, p * STRIDE);
 * ```
 */
export function forgetBest(s: Float64Array, b: number): void {
  s[b + BEST_VALUE] = NaN;
  s[b + BEST_ERROR] = Infinity;
  s[b + BEST_STEP] = NaN;
  s[b + BEST_ROW] = -1;
  s[b + BEST_ROUND] = NaN;
  s[b + RB_TRUSTED] = -1;
}

/**
 * Ends the point's column: its value, error and step from the best entry, or the last difference with
 * an unknown error when there is none (the driver's `finish`).
 *
 * @example
 * ```ts
 * finishColumn(pts.state, p * STRIDE);
 * ```
 */
export function finishColumn(s: Float64Array, b: number): void {
  if (Number.isFinite(s[b + BEST_VALUE]) && s[b + BEST_ERROR] < Infinity) {
    s[b + VALUE] = s[b + BEST_VALUE];
    s[b + ERROR] = s[b + BEST_ERROR];
    s[b + STEP] = s[b + BEST_STEP];
  } else {
    s[b + VALUE] = s[b + LAST_GOOD];
    s[b + ERROR] = NaN;
    s[b + STEP] = s[b + LAST_STEP];
  }
}

/**
 * Keeps the better of the kept estimate and the column just run at scale i (keepScale of
 * best-of-scales.ts for one component, without a tolerance); true when the estimate is not good enough
 * yet and the next scale should run.
 *
 * @example
 * ```ts
 * keepColumn(pts.state, p * STRIDE, 0); // after the first column
 * ```
 */
export function keepColumn(s: Float64Array, b: number, i: number): boolean {
  const v = s[b + VALUE];
  const e = s[b + ERROR];
  const kv = s[b + KEPT_VALUE];
  const ke = s[b + KEPT_ERROR];
  const flags = s[b + FLAGS];
  const disagree = i > 0 && Math.abs(v - kv) > e + ke && s[b + STEP] < s[b + KEPT_STEP];
  if (Number.isFinite(v) && (!Number.isFinite(kv) || e < ke || Number.isNaN(ke) || disagree)) {
    s[b + KEPT_VALUE] = v;
    s[b + KEPT_ERROR] = e;
    s[b + KEPT_STEP] = s[b + STEP];
    s[b + KEPT_FLAGS] = (s[b + KEPT_FLAGS] & NOISY) | flags;
  } else if (i === 0) s[b + KEPT_FLAGS] = flags;
  else s[b + KEPT_FLAGS] = s[b + KEPT_FLAGS] | (flags & NOISY);
  const good =
    s[b + KEPT_ERROR] <= GOOD_RELATIVE_ERROR * Math.abs(s[b + KEPT_VALUE]) && !(s[b + KEPT_STEP] > ALIAS_STEP);
  return !good;
}
