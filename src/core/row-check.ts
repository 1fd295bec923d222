/**
 * The check of a large F's rows after its columns (F with SCREEN_COMPONENTS components or more, whose
 * rows' noise is measured before the columns, row-noise.ts). The tables find the noise they can call
 * noise; some rows carry more than the columns' rounding model holds and the tables cannot tell it from
 * a line: atan(x₂) − 1.5706781645326022 + atan(x₀) at x₂ = 8463, whose rounding (EPS·π/2) falls on a
 * line at the wide table's spacing and is too uneven at the narrow one's, came out 0 ± 3.1e-14, status
 * ok, for 1.4e-8: its column descended into steps where the differences are exactly 0, which agree.
 *
 * The wide table already holds F at x ± d and x ± 2d (d = ROW_NOISE_SPACING in every coordinate): each
 * row's fourth-order central difference there, (8·(F_k(x + d) − F_k(x − d)) − (F_k(x + 2d) −
 * F_k(x − 2d)))/12, is F_k's change along d up to d⁵·F⁽⁵⁾/30, which the columns give as Σ_j J_kj·d_j,
 * within Σ_j of their errors times d_j. Where the two differ by more than NOISE_CHECK_SIGNAL times the
 * difference's rounding, plus the row's measured noise there (NOISE_COVERAGE·σ per value, Σ|w| = 3/2),
 * plus that, the row holds noise (or a feature) its columns did not see, or one of its slopes is
 * wrong. Then the columns run again in a fresh job (its levels the same) on that row alone (`only`:
 * the other rows keep the first pass's entries, mergeRows), and each of its entries is computed again
 * by derivative()'s pipeline (jacobian-recheck.ts: its noise check, noise tables and one-sided test),
 * as an entry whose column saw noise is. No call of F for the check itself; a smooth F passes it (248
 * of the honesty scan's 250 large smooth Jacobians do; of the two that miss, one was dishonest), so its
 * bits and calls are unchanged.
 *
 * Rows whose centred tables both spike at x (a kink or a jump at x along d, row-noise.ts) have their
 * entries rechecked in the first pass already (jacobian-pipeline.ts, setRowNoise): the columns'
 * central differences give the mean of a kink's slopes, exactly, and may take it for a derivative.
 *
 * Only where the centred wide table was made (a first derivative's central columns, no given `noise`,
 * no `rtol`, `atol` or `maxEvaluations`: as the small F's row check, small-row-noise.ts). Rows with a
 * non-finite value in the table or entry are not checked.
 */

import { EPS, F_ROUNDING, NOISE_CHECK_SIGNAL, NOISE_COVERAGE } from "./constants.js";
import { jacobianJob, type JacobianJob } from "./jacobian-job.js";
import type { JacobianResult } from "./jacobian.js";
import { STATUSES } from "./status.js";
import { FLOAT32_UNIT_ROUNDOFF } from "./float32.js";
import { NOISE_POINTS } from "./noise.js";
import { CHECK_TRUNCATION, columnsChange } from "./row-gaps.js";

/** The middle point of the wide table: x itself. */
const MIDDLE = (NOISE_POINTS - 1) / 2;

/** Σ|w| of the fourth-order central difference (8, −8, −1, 1)/12 of the check. */
const WEIGHT_SUM = 18 / 12;

/**
 * After a large F's columns (see the file comment): a fresh job that runs the rows that missed (`only`),
 * each of their entries rechecked, or null where every row passed or none was checked.
 *
 * @example
 * ```ts
 * const again = rowCheckPass(job); // after job's columns
 * if (again !== null) mergeRows(jacobianOf(again), job, again); // its columns, then the rows it skipped
 * ```
 */
export function rowCheckPass(job: JacobianJob): JacobianJob | null {
  const missed = missedRows(job);
  if (missed === null) return null;
  const again = jacobianJob(job.x0, job.o, job.centre, true);
  again.rowNoise = job.rowNoise;
  again.recheckRows = missed;
  again.only = missed;
  return again;
}

/**
 * The result of a second pass (`again`'s, from {@link rowCheckPass}) with the rows it did not run
 * taken from the first pass (`job`), and its status the worst of every entry's.
 *
 * @example
 * ```ts
 * const r = mergeRows(finishJacobian(again, worst, evaluations), job, again);
 * ```
 */
export function mergeRows(r: JacobianResult, job: JacobianJob, again: JacobianJob): JacobianResult {
  const only = again.only as Uint8Array;
  const errors = job.error as Float64Array[];
  let worst = 0;
  for (let k = 0; k < only.length; k++) {
    if (only[k] !== 1) {
      r.value[k].set(job.value[k]);
      r.error[k].set(errors[k]);
      r.statuses[k].set(job.statuses[k]);
    }
    for (const c of r.statuses[k]) if (c > worst) worst = c;
  }
  r.status = STATUSES[worst];
  return r;
}

/** Whether the job's options allow the check (see the file comment). */
function checked(job: JacobianJob): boolean {
  const o = job.o;
  const e = o.engine;
  if (job.plain || job.error === null || job.budget !== null || o.order !== 1) return false;
  if (o.method !== "auto" && o.method !== "central") return false;
  return (
    e.rtol === undefined && e.atol === undefined && e.maxEvaluations === undefined && e.noise === undefined
  );
}

/**
 * The rows that miss their columns' slopes (see the file comment): 1 each, or null where none does.
 *
 * @example
 * ```ts
 * missedRows(job); // => null (a smooth F)
 * ```
 */
export function missedRows(job: JacobianJob): Uint8Array | null {
  const { table, d } = job.rowTable;
  if (table === null || d === null || !checked(job)) return null;
  const m = job.centre.length;
  const error = job.error as Float64Array[];
  let missed: Uint8Array | null = null;
  for (let k = 0; k < m; k++) {
    const at = (s: number) => table[(MIDDLE + s) * m + k];
    const f1 = at(1) - at(-1);
    const f2 = at(2) - at(-2);
    const change4 = (8 * f1 - f2) / 12;
    const size4 = (8 * (Math.abs(at(1)) + Math.abs(at(-1))) + Math.abs(at(2)) + Math.abs(at(-2))) / 12;
    const value = job.value[k];
    const errors = error[k];
    const { change, slack, size } = columnsChange(value, errors, d);
    const level = job.rowNoise === null ? 0 : job.rowNoise[k];
    // A float32 row's values are rounded to float32 (float32.ts): its table's rounding is theirs.
    const unit = job.float32 !== null && job.float32[k] === 1 ? FLOAT32_UNIT_ROUNDOFF : F_ROUNDING * EPS;
    const rounding = unit * size4;
    const allowed =
      NOISE_CHECK_SIGNAL * rounding + NOISE_COVERAGE * WEIGHT_SUM * level + slack + CHECK_TRUNCATION * size;
    const gap = Math.abs(change4 - change);
    // Comparisons false for NaN: a row with a non-finite value or entry is not checked.
    if (!(gap > allowed)) continue;
    (missed ??= new Uint8Array(m))[k] = 1;
  }
  return missed;
}
