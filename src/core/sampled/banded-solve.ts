/**
 * Solves a symmetric positive definite pentadiagonal system by its LDLᵀ factorisation, in O(n).
 */

/**
 * Solves M v = b for M symmetric pentadiagonal: `d` its diagonal, `e[i]` = M[i][i+1], `f[i]` = M[i][i+2]
 * (LDLᵀ without pivoting, stable for positive definite M). Returns v; the inputs are not changed.
 *
 * @example
 * ```ts
 * solvePentadiagonal(Float64Array.of(2, 2, 2), Float64Array.of(-1, -1), Float64Array.of(0), Float64Array.of(1, 0, 1));
 * // Float64Array [1, 1, 1]
 * ```
 */
export function solvePentadiagonal(
  d: Float64Array,
  e: Float64Array,
  f: Float64Array,
  b: Float64Array,
): Float64Array {
  const n = d.length;
  const D = new Float64Array(n); // the diagonal of D
  const l1 = new Float64Array(n); // L[i+1][i]
  const l2 = new Float64Array(n); // L[i+2][i]
  for (let i = 0; i < n; i++) {
    // M[i][i] = D_i + L[i][i-1]² D_{i-1} + L[i][i-2]² D_{i-2}
    const a1 = i >= 1 ? l1[i - 1] : 0;
    const a2 = i >= 2 ? l2[i - 2] : 0;
    D[i] = d[i] - (i >= 1 ? a1 * a1 * D[i - 1] : 0) - (i >= 2 ? a2 * a2 * D[i - 2] : 0);
    if (i + 1 < n) {
      // M[i+1][i] = L[i+1][i] D_i + L[i+1][i-1] L[i][i-1] D_{i-1}
      const cross = i >= 1 ? l2[i - 1] * a1 * D[i - 1] : 0;
      l1[i] = (e[i] - cross) / D[i];
    }
    if (i + 2 < n) l2[i] = f[i] / D[i];
  }
  const v = Float64Array.from(b);
  for (let i = 1; i < n; i++) v[i] -= l1[i - 1] * v[i - 1] + (i >= 2 ? l2[i - 2] * v[i - 2] : 0);
  for (let i = 0; i < n; i++) v[i] /= D[i];
  for (let i = n - 2; i >= 0; i--) v[i] -= l1[i] * v[i + 1] + (i + 2 < n ? l2[i] * v[i + 2] : 0);
  return v;
}
