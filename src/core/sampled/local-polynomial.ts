/**
 * Least-squares polynomial fits to a window of samples, as weights: the derivative of the fitted
 * polynomial at a point is a weighted sum of the samples (A. Savitzky and M. J. E. Golay, Anal. Chem.
 * 36 (1964) 1627-1639; for any abscissae, P. A. Gorry, Anal. Chem. 63 (1991) 534-536).
 */

import { solveSmall } from "../small-solve.js";

/**
 * Fills `out[0..t.length)` with the weights w such that Σ w_j·y_j is the `derivative`-th derivative at
 * t = 0 of the degree-`degree` least-squares polynomial through (t_j, y_j). `t` should be scaled to
 * about [−1, 1] (the normal equations are then well conditioned for degree ≤ 8).
 *
 * @example
 * ```ts
 * const w = new Float64Array(5);
 * polynomialWeights(Float64Array.of(-1, -0.5, 0, 0.5, 1), 2, 0, w);
 * // w = [-3, 12, 17, 12, -3] / 35 (the classic 5-point quadratic smoother)
 * ```
 */
export function polynomialWeights(
  t: Float64Array,
  degree: number,
  derivative: number,
  out: Float64Array,
): void {
  const m = degree + 1;
  const gram = new Float64Array(m * m);
  const powers = new Float64Array(2 * degree + 1);
  for (let j = 0; j < t.length; j++) {
    let p = 1;
    for (let k = 0; k <= 2 * degree; k++) {
      powers[k] += p;
      p *= t[j];
    }
  }
  for (let r = 0; r < m; r++) for (let c = 0; c < m; c++) gram[r * m + c] = powers[r + c];
  const rhs = new Float64Array(m);
  rhs[derivative] = 1;
  const z = solveSmall(gram, rhs, m); // row `derivative` of the inverse Gram matrix
  let factorial = 1;
  for (let k = 2; k <= derivative; k++) factorial *= k;
  for (let j = 0; j < t.length; j++) {
    let sum = 0;
    let p = 1;
    for (let k = 0; k < m; k++) {
      sum += z[k] * p;
      p *= t[j];
    }
    out[j] = factorial * sum;
  }
}
