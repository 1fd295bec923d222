import { BOOK_STEP } from "../core/constants.js";
import { invalid } from "../core/errors.js";

/**
 * An array the book's functions perturb in place: numbers, Float64Array or Float32Array.
 *
 * @example
 * ```ts
 * import { numericalGradient } from "numdiff/book";
 * numericalGradient((x: Float32Array) => x[0] ** 2 + x[1] ** 2, new Float32Array([3, 4]));
 * // Float64Array [5.993843078613281, 8.00132775310658] (x ± h rounded to float32)
 * ```
 */
export type BookArray = number[] | Float64Array | Float32Array;

function checkRow(x: unknown, name: string): asserts x is BookArray {
  if (!(Array.isArray(x) || x instanceof Float64Array || x instanceof Float32Array)) {
    const why = ArrayBuffer.isView(x) ? " (integer arrays would truncate x + h)" : "";
    throw invalid("INVALID_POINT", name, `an array of numbers, Float64Array or Float32Array${why}`, x);
  }
}

/** The book's `_numerical_gradient_no_batch`, the same operations in the same order. */
function noBatch<T extends BookArray>(f: (x: T) => number, x: T): Float64Array {
  const h = BOOK_STEP;
  const grad = new Float64Array(x.length);
  for (let idx = 0; idx < x.length; idx++) {
    const tmpVal = x[idx];
    x[idx] = tmpVal + h;
    const fxh1 = f(x);
    x[idx] = tmpVal - h;
    const fxh2 = f(x);
    grad[idx] = (fxh1 - fxh2) / (2 * h);
    x[idx] = tmpVal;
  }
  return grad;
}

/**
 * The book's `numerical_gradient` (ch. 4): for each index, x[idx] = tmp + h, f(x), x[idx] = tmp − h,
 * f(x), (f1 − f2) / (2h), x[idx] = tmp, with h = 1e-4. It perturbs `x` in place and restores each
 * entry from its saved value, so f may ignore its argument and read shared state instead
 * (`w => net.loss(input, t)` with x = net.W). A batch (an array of rows) gives a gradient per row,
 * f being called with the row. Integer typed arrays are refused: they would truncate x + h.
 *
 * @param f - f(x), called 2·(number of entries) times with x itself (perturbed in place).
 * @param x - a row, or a batch of rows; restored entry by entry, bit for bit.
 * @example
 * ```ts
 * import { numericalGradient } from "numdiff/book";
 * const f = (x: number[]) => x[0] ** 2 + x[1] ** 2;
 * numericalGradient(f, [3, 4]); // => Float64Array [6.00000000000378, 7.999999999999119] (truth [6, 8])
 * numericalGradient(f, [[3, 4], [0, 2]]); // => [Float64Array [6.00000000000378, 7.999999999999119], Float64Array [0, 4.000000000004]]
 * ```
 */
export function numericalGradient<T extends BookArray>(f: (x: T) => number, x: T): Float64Array;
export function numericalGradient<T extends BookArray>(f: (x: T) => number, x: readonly T[]): Float64Array[];
export function numericalGradient<T extends BookArray>(
  f: (x: T) => number,
  x: T | readonly T[],
): Float64Array | Float64Array[] {
  if (typeof f !== "function") throw invalid("INVALID_FUNCTION", "f", "a function", f);
  const batch = Array.isArray(x) && x.length > 0 && typeof x[0] === "object";
  if (!batch) {
    checkRow(x, "x");
    return noBatch(f, x as T);
  }
  const rows = x as readonly unknown[];
  return rows.map((row, i) => {
    checkRow(row, `x[${i}]`);
    return noBatch(f, row as T);
  });
}
