/**
 * Coordinates that are exactly uniform.
 */

/**
 * The spacing when every difference of `x` equals the first one exactly, else null. numpy.gradient
 * makes the same test; stencils then use the exact uniform weights.
 *
 * @example
 * ```ts
 * commonSpacing(Float64Array.of(0, 1, 2, 3)); // 1
 * commonSpacing(Float64Array.of(0, 0.1, 0.2, 0.3)); // null (0.3 − 0.2 = 0.09999999999999998 in doubles)
 * ```
 */
export function commonSpacing(x: Float64Array): number | null {
  const d0 = x[1] - x[0];
  for (let i = 2; i < x.length; i++) if (x[i] - x[i - 1] !== d0) return null;
  return d0;
}

/**
 * The mean spacing when every spacing of `x` is within `tolerance` (relative) of it, else null.
 *
 * @example
 * ```ts
 * nearlyCommonSpacing(Float64Array.of(0, 0.1, 0.2, 0.30000000000000004), 1e-9); // 0.10000000000000002
 * nearlyCommonSpacing(Float64Array.of(0, 1, 3), 1e-9); // null
 * ```
 */
export function nearlyCommonSpacing(x: Float64Array, tolerance: number): number | null {
  const n = x.length;
  const mean = (x[n - 1] - x[0]) / (n - 1);
  for (let i = 1; i < n; i++) if (!(Math.abs(x[i] - x[i - 1] - mean) <= tolerance * mean)) return null;
  return mean;
}
