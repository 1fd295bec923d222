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

import { KINK_RATIO_HIGH, KINK_RATIO_LOW, KINK_SIGNAL, KINK_SMOOTH_BAND } from "./constants.js";

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
  const q = cleanedRatio(e0, e1, e2, e3, rounding);
  return q > KINK_RATIO_LOW && q < KINK_RATIO_HIGH;
}

/**
 * The ratio of the last two cleaned changes r (see the file comment) of four parts e0 … e3 (e0 the
 * newest, at the smallest step; steps halving), NaN when either is within KINK_SIGNAL times its
 * rounding: about 1/2 at a kink, 1/16 where f is smooth, 2 where the part grows like 1/h (a jump in f
 * that the stencil cancels, sign t at order 2 or 4).
 *
 * @example
 * ```ts
 * const E = (h: number) => 1 + 0.05 * h + 3 * h * h;
 * cleanedRatio(E(0.0625 / 8), E(0.0625 / 4), E(0.0625 / 2), E(0.0625), 1e-16); // ≈ 0.5
 * const J = (h: number) => 2 + 1e-3 / h + 3 * h * h;
 * cleanedRatio(J(0.0625 / 8), J(0.0625 / 4), J(0.0625 / 2), J(0.0625), 1e-16); // ≈ 2
 * ```
 */
export function cleanedRatio(e0: number, e1: number, e2: number, e3: number, rounding: number): number {
  const r1 = 4 * (e1 - e0) - (e2 - e1);
  const r2 = 4 * (e2 - e1) - (e3 - e2);
  const floor = KINK_SIGNAL * CLEANED_ROUNDING * rounding;
  if (!(Math.abs(r1) > floor && Math.abs(r2) > floor)) return NaN;
  return r1 / r2;
}

/**
 * Rows in a row whose base difference converges like h, not h², before the change of the newest row
 * counts towards its error (see firstOrderRow).
 *
 * @example
 * ```ts
 * FIRST_ORDER_ROWS; // 2
 * ```
 */
export const FIRST_ORDER_ROWS = 2;

/**
 * Whether the newest central difference d changed from d1 (and d1 from d2) like a first-order error c·h:
 * for f whose second derivative jumps at x (x|x| + sin x at 0, the Huber loss at its threshold), the odd
 * part has a term in |h|, so D(h) = f′ + c·h + …, and the tableau, which removes h², h⁴, … leaves it.
 * With s₁ = h₂/h₁ and s₂ = h₃/h₁ for the last three steps h₁ > h₂ > h₃, the changes' ratio for c·h is
 * (s₁ − s₂)/(1 − s₁), 1/2 for halving steps (against 1/4 for smooth f); a ratio within √2 of it marks
 * the row. The remaining error of such a sequence is then about its last change.
 *
 * @example
 * ```ts
 * const D = (h: number) => 0.6 + 0.5 * h; // f′ = 0.6, a first-order term
 * firstOrderRow(D(0.25), D(0.5), D(1), 0.5, 0.25); // true
 * firstOrderRow(0.6 + 0.25 ** 2, 0.6 + 0.5 ** 2, 1.6, 0.5, 0.25); // false (h², smooth)
 * ```
 */
export function firstOrderRow(d: number, d1: number, d2: number, s1: number, s2: number): boolean {
  const expected = (s1 - s2) / (1 - s1);
  const ratio = Math.abs(d - d1) / Math.abs(d1 - d2);
  return ratio > expected * Math.SQRT1_2 && ratio < expected * Math.SQRT2;
}

/**
 * The first-order tail a row carries from the row before it (see firstOrderRow): where the row before
 * and the one before that changed like h (`run` such rows in a row, at least FIRST_ORDER_ROWS, the row
 * before settled: `settledRows` > 0), its tail `tail` = |d₁ − d₂| = a·h₁. The next row's change is
 * a·h₀ plus its rounding, which near the end of the column breaks the h law's ratio (0.33 to 0.40
 * where 0.5 is due, eᵗ − 0.0023·huber at its join beside a gradient's other terms), so the row test
 * alone gives the row no tail; the tableau then takes its entry for an h² one and the column ends
 * on it: −0.0280322692 ± 2.2e-10 for −0.0280322695 (a C1 join at x), 0.999057755 ± 4.6e-10 for
 * 0.999057756 (a join 1e-7 beside x). The h term is still in that row: a·h₀ = tail·h₀/h₁, and the
 * entry formed from it with the h² model moves by a third of its change, a·h₀/3 more, plus its
 * rounding: the tail of the row before, 2·a·h₀ for halving steps, bounds both. Returns that tail for a
 * row whose own tests find none (one row only: the carried row's run is 0), else 0.
 *
 * @example
 * ```ts
 * runTail(2, 3, 4.5e-10); // => 4.5e-10
 * runTail(1, 3, 4.5e-10); // => 0 (one row in a row: no run)
 * runTail(2, 0, 4.5e-10); // => 0 (the row before did not settle)
 * ```
 */
export function runTail(run: number, settledRows: number, tail: number): number {
  return run >= FIRST_ORDER_ROWS && settledRows > 0 ? tail : 0;
}

/**
 * The first-order term a·h₀ of the newest of four central differences d0 … d3 (d0 the newest, at the
 * smallest step h0 < h1 < h2 < h3) where the plain ratio test (firstOrderRow) cannot see it: where f″
 * jumps at x, D(h) = f′ + a·h + b·h² + …, and where a·h and b·h² are of a size they cancel in the
 * changes of D (eᵗ + 0.057·huber at its threshold 2.56: changes shrinking by 0.24, 0.22, 0.18, 0.05, then
 * changing sign), which then read neither h (1/2) nor h² (1/4), and two rows agree by chance. Through
 * three differences D = f′ + a·h + b·h² holds exactly: with divided differences q = ΔD/Δh,
 * b = Δq/(h₂ − h₀) and a = q₀ − b·(h₀ + h₁). Where f is smooth the a read from (d0, d1, d2) and from
 * (d1, d2, d3) is the fit's h⁴ residue, which falls by about 8 per halving; where f″ jumps both are a.
 * So the row shows a first-order term when the two agree within √2 (the band of firstOrderRow) and
 * a·h₀ is more than FIRST_ORDER_SIGNAL times the row's rounding: one test on four rows, as the plain
 * test's FIRST_ORDER_ROWS in a row are. Returns |a·h₀| (the h term left in
 * D(h₀), which the tableau's h² model does not see), or 0.
 *
 * @example
 * ```ts
 * const D = (h: number) => 13.09 - 0.0143 * h + 2.16 * h * h; // a C1 join under a smooth h² term
 * cleanedFirstOrderTail(D(0.125), D(0.25), D(0.5), D(1), 0.125, 0.25, 0.5, 1, 1e-12); // ≈ 0.0143 · 0.125
 * const S = (h: number) => 13.09 + 2.16 * h * h + 0.5 * h ** 4; // smooth
 * cleanedFirstOrderTail(S(0.125), S(0.25), S(0.5), S(1), 0.125, 0.25, 0.5, 1, 1e-12); // => 0
 * ```
 */
export function cleanedFirstOrderTail(
  d0: number,
  d1: number,
  d2: number,
  d3: number,
  h0: number,
  h1: number,
  h2: number,
  h3: number,
  rounding: number,
): number {
  const a0 = firstOrderSlope(d0, d1, d2, h0, h1, h2);
  const a1 = firstOrderSlope(d1, d2, d3, h1, h2, h3);
  const q = a0 / a1;
  if (!(q > Math.SQRT1_2 && q < Math.SQRT2)) return 0;
  const tail = Math.abs(a0) * h0;
  return tail > FIRST_ORDER_SIGNAL * rounding ? tail : 0;
}

/**
 * How many times the row's rounding the first-order term a·h₀ of {@link cleanedFirstOrderTail} must
 * exceed: with halving steps, 2·a·h₀ = 4·(d1 − d0) − (d2 − d1) = −4·d0 + 5·d1 − d2, whose rounding is
 * at most CLEANED_ROUNDING (10) times the newest row's; a·h₀ above 10 times it is then at least twice
 * that bound, not rounding.
 *
 * @default 10
 * @example
 * ```ts
 * FIRST_ORDER_SIGNAL; // => 10
 * ```
 */
export const FIRST_ORDER_SIGNAL = CLEANED_ROUNDING;

/** a of D(h) = f′ + a·h + b·h² through (h0, d0), (h1, d1), (h2, d2) (see cleanedFirstOrderTail). */
function firstOrderSlope(d0: number, d1: number, d2: number, h0: number, h1: number, h2: number): number {
  const q0 = (d1 - d0) / (h1 - h0);
  const q1 = (d2 - d1) / (h2 - h1);
  const b = (q1 - q0) / (h2 - h0);
  return q0 - b * (h0 + h1);
}

/**
 * Whether a column about to end after row n (n < KINK_CLEAN_ROWS) needs another row for the kink test
 * (driver.ts, untested): its even part (e0 the newest, e1, e2) moved beyond KINK_SIGNAL times its
 * rounding, in fewer than three rows or other than f″ alone would move it (changes shrinking by
 * `expected`, within KINK_SMOOTH_BAND). The common paths' written-out columns call it once, at their end.
 *
 * @example
 * ```ts
 * const E = (h: number) => 2 + 3 * h * h; // smooth: changes shrink by 1/4 when h halves
 * needsCleanRow(E(0.25), E(0.5), E(1), 1e-16, 3, 0.25); // false
 * const K = (h: number) => 2 + 0.1 * h + 3 * h * h; // a kink beside f″
 * needsCleanRow(K(0.25), K(0.5), K(1), 1e-16, 3, 0.25); // true
 * ```
 */
export function needsCleanRow(
  e0: number,
  e1: number,
  e2: number,
  rounding: number,
  n: number,
  expected: number,
): boolean {
  const c1 = Math.abs(e0 - e1);
  if (!(c1 > KINK_SIGNAL * rounding)) return false;
  // Three rows: changes that shrink as f″ alone predicts (within KINK_SMOOTH_BAND) leave no kink to find.
  return n < 3 || Math.abs(c1 / Math.abs(e1 - e2) - expected) > KINK_SMOOTH_BAND * expected;
}

/**
 * The factor on the kink band (KINK_RATIO_LOW, KINK_RATIO_HIGH) for the last three steps h0 < h1 < h2
 * of a column at orders 2 to 4: a term in h changes by (h1 − h0)/(h2 − h1) of its last change, 1/2
 * where h halves (the band as it stands), 1/16 where a column run on past "noise" steps by
 * FAST_STEP_RATIO, whose h² term then changes by 1/256. There the halving band read a join of f″
 * 1.2e-11 beside x as smooth (tanh t + 0.065·huber at 0, order 2: the odd part's changes fell by
 * 0.058), and the second difference gave the midpoint of f″'s two sides, 0.0327 ± 2.6e-7 for 0.0655.
 * The band moves only where both strides are at least KINK_LONG_STRIDE: factor 1 otherwise.
 *
 * @example
 * ```ts
 * kinkBandScale(0.25, 0.5, 1); // 1
 * kinkBandScale(1 / 256, 1 / 16, 1); // 0.125: the band is [0.044, 0.088] around 1/16
 * ```
 */
export function kinkBandScale(h0: number, h1: number, h2: number): number {
  const long = (r: number): boolean => r >= KINK_LONG_STRIDE;
  if (!(long(h1 / h0) && long(h2 / h1))) return 1;
  return (2 * (h1 - h0)) / (h2 - h1);
}

/**
 * The least ratio of successive steps, both of the last two, for {@link kinkBandScale} to move the
 * band: 4, twice halving. Rows that halve keep the band (the same bits as before), and so do rows that
 * mix a halving with a longer stride, where neither the h nor the h² law holds for both changes.
 * @default 4
 * @example
 * ```ts
 * KINK_LONG_STRIDE; // => 4
 * ```
 */
export const KINK_LONG_STRIDE = 4;
