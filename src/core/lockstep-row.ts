/**
 * One row of the lockstep path for one point: the central first-derivative row D(h) = (f(x+h) −
 * f(x−h))/2h with its rounding, regime, jump and noise tests, tableau and stopping rules, exactly as
 * ColumnDriver's `sumRow` and `extendRows` compute them for one component with no known noise, no
 * tolerance and no budget (driver.ts has their derivation). What the driver would take a detour for
 * (a jump to confirm, noise) is not followed here: the point departs to the scalar pipeline.
 */

import { COLUMN_FLAG, type ColumnState } from "./column-state.js";
import {
  EPS,
  FAST_STEP_RATIO,
  F_ROUNDING,
  JUMP_ROWS,
  JUMP_TOLERANCE,
  MAX_COLUMNS,
  MAX_ROWS,
  NOISE_GROWTH_ROWS,
  NOISE_GROWTH_SIGNAL,
  NOISE_SETTLED_ROWS,
  NOISE_SIGNAL,
  STEP_RATIO,
} from "./constants.js";
import { FLAT_ROWS } from "./driver.js";
import type { LockstepPoints } from "./lockstep-points.js";
import { finishColumn, kinkTest, rowDone } from "./lockstep-rules.js";
import { classifyRow, REGIME } from "./regime.js";
import type { Stencil } from "./stencil.js";

/**
 * Outcomes of {@link acceptRow}: the column goes on, it has finished for the point, or the point
 * departs to the scalar pipeline.
 *
 * @example
 * ```ts
 * ROW.finished; // 1
 * ```
 */
export const ROW = Object.freeze({ next: 0, finished: 1, departed: 2 } as const);

/**
 * Takes the finite values f(x − hr) and f(x + hr) of point p's current row (the stencil `st` is the
 * central first-derivative one, offsets −1 and 1) and returns a {@link ROW} outcome.
 *
 * @example
 * ```ts
 * acceptRow(state, points, 0, baseStencil("central", 1), Math.sin(0.9), Math.sin(1.1)); // ROW.next
 * ```
 */
export function acceptRow(
  s: ColumnState,
  pts: LockstepPoints,
  p: number,
  st: Stencil,
  fm: number,
  fp: number,
): number {
  // sumRow: the same sums in the same order (0 + w·f keeps the driver's signed zeros).
  const w0 = st.weights[0];
  const w1 = st.weights[1];
  const a0 = Math.abs(w0);
  const a1 = Math.abs(w1);
  if (Number.isNaN(s.ref[p])) s.ref[p] = fm;
  else if (fm !== s.ref[p]) s.flat[p] = 0;
  if (fp !== s.ref[p]) s.flat[p] = 0;
  let sum = 0;
  let evenSum = 0;
  let absSum = 0;
  sum += w0 * fm;
  evenSum += a0 * fm;
  absSum += a0 * Math.abs(fm);
  sum += w1 * fp;
  evenSum += a1 * fp;
  absSum += a1 * Math.abs(fp);
  return extendRow(s, pts, p, st.weightSum, sum, evenSum, absSum);
}

/** extendRows for point p (see the file comment). */
function extendRow(
  s: ColumnState,
  pts: LockstepPoints,
  p: number,
  weightSum: number,
  sum: number,
  evenSum: number,
  absSum: number,
): number {
  const hr = pts.hr[p];
  const i = pts.rows[p]++;
  const n = i + 1;
  const row = p * MAX_ROWS;
  const steps = pts.steps;
  steps[row + i] = hr;
  const r0 = hr / steps[row];
  pts.t[row + i] = r0 * r0;
  const d = sum / hr;
  // No known noise: the driver's noise[k]·weightSum term is 0.
  const rounding = (F_ROUNDING * EPS * absSum + Number.MIN_VALUE * weightSum) / hr;
  if (n >= FLAT_ROWS && s.flat[p] === 1) {
    s.bestValue[p] = 0;
    s.bestError[p] = rounding;
    s.bestStep[p] = hr;
    finishColumn(s, p);
    return ROW.finished;
  }
  let t1 = NaN;
  let t2 = NaN;
  if (n >= 3) {
    const r1 = steps[row + n - 2] / steps[row + n - 3];
    const r2 = hr / steps[row + n - 3];
    t1 = r1 * r1;
    t2 = r2 * r2;
  }
  const state = classifyRow(n, d, s.base1[p], s.base2[p], rounding, s.round1[p], t1, t2);
  jumpTest(s, p, d * hr);
  if (state === REGIME.far) {
    if (s.jumpRun[p] >= JUMP_ROWS - 1 || noiseEnds(s, p, n, d, rounding)) return ROW.departed;
    s.forgetBest(p);
  }
  const settled = state === REGIME.rounding || state === REGIME.asymptotic;
  s.settledRows[p] = settled ? s.settledRows[p] + 1 : 0;
  kinkTest(s, p, n, evenSum, absSum); // the even part's size is absSum for values (no magnitudes)
  const tab = s.tableau;
  const cols = Math.min(i, MAX_COLUMNS - 1);
  for (let j = i - cols; j <= i; j++) tab.t[j] = pts.t[row + j];
  tab.extend(p, i, d, rounding);
  if (settled) {
    for (let c = 1; c <= cols; c++) {
      const e = tab.curError[c];
      if (e < s.bestError[p]) {
        s.bestValue[p] = tab.cur[c];
        s.bestError[p] = e;
        s.bestStep[p] = hr;
        s.bestRow[p] = i;
        s.bestRound[p] = tab.curRound[c];
      }
    }
  }
  const done = rowDone(s, p, n, tab.rowValue, tab.rowError, tab.rowRound, settled, hr);
  s.base2[p] = s.base1[p];
  s.base1[p] = d;
  s.round1[p] = rounding;
  s.lastGood[p] = d;
  s.lastStep[p] = hr;
  if (done) {
    finishColumn(s, p);
    return ROW.finished;
  }
  pts.h[p] /= state === REGIME.far ? FAST_STEP_RATIO : STEP_RATIO;
  return ROW.next;
}

/** The jump test's invariant g = D·h of the row and its run (driver.ts, JUMP_TOLERANCE). */
function jumpTest(s: ColumnState, p: number, g: number): void {
  const gPrevious = s.jumpScaled[p];
  const gChange = Math.abs(g - gPrevious);
  s.jumpRun[p] = g !== 0 && gChange <= JUMP_TOLERANCE * Math.abs(g) ? s.jumpRun[p] + 1 : 0;
  s.jumpSettling[p] =
    g !== 0 &&
    gChange <= s.jumpChange[p] / 2 &&
    gChange < Math.abs(g) &&
    Math.abs(g) >= Math.abs(gPrevious) / 2
      ? 1
      : 0;
  s.jumpChange[p] = gChange;
  s.jumpScaled[p] = g;
}

/** The noise test of a far row (driver.ts, NOISE_SETTLED_ROWS): true when the driver would flag noise. */
function noiseEnds(s: ColumnState, p: number, n: number, d: number, rounding: number): boolean {
  const change = Math.abs(d - s.base1[p]);
  const model = rounding + s.round1[p];
  const signal = change > NOISE_SIGNAL * model;
  const grew = change > NOISE_GROWTH_SIGNAL * model && n >= 3 && change > Math.abs(s.base1[p] - s.base2[p]);
  s.growRun[p] = grew && s.jumpSettling[p] === 0 ? s.growRun[p] + 1 : 0;
  if ((signal && s.settledRows[p] >= NOISE_SETTLED_ROWS) || s.growRun[p] >= NOISE_GROWTH_ROWS) {
    s.flags[p] |= COLUMN_FLAG.noisy;
    return true;
  }
  return false;
}
