/**
 * The grid of a float32 f's differences, which can be far coarser than its values' own: a float32 term
 * A cancelled by a larger part B moves f = f32(A + B) by whole float32 steps of A, not of f
 * (f32(f32(atan(f32 t)) + atan(51393.8)) at −6647.95 is 1.3e-4, whose float32 step is 1.5e-11, but
 * its values beside x differ from f(x) by multiples of atan's step 2⁻²³ = 1.2e-7: the noise stage read
 * the values' grid and gave 0 ± 2.8e-9 where f′ = 2.26e-8). The differences of two float32 numbers
 * within a factor 2 of each other are exact in double, so their last bits show that grid.
 */

import { significantBits } from "./noise.js";

/**
 * The finest last-bit weight among the nonzero differences v − fx of `values` that are smaller than
 * |fx| (a value within a factor 2 of f(x), whose difference is exact and says nothing of a larger
 * value's coarser grid), all of them float32 numbers; 0 where there is none or a value is no float32
 * number.
 *
 * @example
 * ```ts
 * differenceGrid(Float64Array.of(1.5, 1.25, 1), 1); // => 0.25 (differences 0.5 and 0.25)
 * differenceGrid(Float64Array.of(1.1, 1.25), 1); // => 0 (1.1 is no float32 number)
 * ```
 */
export function differenceGrid(values: Float64Array, fx: number): number {
  if (!(fx !== 0) || !Number.isFinite(fx) || Math.fround(fx) !== fx) return 0;
  let grid = Infinity;
  const size = Math.abs(fx);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (Math.fround(v) !== v) return 0;
    const d = v - fx;
    if (d === 0 || !(Math.abs(d) < size)) continue;
    const last = 2 ** (Math.floor(Math.log2(Math.abs(d))) - significantBits(d) + 1);
    if (last < grid) grid = last;
  }
  return grid < Infinity ? grid : 0;
}
