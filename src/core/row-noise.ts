/**
 * The noise of each row of a large F, measured once per Jacobian before its columns (docs/engine.md,
 * "A Jacobian column"). A row's noise (a simulation's tolerance, hash noise, or the rounding of terms
 * far larger than F_k itself: atan(x₀) + atan(x₁) near x₀ = −x₁ at |x| ≈ 500 carries EPS·π/2 in values
 * of 3e-4) is there whichever coordinate is varied, but a column sees it only where its own rows
 * happen to show it: ∂F_4/∂x_1 of tanh(x₀)·(1 + 4.4e-11·noise) + atan(x₁) came out 0.978473 ± 4.4e-14,
 * status ok, 2e-10 off, where its column's rows lay on a line by chance.
 *
 * So F is evaluated at the NOISE_POINTS points x + s·d, s = −4 … 4 (x itself is F(x), known), along
 * the direction d_j = ROW_NOISE_SPACING·max(|x_j|, 1) that moves every coordinate at once, and at the
 * points 1/NOISE_PROBE_SPLIT as far apart; each row's values make two difference tables (Moré and
 * Wild, noise.ts). Noise does not depend on the spacing; a smooth part not yet resolved shrinks like a
 * power of it, and a feature close to x (a pole, a kink) leaves the narrow table; a kink or a jump at x
 * is one spike in both ("localised": no level). A row's level (see `combined`) must pass ROW_NOISE_FLOOR
 * times double rounding. Its columns then carry it in their rounding model (NOISE_COVERAGE·σ per
 * value, as derivative() with a known `noise`): they stop descending where it rules, and the error of
 * every entry of the row holds its share at the entry's step; an entry computed again by derivative()'s
 * pipeline (jacobian-recheck.ts) is held to that share too.
 *
 * The cost is 2·(NOISE_POINTS − 1) = 16 calls of F per Jacobian (one call each of a batched F); none
 * for a given `noise` (then every row's level is that one, or that share of |F_k(x)| with
 * `{ relative }`).
 */

import { EPS, F_ROUNDING, NOISE_PROBE_SPLIT } from "./constants.js";
import { noiseFromTable, NOISE_POINTS, type NoiseEstimate } from "./noise.js";
import type { Pipeline, PointRequest } from "./sampler.js";
import type { ResolvedMultivariate } from "./vector.js";

/**
 * The spacing of a row's noise table, relative to max(|x_j|, 1) in each coordinate: the step of
 * derivative()'s noise check for f′ (noise-check.ts, noiseCheckStep: EPS^(1/3)/16 as a power of two),
 * where a central difference's truncation is far below its rounding, so a smooth F's high differences
 * are at its rounding and noise above it shows. 2⁻²¹ ≈ 4.8e-7.
 *
 * @default 4.76837158203125e-7
 * @example
 * ```ts
 * ROW_NOISE_SPACING; // => 4.76837158203125e-7
 * ```
 */
export const ROW_NOISE_SPACING = 2 ** -21;

/**
 * A row's level counts only above this many times double rounding, F_ROUNDING·EPS·max|F_k| over the
 * table: the columns' rounding model assumes that much for every value already, and a smooth row
 * rounded correctly (σ ≈ 0.3 ulp) stays below it, so such a row keeps its bits.
 *
 * @default 1
 * @example
 * ```ts
 * ROW_NOISE_FLOOR; // => 1
 * ```
 */
export const ROW_NOISE_FLOOR = 1;

/**
 * How far apart the levels of the two tables (spacings 16 apart) may be and still be the same noise:
 * between Moré and Wild's factor of 4 (NOISE_AGREEMENT), which the scatter of two 9-point estimates
 * exceeds now and then, and the factor of 16 by which a kink at x scales its table's differences.
 *
 * @default 8
 * @example
 * ```ts
 * ROW_NOISE_AGREEMENT; // => 8
 * ```
 */
export const ROW_NOISE_AGREEMENT = 8;

/** The middle point of a table: x itself. */
const MIDDLE = (NOISE_POINTS - 1) / 2;

/**
 * The direction of the tables: d_j = ROW_NOISE_SPACING·max(|x_j|, 1), or 0 where x_j is not finite or
 * the table would leave [lo_j, hi_j]; null when every d_j is 0 (no table).
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * const x = Float64Array.of(2, 0.5);
 * rowNoiseDirection(x, resolveMultivariate(undefined, x)); // => Float64Array [9.5367431640625e-7, 4.76837158203125e-7]
 * ```
 */
export function rowNoiseDirection(x0: Float64Array, o: ResolvedMultivariate): Float64Array | null {
  const d = new Float64Array(x0.length);
  let any = false;
  for (let j = 0; j < x0.length; j++) {
    const x = x0[j];
    const dj = ROW_NOISE_SPACING * Math.max(Math.abs(x), 1);
    const reach = MIDDLE * dj;
    if (Number.isFinite(x) && x - reach >= o.lo[j] && x + reach <= o.hi[j] && Number.isFinite(x + reach)) {
      d[j] = dj;
      any = true;
    }
  }
  return any ? d : null;
}

/**
 * Writes the table point x0 + s·d into out[at..] (s: a request's point).
 *
 * @example
 * ```ts
 * const out = new Float64Array(2);
 * writeTablePoint(Float64Array.of(1, 2), Float64Array.of(0.5, 0), -2, out, 0);
 * out; // => Float64Array [0, 2]
 * ```
 */
export function writeTablePoint(
  x0: Float64Array,
  d: Float64Array,
  s: number,
  out: Float64Array,
  at: number,
): void {
  for (let j = 0; j < x0.length; j++) out[at + j] = x0[j] + s * d[j];
}

/**
 * Each row's noise level (see the file comment) as a pipeline: one request of the NOISE_POINTS − 1
 * points of the wide table (each point s stands for x + s·d, see {@link writeTablePoint}), a second
 * for the narrow one. Returns the levels (σ of F_k's values, 0: none measured), or null when no row
 * has one. With a given `noise`, no request: that level for every row.
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * import { PointRequest } from "./sampler.js";
 * const x = Float64Array.of(1);
 * const o = resolveMultivariate({ noise: 1e-9 }, x);
 * rowNoise(Float64Array.of(2, 3), o, null, new PointRequest()).next().value; // => Float64Array [1e-9, 1e-9] (given: no table)
 * ```
 */
export function* rowNoise(
  centre: Float64Array,
  o: ResolvedMultivariate,
  d: Float64Array | null,
  request: PointRequest,
): Pipeline<Float64Array | null> {
  const m = centre.length;
  const given = o.engine.noise;
  if (given !== undefined) return givenLevels(centre, given);
  if (d === null) return null;
  const wide = yield* table(request, m, 1);
  const narrow = yield* table(request, m, 1 / NOISE_PROBE_SPLIT);
  const levels = new Float64Array(m);
  let any = false;
  for (let k = 0; k < m; k++) {
    levels[k] = combined(rowTable(wide, centre, k, m), rowTable(narrow, centre, k, m));
    if (levels[k] > 0) any = true;
  }
  return any ? levels : null;
}

/** The level of every row from a given `noise` (absolute, or `{ relative }` of |F_k(x)|). */
function givenLevels(centre: Float64Array, given: number | { relative: number }): Float64Array | null {
  const levels = new Float64Array(centre.length);
  let any = false;
  for (let k = 0; k < centre.length; k++) {
    const level = typeof given === "number" ? given : given.relative * Math.abs(centre[k]);
    levels[k] = Number.isFinite(level) ? level : 0;
    if (levels[k] > 0) any = true;
  }
  return any ? levels : null;
}

/** F at the table's points but x, spaced `scale` times d; its values (m per point) copied out. */
function* table(request: PointRequest, m: number, scale: number): Pipeline<Float64Array> {
  request.reserve(NOISE_POINTS - 1, m);
  let q = 0;
  for (let i = 0; i < NOISE_POINTS; i++) if (i !== MIDDLE) request.points[q++] = (i - MIDDLE) * scale;
  request.count = q;
  request.evaluated = q;
  request.prefix = false;
  yield request;
  return request.values.slice(0, q * m);
}

/** A row's table as noiseFromTable reads it, and the floor its level must pass (ROW_NOISE_FLOOR). */
interface RowTable {
  e: NoiseEstimate;
  floor: number;
}

/** Row k's table (F_k(x) in the middle), null where a value is not finite. */
function rowTable(values: Float64Array, centre: Float64Array, k: number, m: number): RowTable | null {
  const v = new Float64Array(NOISE_POINTS);
  let size = 0;
  for (let i = 0, q = 0; i < NOISE_POINTS; i++) {
    const f = i === MIDDLE ? centre[k] : values[q++ * m + k];
    if (!Number.isFinite(f)) return null;
    v[i] = f;
    size = Math.max(size, Math.abs(f));
  }
  return { e: noiseFromTable(v), floor: ROW_NOISE_FLOOR * F_ROUNDING * EPS * size };
}

/**
 * The row's level from its two tables (see the file comment), 0 for none: the wide table's level where
 * the narrow one agrees within ROW_NOISE_AGREEMENT (the larger of the two) or is below F's
 * resolution; else the narrow table's, where the wide one wiggles at least as much but found no level
 * above the floor itself (the rounding of a row nearly linear at a spacing can fall on a line there:
 * exp(t) − 0.98 at t = −0.0197 spaced 2⁻²¹ gave 7e-23, spaced 2⁻²⁵ 2.5e-17, its rounding).
 */
function combined(wideTable: RowTable | null, narrowTable: RowTable | null): number {
  if (wideTable === null || narrowTable === null) return 0;
  const wide = wideTable.e;
  const narrow = narrowTable.e;
  if (wide.localised === true || narrow.localised === true) return 0;
  if (wide.verdict === "ok" && wide.level > wideTable.floor) {
    if (narrow.verdict === "too-small" || narrow.largest === 0) return wide.level;
    const same =
      narrow.verdict === "ok" &&
      narrow.level >= wide.level / ROW_NOISE_AGREEMENT &&
      narrow.level <= wide.level * ROW_NOISE_AGREEMENT;
    return same ? Math.max(wide.level, narrow.level) : 0;
  }
  const wiggles = wide.verdict !== "too-small" && wide.largest >= narrow.level / ROW_NOISE_AGREEMENT;
  return narrow.verdict === "ok" && narrow.level > narrowTable.floor && wiggles ? narrow.level : 0;
}
