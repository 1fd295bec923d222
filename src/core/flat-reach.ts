/**
 * A first derivative of exactly 0 from a stencil whose values are all exactly 0, like f(x): f did not
 * move at all over the column's steps. Equal values bound f's change by its resolution, and the
 * rounding model, which reads the values' sizes, knows none there: the resolution is the grid of f's
 * intermediate values, not of its output. log(1 + eᵗ) at −40 is exactly 0 over ±2.5 (1 + eᵗ rounds to
 * 1) and gave 0 ± 3.2e-322, ok, where f′ = 4.2e-18. Steps FLAT_REACH_FACTOR times longer, up to
 * FLAT_REACH_WIDENINGS times, find a step where f moves (f(−35) = 6.7e-16); FLAT_REACH_HALVINGS
 * geometric halvings between it and the step before narrow that down to the first step H where f
 * moves, by Δ. A slope s hidden below that resolution moved f by less than Δ at the step just below H
 * (within 4^(1/64) of it): s < Δ/H to within that ratio, and FLAT_REACH_MARGIN·Δ/H bounds the error.
 * Only where that move is a grid's step (f takes the same value a little farther out: FLAT_STAIR_RATIO);
 * where it grows there, f left a flat piece (max(0, t) at −1), and where f moves nowhere within the
 * reach (f ≡ 0), the result stands as before.
 */

import type { Pipeline, Sampler } from "./sampler.js";
import { representableStep } from "./step.js";

/**
 * The factor between the steps of {@link flatReach}'s first search: 4.
 *
 * @default 4
 * @example
 * ```ts
 * FLAT_REACH_FACTOR; // => 4
 * ```
 */
export const FLAT_REACH_FACTOR = 4;

/**
 * How many times {@link flatReach} lengthens the step: 5, to 4⁵ = 1024 times twice the column's step
 * (2 calls each; f ≡ 0 pays 10).
 *
 * @default 5
 * @example
 * ```ts
 * FLAT_REACH_WIDENINGS; // => 5
 * ```
 */
export const FLAT_REACH_WIDENINGS = 5;

/**
 * How many geometric halvings of [H/4, H] {@link flatReach} makes once f moved at H: 6, leaving the
 * first step that moves f within 4^(1/64) ≈ 1.02 of the last that did not (2 calls each).
 *
 * @default 6
 * @example
 * ```ts
 * FLAT_REACH_HALVINGS; // => 6
 * ```
 */
export const FLAT_REACH_HALVINGS = 6;

/**
 * The error of a flat 0 over Δ/H, the first move over its step: 2, for the 1.02 between the steps that
 * did and did not move f, and a resolution that a slope may reach by up to a rounding more than Δ.
 *
 * @default 2
 * @example
 * ```ts
 * FLAT_REACH_MARGIN; // => 2
 * ```
 */
export const FLAT_REACH_MARGIN = 2;

/**
 * How far beyond the first step that moves f {@link flatReach} looks for the same move again (a grid's
 * step) rather than a larger one (f leaving a flat piece): 1 + 2⁻²⁰. A grid's step of log(1 + eᵗ) spans
 * about 1 in t, so a point 2⁻²⁰ of the step beyond stays on it unless the step lies that close to its
 * edge; a relu 1 from x moves by 1e-6 there, some 1e10 of its value's last bits.
 *
 * @default 1.00000095367431640625
 * @example
 * ```ts
 * FLAT_STAIR_RATIO; // => 1.0000009536743164
 * ```
 */
export const FLAT_STAIR_RATIO = 1 + 2 ** -20;

/**
 * Whether f(x ± step), the estimate's stencil (read from the cache), and then f(x) are all exactly 0
 * (one call at most: f(x), only where the stencil's are).
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * const s = new Sampler(() => 0);
 * for (const t of [0, 0.5, 1.5]) s.at(t);
 * runSync(flatZeroStencil(s, 1, 0.5)); // => true
 * ```
 */
export function* flatZeroStencil(sampler: Sampler, x: number, step: number): Pipeline<boolean> {
  const h = representableStep(x, step);
  // (f(x) last, and only then: a 0 by symmetry, cos′ at 0, pays no call.)
  if (sampler.known(x + h) !== 0 || sampler.known(x - h) !== 0) return false;
  return (yield* sampler.one(x)) === 0;
}

/** The larger |f(x ± h)| (f(x) = 0), NaN where either is not finite. */
function* moveAt(sampler: Sampler, x: number, h: number): Pipeline<number> {
  const up = yield* sampler.one(x + h);
  const down = yield* sampler.one(x - h);
  return Number.isFinite(up) && Number.isFinite(down) ? Math.max(Math.abs(up), Math.abs(down)) : NaN;
}

/**
 * The error of a flat 0 at `step` (see the file comment), FLAT_REACH_MARGIN·Δ/H, with the move Δ as
 * f's resolution; null where f moves nowhere within the reach or is not finite there first.
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * const softplus = (t: number) => Math.log(1 + Math.exp(t));
 * runSync(flatReach(new Sampler(softplus), -40, 0.625))?.move; // => 2.2204460492503128e-16 (1 + 2⁻⁵²'s log)
 * runSync(flatReach(new Sampler(() => 0), 1, 1e-3)); // => null
 * ```
 */
export function* flatReach(
  sampler: Sampler,
  x: number,
  step: number,
): Pipeline<{ error: number; move: number } | null> {
  let lo = 2 * step;
  let hi = NaN;
  let move = 0;
  for (let k = 0; k < FLAT_REACH_WIDENINGS && !(move > 0); k++) {
    const h = representableStep(x, lo * FLAT_REACH_FACTOR);
    if (!(h > 0) || !Number.isFinite(h)) return null;
    move = yield* moveAt(sampler, x, h);
    if (!Number.isFinite(move)) return null;
    if (move > 0) hi = h;
    else lo = h;
  }
  if (!(move > 0)) return null;
  for (let i = 0; i < FLAT_REACH_HALVINGS; i++) {
    const h = representableStep(x, Math.sqrt(lo * hi));
    if (!(h > lo && h < hi)) break;
    const m = yield* moveAt(sampler, x, h);
    if (!Number.isFinite(m)) break;
    if (m > 0) {
      hi = h;
      move = m;
    } else lo = h;
  }
  // Below resolution, f's first move is one step of its intermediates' grid, and stays that step a
  // little farther out; a move that grows there is f leaving a flat piece (a relu's kink), and the 0
  // stands (max(0, t) at −1: 0 ± 3.2e-322).
  // (A point that rounds back onto x + H, within x's last bits, tells nothing: no stair then.)
  const far = representableStep(x, hi * FLAT_STAIR_RATIO);
  if (!(far > hi)) return null;
  const beyond = yield* moveAt(sampler, x, far);
  return beyond === move ? { error: (FLAT_REACH_MARGIN * move) / hi, move } : null;
}
