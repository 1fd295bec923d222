/**
 * Long steps that straddle a feature beside x. At a large |x| the first scale's steps are fractions of
 * |x|, and a pole within them whose term is small beside f's values barely moves their differences:
 * t³ − 2t − 2.89/(t − c)² at x = −8431.4, c 8.5 below x, gave f′ = 213266281.7723 ± 1.2e-5 from steps
 * of 66 to 264, where f′ = 213266281.7816 (the pole's share, 2c/d³, is 0.0093). The unit scale's probe
 * (steps of 1/32 to 1/128) agrees with that within its own error, 0.033, so it cannot tell.
 *
 * The columns' even parts can. For a smooth f, E(h) = Σ|w|·f(x + o·h) = Σ|w|·f(x) + a·h² + b·h⁴ + …, so
 * both columns' rows, extrapolated to h = 0 in h² (Neville), give Σ|w|·f(x): the long one to its h⁶
 * term, the probe's, whose steps are tiny, to rounding. A feature between the two scales' steps is in
 * the probe's E(0) (f near x) and not in the long one's: the pole above puts c/d² = −0.04 into f(x),
 * 330 times f's last bit (1.2e-4). {@link longStepsMissed} compares the two E(0) (the probe's from its
 * last two rows: an earlier one may straddle the feature, t³ − 2t − 0.78/(t − c)² at −47046 with c 0.49
 * away, order 3) against the long extrapolation's uncertainty (its three-row value against its two-row
 * one) and the rounding both carry; where they disagree, the long steps saw a different f than the probe did, and
 * the kept estimate is no better confirmed than the probe's interval (scalar-column.ts: its error
 * reaches past it, as unconfirmed-scale.ts's does). derivative(f, xs)'s common path makes the same
 * test and leaves the path where it holds.
 */

import { EPS, F_ROUNDING } from "./constants.js";

/**
 * How many times its uncertainty the gap between the long and the probe's extrapolated even parts
 * must be for the long steps to count as having missed a feature: 16, as KINK_SIGNAL. A smooth f's gap
 * is its long extrapolation's h⁶ term, below the uncertainty (the h⁴ term's share) by (h/s)², s the
 * scale on which f varies, plus the probe's h⁴ term, tiny at its steps of 1/32 and less. Where the
 * rule fires on a smooth f, its error only grows to the probe's interval: the reference set and the
 * honesty scan's smooth cells kept every figure (4 gives no more poles).
 *
 * @default 16
 * @example
 * ```ts
 * LONG_MISS_SIGNAL; // => 16
 * ```
 */
export const LONG_MISS_SIGNAL = 16;

/**
 * Slots of a column's even rows in the arrays {@link longStepsMissed} reads: the even parts of its last
 * three rows (newest first), their steps, and the newest row's Σ|w|·|f|.
 *
 * @example
 * ```ts
 * EVEN_ROWS; // => 7
 * ```
 */
export const EVEN_ROWS = 7;

/**
 * The value at t = 0 of the polynomial in t = h² through the first n (2 or 3) even parts of `rows`
 * (layout EVEN_ROWS), and in `sum` the sum of the absolute values of its weights.
 */
function atZero(rows: Float64Array, n: number, sum: Float64Array): number {
  let value = 0;
  let weights = 0;
  for (let i = 0; i < n; i++) {
    const ti = rows[3 + i] * rows[3 + i];
    let l = 1;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const tj = rows[3 + j] * rows[3 + j];
      l *= tj / (tj - ti);
    }
    value += l * rows[i];
    weights += Math.abs(l);
  }
  sum[0] = weights;
  return value;
}

const SUM = new Float64Array(1);

/**
 * Whether the long column's even rows (`long`, three rows) and the probe's (`probe`, its last two)
 * extrapolate to values of Σ|w|·f(x) that disagree by more than LONG_MISS_SIGNAL times their
 * uncertainty (see the file comment). False where a value needed is not finite.
 *
 * @example
 * ```ts
 * const E = (h: number) => 2 * (1 + h * h); // a quadratic's even part
 * const rows = (e: (h: number) => number, hs: number[], abs: number) =>
 *   Float64Array.of(...hs.map(e), ...hs, abs);
 * longStepsMissed(rows(E, [0.5, 1, 2], 10), rows(E, [0.01, 0.02, 0.04], 2)); // => false
 * const F = (h: number) => E(h) + (h < 0.1 ? 1e-3 : 0); // f near x is not what the long rows saw
 * longStepsMissed(rows(E, [0.5, 1, 2], 10), rows(F, [0.01, 0.02, 0.04], 2)); // => true
 * ```
 */
export function longStepsMissed(long: Float64Array, probe: Float64Array): boolean {
  const longThree = atZero(long, 3, SUM);
  const longWeights = SUM[0];
  const longTwo = atZero(long, 2, SUM);
  const probeTwo = atZero(probe, 2, SUM);
  const probeWeights = SUM[0];
  const rounding = F_ROUNDING * EPS * (long[6] * longWeights + probe[6] * probeWeights);
  const uncertainty = Math.abs(longThree - longTwo) + rounding;
  const gap = Math.abs(longThree - probeTwo);
  return gap > LONG_MISS_SIGNAL * uncertainty;
}
