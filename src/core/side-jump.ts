/**
 * Whether f jumps at x on one side: the test a one-sided derivative's pipeline asks before it claims a
 * value (other-side.ts), since at every order a one-sided derivative exists only where f is continuous
 * on its side.
 */

import {
  EPS,
  F_ROUNDING,
  GROWTH_SHRINK,
  JUMP_ROWS,
  JUMP_TOLERANCE,
  KINK_SIGNAL,
  NOISE_COVERAGE,
} from "./constants.js";
import { bounded, type Pipeline, type Sampler } from "./sampler.js";
import type { ScalarEngine } from "./scalar-column.js";
import { representableStep } from "./step.js";
import { lastBitExponent, NO_GRID } from "./value-grid.js";
import type { StencilKind } from "./types.js";

/**
 * The widest step of {@link jumpsOnSide}, relative to the scale of x: 2^-36, so that its JUMP_ROWS
 * steps, each GROWTH_SHRINK times the next, end at 2^-48 (16 units in the last place of x where the
 * scale is |x|). A jump J beside a slope f′ shows only at steps below J/(32·|f′|): 1.2e-6 beside
 * f′ = 0.3 at x = −7019.6 needs steps below 1.2e-7 = 2^-36·|x|; JUMP_RESOLUTION·16³ missed it.
 *
 * @default 2^-36
 * @example
 * ```ts
 * SIDE_JUMP_STEP; // 1.4551915228366852e-11
 * ```
 */
export const SIDE_JUMP_STEP = 2 ** -36;

/**
 * Whether f jumps at x on the side of `kind`: f(x ± h) − f(x) stays put (within JUMP_TOLERANCE, with
 * its sign) over JUMP_ROWS steps h from SIDE_JUMP_STEP of the scale, each GROWTH_SHRINK times the
 * next, and stands KINK_SIGNAL times above f's rounding there; or its jump part (see
 * {@link jumpPart}) does so from the second step on, KINK_SIGNAL times above the noise's bound
 * (NOISE_COVERAGE times the level `noise`) as well. Where f is continuous these differences shrink
 * with h (16 times per step where f′ ≠ 0); noise makes them scatter. At every order a one-sided
 * derivative exists only where f is continuous on its side (sin t + 2.2e-6·sign t backward at 0: f(x)
 * is the middle value, and every difference grows like 2.2e-6/hⁿ). False where the budget has no
 * room for its points.
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * import { Sampler } from "./sampler.js";
 * import { runSync } from "./column-steps.js";
 * import { ScalarEngine } from "./scalar-column.js";
 * const engine = new ScalarEngine().begin(0, resolveOptions({ method: "backward" }, 0));
 * const f = (t: number) => Math.sin(t) + 2.2e-6 * Math.sign(t);
 * runSync(jumpsOnSide(engine, new Sampler(f), "backward")); // => true
 * runSync(jumpsOnSide(engine, new Sampler(Math.sin), "backward")); // => false
 * ```
 */
export function jumpsOnSide(
  engine: ScalarEngine,
  sampler: Sampler,
  kind: StencilKind,
  noise = 0,
): Pipeline<boolean> {
  return bounded(jumpTest(engine, sampler, kind, noise), () => false);
}

/**
 * The jump part of d = f(x + s) − f(x) beside the first row's d₀ = f(x + s₀) − f(x): d less the
 * slope's share v·s, with v = (d₀ − d)/(s₀ − s) read from the two rows. Where f jumps by J at x on
 * that side, d = J + f′·s + O(s²) and the part is J + O(s₀·s), which stays put as s shrinks; where f
 * is continuous the part is O(s₀·s) and shrinks with s. The differences themselves keep the slope's
 * share f′·s, which hides a jump below 32·|f′|·s from the first rows (sin t + 1.2e-5·sign(t − c)
 * backward at c = −37988.45, the first step 5.5e-7: the differences changed by 4% per row, the parts
 * by 0.01%).
 *
 * @example
 * ```ts
 * // f = 1e-6·[t > 0] + 0.5·t at x = 0, rows at 1e-6 and 1e-7:
 * jumpPart(1.5e-6, 1e-6, 1.05e-6, 1e-7); // ≈ 1e-6
 * ```
 */
export function jumpPart(d0: number, s0: number, d: number, s: number): number {
  return d - ((d0 - d) / (s0 - s)) * s;
}

/** {@link jumpsOnSide} without its budget's fallback. */
function* jumpTest(
  engine: ScalarEngine,
  sampler: Sampler,
  kind: StencilKind,
  noise: number,
): Pipeline<boolean> {
  const { x } = engine;
  const scale = engine.scales[0];
  const fx = yield* sampler.one(x);
  const sign = kind === "forward" ? 1 : -1;
  let h = SIDE_JUMP_STEP * scale;
  let d0 = NaN;
  let s0 = NaN;
  let previous = NaN;
  let previousPart = NaN;
  // Whether the differences (plain) and their jump parts (part) have stayed put so far and stand out
  // (the smallest of each against the largest floor: each test, once failed, stays failed, and the
  // loop ends when both have: a smooth f's parts are below the floor at once, 2 calls).
  let plain = true;
  let part = true;
  let plainLeast = Infinity;
  let partLeast = Infinity;
  let rounding = 0;
  let finest = NO_GRID;
  for (let i = 0; i < JUMP_ROWS && (plain || part); i++, h /= GROWTH_SHRINK) {
    const s = representableStep(x, sign * h);
    if (s === 0) return false;
    const jump = (yield* sampler.one(x + s)) - fx;
    rounding = Math.max(rounding, F_ROUNDING * EPS * (Math.abs(fx + jump) + Math.abs(fx)));
    finest = Math.min(finest, lastBitExponent(jump));
    // f's values lie on a grid no finer than the differences' finest last bit: a residual g − c
    // carries g's rounding, far above its own (value-grid.ts), and its differences, whole grid steps,
    // can repeat at every step (log t − 2.6 at 13.4, forward: parts of −0.06 of a grid step at each).
    const floor = Math.max(rounding, finest === NO_GRID ? 0 : 2 ** finest);
    plainLeast = Math.min(plainLeast, Math.abs(jump));
    plain &&= (i === 0 || steady(jump, previous)) && standsOut(plainLeast, floor);
    previous = jump;
    if (i === 0) {
      // A first difference within f's rounding shows no jump (one would stand out there too, but for
      // the slope's share cancelling it at that one step): one call, as a smooth f near a flat point.
      if (!plain) return false;
      d0 = jump;
      s0 = s;
      continue;
    }
    const p = jumpPart(d0, s0, jump, s);
    partLeast = Math.min(partLeast, Math.abs(p));
    // The parts, differences of three values, stand above the noise too: a noise level's values can
    // repeat at close points (cos t + 1.4e-12·noise at 10603.7: parts 1.92e-12, 1.92e-12, 1.88e-12).
    const noiseFloor = Math.max(floor, NOISE_COVERAGE * noise);
    part &&= (i === 1 || steady(p, previousPart)) && standsOut(partLeast, noiseFloor);
    previousPart = p;
  }
  return plain || part;
}

/** Whether a jump stands KINK_SIGNAL times above the rounding of the values it was read from. */
function standsOut(jump: number, rounding: number): boolean {
  return Math.abs(jump) > KINK_SIGNAL * rounding;
}

/** Whether a jump read at one step stays put at the next (within JUMP_TOLERANCE of itself). */
function steady(now: number, before: number): boolean {
  return Math.abs(now - before) <= JUMP_TOLERANCE * Math.abs(now);
}
