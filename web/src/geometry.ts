/**
 * Where the figures of src/plot put their data, so that pointer positions on a figure can be turned
 * back into x values: the same frame (src/plot's `makeFrame`) the figure itself builds from the same
 * domain. Figures are drawn at a fixed size and scaled to their box by the browser.
 */
import { makeFrame, type Frame } from "../../src/plot/index.js";
import type { ViewRange } from "./view.js";

/**
 * Width of every figure on the page, in SVG units: src/plot's default (800), so text and lines have
 * the sizes the figures were designed for; the browser scales the SVG to its box.
 *
 * @default 800
 * @example
 * ```ts
 * FIGURE_WIDTH; // 800
 * ```
 */
export const FIGURE_WIDTH = 800;

/**
 * Height of the tangent and error figures: 560, a little flatter than src/plot's 4:3 so that the
 * plot and the numbers fit a laptop screen together.
 *
 * @default 560
 * @example
 * ```ts
 * FIGURE_HEIGHT; // 560
 * ```
 */
export const FIGURE_HEIGHT = 560;

/**
 * Height of the two-variable figures: 640, since their domains are taller than wide (the book's
 * descent view is 7 × 9).
 *
 * @default 640
 * @example
 * ```ts
 * FIGURE_HEIGHT_2D; // 640
 * ```
 */
export const FIGURE_HEIGHT_2D = 640;

/**
 * The frame of `tangentFigure({ domain: view, width, height })`: its x axis is the view extended to
 * nice round ends, exactly as the figure builds it (the y axis depends on f and is not needed here).
 *
 * @example
 * ```ts
 * tangentFrame([0, 19.3]).x.domain(); // [0, 20]
 * ```
 */
export function tangentFrame(view: ViewRange, width = FIGURE_WIDTH, height = FIGURE_HEIGHT): Frame {
  return makeFrame({ width, height, x: { domain: view }, y: { domain: [0, 1] } });
}

/** A two-variable view: the x0 range and the x1 range. */
export type Box = readonly [ViewRange, ViewRange];

/**
 * The frame of `gradientFieldFigure` and `descentFigure` with an explicit domain: both use the domain
 * as given (no nice rounding).
 *
 * @example
 * ```ts
 * boxFrame([[-3.5, 3.5], [-4.5, 4.5]]).x.invert(400); // ≈ 0.15 (the plot area is off-centre by the margins)
 * ```
 */
export function boxFrame(box: Box, width = FIGURE_WIDTH, height = FIGURE_HEIGHT_2D): Frame {
  return makeFrame({
    width,
    height,
    x: { domain: box[0], nice: false },
    y: { domain: box[1], nice: false },
  });
}
