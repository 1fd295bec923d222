/**
 * One row of the lockstep path for one point record (lockstep-points.ts): the central first-derivative
 * row D(h) = (f(x+h) − f(x−h))/2h with its rounding, regime, jump and noise tests, the Neville tableau
 * (tableau.ts) and the stopping rules, exactly as ColumnDriver's `sumRow` and `extendRows` compute them
 * for one component with no known noise, no tolerance and no budget (driver.ts has their derivation).
 * What the driver would take a detour for (a jump to confirm, noise) is not followed here: the point
 * departs to the scalar pipeline.
 */

import { COLUMN_FLAG } from "./column-state.js";
import {
  ASYMPTOTIC_SLACK,
  EPS,
  NON_ASYMPTOTIC_RATIO,
  ROUNDING_MARGIN,
  FAST_STEP_RATIO,
  F_ROUNDING,
  JUMP_ROWS,
  JUMP_TOLERANCE,
  MAX_COLUMNS,
  NOISE_GROWTH_ROWS,
  NOISE_GROWTH_SIGNAL,
  NOISE_SETTLED_ROWS,
  NOISE_SIGNAL,
  STEP_RATIO,
} from "./constants.js";
import { FIELDS } from "./lockstep-points.js";
import { finishColumn, forgetBest, kinkTest, rowDone } from "./lockstep-rules.js";
import { REGIME } from "./regime.js";
import { baseStencil, FLAT_ROWS } from "./driver.js";

const {
  hr: HR,
  h: H,
  rows: ROWS,
  step0: STEP0,
  step1: STEP1,
  step2: STEP2,
  t: T,
  prev: PREV,
  prevRound: PREV_ROUND,
  base1: BASE1,
  base2: BASE2,
  round1: ROUND1,
  bestValue: BEST_VALUE,
  bestError: BEST_ERROR,
  bestStep: BEST_STEP,
  bestRow: BEST_ROW,
  bestRound: BEST_ROUND,
  lastGood: LAST_GOOD,
  lastStep: LAST_STEP,
  flat: FLAT,
  ref: REF,
  flags: FLAGS,
  settledRows: SETTLED_ROWS,
  jumpScaled: JUMP_SCALED,
  jumpRun: JUMP_RUN,
  jumpChange: JUMP_CHANGE,
  jumpSettling: JUMP_SETTLING,
  growRun: GROW_RUN,
  fMinus: F_MINUS,
  fPlus: F_PLUS,
  d: D,
  rounding: ROUNDING_,
  tNew: T_NEW,
  evenSum: EVEN_SUM,
  absSum: ABS_SUM,
  rowValue: ROW_VALUE,
  rowError: ROW_ERROR,
  rowRound: ROW_ROUND,
} = FIELDS;
const FAR = REGIME.far;
const ROUNDING = REGIME.rounding;
const ASYMPTOTIC = REGIME.asymptotic;

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

const CENTRAL = baseStencil("central", 1);
const W0 = CENTRAL.weights[0];
const W1 = CENTRAL.weights[1];
const A0 = Math.abs(W0);
const A1 = Math.abs(W1);
/** The driver's noiseWeight: MIN_VALUE·Σ|w|. */
const NOISE_WEIGHT = Number.MIN_VALUE * CENTRAL.weightSum;

/**
 * Takes the current row of the point whose record starts at b: its finite values f(x − hr) and
 * f(x + hr) (fMinus, fPlus) under the central first-derivative stencil. Returns a {@link ROW} outcome.
 *
 * @example
 * ```ts
 * acceptRow(pts.state, p * STRIDE); // ROW.next while the column goes on
 * ```
 */
export function acceptRow(s: Float64Array, b: number): number {
  sumRow(s, b);
  const hr = s[b + HR];
  const i = s[b + ROWS]++;
  const n = i + 1;
  if (i === 0) s[b + STEP0] = hr;
  const r0 = hr / s[b + STEP0];
  s[b + T_NEW] = r0 * r0;
  const d = (s[b + D] /= hr); // D held the weighted sum
  // No known noise: the driver's noise·weightSum term is 0.
  const rounding = (s[b + ROUNDING_] = (F_ROUNDING * EPS * s[b + ABS_SUM] + NOISE_WEIGHT) / hr);
  if (n >= FLAT_ROWS && s[b + FLAT] === 1) {
    s[b + BEST_VALUE] = 0;
    s[b + BEST_ERROR] = rounding;
    s[b + BEST_STEP] = hr;
    finishColumn(s, b);
    return ROW.finished;
  }
  const state = regime(s, b, n);
  jumpTest(s, b);
  if (state === FAR) {
    if (s[b + JUMP_RUN] >= JUMP_ROWS - 1 || noiseEnds(s, b, n)) return ROW.departed;
    forgetBest(s, b);
  }
  const settled = state === ROUNDING || state === ASYMPTOTIC;
  s[b + SETTLED_ROWS] = settled ? s[b + SETTLED_ROWS] + 1 : 0;
  kinkTest(s, b, n);
  extendTableau(s, b, i, settled);
  const done = rowDone(s, b, n, settled);
  s[b + STEP2] = s[b + STEP1];
  s[b + STEP1] = hr;
  s[b + BASE2] = s[b + BASE1];
  s[b + BASE1] = d;
  s[b + ROUND1] = rounding;
  s[b + LAST_GOOD] = d;
  s[b + LAST_STEP] = hr;
  if (done) {
    finishColumn(s, b);
    return ROW.finished;
  }
  s[b + H] /= state === FAR ? FAST_STEP_RATIO : STEP_RATIO;
  return ROW.next;
}

/** The driver's sumRow for the two values: the same sums in the same order (0 + w·f keeps its signed zeros). */
function sumRow(s: Float64Array, b: number): void {
  const fm = s[b + F_MINUS];
  const fp = s[b + F_PLUS];
  if (Number.isNaN(s[b + REF])) s[b + REF] = fm;
  else if (fm !== s[b + REF]) s[b + FLAT] = 0;
  if (fp !== s[b + REF]) s[b + FLAT] = 0;
  let sum = 0;
  let evenSum = 0;
  let absSum = 0;
  sum += W0 * fm;
  evenSum += A0 * fm;
  absSum += A0 * Math.abs(fm);
  sum += W1 * fp;
  evenSum += A1 * fp;
  absSum += A1 * Math.abs(fp);
  s[b + D] = sum;
  s[b + EVEN_SUM] = evenSum;
  s[b + ABS_SUM] = absSum;
}

/**
 * The row's regime: classifyRow of regime.ts (its derivation is there), written out so that no double
 * is passed to a call (the compiler does not inline it into acceptRow, and boxed arguments allocate).
 */
function regime(s: Float64Array, b: number, n: number): number {
  if (n < 2) return REGIME.unknown;
  const d1 = s[b + BASE1];
  const diff = Math.abs(s[b + D] - d1);
  if (diff <= ROUNDING_MARGIN * (s[b + ROUNDING_] + s[b + ROUND1])) return ROUNDING;
  if (n < 3) return REGIME.unknown;
  const r1 = s[b + STEP1] / s[b + STEP2];
  const r2 = s[b + HR] / s[b + STEP2];
  const t1 = r1 * r1;
  const t2 = r2 * r2;
  const expected = (t1 - t2) / (1 - t1);
  const ratio = diff / Math.abs(d1 - s[b + BASE2]);
  return ratio <= Math.max(NON_ASYMPTOTIC_RATIO, ASYMPTOTIC_SLACK * expected) ? ASYMPTOTIC : FAR;
}

/**
 * Tableau.extend for row i of the point, with the best-entry update of a settled row folded in (the
 * driver's loop over the new entries, in the same order); the row's best entry, its error and rounding
 * (error ∞ when there is none) go to the record's rowValue, rowError and rowRound.
 */
function extendTableau(s: Float64Array, b: number, i: number, settled: boolean): void {
  const t = s[b + T_NEW];
  const cols = Math.min(i, MAX_COLUMNS - 1);
  let rowValue = NaN;
  let rowError = Infinity;
  let rowRound = NaN;
  let cur = s[b + D];
  let curRound = s[b + ROUNDING_];
  for (let c = 1; c <= cols; c++) {
    const prev = s[b + PREV + c - 1];
    const prevRound = s[b + PREV_ROUND + c - 1];
    s[b + PREV + c - 1] = cur;
    s[b + PREV_ROUND + c - 1] = curRound;
    const q = s[b + T + c - 1] / t - 1;
    const v = cur + (cur - prev) / q;
    const r = curRound + (curRound + prevRound) / q;
    const e = Math.max(Math.abs(v - cur), Math.abs(v - prev)) + r;
    if (e < rowError) {
      rowError = e;
      rowValue = v;
      rowRound = r;
    }
    if (settled && e < s[b + BEST_ERROR]) {
      s[b + BEST_VALUE] = v;
      s[b + BEST_ERROR] = e;
      s[b + BEST_STEP] = s[b + HR];
      s[b + BEST_ROW] = i;
      s[b + BEST_ROUND] = r;
    }
    cur = v;
    curRound = r;
  }
  s[b + PREV + cols] = cur;
  s[b + PREV_ROUND + cols] = curRound;
  // t of the rows before the next one, newest first.
  s[b + T + 3] = s[b + T + 2];
  s[b + T + 2] = s[b + T + 1];
  s[b + T + 1] = s[b + T];
  s[b + T] = t;
  s[b + ROW_VALUE] = rowValue;
  s[b + ROW_ERROR] = rowError;
  s[b + ROW_ROUND] = rowRound;
}

/** The jump test's invariant g = D·h of the row and its run (driver.ts, JUMP_TOLERANCE). */
function jumpTest(s: Float64Array, b: number): void {
  const g = s[b + D] * s[b + HR];
  const gPrevious = s[b + JUMP_SCALED];
  const gChange = Math.abs(g - gPrevious);
  s[b + JUMP_RUN] = g !== 0 && gChange <= JUMP_TOLERANCE * Math.abs(g) ? s[b + JUMP_RUN] + 1 : 0;
  s[b + JUMP_SETTLING] =
    g !== 0 &&
    gChange <= s[b + JUMP_CHANGE] / 2 &&
    gChange < Math.abs(g) &&
    Math.abs(g) >= Math.abs(gPrevious) / 2
      ? 1
      : 0;
  s[b + JUMP_CHANGE] = gChange;
  s[b + JUMP_SCALED] = g;
}

/** The noise test of a far row (driver.ts, NOISE_SETTLED_ROWS): true when the driver would flag noise. */
function noiseEnds(s: Float64Array, b: number, n: number): boolean {
  const d = s[b + D];
  const change = Math.abs(d - s[b + BASE1]);
  const model = s[b + ROUNDING_] + s[b + ROUND1];
  const signal = change > NOISE_SIGNAL * model;
  const grew = change > NOISE_GROWTH_SIGNAL * model && n >= 3 && change > Math.abs(s[b + BASE1] - s[b + BASE2]);
  s[b + GROW_RUN] = grew && s[b + JUMP_SETTLING] === 0 ? s[b + GROW_RUN] + 1 : 0;
  if ((signal && s[b + SETTLED_ROWS] >= NOISE_SETTLED_ROWS) || s[b + GROW_RUN] >= NOISE_GROWTH_ROWS) {
    s[b + FLAGS] = s[b + FLAGS] | COLUMN_FLAG.noisy;
    return true;
  }
  return false;
}
