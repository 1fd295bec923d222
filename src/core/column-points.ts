/**
 * F's values along one Jacobian column, kept by the point t = x_j they were taken at: the entries of a
 * column that are checked again (jacobian-recheck.ts) each run derivative()'s pipeline on their own
 * component, mostly at the same points (the same steps from the same x_j), so F is called once per
 * point for all of them.
 */

import { component } from "./vector-caller.js";

/**
 * Points a column's cache holds at first (it grows by doubling): a derivative asks for about 10 points,
 * a noisy one up to 60.
 *
 * @default 64
 * @example
 * ```ts
 * COLUMN_POINTS_CAPACITY; // => 64
 * ```
 */
export const COLUMN_POINTS_CAPACITY = 64;

/**
 * The cache of one column (see the file comment): point i's t in `keys[i]`, F's m components there
 * at values[i·m..].
 *
 * @example
 * ```ts
 * const points = new ColumnPoints(2);
 * points.add(0.5, [1, 2], 0);
 * points.find(0.5); // => 0
 * points.value(0, 1); // => 2
 * points.find(0.25); // => -1
 * ```
 */
export class ColumnPoints {
  private keys = new Float64Array(COLUMN_POINTS_CAPACITY);
  private values: Float64Array;
  size = 0;

  constructor(readonly m: number) {
    this.values = new Float64Array(COLUMN_POINTS_CAPACITY * m);
  }

  /** Forgets every point (a new column). */
  clear(): void {
    this.size = 0;
  }

  /** The index of t, or -1 (+0 and -0 are different points, as in the Sampler). */
  find(t: number): number {
    const keys = this.keys;
    for (let i = this.size - 1; i >= 0; i--)
      if (keys[i] === t && (t !== 0 || Object.is(keys[i], t))) return i;
    return -1;
  }

  /** Keeps F's m components at t, read from v at [base, base + m) (refused unless numbers); returns the index. */
  add(t: number, v: ArrayLike<number> | null, base: number): number {
    const m = this.m;
    if (this.size === this.keys.length) {
      const keys = new Float64Array(2 * this.keys.length);
      keys.set(this.keys);
      this.keys = keys;
      const values = new Float64Array(keys.length * m);
      values.set(this.values);
      this.values = values;
    }
    const i = this.size++;
    this.keys[i] = t;
    const at = i * m;
    for (let k = 0; k < m; k++) this.values[at + k] = v === null ? NaN : component(v, base + k);
    return i;
  }

  /** Component k of F at point i. */
  value(i: number, k: number): number {
    return this.values[i * this.m + k];
  }
}
