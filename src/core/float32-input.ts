/**
 * A float32 f rounds its argument too (Math.fround(t) inside, a float32 tensor): f(t) = g(f32(t)). At
 * an x that is no float32 number, the stencil's points x + o·h are then evaluated at f32(x + o·h),
 * δ_o away, and the difference is g's at other points than the engine believes. For steps on the
 * float32 grid (the engine's powers of two) every δ_o is the same δ = f32(x) − x, the first-order
 * terms cancel, and the column resolves g′(f32(x)) to every digit, with an error at double rounding:
 * f32(t³ − 2t at f32(t)) at −1.9999999845 gave 10.0000000776 ± 1.1e-12 where g′(x) = 9.99999981.
 * What the moved points add to D(h) = Σ w_o f(x + o·h)/h is, to first order in δ,
 * g′·Σ w_o δ_o / h + g″·Σ w_o o δ_o: the first where the points round differently, the second the
 * shift. {@link inputRoundingError} gives it, with g″ read from the even parts of two rows.
 */

import { float32Result } from "./float32.js";

/**
 * Whether x's stencil can be moved by a float32 f's rounding of its argument: x is no float32 number
 * and f's value `v` at a point near x (the noise check's) is a float32 computation's result
 * (float32.ts, float32Result).
 *
 * @example
 * ```ts
 * float32Input(-1.9999999845, Math.fround(-3.99999046)); // => true
 * float32Input(-2, Math.fround(-3.99999046)); // => false (x is a float32 number)
 * float32Input(-1.9999999845, -3.99999046); // => false (a double value)
 * ```
 */
export function float32Input(x: number, v: number): boolean {
  return Math.fround(x) !== x && float32Result(v);
}

/**
 * The factor on the first-order sum of {@link inputRoundingError}: the sum is the moved points' effect
 * to first order in δ, with g″ read from two even parts, so it can fall short by its own second-order
 * terms and g″'s error; and where it is the only error the value has (the column resolved g′(f32(x))
 * to every digit) it is the true error to a few digits, which a bare sum would cover with no margin.
 *
 * @default 2
 * @example
 * ```ts
 * INPUT_ROUNDING_MARGIN; // => 2
 * ```
 */
export const INPUT_ROUNDING_MARGIN = 2;

/**
 * The error that a float32 f's rounding of its argument adds to a central first difference of value
 * `value` at step h (see the file comment): |value·Σ w_o δ_o / h| + |g″·Σ w_o o δ_o|, with
 * times INPUT_ROUNDING_MARGIN, where δ_± = f32(x ± h) − (x ± h), w_± = ±1/2, and g″ from the even parts E(h) = f(x + h) + f(x − h) of the
 * stencils at h and `h2` (E = 2f + g″h² + …): g″ ≈ (E(h2) − E(h))/(h2² − h²); the noise check's
 * tiny step serves as h2, since E's rounding is divided by h² − h2² ≈ h². Where f was not called on
 * both sides at h2 (a jump test calls x + h2 alone), the column's rows at 2h or h/2 serve: f32(sin)
 * at 83745.25, whose steps of 0.0078 are its float32 step there, gave cos(f32(x)) = −0.98287 ± 3.0e-4
 * for −0.98336, the shift's g″ taken as 0. `known`: f's values where f was called (NaN elsewhere);
 * without such four values g″'s term is taken as 0.
 *
 * @example
 * ```ts
 * const f = (t: number) => { const u = Math.fround(t); return Math.fround(u * u * u - 2 * u); };
 * inputRoundingError(f, -1.9999999845, 2 ** -6, 2 ** -20, 10); // ≈ 3.7e-7 (2·|g″·δ|: g″ = −12, δ = −1.55e-8)
 * ```
 */
export function inputRoundingError(
  known: (t: number) => number,
  x: number,
  h: number,
  h2: number,
  value: number,
): number {
  const plus = x + h;
  const minus = x - h;
  const dPlus = Math.fround(plus) - plus;
  const dMinus = Math.fround(minus) - minus;
  const moved = Math.abs((value * (dPlus - dMinus)) / (2 * h));
  let second = evenSecond(known, x, h, h2);
  // The check's points on one side only (a jump test's): the column's row at 2h, then at h/2.
  if (!Number.isFinite(second)) second = evenSecond(known, x, h, 2 * h);
  if (!Number.isFinite(second)) second = evenSecond(known, x, h, h / 2);
  const shift = Number.isFinite(second) ? Math.abs((second * (dPlus + dMinus)) / 2) : 0;
  return INPUT_ROUNDING_MARGIN * (moved + shift);
}

/**
 * g″ from the even parts E(s) = f(x + s) + f(x − s) at steps a and b (E = 2f + g″s² + …):
 * (E(b) − E(a))/(b² − a²); NaN where a value is not known.
 */
function evenSecond(known: (t: number) => number, x: number, a: number, b: number): number {
  const ea = known(x + a) + known(x - a);
  const eb = known(x + b) + known(x - b);
  return (eb - ea) / (b * b - a * a);
}
