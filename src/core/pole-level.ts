/**
 * A noise "level" that is a pole beside x. The noise tables (noise-check.ts, probeNoise) read the
 * differences of a pole within their reach as noise: 1/(t − c)² with c 9.4e-5 from x gave a level of
 * 2.8e6 in values of 9.8e6, and the column run with it stopped at once, at steps of 0.125, with a
 * third derivative of −10 ± 1.8e10 (noise-limited) where it is 2.8e20. Noise that large is a sizeable
 * share of f's values; near a root of f, absolute noise is too, but there f is no larger at x than
 * at the column's first steps, while beside a pole it is far larger. Such a level is dropped: the
 * column runs on past the "noise" (settle-noise.ts) and resolves the pole from steps below its
 * distance (the case above: 2.8169397920e20 ± 1.4e12).
 */

import { stencilArrays } from "./base-stencil.js";
import type { Sampler } from "./sampler.js";
import type { ScalarEngine } from "./scalar-column.js";
import { initialStep, representableStep } from "./step.js";

/**
 * The largest noise level, relative to the largest |f| of its table, that counts as noise where f is
 * far larger at x than at the column's first points: 2⁻¹⁰ ≈ 1e-3, as for a Jacobian's rows
 * (row-noise.ts, ROW_NOISE_LARGEST). Noise that large leaves a first derivative 1e-2 relative at best
 * ((1e-3)^(2/3)); the poles the honesty scan read as noise gave levels of 25–30% of their tables' size.
 *
 * @default 0.0009765625
 * @example
 * ```ts
 * POLE_LEVEL_SHARE; // => 0.0009765625
 * ```
 */
export const POLE_LEVEL_SHARE = 2 ** -10;

/**
 * How many times the largest |f| at the points of a stencil farther from x than the noise table its
 * largest |f| must be for the table's level to be a pole's: 2¹⁰. A pole at distance d makes f near x
 * about (H/d)ᵏ times larger than at a distance H (k = 1 or 2): 1.2e4 to 1.5e9 in the honesty scan's
 * poles read as noise. Noise at a root of f leaves a table no larger than f farther out, but for
 * chance: with 16 here, absolute noise beside f ≈ 0 (1/(1 + t²) + 1.5e-9·noise at 61409) passed now
 * and then, when both values of a far stencil fell small; below 2⁻¹⁰ of the table's largest, both
 * fall about once in 10⁶.
 *
 * @default 1024
 * @example
 * ```ts
 * POLE_TABLE_GROWTH; // => 1024
 * ```
 */
export const POLE_TABLE_GROWTH = 1024;

/**
 * Whether a noise level read from a table whose largest |f| is `size` is a pole beside x rather than
 * noise (see the file comment): above POLE_LEVEL_SHARE of `size`, and `size` above POLE_TABLE_GROWTH
 * times the largest |f| at the points of one central stencil beyond the table's reach that the
 * pipeline evaluated before the tables, every point finite: the first row at a scale of x, the first
 * estimate's row, or the noise check's (the stencil where that is smallest: at a small x the first
 * scale's points lie beside the pole too, and at a domain edge the first row may have no finite
 * value; f known on one side alone may be beyond a jump beside x). Read from the sampler's cache: no
 * call; false where no such stencil is known (a one-sided method's columns).
 *
 * @example
 * ```ts
 * import { Sampler } from "./sampler.js";
 * const f = (t: number) => Math.atan(t) + 0.087 / ((t + 1.0000942) * (t + 1.0000942));
 * const sampler = new Sampler(f);
 * [-1.5, -1.25, -0.75, -0.5].forEach((t) => sampler.at(t)); // f‴'s first row at -1
 * poleLevel(sampler, -1, [0.25], 3, 2.8e6, { size: 9.8e6, reach: 1e-3 }); // => true
 * poleLevel(sampler, -1, [0.25], 3, 2.8e-6, { size: 9.8e6, reach: 1e-3 }); // => false (a small share of f)
 * ```
 */
export function poleLevel(
  sampler: Sampler,
  x: number,
  steps: readonly number[],
  order: number,
  level: number,
  table: { size?: number; reach?: number },
): boolean {
  const size = table.size ?? 0;
  const reach = table.reach ?? Infinity;
  if (!(level > POLE_LEVEL_SHARE * size)) return false;
  const offsets = stencilArrays("central", order).offsets;
  let far = Infinity;
  for (const step of steps) {
    const h = representableStep(x, step);
    // Only stencils beyond the table: f nearer x than the table may be smaller (a jump beside x).
    if (!(h >= reach)) continue;
    // Every point known and finite: f on one side alone may be beyond a jump beside x, not a pole.
    let row = 0;
    for (let q = 0; q < offsets.length && row >= 0; q++) {
      const v = Math.abs(sampler.known(x + offsets[q] * h));
      row = v < Infinity ? Math.max(row, v) : -1;
    }
    if (row >= 0 && row < far) far = row;
  }
  return size > POLE_TABLE_GROWTH * far;
}

/**
 * The steps of the central stencils {@link poleLevel} reads: each scale's first row (initialStep),
 * the first estimate's row (`estimate`: at a domain edge the first rows have no finite value, and the
 * column's retries do) and the noise check's (engine.checkStep, where it ran for this derivative).
 *
 * @example
 * ```ts
 * import { ScalarEngine } from "./scalar-column.js";
 * import { resolveOptions } from "./validate.js";
 * stencilSteps(new ScalarEngine().begin(5, resolveOptions(undefined, 5)), 0.01); // => [0.15625, 0.03125, 0.01]
 * ```
 */
export function stencilSteps(engine: ScalarEngine, estimate: number): number[] {
  const { x, o, scales } = engine;
  const reach = stencilArrays("central", o.order).reach;
  const steps = scales.map((s) => initialStep(s, o.order, x, reach));
  steps.push(estimate);
  // (Only where the check ran for this derivative: the engine keeps its last step between calls.)
  if (!Number.isNaN(engine.checkD)) steps.push(engine.checkStep);
  return steps;
}
