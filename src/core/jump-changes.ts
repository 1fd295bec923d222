/**
 * A lower derivative's jump told by how the changes of the central differences of order n grow, over
 * three ratios of steps. Where f⁽ⁿ⁻ʲ⁾ jumps by J at x, D(h) = f⁽ⁿ⁾₊ + c·J/hʲ + O(h²) with f⁽ⁿ⁾₊ the
 * sides' common part (a term of the stencil's own order that J does not cancel: f″ jumping at x makes
 * the third difference J/(2h) larger), so the changes D(h) − D(16h) grow by 16ʲ per step whatever the
 * sides' part: at order 3, cos t − 0.001·max(0, t + 1)² at −1 gave −0.841471 ± 3.3e-6, noise-limited, the
 * sides' f‴, because at the noise check's step the sides' part still ruled D and the differences
 * themselves did not grow by 16 (growth.ts, jumpsTwice). Noise's changes grow by 16ⁿ, and land on 16ʲ by
 * chance now and then: two ratios in a row must, from four differences at 256h, 16h, h and h/16, with
 * the newest change above the rounding of the narrowest by ROUNDED_SIGNAL.
 */

import { EPS, F_ROUNDING, GROWTH_SHRINK } from "./constants.js";
import { centralStencil, difference, JUMP_GROWTH_BAND, ROUNDED_SIGNAL } from "./growth.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { divideByPower, representableStep } from "./step.js";

/**
 * The lowest order whose noise-limited results take {@link changesJump} (settle-singular.ts): 3. At
 * order 2 only f′ can jump, and its J/h outgrows f″ by itself; in the honesty scan the test found no
 * jump there, and read a cancellation's rounding (eᵗ − 0.365 at −1.007) as one.
 *
 * @default 3
 * @example
 * ```ts
 * CHANGES_JUMP_ORDER; // => 3
 * ```
 */
export const CHANGES_JUMP_ORDER = 3;

/**
 * Whether the changes of the central differences of order n at x grow like a lower derivative's jump
 * over 256h → 16h → h → h/16 (see the file comment): both ratios of successive changes 16ʲ within
 * JUMP_GROWTH_BAND, for the same j in 1 … n − 1.
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * const f = (t: number) => Math.cos(t) - 0.001 * Math.max(0, t + 1) ** 2;
 * runSync(changesJump(new Sampler(f), -1, 2 ** -12, 3)); // => true (f″ jumps at −1)
 * runSync(changesJump(new Sampler(Math.cos), -1, 2 ** -12, 3)); // => false
 * ```
 */
export function* changesJump(sampler: Sampler, x: number, h: number, order: number): Pipeline<boolean> {
  const widest = yield* difference(sampler, x, "central", h * GROWTH_SHRINK * GROWTH_SHRINK, order);
  const wide = yield* difference(sampler, x, "central", h * GROWTH_SHRINK, order);
  const mid = yield* difference(sampler, x, "central", h, order);
  const s = representableStep(x, h / GROWTH_SHRINK);
  const narrowStencil = yield* centralStencil(sampler, x, s, order);
  if (narrowStencil === null || !Number.isFinite(widest + wide + mid)) return false;
  const narrow = divideByPower(narrowStencil.sum, s, order);
  const rounding = divideByPower(F_ROUNDING * EPS * narrowStencil.size, s, order);
  if (!(Math.abs(narrow - mid) > ROUNDED_SIGNAL * rounding)) return false;
  const p1 = Math.log((mid - wide) / (wide - widest)) / Math.log(GROWTH_SHRINK);
  const p2 = Math.log((narrow - mid) / (mid - wide)) / Math.log(GROWTH_SHRINK);
  const j = Math.round(p2);
  const band = Math.log(JUMP_GROWTH_BAND) / Math.log(GROWTH_SHRINK);
  return j >= 1 && j < order && Math.abs(p1 - j) <= band && Math.abs(p2 - j) <= band;
}
