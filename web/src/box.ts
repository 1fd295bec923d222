/**
 * The visible region of the two-variable view: where it starts, how it zooms, and how it grows to
 * keep the point in sight.
 */
import type { Box } from "./geometry.js";
import { clampView, zoomView } from "./view.js";

/**
 * The book's view of gradient descent, xlim (-3.5, 3.5), ylim (-4.5, 4.5) (gradient_method.py): the
 * first region whenever the point lies in it. It holds the book's start (-3, 4).
 *
 * @example
 * ```ts
 * BOOK_BOX; // [[-3.5, 3.5], [-4.5, 4.5]]
 * ```
 */
export const BOOK_BOX: Box = Object.freeze([Object.freeze([-3.5, 3.5]), Object.freeze([-4.5, 4.5])]) as Box;

/**
 * Factor by which the region grows about its centre, repeatedly, until a point typed outside it
 * lies inside: doubling keeps the region's shape and reaches any point in few steps.
 *
 * @default 2
 * @example
 * ```ts
 * followBox(BOOK_BOX, [5, 0]); // [[-7, 7], [-9, 9]]
 * ```
 */
export const BOX_GROWTH = 2;

/** Most growth steps: 2^60 times the book's region is past any point a person types. */
const MAX_GROWTH_STEPS = 60;

function inside(box: Box, p: readonly [number, number]): boolean {
  return p[0] >= box[0][0] && p[0] <= box[0][1] && p[1] >= box[1][0] && p[1] <= box[1][1];
}

/**
 * The first region for a point: the book's when the point lies in it, else the book's grown until
 * it does.
 *
 * @example
 * ```ts
 * initialBox([-3, 4]); // BOOK_BOX
 * initialBox([10, 0]); // [[-14, 14], [-18, 18]]
 * ```
 */
export function initialBox(p: readonly [number, number]): Box {
  return followBox(BOOK_BOX, p);
}

/**
 * The region after the point moved to p: unchanged when p is inside, else grown about its centre by
 * {@link BOX_GROWTH} until p is inside.
 *
 * @example
 * ```ts
 * followBox([[-1, 1], [-1, 1]], [0.5, 0.5]); // [[-1, 1], [-1, 1]]
 * followBox([[-1, 1], [-1, 1]], [3, 0]); // [[-4, 4], [-4, 4]]
 * ```
 */
export function followBox(box: Box, p: readonly [number, number]): Box {
  let b = box;
  for (let i = 0; i < MAX_GROWTH_STEPS && !inside(b, p); i++) {
    b = [zoomAbout(b[0], BOX_GROWTH), zoomAbout(b[1], BOX_GROWTH)];
  }
  return b;
}

function zoomAbout(r: readonly [number, number], factor: number): readonly [number, number] {
  const c = r[0] / 2 + r[1] / 2;
  const half = ((r[1] - r[0]) / 2) * factor;
  return clampView(c - half, c + half);
}

/**
 * Zooms both axes by `factor` (> 1 widens) keeping the anchor point where it is on screen.
 *
 * @example
 * ```ts
 * zoomBox([[-2, 2], [-2, 2]], [0, 0], 0.5); // [[-1, 1], [-1, 1]]
 * ```
 */
export function zoomBox(box: Box, anchor: readonly [number, number], factor: number): Box {
  return [zoomView(box[0], anchor[0], factor), zoomView(box[1], anchor[1], factor)];
}
