/**
 * A noise "level" that is a pole beside x (f‴ of atan t − 0.087/(t − c)² at −1, c 9.4e-5 away: a level
 * of 2.8e6 in values of 9.8e6, then −10 ± 1.8e10 where f‴ = 2.8e20): a large share of f's values where f
 * near x dwarfs f farther out. It is dropped and the column runs on past it (settle-noise.ts).
 * docs/engine.md, "Poles beside x".
 */

import { stencilArrays } from "./base-stencil.js";
import type { Sampler } from "./sampler.js";
import type { ScalarEngine } from "./scalar-column.js";
import { initialStep, representableStep } from "./step.js";

/**
 * The largest noise level, relative to the largest |f| of its table, that counts as noise where f is
 * far larger near x than farther out: 2⁻¹⁰, as row-noise.ts's ROW_NOISE_LARGEST (noise that large
 * leaves f′ 1e-2 relative at best). The scan's poles read as noise gave 25–30%.
 *
 * @default 0.0009765625
 * @example
 * ```ts
 * POLE_LEVEL_SHARE; // => 0.0009765625
 * ```
 */
export const POLE_LEVEL_SHARE = 2 ** -10;

/**
 * How many times |f| at a stencil beyond the noise table the table's largest |f| must be for its level
 * to be a pole's: 2¹⁰. A pole at distance d makes f near x about (H/d)ᵏ times f at a distance H (1.2e4
 * to 1.5e9 in the scan's poles); noise at a root of f passes only when both values of a far stencil
 * fall below 2⁻¹⁰ of the table's largest by chance, about once in 10⁶ (with 16, now and then).
 *
 * @default 1024
 * @example
 * ```ts
 * POLE_TABLE_GROWTH; // => 1024
 * ```
 */
export const POLE_TABLE_GROWTH = 1024;

/**
 * Whether a noise level read from a table whose largest |f| is `size` is a pole beside x: above
 * POLE_LEVEL_SHARE of `size`, with `size` above POLE_TABLE_GROWTH times |f| at a central stencil
 * beyond the table's reach (one of `steps`). No call: the sampler's cache.
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
  // The stencils: a scale's first row, the first estimate's row, the noise check's; the one where |f|
  // is smallest counts (at a small x the first scale's points lie beside the pole too; at a domain edge
  // the first row may have no finite value). Every point known and finite: f known on one side alone
  // may be beyond a jump beside x. None known (a one-sided method's columns): false.
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
