/**
 * A component of F whose value at x gives no float32 evidence (exactly 0, or a float32 number with
 * FLOAT32_EXACT_BITS bits or fewer, such as 1) but whose values beside x do: a float32 F at x = 0
 * (f32(f32(tanh(f32(t))) + atan(y)) at [0, 0] is 0 there, f32(cos(t) + atan(y)) is 1), where the
 * Jacobian's float32 components (jacobian-job.ts, float32Components) see nothing, so a column's double
 * rounding model let 1.0000000198682149 ± 8.4e-16, ok, stand for a truth of 1. The two values of the
 * column's first row, F_k(x_j ∓ h), are float32 results (float32.ts, float32Result) then, one at least
 * with more than FLOAT32_FULL_BITS bits; a double F_k's values beside x are not, but by exact
 * arithmetic on short numbers (see FLOAT32_FULL_BITS). Both
 * Jacobian paths read the same two values: the common path's first two points (jacobian-common.ts),
 * the general path's first clean row (driver.ts, `firstValues`).
 */

import { float32Result } from "./float32.js";

/**
 * The significant bits above which a float32 number beside a quiet F_k(x) is taken for a float32
 * computation's result rather than exact arithmetic. A double F at short x and h is exact there and
 * may give float32 numbers with more than FLOAT32_EXACT_BITS bits: x³ + y³ at [1 ± 2⁻⁵, 2] is
 * 8.909149169921875, 19 bits (x₀ and h have 1 and 6 bits, the cube's terms reach 2⁻¹⁵; 3 ± 2⁻⁵ cubed
 * has 20). A float32 result's lowest four mantissa bits are all 0 by chance 1 in 16, so both values at
 * 20 bits or fewer, 1 in 256.
 *
 * @default 20
 * @example
 * ```ts
 * FLOAT32_FULL_BITS; // => 20
 * ```
 */
export const FLOAT32_FULL_BITS = 20;

/**
 * Whether v, a float32 number, has more than FLOAT32_FULL_BITS significant bits.
 *
 * @example
 * ```ts
 * fullFloat32(Math.fround(Math.tanh(0.0078125))); // => true
 * fullFloat32(8.909149169921875); // => false (19 bits)
 * ```
 */
export function fullFloat32(v: number): boolean {
  const a = Math.abs(v);
  if (!(a > 0) || a === Infinity) return false;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  const scaled = a * 2 ** (FLOAT32_FULL_BITS - 1 - e); // the first FLOAT32_FULL_BITS bits above the point
  return scaled !== Math.floor(scaled);
}

/**
 * Whether F_k(x) (`centre`) has no float32 bits of its own: finite, and a float32 number that is not a
 * float32 result (0, or FLOAT32_EXACT_BITS bits or fewer). Only such components are looked at beside x.
 *
 * @example
 * ```ts
 * quietCentre(0); // => true
 * quietCentre(1); // => true
 * quietCentre(Math.fround(0.1)); // => false (a float32 result: its own evidence)
 * quietCentre(0.1); // => false (a double)
 * ```
 */
export function quietCentre(centre: number): boolean {
  return Number.isFinite(centre) && Math.fround(centre) === centre && !float32Result(centre);
}

/**
 * Which components of F(x) are {@link quietCentre}: 1 each, or null when none is (the common path then
 * looks at no component beside x, at no cost).
 *
 * @example
 * ```ts
 * Array.from(quietComponents(Float64Array.of(0, 0.1, 1)) ?? []); // => [1, 0, 1]
 * quietComponents(Float64Array.of(0.1)); // => null
 * ```
 */
export function quietComponents(centre: Float64Array): Uint8Array | null {
  let out: Uint8Array | null = null;
  for (let k = 0; k < centre.length; k++) {
    if (quietCentre(centre[k])) (out ??= new Uint8Array(centre.length))[k] = 1;
  }
  return out;
}

/**
 * Whether a quiet component (see {@link quietCentre}) is float32 after all: both values of its
 * column's first row (`below` = F_k(x_j − h), `above` = F_k(x_j + h)) are float32 results, one at
 * least with more than FLOAT32_FULL_BITS bits (fullFloat32). Its entry
 * is then rechecked as a float32 component's (jacobian-recheck.ts, needsRecheck).
 *
 * @example
 * ```ts
 * float32Beside(0, Math.fround(-0.0078), Math.fround(0.0078)); // => true
 * float32Beside(0, Math.sin(-0.0078), Math.sin(0.0078)); // => false (doubles)
 * float32Beside(Math.fround(0.1), Math.fround(0.09), Math.fround(0.11)); // => false (F_k(x) speaks for itself)
 * ```
 */
export function float32Beside(centre: number, below: number, above: number): boolean {
  if (!quietCentre(centre) || !float32Result(below) || !float32Result(above)) return false;
  return fullFloat32(below) || fullFloat32(above);
}
