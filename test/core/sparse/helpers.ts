/** Shared by the sparse tests: patterns, grids, a seeded generator, and catching a NumdiffError. */
import { NumdiffError } from "../../../src/core/index.js";
import { uniforms } from "../../../src/core/sparse/detect.js";

/** The (row, column) pairs of an n × n band of half-width b (b = 0 diagonal, 1 tridiagonal). */
export function band(n: number, b: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++)
    for (let j = Math.max(0, i - b); j <= Math.min(n - 1, i + b); j++) pairs.push([i, j]);
  return pairs;
}

/** n evenly spaced points from lo to hi. */
export function grid(n: number, lo: number, hi: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

/** Uniform numbers in [0, 1) from a 32-bit xorshift seeded by `seed` (detection's own generator). */
export const xorshift = uniforms;

/** The NumdiffError `f` throws (fails the test if it throws nothing or something else). */
export function thrown(f: () => unknown): NumdiffError {
  try {
    f();
  } catch (e) {
    if (e instanceof NumdiffError) return e;
    throw e;
  }
  throw new Error("expected a NumdiffError");
}
