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
 * shorter than the first check's and at the engine's jump resolution (`jumpHolds`, 6 calls, at the start of settle), where the slope's
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
 * How many times the rounding of a check's difference, F_ROUNDING·EPS·Σ|w·f| (2 to 4 of f's last bits
 * over a central pair), its jump part must be for the checks to show a jump: every part at least this
 * far above rounding, with the same sign, and within one rounding of each other. A smooth f's part is
 * f's rounding, at most half a last bit of the pair (correctly rounded values; its slope's share is
 * taken out, and shrinks with the step where a jump's does not); a jump of J gives J/2: J of 13 last
 * bits of f beside 1.1e12 is 1.7 roundings.
 *
 * @default 1
 * @example
 * ```ts
 * CHECK_JUMP_SIGNAL; // => 1
 * ```
 */
export const CHECK_JUMP_SIGNAL = 1;

/**
 * How close the jump parts of two steps must be, as a share of the first, beside being within one
 * rounding: a jump's parts are equal (to the slope's share, far smaller), while an error e in the
 * slope taken out gives parts e·h that halve with the step (a gap of 1/2 of the part), and noise parts
 * that land anywhere. A smooth f at a C1 join 1.9e-6 beside x, its estimate 7e-10 off, had parts
 * 3.3e-16 and 1.7e-16 at the checks against a rounding of 2.2e-16.
 *
 * @default 1/4
 * @example
 * ```ts
 * CHECK_JUMP_AGREEMENT; // => 0.25
 * ```
 */
export const CHECK_JUMP_AGREEMENT = 1 / 4;

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
  // (An error e in `value` gives parts e·h₁ and e·h₂ = half of it: a gap of half the part, never
  // within CHECK_JUMP_AGREEMENT of it.)
  const gap = Math.abs(j1 - j2);
  return (
    j1 * j2 > 0 &&
    gap <= r &&
    gap <= CHECK_JUMP_AGREEMENT * Math.abs(j1) &&
    Math.abs(j1) >= CHECK_JUMP_SIGNAL * r
  );
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
 * check's step, its values known), at CHECK_JUMP_STEPS of it and at `finest` (JUMP_RESOLUTION of the
 * scale, the engine's limit for telling a jump at x from one beside it: a jump farther from x than
 * that leaves the pair there), is the same at every step within its rounding (and CHECK_JUMP_AGREEMENT
 * of the first) and at least CHECK_JUMP_SIGNAL times that rounding plus a measured noise `level` (0:
 * none), with one sign, and no value is float32: f jumps by twice that at x (see the file comment).
 * Noise of that level would scatter the parts by about the level; a jump's are equal to the last bit.
 * 6 calls; false at any value that is not finite.
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * const f = (t: number) => Math.atan(t) - 2.07e-5 * (t >= 0 ? 1 : 0) + 5071504857.111481;
 * runSync(jumpHolds(new Sampler(f), 0, 4.76837158203125e-7, 0.9992, 2 ** -40)); // => true
 * const g = (t: number) => Math.atan(t) + 5071504857.111481;
 * runSync(jumpHolds(new Sampler(g), 0, 4.76837158203125e-7, 1, 2 ** -40)); // => false
 * const near = (t: number) => Math.atan(t) - 2.07e-5 * (t >= 1e-10 ? 1 : 0) + 5071504857.111481;
 * runSync(jumpHolds(new Sampler(near), 0, 4.76837158203125e-7, 0.9992, 2 ** -40)); // => false (1e-10 beside x)
 * ```
 */
export function* jumpHolds(
  sampler: Sampler,
  x: number,
  h1: number,
  value: number,
  finest: number,
  level = 0,
): Pipeline<boolean> {
  let first = NaN;
  const n = CHECK_JUMP_STEPS.length;
  for (let k = 0; k <= n + 1; k++) {
    const step = k === 0 ? h1 : k <= n ? h1 * CHECK_JUMP_STEPS[k - 1] : finest;
    const h = k === 0 ? h1 : representableStep(x, step);
    if (!(h > 0)) return false;
    const pair = yield* centralStencil(sampler, x, h, 1);
    if (pair === null || float32Result(pair.values[0]) || float32Result(pair.values[1])) return false;
    const part = pair.sum - value * h;
    const r = stencilRounding(pair.size, 1);
    if (!(Math.abs(part) >= CHECK_JUMP_SIGNAL * (r + level))) return false;
    if (k === 0) first = part;
    else if (!(
      part * first > 0 && Math.abs(part - first) <= Math.min(r, CHECK_JUMP_AGREEMENT * Math.abs(first))
    ))
      return false;
  }
  return true;
}
