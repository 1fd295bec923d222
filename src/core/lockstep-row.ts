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
  EPS,
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
import { FLAT_ROWS } from "./driver.js";
import { FIELDS } from "./lockstep-points.js";
import { finishColumn, forgetBest, kinkTest, rowDone } from "./lockstep-rules.js";
import { classifyRow, REGIME } from "./regime.js";

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

/**
 * Takes the finite values fm = f(x − hr) and fp = f(x + hr) of the current row of the point whose
 * record starts at b, with the central stencil's weights w0, w1 (−1/2, 1/2) and MIN_VALUE times their
 * absolute sum (the driver's noiseWeight), and returns a {@link ROW} outcome.
 *
 * @example
 * ```ts
 * acceptRow(pts.state, p * STRIDE, -0.5, 0.5, Number.MIN_VALUE, Math.sin(0.9), Math.sin(1.1)); // ROW.next
 * ```
 */
export function acceptRow(
  s: Float64Array,
  b: number,
  w0: number,
  w1: number,
  noiseWeight: number,
  fm: number,
  fp: number,
): number {
  // sumRow: the same sums in the same order (0 + w·f keeps the driver's signed zeros).
  const a0 = Math.abs(w0);
  const a1 = Math.abs(w1);
  if (Number.isNaN(s[b + REF])) s[b + REF] = fm;
  else if (fm !== s[b + REF]) s[b + FLAT] = 0;
  if (fp !== s[b + REF]) s[b + FLAT] = 0;
  let sum = 0;
  let evenSum = 0;
  let absSum = 0;
  sum += w0 * fm;
  evenSum += a0 * fm;
  absSum += a0 * Math.abs(fm);
  sum += w1 * fp;
  evenSum += a1 * fp;
  absSum += a1 * Math.abs(fp);
  const hr = s[b + HR];
  const i = s[b + ROWS]++;
  const n = i + 1;
  if (i === 0) s[b + STEP0] = hr;
  const r0 = hr / s[b + STEP0];
  const t = r0 * r0;
  const d = sum / hr;
  // No known noise: the driver's noise·weightSum term is 0; noiseWeight is MIN_VALUE·weightSum.
  const rounding = (F_ROUNDING * EPS * absSum + noiseWeight) / hr;
  if (n >= FLAT_ROWS && s[b + FLAT] === 1) {
    s[b + BEST_VALUE] = 0;
    s[b + BEST_ERROR] = rounding;
    s[b + BEST_STEP] = hr;
    finishColumn(s, b);
    return ROW.finished;
  }
  let t1 = NaN;
  let t2 = NaN;
  if (n >= 3) {
    const r1 = s[b + STEP1] / s[b + STEP2];
    const r2 = hr / s[b + STEP2];
    t1 = r1 * r1;
    t2 = r2 * r2;
  }
  const state = classifyRow(n, d, s[b + BASE1], s[b + BASE2], rounding, s[b + ROUND1], t1, t2);
  jumpTest(s, b, d * hr);
  if (state === FAR) {
    if (s[b + JUMP_RUN] >= JUMP_ROWS - 1 || noiseEnds(s, b, n, d, rounding)) return ROW.departed;
    forgetBest(s, b);
  }
  const settled = state === ROUNDING || state === ASYMPTOTIC;
  s[b + SETTLED_ROWS] = settled ? s[b + SETTLED_ROWS] + 1 : 0;
  kinkTest(s, b, n, evenSum, absSum); // the even part's size is absSum (values, not magnitudes)
  const row = extendTableau(s, b, i, t, d, rounding, settled, hr);
  const done = rowDone(s, b, n, row[0], row[1], row[2], settled, hr);
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

const ROW_BEST = new Float64Array(3);

/**
 * Tableau.extend for row i of the point (t its (h/h₀)², d its difference), with the best-entry update
 * of a settled row folded in (the driver's loop over the new entries, in the same order). Returns the
 * row's best entry, its error and rounding (error ∞ when there is none) in a reused array.
 */
function extendTableau(
  s: Float64Array,
  b: number,
  i: number,
  t: number,
  d: number,
  rounding: number,
  settled: boolean,
  hr: number,
): Float64Array {
  const cols = Math.min(i, MAX_COLUMNS - 1);
  let rowValue = NaN;
  let rowError = Infinity;
  let rowRound = NaN;
  let cur = d;
  let curRound = rounding;
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
      s[b + BEST_STEP] = hr;
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
  ROW_BEST[0] = rowValue;
  ROW_BEST[1] = rowError;
  ROW_BEST[2] = rowRound;
  return ROW_BEST;
}

/** The jump test's invariant g = D·h of the row and its run (driver.ts, JUMP_TOLERANCE). */
function jumpTest(s: Float64Array, b: number, g: number): void {
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
function noiseEnds(s: Float64Array, b: number, n: number, d: number, rounding: number): boolean {
  const change = Math.abs(d - s[b + BASE1]);
  const model = rounding + s[b + ROUND1];
  const signal = change > NOISE_SIGNAL * model;
  const grew = change > NOISE_GROWTH_SIGNAL * model && n >= 3 && change > Math.abs(s[b + BASE1] - s[b + BASE2]);
  s[b + GROW_RUN] = grew && s[b + JUMP_SETTLING] === 0 ? s[b + GROW_RUN] + 1 : 0;
  if ((signal && s[b + SETTLED_ROWS] >= NOISE_SETTLED_ROWS) || s[b + GROW_RUN] >= NOISE_GROWTH_ROWS) {
    s[b + FLAGS] = s[b + FLAGS] | COLUMN_FLAG.noisy;
    return true;
  }
  return false;
}
