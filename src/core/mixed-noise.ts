/**
 * Noise in a mixed partial. The mixed columns (mixed-partial.ts) run on past noise in f, as the
 * Jacobian's do, but nothing measured it afterwards: a noisy f gave −3.5e26 with no error estimate, or
 * 2.5e17 ± 1.1e17 for a truth of 0, status "ok" (honesty scan, Hessians of sums with absolute noise of
 * 1e-14…1e-6). When a mixed entry's columns end without an error estimate, or with their noise flag
 * set and no significant digit, f's noise level near (x_i, x_j) is measured by two of Moré and Wild's difference tables
 * (noise.ts) along the stencil's own direction (s_i, s_j), at the spacing where the noise showed over 16
 * and 16 times closer, and the columns run again with that level in their rounding model: each value
 * of g(c) = f(x + c·u) − f(x + c·v) holds two values of f, so 2·NOISE_COVERAGE·σ bounds its noise. The
 * rerun stops descending where the noise rules, and its error holds the noise's share at its step.
 */

import { COLUMN_FLAG } from "./column-state.js";
import { NOISE_COVERAGE } from "./constants.js";
import { NOISE_POINTS, noiseFromTable } from "./noise.js";
import { representableStep } from "./step.js";

/**
 * How much closer the second table is than the first, and the first than the step where the column
 * saw the noise: 16, as derivative()'s noise tables (noise-check.ts). Noise does not depend on the
 * spacing; a smooth part that the wide table did not resolve shrinks like a power of it.
 *
 * @default 16
 * @example
 * ```ts
 * MIXED_TABLE_SHRINK; // => 16
 * ```
 */
export const MIXED_TABLE_SHRINK = 16;

/**
 * The two tables' levels must agree within this factor to count as noise (row-noise.ts takes the same
 * 8: noise does not depend on the spacing, a smooth part shrinks by 16 or more per table).
 *
 * @default 8
 * @example
 * ```ts
 * MIXED_TABLE_AGREEMENT; // => 8
 * ```
 */
export const MIXED_TABLE_AGREEMENT = 8;

/**
 * Points of the two tables (the centre, f(x), shared): 2·NOISE_POINTS − 1.
 *
 * @default 17
 * @example
 * ```ts
 * MIXED_NOISE_POINTS; // => 17
 * ```
 */
export const MIXED_NOISE_POINTS = 2 * NOISE_POINTS - 1;

/**
 * What the noise stage reads of a mixed entry's columns (mixed-partial.ts, mixedColumns): the
 * estimate, its column flags (COLUMN_FLAG), the first scale's step where noise showed (NaN if none) and
 * its first step with finite values.
 *
 * @example
 * ```ts
 * const r: MixedColumnsSeen = { value: 1, error: NaN, flags: 0, noisyStep: NaN, reached: 0.25 };
 * ```
 */
export interface MixedColumnsSeen {
  value: number;
  error: number;
  flags: number;
  noisyStep: number;
  reached: number;
}

/**
 * The common step factor c of the wide table's spacing when a mixed entry's columns call for the noise
 * tables (no error estimate for a finite value, or their noise flag set and no significant digit), else
 * NaN: the step where the columns saw noise over MIXED_TABLE_SHRINK, or (no noise seen) their first
 * finite step over it. A noise flag beside a good estimate stands: a smooth f that varies fast (sin(x₀x₁)
 * at x₁ = −1619, period 0.004 along x₀) flags it where its columns run on to converge, and its tables
 * read the oscillation as noise (80765.5 ± 0.93 became 7.9e-5 ± 6e-4 with them).
 *
 * @example
 * ```ts
 * mixedNoiseSpacing({ value: 1, error: NaN, flags: 0, noisyStep: NaN, reached: 0.25 }); // => 0.015625
 * mixedNoiseSpacing({ value: 1, error: 1e-12, flags: 0, noisyStep: NaN, reached: 0.25 }); // => NaN
 * mixedNoiseSpacing({ value: 1, error: 3, flags: 4, noisyStep: 0.5, reached: 0.25 }); // => 0.03125
 * ```
 */
export function mixedNoiseSpacing(r: MixedColumnsSeen): number {
  const unsettled = Number.isNaN(r.error) && Number.isFinite(r.value);
  const noisy = (r.flags & COLUMN_FLAG.noisy) !== 0 && !(r.error < Math.abs(r.value));
  if (!unsettled && !noisy) return NaN;
  return (noisy && r.noisyStep > 0 ? r.noisyStep : r.reached) / MIXED_TABLE_SHRINK;
}

/**
 * The tables' points, [x_i values, x_j values]: the wide table at x + k·δ·(s_i, s_j), k = −4 … 4, then
 * the narrow one at δ/16 without its centre (δ = c, made representable beside each coordinate).
 *
 * @example
 * ```ts
 * const [a] = mixedNoisePoints(0, 0, 1, 1, 1);
 * Array.from(a.subarray(0, 9)); // => [-4, -3, -2, -1, 0, 1, 2, 3, 4]
 * ```
 */
export function mixedNoisePoints(
  xi: number,
  xj: number,
  si: number,
  sj: number,
  c: number,
): [Float64Array, Float64Array] {
  const a = new Float64Array(MIXED_NOISE_POINTS);
  const b = new Float64Array(MIXED_NOISE_POINTS);
  const half = (NOISE_POINTS - 1) / 2;
  let q = 0;
  for (const spacing of [c, c / MIXED_TABLE_SHRINK]) {
    const di = representableStep(xi, si * spacing);
    const dj = representableStep(xj, sj * spacing);
    for (let k = -half; k <= half; k++) {
      if (q >= NOISE_POINTS && k === 0) continue;
      a[q] = xi + k * di;
      b[q] = xj + k * dj;
      q++;
    }
  }
  return [a, b];
}

/**
 * f's noise level σ from the tables' values (in {@link mixedNoisePoints}' order), or NaN: both tables
 * give a level within MIXED_TABLE_AGREEMENT of each other (the larger is taken), or one gives a level
 * where the other is below f's resolution (narrow) or ruled by the smooth part (wide); none when a
 * value is not finite (a point outside the bounds or the domain). A table whose
 * second differences are one spike at x (a kink or a jump there, noise.ts's `localised`) gives none.
 *
 * @example
 * ```ts
 * const v = Float64Array.from({ length: 17 }, (_, q) => 1 + 1e-10 * Math.sin(1000 * q));
 * mixedNoiseLevel(v) > 0; // => true
 * mixedNoiseLevel(new Float64Array(17).fill(1)); // => NaN
 * ```
 */
export function mixedNoiseLevel(values: Float64Array): number {
  for (const v of values) if (!Number.isFinite(v)) return NaN;
  const wide = noiseFromTable(values.subarray(0, NOISE_POINTS));
  const narrow = noiseFromTable(narrowTable(values));
  if (wide.localised === true || narrow.localised === true) return NaN;
  if (wide.verdict === "ok" && narrow.verdict === "ok") {
    const hi = Math.max(wide.level, narrow.level);
    return hi <= MIXED_TABLE_AGREEMENT * Math.min(wide.level, narrow.level) ? hi : NaN;
  }
  if (wide.verdict === "ok" && narrow.verdict === "too-small") return wide.level;
  if (narrow.verdict === "ok" && wide.verdict === "too-large") return narrow.level;
  return NaN;
}

/** The narrow table's values, its centre from the wide one. */
function narrowTable(values: Float64Array): Float64Array {
  const half = (NOISE_POINTS - 1) / 2;
  const t = new Float64Array(NOISE_POINTS);
  for (let k = 0; k < NOISE_POINTS; k++) {
    t[k] = k === half ? values[half] : values[NOISE_POINTS + (k < half ? k : k - 1)];
  }
  return t;
}

/**
 * The noise bound of one value of g(c) = f(x + c·u) − f(x + c·v) from the tables' values: 2·NOISE_COVERAGE·σ
 * for f's level σ ({@link mixedNoiseLevel}), 0 when the tables give none.
 *
 * @example
 * ```ts
 * mixedNoiseBound(new Float64Array(17).fill(1)); // => 0
 * ```
 */
export function mixedNoiseBound(values: Float64Array): number {
  return noiseBoundOf(mixedNoiseLevel(values));
}

/**
 * The noise bound of one value of g(c) = f(x + c·u) − f(x + c·v) for f's noise level σ: 2·NOISE_COVERAGE·σ
 * (each value of g holds two values of f), 0 for a level that is not positive (none found).
 *
 * @example
 * ```ts
 * noiseBoundOf(1e-10); // => 6e-10
 * noiseBoundOf(NaN); // => 0
 * ```
 */
export function noiseBoundOf(level: number): number {
  return level > 0 ? 2 * NOISE_COVERAGE * level : 0;
}
