/**
 * The values of f one point of derivative(f, xs)'s common path has asked for (common-path.ts), as a
 * Sampler keeps them for one derivative(): f is called once per distinct point, and a point that
 * departs to the scalar pipeline gets them replayed.
 */

import { MAX_ROWS } from "./constants.js";
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
 * c.store(0, 1);
 * c.find(0); // 0
 * c.find(-0); // -1 (a different point)
 * ```
 */
export class PointCache {
  readonly keys = new Float64Array(POINT_CACHE_SIZE);
  readonly vals = new Float64Array(POINT_CACHE_SIZE);
  size = 0;

  /** The index of t in the cache, or -1. +0 and −0 are different points (as in Sampler). */
  find(t: number): number {
    const keys = this.keys;
    for (let i = this.size - 1; i >= 0; i--)
      if (keys[i] === t && (t !== 0 || Object.is(keys[i], t))) return i;
    return -1;
  }

  /** Index i when the cache holds t there (i ≥ 0), else -1. */
  findAt(t: number, i: number): number {
    return i >= 0 && this.keys[i] === t && (t !== 0 || Object.is(this.keys[i], t)) ? i : -1;
  }

  /** Stores f(t) = v and returns its index (-1: dropped when full, which the common path rules out). */
  store(t: number, v: number): number {
    if (this.size === POINT_CACHE_SIZE) return -1;
    this.keys[this.size] = t;
    this.vals[this.size] = v;
    return this.size++;
  }

  /** The cached value at t, as a replayed f would give it, or f(t) (not stored). */
  replay(f: Fn1, t: number): number {
    const keys = this.keys;
    for (let i = this.size - 1; i >= 0; i--)
      if (keys[i] === t && (t !== 0 || Object.is(keys[i], t))) return this.vals[i];
    return f(t);
  }
}
