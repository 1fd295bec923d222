/**
 * The central first-derivative column of one point, with its state in local variables: ColumnDriver's
 * arithmetic (driver.ts: sumRow, extendRows, the regime, jump, noise and kink tests, the tableau, the
 * stopping rules and finish) for one component with no known noise, no tolerance and no budget, bit
 * for bit. driver.ts holds the derivations; this file repeats the formulas only (the regime is
 * regime.ts's own classifyRow, which the compiler inlines here).
 *
 * Why a second copy: the driver keeps its state in typed arrays (one slot per component), and in
 * JavaScript each access costs about a nanosecond; a row touches some 175 of them. Here a point's state
 * lives in registers for its whole column, which makes derivative(f, xs) about four times faster than
 * a loop of derivative() (bench/throughput.ts). Calling Tableau.extend instead of the loop below was
 * measured 20% slower: it is not inlined, and the doubles passed to it are boxed. Where the driver
 * would take a detour (a non-finite value, a jump to confirm, noise), the column stops and the point
 * departs to the scalar pipeline (common-path.ts).
 */

import { CLEANED_ROUNDING, FIRST_ORDER_ROWS, FIRST_ORDER_SIGNAL, needsCleanRow } from "./kink-test.js";
import { COLUMN_FLAG } from "./column-state.js";
import {
  ALIAS_STEP,
  CONVERGED_RELATIVE_ERROR,
  DIVERGENCE_FACTOR,
  EPS,
  FAST_STEP_RATIO,
  F_ROUNDING,
  JUMP_ROWS,
  JUMP_TOLERANCE,
  KINK_CLEAN_ROWS,
  KINK_RATIO_HIGH,
  KINK_RATIO_LOW,
  KINK_SIGNAL,
  MAX_COLUMNS,
  MAX_ROWS,
  MIN_ROWS,
  MIN_SCALE,
  NOISE_GROWTH_ROWS,
  NOISE_GROWTH_SIGNAL,
  NOISE_SETTLED_ROWS,
  NOISE_SIGNAL,
  ROUNDING_MARGIN,
  SHARP_TRUST,
  SMALL_X,
  STEP_RATIO,
} from "./constants.js";
import { baseStencil, FLAT_ROWS } from "./driver.js";
import type { CommonWork } from "./common-work.js";
import { classifyRow, REGIME } from "./regime.js";
import { checkNumber } from "./sampler.js";
import { initialStep, representableStep } from "./step.js";
import type { Fn1 } from "./types.js";
import { followGrid, GRID_ROWS, NO_GRID } from "./value-grid.js";
import { GRID_EXCESS } from "./noise.js";
import { MISFIT_GROWTH, MISFIT_ORDER, MISFIT_SIGNAL, misfitLevelAt } from "./row-misfit.js";
import {
  droppedBelowLaw,
  EVEN_ROOT_SHARE,
  evenNoiseOver,
  evenNorm,
  noiseRules,
  shrankLikeNoise,
} from "./even-noise.js";

const CENTRAL = baseStencil("central", 1);
const O0 = CENTRAL.offsets[0];
const O1 = CENTRAL.offsets[1];
const W0 = CENTRAL.weights[0];
const W1 = CENTRAL.weights[1];
const A0 = Math.abs(W0);
const A1 = Math.abs(W1);
/** The driver's noiseWeight, MIN_VALUE·Σ|w|; with no known noise its noise·Σ|w| term is 0. */
const NOISE_WEIGHT = Number.MIN_VALUE * CENTRAL.weightSum;
const WEIGHT_SUM = CENTRAL.weightSum;
const KINK = COLUMN_FLAG.kink;
const POLE = COLUMN_FLAG.pole;

/**
 * How a column ended: finished (its result in the work's `column`), or the point departs to the scalar
 * pipeline.
 *
 * @example
 * ```ts
 * COLUMN_END.departed; // 1
 * ```
 */
export const COLUMN_END = Object.freeze({ finished: 0, departed: 1 } as const);

/**
 * The scale s (0 or 1) of x (candidateScales of step.ts, without the array it allocates): NaN when x
 * has no such scale.
 *
 * @example
 * ```ts
 * scaleOf(5, 0); // 5
 * scaleOf(5, 1); // 1
 * scaleOf(0.5, 1); // NaN
 * ```
 */
export function scaleOf(x: number, s: number): number {
  const ax = Math.abs(x);
  if (s === 0) return !(ax > 0) ? 1 : ax < SMALL_X ? Math.max(ax, MIN_SCALE) : ax > 1 ? ax : 1;
  return ax > 0 && (ax < SMALL_X || ax > 1) ? 1 : NaN;
}

/**
 * Runs the central column of f′ at x = xs[i] at its scale s (see the file comment; x is read here, not
 * passed, because a double passed to a call is boxed), taking values of f from the work's cache or
 * calling f (and storing them). Returns a {@link COLUMN_END}; the result is in `w.column`.
 *
 * @example
 * ```ts
 * import { CommonWork } from "./common-work.js";
 * const w = new CommonWork();
 * centralColumn(Math.exp, new Float64Array([0]), 0, 0, w); // => 0 (COLUMN_END.finished)
 * w.column[0]; // => 1 ± 1e-12 (exp′(0); the error estimate w.column[1] is 1.9e-13)
 * ```
 */
export function centralColumn(f: Fn1, xs: Float64Array, i: number, s: number, w: CommonWork): number {
  const x = xs[i];
  const cache = w.cache;
  const tabPrev = w.prev;
  const tabRound = w.prevRound;
  const T = w.t;
  // The driver's first step: reach 2 for the central first-derivative stencil (order + 1).
  let h = initialStep(scaleOf(x, s), 1, x, 2);
  if (!(h > 0)) return COLUMN_END.departed; // the driver would go one-sided
  let rows = 0;
  let step1 = NaN; // h of the row before the newest, and of the two before it
  let step2 = NaN;
  let step3 = NaN;
  let base1 = NaN;
  let base2 = NaN;
  let base3 = NaN;
  let round1 = NaN;
  let bestValue = NaN;
  let bestError = Infinity;
  let bestStep = NaN;
  let bestRow = -1;
  let bestRound = NaN;
  let bestTail = 0;
  let runTail = 0; // this row's tail where it and the row before changed like h (carried one row)
  let stalls = 0;
  let rbError = NaN;
  let rbRound = NaN;
  let rbTrusted = -1;
  let lastGood = NaN;
  let lastStep = NaN;
  let flat = true;
  let ref = NaN;
  let settledRows = 0;
  let even0 = NaN;
  let even1 = NaN;
  let even2 = NaN;
  let even3 = NaN;
  let kinkRows = 0;
  let kinkAbsSum = 0;
  let jumpScaled = NaN;
  let jumpRun = 0;
  let jumpChange = NaN;
  let growRun = 0;
  let step0 = NaN;
  let gridSeen = NO_GRID; // the values' grid (value-grid.ts; driver.ts, rounding)
  let double = false;
  let gridRun = 0;
  let gridAt = 0; // 2^gridSeen
  const gridState = w.gridState; // [seen, run, 2^seen, 2^−seen] (followGrid)
  gridState[0] = NO_GRID;
  gridState[1] = 0;
  gridState[2] = 0;
  gridState[3] = 0;
  let grid = 0;
  // In the first column of a point the cache holds this column's rows only, and x ∓ hr move
  // monotonically with h (rounding is monotone): a point asked for again is the previous row's, so
  // it is looked for there alone (its cache index), not in the whole cache.
  const first = s === 0;
  let lastM = -1;
  let lastP = -1;
  const rowRounding = w.rowRounding;
  let settledFrom = 0;
  let hits = 0; // tableau entries that may show rows misfitting (row-misfit.ts; the driver's misfitRow)
  const hitRow = w.hitRow;
  const hitColumn = w.hitColumn;
  const hitDelta = w.hitDelta;
  for (;;) {
    const hr = rows < MAX_ROWS ? representableStep(x, h) : NaN;
    if (!(hr > 0)) break; // the driver's end(): finish with what there is
    // The row's values, as the sync loop asks for them: f(x + hr) only when f(x − hr) is finite.
    // (f is called here, not in a method of the cache: the compiler then keeps t and f(t) unboxed.)
    const tm = x + O0 * hr;
    const im = first ? cache.findAt(tm, lastM) : cache.find(tm);
    let fm = NaN; // Sampler.at: no call at a point that is not finite
    if (im >= 0) fm = cache.vals[im];
    else if (Number.isFinite(tm)) {
      fm = f(tm);
      if (typeof fm !== "number") checkNumber(fm, tm);
      lastM = cache.store(tm, fm);
    }
    if (!Number.isFinite(fm)) return COLUMN_END.departed;
    const tp = x + O1 * hr;
    const ip = first ? cache.findAt(tp, lastP) : cache.find(tp);
    let fp = NaN;
    if (ip >= 0) fp = cache.vals[ip];
    else if (Number.isFinite(tp)) {
      fp = f(tp);
      if (typeof fp !== "number") checkNumber(fp, tp);
      lastP = cache.store(tp, fp);
    }
    if (!Number.isFinite(fp)) return COLUMN_END.departed;
    // sumRow: the same sums in the same order (0 + w·f keeps the driver's signed zeros).
    if (Number.isNaN(ref)) ref = fm;
    else if (fm !== ref) flat = false;
    if (fp !== ref) flat = false;
    let sum = 0;
    let evenSum = 0;
    let absSum = 0;
    sum += W0 * fm;
    evenSum += A0 * fm;
    absSum += A0 * Math.abs(fm);
    sum += W1 * fp;
    evenSum += A1 * fp;
    absSum += A1 * Math.abs(fp);
    // extendRows
    const row = rows++;
    const n = rows;
    if (row === 0) step0 = hr;
    const r0 = hr / step0;
    const t = (T[row] = r0 * r0);
    const d = sum / hr;
    const rowChange = fp - fm;
    // The grid (value-grid.ts, followGrid), followed while it could count: from the first row, and
    // while 2^seen·Σ|w| stays above GRID_EXCESS·EPS·Σ|wf| (a double f with no cancellation leaves it).
    if (gridSeen === NO_GRID || gridAt * WEIGHT_SUM > GRID_EXCESS * EPS * absSum) {
      if (!double && Math.fround(fm) !== fm) double = true;
      followGrid(gridState, rowChange);
      gridSeen = gridState[0];
      gridRun = gridState[1];
      gridAt = gridState[2];
    }
    // gridNoise
    grid =
      !flat && double && gridRun >= GRID_ROWS && gridAt * WEIGHT_SUM > GRID_EXCESS * EPS * absSum
        ? F_ROUNDING * gridAt
        : 0;
    const rounding = (F_ROUNDING * EPS * absSum + grid * WEIGHT_SUM + NOISE_WEIGHT) / hr;
    if (n >= FLAT_ROWS && flat) {
      bestValue = 0;
      bestError = rounding;
      bestStep = hr;
      break;
    }
    // The regime (regime.ts), from t = (h/h₁)² of the last three rows.
    let t1 = NaN;
    let t2 = NaN;
    if (n >= 3) {
      const r1 = step1 / step2;
      const r2 = hr / step2;
      t1 = r1 * r1;
      t2 = r2 * r2;
    }
    const state = classifyRow(n, d, base1, base2, rounding, round1, t1, t2);
    if (state === REGIME_FAR) settledFrom = n; // (the misfit test reads the rows after it)
    // The jump test's invariant D·h.
    const g = d * hr;
    const gChange = Math.abs(g - jumpScaled);
    jumpRun = g !== 0 && gChange <= JUMP_TOLERANCE * Math.abs(g) ? jumpRun + 1 : 0;
    const jumpSettling =
      g !== 0 &&
      gChange <= jumpChange / 2 &&
      gChange < Math.abs(g) &&
      Math.abs(g) >= Math.abs(jumpScaled) / 2;
    jumpChange = gChange;
    jumpScaled = g;
    if (state === REGIME_FAR) {
      // troubleEnds: a jump to confirm, or noise; both are the scalar pipeline's.
      if (jumpRun >= JUMP_ROWS - 1) return COLUMN_END.departed;
      const change = Math.abs(d - base1);
      const model = rounding + round1;
      const grew = change > NOISE_GROWTH_SIGNAL * model && n >= 3 && change > Math.abs(base1 - base2);
      growRun = grew && !jumpSettling ? growRun + 1 : 0;
      if (
        (change > NOISE_SIGNAL * model && settledRows >= NOISE_SETTLED_ROWS) ||
        growRun >= NOISE_GROWTH_ROWS ||
        change <= ROUNDING_MARGIN * model // a sudden calm (driver.ts, troubleEnds)
      )
        return COLUMN_END.departed;
      bestValue = NaN; // forgetBest
      bestError = Infinity;
      bestStep = NaN;
      bestRow = -1;
      bestRound = NaN;
      bestTail = 0;
      rbTrusted = -1;
    }
    const settled = state === REGIME_ROUNDING || state === REGIME_ASYMPTOTIC;
    settledRows = settled ? settledRows + 1 : 0;
    // The driver's first-order tail (kink-test.ts, firstOrderRow and cleanedFirstOrderTail, written
    // out: no double crosses a call): |d − d1| when this row and the one before changed like h, else
    // the h term with the h² term removed where two reads of it agree. Only a settled row keeps it.
    let rowTail = 0;
    const carried = runTail; // (kink-test.ts, runTail: the row before's tail where its run held)
    runTail = 0;
    if (settled && n >= FIRST_ORDER_ROWS + 2) {
      const s1 = step1 / step2;
      const s2 = hr / step2;
      const x1 = (s1 - s2) / (1 - s1);
      const q1 = Math.abs(d - base1) / Math.abs(base1 - base2);
      if (q1 > x1 * Math.SQRT1_2 && q1 < x1 * Math.SQRT2) {
        const u1 = step2 / step3;
        const u2 = step1 / step3;
        const x2 = (u1 - u2) / (1 - u1);
        const q2 = Math.abs(base1 - base2) / Math.abs(base2 - base3);
        if (q2 > x2 * Math.SQRT1_2 && q2 < x2 * Math.SQRT2) rowTail = runTail = Math.abs(d - base1);
      }
      if (rowTail === 0) {
        const a0 = firstSlope(d, base1, base2, hr, step1, step2);
        const a = a0 / firstSlope(base1, base2, base3, step1, step2, step3);
        const tail = Math.abs(a0) * hr;
        if (a > Math.SQRT1_2 && a < Math.SQRT2 && tail > FIRST_ORDER_SIGNAL * rounding) rowTail = tail;
      }
      if (rowTail === 0) rowTail = carried;
    }
    // The kink test of an odd-order central row sets or clears its flags at every row, so only the
    // last row's counts: its even parts and size are kept here and tested once the column ends.
    even3 = even2; // the even part of the last four rows
    even2 = even1;
    even1 = even0;
    even0 = evenSum;
    kinkRows = n;
    kinkAbsSum = absSum;
    if (n >= 3 && settled && hr <= ALIAS_STEP && (n >= 4 || Math.abs(even0) <= EVEN_ROOT_SHARE * absSum)) {
      // Noise the driver would flag in the even parts at a root of f (driver.ts, measureNoise;
      // even-noise.ts, flaggedNoise), or count from the fourth row on where f has none (quiet-noise.ts),
      // is the pipeline's. The test here is a superset of the driver's, made only on the rows that can
      // pass it: σ of the row before from the even parts kept, its law taken as seen, and at the probe's
      // first σ (s = 1), which the driver holds to the scale before, any σ above rounding.
      const sigma = evenNoiseOver(even2, even1, even0, step2, step1, hr, evenNorm(step2, step1, hr));
      const before =
        n >= 4 ? evenNoiseOver(even3, even2, even1, step3, step2, step1, evenNorm(step3, step2, step1)) : NaN;
      const candidate =
        s > 0 && n === 3
          ? sigma > NOISE_SIGNAL * F_ROUNDING * EPS * absSum
          : (noiseRules(sigma, before, hr, step1, absSum, true, true) &&
              shrankLikeNoise(sigma, before, hr, step1)) ||
            droppedBelowLaw(sigma, before, hr, step1, absSum);
      if (candidate) return COLUMN_END.departed;
    }
    // The tableau (tableau.ts), with the best-entry update of a settled row in the same order.
    const cols = Math.min(row, MAX_COLUMNS - 1);
    let rowValue = NaN;
    let rowError = Infinity;
    let rowRound = NaN;
    let cur = d;
    let curRound = rounding;
    let lastPrev = NaN; // the row before's entry and rounding at column c − 2 (tabPrev holds this row's)
    let lastPrevRound = NaN;
    rowRounding[row] = rounding;
    for (let c = 1; c <= cols; c++) {
      const prev = tabPrev[c - 1];
      const prevRound = tabRound[c - 1];
      tabPrev[c - 1] = cur;
      tabRound[c - 1] = curRound;
      const q = T[row - c] / t - 1;
      const v = cur + (cur - prev) / q;
      const r = curRound + (curRound + prevRound) / q;
      const e = Math.max(Math.abs(v - cur), Math.abs(v - prev)) + r;
      // The misfit test (row-misfit.ts, misfitGrows, written out: no double crosses a call).
      if (c >= MISFIT_ORDER && row - c >= settledFrom) {
        const delta = Math.abs(v - cur);
        const before = Math.abs(prev - lastPrev);
        if (delta * q > MISFIT_GROWTH * before && before > MISFIT_SIGNAL * (prevRound + lastPrevRound)) {
          // (Its level after the column, out of this loop: misfitOf.)
          hitRow[hits] = row;
          hitColumn[hits] = c;
          hitDelta[hits] = delta;
          hits++;
        }
      }
      lastPrev = prev;
      lastPrevRound = prevRound;
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
    if (sharpError <= ROUNDING_MARGIN * rowRound && rowError <= SHARP_TRUST * rowRound) {
      bestValue = rowValue;
      bestError = sharpError;
      bestStep = hr;
      bestTail = rowTail;
      done = true;
    } else if (
      n >= MIN_ROWS &&
      settled &&
      (bestError <= CONVERGED_RELATIVE_ERROR * Math.abs(bestValue) ||
        bestError <= ROUNDING_MARGIN * bestRound)
    ) {
      done = true;
    } else if (rowError > DIVERGENCE_FACTOR * bestError && n - 1 > bestRow) {
      if (++stalls >= 2 && settled) {
        bestError = Math.max(bestError, Math.abs(rowValue - bestValue));
        done = true;
      }
    } else stalls = 0;
    // driver.ts, untested: the kink test needs KINK_CLEAN_ROWS rows while the even part moves other
    // than f″ alone would move it.
    if (done && n < KINK_CLEAN_ROWS) {
      const rounding = F_ROUNDING * EPS * kinkAbsSum + grid * WEIGHT_SUM;
      if (needsCleanRow(even0, even1, even2, rounding, n, (t1 - t2) / (1 - t1))) done = false;
    }
    step3 = step2;
    step2 = step1;
    step1 = hr;
    base3 = base2;
    base2 = base1;
    base1 = d;
    round1 = rounding;
    lastGood = d;
    lastStep = hr;
    if (done) break;
    h /= state === REGIME_FAR ? FAST_STEP_RATIO : STEP_RATIO;
  }
  // finish
  const ok = Number.isFinite(bestValue) && bestError < Infinity;
  const column = w.column;
  column[0] = ok ? bestValue : lastGood;
  column[1] = ok ? Math.max(bestError, bestTail) : NaN;
  column[2] = ok ? bestStep : lastStep;
  // The last row's kink test (driver.ts, kinkTest; no known noise: its rounding has no noise term).
  let flags = 0;
  if (kinkRows >= 3) {
    const kinkRounding = F_ROUNDING * EPS * kinkAbsSum + grid * WEIGHT_SUM;
    const c1 = Math.abs(even0 - even1);
    const c2 = Math.abs(even1 - even2);
    const ratio = c1 / c2;
    const signal = c1 > KINK_SIGNAL * kinkRounding && c2 > KINK_SIGNAL * kinkRounding;
    let kink = signal && ratio > KINK_RATIO_LOW && ratio < KINK_RATIO_HIGH;
    if (!kink && kinkRows >= 4) {
      // kink-test.ts's cleanedKink, written out.
      const r1 = 4 * (even1 - even0) - (even2 - even1);
      const r2 = 4 * (even2 - even1) - (even3 - even2);
      const floor = KINK_SIGNAL * CLEANED_ROUNDING * kinkRounding;
      const q = r1 / r2;
      kink = Math.abs(r1) > floor && Math.abs(r2) > floor && q > KINK_RATIO_LOW && q < KINK_RATIO_HIGH;
    }
    if (kink) flags |= KINK;
    if (signal && ratio >= KINK_RATIO_HIGH) flags |= POLE;
  }
  // The driver's first-order flag (driver.ts, finish): the pipeline holds such an estimate to the sides.
  if (ok && bestTail > 0) flags |= COLUMN_FLAG.firstOrder;
  column[3] = flags;
  // For the even-pole test of the noise check (even-pole.ts; common-path.ts, noisyAt).
  column[4] = even0;
  column[5] = even1;
  column[6] = kinkAbsSum;
  // And for the long-steps test (long-steps.ts; common-path.ts, evenRowsOf): the rows' steps, newest first.
  column[7] = even2;
  column[8] = step1;
  column[9] = step2;
  column[10] = step3;
  // And the misfit of its settled rows (row-misfit.ts): the pipeline treats it as noise.
  column[11] = hits > 0 ? misfitOf(w, hits, step0) : 0;
  return COLUMN_END.finished;
}

/**
 * The smallest level of the tableau entries a column found misfitting (misfitLevelAt over its hits; 0:
 * none counts), as the driver's misfitRow gives it (MISFIT_HITS holds every entry a column can have).
 */
function misfitOf(w: CommonWork, hits: number, step0: number): number {
  let misfit = 0;
  for (let k = 0; k < hits; k++) {
    const row = w.hitRow[k];
    const level = misfitLevelAt(w.t, step0, w.rowRounding, row - w.hitColumn[k], row, w.hitDelta[k]);
    if (level > 0 && !(level >= misfit && misfit > 0)) misfit = level;
  }
  return misfit;
}

const REGIME_ROUNDING = REGIME.rounding;
const REGIME_ASYMPTOTIC = REGIME.asymptotic;
const REGIME_FAR = REGIME.far;

/**
 * a of D(h) = f′ + a·h + b·h² through (h0, d0), (h1, d1), (h2, d2): kink-test.ts's firstOrderSlope,
 * here so that V8 inlines it into the column's loop.
 */
function firstSlope(d0: number, d1: number, d2: number, h0: number, h1: number, h2: number): number {
  const q0 = (d1 - d0) / (h1 - h0);
  const q1 = (d2 - d1) / (h2 - h1);
  return q0 - ((q1 - q0) / (h2 - h0)) * (h0 + h1);
}
