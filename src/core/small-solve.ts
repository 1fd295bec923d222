/**
 * A small dense linear solve: Gaussian elimination with partial pivoting, for the few-by-few systems
 * of the sampled local polynomials (sampled/local-polynomial.ts, a Gram matrix) and of the anchored jump
 * model (anchored-jump.ts). Written here rather than taken from mathjs: the core has no dependencies.
 */

/**
 * Solves A z = b for a small nonsingular m × m matrix A (row-major) by Gaussian elimination with
 * partial pivoting; A and b are not changed.
 *
 * @example
 * ```ts
 * solveSmall(Float64Array.from([2, 1, 1, 3]), Float64Array.from([3, 5]), 2); // Float64Array [0.8, 1.4]
 * ```
 */
export function solveSmall(g: Float64Array, b: Float64Array, m: number): Float64Array {
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
