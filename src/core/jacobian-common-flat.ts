/**
 * The flat components of a Jacobian column on the common path (jacobian-common.ts): those that took one
 * finite value at the four points of rows 0 and 1 (most components of a Jacobian do not depend on most
 * coordinates). Each ends at row 1, as componentColumn (jacobian-common-column.ts) would end it
 * (FLAT_ROWS; nothing else ends a component at row 0 or 1), with derivative 0 and the rounding of row 1
 * as its error, the driver's arithmetic (driver.ts, extendRows) bit for bit.
 *
 * They are found once per scale for the whole column, in one pass over its components right after rows
 * 0 and 1 are evaluated ({@link markFlat}), rather than component by component with a frame each: a
 * flat column (every component flat) then costs little beyond its four calls of F (bench/overhead.ts).
 */

import { EPS, F_ROUNDING } from "./constants.js";
import { baseStencil } from "./driver.js";
import type { JacobianCommonWork } from "./jacobian-common-work.js";

const CENTRAL = baseStencil("central", 1);
const A0 = Math.abs(CENTRAL.weights[0]);
const A1 = Math.abs(CENTRAL.weights[1]);
/** The driver's noiseWeight, MIN_VALUE·Σ|w|; the Jacobian's known noise is 0, so noise·Σ|w| is too. */
const NOISE_WEIGHT = Number.MIN_VALUE * CENTRAL.weightSum;

/**
 * Marks in `w.flat` (1) the components flat over rows 0 and 1 of the current scale; every component 0
 * when the rows are not both evaluated (a step that is not positive ended the column before them).
 * Where `kept` (the first scale, when the next has smaller steps: keepScale's constantDone), a flat
 * component is kept at once, as keepFlat (jacobian-common.ts) keeps it there: value 0 with its
 * column's error and row 1's step, never pending, no rows for the rows' kink test; elsewhere its
 * column's error goes to `w.flatError`, for keepFlat. Returns how many are flat.
 *
 * @example
 * ```ts
 * import { JacobianCommonWork } from "./jacobian-common-work.js";
 * import { VectorCaller } from "./vector-caller.js";
 * const caller = new VectorCaller((x) => [x[0] * x[0], 1], new Float64Array([2]));
 * const w = new JacobianCommonWork(2);
 * w.beginColumn(2, -Infinity, Infinity);
 * w.beginScale(2 / 64);
 * w.evaluateFirstRows(caller, 0, false); // => true (it marks them: markFlat(w, false) gives 1)
 * Array.from(w.flat); // => [0, 1]
 * ```
 */
export function markFlat(w: JacobianCommonWork, kept: boolean): number {
  const m = w.m;
  const flat = w.flat;
  const p0 = w.rowCount >= 2 ? w.rowPoint[0] : -1;
  const p1 = w.rowCount >= 2 ? w.rowPoint[1] : -1;
  if (p0 < 0 || p1 < 0) {
    flat.fill(0);
    return 0;
  }
  const vals = w.values;
  const errors = w.flatError;
  const hr = w.hr[1];
  // The four points' values: x − h and x + h of row 0, then of row 1.
  const a = p0 * m;
  const b = (p0 + 1) * m;
  const c = p1 * m;
  const d = (p1 + 1) * m;
  const keep = kept === true; // (a local boolean: V8 tests a parameter's truth at each use, a dozen instructions)
  let count = 0;
  for (let k = 0; k < m; k++) {
    const f = vals[a + k];
    if (!(Number.isFinite(f) && vals[b + k] === f && vals[c + k] === f && vals[d + k] === f)) {
      flat[k] = 0;
      continue;
    }
    // sumRow's Σ|w|·|f| in the same order (0 + …), then extendRows' rounding.
    let absSum = 0;
    absSum += A0 * Math.abs(f);
    absSum += A1 * Math.abs(f);
    const error = (F_ROUNDING * EPS * absSum + NOISE_WEIGHT) / hr;
    flat[k] = 1;
    count++;
    if (keep) keepAt(w, k, error, hr);
    else errors[k] = error; // for keepFlat (jacobian-common.ts), which keeps it later
  }
  return count;
}

/** Component k kept flat: value 0, `error` at `step`, no rows for the rows' kink test. */
function keepAt(w: JacobianCommonWork, k: number, error: number, step: number): void {
  w.keptValue[k] = 0;
  w.keptError[k] = error;
  w.keptStep[k] = step;
  w.keptFlat[k] = 1;
  w.kinkJump[k] = NaN; // (its rows are not read: jacobian-common-column.ts, componentColumn's finish)
}
