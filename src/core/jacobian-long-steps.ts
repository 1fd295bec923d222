/**
 * A Jacobian entry kept from the long steps of a large |x_j| that straddle a pole the probe's shorter
 * steps do not: derivative()'s long-steps test (long-steps.ts) on the column's own even rows. The first
 * scale's rows and the probe's are kept per component as each scale's column ends (jacobian-kinks.ts's
 * KinkRows records them), and an entry whose two extrapolated even parts differ beyond LONG_MISS_SIGNAL
 * times their uncertainty is computed again by derivative()'s pipeline (jacobian-recheck.ts), whose
 * columns widen such an estimate to the probe's interval: t³ − 2t − 0.95/(t − c)² + atan y at x =
 * −50987.68, c 1.04 away, gave 7799230658.47 ± 0.001, ok, 1,700 times short. docs/engine.md, "Poles
 * beside x". No call of F where the test does not fire (the values are the column's).
 */

import type { KeptEstimates } from "./best-of-scales.js";
import type { ColumnState } from "./column-state.js";
import type { KinkRows } from "./jacobian-kinks.js";
import { EVEN_ROWS, longStepsMissed, PROBE_SPREAD_ORDER } from "./long-steps.js";

/**
 * Each component's even rows of the first scale (the long steps) and of the probe (the second), with
 * the probe's spread (its error times its step, long-steps.ts) and whether it settled with no flag.
 *
 * @example
 * ```ts
 * const rows = new LongRows(2);
 * rows.probeSettled[0]; // => 0
 * ```
 */
export class LongRows {
  readonly long: Float64Array;
  readonly probe: Float64Array;
  readonly spread: Float64Array;
  /** 1 where the component ran at the probe's scale and settled there with an error and no flag. */
  readonly probeSettled: Uint8Array;

  constructor(readonly m: number) {
    this.long = new Float64Array(EVEN_ROWS * m).fill(NaN);
    this.probe = new Float64Array(EVEN_ROWS * m).fill(NaN);
    this.spread = new Float64Array(m);
    this.probeSettled = new Uint8Array(m);
  }

  /**
   * Copies the rows `kinks` just recorded for the members of scale `i` (0: the long steps; 1: the
   * probe) and, at the probe, its errors and flags from `state`. Call after KinkRows.record.
   */
  note(kinks: KinkRows, state: ColumnState, i: number): void {
    if (i > 1) return;
    if (i === 0) this.probeSettled.fill(0);
    const into = i === 0 ? this.long : this.probe;
    for (let a = 0; a < kinks.memberCount; a++) {
      const k = kinks.members[a];
      const at = EVEN_ROWS * k;
      into.set(kinks.rows.subarray(at, at + EVEN_ROWS), at);
      if (i === 0) continue;
      const settled = state.flags[k] === 0 && Number.isFinite(state.error[k]);
      this.probeSettled[k] = settled ? 1 : 0;
      this.spread[k] = state.error[k] * state.lastStep[k];
    }
  }
}

/**
 * Marks (sets `marked[k]` to 1) the listed components whose kept estimate came from the long steps,
 * settled with an error and no flag, and whose even parts the probe's contradict (longStepsMissed):
 * the entries scalar-column.ts's heldToEvenParts would widen. Central first derivatives only (the
 * column's even rows are the kink test's, kept at odd orders).
 *
 * @example
 * ```ts
 * markLongSteps(work.longRows, work.kept, work.list, work.listed, 1, work.kinkRows.marked);
 * ```
 */
export function markLongSteps(
  rows: LongRows,
  kept: KeptEstimates,
  list: Int32Array,
  listed: number,
  order: number,
  marked: Uint8Array,
): void {
  for (let a = 0; a < listed; a++) {
    const k = list[a];
    if (marked[k] === 1 || rows.probeSettled[k] !== 1) continue;
    const at = EVEN_ROWS * k;
    const probeStep = rows.probe[at + 3];
    if (!(kept.step[k] > probeStep) || kept.flags[k] !== 0 || !Number.isFinite(kept.error[k])) continue;
    const spread = order <= PROBE_SPREAD_ORDER ? rows.spread[k] : 0;
    const long = rows.long.subarray(at, at + EVEN_ROWS);
    const probe = rows.probe.subarray(at, at + EVEN_ROWS);
    if (longStepsMissed(long, probe, spread)) marked[k] = 1;
  }
}
