/**
 * The grid of a float32 f's differences, which can be far coarser than its values' own: a float32 term
 * A cancelled by a larger part B moves f = f32(A + B) by whole float32 steps of A, not of f
 * (f32(f32(atan(f32 t)) + atan(51393.8)) at −6647.95 is 1.3e-4, whose float32 step is 1.5e-11, but
 * its values beside x differ from f(x) by multiples of atan's step 2⁻²³ = 1.2e-7: the noise stage read
 * the values' grid and gave 0 ± 2.8e-9 where f′ = 2.26e-8). The differences of two float32 numbers
 * within a factor 2 of each other are exact in double, so their last bits show that grid.
 */

import { significantBits } from "./noise.js";
import { FLOAT32_UNIT_ROUNDOFF } from "./float32.js";

/**
 * The finest last-bit weight among the nonzero differences v − fx of `values` in fx's binade (the same
 * sign and power of two: there a float32 sum rounds alike at points whose terms differ by whole steps
 * of the term's grid, and the difference is exact; a value of another binade rounds on another grid),
 * all of them float32 numbers; 0 where there is none or a value is no float32 number.
 *
 * @example
 * ```ts
 * differenceGrid(Float64Array.of(1.5, 1.25, 1, 0.75), 1); // => 0.25 (differences 0.5 and 0.25; 0.75 lies below 1's binade)
 * differenceGrid(Float64Array.of(1.1, 1.25), 1); // => 0 (1.1 is no float32 number)
 * ```
 */
export function differenceGrid(values: Float64Array, fx: number): number {
  if (!(fx !== 0) || !Number.isFinite(fx) || Math.fround(fx) !== fx) return 0;
  let grid = Infinity;
  const low = binade(fx);
  const high = 2 * low;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (Math.fround(v) !== v) return 0;
    const d = v - fx;
    const a = Math.abs(v);
    if (d === 0 || a < low || a >= high || v > 0 !== fx > 0) continue;
    const last = 2 ** (Math.floor(Math.log2(Math.abs(d))) - significantBits(d) + 1);
    if (last < grid) grid = last;
  }
  return grid < Infinity ? grid : 0;
}

/**
 * How many times the values' own float32 step (2⁻²³·|F_k(x)| at most) a grid read from two
 * differences must be to count as a cancelled term's ({@link termGrid}): a float32 result's last bits
 * are a rounding's, so both differences end 2 bits above its step by chance 1 time in 16, 4 bits 1 in
 * 256.
 *
 * @default 4
 * @example
 * ```ts
 * TERM_GRID_EXCESS; // => 4
 * ```
 */
export const TERM_GRID_EXCESS = 4;

/**
 * The grid of a float32 F_k's two values beside x (`below`, `above`: its column's first row) as
 * {@link differenceGrid} reads it, where it is at least TERM_GRID_EXCESS times F_k(x)'s own float32
 * step (2·FLOAT32_UNIT_ROUNDOFF·|F_k(x)|); else 0. f32(f32(cos t) + atan(y)) at t = −0.00237 is
 * −0.0122, whose float32 step is 9.3e-10, and moves by multiples of cos's 6e-8 near 1.
 *
 * @example
 * ```ts
 * termGrid(-0.0122 + 2 ** -24, -0.0122 - 2 * 2 ** -24, -0.0122); // => 0 (−0.0122 is no float32 number)
 * const c = Math.fround(-0.0122);
 * termGrid(c + 2 ** -24, c - 3 * 2 ** -24, c); // => 2 ** -24
 * ```
 */
export function termGrid(below: number, above: number, centre: number): number {
  GRID_PAIR[0] = below;
  GRID_PAIR[1] = above;
  const grid = differenceGrid(GRID_PAIR, centre);
  return grid >= TERM_GRID_EXCESS * 2 * FLOAT32_UNIT_ROUNDOFF * Math.abs(centre) ? grid : 0;
}

/** The two values termGrid reads (no array per call). */
const GRID_PAIR = new Float64Array(2);

/** 2^e where 2^e ≤ |v| < 2^(e+1), for a finite nonzero v. */
function binade(v: number): number {
  const a = Math.abs(v);
  const p = 2 ** Math.floor(Math.log2(a));
  return p > a ? p / 2 : 2 * p <= a ? 2 * p : p;
}
