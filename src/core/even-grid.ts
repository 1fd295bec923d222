/**
 * A small Jacobian's entry whose column's rows lie on a grid far coarser than its values' rounding: F_k
 * is there a small difference of larger terms (a residual g(t) − c beside other terms, or two terms of
 * F_k that nearly cancel), each value carries the larger terms' rounding, EPS·|g|, and the column's
 * model, F_ROUNDING·EPS·Σ|w·F_k|, holds a fraction of it. A small F's columns do not follow the values'
 * grid (value-grid.ts; jacobian-column.ts, `gridOn`: no room on the common path), so such an entry ended
 * confident and short (eᵗ − 148.41315 + atan(x₀) at t = 5: 148.4131591025776 ± 1.4e-13, ok, 9.9e-13 off;
 * sin(x₁) + atan(x₀) at (−1, 2.2508), where the two terms cancel to −0.0067: −0.6287785860513 ±
 * 1.3e-15, 9.7e-15 off), where derivative() on the same component, which reads the grid, is honest.
 *
 * The column's last three even parts E(h) = (F_k(x + h) + F_k(x − h))/2, which both paths keep for the
 * rows' kink test (jacobian-kinks.ts, KinkRows; jacobian-common-column.ts), tell it after the column at
 * no call: E(h) − F_k(x) is exact (the values are close) and a multiple of half the grid G that the
 * varying part of F_k lies on (value-grid.ts's argument: the fixed terms cancel). Without cancellation
 * the grid is ulp(F_k), and each difference's last bit is GRID_EXCESS times above double rounding by
 * chance 1/16 or less, all three by (1/16)³; exact arithmetic (a polynomial at dyadic points) has
 * differences of a few grid steps, which GRID_RESOLVED excludes. Where the grid is shown and its
 * rounding at the kept step, F_ROUNDING·G/h, exceeds the kept error, the entry is computed again by
 * derivative()'s pipeline (jacobian-recheck.ts), which reads the grid. No call of F more on a smooth F;
 * on the common path a pass over the column's components with one difference's bits each.
 */

import { EPS, F_ROUNDING } from "./constants.js";
import { GRID_EXCESS } from "./noise.js";
import {
  GRID_POWER_ZERO,
  GRID_POWERS,
  GRID_RESOLVED,
  GRID_SCRATCH,
  HIGH_WORD,
  LOW_WORD,
  NO_GRID,
  lastBitOfWords,
} from "./value-grid.js";

/** Floats per component in an even-rows record (jacobian-kinks.ts, KinkRows; the common path's evenRows). */
const RECORD = 7;
/** Offset of the newest row's Σ|w|·|F_k| in a record: NaN where the record holds no central rows. */
const ABS = 6;

/**
 * The newest even rows read: two. The oldest of the three is the widest row, whose values, farther
 * from F_k(x), may round where their sum crosses a binade (eᵗ − 1.0000000022 + atan(−0.002) at 0:
 * its difference lay on 2⁻⁶¹ where the newer two lay on eᵗ's grid 2⁻⁵³). Two differences pass the
 * GRID_EXCESS test by chance (1/16)² without cancellation, and a recheck is then what it costs.
 *
 * @default 2
 * @example
 * ```ts
 * GRID_ROWS_READ; // => 2
 * ```
 */
export const GRID_ROWS_READ = 2;

/**
 * The low bits of the newest difference's significand that must be 0 for it to pass the test (see
 * {@link evenRowsOnGrid}): its last bit must be above 8·EPS·Σ|w·F_k| ≥ 2^(e − 49), e the exponent of
 * Σ|w·F_k|, while its unit bit is 2^(e′ − 52) with e′ ≤ e (the difference is below Σ|w·F_k|): 4 bits
 * at least. Read from the low word of the double: a component without cancellation fails here 15
 * times in 16, with one load and a mask.
 *
 * @default 15
 * @example
 * ```ts
 * LOW_BITS; // => 15
 * ```
 */
export const LOW_BITS = 15;

const bits = GRID_SCRATCH.bits;
const words = GRID_SCRATCH.words;

/** The exponent of the last nonzero bit of `d` (NO_GRID for 0), read from the scratch words. */
function lastBit(d: number): number {
  bits[0] = d;
  return lastBitOfWords(words[LOW_WORD], words[HIGH_WORD]);
}

/**
 * Whether component k's even rows (record at RECORD·k of `rows`, newest first, as jacobian-kinks.ts
 * lays it out) lie on a grid G with GRID_EXCESS·EPS·Σ|w·F_k| < G (half of it read, the even parts being
 * halved sums), shown by the differences of the newest {@link GRID_ROWS_READ} from F_k(x) (`centre`),
 * the newest below Σ|w·F_k| and the largest at least GRID_RESOLVED steps of it, and whose rounding
 * F_ROUNDING·G/h at the kept step h exceeds the kept `error` (see the file comment).
 *
 * @example
 * ```ts
 * // eᵗ − 0.99999869 + atan(0) at t = 0: even parts 1.3e-6 + h²/2 at h = 2⁻⁸, 2⁻⁷, on eᵗ's grid 2⁻⁵³.
 * const C = 0.9999986856484572;
 * const e = (h: number) => 0.5 * (Math.exp(h) - C) + 0.5 * (Math.exp(-h) - C);
 * const rows = Float64Array.of(e(2 ** -8), e(2 ** -7), NaN, NaN, NaN, NaN, 0.0039);
 * evenRowsOnGrid(rows, 0, Math.exp(0) - C, 1.05e-14, 2 ** -8); // => true
 * evenRowsOnGrid(rows, 0, Math.exp(0) - C, 1e-12, 2 ** -8); // => false (the error covers the grid's rounding)
 * ```
 */
export function evenRowsOnGrid(
  rows: Float64Array,
  k: number,
  centre: number,
  error: number,
  step: number,
): boolean {
  const at = RECORD * k;
  const size = rows[at + ABS];
  if (!(Math.abs(rows[at] - centre) < size)) return false;
  // Half the grid against the double model, as value-grid.ts's gridNoise has it.
  const floor = GRID_FLOOR * size;
  let finest = NO_GRID;
  let largest = 0;
  for (let i = 0; i < GRID_ROWS_READ; i++) {
    const d = rows[at + i] - centre;
    const e = lastBit(d);
    if (e >= NO_GRID || !(GRID_POWERS[GRID_POWER_ZERO + e] > floor)) return false;
    if (e < finest) finest = e;
    if (Math.abs(d) > largest) largest = Math.abs(d);
  }
  // A grid fewer than GRID_SURE floors above the floor is read from the oldest row too (see GRID_SURE).
  if (!(GRID_POWERS[GRID_POWER_ZERO + finest] >= GRID_SURE * floor)) {
    const e = lastBit(rows[at + GRID_ROWS_READ] - centre);
    if (e >= NO_GRID || !(GRID_POWERS[GRID_POWER_ZERO + e] > floor)) return false;
    if (e < finest) finest = e;
  }
  const half = GRID_POWERS[GRID_POWER_ZERO + finest];
  if (!(largest >= GRID_RESOLVED * half)) return false;
  return error < (F_ROUNDING * 2 * half) / step;
}

/**
 * How far above {@link GRID_FLOOR} the two newest rows' grid must lie to be believed on their own. The
 * floor is 8 to 16 ulps of the even parts (EPS·Σ|w·F_k| is 1 to 2 ulps), so a component without
 * cancellation passes the two-row test by chance 1/16² to 1/8² (a one-row F, 2t + cos t at
 * t = 4.66555, did so: differences 1.9e-6 and 7.8e-6 on 2⁻⁴⁵, 16 ulps of 9.28, and was rechecked,
 * 12 calls more). Below GRID_SURE floors (64 ulps or more) the oldest row must lie on the grid too:
 * chance (1/16)³ or less either way, the 2⁻¹² of two differences at 64 ulps. The genuine grids of
 * small cancellations (sin(x₁) + atan(x₀) at (−1, 2.2508): 9 to 14 ulps) keep all three rows on it.
 *
 * @default 8
 * @example
 * ```ts
 * GRID_SURE; // => 8
 * ```
 */
export const GRID_SURE = 8;

/**
 * The floor of half the grid over Σ|w·F_k|: half of GRID_EXCESS·EPS (the even parts are halved sums;
 * value-grid.ts's gridNoise has GRID_EXCESS·EPS·Σ|w·F_k| for the grid itself).
 *
 * @default 1.7763568394002505e-15
 * @example
 * ```ts
 * GRID_FLOOR === 8 * 2 ** -52; // => true
 * ```
 */
export const GRID_FLOOR = 0.5 * GRID_EXCESS * EPS;

/**
 * The common path's gate (jacobian-common-column.ts, at a component's finish), after its size tests:
 * whether the newest difference `d` has its low {@link LOW_BITS} significand bits 0, as any that
 * passes {@link evenRowsOnGrid} has.
 *
 * @example
 * ```ts
 * gridGate(2 ** -20); // => true
 * gridGate(0.1); // => false
 * ```
 */
export function gridGate(d: number): boolean {
  bits[0] = d;
  return (words[LOW_WORD] & LOW_BITS) === 0;
}

/**
 * The records of the common path's candidates (components that passed {@link gridGate} at their
 * finish), each in a slot laid out as a KinkRows record (newest even parts at 0, 1 and 2, Σ|w·F_k| at 6),
 * with its component and the scale of x_j it ran at: the general path records every component, the
 * common path only these (no store for the others). Cleared at each column's start.
 *
 * @example
 * ```ts
 * const c = new GridCandidates(2);
 * c.add(1, 0, 1e-6, 4e-6, 1.6e-5, 0.002);
 * c.count; // => 1
 * ```
 */
export class GridCandidates {
  count = 0;
  readonly k: Int32Array;
  readonly scale: Int8Array;
  readonly rows: Float64Array;

  constructor(m: number) {
    this.k = new Int32Array(m);
    this.scale = new Int8Array(m);
    this.rows = new Float64Array(RECORD * m);
  }

  /** Records component k's rows at scale `scale` (0 or 1), over its earlier record if any. */
  add(k: number, scale: number, even0: number, even1: number, even2: number, size: number): void {
    let a = 0;
    while (a < this.count && this.k[a] !== k) a++;
    if (a === this.count) this.count++;
    this.k[a] = k;
    this.scale[a] = scale;
    this.rows[RECORD * a] = even0;
    this.rows[RECORD * a + 1] = even1;
    this.rows[RECORD * a + 2] = even2;
    this.rows[RECORD * a + ABS] = size;
  }
}

/**
 * {@link evenRowsOnGrid} over the candidates of a small F's column on the common path
 * (jacobian-common.ts): whether one needs derivative()'s recheck for its rows' grid, as the general
 * path's columnNeedsRecheck (jacobian-recheck.ts) decides it from its records. A candidate of an
 * earlier scale that ran again at the last (`lastScale`, its `members`) without passing the gate is
 * passed over: the general path's record is that later run's, which fails the test as it failed the
 * gate. Only a component that moved in its last run (`flat` 0) with a finite kept estimate (`value`,
 * `error`, `step` per component) counts.
 *
 * @example
 * ```ts
 * // One candidate, component 0 of a one-row F at its only scale: evenRowsOnGrid's eᵗ − 0.99999869 rows.
 * const C = 0.9999986856484572;
 * const e = (h: number) => 0.5 * (Math.exp(h) - C) + 0.5 * (Math.exp(-h) - C);
 * const c = new GridCandidates(1);
 * c.add(0, 0, e(2 ** -8), e(2 ** -7), e(2 ** -6), 0.0039);
 * const one = (v: number) => Float64Array.of(v);
 * const centre = one(Math.exp(0) - C);
 * evenGridEntry(c, 0, new Int32Array(1), 0, centre, one(1), one(1.05e-14), one(2 ** -8), new Uint8Array(1)); // => true
 * c.count = 0; // a smooth F's column: no component passed the gate
 * evenGridEntry(c, 0, new Int32Array(1), 0, centre, one(1), one(1.05e-14), one(2 ** -8), new Uint8Array(1)); // => false
 * ```
 */
export function evenGridEntry(
  c: GridCandidates,
  lastScale: number,
  members: Int32Array,
  memberCount: number,
  centre: Float64Array,
  value: Float64Array,
  error: Float64Array,
  step: Float64Array,
  flat: Uint8Array,
): boolean {
  for (let a = 0; a < c.count; a++) {
    const k = c.k[a];
    if (c.scale[a] < lastScale) {
      let again = false;
      for (let b = 0; b < memberCount && !again; b++) again = members[b] === k;
      if (again) continue;
    }
    if (flat[k] === 0 && Number.isFinite(value[k]) && evenRowsOnGrid(c.rows, a, centre[k], error[k], step[k]))
      return true;
  }
  return false;
}
