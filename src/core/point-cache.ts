/**
 * The values of f one point of derivative(f, xs)'s common path has asked for (common-path.ts), as a
 * Sampler keeps them for one derivative(): f is called once per distinct point, and a point that
 * departs to the scalar pipeline gets them replayed.
 */

import { MAX_ROWS } from "./constants.js";
import { checkNumber } from "./sampler.js";
import type { Fn1 } from "./types.js";

/**
 * Room for every point the common path can ask for at one x: two columns of MAX_ROWS central rows
 * (two points each) and the noise check's two points.
 *
 * @default 98
 * @example
 * ```ts
 * POINT_CACHE_SIZE; // 98
 * ```
 */
export const POINT_CACHE_SIZE = 2 * 2 * MAX_ROWS + 2;

/**
 * A cache of f at the points of one x (see the file comment).
 *
 * @example
 * ```ts
 * const c = new PointCache();
 * c.value(Math.exp, 0); c.value(Math.exp, 0); // 1, 1 (one call of exp)
 * c.size; // 1
 * ```
 */
export class PointCache {
  readonly keys = new Float64Array(POINT_CACHE_SIZE);
  readonly vals = new Float64Array(POINT_CACHE_SIZE);
  size = 0;

  /**
   * f(t) from the cache, or from f (stored); NaN without calling f when t is not finite (Sampler.at's
   * rule). +0 and −0 are different points.
   */
  value(f: Fn1, t: number): number {
    if (!Number.isFinite(t)) return NaN;
    const keys = this.keys;
    for (let i = this.size - 1; i >= 0; i--)
      if (keys[i] === t && (t !== 0 || Object.is(keys[i], t))) return this.vals[i];
    const v = f(t);
    if (typeof v !== "number") checkNumber(v, t);
    if (this.size < POINT_CACHE_SIZE) {
      keys[this.size] = t;
      this.vals[this.size++] = v;
    }
    return v;
  }

  /** The cached value at t, as a replayed f would give it, or f(t) (not stored). */
  replay(f: Fn1, t: number): number {
    const keys = this.keys;
    for (let i = this.size - 1; i >= 0; i--)
      if (keys[i] === t && (t !== 0 || Object.is(keys[i], t))) return this.vals[i];
    return f(t);
  }
}
