import { BOOK_STEP } from "../core/constants.js";
import type { FnN } from "../core/types.js";

/**
 * The book's `gradient_descent` (Deep Learning from Scratch, ch. 4) with its `numerical_gradient`:
 * `steps` times, record x, take the central difference (f(x + h·eᵢ) − f(x − h·eᵢ))/(2h) with
 * h = 1e-4 in each coordinate (nudging x in place and restoring it from the saved value), then
 * x −= lr·grad. Same operations in the same order, so the same bits. The start is not changed.
 * (A stand-in until the figures switch to `gradientDescent` from numdiff/book.)
 *
 * @returns `x` after the last step and `history`, the `steps` points before each step (the book
 *   leaves the final x out of the history).
 * @example
 * ```ts
 * descentPath((x) => x[0] ** 2 + x[1] ** 2, [-3, 4], 0.1, 20).x; // ≈ [-0.03458765, 0.04611686] (gradient_method.py)
 * ```
 */
export function descentPath(
  f: FnN,
  start: ArrayLike<number>,
  lr: number,
  steps: number,
): { x: Float64Array; history: Float64Array[] } {
  const x = Float64Array.from(start);
  const grad = new Float64Array(x.length);
  const history: Float64Array[] = [];
  const h = BOOK_STEP;
  for (let step = 0; step < steps; step++) {
    history.push(Float64Array.from(x));
    for (let i = 0; i < x.length; i++) {
      const saved = x[i];
      x[i] = saved + h;
      const fxh1 = f(x);
      x[i] = saved - h;
      const fxh2 = f(x);
      grad[i] = (fxh1 - fxh2) / (2 * h);
      x[i] = saved;
    }
    for (let i = 0; i < x.length; i++) x[i] -= lr * grad[i];
  }
  return { x, history };
}
