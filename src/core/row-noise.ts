/**
 * The noise of each row of a large F, measured once per Jacobian before its columns (docs/engine.md,
 * "A Jacobian column"). A row's noise (a simulation's tolerance, hash noise, or the rounding of terms
 * far larger than F_k itself: atan(x₀) + atan(x₁) near x₀ = −x₁ at |x| ≈ 500 carries EPS·π/2 in values
 * of 3e-4) is there whichever coordinate is varied, but a column sees it only where its own rows
 * happen to show it: ∂F_4/∂x_1 of tanh(x₀)·(1 + 4.4e-11·noise) + atan(x₁) came out 0.978473 ± 4.4e-14,
 * status ok, 2e-10 off, where its column's rows lay on a line by chance.
 *
 * So F is evaluated at the NOISE_POINTS points x + s·d, s = −4 … 4 (x itself is F(x), known), along
 * the direction d = ROW_NOISE_SPACING·(1, …, 1) that moves every coordinate at once, and at the points
 * 1/NOISE_PROBE_SPLIT as far apart; each row's values make two difference tables (Moré and Wild,
 * noise.ts). Noise does not depend on the spacing, while a smooth part not yet resolved shrinks like a
 * power of it and a feature close to x (a pole, a kink) leaves the narrow table; `combined` reads the
 * two, and a level must pass ROW_NOISE_FLOOR times double rounding and stay below ROW_NOISE_LARGEST of
 * the row's values. A row whose tables saw something they could not call noise (a spike at x: a kink
 * or a jump there; levels that disagree; a level near |F_k|) is read again from two tables on one
 * side, s = 1 … 9, which a kink or a jump at x does not reach. With method "forward" or "backward"
 * (F may be undefined on the other side) both tables keep to that side, s = 1 … 9 or −9 … −1.
 *
 * The columns then carry each row's level in their rounding model (NOISE_COVERAGE·σ per value, as
 * derivative() with a known `noise`): they stop descending where it rules, and the error of every
 * entry of the row holds its share at the entry's step; an entry computed again by derivative()'s
 * pipeline (jacobian-recheck.ts) is held to that share too.
 *
 * The cost is 2·(NOISE_POINTS − 1) = 16 calls of F per Jacobian (2 calls of a batched F), 18 more
 * when a row is read on one side; none for a given `noise` (then every row's level is that one, or
 * that share of |F_k(x)| with `{ relative }`).
 */

import type { JacobianBudget } from "./jacobian-budget.js";
import { EPS, F_ROUNDING, NOISE_PROBE_SPLIT, NOISE_SIGNAL } from "./constants.js";
import { LOCALISED_SHARE, noiseFromTable, NOISE_POINTS, type NoiseEstimate } from "./noise.js";
import type { Pipeline, PointRequest } from "./sampler.js";
import type { ResolvedMultivariate } from "./vector.js";

/**
 * The spacing of a row's noise table in every coordinate: the step of derivative()'s noise check for
 * f′ at scale 1 (noise-check.ts, noiseCheckStep: EPS^(1/3)/16 as a power of two), where a central
 * difference's truncation is far below its rounding, so a smooth F's high differences are at its
 * rounding and noise above it shows. Absolute, not relative to |x_j|: an F that oscillates at large x
 * (sin at x = 6008) has its smooth part in every order of a table spaced 2⁻²¹·6008 ≈ 3e-3, while one
 * whose scale is |x_j| (log) is smoother still at 2⁻²¹. A power of two, so that the tables' points are
 * exact (see rowNoiseDirection). 2⁻²¹ ≈ 4.8e-7.
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
 * The direction of the tables: d_j = ROW_NOISE_SPACING, or 0 where x_j is not finite, where a point of
 * the tables (on the side of a one-sided `method` only) would leave [lo_j, hi_j], or would be rounded (|x_j| ≥ 2³² or so, or just below a power
 * of two): a rounded point puts F's slope times half an ulp of x_j into the table (1.6·1.1e-13 at
 * x_j = 609, far above the rounding of an F_k of 0.06), noise that the columns, whose steps are exact,
 * never see. Null when every d_j is 0 (no table).
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * const x = Float64Array.of(2, 0.5);
 * rowNoiseDirection(x, resolveMultivariate(undefined, x)); // => Float64Array [4.76837158203125e-7, 4.76837158203125e-7]
 * rowNoiseDirection(x, resolveMultivariate({ bounds: [[2, 3], [0, 1]] }, x)); // => Float64Array [0, 4.76837158203125e-7]
 * ```
 */
export function rowNoiseDirection(x0: Float64Array, o: ResolvedMultivariate): Float64Array | null {
  const d = new Float64Array(x0.length);
  const dj = ROW_NOISE_SPACING;
  const first = firstOffset(o.method);
  const last = o.method === "backward" ? 0 : NOISE_POINTS;
  let any = false;
  for (let j = 0; j < x0.length; j++) {
    const x = x0[j];
    const inside = x + first * dj >= o.lo[j] && x + last * dj <= o.hi[j];
    if (Number.isFinite(x) && inside && exact(x, dj)) {
      d[j] = dj;
      any = true;
    }
  }
  return any ? d : null;
}

/**
 * The offset s of a table's first point, in units of d: −4 (centred; a side table starts at 1), or on
 * the side of a one-sided `method` only, 1 (forward) or −9 (backward).
 */
function firstOffset(method: string): number {
  return method === "forward" ? 1 : method === "backward" ? -NOISE_POINTS : -MIDDLE;
}

/** Whether x + s·d is exact for every offset s, −9 … 9, of the wide and the narrow tables. */
function exact(x: number, d: number): boolean {
  for (const step of [d, d / NOISE_PROBE_SPLIT]) {
    for (let s = -NOISE_POINTS; s <= NOISE_POINTS; s++) if (x + s * step - x !== s * step) return false;
  }
  return true;
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
 * has one. With a given `noise`, no request: that level for every row. `keep.table` receives the
 * centred wide table's values (NOISE_POINTS × m, s = −4 … 4), which the row check reads after the
 * columns (row-check.ts).
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
  budget: JacobianBudget | null = null,
  keep: { table: Float64Array | null; spiked: Uint8Array | null } | null = null,
): Pipeline<Float64Array | null> {
  const m = centre.length;
  const given = o.engine.noise;
  if (given !== undefined) return givenLevels(centre, given);
  if (d === null) return null;
  // The caller's one-sided method (F undefined on the other side, say): the tables keep to its side.
  const from = firstOffset(o.method);
  // Within the budget (jacobian-budget.ts) or not at all: rows not measured say so in their status.
  if (budget !== null && !budget.tables(2 * tableCalls(from))) {
    budget.spend(null);
    return null;
  }
  const wide = yield* table(request, centre, 1, from);
  const narrow = yield* table(request, centre, 1 / NOISE_PROBE_SPLIT, from);
  // The centred wide table, for the row check after the columns (row-check.ts).
  if (keep !== null && from === -MIDDLE) keep.table = wide;
  const levels = new Float64Array(m);
  // Rows whose centred tables saw something they could not call noise: read again on one side.
  const suspect = new Uint8Array(m);
  let suspects = 0;
  for (let k = 0; k < m; k++) {
    const wideRow = rowTable(wide, k, m);
    const narrowRow = rowTable(narrow, k, m);
    const level = combined(wideRow, narrowRow);
    // Both tables one spike at x: a kink or a jump at x along d (its entries are rechecked, row-check.ts).
    if (
      keep !== null &&
      from === -MIDDLE &&
      wideRow !== null &&
      narrowRow !== null &&
      kinkAtX(wideRow, narrowRow, wide, narrow, k, m)
    )
      (keep.spiked ??= new Uint8Array(m))[k] = 1;
    if (level < 0) suspects += suspect[k] = 1;
    else levels[k] = level;
  }
  if (suspects > 0 && from === -MIDDLE && budget !== null && !budget.tables(2 * tableCalls(1))) {
    budget.spend(suspect);
  } else if (suspects > 0 && from === -MIDDLE) {
    const wideSide = yield* table(request, centre, 1, 1);
    const narrowSide = yield* table(request, centre, 1 / NOISE_PROBE_SPLIT, 1);
    for (let k = 0; k < m; k++) {
      if (suspect[k] === 1)
        levels[k] = Math.max(0, combined(rowTable(wideSide, k, m), rowTable(narrowSide, k, m)));
    }
  }
  for (let k = 0; k < m; k++) if (levels[k] > 0) return levels;
  return null;
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

/** Calls of F of a table from `from` (F(x) at s = 0 is known). */
function tableCalls(from: number): number {
  return from <= 0 && from + NOISE_POINTS > 0 ? NOISE_POINTS - 1 : NOISE_POINTS;
}

/**
 * F at the table's points s = (from + i)·scale, i = 0 … NOISE_POINTS − 1 (F(x) from `centre` at s = 0,
 * not asked again): their values, m per point.
 */
function* table(
  request: PointRequest,
  centre: Float64Array,
  scale: number,
  from: number,
): Pipeline<Float64Array> {
  const m = centre.length;
  request.reserve(NOISE_POINTS, m);
  let q = 0;
  for (let i = 0; i < NOISE_POINTS; i++) if (from + i !== 0) request.points[q++] = (from + i) * scale;
  request.count = q;
  request.evaluated = q;
  request.prefix = false;
  yield request;
  const out = new Float64Array(NOISE_POINTS * m);
  for (let i = 0, p = 0; i < NOISE_POINTS; i++) {
    if (from + i === 0) out.set(centre, i * m);
    else out.set(request.values.subarray(p * m, ++p * m), i * m);
  }
  return out;
}

/**
 * A row's table as noiseFromTable reads it, the floor its level must pass (ROW_NOISE_FLOOR), and the
 * largest departure of its second differences from their median (a spike's size).
 */
interface RowTable {
  e: NoiseEstimate;
  floor: number;
  spike: number;
  /** The largest |F_k| in the table. */
  size: number;
}

/** Row k's table, null where a value is not finite. */
function rowTable(values: Float64Array, k: number, m: number): RowTable | null {
  const v = new Float64Array(NOISE_POINTS);
  let size = 0;
  for (let i = 0; i < NOISE_POINTS; i++) {
    const f = values[i * m + k];
    if (!Number.isFinite(f)) return null;
    v[i] = f;
    size = Math.max(size, Math.abs(f));
  }
  return { e: noiseFromTable(v), floor: ROW_NOISE_FLOOR * F_ROUNDING * EPS * size, spike: spikeOf(v), size };
}

/** The largest |Δ²_i − median Δ²| of a table's values. */
function spikeOf(v: Float64Array): number {
  const d = new Float64Array(v.length - 2);
  for (let i = 0; i < d.length; i++) d[i] = v[i + 2] - 2 * v[i + 1] + v[i];
  const sorted = d.slice().sort();
  const median = 0.5 * (sorted[(d.length - 1) >> 1] + sorted[d.length >> 1]);
  let spike = 0;
  for (const di of d) spike = Math.max(spike, Math.abs(di - median));
  return spike;
}

/**
 * The row's level from its two tables (see the file comment): the wide table's level where the
 * narrow one agrees within ROW_NOISE_AGREEMENT (the larger of the two) or is below F's resolution;
 * else the narrow table's, where the wide one found none above the floor but wiggles at least as much
 * or is below the resolution itself (the rounding of a row nearly linear at a spacing can fall on a
 * line there: exp(t) − 0.98 at t = −0.0197 spaced 2⁻²¹ gave 7e-23, spaced 2⁻²⁵ 2.5e-17, its rounding);
 * 0 for none; −1 (suspect) where either table is one spike at its middle or a level above the floor
 * was not confirmed (a kink or a jump within the tables' reach, which one-sided tables may avoid).
 */
function combined(wideTable: RowTable | null, narrowTable: RowTable | null): number {
  if (wideTable === null || narrowTable === null) return 0;
  const wide = wideTable.e;
  const narrow = narrowTable.e;
  const wideLevel = wide.verdict === "ok" && wide.level > wideTable.floor;
  const narrowLevel = narrow.verdict === "ok" && narrow.level > narrowTable.floor;
  if (spikedAgainst(wideTable, narrowTable) || spikedAgainst(narrowTable, wideTable)) return SUSPECT;
  // A "level" near the size of F_k's values is a feature (a pole within the tables' reach), not noise.
  if (tooLarge(wideTable) || tooLarge(narrowTable)) return SUSPECT;
  if (wideLevel) {
    if (narrow.verdict === "too-small" || narrow.largest === 0) return wide.level;
    const same =
      narrow.verdict === "ok" &&
      narrow.level >= wide.level / ROW_NOISE_AGREEMENT &&
      narrow.level <= wide.level * ROW_NOISE_AGREEMENT;
    return same ? Math.max(wide.level, narrow.level) : SUSPECT;
  }
  if (!narrowLevel) return 0;
  const wiggles = wide.verdict === "too-small" || wide.largest >= narrow.level / ROW_NOISE_AGREEMENT;
  return wiggles ? narrow.level : SUSPECT;
}

/**
 * Whether table `t` is one spike at its middle (noise.ts, localised) that stands out: above NOISE_SIGNAL
 * times its floor (a table at the rounding level may look so by chance, and then says nothing), and
 * either the other table is one too (a kink or a jump at x is in both) or the spike is more than
 * SPIKE_OVER_NOISE times the other table's level (a pole just beside x: its one value out of line). A
 * spike in one table of a noisy row is the noise's own largest value by chance (7 second differences of
 * noise σ reach 7σ now and then: sin(t) − 0.99713 at 1.495, noise 3e-17, one spike of 3.6e-16).
 */
function spikedAgainst(t: RowTable, other: RowTable): boolean {
  if (!spiked(t)) return false;
  const level = other.e.verdict === "ok" ? other.e.level : 0;
  return spiked(other) || t.spike > SPIKE_OVER_NOISE * level;
}

/** Whether a table's level exceeds ROW_NOISE_LARGEST of the size of its values. */
function tooLarge(t: RowTable): boolean {
  return t.e.verdict === "ok" && t.e.level > ROW_NOISE_LARGEST * t.size;
}

/**
 * The largest level, relative to the size of a row's values, that counts as noise: 2⁻¹⁰ ≈ 1e-3.
 * Noise that large leaves a first derivative about 1e-2 relative at best ((1e-3)^(2/3)), and a
 * level near |F_k| itself is a feature within the tables' reach: 1/(t − c) with c 7.6e-8 from x gave
 * levels of 2e6 and 1.5e7 in values of 2e5 to 1e7, within a factor of 8 of each other.
 *
 * @default 0.0009765625
 * @example
 * ```ts
 * ROW_NOISE_LARGEST; // => 0.0009765625
 * ```
 */
export const ROW_NOISE_LARGEST = 2 ** -10;

/**
 * Whether row k's two centred tables both show a kink or a jump at x: each one spike at its middle
 * ({@link spiked}), or each one second difference at x that holds LOCALISED_SHARE of all their
 * deviations from the median above NOISE_SIGNAL times the floor (a kink at x alone moves that one:
 * cos(t) + 0.00115·max(0, t − x) at x = 308.9, 5.5e-10 at x and 2e-17 beside, which Moré and Wild's
 * test reads as noise of 8.5e-11).
 */
function kinkAtX(
  wideRow: RowTable,
  narrowRow: RowTable,
  wide: Float64Array,
  narrow: Float64Array,
  k: number,
  m: number,
): boolean {
  if (spiked(wideRow) && spiked(narrowRow)) return true;
  return centralSpike(wide, k, m, wideRow.floor) && centralSpike(narrow, k, m, narrowRow.floor);
}

/** Whether row k's second difference at x holds LOCALISED_SHARE of all their deviations from the median. */
function centralSpike(values: Float64Array, k: number, m: number, floor: number): boolean {
  const d = new Float64Array(NOISE_POINTS - 2);
  for (let i = 0; i < d.length; i++)
    d[i] = values[(i + 2) * m + k] - 2 * values[(i + 1) * m + k] + values[i * m + k];
  const sorted = d.slice().sort();
  const median = 0.5 * (sorted[(d.length - 1) >> 1] + sorted[d.length >> 1]);
  let total = 0;
  for (const di of d) total += Math.abs(di - median);
  const atX = Math.abs(d[MIDDLE - 1] - median);
  return atX > NOISE_SIGNAL * floor && atX >= LOCALISED_SHARE * total;
}

/** Whether a table is one spike at its middle above NOISE_SIGNAL times its floor. */
function spiked(t: RowTable): boolean {
  return t.e.localised === true && t.spike > NOISE_SIGNAL * t.floor;
}

/**
 * How many times the other table's noise level a spike in one table must be to count as a feature at
 * x: the largest of 7 second differences of noise σ is about 2.5σ·(2 to 3) by chance, rarely beyond
 * 10σ; 32 leaves room.
 *
 * @default 32
 * @example
 * ```ts
 * SPIKE_OVER_NOISE; // => 32
 * ```
 */
export const SPIKE_OVER_NOISE = 32;

/** {@link combined}'s answer for a row whose tables saw something they could not call noise. */
const SUSPECT = -1;
