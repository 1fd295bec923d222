/**
 * One component of a Jacobian column on the common path, with its state in local variables: the
 * ColumnDriver's arithmetic (driver.ts) for component k of a central first-derivative column with the
 * Jacobian's spec (no known noise, no kink test, noise does not end it, no tolerance, no budget), bit
 * for bit, as common-column.ts does it for derivative(). driver.ts holds the derivations. The tableau and
 * the stopping rules below are common-column.ts's, written again rather than shared: a shared function
 * would keep the column's state in memory rather than in registers across rows (common-column.ts
 * measured Tableau.extend 20% slower for that reason), and the two columns differ around them (where
 * the values come from, the kink test, noise).
 *
 * The components of a column share F's calls and nothing else but the step sequence (the driver's step
 * rule looks at every component still running). So the components run one after the other on the
 * work's rows: a component reads the rows already evaluated and evaluates the next one itself when it
 * needs it, with the step the driver would take (jacobian-common-step.ts); when that depends on
 * components not run yet, it stops (stuck) for the column to decide (jacobian-common.ts). Where the
 * driver would take a detour (a point outside the bounds, a non-finite or non-numeric value, a row
 * after one where any component met such a value, a jump to confirm), the component departs and the
 * whole column goes to the general path, which replays the points evaluated here: they are a prefix of
 * its own.
 */

import { GRID_FLOOR, LOW_BITS } from "./even-grid.js";
import { GRID_SCRATCH, LOW_WORD } from "./value-grid.js";
import { CLEANED_ROUNDING, FIRST_ORDER_ROWS, needsCleanRow } from "./kink-test.js";
import {
  CONVERGED_RELATIVE_ERROR,
  DIVERGENCE_FACTOR,
  EPS,
  F_ROUNDING,
  JUMP_ROWS,
  JUMP_TOLERANCE,
  NOISE_GROWTH_ROWS,
  NOISE_GROWTH_SIGNAL,
  NOISE_SETTLED_ROWS,
  NOISE_SIGNAL,
  KINK_CLEAN_ROWS,
  KINK_RATIO_HIGH,
  KINK_RATIO_LOW,
  KINK_SIGNAL,
  MAX_COLUMNS,
  MAX_ROWS,
  MIN_ROWS,
  ROUNDING_MARGIN,
  SHARP_TRUST,
} from "./constants.js";
import { baseStencil, FLAT_ROWS } from "./driver.js";
import { ROWS_KINK_SIGNAL } from "./even-kink.js";
import type { JacobianCommonWork } from "./jacobian-common-work.js";
import { nextStepRatio } from "./jacobian-common-step.js";
import { evenNoiseOver, noiseRules, truncationLaw } from "./even-noise.js";
import { classifyExpected, REGIME } from "./regime.js";
import type { VectorCaller } from "./vector-caller.js";

const GRID_BITS = GRID_SCRATCH.bits;
const GRID_WORDS = GRID_SCRATCH.words;

const CENTRAL = baseStencil("central", 1);
const W0 = CENTRAL.weights[0];
const W1 = CENTRAL.weights[1];
const A0 = Math.abs(W0);
const A1 = Math.abs(W1);
/** The driver's noiseWeight, MIN_VALUE·Σ|w|; the Jacobian's known noise is 0, so noise·Σ|w| is too. */
const NOISE_WEIGHT = Number.MIN_VALUE * CENTRAL.weightSum;
const REGIME_ROUNDING = REGIME.rounding;
const REGIME_ASYMPTOTIC = REGIME.asymptotic;
const REGIME_FAR = REGIME.far;

/**
 * How a component's column ended: finished (its result in the work's `column`), stuck after a row whose
 * next row does not exist yet and whose step it cannot decide alone (the work's `stuckRow[k]` and
 * `stuckFar[k]`), or departed (the column goes to the general
 * path).
 *
 * @example
 * ```ts
 * COMPONENT_END.stuck; // => 1
 * ```
 */
export const COMPONENT_END = Object.freeze({ finished: 0, stuck: 1, departed: 2 } as const);

/**
 * Runs component k of the current column and scale on the work's rows (see the file comment),
 * evaluating F through `caller` at coordinate j for the rows no component has needed yet. Returns a
 * {@link COMPONENT_END}.
 *
 * @example
 * ```ts
 * import { JacobianCommonWork } from "./jacobian-common-work.js";
 * import { VectorCaller } from "./vector-caller.js";
 * const caller = new VectorCaller((x) => [x[0] * x[0], 1], new Float64Array([2]));
 * const w = new JacobianCommonWork(2);
 * w.beginColumn(2, -Infinity, Infinity);
 * w.beginScale(2 / 64);
 * componentColumn(0, w, caller, 0); // => 0 (finished)
 * w.column[0]; // => 4 ± 1e-12 (∂x²/∂x at 2)
 * ```
 */
export function componentColumn(k: number, w: JacobianCommonWork, caller: VectorCaller, j: number): number {
  const m = w.m;
  const vals = w.values;
  const tabPrev = w.prev;
  const tabRound = w.prevRound;
  const tableau = w.tableau; // the rows' step geometry (jacobian-common-work.ts), shared by the components
  const rowExpected = w.expected;
  const rowFirstOrder = w.firstOrder;
  let step1 = NaN; // hr of the row before the newest, and of the one before it
  let step2 = NaN;
  let base1 = NaN;
  let base2 = NaN;
  let base3 = NaN;
  let round1 = NaN;
  let bestValue = NaN;
  let bestError = Infinity;
  let bestStep = NaN;
  let bestTail = 0;
  let runTail = 0; // this row's tail where it and the row before changed like h (carried one row)
  let bestRow = -1;
  let bestRound = NaN;
  let stalls = 0;
  let rbError = NaN;
  let rbRound = NaN;
  let rbTrusted = -1;
  let lastGood = NaN;
  let lastStep = NaN;
  let flat = true;
  let ref = NaN;
  let jumpScaled = NaN;
  let jumpRun = 0;
  let far = false;
  let even0 = NaN;
  let even1 = NaN;
  let even2 = NaN;
  let even3 = NaN;
  let kinkRows = 0;
  let evenSigma = NaN; // σ of the last row's even parts (driver.ts, measureNoise)
  let evenLaw = false; // σ followed the truncation law (the driver's evenLaw; no noise seen: it departs)
  let evenStep = NaN;
  const probe = w.scaleIndex > 0;
  let kinkAbsSum = 0;
  let settledRun = 0; // settled rows in a row, and far rows whose change grew (the driver's noise test)
  let grewRun = 0;
  // The constants every row reads, as locals: V8 (Node 20) reloads and type-checks an imported (or
  // bundled) module-level binding at each use, 4 to 10 machine instructions, where a local costs one
  // load at most (cachegrind). The same values: the bits do not change.
  const roundingUnit = F_ROUNDING * EPS; // the rounding per Σ|w|·|f| (F_ROUNDING·EPS·absSum, in that order)
  const w0 = W0;
  const w1 = W1;
  const a0 = A0;
  const a1 = A1;
  const noiseWeight = NOISE_WEIGHT;
  const jumpTolerance = JUMP_TOLERANCE;
  const roundingMargin = ROUNDING_MARGIN;
  const sharpTrust = SHARP_TRUST;
  const converged = CONVERGED_RELATIVE_ERROR;
  const divergence = DIVERGENCE_FACTOR;
  const maxColumns = MAX_COLUMNS;
  const regimeFar = REGIME_FAR;
  const regimeRounding = REGIME_ROUNDING;
  const regimeAsymptotic = REGIME_ASYMPTOTIC;
  for (let row = 0; row < MAX_ROWS; row++) {
    if (row === w.rowCount) {
      // The next row's step: halved unless every running component is far, which this one cannot know.
      // A row where some component met trouble: the general path takes another way from there.
      if (!w.rowClean(row - 1)) return COMPONENT_END.departed;
      const ratio = nextStepRatio(w, k, row - 1, far);
      if (ratio === 0) {
        w.stuckRow[k] = row - 1;
        w.stuckFar[k] = far ? 1 : 0;
        return COMPONENT_END.stuck;
      }
      w.addRow(ratio);
    }
    const hr = w.hr[row];
    if (!(hr > 0)) break; // the driver's end(): finish with what there is
    let p = w.rowPoint[row];
    if (p < 0) {
      // The row's points, as the sync loop asks for them: x + hr only when this component is finite at
      // x − hr (then it is not every running component that is in trouble there).
      p = w.evaluateRow(caller, j, k); // the last row: rows are made one at a time, as needed
      if (p < 0) return COMPONENT_END.departed;
    }
    const fm = vals[p * m + k];
    const fp = vals[(p + 1) * m + k];
    if (!Number.isFinite(fm) || !Number.isFinite(fp)) return COMPONENT_END.departed;
    // sumRow: the same sums in the same order (0 + w·f keeps the driver's signed zeros).
    if (Number.isNaN(ref)) ref = fm;
    else if (fm !== ref) flat = false;
    if (fp !== ref) flat = false;
    let sum = 0;
    let absSum = 0;
    sum += w0 * fm;
    absSum += a0 * Math.abs(fm);
    sum += w1 * fp;
    absSum += a1 * Math.abs(fp);
    // extendRows
    const n = row + 1;
    const d = sum / hr;
    const rounding = (roundingUnit * absSum + noiseWeight) / hr;
    if (n >= FLAT_ROWS && flat) {
      bestValue = 0;
      bestError = rounding;
      bestStep = hr;
      break;
    }
    const expected = n >= 3 ? rowExpected[row] : NaN; // the asymptotic ratio of changes (regime.ts)
    const state = classifyExpected(n, d, base1, base2, rounding, round1, expected);
    // The jump test's invariant D·h; a jump to confirm is the general path's.
    const g = d * hr;
    const gChange = Math.abs(g - jumpScaled);
    jumpRun = g !== 0 && gChange <= jumpTolerance * Math.abs(g) ? jumpRun + 1 : 0;
    jumpScaled = g;
    far = state === regimeFar;
    if (far) {
      if (jumpRun >= JUMP_ROWS - 1) return COMPONENT_END.departed;
      // Noise the driver would flag (troubleEnds): the general path rechecks the entry
      // (jacobian-recheck.ts). A superset of its test: growth is counted without its jump exception.
      const change = Math.abs(d - base1);
      const model = rounding + round1;
      const grew = change > NOISE_GROWTH_SIGNAL * model && n >= 3 && change > Math.abs(base1 - base2);
      grewRun = grew ? grewRun + 1 : 0;
      if ((change > NOISE_SIGNAL * model && settledRun >= NOISE_SETTLED_ROWS) || grewRun >= NOISE_GROWTH_ROWS)
        return COMPONENT_END.departed;
      bestValue = NaN; // forgetBest
      bestError = Infinity;
      bestStep = NaN;
      bestRow = -1;
      bestRound = NaN;
      bestTail = 0;
      rbTrusted = -1;
    }
    const settled = state === regimeRounding || state === regimeAsymptotic;
    settledRun = settled ? settledRun + 1 : 0;
    // The kink test's even parts (driver.ts, kinkTest), tested once the column ends: only the last
    // row's verdict counts.
    even3 = even2;
    even2 = even1;
    even1 = even0;
    even0 = 0 + a0 * fm + a1 * fp;
    kinkRows = n;
    kinkAbsSum = absSum;
    if (n >= 3) {
      // Noise the driver would measure (even-noise.ts, the Jacobian's evenNoise): its share is the
      // general path's (jacobian-noise.ts).
      const sigma = evenNoiseOver(even2, even1, even0, step2, step1, hr, w.evenNorm[row]);
      // A probe (scale 1 after |x_j|): the driver compares its first σ with the scale before and
      // carries its law; a σ that might count there departs (a superset of the driver's test).
      const probeFirst = probe && Number.isNaN(evenSigma);
      const candidate = probeFirst
        ? settled && sigma > NOISE_SIGNAL * F_ROUNDING * EPS * absSum
        : noiseRules(sigma, evenSigma, hr, evenStep, absSum, settled, evenLaw || probe);
      if (candidate) return COMPONENT_END.departed;
      if (truncationLaw(sigma, evenSigma, hr, evenStep)) evenLaw = true;
      evenSigma = sigma;
      evenStep = hr;
    }
    // The driver's first-order tail (kink-test.ts, firstOrderRow, written out: no double crosses a
    // call): |d − d1| when this row and the one before changed like h. Only a settled row keeps it.
    let rowTail = 0;
    const carried = runTail; // (kink-test.ts, runTail: the row before's tail where its run held)
    runTail = 0;
    if (settled && n >= FIRST_ORDER_ROWS + 2) {
      const x1 = rowFirstOrder[row];
      const q1 = Math.abs(d - base1) / Math.abs(base1 - base2);
      if (q1 > x1 * Math.SQRT1_2 && q1 < x1 * Math.SQRT2) {
        const x2 = rowFirstOrder[row - 1];
        const q2 = Math.abs(base1 - base2) / Math.abs(base2 - base3);
        if (q2 > x2 * Math.SQRT1_2 && q2 < x2 * Math.SQRT2) rowTail = runTail = Math.abs(d - base1);
      }
      if (rowTail === 0) rowTail = carried;
    }
    // The tableau (tableau.ts), with the best-entry update of a settled row in the same order.
    const cols = Math.min(row, maxColumns - 1);
    let rowValue = NaN;
    let rowError = Infinity;
    let rowRound = NaN;
    let cur = d;
    let curRound = rounding;
    for (let c = 1; c <= cols; c++) {
      const prev = tabPrev[c - 1];
      const prevRound = tabRound[c - 1];
      tabPrev[c - 1] = cur;
      tabRound[c - 1] = curRound;
      const q = tableau[row * maxColumns + c];
      const v = cur + (cur - prev) / q;
      const r = curRound + (curRound + prevRound) / q;
      const e = Math.max(Math.abs(v - cur), Math.abs(v - prev)) + r;
      if (e < rowError) {
        rowError = e;
        rowValue = v;
        rowRound = r;
      }
      if (settled && e < bestError) {
        bestValue = v;
        bestError = e;
        bestStep = hr;
        bestRow = row;
        bestRound = r;
        bestTail = rowTail;
      }
      cur = v;
      curRound = r;
    }
    tabPrev[cols] = cur;
    tabRound[cols] = curRound;
    // rowDone: the sharpened estimate, convergence, or rounding taking over.
    let done = false;
    let sharpError = NaN;
    if (rowError < Infinity && settled && rbTrusted === 1) {
      const ePrev = rbError - rbRound;
      const e = rowError - rowRound;
      if (e < ePrev) sharpError = (e * e) / ePrev + rowRound;
    }
    if (rowError < Infinity) {
      rbError = rowError;
      rbRound = rowRound;
      rbTrusted = settled ? 1 : 0;
    } else rbTrusted = -1;
    if (sharpError <= roundingMargin * rowRound && rowError <= sharpTrust * rowRound) {
      bestValue = rowValue;
      bestError = sharpError;
      bestStep = hr;
      bestTail = rowTail;
      done = true;
    } else if (
      n >= MIN_ROWS &&
      settled &&
      (bestError <= converged * Math.abs(bestValue) || bestError <= roundingMargin * bestRound)
    ) {
      done = true;
    } else if (rowError > divergence * bestError && n - 1 > bestRow) {
      if (++stalls >= 2 && settled) {
        // Far above the modelled rounding: the driver flags noise (flagNoise), the general path rechecks.
        if (bestError > NOISE_SIGNAL * bestRound) return COMPONENT_END.departed;
        bestError = Math.max(bestError, Math.abs(rowValue - bestValue));
        done = true;
      }
    } else stalls = 0;
    // driver.ts, untested: the kink test needs KINK_CLEAN_ROWS rows while the even part moves other
    // than f″ alone would move it.
    if (done && n < KINK_CLEAN_ROWS) {
      const rounding = roundingUnit * kinkAbsSum;
      if (needsCleanRow(even0, even1, even2, rounding, n, expected)) done = false;
    }
    step2 = step1;
    step1 = hr;
    base3 = base2;
    base2 = base1;
    base1 = d;
    round1 = rounding;
    lastGood = d;
    lastStep = hr;
    if (done) break;
  }
  // A kink the driver would flag (driver.ts, kinkTest, no known noise, on the last row; written out: no
  // double crosses a call): the general path's one-sided check (jacobian-sides.ts) is needed.
  if (kinkRows >= 3) {
    const kinkRounding = roundingUnit * kinkAbsSum;
    const c1 = Math.abs(even0 - even1);
    const c2 = Math.abs(even1 - even2);
    const ratio = c1 / c2;
    const signal = c1 > KINK_SIGNAL * kinkRounding && c2 > KINK_SIGNAL * kinkRounding;
    if (signal && ratio > KINK_RATIO_LOW && ratio < KINK_RATIO_HIGH) return COMPONENT_END.departed;
    if (kinkRows >= 4) {
      // kink-test.ts's cleanedKink
      const r1 = 4 * (even1 - even0) - (even2 - even1);
      const r2 = 4 * (even2 - even1) - (even3 - even2);
      const floor = KINK_SIGNAL * CLEANED_ROUNDING * kinkRounding;
      const q = r1 / r2;
      if (Math.abs(r1) > floor && Math.abs(r2) > floor && q > KINK_RATIO_LOW && q < KINK_RATIO_HIGH) {
        return COMPONENT_END.departed;
      }
    }
  }
  // finish; the rows for the rows' kink test (jacobian-kinks.ts, KinkRows.record), written only where
  // its first half passes: kinkShown (jacobian-common.ts) reads a component's rows only where its
  // kinkJump is set (not NaN), and a smooth component's fail, so they are not stored at all (seven
  // stores per component, bench/overhead.ts).
  w.kinkJump[k] = NaN;
  if (!flat && kinkRows >= 3) {
    // The rows' kink test's first half (jacobian-common.ts, kinkShown), which needs no kept error: the
    // wider pair's J against F_k(x) (times its determinant, written out without a division), beyond
    // ROWS_KINK_SIGNAL times the rows' share of its rounding. The second half reads J and the determinant.
    const s1 = w.hr[kinkRows - 2];
    const s2 = w.hr[kinkRows - 3];
    const c = w.centreValues[k];
    // The rows' grid (even-grid.ts): the newest even part's difference from F_k(x) within Σ|w·F_k|,
    // above its grid floor, its low significand bits 0 (LOW_BITS): a candidate, its rows recorded.
    const dg = even0 - c;
    if (Math.abs(dg) < kinkAbsSum && Math.abs(dg) > GRID_FLOOR * kinkAbsSum) {
      GRID_BITS[0] = dg;
      if ((GRID_WORDS[LOW_WORD] & LOW_BITS) === 0) {
        w.gridRows.add(k, w.scaleIndex, even0, even1, even2, kinkAbsSum);
        w.kinkCandidates++; // (kinkShown reads the grid's candidates too)
      }
    }
    const v1 = s1 * s1;
    const v2 = s2 * s2;
    const jump = Math.abs(2 * ((even1 - c) * v2 - (even2 - c) * v1));
    if (jump > ROWS_KINK_SIGNAL * 2 * (v1 + v2) * F_ROUNDING * EPS * kinkAbsSum) {
      w.kinkCandidates++;
      w.kinkJump[k] = jump;
      w.kinkDet[k] = Math.abs(s1 * v2 - s2 * v1);
      const rows = w.evenRows;
      const at = 7 * k;
      rows[at] = even0;
      rows[at + 1] = even1;
      rows[at + 2] = even2;
      rows[at + 3] = w.hr[kinkRows - 1];
      rows[at + 4] = s1;
      rows[at + 5] = s2;
      rows[at + 6] = kinkAbsSum;
    }
  }
  const ok = Number.isFinite(bestValue) && bestError < Infinity;
  const column = w.column;
  column[0] = ok ? bestValue : lastGood;
  column[1] = ok ? Math.max(bestError, bestTail) : NaN;
  column[2] = ok ? bestStep : lastStep;
  column[3] = flat ? 1 : 0;
  column[4] = kinkRows; // COLUMN_ROWS (jacobian-common-long.ts)
  return COMPONENT_END.finished;
}
