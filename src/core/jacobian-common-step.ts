/**
 * The step of a Jacobian column's next row on the common path, decided by the component that needs the
 * row first (jacobian-common-column.ts) from what is known of the others.
 *
 * The driver (driver.ts, extendRows) divides the step after row r by JUMP_STEP_RATIO when a component
 * still running is confirming a jump there, else by FAST_STEP_RATIO when every component still running
 * is far from the asymptotic regime, else by STEP_RATIO. The components that ran before are finished,
 * or stuck at a row with their regime recorded; for the others, whether they are still running is not
 * known, but their regime at row r is: it depends only on their values in rows r − 2 … r (regime.ts),
 * and a jump to confirm only on the rows' D·h (driver.ts, troubleEnds). So a component that is not far
 * knows the step is halved unless another might be confirming a jump; a far one knows it is cut by
 * FAST_STEP_RATIO when every other is far (and confirms no jump), finished, or flat from the start
 * (then finished at row FLAT_ROWS − 1). Otherwise it cannot know, and waits (0).
 */

import { EPS, FAST_STEP_RATIO, F_ROUNDING, JUMP_ROWS, JUMP_TOLERANCE, STEP_RATIO } from "./constants.js";
import { baseStencil } from "./driver.js";
import type { JacobianCommonWork } from "./jacobian-common-work.js";
import { classifyExpected, REGIME } from "./regime.js";

const CENTRAL = baseStencil("central", 1);
const W0 = CENTRAL.weights[0];
const W1 = CENTRAL.weights[1];
const A0 = Math.abs(W0);
const A1 = Math.abs(W1);
const NOISE_WEIGHT = Number.MIN_VALUE * CENTRAL.weightSum;

/**
 * What the column knows of a component at the current scale: nothing yet (not run, or stuck at an
 * earlier row), finished, or stuck at a row (the work's `stuckRow` and `stuckFar` say which and its
 * regime there).
 *
 * @example
 * ```ts
 * COMPONENT_STATE.finished; // => 1
 * ```
 */
export const COMPONENT_STATE = Object.freeze({ unknown: 0, finished: 1, stuck: 2 } as const);

/**
 * The divisor of the step after row r (see the file comment) for component k, which runs after row r
 * and is far there or not; 0 when it depends on components whose state is not known yet.
 *
 * @example
 * ```ts
 * import { JacobianCommonWork } from "./jacobian-common-work.js";
 * const w = new JacobianCommonWork(2);
 * nextStepRatio(w, 0, 0, false); // => 2 (STEP_RATIO: no component is far after one row)
 * ```
 */
export function nextStepRatio(w: JacobianCommonWork, k: number, r: number, far: boolean): number {
  if (r < 2) return STEP_RATIO; // the regime needs three rows: no component is far before
  let someNotFar = !far;
  for (let a = 0; a < w.memberCount; a++) {
    const c = w.members[a];
    if (c === k) continue;
    const state = w.state[c];
    if (state === COMPONENT_STATE.finished) continue;
    if (state === COMPONENT_STATE.stuck && w.stuckRow[c] === r) {
      if (w.stuckFar[c] === 0) someNotFar = true;
      continue;
    }
    if (flatStart(w, c)) continue;
    if (!farAt(w, c, r)) {
      // Running and not far (the step is halved), or finished: a far k cannot tell which.
      if (far) return 0;
    } else if (jumpAt(w, c, r)) return 0;
  }
  return someNotFar ? STEP_RATIO : FAST_STEP_RATIO;
}

/** Whether component c took one value at every point of rows 0 and 1 (then it finished at row 1). */
function flatStart(w: JacobianCommonWork, c: number): boolean {
  const m = w.m;
  const p0 = w.rowPoint[0];
  const p1 = w.rowPoint[1];
  const v = w.values;
  const ref = v[p0 * m + c];
  return v[(p0 + 1) * m + c] === ref && v[p1 * m + c] === ref && v[(p1 + 1) * m + c] === ref;
}

/** Component c's base difference D(h) of row i, as the driver's sumRow and extendRows compute it. */
function difference(w: JacobianCommonWork, c: number, i: number): number {
  const p = w.rowPoint[i];
  let sum = 0;
  sum += W0 * w.values[p * w.m + c];
  sum += W1 * w.values[(p + 1) * w.m + c];
  return sum / w.hr[i];
}

/** Component c's rounding error of row i (driver.ts, extendRows, with no known noise). */
function rounding(w: JacobianCommonWork, c: number, i: number): number {
  const p = w.rowPoint[i];
  let absSum = 0;
  absSum += A0 * Math.abs(w.values[p * w.m + c]);
  absSum += A1 * Math.abs(w.values[(p + 1) * w.m + c]);
  return (F_ROUNDING * EPS * absSum + NOISE_WEIGHT) / w.hr[i];
}

/** Whether component c, if it runs at row r ≥ 2, finds that row far from the asymptotic regime. */
function farAt(w: JacobianCommonWork, c: number, r: number): boolean {
  const state = classifyExpected(
    r + 1,
    difference(w, c, r),
    difference(w, c, r - 1),
    difference(w, c, r - 2),
    rounding(w, c, r),
    rounding(w, c, r - 1),
    w.expected[r],
  );
  return state === REGIME.far;
}

/** Whether component c's D·h has stayed put for JUMP_ROWS − 1 changes up to row r (a jump to confirm). */
function jumpAt(w: JacobianCommonWork, c: number, r: number): boolean {
  let run = 0;
  let previous = NaN;
  for (let i = 0; i <= r; i++) {
    const g = difference(w, c, i) * w.hr[i];
    run = g !== 0 && Math.abs(g - previous) <= JUMP_TOLERANCE * Math.abs(g) ? run + 1 : 0;
    previous = g;
  }
  return run >= JUMP_ROWS - 1;
}
