/**
 * A Jacobian entry of exactly 0 from a column flat at its last steps (every value there F_k(x)) where
 * the column's first row moved F_k(x) up on one side and down on the other: an odd move, a slope that
 * the smaller steps could not resolve. F_k = f32(atan(x₀)) + atan(x₁) at x₀ = −3348.95 is a small
 * difference of terms near π/2 whose float32 step is 1.2e-7, while the slope 8.9e-8 moves them by
 * less than that at the second scale's steps (1/64): every value there equals F_k(x), and the column
 * kept 0 ± 1.5e-14, where the first row's steps of 104 had moved F_k from −1.5e-6 to −1.1e-5 and
 * 8.2e-6 (derivative() gives 8.9e-8 ± 2.1e-8, noise-limited: its zeroBelowResolution, settle-noise.ts,
 * probes wider steps). Such an entry is rechecked by derivative()'s pipeline (jacobian-recheck.ts). F
 * flat beside a kink (max(0, t − x − 1e-3), max(0, |t − x| − 1e-3)) moves on one side only, or alike
 * on both (an even move), so its 0 stays; a component that does not depend on x_j does not move at
 * all. The small Jacobian's common path tests it only for a component flat at the second scale that
 * moved at the first (jacobian-common.ts, lateFlat), so a smooth F's columns skip it.
 */

/**
 * Whether an entry of `value` 0, flat at its last column (`flat` 1), had its column's first row move
 * F_k(x) = `centre` oddly: `below` (at x_j − h) and `above` (at x_j + h) on opposite sides of it.
 *
 * @example
 * ```ts
 * flatBelowSlope(0, 1, -1.05e-5, 8.17e-6, -1.48e-6); // => true (an odd move hidden at smaller steps)
 * flatBelowSlope(0, 1, 0, 2e-3, 0); // => false (max(0, t − x − 1e-3): one side moves)
 * flatBelowSlope(0, 1, 2e-3, 2e-3, 0); // => false (an even move)
 * ```
 */
export function flatBelowSlope(
  value: number,
  flat: number,
  below: number,
  above: number,
  centre: number,
): boolean {
  return value === 0 && flat === 1 && (below - centre) * (above - centre) < 0;
}
