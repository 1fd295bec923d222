/**
 * The noise level at the column's stencil, where the noise tables measured it nearer x: noise that
 * scales with |f| (relative noise, the commonest kind: floating-point error grows with the values)
 * is larger where f is, and at a root of f the tables' values are far smaller than the stencil's.
 * tanh t·(1 + 1.9e-8·noise) at 0 read a level of 4.4e-12 from tables within 0.004 of x, while f‴'s
 * stencil at steps of 0.03 reaches values 16 times larger: −1.99998 ± 2.0e-6, noise-limited, for a
 * truth of −2 (off by 1.5e-5).
 */

import { stencilArrays } from "./base-stencil.js";
import type { Sampler } from "./sampler.js";
import { representableStep } from "./step.js";
import type { StencilKind } from "./types.js";

/**
 * The level `level`, measured by a table whose largest |f| was `size`, at the stencil of kind `kind`
 * and order n with step h: level·M/size where M, the largest |f| at the stencil's points, exceeds
 * size by more than LEVEL_REACH_GROWTH; `level` otherwise, or where a point is unknown (no call is
 * made: the values are the sampler's) or not finite.
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * const s = new Sampler(Math.sin);
 * for (const t of [-0.5, -0.25, 0.25, 0.5]) runSync(s.one(t));
 * levelAtStencil(s, 0, "central", 3, 0.25, 1e-12, 0.01); // ≈ 4.8e-11 (|sin 0.5| / 0.01 times)
 * ```
 */
export function levelAtStencil(
  sampler: Sampler,
  x: number,
  kind: StencilKind,
  order: number,
  h: number,
  level: number,
  size: number,
): number {
  if (!(level > 0 && size > 0)) return level;
  const most = largestAtStencil(sampler, x, kind, order, h);
  return most > LEVEL_REACH_GROWTH * size ? (level * most) / size : level;
}

/**
 * The largest |f| at the points of the base stencil of kind `kind` and order n with step h beside x
 * (representable, as the column's and the noise check's points are), from the sampler's values (no
 * call is made); NaN where a point is unknown or not finite.
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * const s = new Sampler(Math.sin);
 * for (const t of [-0.5, -0.25, 0.25, 0.5]) runSync(s.one(t));
 * largestAtStencil(s, 0, "central", 3, 0.25); // ≈ 0.479 (|sin 0.5|)
 * ```
 */
export function largestAtStencil(
  sampler: Sampler,
  x: number,
  kind: StencilKind,
  order: number,
  h: number,
): number {
  const { offsets } = stencilArrays(kind, order);
  const s = representableStep(x, h);
  let most = 0;
  for (let q = 0; q < offsets.length; q++) {
    const v = Math.abs(sampler.known(x + offsets[q] * s));
    if (!(v < Infinity)) return NaN;
    most = Math.max(most, v);
  }
  return most;
}

/**
 * How much larger than the table's largest |f| the stencil's must be for {@link levelAtStencil} to
 * scale the level: 2, so that f varying over the stencil as it did over the table (away from a root)
 * keeps the level measured.
 * @default 2
 * @example
 * ```ts
 * LEVEL_REACH_GROWTH; // => 2
 * ```
 */
export const LEVEL_REACH_GROWTH = 2;
