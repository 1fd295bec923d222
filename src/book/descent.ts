import { invalid } from "../core/errors.js";
import { numericalGradient, type BookArray } from "./gradient.js";

/**
 * Options of {@link gradientDescent}, the book's keyword arguments.
 *
 * @example
 * ```ts
 * import { gradientDescent } from "numdiff/book";
 * const f = (x: Float64Array) => x[0] ** 2 + x[1] ** 2;
 * gradientDescent(f, [-3, 4], { lr: 0.1, stepNum: 20 }).x;
 * // Float64Array [-0.03458764513817675, 0.04611686018418694] (the book's 20-step figure)
 * ```
 */
export interface GradientDescentOptions {
  /** Learning rate η; default 0.01, as in the book. */
  lr?: number;
  /** Number of steps; default 100, as in the book. */
  stepNum?: number;
}

/**
 * The end point and the point before each step.
 *
 * @example
 * ```ts
 * import { gradientDescent } from "numdiff/book";
 * const { x, history } = gradientDescent((x) => x[0] ** 2 + x[1] ** 2, [-3, 4], { lr: 0.1, stepNum: 3 });
 * history.length; // => 3
 * history[0]; // => Float64Array [-3, 4] (the start)
 * x; // => Float64Array [-1.535999999998758, 2.0479999999971596]
 * ```
 */
export interface GradientDescentResult {
  /** x after `stepNum` steps. */
  x: Float64Array;
  /** x before each step (`stepNum` entries, the first is initX). */
  history: Float64Array[];
}

/**
 * The book's `gradient_descent` (ch. 4): `stepNum` times, record x, then x −= lr · numericalGradient(f, x),
 * the same operations in the same order, so the printed figures come out bit for bit. Unlike the
 * book's, the caller's `initX` is not changed (numpy's `x -= …` modifies `init_x` in place).
 *
 * @param f - f(x); receives the working Float64Array, perturbed in place by {@link numericalGradient}.
 * @param initX - the starting point.
 * @param options - `lr` (default 0.01) and `stepNum` (default 100).
 * @example
 * ```ts
 * import { gradientDescent } from "numdiff/book";
 * const f = (x: Float64Array) => x[0] ** 2 + x[1] ** 2;
 * gradientDescent(f, [-3, 4], { lr: 0.1, stepNum: 100 }).x;
 * // Float64Array [-6.111107928998789e-10, 8.148143905314271e-10] (the book's; the minimum is [0, 0])
 * gradientDescent(f, [-3, 4], { lr: 10 }).x; // => Float64Array [-2.58983747e+13, -1.29524862e+12] ± 1e5 (diverges)
 * ```
 */
export function gradientDescent(
  f: (x: Float64Array) => number,
  initX: BookArray,
  options: GradientDescentOptions = {},
): GradientDescentResult {
  const { lr = 0.01, stepNum = 100 } = options;
  if (!(typeof lr === "number" && Number.isFinite(lr)))
    throw invalid("INVALID_OPTION", "lr", "a finite number", lr);
  if (!(Number.isInteger(stepNum) && stepNum >= 0)) {
    throw invalid("INVALID_OPTION", "stepNum", "an integer >= 0", stepNum);
  }
  if (!(Array.isArray(initX) || initX instanceof Float64Array || initX instanceof Float32Array)) {
    throw invalid("INVALID_POINT", "initX", "an array of numbers, Float64Array or Float32Array", initX);
  }
  const x = Float64Array.from(initX);
  const history: Float64Array[] = [];
  for (let i = 0; i < stepNum; i++) {
    history.push(x.slice());
    const grad = numericalGradient(f, x);
    for (let k = 0; k < x.length; k++) x[k] -= lr * grad[k];
  }
  return { x, history };
}
