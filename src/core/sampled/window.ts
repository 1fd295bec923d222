/**
 * Which samples a stencil uses at each point: a centred window inside, a one-sided window of the same
 * accuracy order at the edges.
 */

/**
 * Half-width of the centred window for derivative `order` and accuracy `accuracy`.
 *
 * On a uniform grid, a symmetric stencil of 2m+1 points with m = ⌊(order−1)/2⌋ + accuracy/2 has
 * truncation order `accuracy` (symmetry cancels one more term for even orders), as findiff's `center`.
 * On a non-uniform grid symmetry gives nothing: n points give order n − `order`, so the window holds at
 * least `order + accuracy` points, rounded up to an odd count.
 *
 * @example
 * ```ts
 * centredHalfWidth(1, 2, true); // 1  (3 points)
 * centredHalfWidth(2, 2, true); // 1  (3 points)
 * centredHalfWidth(2, 2, false); // 2 (5 points)
 * ```
 */
export function centredHalfWidth(order: number, accuracy: number, uniform: boolean): number {
  if (uniform) return Math.floor((order - 1) / 2) + accuracy / 2;
  return Math.ceil((order + accuracy - 1) / 2);
}

/**
 * Number of points of a one-sided stencil of truncation order `accuracy` for derivative `order`:
 * `order + accuracy` (findiff's `forward`/`backward`).
 *
 * @example
 * ```ts
 * edgeCount(2, 2); // 4: [2, -5, 4, -1] at offsets 0..3
 * ```
 */
export function edgeCount(order: number, accuracy: number): number {
  return order + accuracy;
}

/**
 * First sample of the window for point `i` of `n`: `i − half` inside; at the edges, the window of
 * `edge` samples nearest the end (the first or last `edge` samples).
 *
 * @example
 * ```ts
 * windowStart(0, 10, 1, 3); // 0 (one-sided, points 0..2)
 * windowStart(5, 10, 1, 3); // 4 (centred, points 4..6)
 * windowStart(9, 10, 1, 3); // 7 (one-sided, points 7..9)
 * ```
 */
export function windowStart(i: number, n: number, half: number, edge: number): number {
  if (i < half) return 0;
  if (i > n - 1 - half) return n - edge;
  return i - half;
}

/**
 * Number of samples in the window for point `i`: `2·half + 1` inside, `edge` at the edges.
 *
 * @example
 * ```ts
 * windowCount(0, 10, 1, 3); // 3
 * ```
 */
export function windowCount(i: number, n: number, half: number, edge: number): number {
  return i < half || i > n - 1 - half ? edge : 2 * half + 1;
}
