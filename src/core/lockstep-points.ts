/**
 * The state of the points of the lockstep path (lockstep.ts), one record of {@link FIELDS} doubles per
 * point in one Float64Array (point p's field F at p·STRIDE + F), so that a row touches a few adjacent
 * cache lines of one array; and the values of f each point asked for, as a Sampler keeps them for one
 * derivative(). The fields are the ones ColumnDriver, ColumnState, Tableau and KeptEstimates keep for
 * one component (driver.ts), for a central first-derivative column.
 */

/**
 * Points of xs advanced together by the lockstep path: the chunk's state is sized for this many and
 * xs is taken in chunks of it.
 *
 * @default 256
 * @example
 * ```ts
 * LOCKSTEP_CHUNK; // 256
 * ```
 */
export const LOCKSTEP_CHUNK = 256;

/**
 * The most distinct points of f one point of the lockstep path may ask for: a smooth f′ asks for about
 * 12 (two columns and the noise check), and 24 rows of one column are 48. A point that needs more
 * departs to the scalar pipeline (which has no such limit).
 *
 * @default 64
 * @example
 * ```ts
 * LOCKSTEP_CACHE; // 64
 * ```
 */
export const LOCKSTEP_CACHE = 64;

/**
 * Phases of a point: a row of the column at its current scale, the noise check, done, or handed to
 * the scalar pipeline ("departed").
 *
 * @example
 * ```ts
 * PHASE.column; // 0
 * ```
 */
export const PHASE = Object.freeze({ column: 0, check: 1, done: 2, departed: 3 } as const);

let next = 0;
const field = (width = 1): number => ((next += width), next - width);

/**
 * Offsets of a point's fields in its record (see the file comment): the driver's per-column values
 * (x, scales, steps, rows), the tableau's previous row, ColumnState's per-component values, the column's
 * result and the kept estimate (best-of-scales.ts), and this round's two points and values.
 *
 * @example
 * ```ts
 * state[p * STRIDE + FIELDS.x]; // point p's x
 * ```
 */
export const FIELDS = Object.freeze({
  x: field(),
  scale0: field(),
  /** NaN when x has one scale. */
  scale1: field(),
  scaleIndex: field(),
  phase: field(),
  h: field(),
  hr: field(),
  rows: field(),
  /** The first row's step, and the steps of the two rows before the newest. */
  step0: field(),
  step1: field(),
  step2: field(),
  /** t = (h/h₀)² of the four rows before the newest, newest first. */
  t: field(4),
  /** The tableau's previous row: entries and their rounding (MAX_COLUMNS each). */
  prev: field(5),
  prevRound: field(5),
  base1: field(),
  base2: field(),
  round1: field(),
  bestValue: field(),
  bestError: field(),
  bestStep: field(),
  bestRow: field(),
  bestRound: field(),
  stalls: field(),
  rbValue: field(),
  rbError: field(),
  rbRound: field(),
  rbTrusted: field(),
  lastGood: field(),
  lastStep: field(),
  flat: field(),
  ref: field(),
  flags: field(),
  settledRows: field(),
  even0: field(),
  even1: field(),
  even2: field(),
  jumpScaled: field(),
  jumpRun: field(),
  jumpChange: field(),
  jumpSettling: field(),
  growRun: field(),
  value: field(),
  error: field(),
  step: field(),
  keptValue: field(),
  keptError: field(),
  keptStep: field(),
  keptFlags: field(),
  minus: field(),
  plus: field(),
  fMinus: field(),
  fPlus: field(),
  /** 1 when the point must be evaluated this round, 0 when its cache has it. */
  missMinus: field(),
  missPlus: field(),
  /**
   * The newest row while it is processed: its difference d, rounding, t = (h/h₀)², sums of the even
   * part, and the tableau row's best entry. Kept here, not passed as arguments: doubles passed to a
   * function that is not inlined are boxed, and a row would allocate a few hundred bytes.
   */
  d: field(),
  rounding: field(),
  tNew: field(),
  evenSum: field(),
  absSum: field(),
  rowValue: field(),
  rowError: field(),
  rowRound: field(),
});

/**
 * Doubles per point record: one per field of {@link FIELDS}.
 *
 * @example
 * ```ts
 * STRIDE; // 65
 * ```
 */
export const STRIDE = next;

/**
 * The state of one chunk of points (see the file comment).
 *
 * @example
 * ```ts
 * const pts = new LockstepPoints(4);
 * pts.state.length; // 4 · STRIDE
 * ```
 */
export class LockstepPoints {
  readonly state: Float64Array;
  /** The points of f each point asked for and their values (LOCKSTEP_CACHE per point), and how many. */
  readonly keys: Float64Array;
  readonly vals: Float64Array;
  readonly size: Int32Array;

  constructor(readonly capacity: number) {
    this.state = new Float64Array(capacity * STRIDE);
    this.keys = new Float64Array(capacity * LOCKSTEP_CACHE);
    this.vals = new Float64Array(capacity * LOCKSTEP_CACHE);
    this.size = new Int32Array(capacity);
  }

  /** The cache index of t for point p (as Sampler's: +0 and −0 are different points), or -1. */
  find(p: number, t: number): number {
    const keys = this.keys;
    const base = p * LOCKSTEP_CACHE;
    for (let i = base + this.size[p] - 1; i >= base; i--)
      if (keys[i] === t && (t !== 0 || Object.is(keys[i], t))) return i;
    return -1;
  }

  /** Stores f(t) = v in point p's cache (the caller has made sure there is room). */
  store(p: number, t: number, v: number): void {
    const i = p * LOCKSTEP_CACHE + this.size[p]++;
    this.keys[i] = t;
    this.vals[i] = v;
  }
}
