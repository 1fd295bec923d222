/**
 * The long-steps test (long-steps.ts) of a small Jacobian's common path (jacobian-common.ts), as the
 * general path's columns do it (jacobian-long-steps.ts): a component kept from the long steps of a
 * large |x_j| whose even parts the probe's contradict departs, and the general path marks the entry for
 * derivative()'s recheck. t³ − 2t + 0.95/(t − c)² + atan y at x = −50987.68, c 1.04 away, with 2 to 15
 * rows gave 7799230658.47 ± 4e-4, ok, for an error of 1.7 (docs/engine.md, "Poles beside x").
 *
 * Cheap on the common path: the long rows are copied only for a component the first scale leaves
 * pending (not good yet, so it runs the probe), computed again from the column's values (the rows'
 * points stay in the work until the column ends), and the test runs only for a component that ran the
 * probe. A smooth F at a large |x_j| is good at the first scale: nothing here runs for it.
 */

import { baseStencil } from "./driver.js";
import type { JacobianCommonWork } from "./jacobian-common-work.js";
import { EVEN_ROWS, longStepsMissed } from "./long-steps.js";

const CENTRAL = baseStencil("central", 1);
const A0 = Math.abs(CENTRAL.weights[0]);
const A1 = Math.abs(CENTRAL.weights[1]);

/**
 * Slot of {@link JacobianCommonWork}'s `column` where componentColumn (jacobian-common-column.ts)
 * leaves how many rows the component's column ran: its last row is the one before.
 *
 * @default 4
 * @example
 * ```ts
 * COLUMN_ROWS; // => 4
 * ```
 */
export const COLUMN_ROWS = 4;

/**
 * Each component's even rows at the first scale's long steps (layout EVEN_ROWS, long-steps.ts), where
 * the first scale left it pending, and one component's at the probe.
 *
 * @example
 * ```ts
 * const rows = new CommonLongRows(2);
 * rows.noted[0]; // => 0
 * ```
 */
export class CommonLongRows {
  readonly long: Float64Array;
  /** 1 where `long` holds the component's rows of the column in flight. */
  readonly noted: Uint8Array;
  readonly probe = new Float64Array(EVEN_ROWS);

  constructor(m: number) {
    this.long = new Float64Array(EVEN_ROWS * m);
    this.noted = new Uint8Array(m);
  }
}

/**
 * Writes into `into` at `at` the even rows (long-steps.ts) of component k's column just run on the
 * work's current rows, as the general path records them (jacobian-kinks.ts, KinkRows.record): the even
 * parts Σ|w|·F_k of its last three rows, newest first (0 + |w₀|·F₋ + |w₁|·F₊, the driver's order), their
 * steps and the newest Σ|w|·|F_k|. False (nothing written) where it ran fewer than three rows or was
 * flat (one value at every point: the general path records no steps for it).
 */
function rowsOf(w: JacobianCommonWork, k: number, into: Float64Array, at: number): boolean {
  const rows = w.column[COLUMN_ROWS];
  if (!(rows >= 3) || w.column[3] === 1) return false;
  const m = w.m;
  const values = w.values;
  for (let i = 0; i < 3; i++) {
    const r = rows - 1 - i;
    const p = w.rowPoint[r];
    const fm = values[p * m + k];
    const fp = values[(p + 1) * m + k];
    into[at + i] = 0 + A0 * fm + A1 * fp;
    into[at + 3 + i] = w.hr[r];
    if (i === 0) {
      let abs = 0;
      abs += A0 * Math.abs(fm);
      abs += A1 * Math.abs(fp);
      into[at + 6] = abs;
    }
  }
  return true;
}

/**
 * Notes the long rows of component k, which the first scale just left pending (its column in
 * `w.column`). Call at the first scale only, for each component it leaves pending (a flat one's note
 * cleared: `w.longRows.noted[k] = 0`): the probe runs those.
 *
 * @example
 * ```ts
 * noteLongRows(w, k);
 * ```
 */
export function noteLongRows(w: JacobianCommonWork, k: number): void {
  const long = w.longRows;
  long.noted[k] = rowsOf(w, k, long.long, EVEN_ROWS * k) ? 1 : 0;
}

/**
 * Whether component k, whose probe column just ran (in `w.column`, not flat) and whose kept step is
 * `keptStep`, fails the long-steps test as the general path's markLongSteps (jacobian-long-steps.ts)
 * tests it: its long rows noted, the probe's column settled with an error, the kept step longer than
 * the probe's last, and the two columns' extrapolated even parts apart (longStepsMissed, with the
 * probe's spread: its error times its last step, at order 1).
 *
 * @example
 * ```ts
 * if (probeContradicts(w, k, w.keptStep[k])) w.keptError[k] = NaN; // the column departs
 * ```
 */
export function probeContradicts(w: JacobianCommonWork, k: number, keptStep: number): boolean {
  const long = w.longRows;
  if (long.noted[k] !== 1) return false;
  const error = w.column[1];
  if (!Number.isFinite(error)) return false;
  const probe = long.probe;
  if (!rowsOf(w, k, probe, 0)) return false;
  const probeStep = probe[3];
  if (!(keptStep > probeStep)) return false;
  const at = EVEN_ROWS * k;
  return longStepsMissed(long.long.subarray(at, at + EVEN_ROWS), probe, error * probeStep);
}
