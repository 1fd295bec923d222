/**
 * Evaluation of f for the engine: counts calls exactly, caches by argument (stencils at steps h and
 * h/2 share points), refuses points outside the bounds without calling f, and rejects results that
 * are not numbers.
 */

import { NumdiffError, describeValue } from "./errors.js";
import type { Fn1 } from "./types.js";

// The buffers of the last released sampler, taken by the next one.
let spareBuffers: [Float64Array, Float64Array] | null = null;

/**
 * A counting, caching view of f restricted to [lo, hi].
 *
 * @example
 * ```ts
 * const s = new Sampler(Math.exp, 0, 1);
 * s.at(0.5); s.at(0.5); s.at(2); // 1.648…, 1.648…, NaN (outside, f not called)
 * s.evaluations; // 1
 * ```
 */
export class Sampler {
  /** Calls of f made so far. */
  evaluations = 0;
  // The points asked for so far and their values: a derivative asks for a few dozen, so a linear
  // search of a typed array is cheaper than a Map keyed by doubles. Grows by doubling.
  private keys: Float64Array;
  private vals: Float64Array;
  private size = 0;

  constructor(
    private readonly f: Fn1,
    private readonly lo = -Infinity,
    private readonly hi = Infinity,
  ) {
    // A spare pair of buffers from the last released sampler: a loop of derivative() allocates none.
    const buffers = spareBuffers ?? [new Float64Array(SAMPLER_CAPACITY), new Float64Array(SAMPLER_CAPACITY)];
    spareBuffers = null;
    [this.keys, this.vals] = buffers;
  }

  /** Hands the cache's buffers back for the next sampler; the sampler must not be used afterwards. */
  release(): void {
    if (this.keys.length === SAMPLER_CAPACITY) spareBuffers = [this.keys, this.vals];
    this.size = 0;
  }

  /** f(t), or NaN without calling f when t is outside the bounds or not finite. */
  at(t: number): number {
    if (!(t >= this.lo && t <= this.hi) || !Number.isFinite(t)) return NaN;
    const keys = this.keys;
    for (let i = this.size - 1; i >= 0; i--)
      if (keys[i] === t && (t !== 0 || Object.is(keys[i], t))) return this.vals[i];
    const v = this.f(t);
    this.evaluations++;
    if (typeof v !== "number") {
      throw new NumdiffError(
        "NON_NUMERIC_RESULT",
        "f",
        `invalid f; expected a function returning numbers, got ${describeValue(v)} at x = ${t}`,
      );
    }
    if (this.size === keys.length) {
      this.keys = new Float64Array(2 * keys.length);
      this.keys.set(keys);
      const vals = new Float64Array(2 * keys.length);
      vals.set(this.vals);
      this.vals = vals;
    }
    this.keys[this.size] = t;
    this.vals[this.size++] = v;
    return v;
  }
}

/**
 * Initial capacity of a {@link Sampler}'s cache: a first derivative typically asks for 10 points, a
 * noisy or non-smooth one for up to 60.
 *
 * @default 32
 * @example
 * ```ts
 * SAMPLER_CAPACITY; // 32
 * ```
 */
export const SAMPLER_CAPACITY = 32;
