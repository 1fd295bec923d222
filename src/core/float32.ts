/**
 * Telling a float32 result from a double one by its value alone, and the rounding a float32 F's values
 * carry. A float32 computation (TensorFlow.js, a WebGL shader, Math.fround) returns numbers with at most
 * 24 significant bits; a double computation returns one only by exact arithmetic on short numbers
 * (x₀·x₁ at [2, 3]), whose values then have few bits. So a value of F(x) that is a float32 with more
 * than FLOAT32_EXACT_BITS significant bits marks that component as computed in float32: its values carry
 * a rounding of up to FLOAT32_UNIT_ROUNDOFF relative, not double's, and a difference of them a
 * rounding that the engine's double model does not see.
 */

import { EPS, F_ROUNDING } from "./constants.js";

/**
 * The unit roundoff of float32: 2⁻²⁴ (24 significant bits, round to nearest).
 *
 * @default 5.960464477539063e-8
 * @example
 * ```ts
 * FLOAT32_UNIT_ROUNDOFF; // => 2 ** -24
 * ```
 */
export const FLOAT32_UNIT_ROUNDOFF = 2 ** -24;

/**
 * A float32 value with more significant bits than this is taken as a float32 computation's result,
 * not exact double arithmetic on short numbers: a float32 result's bits below its 24th are those of
 * a rounding, so only 1 in 2⁸ has 16 bits or fewer, while exact arithmetic on the short numbers people
 * type (2, 0.5, 1.25) stays well within 16.
 *
 * @default 16
 * @example
 * ```ts
 * FLOAT32_EXACT_BITS; // => 16
 * ```
 */
export const FLOAT32_EXACT_BITS = 16;

/**
 * The error of a Jacobian entry whose float32 component took F_k(x) at every point of its column (so
 * it is taken as constant there, 0), as a multiple of the double rounding level the column gives it,
 * F_ROUNDING·EPS·Σ|w|·|F_k(x)|/hⁿ: equal float32 values at x ± h hide a change of up to one float32
 * step, so the slope is only known to within FLOAT32_UNIT_ROUNDOFF·Σ|w|·|F_k(x)|/hⁿ. The ratio
 * 2⁻²⁴ / (2·2⁻⁵²) = 2²⁷ is a power of two, so the scaled error is exact (the same bits on every path).
 *
 * @default 134217728 (2²⁷)
 * @example
 * ```ts
 * FLOAT32_FLAT_FACTOR; // => 2 ** 27
 * ```
 */
export const FLOAT32_FLAT_FACTOR = FLOAT32_UNIT_ROUNDOFF / (F_ROUNDING * EPS);

/** The mantissa bits of a double below its FLOAT32_EXACT_BITS most significant bits: 53 − 16 = 37. */
const SHORT_MANTISSA_BITS = 53 - FLOAT32_EXACT_BITS;
/** Of those, the bits in the high 32-bit word of the double (its 5 lowest bits). */
const HIGH_WORD_MASK = 2 ** (SHORT_MANTISSA_BITS - 32) - 1;
/** A double and its two 32-bit words; LOW_WORD is the index of the low one (0 on a little-endian machine). */
const DOUBLE = new Float64Array(1);
const WORDS = new Uint32Array(DOUBLE.buffer);
DOUBLE[0] = 1; // 0x3ff00000_00000000: only the high word is non-zero
const LOW_WORD = WORDS[0] === 0 ? 0 : 1;

/**
 * Whether v looks like a float32 computation's result (see the file comment): a finite float32 number
 * with more than FLOAT32_EXACT_BITS significant bits.
 *
 * @example
 * ```ts
 * float32Result(Math.fround(Math.tanh(0.3))); // => true
 * float32Result(Math.tanh(0.3)); // => false (a double)
 * float32Result(6); // => false (exact arithmetic: x₀·x₁ at [2, 3])
 * ```
 */
export function float32Result(v: number): boolean {
  if (Math.fround(v) !== v || v === 0 || !Number.isFinite(v)) return false;
  // A float32 value is a normal double: it has more than FLOAT32_EXACT_BITS significant bits exactly
  // when one of its mantissa's SHORT_MANTISSA_BITS lowest bits is set (read from its bits: 2^e and
  // log2 are library calls that cost more than the rest of a small Jacobian's setup).
  DOUBLE[0] = v;
  return (WORDS[LOW_WORD] | (WORDS[1 - LOW_WORD] & HIGH_WORD_MASK)) !== 0;
}

/**
 * The rounding of an order-n difference of float32 values of size |f| at step h, with stencil weights
 * summing to `weightSum` in absolute value: FLOAT32_UNIT_ROUNDOFF·|f|·Σ|w| / hⁿ.
 *
 * @example
 * ```ts
 * float32Rounding(1, 1, 2 ** -10, 1); // => 0.00006103515625 (2⁻¹⁴)
 * ```
 */
export function float32Rounding(f: number, weightSum: number, h: number, order: number): number {
  return (FLOAT32_UNIT_ROUNDOFF * Math.abs(f) * weightSum) / h ** order;
}

/**
 * The error of a derivative of exactly 0 from a float32 f, read from the values at its stencil's
 * points that f gave already (`sampler.known`): where one of them is a float32 result (float32Result),
 * equal values at x ± h hide a change of up to one float32 step, so the difference is only known to
 * within {@link float32Rounding} of the largest of them at step h. The derivative's own rounding model
 * is double's: f32(35.04 + f32(eᵗ)) at −14.46, where eᵗ = 5.2e-7 is below 35's float32 step of
 * 3.8e-6, gave 0 ± 6.9e-14 (a term of another coordinate of a gradient sets that step). Returns the
 * error to use: `error`, or that rounding when it is larger; `error` as it is without such a value.
 *
 * @example
 * ```ts
 * const at = (t: number) => (t === 0.25 || t === -0.25 ? Math.fround(35.0414505) : NaN);
 * flatFloat32Error(at, 0, 0.25, 1, 1, 6.9e-14); // ≈ 8.4e-6, 2⁻²⁴·35.04/0.25
 * flatFloat32Error((t) => 1 + t, 0, 0.25, 1, 1, 6.9e-14); // => 6.9e-14 (not float32 values)
 * ```
 *
 * `float32F` says that f's values elsewhere showed it float32 (float32Values): values of few bits
 * at the stencil (f32(tanh) saturated to exactly −1) are then a float32 f's too.
 */
export function flatFloat32Error(
  known: (t: number) => number,
  x: number,
  h: number,
  weightSum: number,
  order: number,
  error: number,
  float32F = false,
): number {
  let size = 0;
  let float32 = float32F;
  for (const t of [x - h, x, x + h]) {
    const v = known(t);
    if (!Number.isFinite(v)) continue;
    size = Math.max(size, Math.abs(v));
    if (float32Result(v)) float32 = true;
  }
  if (!float32 || !(h > 0)) return error;
  const floor = float32Rounding(size, weightSum, h, order);
  return floor > error ? floor : error;
}

/**
 * Whether the values f gave show it computed in float32: every finite one a float32 number and at
 * least one a float32 result (float32Result; a double f gives such a value about once in 2²⁹). f32(tanh)
 * at −12.34 is exactly −1 at every point within 3 of x, where a double f's saturated values are −1 too;
 * a point farther off (−0.99999124 at x + 6.17) tells the two apart.
 *
 * @example
 * ```ts
 * float32Values(new Float64Array([-1, -1, Math.fround(-0.99999124)])); // => true
 * float32Values(new Float64Array([-1, -1, -0.99999124])); // => false (a double)
 * float32Values(new Float64Array([-1, -1])); // => false (nothing to tell)
 * ```
 */
export function float32Values(values: ArrayLike<number>): boolean {
  let seen = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (Math.fround(v) !== v) return false;
    seen ||= float32Result(v);
  }
  return seen;
}

/**
 * The lowest order at which a flat zero reads f's values elsewhere for float32 (float32Values): f‴
 * and f⁗, whose stencils of f32(tanh) saturated at −12.34 see only −1 while the column's far points
 * show f float32. At orders 1 and 2 the points of the honesty scan's saturated cases are all ±1
 * anyway, and a float32 Jacobian's component constant along one coordinate (f32(cos x₀ + atan x₁) at 0)
 * keeps its double error there (test/core/jacobian-float32-beside.test.ts).
 *
 * @default 3
 * @example
 * ```ts
 * FLOAT32_ELSEWHERE_ORDER; // => 3
 * ```
 */
export const FLOAT32_ELSEWHERE_ORDER = 3;
