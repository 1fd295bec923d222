/**
 * Evaluation of f for the engine: counts calls exactly, caches by argument (stencils at steps h and
 * h/2 share points), refuses points outside the bounds without calling f, and rejects results that
 * are not numbers.
 */

import { NumdiffError, describeValue } from "./errors.js";
import type { Fn1 } from "./types.js";

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
  private readonly cache = new Map<number, number>();

  constructor(
    private readonly f: Fn1,
    private readonly lo = -Infinity,
    private readonly hi = Infinity,
  ) {}

  /** f(t), or NaN without calling f when t is outside the bounds or not finite. */
  at(t: number): number {
    if (!(t >= this.lo && t <= this.hi) || !Number.isFinite(t)) return NaN;
    let v = this.cache.get(t);
    if (v === undefined) {
      v = this.f(t);
      this.evaluations++;
      if (typeof v !== "number") {
        throw new NumdiffError(
          "NON_NUMERIC_RESULT",
          "f",
          `invalid f; expected a function returning numbers, got ${describeValue(v)} at x = ${t}`,
        );
      }
      this.cache.set(t, v);
    }
    return v;
  }
}
