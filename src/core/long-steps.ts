/**
 * Long steps at a large |x| that straddle a pole the unit probe's do not (t³ − 2t − 2.89/(t − c)² at
 * −8431.4, c 8.5 away: ± 1.2e-5, 770 times off): the two columns' even parts, extrapolated to h = 0 in
 * h², give Σ|w|·f(x) where f is smooth, and differ by the pole's term where it is not; the long estimate
 * is then confirmed only to the probe's interval. docs/engine.md, "Poles beside x".
 */

import { EPS, F_ROUNDING } from "./constants.js";

/**
 * How many times its uncertainty (the long extrapolation's three-row value against its two-row one,
 * and rounding) the gap between the long and the probe's extrapolated even parts must be: 2. The
 * uncertainty bounds a smooth f's gap: its truncation is the long extrapolation's h⁶ term, below the
 * h⁴ term that |three − two| measures by (h/s)² (s: the scale f varies on), and its rounding is
 * F_ROUNDING·EPS per value, four times a correctly rounded value's. So a smooth f's ratio stays below 1
 * (the honesty scan's smooth cases: at most 0.96 over 2,209 tests; its float32 and noisy cases have
 * the probe's spread at order 1 and their noise-limited rows), and 2 leaves a factor of two over that
 * bound. A pole's term at x, P = a/dᵏ, puts about Σ|w|·|P| into the gap: R = |P|/(EPS·|f(x)|) of about
 * 20 gives 2 (t³ − 2t − 0.076/(t − c) at 15278.8, c 4.6 away: f‴ 6 ± 3.6e-12 for 6.001). It was 16 (as
 * KINK_SIGNAL) until round 16, which left R below about 90 unseen.
 *
 * @default 2
 * @example
 * ```ts
 * LONG_MISS_SIGNAL; // => 2
 * ```
 */
export const LONG_MISS_SIGNAL = 2;

/**
 * The highest order whose probe spread (longStepsMissed's `probeSpread`) counts: 1. At order 1 the
 * probe's error is its values' rounding or noise; at order 3 it also carries the pole the long steps
 * straddle (f‴ of t³ − 2t − 0.78/(t − c)² at −47046, c 0.49 away: the spread hid the miss, and 6 ±
 * 4.7e-11 came back for a truth of −678).
 *
 * @default 1
 * @example
 * PROBE_SPREAD_ORDER; // => 1
 */
export const PROBE_SPREAD_ORDER = 1;

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
 *
 * @example
 * ```ts
 * const sum = new Float64Array(1);
 * atZero(Float64Array.of(3, 6, 18, 1, 2, 4, 0), 2, sum); // => 2 (E = 2 + h²)
 * ```
 */
export function atZero(rows: Float64Array, n: number, sum: Float64Array): number {
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
 * Whether the long column's even rows (`long`, its last three) and the probe's (`probe`, its last two:
 * an earlier one may straddle the pole) extrapolate to values of Σ|w|·f(x) more than LONG_MISS_SIGNAL
 * times their uncertainty apart. False where a value needed is not finite. `probeSpread` is what the
 * probe's own error says of its even parts, error·hⁿ (a derivative's error e at step h from values
 * carrying σ is about σ·Σ|w|/hⁿ, so σ ≤ e·hⁿ): the values of a float32 or noisy f scatter far beyond
 * double rounding, and without it their even parts "missed" at f32(atan) at 40 (error 1.8e-6 widened to
 * 3.5e-5) and at log t·(1 + 1.5e-7·noise) at 16.4 (1.3e-5 to 1.8e-4).
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
export function longStepsMissed(long: Float64Array, probe: Float64Array, probeSpread = 0): boolean {
  const longThree = atZero(long, 3, SUM);
  const longWeights = SUM[0];
  const longTwo = atZero(long, 2, SUM);
  const probeTwo = atZero(probe, 2, SUM);
  const probeWeights = SUM[0];
  // The probe's values' scatter: its rounding, or the spread its error shows where that is more (that
  // error holds the same rounding, so the two are not added).
  const probeScatter = probeWeights * Math.max(F_ROUNDING * EPS * probe[6], probeSpread);
  const rounding = F_ROUNDING * EPS * long[6] * longWeights;
  const uncertainty = Math.abs(longThree - longTwo) + rounding + probeScatter;
  const gap = Math.abs(longThree - probeTwo);
  return gap > LONG_MISS_SIGNAL * uncertainty;
}
