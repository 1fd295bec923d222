/**
 * F at points where a whole group of coordinates moves at once: x_j + t·d_j for every column j of
 * the group, with the working copy of x restored in full before every call (so F may write into its
 * argument), per-coordinate bounds, and the rounding of x_j + t·d_j corrected.
 */

import { VectorCaller, component } from "../vector-caller.js";

/**
 * Where the group loops get F's values along a grouped direction (see {@link GroupPoints}): the
 * direction d (indexed by column), the group, F(x + t·d) on the group's rows (null when the point is
 * refused) and F(x). The array returned by `at` is read before the next call.
 *
 * @example
 * ```ts
 * const source: GroupSource = new GroupPoints(caller, x, lo, hi, mid);
 * source.at(0.5); // F(x + 0.5·d) on the group's rows
 * ```
 */
export interface GroupSource {
  readonly direction: Float64Array;
  setGroup(cols: Int32Array, count: number, rowsOf: readonly Int32Array[]): void;
  at(t: number): Float64Array | null;
  centre(): Float64Array;
}

/**
 * One group's view of the grouped direction, without F: which point x + t·d is (`write`), whether it
 * is refused (`prepare`), and F's values there rescaled to the nominal step (`rescale`), as
 * {@link GroupPoints} explains. The sync loop ({@link GroupPoints}) and the batched and async loops
 * (sparse-stages.ts) share it, so they see the same points and the same values.
 *
 * @example
 * ```ts
 * const frame = new GroupFrame(x, lo, hi, mid, direction);
 * frame.setGroup(Int32Array.of(0, 2), 2, [Int32Array.of(0), Int32Array.of(1)]);
 * if (frame.prepare(t)) frame.rescale(valuesAtThatPoint, 0); // F_i on the group's rows
 * ```
 */
export class GroupFrame {
  protected cols: Int32Array = new Int32Array(0);
  protected count = 0;
  private rowsOf: readonly Int32Array[] = [];
  private readonly buf: Float64Array;
  private readonly ratio: Float64Array;

  constructor(
    protected readonly x: Float64Array,
    private readonly lo: Float64Array,
    private readonly hi: Float64Array,
    protected readonly mid: Float64Array,
    /** d_j for the columns of the group (indexed by column). */
    readonly direction: Float64Array = new Float64Array(x.length),
  ) {
    this.buf = new Float64Array(mid.length);
    this.ratio = new Float64Array(x.length);
  }

  /** The group: its first `count` columns, and for each of them the rows that depend on it. */
  setGroup(cols: Int32Array, count: number, rowsOf: readonly Int32Array[]): void {
    this.cols = cols;
    this.count = count;
    this.rowsOf = rowsOf;
  }

  /** False when x + t·d is refused: a coordinate would leave its bounds, be non-finite, or not move;
   * else keeps the ratios of nominal to actual displacement for {@link rescale}. */
  prepare(t: number): boolean {
    const { x, lo, hi, cols, direction, ratio } = this;
    for (let a = 0; a < this.count; a++) {
      const j = cols[a];
      const nominal = t * direction[j];
      const p = x[j] + nominal;
      const delta = p - x[j];
      if (!(p >= lo[j] && p <= hi[j]) || !Number.isFinite(p) || delta === 0) return false;
      ratio[a] = nominal / delta;
    }
    return true;
  }

  /** Writes x + t·d (x.length numbers) at out[at..]. */
  write(t: number, out: Float64Array, at: number): void {
    const { x, cols, direction } = this;
    out.set(x, at);
    for (let a = 0; a < this.count; a++) out[at + cols[a]] = x[cols[a]] + t * direction[cols[a]];
  }

  /** The group's rows of F's values v[base..base + m) at the last prepared t, rescaled (see GroupPoints). */
  rescale(v: ArrayLike<number>, base: number): Float64Array {
    const { buf, mid, ratio } = this;
    for (let a = 0; a < this.count; a++) {
      const rows = this.rowsOf[a];
      const r = ratio[a];
      for (let q = 0; q < rows.length; q++) {
        const i = rows[q];
        const fi = component(v, base + i);
        buf[i] = r === 1 || !Number.isFinite(fi) ? fi : mid[i] + (fi - mid[i]) * r;
      }
    }
    return buf;
  }

  /** F(x), evaluated once by the caller. */
  centre(): Float64Array {
    return this.mid;
  }
}

/**
 * Values of F along the grouped direction d (d_j on the group's columns, 0 elsewhere), as the
 * adaptive descent reads them: `at(t)` gives F(x + t·d) for the rows of the group, `centre()` F(x).
 *
 * The point actually evaluated is the double nearest x_j + t·d_j, displaced by δ_j = (x_j + t·d_j) − x_j
 * (exact; Sterbenz), not by t·d_j. For row i, which depends on one column j of the group, the value
 * returned is F_i(x) + (F_i(x + δ) − F_i(x))·(t·d_j/δ_j): F_i rescaled to the nominal step to first
 * order, so a difference quotient in t divides by the true distance (the analogue of the representable
 * step of step.ts, needed here because one t serves columns of different x_j). When δ_j = t·d_j the
 * value is F_i itself, bit for bit.
 *
 * @example
 * ```ts
 * const x = new Float64Array([1, 2]);
 * const caller = new VectorCaller((v) => [v[0] ** 2, v[1] ** 2], new Float64Array(x));
 * const lo = new Float64Array(2).fill(-Infinity), hi = new Float64Array(2).fill(Infinity);
 * const g = new GroupPoints(caller, x, lo, hi, Float64Array.of(1, 4));
 * g.setGroup(Int32Array.of(0, 1), 2, [Int32Array.of(0), Int32Array.of(1)]);
 * g.direction[0] = 1; g.direction[1] = 2;
 * g.at(0.5); // [2.25, 9]: F at (1.5, 3)
 * ```
 */
export class GroupPoints extends GroupFrame implements GroupSource {
  constructor(
    private readonly caller: VectorCaller,
    x: Float64Array,
    lo: Float64Array,
    hi: Float64Array,
    mid: Float64Array,
  ) {
    super(x, lo, hi, mid);
  }

  /** F(x + t·d) on the group's rows (rescaled as above), or null without calling F when a
   * coordinate would leave its bounds, be non-finite, or not move at all. */
  at(t: number): Float64Array | null {
    if (!this.prepare(t)) return null;
    const w = this.caller.w;
    const { x, cols, direction } = this;
    w.set(x);
    for (let a = 0; a < this.count; a++) w[cols[a]] = x[cols[a]] + t * direction[cols[a]];
    return this.rescale(this.caller.call(), 0);
  }
}
