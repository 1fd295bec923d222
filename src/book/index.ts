/**
 * The book's functions (Deep Learning from Scratch, ch. 4) with the book's semantics and bits.
 */

import { BOOK_STEP } from "../core/constants.js";

/**
 * The book's `numerical_diff`: exactly `(f(x + h) - f(x - h)) / (2 * h)` with h = 1e-4, so the
 * printed values come out bit for bit.
 *
 * @example
 * ```ts
 * import { numericalDiff } from "numdiff/book";
 * numericalDiff((x) => 0.01 * x ** 2 + 0.1 * x, 5);  // 0.1999999999990898 (truth: 0.2)
 * numericalDiff((x) => 0.01 * x ** 2 + 0.1 * x, 10); // => 0.2999999999986347 (truth: 0.3)
 * ```
 */
export function numericalDiff(f: (x: number) => number, x: number): number {
  const h = BOOK_STEP;
  return (f(x + h) - f(x - h)) / (2 * h);
}

/**
 * The book's `tangent_line`: the tangent of f at x with the slope d = numericalDiff(f, x), returned as
 * `t => d * t + (f(x) - d * x)`, the same operations in the same order.
 *
 * @example
 * ```ts
 * import { tangentLine } from "numdiff/book";
 * const tf = tangentLine((x) => 0.01 * x ** 2 + 0.1 * x, 5);
 * tf(5);  // 0.75 (= f(5), to rounding)
 * tf(10); // => 1.749999999995449
 * ```
 */
export function tangentLine(f: (x: number) => number, x: number): (t: number) => number {
  const d = numericalDiff(f, x);
  const y = f(x) - d * x;
  return (t: number) => d * t + y;
}
export { numericalGradient, type BookArray } from "./gradient.js";
export { gradientDescent, type GradientDescentOptions, type GradientDescentResult } from "./descent.js";
