/**
 * The grid that f's values lie on, read from their bits: where f is a small difference of large parts
 * (a residual g(t) − c, an energy difference), each value is a multiple of ulp(g), far coarser than
 * ulp(f), and carries g's rounding, EPS·|g|, not EPS·|f|.
 *
 * Argument. A double v is m·2^e with m an odd integer; call 2^e its last bit. If fl(g(t)) and c lie
 * within a factor 2 of each other, fl(g(t)) − c is exact (Sterbenz) and a multiple of G = ulp(g). The
 * differences of a row's values are exact too, and multiples of G, whatever fixed terms f adds to the
 * part that varies (a gradient's other coordinates cancel in them). The last bit of such a difference is
 * G itself with probability ½, 2G with ¼, … (the low bits of a rounded result are as good as random), so
 * the finest among n of them is G with probability 1 − 2⁻ⁿ, and never finer. Without cancellation the
 * differences' grid is ulp(f) ≤ EPS·|f|, no coarser than the rounding model, and changes nothing.
 *
 * Exact values also have few bits: a polynomial at a dyadic x with dyadic steps ((1 + h)² = 1 + 2h + h²)
 * lies on the grid h², which is no rounding at all, and values of a double computation share a few last
 * zero bits more often than chance says where the steps are short fractions of x. Such a grid shrinks
 * with h, row by row, while a grid of rounding stays put as h shrinks. So a grid counts only once
 * GRID_ROWS rows in a row, each at a shorter step than the one before, lie on the grid of the rows
 * before them, within GRID_SPREAD bits above it ({@link gridRunAfter}: exact arithmetic, t − c at dyadic
 * steps, gives round differences far above the grid). A constant f says nothing and is left to the flat
 * rule (driver.ts, FLAT_ROWS). A float32 f's values lie on float32's grid, but its argument is rounded
 * too, which that grid does not show: its grid is the float32 rules' to judge (float32.ts), and a column
 * counts a grid only once one of its values was no float32 number.
 *
 * Each value then carries a rounding of F_ROUNDING·G (F_ROUNDING per value, as the double model
 * F_ROUNDING·EPS·|f| has it, on g's grid), counted as noise, where the grid is GRID_EXCESS times above
 * double rounding ({@link gridNoise}): a grid only a few ulps coarse is as likely chance (last bits that
 * happen to be 0) as cancellation, and the double model's margin covers it. docs/engine.md has the
 * rest.
 */

import { EPS, F_ROUNDING } from "./constants.js";
import { GRID_EXCESS, GRID_MIN_BITS } from "./noise.js";

/**
 * The last-bit exponent of no value yet (and of 0, which lies on every grid): above every double's.
 *
 * @default 4096
 * @example
 * ```ts
 * lastBitExponent(0) === NO_GRID; // => true
 * ```
 */
export const NO_GRID = 4096;

/**
 * Scratch for reading a double's bits: store the double in `bits[0]`, read its words from `words` at
 * {@link LOW_WORD} and {@link HIGH_WORD}, and give them to {@link lastBitOfWords}. The engine's columns
 * do so inline, so that no double crosses a call (a double passed to a call that is not inlined is boxed).
 *
 * @example
 * ```ts
 * GRID_SCRATCH.bits[0] = 0.75;
 * lastBitOfWords(GRID_SCRATCH.words[LOW_WORD], GRID_SCRATCH.words[HIGH_WORD]); // => -2
 * ```
 */
export const GRID_SCRATCH = ((): { bits: Float64Array; words: Int32Array } => {
  const bits = new Float64Array(1);
  return { bits, words: new Int32Array(bits.buffer) };
})();

/**
 * Index of the low 32-bit word of a double in {@link GRID_SCRATCH}'s words (0 on little-endian
 * machines).
 *
 * @example
 * ```ts
 * LOW_WORD; // => 0 (on x86 and ARM)
 * ```
 */
export const LOW_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

/**
 * Index of the high 32-bit word of a double (sign, exponent and the significand's top 20 bits) in
 * {@link GRID_SCRATCH}'s words.
 *
 * @example
 * ```ts
 * HIGH_WORD; // => 1 (on x86 and ARM)
 * ```
 */
export const HIGH_WORD = 1 - LOW_WORD;

/**
 * {@link lastBitExponent} of the double whose low and high 32-bit words are given (as int32).
 *
 * @example
 * ```ts
 * lastBitOfWords(0, 0x3ff00000); // => 0 (1)
 * lastBitOfWords(1, 0x3ff00000); // => -52 (1 + 2⁻⁵²)
 * ```
 */
export function lastBitOfWords(low: number, high: number): number {
  const biased = (high >>> 20) & 0x7ff;
  if (biased === 0x7ff) return NO_GRID;
  // The weight of the significand's unit bit: 2^(biased − 1075), or 2^−1074 for subnormals.
  const unit = biased === 0 ? -1074 : biased - 1075;
  if (low !== 0) return unit + 31 - Math.clz32(low & -low);
  const top = (high & 0xfffff) | (biased === 0 ? 0 : 0x100000);
  return top === 0 ? NO_GRID : unit + 63 - Math.clz32(top & -top);
}

/**
 * e where |v| = m·2^e with m odd: the exponent of v's last nonzero bit (−1074 at the finest), read from
 * the bits, no loop; {@link NO_GRID} for 0 and non-finite v.
 *
 * @example
 * ```ts
 * lastBitExponent(0.75); // => -2
 * lastBitExponent(3); // => 0
 * lastBitExponent(Math.log(4) - 1.3828731300918546); // => -52 (the grid of log 4: 2⁻⁵²)
 * ```
 */
export function lastBitExponent(v: number): number {
  const { bits, words } = GRID_SCRATCH;
  bits[0] = v;
  return lastBitOfWords(words[LOW_WORD], words[HIGH_WORD]);
}

/**
 * Rows in a row that must each lie on the grid of the rows before them for the grid to count (see the
 * file comment): one, so that two rows at two steps (h, h/2) show the same grid. Two (three rows) was
 * measured to come too late: a column that converges in four rows (atan x₁ + atan x₀ at −58470, 178)
 * ended before its grid counted, 20 times short.
 *
 * @default 1
 * @example
 * ```ts
 * GRID_ROWS; // => 1
 * ```
 */
export const GRID_ROWS = 1;

/**
 * 2^e for every e a double's last bit can have (−1074 … 1023), exact (built by halving and doubling), at
 * index GRID_POWER_ZERO + e: for the engine's columns, which read it inline.
 *
 * @example
 * ```ts
 * GRID_POWERS[GRID_POWER_ZERO - 52]; // => 2.220446049250313e-16
 * ```
 */
export const GRID_POWERS = ((): Float64Array => {
  const p = new Float64Array(1024 + 1075);
  p[1074] = 1;
  for (let e = 1; e <= 1023; e++) p[1074 + e] = p[1073 + e] * 2;
  for (let e = -1; e >= -1074; e--) p[1074 + e] = p[1075 + e] / 2;
  return p;
})();

/**
 * The index of 2⁰ in {@link GRID_POWERS}.
 *
 * @default 1074
 * @example
 * ```ts
 * GRID_POWERS[GRID_POWER_ZERO]; // => 1
 * ```
 */
export const GRID_POWER_ZERO = 1074;

/**
 * How many bits above the grid a row's finest difference may lie and still count as lying on it: the
 * differences of rounded values are random multiples of the grid, with j or more last zero bits by
 * chance 2⁻ʲ, while exact arithmetic gives round differences far above it (t − c at dyadic steps:
 * f(x + h) − f(x − h) = 2h exactly, whatever grid c's last bit set).
 *
 * @default 12 (a rounded row passes for exact by chance 2⁻¹²)
 * @example
 * ```ts
 * GRID_SPREAD; // => 12
 * ```
 */
export const GRID_SPREAD = 12;

/**
 * The run of rows on one grid after a row (see the file comment): given the finest last-bit exponent of
 * the row's differences (`row`), that of the rows before it (`seen`), the run before it and the row's
 * largest difference in absolute value (`largest`):
 * - the run plus one where the row lies on that grid: no finer, at most GRID_SPREAD bits above it, and
 *   resolved by it (its largest difference at least 2^GRID_MIN_BITS times the grid);
 * - the run as it was where the row lies on the grid but is not resolved by it: a few multiples of a grid
 *   are as often exact short numbers (|t|^1.5 at 2⁻³²: 2⁻⁴⁸, on any grid below it) as rounded ones, and
 *   say nothing; likewise where the row's differences are all 0;
 * - 0 where it lies far above the grid (exact arithmetic), or where no row before had a difference other
 *   than 0;
 * - where it is finer: 0, unless the run had already confirmed the grid (GRID_ROWS); then the finer row
 *   refines the grid (it was read coarse by chance) and the run stands, so that the rounding does not
 *   drop back to double's for one row.
 *
 * @example
 * ```ts
 * gridRunAfter(-50, -52, 0, 1e-3); // => 1 (the row lies on the grid 2⁻⁵² of the rows before it)
 * gridRunAfter(-50, -52, 0, 2 ** -48); // => 0 (16 grid steps: not resolved, says nothing)
 * gridRunAfter(-30, -52, 1, 1e-3); // => 0 (22 bits above: exact arithmetic, not rounding)
 * gridRunAfter(-54, -52, 0, 1e-3); // => 0 (finer: the grid shrinks with h, as exact values' does)
 * gridRunAfter(-54, -52, 1, 1e-3); // => 1 (confirmed already: the grid is 2⁻⁵⁴ from here)
 * ```
 */
export function gridRunAfter(row: number, seen: number, run: number, largest: number): number {
  if (row >= NO_GRID) return run;
  if (!(seen < NO_GRID)) return 0;
  if (row < seen) return run >= GRID_ROWS ? run : 0;
  if (row - seen > GRID_SPREAD) return 0;
  return largest >= GRID_RESOLVED * GRID_POWERS[GRID_POWER_ZERO + seen] ? run + 1 : run;
}

/**
 * 2^GRID_MIN_BITS: how many steps of a grid a row's largest difference must span to tell it
 * ({@link gridRunAfter}).
 *
 * @example
 * ```ts
 * GRID_RESOLVED; // => 4096
 * ```
 */
export const GRID_RESOLVED = 2 ** GRID_MIN_BITS;

/**
 * The rounding that a confirmed grid G (0: none) adds to each value of a row whose weighted sum of
 * absolute values is `absSum` (Σ|wᵢfᵢ|), with weights summing to `weightSum` in absolute value:
 * F_ROUNDING·G (F_ROUNDING per value, as the double model F_ROUNDING·EPS·|f| has it, on g's grid), where
 * G·Σ|wᵢ| is GRID_EXCESS times above double rounding EPS·Σ|wᵢfᵢ|, else 0 (see the file comment). The
 * driver adds it to the values' noise level: the row's rounding is then
 * F_ROUNDING·EPS·Σ|wᵢfᵢ| + (noise + this)·Σ|wᵢ|.
 *
 * @example
 * ```ts
 * // log t − 1.3828731300918546 at 4 ± 2⁻⁷: values ≈ 0.0035, on log 4's grid 2⁻⁵² (EPS).
 * gridNoise(2 ** -52, 1, 0.0035); // => 4.440892098500626e-16 (2·EPS, where 2·EPS·0.0035 was the model)
 * gridNoise(2 ** -52, 1, 1.5); // => 0 (no cancellation: double's model holds)
 * ```
 */
export function gridNoise(grid: number, weightSum: number, absSum: number): number {
  return grid * weightSum > GRID_EXCESS * EPS * absSum ? F_ROUNDING * grid : 0;
}

/**
 * {@link gridRunAfter}'s rule for a column with two-point rows, on `state` = [seen, run, 2^seen,
 * 2^−seen] (NO_GRID, 0, 0, 0 before a row; 2^−seen is 0 where it overflows): takes the row's difference
 * `change`. Whether it lies on the grid 2^seen, or more than GRID_SPREAD bits above it, is whether it is
 * a multiple of 2^seen or of 2^(seen + GRID_SPREAD + 1), two exact products by powers of two; a finer
 * one halves the grid down to its last bit; the bits are read only for a column's first row (or a grid
 * near the subnormals). The engine's columns (common-column.ts, jacobian-common-column.ts) call it only
 * while the grid could count, out of line, so that their rows cost a product and a comparison where
 * nothing cancels.
 *
 * @example
 * ```ts
 * const state = Float64Array.of(NO_GRID, 0, 0, 0);
 * followGrid(state, Math.log(4 + 2 ** -6) - Math.log(4 - 2 ** -6)); // a row of log t − c at 4
 * followGrid(state, Math.log(4 + 2 ** -7) - Math.log(4 - 2 ** -7));
 * state[0] >= -52 && state[1] === 1; // => true (the second row lies on log 4's grid)
 * ```
 */
export function followGrid(state: Float64Array, change: number): void {
  if (change === 0 || !(Math.abs(change) < Infinity)) return;
  let seen = state[0];
  let run = state[1];
  let at = state[2];
  let inverse = state[3];
  let onGrid = change * inverse;
  if (inverse > 0 && onGrid === Math.floor(onGrid)) {
    const far = onGrid * BEYOND_SPREAD;
    if (far === Math.floor(far)) run = 0;
    else if (Math.abs(change) >= GRID_RESOLVED * at) run++;
  } else if (inverse > 0 && seen > FINEST_HALVED) {
    if (run < GRID_ROWS) run = 0;
    do {
      seen--;
      at *= 0.5;
      inverse *= 2;
      onGrid = change * inverse;
    } while (onGrid !== Math.floor(onGrid));
  } else {
    const e = lastBitExponent(change);
    if (e < seen) {
      if (run < GRID_ROWS || seen === NO_GRID) run = 0;
      seen = e;
      at = GRID_POWERS[GRID_POWER_ZERO + e];
      inverse = e >= -1022 ? GRID_POWERS[GRID_POWER_ZERO - e] : 0;
    } else if (e - seen > GRID_SPREAD) run = 0;
    else if (Math.abs(change) >= GRID_RESOLVED * at) run++;
  }
  state[0] = seen;
  state[1] = run;
  state[2] = at;
  state[3] = inverse;
}

/** 2^−(GRID_SPREAD + 1): a multiple of the grid times this is an integer where it lies far above it. */
const BEYOND_SPREAD = 2 ** -(GRID_SPREAD + 1);

/** A grid above 2^FINEST_HALVED is halved to a finer difference's last bit (2^−seen stays finite). */
const FINEST_HALVED = -1000;
