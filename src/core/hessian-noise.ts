/**
 * The Hessian's mixed entries held against the noise its diagonal found. f's noise is a property of f
 * near x, not of a direction: where the one-variable engine along x_i or x_j measured it (status
 * "noise-limited", with its level σ), a mixed entry (i, j) whose columns converged without noticing
 * it ("ok") has an error from its rows' agreement alone, which noise of σ over 4·h_i·h_j can exceed:
 * in the honesty scan (Hessians of sums with noise of 1e-14…1e-6), 0.0000350219 ± 2.4e-8, ok, for
 * 0.0000350528, and 2.5e17 ± 1.1e17, ok, for 0. Such an entry runs again (mixed-partial.ts, `known`)
 * with max(σ_i, σ_j) in its columns' model from the start, within what its budget leaves, and is
 * "noise-limited". A smooth f's diagonal finds no noise, so its Hessian makes no call more.
 */

import { statusCode } from "./status.js";
import type { Status } from "./types.js";

/**
 * The noise level a diagonal entry contributes: its `noise` where its status is "noise-limited",
 * else 0.
 *
 * @example
 * ```ts
 * diagonalNoise("noise-limited", 1e-9); // => 1e-9
 * diagonalNoise("ok", 1e-16); // => 0
 * ```
 */
export function diagonalNoise(status: Status | undefined, noise: number | undefined): number {
  return status === "noise-limited" && noise !== undefined && noise > 0 ? noise : 0;
}

/**
 * A mixed entry to run again: entry k of its triangle, (i, j), f's noise level `known` and the calls
 * its budget leaves.
 *
 * @example
 * ```ts
 * const redo: MixedRedo = { k: 1, i: 0, j: 1, known: 1e-9, budget: Infinity };
 * ```
 */
export interface MixedRedo {
  k: number;
  i: number;
  j: number;
  known: number;
  budget: number;
}

/**
 * The mixed entries of a triangle (entry k is (rows[k], cols[k])) to run again (see the file
 * comment): status "ok", a level found on the diagonal of i or j (`levels`), and room in the per-entry
 * `budget` beyond the calls the entry made (`used(k)`).
 *
 * @example
 * ```ts
 * const t = { rows: Int32Array.of(0, 0, 1), cols: Int32Array.of(0, 1, 1) };
 * mixedRedos(t, () => 0, () => 24, Float64Array.of(1e-9, 0), Infinity).length; // => 1 (entry 1)
 * ```
 */
export function mixedRedos(
  t: { rows: Int32Array; cols: Int32Array },
  code: (k: number) => number,
  used: (k: number) => number,
  levels: Float64Array,
  budget: number,
): MixedRedo[] {
  const redos: MixedRedo[] = [];
  const ok = statusCode("ok");
  for (let k = 0; k < t.rows.length; k++) {
    const i = t.rows[k];
    const j = t.cols[k];
    const known = Math.max(levels[i], levels[j]);
    const left = budget - used(k);
    if (i !== j && known > 0 && code(k) === ok && left > 0) redos.push({ k, i, j, known, budget: left });
  }
  return redos;
}

/**
 * Whether a mixed entry run again with the known noise level takes the first one's place: it ended
 * "noise-limited" with an error (else the budget cut it short, or its value is not finite, and the
 * first estimate stands; its calls count either way).
 *
 * @example
 * ```ts
 * takesPlace(1, 3e-8); // => true
 * takesPlace(2, 3e-8); // => false ("max-evaluations")
 * ```
 */
export function takesPlace(code: number, error: number): boolean {
  return code === statusCode("noise-limited") && !Number.isNaN(error);
}
