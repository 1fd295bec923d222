/**
 * Least-squares polynomial fits to a window of samples, as weights: the derivative of the fitted
 * polynomial at a point is a weighted sum of the samples (A. Savitzky and M. J. E. Golay, Anal. Chem.
 * 36 (1964) 1627-1639; for any abscissae, P. A. Gorry, Anal. Chem. 63 (1991) 534-536).
 */

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
  const z = solveSymmetric(gram, rhs, m); // row `derivative` of the inverse Gram matrix
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

/** Solves G z = b for a small symmetric positive definite G by Gaussian elimination with partial pivoting. */
function solveSymmetric(g: Float64Array, b: Float64Array, m: number): Float64Array {
  const a = Float64Array.from(g);
  const z = Float64Array.from(b);
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(a[r * m + col]) > Math.abs(a[pivot * m + col])) pivot = r;
    if (pivot !== col) {
      for (let c = 0; c < m; c++) [a[col * m + c], a[pivot * m + c]] = [a[pivot * m + c], a[col * m + c]];
      [z[col], z[pivot]] = [z[pivot], z[col]];
    }
    for (let r = col + 1; r < m; r++) {
      const f = a[r * m + col] / a[col * m + col];
      for (let c = col; c < m; c++) a[r * m + c] -= f * a[col * m + c];
      z[r] -= f * z[col];
    }
  }
  for (let r = m - 1; r >= 0; r--) {
    let s = z[r];
    for (let c = r + 1; c < m; c++) s -= a[r * m + c] * z[c];
    z[r] = s / a[r * m + r];
  }
  return z;
}
