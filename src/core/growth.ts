/**
 * Whether an unconfirmed first derivative is infinite: the difference quotient at x keeps growing as
 * its step shrinks (√x at 0 grows like h^(-1/2)), where a finite derivative's quotient changes by its
 * truncation error only.
 */

import { GROWTH_FACTOR, GROWTH_SHRINK } from "./constants.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { representableStep } from "./step.js";
import type { StencilKind } from "./types.js";

/**
 * The plain first difference of kind `kind` at x with step h (forward, backward or central).
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * runSync(quotient(new Sampler(Math.sqrt), 0, "forward", 0.25)); // => 2
 * ```
 */
export function* quotient(sampler: Sampler, x: number, kind: StencilKind, h: number): Pipeline<number> {
  const s = representableStep(x, h);
  const hi = kind === "backward" ? yield* sampler.one(x) : yield* sampler.one(x + s);
  const lo = kind === "forward" ? yield* sampler.one(x) : yield* sampler.one(x - s);
  return (hi - lo) / (kind === "central" ? 2 * s : s);
}

/**
 * Whether the first difference at x grows more than GROWTH_FACTOR times, with its sign kept, when its
 * step shrinks GROWTH_SHRINK times down to h: a derivative that is infinite at x.
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * runSync(growsWithoutBound(new Sampler(Math.sqrt), 0, "forward", 1e-20)); // => true
 * runSync(growsWithoutBound(new Sampler((t) => t), 1e308, "backward", 1e300)); // => false
 * ```
 */
export function* growsWithoutBound(
  sampler: Sampler,
  x: number,
  kind: StencilKind,
  h: number,
): Pipeline<boolean> {
  if (!(h > 0)) return false;
  // h is the last step the column took, often near the smallest representable one: compare it with a
  // wider step rather than a narrower one.
  const wide = yield* quotient(sampler, x, kind, h * GROWTH_SHRINK);
  const narrow = yield* quotient(sampler, x, kind, h);
  return (
    Number.isFinite(wide) &&
    Number.isFinite(narrow) &&
    wide !== 0 &&
    Math.sign(narrow) === Math.sign(wide) &&
    Math.abs(narrow) > GROWTH_FACTOR * Math.abs(wide)
  );
}
