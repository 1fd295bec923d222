/**
 * A component of F whose value at x gives no float32 evidence (exactly 0, or a float32 number with
 * FLOAT32_EXACT_BITS bits or fewer, such as 1) but whose values beside x do: a float32 F at x = 0
 * (f32(f32(tanh(f32(t))) + atan(y)) at [0, 0] is 0 there, f32(cos(t) + atan(y)) is 1), where the
 * Jacobian's float32 components (jacobian-job.ts, float32Components) see nothing, so a column's double
 * rounding model let 1.0000000198682149 ± 8.4e-16, ok, stand for a truth of 1. The two values of the
 * column's first row, F_k(x_j ∓ h), are float32 results (float32.ts, float32Result) then; a double
 * F_k's values beside x are not, but by exact arithmetic with more than FLOAT32_EXACT_BITS bits. Both
 * Jacobian paths read the same two values: the common path's first two points (jacobian-common.ts),
 * the general path's first clean row (driver.ts, `firstValues`).
 */

import { float32Result } from "./float32.js";

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
 * column's first row (`below` = F_k(x_j − h), `above` = F_k(x_j + h)) are float32 results. Its entry
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
  return quietCentre(centre) && float32Result(below) && float32Result(above);
}
