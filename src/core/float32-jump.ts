/**
 * A jump of a float32 f at x's float32 resolution. f(t) = g(f32(t)) is constant over the float32 cell
 * of x (f32(0.75 ± 2.9e-8) = 0.75), so the jump tests, which confirm a jump down to 2⁻⁴⁰ of the scale,
 * see f flat there and no jump, and the noise stage reads the cell's flatness as f below its grid:
 * f32((t ≥ 0.75)·eᵗ) at 0.75 gave 0 ± 4.9e4, noise-limited, where f jumps by 2.117 at the cell's lower
 * edge. At float32 resolution that edge is x. The cells beside x's tell: f's change from the cell
 * below to x's, Δ₋, against the changes one cell farther on that side and one cell up on the other
 * (Δ₋₋, Δ₊): a jump is a change alone of its size, FLOAT32_JUMP_RATIO times theirs; a slope changes f
 * alike from cell to cell, and a kink changes it alike on each of its sides.
 */

import type { Pipeline, Sampler } from "./sampler.js";
import { float32Result } from "./float32.js";
import type { DerivativeResult } from "./types.js";

/**
 * How many times the changes of f between its neighbouring float32 cells a change across x's cell edge
 * must be for {@link float32JumpAtX}: 64. A smooth f's changes between neighbouring cells differ by
 * f″·δ² over f′·δ (δ one float32 step: 2⁻²⁴ relative), and by its values' float32 rounding, one or two
 * grid steps, each at most a change of its own size; 64 such steps stand for a change alone.
 *
 * @default 64
 * @example
 * ```ts
 * FLOAT32_JUMP_RATIO; // => 64
 * ```
 */
export const FLOAT32_JUMP_RATIO = 64;

const F32 = new Float32Array(1);
const BITS = new Uint32Array(F32.buffer);

/** The float32 number `k` steps above (k > 0) or below the float32 number c (finite, nonzero). */
function float32Step(c: number, k: number): number {
  F32[0] = c;
  BITS[0] += c > 0 ? k : -k;
  return F32[0];
}

/**
 * Whether f jumps at x's float32 cell (see the file comment): f(x) a float32 result, and the change
 * across one of the cell's edges FLOAT32_JUMP_RATIO times the larger of the next change on that side,
 * the change across the other edge, and the value's float32 grid (2⁻²³·|f(x)|), where f is constant
 * over x's cell (it rounds its argument to float32). Up to 7 calls.
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * const f32 = Math.fround;
 * const f = (t: number) => f32(f32(t) >= 0.75 ? f32(Math.exp(f32(t))) : 0);
 * runSync(float32JumpAtX(new Sampler(f), 0.75)); // => true
 * runSync(float32JumpAtX(new Sampler((t) => f32(Math.exp(f32(t)))), 0.75)); // => false
 * ```
 */
export function* float32JumpAtX(sampler: Sampler, x: number): Pipeline<boolean> {
  const c = Math.fround(x);
  if (!Number.isFinite(c) || c === 0) return false;
  const fx = yield* sampler.one(x);
  if (!float32Result(fx)) return false;
  // f reads its argument in float32: constant over the cell (a quarter step either side of its float32
  // number). A double f that jumps within 6e-8 of x is a jump beside x, for the other stages.
  const quarter = (float32Step(c, 1) - c) / 4;
  for (const t of [c, c - quarter, c + quarter]) if ((yield* sampler.one(t)) !== fx) return false;
  const values: number[] = [];
  for (const k of [-2, -1, 1, 2]) values.push(yield* sampler.one(float32Step(c, k)));
  const [m2, m1, p1, p2] = values;
  if (!values.every((v) => Number.isFinite(v) && Math.fround(v) === v)) return false;
  const grid = 2 ** -23 * Math.max(Math.abs(fx), ...values.map(Math.abs));
  const below = Math.abs(fx - m1);
  const above = Math.abs(p1 - fx);
  const alone = (jump: number, ...others: number[]): boolean =>
    jump > FLOAT32_JUMP_RATIO * Math.max(grid, ...others);
  return alone(below, Math.abs(m1 - m2), above) || alone(above, Math.abs(p2 - p1), below);
}

/**
 * derivative()'s noise-limited first derivative of a float32 f where f jumps at x's float32 cell
 * ({@link float32JumpAtX}): "discontinuous", value NaN, error Infinity. Other results pass through.
 *
 * @example
 * ```ts
 * const r = yield* float32Jumped(result, sampler, x, 1); // f32((t ≥ 0.75)·eᵗ) at 0.75: "discontinuous"
 * ```
 */
export function* float32Jumped(
  result: Omit<DerivativeResult, "evaluations">,
  sampler: Sampler,
  x: number,
  order: number,
): Pipeline<Omit<DerivativeResult, "evaluations">> {
  if (order !== 1 || result.status !== "noise-limited") return result;
  if (!float32Result(sampler.known(x)) || !(yield* float32JumpAtX(sampler, x))) return result;
  return { ...result, value: NaN, error: Infinity, status: "discontinuous" };
}
