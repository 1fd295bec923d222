/**
 * The jump J = f″₊ − f″₋ at x read from the odd parts of a second derivative's central column,
 * anchored at the noise check's pair. The odd part O(s) = (f(x + s) − f(x − s))/s = 2f′ + J·s/2 +
 * f‴·s²/3 + f⁽⁵⁾·s⁴/60 + … is known at the column's last rows (s, 2s, 4s, 8s: pair-parts.ts) and at the
 * check's tiny step s_c (noise-check.ts), where it is 2f′ to within its rounding. Through those n + 1
 * values the model A + J·v/2 + B·v² + D·v⁴ (+ F·v⁶), v = s/step, gives J up to the next even term;
 * the same model less its last term through the check and one row fewer gives J again, and their
 * difference, with the rounding the weights carry, is J's uncertainty. Without the anchor, J must be
 * told from the rows alone, where the f‴·s² term can be 10⁴ times J·s/2 (log t + 3.53·max(0, t − c)²
 * at c = 0.00139: f‴ = 7.4e8, J = 7.06, the rows at s = 2.2e-5 … 1.7e-4; odd-part-check.ts's rowsJump
 * read 8.9 ± 144), and at the check's step alone J·s_c/2 is below f's rounding over s_c; anchored,
 * 7.068 ± 0.11. No call of f: the values are the column's and the check's.
 */

import { solveSmall } from "./small-solve.js";

/**
 * The check's distance and the rows' distances in units of the newest row's step, and the powers of
 * the model through them (see the file comment).
 */
const ROW_DISTANCES: readonly number[] = Object.freeze([1, 2, 4, 8]);
const POWERS: readonly number[] = Object.freeze([0, 1, 2, 4, 6]);

/**
 * The weights w with Σ wᵢ·yᵢ = the coefficient of v¹ of the model Σ c_p·v^p (p = POWERS[0 … n − 1])
 * through the points (vᵢ, yᵢ): row 1 of the inverse of [vᵢ^p], found by solving its transpose
 * against e₁.
 *
 * @example
 * ```ts
 * const w = linearWeights([0, 1, 2], 3); // through 0, 1, 2 with powers 0, 1, 2
 * w[0] * 5 + w[1] * 7 + w[2] * 11; // => 1 (5 + v + v²)
 * ```
 */
export function linearWeights(v: readonly number[], n: number): Float64Array {
  const at = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) at[j * n + i] = v[i] ** POWERS[j];
  const e = new Float64Array(n);
  e[1] = 1;
  return solveSmall(at, e, n);
}

/**
 * The jump of f″ at x and its uncertainty (see the file comment) from the odd parts of the column's
 * last `count` rows (3 or 4; newest first in `part`, the newest at `step`, each with a rounding error
 * of at most `rowRounding`) and the odd part `oc` at u·step (u ≪ 1) with rounding error `ocRounding`.
 * NaN with fewer than three rows.
 *
 * @example
 * ```ts
 * const O = (s: number) => 2 / 0.5 + (0.7 * s) / 2 + (16 * s * s) / 3; // 2f′ + J·s/2 + f‴·s²/3
 * const s = 1 / 64;
 * anchoredJump([O(s), O(2 * s), O(4 * s), O(8 * s)], 4, s, 1e-16, O(1e-7), 1e-7 / s, 1e-9).jump; // ≈ 0.7
 * ```
 */
export function anchoredJump(
  part: ArrayLike<number>,
  count: number,
  step: number,
  rowRounding: number,
  oc: number,
  u: number,
  ocRounding: number,
): { jump: number; uncertainty: number } {
  const n = Math.min(count, ROW_DISTANCES.length);
  if (n < 3) return { jump: NaN, uncertainty: NaN };
  const v = [u, ...ROW_DISTANCES.slice(0, n)];
  const fine = linearWeights(v, n + 1);
  const coarse = linearWeights(v, n);
  let cFine = fine[0] * oc;
  let cCoarse = coarse[0] * oc;
  let rounding = Math.abs(fine[0]) * ocRounding;
  for (let i = 1; i <= n; i++) {
    cFine += fine[i] * part[i - 1];
    if (i < n) cCoarse += coarse[i] * part[i - 1];
    rounding += Math.abs(fine[i]) * rowRounding;
  }
  // The coefficient of v is J·step/2.
  const toJump = 2 / step;
  return { jump: cFine * toJump, uncertainty: (Math.abs(cFine - cCoarse) + rounding) * toJump };
}
