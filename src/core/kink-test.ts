/**
 * The kink test on the even part with its h² term removed. The kink test (driver.ts, KINK_RATIO_LOW)
 * sees a jump J in f′ when the even part E(h) = E₀ + J·h/2 + c·h² + … changes like h; when the jump is
 * small beside f″ (eˣ + 0.1·|x − c|, x = c), c·h² rules the changes over the rows a column takes and
 * the test reads "smooth", while the odd part converges to the midpoint of the two slopes: a confident
 * wrong answer. Richardson's step on the even part, r(h) = 4·(E(h/2) − E(h/4)) − (E(h) − E(h/2)),
 * removes the h² term and leaves J·h/4 (+ O(h⁴) for smooth f): successive r shrink by 1/2 at a kink
 * and by about 1/16 where f is smooth. So the same band (KINK_RATIO_LOW, KINK_RATIO_HIGH) on r marks
 * a kink, once four rows (steps halving) are known.
 */

import { KINK_RATIO_HIGH, KINK_RATIO_LOW, KINK_SIGNAL } from "./constants.js";

/**
 * How much the rounding of one even part is amplified in r: its coefficients on E are 1, −5 and 4,
 * whose absolute values sum to 10.
 *
 * @example
 * ```ts
 * CLEANED_ROUNDING; // 10
 * ```
 */
export const CLEANED_ROUNDING = 10;

/**
 * Whether the even parts of the last four rows (e0 the newest, at the smallest step; steps halving)
 * change like a kink once their h² term is removed (see the file comment); `rounding` is the rounding
 * error of one even part.
 *
 * @example
 * ```ts
 * const E = (h: number) => 1 + 0.05 * h + 3 * h * h; // a jump of 0.1 in f′ beside f″ = 6
 * cleanedKink(E(0.0625 / 8), E(0.0625 / 4), E(0.0625 / 2), E(0.0625), 1e-16); // true
 * const S = (h: number) => Math.cosh(h); // smooth
 * cleanedKink(S(0.0625 / 8), S(0.0625 / 4), S(0.0625 / 2), S(0.0625), 1e-16); // false
 * ```
 */
export function cleanedKink(e0: number, e1: number, e2: number, e3: number, rounding: number): boolean {
  const r1 = 4 * (e1 - e0) - (e2 - e1);
  const r2 = 4 * (e2 - e1) - (e3 - e2);
  const floor = KINK_SIGNAL * CLEANED_ROUNDING * rounding;
  if (!(Math.abs(r1) > floor && Math.abs(r2) > floor)) return false;
  const q = r1 / r2;
  return q > KINK_RATIO_LOW && q < KINK_RATIO_HIGH;
}
