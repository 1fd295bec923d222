/**
 * Seeded draws for the honesty scan, on pure-rand's xoroshiro128+ (a well-kept generator, the one
 * fast-check uses): the same seed gives the same cases on every machine.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/** A stream of uniform numbers in [0, 1). */
export interface Rng {
  next: () => number;
}

/**
 * A stream for one part of the scan: the seed and the part's name together, so that adding a part
 * never changes the cases of another.
 *
 * @example
 * ```ts
 * const r = rngFor(1, "smooth/derivative");
 * r.next() === rngFor(1, "smooth/derivative").next(); // true
 * ```
 */
export function rngFor(seed: number, part: string): Rng {
  let h = seed | 0;
  for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 0x9e3779b1) | 0;
  const g = xoroshiro128plus(h);
  return { next: () => uniformFloat64(g) };
}

/**
 * A uniform draw in [lo, hi).
 *
 * @example
 * ```ts
 * uniform(rngFor(1, "a"), 2, 3) >= 2; // true
 * ```
 */
export function uniform(r: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * r.next();
}

/**
 * 10^u with u uniform in [lo, hi).
 *
 * @example
 * ```ts
 * logUniform(rngFor(1, "a"), -3, 0) <= 1; // true
 * ```
 */
export function logUniform(r: Rng, lo: number, hi: number): number {
  return 10 ** uniform(r, lo, hi);
}

/**
 * −1 or 1 with equal odds.
 *
 * @example
 * ```ts
 * Math.abs(randomSign(rngFor(1, "a"))); // 1
 * ```
 */
export function randomSign(r: Rng): number {
  return r.next() < 0.5 ? -1 : 1;
}

/**
 * An integer in [lo, hi].
 *
 * @example
 * ```ts
 * randomInt(rngFor(1, "a"), 2, 2); // 2
 * ```
 */
export function randomInt(r: Rng, lo: number, hi: number): number {
  return lo + Math.floor(r.next() * (hi - lo + 1));
}

/**
 * One element, uniformly.
 *
 * @example
 * ```ts
 * pick(rngFor(1, "a"), ["x"]); // "x"
 * ```
 */
export function pick<T>(r: Rng, items: readonly T[]): T {
  return items[Math.floor(r.next() * items.length)];
}
