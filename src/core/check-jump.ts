/**
 * A jump of f at x read from the two noise checks of a first derivative (noise-check.ts: the central
 * stencil at the check step h₁ and again at h₂ = h₁/2). Where f jumps by J at x, the check's
 * difference less the slope's share is the same at both steps, (D − f′)·h = J/2, whatever h; where f
 * is smooth it is f's rounding at both, and where f is noisy it is two draws of the noise. Beside a
 * gradient's other terms (|f| of 1e9 and more) a jump of some tens of f's last bits reads as a gap the
 * checks scale the error by, not as noise: atan t − 2.07e-5·H(t) at 0 beside 5.1e9 gave 0.99924 ±
 * 0.012, ok, its checks showing f(x − h) − f(x + h) = 2.003e-5 at both steps (21 of f's last bits).
 * Noise can match at two steps by chance (about one draw in eight for noise of some tens of last
 * bits), so the estimate is marked noisy and the part is measured at two more steps, 4 and 16 times
 * shorter than the first check's (`jumpHolds`, 4 calls, at the start of settle), where the slope's
 * share shrinks further and the jump's does not: the same J/2 at all four is a jump at x,
 * "discontinuous" (jump-at-x.ts, jumpResult); otherwise the noise stage goes on as it did. (The
 * tables' own jump test, changesJumpInF, needs the changes 64 times above rounding: a jump of tens of
 * last bits never gets there.) Not where f's values are float32: one quantum crossed at x is constant
 * over every step below it too.
 */

import { centralStencil, stencilRounding } from "./growth.js";
import { float32Result } from "./float32.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { representableStep } from "./step.js";

/**
 * How many times the rounding of a check's difference, F_ROUNDING·EPS·Σ|w·f| (about 2 of f's last bits
 * over a central pair), its jump part must be for the checks to show a jump: every part at least this
 * far above rounding, with the same sign, and within one rounding of each other. A smooth f's part is
 * f's rounding, at most about one last bit (its slope's share is taken out, and shrinks with the step
 * where a jump's does not); a jump of J gives J/2: J of 16 last bits of f is about 3.4 roundings.
 *
 * @default 2
 * @example
 * ```ts
 * CHECK_JUMP_SIGNAL; // => 2
 * ```
 */
export const CHECK_JUMP_SIGNAL = 2;

/**
 * Whether the first-derivative checks at h₁ (value d₁, rounding r₁ of d₁) and h₂ (value d₂) show a jump
 * of f at x beside the estimate `value` (see the file comment and CHECK_JUMP_SIGNAL).
 *
 * @example
 * ```ts
 * // f(x − h) − f(x + h) = 2.003e-5 at both steps, f′ ≈ 1, rounding of a difference 2.3e-6
 * const [h1, h2] = [4.77e-7, 2.38e-7];
 * jumpAtChecks(1 - 1.0015e-5 / h1, h1, 1 - 1.0015e-5 / h2, h2, 1, 2.3e-6 / h1); // => true
 * jumpAtChecks(1 + 1e-6 / h1, h1, 1 - 1e-6 / h2, h2, 1, 2.3e-6 / h1); // => false (within rounding)
 * ```
 */
export function jumpAtChecks(
  d1: number,
  h1: number,
  d2: number,
  h2: number,
  value: number,
  r1: number,
): boolean {
  const j1 = (d1 - value) * h1;
  const j2 = (d2 - value) * h2;
  const r = r1 * h1;
  return j1 * j2 > 0 && Math.abs(j1 - j2) <= r && Math.abs(j1) >= CHECK_JUMP_SIGNAL * r;
}

/**
 * The steps, as shares of the first noise check's, at which {@link jumpHolds} measures the pair's part
 * again: 4 and 16 times shorter, where a smooth f's slope share is smaller still and a jump's part the
 * same.
 *
 * @default [1/4, 1/16]
 * @example
 * ```ts
 * CHECK_JUMP_STEPS; // => [0.25, 0.0625]
 * ```
 */
export const CHECK_JUMP_STEPS: readonly number[] = Object.freeze([1 / 4, 1 / 16]);

/**
 * Whether the central pair's part (f(x + h) − f(x − h))/2 − value·h, measured at h₁ (the first noise
 * check's step, its values known) and at CHECK_JUMP_STEPS of it, is the same at all three within each
 * one's rounding and at least CHECK_JUMP_SIGNAL roundings, with one sign, and no value is float32: f
 * jumps by twice that at x (see the file comment). 4 calls; false at any value that is not finite.
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * const f = (t: number) => Math.atan(t) - 2.07e-5 * (t >= 0 ? 1 : 0) + 5071504857.111481;
 * runSync(jumpHolds(new Sampler(f), 0, 4.76837158203125e-7, 0.9992)); // => true
 * const g = (t: number) => Math.atan(t) + 5071504857.111481;
 * runSync(jumpHolds(new Sampler(g), 0, 4.76837158203125e-7, 1)); // => false
 * ```
 */
export function* jumpHolds(sampler: Sampler, x: number, h1: number, value: number): Pipeline<boolean> {
  let first = NaN;
  for (let k = 0; k <= CHECK_JUMP_STEPS.length; k++) {
    const h = k === 0 ? h1 : representableStep(x, h1 * CHECK_JUMP_STEPS[k - 1]);
    if (!(h > 0)) return false;
    const pair = yield* centralStencil(sampler, x, h, 1);
    if (pair === null || float32Result(pair.values[0]) || float32Result(pair.values[1])) return false;
    const part = pair.sum - value * h;
    const r = stencilRounding(pair.size, 1);
    if (!(Math.abs(part) >= CHECK_JUMP_SIGNAL * r)) return false;
    if (k === 0) first = part;
    else if (!(part * first > 0 && Math.abs(part - first) <= r)) return false;
  }
  return true;
}
