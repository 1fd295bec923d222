/**
 * The noise level of f from a difference table of values at equally spaced points (J. J. Moré and
 * S. M. Wild, "Estimating computational noise", SIAM J. Sci. Comput. 33(3) (2011) 1292–1314).
 *
 * If f(t) = s(t) + ε(t) with s smooth and ε noise of standard deviation σ, the k-th forward differences
 * of the values are dominated, for small spacing, by those of the noise, whose mean square is
 * C(2k, k)·σ² for independent noise. So σ_k = sqrt(γ_k · mean((Δᵏf)²)) with γ_k = (k!)²/(2k)! estimates σ
 * for every k at which the noise dominates. The level is taken where three successive σ_k agree within
 * a factor NOISE_AGREEMENT and the k-th differences change sign (noise alternates; a smooth part does
 * not). Too few distinct values, or second differences mostly exactly 0, mean the spacing is below
 * f's resolution (float32, a quantised result); no sign changes at all means it is so large that the
 * smooth part dominates.
 */

import { EPS, F_ROUNDING, NOISE_FLOOR } from "./constants.js";

/**
 * Points of the noise table: 9, so differences up to order 8 (Moré and Wild use 7 to 9 points).
 *
 * @default 9
 * @example
 * ```ts
 * NOISE_POINTS; // 9
 * ```
 */
export const NOISE_POINTS = 9;

/**
 * Highest difference order examined: with 9 points, order 6 still has 3 differences to average.
 *
 * @default 6
 * @example
 * ```ts
 * NOISE_MAX_ORDER; // 6
 * ```
 */
export const NOISE_MAX_ORDER = 6;

/**
 * Three successive σ_k within this factor of each other are taken to measure the same noise
 * (Moré and Wild 2011, §4: a factor of 4).
 *
 * @default 4
 * @example
 * ```ts
 * NOISE_AGREEMENT; // 4
 * ```
 */
export const NOISE_AGREEMENT = 4;

/**
 * What a noise table says: the level σ when `verdict` is "ok"; "too-small" when the spacing is below
 * f's resolution (too few distinct values), "too-large" when the smooth part dominates every order.
 *
 * @example
 * ```ts
 * const e: NoiseEstimate = { level: 1e-12, verdict: "ok", largest: 2e-12 };
 * ```
 */
export interface NoiseEstimate {
  level: number;
  verdict: "ok" | "too-small" | "too-large";
  /** The largest σ_k over orders 2 to NOISE_MAX_ORDER (0 when too small): how much high-order wiggle there is. */
  largest: number;
  /** Whether the second differences are one spike at x (see localised): a jump or a kink there. */
  localised?: boolean;
  /** σ_k at k = NOISE_MAX_ORDER, where noise outlasts a smooth part the longest (absent when too small). */
  top?: number;
}

/**
 * Whether the table's second differences are mostly exactly 0 and the others above double rounding
 * (NOISE_FLOOR·F_ROUNDING·EPS of the values): values that step evenly on a grid of their own (a float32 f, a quantised result, between the steps of its grid), with a difference of one
 * grid step here and there. Such a table is below f's resolution like one of too few distinct values:
 * its rare non-zero differences neither change sign nor agree across orders as noise does, so read as
 * it is it would say "no noise" (Moré and Wild's test assumes noise that differs at every point).
 * Noise, or rounding of a double f at a spacing where it shows, leaves few exact zeros.
 */
function quantised(values: Float64Array): boolean {
  let zeros = 0;
  let largest = 0;
  let slope = 0;
  let size = 0;
  for (let i = 0; i + 2 < values.length; i++) {
    const d2 = Math.abs(values[i + 2] - 2 * values[i + 1] + values[i]);
    if (d2 === 0) zeros++;
    largest = Math.max(largest, d2);
    slope = Math.max(slope, Math.abs(values[i + 1] - values[i]), Math.abs(values[i + 2] - values[i + 1]));
    size = Math.max(size, Math.abs(values[i]), Math.abs(values[i + 1]), Math.abs(values[i + 2]));
  }
  // A kink in the table (|x − c|, ReLU near c) also leaves mostly zeros, but its one change of slope
  // is as large as the slopes, where a grid's steps are a small share of them.
  if (!(zeros > (values.length - 2) / 2) || largest > QUANTUM_SHARE * slope) return false;
  // The steps must be coarser than double rounding, or the values on a coarse grid: a linear f (a piece
  // of a kink) has exact zeros too.
  return (
    largest > NOISE_FLOOR * F_ROUNDING * EPS * size || values.every((v) => significantBits(v) <= COARSE_BITS)
  );
}

/**
 * Whether the table's second differences are one spike at x on a smooth trend: the two largest
 * deviations from their median lie about the middle of the table (x and the points beside it), side by
 * side or flanking x, and hold at least LOCALISED_SHARE of all the deviations. A jump inside the table
 * makes two neighbouring second differences of ±J (two flanking x of ±J/2 when f(x) is the middle
 * value, as sign(t) at 0), a kink one; Moré and Wild's test
 * may take either for noise (a step's differences change sign and do not depend on the spacing), but
 * noise spreads over every difference. (A float32 f's rounding may look so in one table by chance;
 * probeNoise asks it of two tables.)
 */
function localised(values: Float64Array): boolean {
  const len = values.length - 2;
  const d = new Float64Array(len);
  for (let i = 0; i < len; i++) d[i] = values[i + 2] - 2 * values[i + 1] + values[i];
  const sorted = d.slice().sort();
  const median = 0.5 * (sorted[(len - 1) >> 1] + sorted[len >> 1]);
  let total = 0;
  let first = -1;
  let second = -1;
  let third = -1;
  for (let i = 0; i < len; i++) {
    d[i] = Math.abs(d[i] - median);
    total += d[i];
    if (first < 0 || d[i] > d[first]) {
      third = second;
      second = first;
      first = i;
    } else if (second < 0 || d[i] > d[second]) {
      third = second;
      second = i;
    } else if (third < 0 || d[i] > d[third]) third = i;
  }
  // At x, the table's centre: the second differences about its middle point (x ± one spacing).
  const centre = (len - 1) / 2;
  const central = Math.abs(first - centre) <= 1 && Math.abs(second - centre) <= 1;
  // Side by side (a step: f(x) on one side), or flanking x (a jump through a middle value, sign(t) at 0:
  // second differences +J/2 and −J/2 at x ∓ δ, 0 at x).
  const paired = Math.abs(first - second) <= 2;
  if (total > 0 && central && paired && d[first] + d[second] >= LOCALISED_SHARE * total) return true;
  // One value out of line at x (−J, 2J, −J about the middle): a pole or a spike closer to x than the spacing.
  const outlier = first === centre && Math.abs(second - centre) === 1 && Math.abs(third - centre) === 1;
  return total > 0 && outlier && d[first] + d[second] + d[third] >= LOCALISED_SHARE * total;
}

/**
 * The share of all deviations of the second differences from their median that the two largest, side
 * by side, must hold for the table to be a jump or a kink rather than noise ({@link noiseFromTable}).
 * Of 7 second differences of independent noise the two largest hold about half, and are neighbours at
 * the middle only by chance; a jump or a kink at x puts nearly all of it there.
 * @default 0.9
 * @example
 * ```ts
 * LOCALISED_SHARE; // 0.9
 * ```
 */
export const LOCALISED_SHARE = 0.9;

/**
 * The largest second difference of a quantised table, as a share of its largest first difference: a
 * grid's steps are a few of its units where the values move by many (float32 at a spacing of 100 ulps
 * moves by 100 ulps per point, its second differences by 1), while a kink changes the slope by as
 * much as the slope.
 * @default 0.25
 * @example
 * ```ts
 * QUANTUM_SHARE; // 0.25
 * ```
 */
export const QUANTUM_SHARE = 0.25;

/**
 * Values with at most this many significant bits lie on a grid far coarser than double's 53: a float32
 * result (24 bits), or a quantised one.
 * @default 32
 * @example
 * ```ts
 * COARSE_BITS; // 32
 * ```
 */
export const COARSE_BITS = 32;

/**
 * The step of the grid that every value lies on, when each has at most COARSE_BITS significant bits (a
 * float32 f: 2⁻²⁴ for values in [0.5, 1)): the finest last-bit weight among them. NaN for values of
 * double precision, or none finite and nonzero. A table below such a grid's resolution ("too-small")
 * still tells f's noise: its values are rounded to this step.
 *
 * @example
 * ```ts
 * gridStep(Float64Array.of(Math.fround(0.7), Math.fround(0.71))); // => 2 ** -24
 * gridStep(Float64Array.of(0.7, 0.71)); // => NaN
 * ```
 */
export function gridStep(values: Float64Array): number {
  let step = Infinity;
  for (const v of values) {
    if (v === 0) continue;
    const bits = significantBits(v);
    if (bits === 0 || bits > COARSE_BITS) return NaN;
    step = Math.min(step, 2 ** (Math.floor(Math.log2(Math.abs(v))) - bits + 1));
  }
  return step < Infinity ? step : NaN;
}

/**
 * f's grid as a table's values show it: the finest last-bit weight among those with GRID_MIN_BITS or
 * more, when GRID_EXCESS times above double rounding of the largest, else 0 (a float32 f, or small
 * values on the grid of their parts: cos t − c).
 *
 * @example
 * ```ts
 * valueResolution(Float64Array.of(Math.fround(0.7), Math.fround(0.71))); // => 2 ** -24
 * valueResolution(Float64Array.of(0.7, 0.71)); // => 0
 * ```
 */
export function valueResolution(values: Float64Array): number {
  let step = Infinity;
  let largest = 0;
  for (const v of values) {
    if (v === 0 || !Number.isFinite(v)) continue;
    largest = Math.max(largest, Math.abs(v));
    // A round value (−1 from a saturated tanh, 0.5) tells nothing of the grid it lies on.
    const bits = significantBits(v);
    if (bits >= GRID_MIN_BITS) step = Math.min(step, 2 ** (Math.floor(Math.log2(Math.abs(v))) - bits + 1));
  }
  return step < Infinity && step > GRID_EXCESS * EPS * largest ? step : 0;
}

/**
 * Values with fewer bits are round (−1, 0.75): any grid holds them.
 * @default 12
 * @example
 * ```ts
 * GRID_MIN_BITS; // 12
 * ```
 */
export const GRID_MIN_BITS = 12;

/**
 * How many ulps above double rounding a grid must be: 9 values all ending on 2⁴ ulps by chance is 2⁻³⁶.
 * @default 16
 * @example
 * ```ts
 * GRID_EXCESS; // 16
 * ```
 */
export const GRID_EXCESS = 16;

/**
 * The significant bits of v (0 for 0 and non-finite v): 1 for powers of two, 24 at most for float32.
 *
 * @example
 * ```ts
 * significantBits(0.75); // => 2
 * significantBits(Math.fround(0.1)); // => 24
 * ```
 */
export function significantBits(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return 0;
  let m = Math.abs(v) / 2 ** Math.floor(Math.log2(Math.abs(v)));
  let bits = 1;
  while (m !== Math.floor(m) && bits < 64) {
    m *= 2;
    bits++;
  }
  return bits;
}

/** γ_k = (k!)² / (2k)!. */
function gamma(k: number): number {
  let g = 1;
  for (let i = 1; i <= k; i++) g *= i / (k + i);
  return g;
}

/**
 * The noise level from values at equally spaced points (see the file comment).
 *
 * @example
 * ```ts
 * // 1 + 1e-10·sin(1000 i): values that wiggle like noise of σ ≈ 7e-11
 * noiseFromTable(Float64Array.from({ length: 9 }, (_, i) => 1 + 1e-10 * Math.sin(1000 * i))).level; // ≈ 4.7e-11
 * noiseFromTable(new Float64Array(9).fill(1)).verdict; // "too-small"
 * ```
 */
export function noiseFromTable(values: Float64Array): NoiseEstimate {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  let distinct = 1;
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  if (distinct <= n / 2) return { level: NaN, verdict: "too-small", largest: 0 };
  const diff = Float64Array.from(values);
  if (quantised(diff)) return { level: NaN, verdict: "too-small", largest: 0 };
  const sigma = new Float64Array(NOISE_MAX_ORDER + 1);
  const signChange = new Uint8Array(NOISE_MAX_ORDER + 1);
  for (let k = 1; k <= NOISE_MAX_ORDER; k++) {
    const len = n - k;
    let sq = 0;
    let pos = false;
    let neg = false;
    for (let i = 0; i < len; i++) {
      diff[i] = diff[i + 1] - diff[i];
      sq += diff[i] * diff[i];
      if (diff[i] > 0) pos = true;
      else if (diff[i] < 0) neg = true;
    }
    sigma[k] = Math.sqrt((gamma(k) * sq) / len);
    signChange[k] = pos && neg ? 1 : 0;
  }
  let largest = 0;
  for (let k = 2; k <= NOISE_MAX_ORDER; k++) largest = Math.max(largest, sigma[k]);
  for (let k = 1; k + 2 <= NOISE_MAX_ORDER; k++) {
    const lo = Math.min(sigma[k], sigma[k + 1], sigma[k + 2]);
    const hi = Math.max(sigma[k], sigma[k + 1], sigma[k + 2]);
    if (signChange[k] === 1 && lo > 0 && hi <= NOISE_AGREEMENT * lo) {
      return {
        level: sigma[k],
        verdict: "ok",
        largest,
        localised: localised(values),
        top: sigma[NOISE_MAX_ORDER],
      };
    }
  }
  const top = sigma[NOISE_MAX_ORDER];
  return { level: NaN, verdict: "too-large", largest, localised: localised(values), top };
}
