/**
 * Finite-difference weights for arbitrary real offsets, in floating point, by Fornberg's recurrence
 * (B. Fornberg, "Generation of finite difference formulas on arbitrarily spaced grids", Math. Comp. 51
 * (1988) 699-706). The exact-rational {@link stencil} covers integer offsets; this one covers the
 * offsets of non-uniform grids.
 */

import { invalid } from "../errors.js";

/**
 * Fills `out` (length ≥ n) with the weights of derivative `order` at 0 for the n = `offsets.length`
 * points `offsets[0..n)`, using `work` (length ≥ n·(order+1)) as scratch. No validation: the caller
 * guarantees distinct finite offsets and n > order.
 *
 * @example
 * ```ts
 * const out = new Float64Array(3);
 * fornbergInto([-1, 0, 1], 1, out, new Float64Array(6)); // out = [-0.5, 0, 0.5]
 * ```
 */
export function fornbergInto(
  offsets: ArrayLike<number>,
  order: number,
  out: Float64Array,
  work: Float64Array,
): void {
  const n = offsets.length;
  const M = order + 1; // row stride: c[j·M + k], weight of point j for derivative k
  work.fill(0, 0, n * M);
  work[0] = 1;
  let c1 = 1;
  let c4 = offsets[0];
  for (let i = 1; i < n; i++) {
    const mn = Math.min(i, order);
    let c2 = 1;
    const c5 = c4;
    c4 = offsets[i];
    for (let j = 0; j < i; j++) {
      const c3 = offsets[i] - offsets[j];
      c2 *= c3;
      if (j === i - 1) {
        for (let k = mn; k >= 1; k--) {
          work[i * M + k] = (c1 * (k * work[(i - 1) * M + k - 1] - c5 * work[(i - 1) * M + k])) / c2;
        }
        work[i * M] = (-c1 * c5 * work[(i - 1) * M]) / c2;
      }
      for (let k = mn; k >= 1; k--) {
        work[j * M + k] = (c4 * work[j * M + k] - k * work[j * M + k - 1]) / c3;
      }
      work[j * M] = (c4 * work[j * M]) / c3;
    }
    c1 = c2;
  }
  for (let j = 0; j < n; j++) out[j] = work[j * M + order];
}

/**
 * Weights of derivative `order` at 0 for samples at real `offsets` (distinct, finite, any order, at
 * least `order + 1` of them): `f^(order)(0) ≈ Σ w[j]·f(offsets[j])`. Exact for polynomials of degree
 * below `offsets.length`, up to rounding.
 *
 * @throws NumdiffError (INVALID_ORDER, INVALID_GRID) for a bad order or offsets.
 * @example
 * ```ts
 * import { fornbergWeights } from "numdiff";
 * fornbergWeights([-1, 0, 1], 2); // Float64Array [1, -2, 1]
 * fornbergWeights([-0.5, 0, 1.5], 1); // Float64Array [-1.5, 1.3333333333333333, 0.16666666666666666]
 * // findiff's documented example: coefficients(deriv=2, offsets=[-2, 1, 0, 2, 3, 4, 7])
 * fornbergWeights([-2, 1, 0, 2, 3, 4, 7], 2)[0]; // 0.11543209876543209 (= 187/1620)
 * ```
 */
export function fornbergWeights(offsets: ArrayLike<number>, order: number): Float64Array {
  if (!(Number.isInteger(order) && order >= 0)) {
    throw invalid("INVALID_ORDER", "order", "an integer >= 0", order);
  }
  const n = offsets?.length;
  if (!(typeof n === "number" && n > order)) {
    throw invalid("INVALID_GRID", "offsets", `at least ${order + 1} distinct finite numbers`, offsets);
  }
  const seen = new Set<number>();
  for (let j = 0; j < n; j++) {
    const o = offsets[j];
    if (!(typeof o === "number" && Number.isFinite(o)) || seen.has(o === 0 ? 0 : o)) {
      throw invalid("INVALID_GRID", "offsets", "distinct finite numbers", offsets);
    }
    seen.add(o === 0 ? 0 : o);
  }
  const out = new Float64Array(n);
  fornbergInto(offsets, order, out, new Float64Array(n * (order + 1)));
  return out;
}
