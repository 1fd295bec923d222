/**
 * Where a jump that the detectors confirmed at x (jump-at-x.ts, check-jump.ts: down to JUMP_RESOLUTION
 * of the scale) actually lies. Those tests cannot tell a jump at x from one within 2⁻⁴⁰ of the scale
 * beside it, but f's values can: with the jump at c on one side of x, f(x) and every double between x
 * and c lie on x's own branch, and f is differentiable at x with the slope of the side that settled
 * quietly (atan t − 6.3e-6·H(t − c) at −20.555415, c 1.98e-12 above x: "discontinuous", where f′ =
 * 0.0023611352278). Bisecting the doubles between x and the jump test's narrowest step finds the two
 * neighbours the jump falls between; where the nearer one is not x itself, the jump is beside x.
 */

import { EPS, F_ROUNDING, JUMP_RESOLUTION } from "./constants.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { representableStep } from "./step.js";

/**
 * How many times a jump's part at the narrowest step, |f(t) − f(x) − v·(t − x)|, must exceed its
 * rounding (F_ROUNDING·EPS·(|f(t)| + |f(x)|) plus the slope's error over t − x) before its place is
 * sought: 8, so that the rounding moves the classification of a point by 1/8 of the part at most.
 *
 * @default 8
 * @example
 * ```ts
 * JUMP_BESIDE_SIGNAL; // => 8
 * ```
 */
export const JUMP_BESIDE_SIGNAL = 8;

/**
 * The share of the jump's part at the narrowest step within which a point counts as on x's branch
 * (at most this share) or across the jump (at least 1 − this share) once the bisection ends on two
 * neighbouring doubles: 1/4. A kink beside x, whose part grows continuously, has both neighbours near
 * the half, and fails; a jump's part steps from about 0 to about J between them.
 *
 * @default 0.25
 * @example
 * ```ts
 * JUMP_BESIDE_SHARE; // => 0.25
 * ```
 */
export const JUMP_BESIDE_SHARE = 0.25;

/**
 * The most halvings the search makes: 64 (about 13 from 2⁻⁴⁰ of the scale to the last bit of an x
 * of that scale; a tiny x beside a unit scale needs more, and the jump then stays at x).
 *
 * @default 64
 * @example
 * ```ts
 * JUMP_BESIDE_HALVINGS; // => 64
 * ```
 */
export const JUMP_BESIDE_HALVINGS = 64;

/**
 * Whether the jump that f shows on the side `dir` (+1: above x, −1: below) at JUMP_RESOLUTION·scale lies
 * beside x, not at it: f(x) continues the other side's branch, of slope `slope` ± `slopeError`, up to
 * at least the next double, and the jump falls between two neighbouring doubles farther out (see the
 * file comment). About 13 calls of f for an x of the scale's size.
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * const c = 3.3 + 2e-12;
 * const f = (t: number) => Math.atan(t) + (t >= c ? 1e-3 : 0);
 * runSync(jumpBesideX(new Sampler(f), 3.3, 1, 1 / (1 + 3.3 ** 2), 1e-12, 3.3)); // => true
 * const g = (t: number) => Math.atan(t) + (t > 3.3 ? 1e-3 : 0);
 * runSync(jumpBesideX(new Sampler(g), 3.3, 1, 1 / (1 + 3.3 ** 2), 1e-12, 3.3)); // => false
 * ```
 */
export function* jumpBesideX(
  sampler: Sampler,
  x: number,
  dir: 1 | -1,
  slope: number,
  slopeError: number,
  scale: number,
): Pipeline<boolean> {
  const fx = yield* sampler.one(x);
  const hi0 = x + dir * representableStep(x, JUMP_RESOLUTION * scale);
  const part = (t: number, ft: number): number => ft - fx - slope * (t - x);
  const jump = part(hi0, yield* sampler.one(hi0));
  const rounding = F_ROUNDING * EPS * 2 * Math.abs(fx) + slopeError * Math.abs(hi0 - x);
  if (!(Math.abs(jump) > JUMP_BESIDE_SIGNAL * rounding)) return false;
  let lo = x;
  let hi = hi0;
  let partHi = jump;
  for (let i = 0; i < JUMP_BESIDE_HALVINGS; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid === lo || mid === hi) {
      // Neighbours: the jump falls between lo and hi; beside x where lo is not x itself.
      const across = Math.abs(partHi) >= (1 - JUMP_BESIDE_SHARE) * Math.abs(jump);
      return lo !== x && across;
    }
    const p = part(mid, yield* sampler.one(mid));
    if (!Number.isFinite(p)) return false;
    if (Math.abs(p) <= JUMP_BESIDE_SHARE * Math.abs(jump)) lo = mid;
    else if (Math.abs(p) >= (1 - JUMP_BESIDE_SHARE) * Math.abs(jump)) {
      hi = mid;
      partHi = p;
    } else return false; // a part between: a kink or a slope beside x, no jump
  }
  return false;
}
