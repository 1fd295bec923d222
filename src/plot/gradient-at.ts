import { derivative } from "../core/derivative.js";
import type { FnN } from "../core/types.js";

/**
 * The gradient of f at x by numdiff's default `derivative` along each coordinate (a stand-in until
 * the figures switch to the core's multivariate `gradient`). x is not changed; f gets a fresh copy.
 *
 * @example
 * ```ts
 * gradientAt((x) => x[0] ** 2 + x[1] ** 2, [3, 4]); // Float64Array [6, 8] (to about 1e-15)
 * ```
 */
export function gradientAt(f: FnN, x: ArrayLike<number>): Float64Array {
  const point = Float64Array.from(x);
  const out = new Float64Array(point.length);
  for (let i = 0; i < point.length; i++) {
    const along = (t: number): number => {
      const y = Float64Array.from(point);
      y[i] = t;
      return f(y);
    };
    out[i] = derivative(along, point[i]).value;
  }
  return out;
}
