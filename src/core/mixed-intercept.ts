/**
 * A mixed Hessian entry where f itself has a kink at x along a direction the stencil crosses:
 * max(x₀, x₁) at (1, 1), |x₀ − x₁| there, relu(x₀ + x₁) at (0.5, −0.5). There f′ jumps at x along
 * u = (s_i, s_j) or v = (s_i, −s_j), so f has no derivative at x and no second one either.
 *
 * The stencil's numerator at step c (mixed-partial.ts), N(c) = f₊₊ − f₊₋ − f₋₊ + f₋₋ = g(c) + g(−c)
 * with g(c) = f(x + c·u) − f(x + c·v), is the central second difference of g, which is c²·g″(0) + O(c⁴)
 * where f is smooth, but J·c + O(c²) where g′ jumps by J at 0 (max(x₀, x₁) at (1, 1): g(c) = c − |c|,
 * N(c) = −2c). So q(c) = N(c)/c tends to J, not to 0, as c shrinks: J is the intercept of q over
 * three halving steps, extrapolated to c = 0 (q = J + M·c + N·c²), as the scalar kink tests read a
 * jump from rows. A kink of one coordinate alone (|x₀| + x₁²) is odd in g (g(c) = b(x_j + c·s_j) −
 * b(x_j − c·s_j) for f = a(x_i) + b(x_j)), so N holds none of it and such an entry, which exists, is
 * never flagged; nor is a jump of the mixed partial itself (relu(x₀)·x₁: N(c) = 2·s_i·s_j·c², which
 * mixed-kink.ts reads).
 *
 * The column itself, which extrapolates N(c)/c² in c², never settles there: it ran down to steps of
 * 1e-15 and gave max(x₀, x₁) −2.3e15 ± 1.1e16, ok. So an entry with fewer than two significant digits
 * ({@link fewDigits}) has the stencil taken at INTERCEPT_STEP of its first scale, a half and a quarter
 * of it (INTERCEPT_CALLS calls); an intercept INTERCEPT_SIGNAL times its uncertainty makes the entry
 * "discontinuous" with no value, as the scalar engine's f″ where f′ jumps. A smooth f's entries settle
 * with digits and ask nothing: the same calls and bits.
 */

import { EPS, F_ROUNDING, INITIAL_STEP } from "./constants.js";
import { FEW_DIGITS } from "./first-at-x.js";
import { representableStep } from "./step.js";

/**
 * How many times its uncertainty the intercept must be to count as a kink of f (see the file
 * comment): 4, as a mixed entry's confirmed jump (mixed-kink.ts, MIXED_JUMP_SIGNAL).
 *
 * @default 4
 * @example
 * ```ts
 * INTERCEPT_SIGNAL; // => 4
 * ```
 */
export const INTERCEPT_SIGNAL = 4;

/**
 * The intercept's widest step, relative to each coordinate's scale (the common factor c of
 * mixed-partial.ts): a sixteenth of the column's first (MIXED_INITIAL_STEP = INITIAL_STEP[2]), 1/64,
 * with steps of 1/128 and 1/256 below it. A kink's q is J plus terms in c that the spread counts
 * (interceptOf), so narrow steps let J stand above f's curvature (0.3·|x₀ − x₁| + x₀x₁² at (1, 1): q =
 * −1.2 + 8c, whose spread at 1/16 … 1/4 is 1.5, at 1/256 … 1/64 0.09), while N(c) ≈ J·c stays far above
 * f's rounding (F_ROUNDING·EPS·|f| per value) there unless f is 1e12 times J·c.
 *
 * @default 0.015625
 * @example
 * ```ts
 * INTERCEPT_STEP; // => 0.015625
 * ```
 */
export const INTERCEPT_STEP = INITIAL_STEP[2] / 16;

/**
 * Calls of f the intercept makes: the four corners at each of three steps.
 *
 * @default 12
 * @example
 * ```ts
 * INTERCEPT_CALLS; // => 12
 * ```
 */
export const INTERCEPT_CALLS = 12;

/**
 * The rounding the intercept's weights carry, in units of that of q at the smallest step: each q's
 * rounding halves as its step doubles, so (8 + 6/2 + 1/4)/3 = 3.75.
 *
 * @default 3.75
 * @example
 * ```ts
 * INTERCEPT_ROUNDING; // => 3.75
 * ```
 */
export const INTERCEPT_ROUNDING = 3.75;

/**
 * Whether a mixed entry has fewer than two significant digits: an error of at least FEW_DIGITS times
 * its value, or none (NaN), with a finite value other than 0 (an f linear in x_i or x_j gives exactly 0,
 * as first-at-x.ts's saysLittle). Whatever its status: a noise-limited entry with digits asks nothing.
 *
 * @example
 * ```ts
 * fewDigits(-2.26e15, 1.12e16); // => true
 * fewDigits(0.5, 1e-9); // => false
 * fewDigits(0, 1e-3); // => false
 * ```
 */
export function fewDigits(value: number, error: number): boolean {
  return Number.isFinite(value) && value !== 0 && !(error < FEW_DIGITS * Math.abs(value));
}

/**
 * The intercept J of q = J + M·c + N·c² through q(c), q(2c), q(4c) (`q`, newest first: the smallest
 * step first), (8q(c) − 6q(2c) + q(4c))/3, and its uncertainty: its change from the two-row value
 * 2q(c) − q(2c) (the size of the next term), plus the spread |q(c) − q(2c)| + |q(2c) − q(4c)|, plus
 * INTERCEPT_ROUNDING times `rounding`, that of q(c). A kink's q is J plus terms in c, which the spread
 * counts too: J must stand above the terms in c at the steps (M·c), as in mixed-kink.ts's
 * confirmedJump.
 *
 * @example
 * ```ts
 * interceptOf([-2, -2, -2], 1e-15).jump; // => -2 (max(x₀, x₁) at (1, 1): q = −2 at every step)
 * interceptOf([0.01, 0.02, 0.04], 1e-15).jump; // ≈ 0 (a smooth f: q ∝ c)
 * ```
 */
export function interceptOf(q: ArrayLike<number>, rounding: number): { jump: number; uncertainty: number } {
  const three = (8 * q[0] - 6 * q[1] + q[2]) / 3;
  const two = 2 * q[0] - q[1];
  // Noise that no bound holds (none found, or more than it) scatters q at random: the spread, added,
  // keeps a chance agreement of the extrapolations from passing, as in confirmedJump (mixed-kink.ts).
  const spread = Math.abs(q[0] - q[1]) + Math.abs(q[1] - q[2]);
  return { jump: three, uncertainty: Math.abs(three - two) + spread + INTERCEPT_ROUNDING * rounding };
}

/**
 * The points of the intercept as [x_i, x_j] pairs: at c = first, first/2 and first/4 (the smallest
 * last), the corners (+, +), (+, −), (−, +), (−, −) with the representable steps of s·c.
 *
 * @example
 * ```ts
 * interceptPoints(1, 1, 1, 1, 0.25).length; // => 12
 * interceptPoints(1, 1, 1, 1, 0.25)[0]; // => [1.25, 1.25]
 * ```
 */
export function interceptPoints(xi: number, xj: number, si: number, sj: number, first: number): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < 3; k++) {
    const di = representableStep(xi, si * first * 0.5 ** k);
    const dj = representableStep(xj, sj * first * 0.5 ** k);
    out.push([xi + di, xj + dj], [xi + di, xj - dj], [xi - di, xj + dj], [xi - di, xj - dj]);
  }
  return out;
}

/**
 * Whether f's values at {@link interceptPoints} (in their order, `first` their widest step) show a kink
 * of f at x (see the file comment), `noise` the bound of f's noise in one value of g (mixed-noise.ts, noiseBoundOf; 0 where
 * none was found): false where a value is not finite.
 *
 * @example
 * ```ts
 * const pts = interceptPoints(1, 1, 1, 1, 0.25);
 * kinkedAlongStencil(pts.map(([a, b]) => Math.max(a, b)), 0.25, 0); // => true
 * kinkedAlongStencil(pts.map(([a, b]) => a * a * b), 0.25, 0); // => false
 * ```
 */
export function kinkedAlongStencil(values: ArrayLike<number>, first: number, noise: number): boolean {
  const q = new Float64Array(3);
  let size = 0;
  for (let k = 0; k < 3; k++) {
    const [pp, pm, mp, mm] = [values[4 * k], values[4 * k + 1], values[4 * k + 2], values[4 * k + 3]];
    if (!(Number.isFinite(pp) && Number.isFinite(pm) && Number.isFinite(mp) && Number.isFinite(mm))) {
      return false;
    }
    q[2 - k] = (pp - pm - mp + mm) / (first * 0.5 ** k);
    if (k === 2) size = Math.abs(pp) + Math.abs(pm) + Math.abs(mp) + Math.abs(mm);
  }
  // q(c)'s rounding at the smallest step: the four values' and two values of g's noise, over c.
  const rounding = (F_ROUNDING * EPS * size + 2 * noise) / (first / 4);
  const j = interceptOf(q, rounding);
  return Math.abs(j.jump) > INTERCEPT_SIGNAL * j.uncertainty;
}
