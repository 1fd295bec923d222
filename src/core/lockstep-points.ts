/**
 * The per-point state of the lockstep path (lockstep.ts) beyond what a {@link ColumnState} of one
 * component per point holds: each point's x, scales, step, rows and phase, the steps of its rows, and
 * the values of f it has asked for (a small cache per point, as a Sampler keeps one per derivative()).
 * Flat typed arrays indexed by point (point p's row i at p·MAX_ROWS + i), allocated once per chunk size.
 */

import { MAX_ROWS } from "./constants.js";

/**
 * Points of xs advanced together by the lockstep path: its state arrays are sized for this many, so
 * they stay in the processor's cache (about 1 MiB at 512 points), and xs is taken in chunks of it.
 *
 * @default 512
 * @example
 * ```ts
 * LOCKSTEP_CHUNK; // 512
 * ```
 */
export const LOCKSTEP_CHUNK = 512;

/**
 * The most distinct points of f one point of the lockstep path may ask for: a smooth f′ asks for about
 * 10 (two columns and the noise check), and 24 rows of one column are 48. A point that needs more
 * leaves the lockstep path for the scalar pipeline (which has no such limit).
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

/**
 * The per-point state of one chunk (see the file comment).
 *
 * @example
 * ```ts
 * const pts = new LockstepPoints(4);
 * pts.x.length; // 4
 * ```
 */
export class LockstepPoints {
  readonly x: Float64Array;
  /** The scales of x (candidateScales): `scale0`, and `scale1` (NaN when there is one). */
  readonly scale0: Float64Array;
  readonly scale1: Float64Array;
  /** The index of the scale being run (0 or 1). */
  readonly scaleIndex: Int8Array;
  /** The next step h and the representable step hr of the row asked for. */
  readonly h: Float64Array;
  readonly hr: Float64Array;
  /** Rows of the current column so far. */
  readonly rows: Int32Array;
  readonly phase: Int8Array;
  /** h of each row (MAX_ROWS per point) and t = (h/h₀)² of each row. */
  readonly steps: Float64Array;
  readonly t: Float64Array;
  /** The two points asked for this round (x − hr, x + hr) and their values. */
  readonly minus: Float64Array;
  readonly plus: Float64Array;
  readonly fMinus: Float64Array;
  readonly fPlus: Float64Array;
  /** Whether each of the two points must be evaluated (1) or came from the point's cache (0). */
  readonly missMinus: Uint8Array;
  readonly missPlus: Uint8Array;
  /** The points of f each point asked for and their values (LOCKSTEP_CACHE per point), and how many. */
  readonly keys: Float64Array;
  readonly vals: Float64Array;
  readonly size: Int32Array;

  constructor(readonly capacity: number) {
    const f = (n = capacity): Float64Array => new Float64Array(n);
    this.x = f();
    this.scale0 = f();
    this.scale1 = f();
    this.scaleIndex = new Int8Array(capacity);
    this.h = f();
    this.hr = f();
    this.rows = new Int32Array(capacity);
    this.phase = new Int8Array(capacity);
    this.steps = f(capacity * MAX_ROWS);
    this.t = f(capacity * MAX_ROWS);
    this.minus = f();
    this.plus = f();
    this.fMinus = f();
    this.fPlus = f();
    this.missMinus = new Uint8Array(capacity);
    this.missPlus = new Uint8Array(capacity);
    this.keys = f(capacity * LOCKSTEP_CACHE);
    this.vals = f(capacity * LOCKSTEP_CACHE);
    this.size = new Int32Array(capacity);
  }

  /**
   * Looks up t in point p's cache (as Sampler does: +0 and −0 are different points): its value, or
   * undefined... as NaN with `found` false. Returns the cache index, or -1.
   */
  find(p: number, t: number): number {
    const keys = this.keys;
    const base = p * LOCKSTEP_CACHE;
    for (let i = base + this.size[p] - 1; i >= base; i--)
      if (keys[i] === t && (t !== 0 || Object.is(keys[i], t))) return i;
    return -1;
  }

  /** Stores f(t) = v in point p's cache; false when it is full. */
  store(p: number, t: number, v: number): boolean {
    const n = this.size[p];
    if (n === LOCKSTEP_CACHE) return false;
    const i = p * LOCKSTEP_CACHE + n;
    this.keys[i] = t;
    this.vals[i] = v;
    this.size[p] = n + 1;
    return true;
  }
}
