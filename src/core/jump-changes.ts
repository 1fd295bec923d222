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

import { GROWTH_SHRINK, INITIAL_STEP } from "./constants.js";
import {
  centralStencil,
  difference,
  JUMP_GROWTH_BAND,
  jumpsTwice,
  ROUNDED_SIGNAL,
  significantStep,
  stencilRounding,
} from "./growth.js";
import { noiseCheckStep } from "./noise-check.js";
import type { Pipeline, Sampler } from "./sampler.js";
import type { ScalarEngine } from "./scalar-column.js";
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
  const rounding = divideByPower(stencilRounding(narrowStencil.size, order), s, order);
  if (!(Math.abs(narrow - mid) > ROUNDED_SIGNAL * rounding)) return false;
  const p1 = Math.log((mid - wide) / (wide - widest)) / Math.log(GROWTH_SHRINK);
  const p2 = Math.log((narrow - mid) / (mid - wide)) / Math.log(GROWTH_SHRINK);
  const j = Math.round(p2);
  const band = Math.log(JUMP_GROWTH_BAND) / Math.log(GROWTH_SHRINK);
  return j >= 1 && j < order && Math.abs(p1 - j) <= band && Math.abs(p2 - j) <= band;
}

/**
 * jumpsTwice (growth.ts) from h, or, where f's rounding rules the narrowest of its steps (a large f:
 * sin t plus a Huber loss of 7e3 at −944; a term of 1e9 beside ReLU″ at 0), from the first step of
 * 16 … 16⁴ times h/16 where the difference stands above rounding (significantStep).
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * const f = (t: number) => 1e9 + Math.tanh(t) + 0.0747 * Math.max(0, t);
 * runSync(jumpsAboveRounding(new Sampler(f), 0, 2 ** -12, 2)); // => true (f′ jumps at 0)
 * ```
 */
export function* jumpsAboveRounding(
  sampler: Sampler,
  x: number,
  h: number,
  order: number,
  changes = false,
): Pipeline<boolean> {
  if (yield* jumpsTwice(sampler, x, h, order, changes)) return true;
  const from = yield* significantStep(sampler, x, h / GROWTH_SHRINK, order);
  return from > h / GROWTH_SHRINK && (yield* jumpsTwice(sampler, x, from * GROWTH_SHRINK, order, changes));
}

/**
 * The order whose results read as noisy (or run down) take the wider checks of a lower derivative's
 * jump (jumpsAboveRounding, and ranDownStep's deeper step): 3. There a join of f″ within 1e-4 of x is
 * beyond any step's reach (f‴ needs steps below the distance, where rounding is EPS·|f|/h³), and a
 * result with no significant digit was one: in the honesty scan, order 3 at C1 joins went from 93 to 44
 * dishonest, with 109 more joins near x flagged discontinuous. At orders 2 and 4 the same checks moved
 * nothing dishonest and flagged kinks 1e-9 from x that those orders resolve (67 and 52 more).
 *
 * @default 3
 * @example
 * ```ts
 * DEEP_JUMP_ORDER; // => 3
 * ```
 */
export const DEEP_JUMP_ORDER = 3;

/**
 * How many halvings below its first step a column of order DEEP_JUMP_ORDER must have run for
 * {@link ranDownStep}: 2⁸ = 256 times below, two of the column's far steps (÷16). A smooth f beside a
 * large term ends where its truncation meets rounding, within a few halvings of its first step.
 *
 * @default 8
 * @example
 * ```ts
 * RAN_DOWN_DEPTH; // => 8
 * ```
 */
export const RAN_DOWN_DEPTH = 8;

/**
 * The step below which a higher derivative with no significant digit ran on far past where a smooth
 * f's truncation meets rounding (settle-singular.ts): the noise check's step at the scale of
 * min(1, |x|), and at order DEEP_JUMP_ORDER also RAN_DOWN_DEPTH halvings below the first step (beside a
 * large term a jump's rows meet rounding sooner: tanh t + 0.049·huber at its threshold −43847, a term of
 * 5e7, gave f‴ = −771 ± 5130, ok, from steps of 2.4e-4, 512 times below the first at the scale of 1).
 *
 * @example
 * ```ts
 * // inside settle-singular.ts: result.step < ranDownStep(engine)
 * ```
 */
export function ranDownStep(engine: ScalarEngine): number {
  const order = engine.o.order;
  const check = noiseCheckStep(order, Math.min(1, engine.scales[0]));
  if (order !== DEEP_JUMP_ORDER) return check;
  return Math.max(check, (engine.scales[0] * INITIAL_STEP[order]) / 2 ** RAN_DOWN_DEPTH);
}

/**
 * Whether the central differences of order n at x, from the noise check's step h, grow like a lower
 * derivative's jump (growth.ts, jumpsTwice; at order DEEP_JUMP_ORDER from where they stand above
 * rounding, jumpsAboveRounding), or their changes do (changesJump, from order CHANGES_JUMP_ORDER).
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * const f = (t: number) => Math.cos(t) - 0.001 * Math.max(0, t + 1) ** 2;
 * runSync(lowerJumps(new Sampler(f), -1, 2 ** -12, 3)); // => true
 * ```
 */
export function* lowerJumps(sampler: Sampler, x: number, h: number, order: number): Pipeline<boolean> {
  const grows =
    order === DEEP_JUMP_ORDER
      ? yield* jumpsAboveRounding(sampler, x, h, order)
      : yield* jumpsTwice(sampler, x, h, order);
  return grows || (order >= CHANGES_JUMP_ORDER && (yield* changesJump(sampler, x, h, order)));
}

/**
 * The order whose "ok" results with no significant digit take {@link jumpsAboveRounding} (with the
 * changes) wherever their column ended (settle-singular.ts), not only where it ran down: 2. A Hessian's
 * diagonal is f″ along x_i of a sum whose other terms may be 1e5 to 1e15 times its own: its rows meet
 * rounding within a few halvings of the first step, and a C1 join 1e-8 from x (f″ jumping there) gave
 * −6.7e-6 ± 1.3e-5, ok, the two sides' mean, for −0.048; its differences grow like f′'s jump from the
 * steps where they stand above rounding.
 *
 * @default 2
 * @example
 * ```ts
 * VAGUE_JUMP_ORDER; // => 2
 * ```
 */
export const VAGUE_JUMP_ORDER = 2;

/**
 * Whether a result of order n (`result`: status, value, error) is an f″ of status "ok" with no
 * significant digit (|value| ≤ error) and not 0 (no growth gives 0): one for the check of
 * {@link VAGUE_JUMP_ORDER}.
 *
 * @example
 * ```ts
 * vagueSecond(2, { status: "ok", value: -6.7e-6, error: 1.3e-5 }); // => true
 * vagueSecond(2, { status: "ok", value: 0.5, error: 1e-9 }); // => false
 * vagueSecond(3, { status: "ok", value: -6.7e-6, error: 1.3e-5 }); // => false
 * ```
 */
export function vagueSecond(
  order: number,
  result: { status?: string; value: number; error: number },
): boolean {
  return (
    order === VAGUE_JUMP_ORDER &&
    result.status === "ok" &&
    result.value !== 0 &&
    !(result.error < Math.abs(result.value))
  );
}

/**
 * Whether the central differences of order n at x grow like a lower derivative's jump (growth.ts,
 * jumpsTwice, with its changes) from the first step of h/16 … 16³·h, h the noise check's step at the
 * scale of 1, where the difference stands above rounding (significantStep): for an f″ with no
 * significant digit ({@link vagueSecond}), whose column ended where rounding rules. Never from a
 * narrowest difference lost in rounding: an odd f's values at x = 0 are about h and their rounding
 * EPS·h, so its second differences' rounding grows like 1/h, as a jump's J/h does (sin at −6.3e-18
 * gave "discontinuous" from jumpsAboveRounding, which tries the noise check's step first).
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * const f = (t: number) => 237 + Math.atan(t) + 0.024 * (t - 1.7e-8) * Math.abs(t - 1.7e-8);
 * runSync(vagueJumps(new Sampler(f), 0, 2)); // => true
 * runSync(vagueJumps(new Sampler(Math.sin), -6.3e-18, 2)); // => false
 * ```
 */
export function* vagueJumps(sampler: Sampler, x: number, order: number): Pipeline<boolean> {
  const from = yield* significantStep(sampler, x, noiseCheckStep(order, 1) / GROWTH_SHRINK, order);
  return from > 0 && (yield* jumpsTwice(sampler, x, from * GROWTH_SHRINK, order, true));
}
