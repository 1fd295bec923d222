/**
 * A Jacobian entry computed again by derivative()'s pipeline (jacobian-recheck.ts) held to its column's
 * kept estimate where the column's evidence says the recheck may be the wrong one: a noise level the
 * column measured, or a column that converged like h (f″ jumps at or near x, a C1 join).
 */

import { COLUMN_FLAG } from "./column-state.js";
import { statusCode } from "./status.js";

/**
 * Whether entry (k, j) of a large F (SCREEN_COMPONENTS components or more) is a central first
 * derivative whose column converged like h (COLUMN_FLAG.firstOrder: f″ jumps at or near x, a C1 join
 * such as the Huber loss at its threshold). The column's error is then its last change, the first-order
 * term J·h/4 at its last step, which the rows' h² model misjudges: log t + 0.014·huber(t − c) at its join
 * gave −0.144359 ± 8.2e-10 where the truth is 8 times further off. derivative()'s pipeline along x_j
 * resolves such a first estimate by its one-sided columns (first-order.ts, firstOrderJoin). A smooth F's
 * columns converge like h² and are not flagged so.
 *
 * @example
 * ```ts
 * import { COLUMN_FLAG } from "./column-state.js";
 * const kept = { value: Float64Array.of(-0.144), error: Float64Array.of(8e-10), step: Float64Array.of(4.8e-7), flags: Int8Array.of(COLUMN_FLAG.firstOrder) };
 * firstOrderKept(kept, 0, 1); // => true
 * ```
 */
export function firstOrderKept(
  kept: { value: Float64Array; flags: Int8Array },
  k: number,
  order: number,
): boolean {
  return order === 1 && (kept.flags[k] & COLUMN_FLAG.firstOrder) !== 0 && Number.isFinite(kept.value[k]);
}

/**
 * A rechecked entry (derivative()'s pipeline: `recheck`'s value, error and code for k) held to its
 * column's kept estimate where the two disagree and either may be the wrong one:
 * - the column's estimate carried its measured noise (jacobian-noise.ts, kept.noise) and the recheck
 *   says ok: where they disagree beyond both errors, one of them is wrong, and the error reaches past
 *   the column's estimate by that one's error, gap + e_kept;
 * - the column converged like h (COLUMN_FLAG.firstOrder, {@link firstOrderKept}: f′ is continuous at x,
 *   f″ jumps at or near it): derivative()'s one-sided join and the column's h-tail each misjudge some C1
 *   joins (cubic + x|x| joined 1e-8 from x: the column right, the recheck 2e-6 off at ± 7e-7), so the
 *   error is at least gap + e_kept, which covers the truth wherever either estimate does
 *   (|rv − f′| ≤ |rv − v_kept| + |v_kept − f′|). A recheck that says "not-differentiable" there has
 *   read f″'s jump beside x as one of f′ (its sides' steps straddle the join: slopes apart by J·h), which
 *   the column's convergence like h rules out; it is ok with that error.
 *
 * @example
 * ```ts
 * import { COLUMN_FLAG } from "./column-state.js";
 * const kept = { value: Float64Array.of(1), error: Float64Array.of(1e-9), flags: Int8Array.of(COLUMN_FLAG.firstOrder), noise: Float64Array.of(0) };
 * const r = { value: Float64Array.of(1 + 1e-6), error: Float64Array.of(1e-8), code: Int16Array.of(0) };
 * holdToColumn(r, kept, 0);
 * r.error[0]; // => 1.001e-6 ± 1e-12 (gap + e_kept)
 * ```
 */
export function holdToColumn(
  recheck: { value: Float64Array; error: Float64Array; code: Int16Array },
  kept: { value: Float64Array; error: Float64Array; flags: Int8Array; noise: Float64Array },
  k: number,
): void {
  const code = recheck.code[k];
  const re = recheck.error[k];
  const gap = Math.abs(recheck.value[k] - kept.value[k]);
  const ke = kept.error[k];
  if (kept.noise[k] > 0 && code === OK && gap > re + ke) {
    recheck.error[k] = gap + ke;
    return;
  }
  if ((kept.flags[k] & COLUMN_FLAG.firstOrder) === 0 || !Number.isFinite(gap + ke)) return;
  if (code !== OK && code !== NOISE_LIMITED && code !== NOT_DIFFERENTIABLE) return;
  if (gap + ke > re) recheck.error[k] = gap + ke;
  if (code === NOT_DIFFERENTIABLE) recheck.code[k] = OK;
}

const OK = statusCode("ok");
const NOISE_LIMITED = statusCode("noise-limited");
const NOT_DIFFERENTIABLE = statusCode("not-differentiable");
