/**
 * The sync Jacobian of a small F (fewer than SCREEN_COMPONENTS components) on its common path: a first
 * derivative with the default method and no fixed step. Each column j runs the Jacobian column's
 * "try each scale of x_j, keep the better" (adaptiveColumnNow, jacobian-column.ts) with its components
 * one after the other on shared rows of F (jacobian-common-column.ts), each with its state in local
 * variables: the same values, errors, statuses and calls of F as the general path, bit for bit, at a
 * quarter of its cost per call of F (bench/overhead.ts).
 *
 * A column that leaves the common path (a non-finite or non-numeric value of F, a point outside the
 * bounds, a jump to confirm, x_j at the edge of the doubles) departs: adaptiveColumnNow runs it from
 * scratch with the points already evaluated replayed (they are the prefix of its own), so F is called
 * once per point and `evaluations` stays exact.
 */

import { ALIAS_STEP, FAST_STEP_RATIO, GOOD_RELATIVE_ERROR, STEP_RATIO } from "./constants.js";
import { scaleOf } from "./common-column.js";
import { componentColumn, COMPONENT_END } from "./jacobian-common-column.js";
import { COMPONENT_STATE } from "./jacobian-common-step.js";
import { JacobianCommonWork } from "./jacobian-common-work.js";
import { needsRecheck, zeroRowOfFloat32 } from "./jacobian-recheck.js";
import { entryShowsKink } from "./even-kink.js";
import { evenGridEntry } from "./even-grid.js";
import { quietEntryToRecheck } from "./jacobian-common-beside.js";
import { noteLongRows, probeContradicts } from "./jacobian-common-long.js";
import { flatBelowSlope } from "./flat-below-slope.js";
import { FLOAT32_FLAT_FACTOR } from "./float32.js";
import { adaptiveColumnNow, takeWork, type ColumnWork } from "./jacobian-column.js";
import { finishJacobian, type JacobianJob } from "./jacobian-job.js";
import type { JacobianResult } from "./jacobian.js";
import { statusCode } from "./status.js";
import { initialStep } from "./step.js";
import type { VectorCaller } from "./vector-caller.js";
import type { ResolvedMultivariate } from "./vector.js";

/**
 * Whether the small sync Jacobian can take the common path: a first derivative with the default method
 * (central, going one-sided only where it must) and no fixed step. Bounds are allowed (a point outside
 * them departs).
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * const x = Float64Array.of(1, 2);
 * jacobianCommonApplies(resolveMultivariate(undefined, x)); // => true
 * jacobianCommonApplies(resolveMultivariate({ order: 2 }, x)); // => false
 * ```
 */
export function jacobianCommonApplies(o: ResolvedMultivariate): boolean {
  return o.order === 1 && o.method === "auto" && o.step === undefined;
}

const NOT_FINITE = statusCode("not-finite");
/** A column's end on the common path when it departed (a status code is ≥ 0). */
const DEPARTED = -1;

// One spare work, taken while in use (an F that calls jacobian() gets a fresh one).
let spare: JacobianCommonWork | null = null;

/**
 * The Jacobian of the job (F(x) already evaluated, in `job.centre`) on the common path (see the file
 * comment), F called through `caller`. Call only when {@link jacobianCommonApplies}.
 *
 * @example
 * ```ts
 * import { jacobianJob } from "./jacobian-job.js";
 * import { VectorCaller } from "./vector-caller.js";
 * import { resolveMultivariate } from "./vector.js";
 * const caller = new VectorCaller((x) => [x[0] * x[1], x[0] + x[1]], Float64Array.of(2, 3));
 * const job = jacobianJob(caller.x0, resolveMultivariate(undefined, caller.x0), caller.call(), true);
 * jacobianCommon(caller, job).value; // => [Float64Array [3, 2], Float64Array [1, 1]] ± 1e-12
 * ```
 */
export function jacobianCommon(caller: VectorCaller, job: JacobianJob): JacobianResult {
  const m = job.centre.length;
  const n = job.x0.length;
  const onProgress = job.o.onProgress;
  const w = spare !== null && spare.m === m ? spare : new JacobianCommonWork(m);
  spare = null;
  let general: ColumnWork | null = null; // the general path's column state, once a column departs
  let worst = 0;
  try {
    for (let j = 0; j < n; j++) {
      let code = commonColumn(job, j, w, caller);
      if (code === DEPARTED) {
        if (general === null) {
          general = takeWork(m, true);
          // The rows' blocks are written once every column of theirs is finished: those before j are.
          for (let jj = 0; jj < j; jj++) job.rows.finish(jj);
        }
        code = adaptiveColumnNow(job, j, general, w.replaying(caller, j, job.centre));
      } else if (general !== null) job.rows.finish(j);
      if (code > worst) worst = code;
      if (onProgress !== undefined) onProgress(j + 1, n);
    }
  } finally {
    if (general !== null) w.release();
    spare = w;
  }
  if (general !== null) job.works.push(general); // handed back by finishJacobian
  return finishJacobian(job, worst, caller.evaluations);
}

/**
 * Column j on the common path, written to the job's matrices; returns its worst status code, or
 * DEPARTED (nothing written).
 */
function commonColumn(job: JacobianJob, j: number, w: JacobianCommonWork, caller: VectorCaller): number {
  const x = job.x0[j];
  const m = w.m;
  if (!Number.isFinite(x)) return nanColumn(job, j);
  w.beginColumn(x, job.o.lo[j], job.o.hi[j], job.centre); // every component pending: the first scale sets the kept estimates
  // The scales of x_j (candidateScales), the second a probe for the components not good enough yet.
  const first = scaleOf(x, 0);
  const second = scaleOf(x, 1);
  for (let i = 0; i < 2 && w.pendingCount > 0; i++) {
    const scale = i === 0 ? first : second;
    if (!(scale > 0)) break;
    const h0 = initialStep(scale, 1, x, 2); // reach 2: the central first-derivative stencil
    if (!(h0 > 0)) return DEPARTED; // the driver would go one-sided
    w.beginScale(h0, i);
    // keepScale's constantDone: the next scale has smaller steps. Then the flat components are kept
    // at once (markFlat), and runScale passes over them.
    const constantDone = i === 0 && second < first;
    if (!w.evaluateFirstRows(caller, j, constantDone)) return DEPARTED;
    if (!runScale(w, caller, j, i, constantDone)) return DEPARTED;
  }
  // Rows that show a kink the entry's error does not cover (jacobian-kinks.ts): the general path marks
  // the entry for its recheck.
  // (Also rows on a grid far coarser than their values' rounding, even-grid.ts: counted as candidates.)
  if (w.kinkCandidates > 0 && kinkShown(job, w)) return DEPARTED;
  // An entry to compute again (jacobian-recheck.ts; noise departed already): the general path does it.
  // Without a float32 component only an entry with no error estimate (NaN) can be one.
  const float32 = job.float32;
  const errors = w.keptError;
  for (let k = 0; k < m; k++) {
    const e = errors[k];
    if (e !== e || float32 !== null) {
      const moved = float32 !== null && float32[k] === 1 && w.keptFlat[k] === 0;
      // F_k(x) = 0 in a float32 F: its values beside x, about value·h, carry the bits (zeroRowOfFloat32).
      const zero = float32 !== null && zeroRowOfFloat32(job.centre[k], w.keptValue[k], w.keptFlat[k]);
      const centre = zero ? Math.abs(w.keptValue[k]) * w.keptStep[k] : job.centre[k];
      if (needsRecheck(w.kept, k, 0, NaN, centre, 1, moved || zero)) return DEPARTED;
    }
  }
  // F_k(x) with no float32 bits of its own, F_k(x_j ± h) float32 results (jacobian-common-beside.ts).
  if (job.quiet !== null && quietEntryToRecheck(job, w)) return DEPARTED;
  return storeColumn(job, j, w);
}

/**
 * Whether a component's rows show a kink at x that its kept error does not cover (even-kink.ts,
 * entryShowsKink), as jacobian-kinks.ts marks the general path's entries. The first tests are written
 * out without a division (no call for an entry that fails them, as a smooth one does): the wider pair's
 * J, against F_k(x), beyond ROWS_KINK_SIGNAL times the rows' share of its rounding (at the component's
 * finish, jacobian-common-column.ts: `kinkJump`, NaN where it failed) and beyond twice the kept error.
 */
function kinkShown(job: JacobianJob, w: JacobianCommonWork): boolean {
  const centres = job.centre;
  const kept = w.keptError;
  const jump = w.kinkJump;
  for (let k = 0; k < w.m; k++) {
    if (jump[k] > 2 * kept[k] * w.kinkDet[k] && entryShowsKink(w.evenRows, 7 * k, centres, kept, k))
      return true;
  }
  // Rows on a grid far coarser than their values' rounding (even-grid.ts): the general path rechecks.
  return w.gridRows.count > 0 && gridShown(job, w);
}

/** evenGridEntry (even-grid.ts) over the column's candidates, as the general path's recheck test decides. */
function gridShown(job: JacobianJob, w: JacobianCommonWork): boolean {
  return evenGridEntry(
    w.gridRows,
    w.scaleIndex,
    w.members,
    w.memberCount,
    job.centre,
    w.keptValue,
    w.keptError,
    w.keptStep,
    w.keptFlat,
  );
}

/**
 * Runs the pending components at the current scale i until each is finished (then kept), as the
 * driver would in lockstep: a component stuck after a row waits for the others; once every component
 * still running is stuck after the last row, their regimes there decide the next row's step, as in the
 * driver. False when a component departed.
 */
function runScale(
  w: JacobianCommonWork,
  caller: VectorCaller,
  j: number,
  i: number,
  constantDone: boolean,
): boolean {
  w.beginMembers();
  // The first round runs every member; a later one the components stuck in the round before, in place.
  let queue = w.members;
  let queued = w.memberCount;
  // A flat component (markFlat) is finished at once, and kept already where constantDone. (A stuck one
  // is not flat: the later rounds need not look.)
  const flat = w.flat;
  const state = w.state;
  // (A boolean parameter is converted where it is tested: V8 (Node 20) tests any value's truth there,
  // a dozen machine instructions; a local boolean costs one compare.)
  const keepFlats = !constantDone;
  for (;;) {
    let stuck = 0;
    for (let a = 0; a < queued; a++) {
      const k = queue[a];
      if (flat[k] === 1) {
        // Finished, its state left unknown: nextStepRatio passes over a component flat from the start
        // (flatStart) as over a finished one, and reads it no more often than a row is added.
        if (keepFlats) keepFlat(w, k, i, constantDone);
        continue;
      }
      const end = componentColumn(k, w, caller, j);
      if (end === COMPONENT_END.departed) return false;
      if (end === COMPONENT_END.stuck) {
        state[k] = COMPONENT_STATE.stuck;
        w.stuck[stuck++] = k;
      } else {
        state[k] = COMPONENT_STATE.finished;
        keep(w, k, i, constantDone);
      }
    }
    if (stuck === 0) return true;
    const last = w.rowCount - 1;
    let allAtLast = true;
    let allFar = true;
    for (let a = 0; a < stuck; a++) {
      const k = w.stuck[a];
      if (w.stuckRow[k] !== last) allAtLast = false;
      if (w.stuckFar[k] === 0) allFar = false;
    }
    // Every component still running is known after the last row (none is confirming a jump).
    if (allAtLast) w.addRow(allFar ? FAST_STEP_RATIO : STEP_RATIO);
    queue = w.stuck; // its stuck entries are written at or before the one being read
    queued = stuck;
  }
}

/**
 * keepScale (best-of-scales.ts) for component k without a tolerance, its column in `w.column`: keeps
 * the better estimate and leaves k pending when it is not good enough yet.
 */
function keep(w: JacobianCommonWork, k: number, i: number, constantDone: boolean): void {
  const column = w.column;
  const v = column[0];
  const e = column[1];
  const step = column[2];
  const finite = Number.isFinite(v);
  // Nothing kept before the first scale (KeptEstimates.forget): a finite value is kept, else none.
  let kv = NaN;
  let ke = NaN;
  let ks = NaN;
  if (i > 0) {
    kv = w.keptValue[k];
    ke = w.keptError[k];
    ks = w.keptStep[k];
  }
  const disagree = i > 0 && Math.abs(v - kv) > e + ke && step < ks;
  if (finite && (!Number.isFinite(kv) || e < ke || Number.isNaN(ke) || disagree)) {
    kv = v;
    ke = e;
    ks = step;
  }
  w.keptValue[k] = kv;
  w.keptError[k] = ke;
  w.keptStep[k] = ks;
  w.keptFlat[k] = column[3]; // of the last column run, as the driver's state.flat
  // Long steps the probe contradicts (jacobian-common-long.ts): NaN departs, for the general path's recheck.
  if (i > 0 && Number.isFinite(ke) && probeContradicts(w, k, ks)) w.keptError[k] = NaN;
  const good = ke <= 0 + GOOD_RELATIVE_ERROR * Math.abs(kv) && !(ks > ALIAS_STEP);
  const constant = constantDone && column[3] === 1 && v === 0 && kv === 0;
  if (!good && !constant) {
    w.pending[w.pendingCount++] = k;
    if (i === 0) noteLongRows(w, k); // the probe runs it
  }
}

/**
 * {@link keep} for a flat component k (jacobian-common-flat.ts): its column is 0, its flat error and
 * row 1's step, flat. At the first scale nothing is kept before, so keep's choice is that column, and
 * it is written here directly; a flat column has no rows for the rows' kink test (kinkJump NaN).
 */
function keepFlat(w: JacobianCommonWork, k: number, i: number, constantDone: boolean): void {
  const error = w.flatError[k];
  const step = w.hr[1];
  w.kinkJump[k] = NaN; // (its rows are not read: see componentColumn's finish)
  if (i > 0) {
    const moved = w.keptFlat[k] === 0; // at the first scale
    const column = w.column;
    column[0] = 0;
    column[1] = error;
    column[2] = step;
    column[3] = 1;
    keep(w, k, i, constantDone);
    if (moved) lateFlat(w, k);
    return;
  }
  w.keptValue[k] = 0;
  w.keptError[k] = error;
  w.keptStep[k] = step;
  w.keptFlat[k] = 1;
  // keep's tests with value 0: good when the error is 0 (and the step not too long), constant when
  // the next scale has smaller steps.
  const good = error <= 0 && !(step > ALIAS_STEP);
  if (!good && !constantDone) {
    w.pending[w.pendingCount++] = k;
    w.longRows.noted[k] = 0; // no long rows (jacobian-common-long.ts)
  }
}

/**
 * A component k flat at a later scale that moved at the first: where it kept that flat 0 and the
 * column's first row, x_j ∓ h of its first scale, moved F_k oddly (flat-below-slope.ts), its error is
 * made NaN, so that the column's recheck test (commonColumn) departs and the general path rechecks it.
 */
function lateFlat(w: JacobianCommonWork, k: number): void {
  const values = w.values;
  if (
    w.size >= 2 &&
    flatBelowSlope(w.keptValue[k], w.keptFlat[k], values[k], values[w.m + k], w.centreValues[k])
  )
    w.keptError[k] = NaN;
}

/**
 * storeColumn (jacobian-column.ts) and JacobianRows' write of its entries: NaN where F_k has no error
 * estimate and is not finite at x; a value of 0 is not written (the matrix holds +0 there, also for -0).
 */
function storeColumn(job: JacobianJob, j: number, w: JacobianCommonWork): number {
  const centre = job.centre;
  const value = job.value;
  const error = job.error;
  const float32 = job.float32;
  const keptError = w.keptError; // (locals: V8 reloads a field at each use in a loop that stores)
  const keptValue = w.keptValue;
  const m = w.m;
  let worst = 0;
  for (let k = 0; k < m; k++) {
    let e = keptError[k];
    const v = e !== e && !Number.isFinite(centre[k]) ? NaN : keptValue[k];
    // A float32 component constant along the column: the float32 step its equal values may hide.
    if (float32 !== null && v === 0 && w.keptFlat[k] === 1 && float32[k] === 1) e *= FLOAT32_FLAT_FACTOR;
    if (v !== 0) value[k][j] = v;
    if (error !== null) error[k][j] = e;
    if (!Number.isFinite(v)) {
      if (error !== null) job.statuses[k][j] = NOT_FINITE;
      worst = NOT_FINITE;
    }
  }
  return worst;
}

/** Column j of a non-finite x_j: NaN values and errors, status ok (JacobianRows' nanColumn). */
function nanColumn(job: JacobianJob, j: number): number {
  for (let k = 0; k < job.value.length; k++) {
    job.value[k][j] = NaN;
    if (job.error !== null) job.error[k][j] = NaN;
  }
  return 0;
}
