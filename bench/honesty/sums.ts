/**
 * Functions of several variables built from one-variable cases, for the honesty scan's multivariate
 * probes: f(x) = Σ_k case_k(x_k) (+ a smooth coupling), whose derivatives are the cases' own. Hash
 * noise is salted with every coordinate, so a noisy term's noise changes whichever coordinate moves;
 * a float32 category rounds the whole sum to float32, as a float32 computation would.
 */
import { hashNoise } from "../../test/fixtures/noise-hash.js";
import type { Case } from "./categories.js";

/**
 * A 32-bit salt from every coordinate's bits.
 *
 * @example
 * ```ts
 * saltOf(Float64Array.of(1, 2)) === saltOf(Float64Array.of(1, 2)); // true
 * ```
 */
export function saltOf(x: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s ^= Math.floor((hashNoise(x[k], 0x5eed + k) + 1) * 2 ** 31);
  return s >>> 0;
}

/**
 * Σ_k case_k(x_k) + coupling(x), rounded to float32 when the cases are.
 *
 * @example
 * ```ts
 * sumOf(cases, () => 0)(Float64Array.of(1, 2));
 * ```
 */
export function sumOf(cases: readonly Case[], coupling: (x: ArrayLike<number>) => number) {
  const round = cases.some((c) => c.float32) ? Math.fround : (v: number) => v;
  return (x: ArrayLike<number>): number => {
    const salt = saltOf(x);
    let s = coupling(x);
    for (let k = 0; k < cases.length; k++) s += cases[k].f(x[k], salt);
    return round(s);
  };
}

/**
 * The same sum computed by writing each term into x first (an f that changes the array it is lent):
 * the same value bit for bit as {@link sumOf} when x is fresh.
 *
 * @example
 * ```ts
 * sumInPlace(cases, () => 0)(Float64Array.of(1, 2));
 * ```
 */
export function sumInPlace(cases: readonly Case[], coupling: (x: ArrayLike<number>) => number) {
  const round = cases.some((c) => c.float32) ? Math.fround : (v: number) => v;
  return (x: Float64Array): number => {
    const salt = saltOf(x);
    let s = coupling(x);
    for (let k = 0; k < cases.length; k++) x[k] = cases[k].f(x[k], salt);
    for (let k = 0; k < cases.length; k++) s += x[k];
    return round(s);
  };
}

/**
 * The repro text of a sum: `x => (f0)(x[0]) + (f1)(x[1]) + …`, without the salt (so a noisy sum's
 * repro is the unsalted version; the structure is the point).
 *
 * @example
 * ```ts
 * sumText(cases, "");
 * ```
 */
export function sumText(cases: readonly Case[], coupling: string): string {
  const terms = cases.map((c, k) => `(${c.text})(x[${k}])`).join(" + ");
  return `x => ${cases.some((c) => c.float32) ? "Math.fround(" : ""}${coupling}${terms}${cases.some((c) => c.float32) ? ")" : ""}`;
}
