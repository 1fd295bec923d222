/**
 * Where the figures of src/plot put their data, so that pointer positions on a figure can be turned
 * back into x values: the same frame (src/plot's `makeFrame`) the figure itself builds from the same
 * domain. Figures are drawn at about the size of their box (see {@link fitFigure}).
 */
import { makeFrame, type Frame } from "../../src/plot/index.js";
import type { ViewRange } from "./view.js";

/**
 * A figure's size in SVG units.
 *
 * @example
 * ```ts
 * const size: FigureSize = fitFigure(640, 0.75); // { width: 640, height: 480 }
 * tangentFrame([0, 19.3], size).x.domain(); // [0, 20]
 * ```
 */
export interface FigureSize {
  width: number;
  height: number;
}

/**
 * Widest figure: src/plot's default width (800), the size its text and lines were designed for.
 *
 * @default 800
 * @example
 * ```ts
 * fitFigure(1200, TANGENT_ASPECT); // { width: 800, height: 560 }
 * ```
 */
export const MAX_FIGURE_WIDTH = 800;

/**
 * Narrowest tangent and two-variable figure drawn: 420. Titles and subtitles wider than the figure
 * are set smaller by src/plot (MIN_TITLE_FONT), so in a 358 px phone column the tick labels show at
 * 13 × 358/420 ≈ 11 px. (Before: 600, the narrowest at which src/plot's titles
 * (20 px) and subtitles (14 px, up to ~70 characters) still fit. In a narrower box (a phone) the
 * browser scales the figure down: on a 360 px box its text is 0.6 of its size, not 0.45 as at 800.
 *
 * @default 420
 * @example
 * ```ts
 * fitFigure(340, TANGENT_ASPECT); // { width: 420, height: 441 } (narrow: NARROW_ASPECT)
 * ```
 */
export const MIN_FIGURE_WIDTH = 420;

/**
 * Narrowest error-versus-step chart drawn: 420, like the other figures (its long subtitle is set
 * smaller by src/plot rather than the whole chart drawn wide and scaled down to 6 px text).
 *
 * @default 420
 * @example
 * ```ts
 * fitFigure(390, ERROR_ASPECT, ERROR_MIN_WIDTH); // { width: 420, height: 441 }
 * ```
 */
export const ERROR_MIN_WIDTH = 420;

/**
 * Height / width of the tangent figure: a little flatter than src/plot's 4:3, so the plot and the
 * numbers fit a laptop screen together.
 *
 * @default 0.7
 * @example
 * ```ts
 * TANGENT_ASPECT; // 0.7
 * ```
 */
export const TANGENT_ASPECT = 0.7;

/**
 * Height / width of the error-versus-step chart: src/plot's 4:3, room for its three-line title.
 *
 * @default 0.75
 * @example
 * ```ts
 * ERROR_ASPECT; // 0.75
 * ```
 */
export const ERROR_ASPECT = 0.75;

/**
 * Height / width of the two-variable figures: their region is taller than wide (the book's descent
 * view is 7 × 9).
 *
 * @default 0.85
 * @example
 * ```ts
 * BOX_ASPECT; // 0.85
 * ```
 */
export const BOX_ASPECT = 0.85;

/**
 * The figure size for a box `boxWidth` CSS pixels wide: one SVG unit per CSS pixel between
 * `minWidth` and {@link MAX_FIGURE_WIDTH}, so text keeps its designed size; a hidden box (width 0)
 * gets the widest.
 *
 * @example
 * ```ts
 * fitFigure(640, 0.75); // { width: 640, height: 480 }
 * fitFigure(0, 0.75); // { width: 800, height: 600 }
 * fitFigure(300, 0.75, 480); // { width: 480, height: 360 }
 * ```
 */
export function fitFigure(boxWidth: number, aspect: number, minWidth = MIN_FIGURE_WIDTH): FigureSize {
  const width =
    boxWidth > 0 ? Math.round(Math.min(MAX_FIGURE_WIDTH, Math.max(minWidth, boxWidth))) : MAX_FIGURE_WIDTH;
  // A narrow figure is made taller: its title, subtitles and legend take the same height as on a
  // wide one, and the plot area needs room left.
  const tall = width < NARROW_WIDTH ? Math.max(aspect, NARROW_ASPECT) : aspect;
  return { width, height: Math.round(width * tall) };
}

/**
 * Figures narrower than this (px) are drawn at least {@link NARROW_ASPECT} high.
 *
 * @default 600
 * @example
 * ```ts
 * NARROW_WIDTH; // 600
 * ```
 */
export const NARROW_WIDTH = 600;

/**
 * Height / width of a figure narrower than {@link NARROW_WIDTH}: 1.05, room for three subtitle lines,
 * a legend and a plot area on a phone.
 *
 * @default 1.05
 * @example
 * ```ts
 * fitFigure(358, TANGENT_ASPECT); // { width: 420, height: 441 }
 * ```
 */
export const NARROW_ASPECT = 1.05;

/**
 * The frame of `tangentFigure({ domain: view, width, height })`: its x axis is the view extended to
 * nice round ends, exactly as the figure builds it (the y axis depends on f and is not needed here).
 *
 * @example
 * ```ts
 * tangentFrame([0, 19.3], { width: 800, height: 560 }).x.domain(); // [0, 20]
 * ```
 */
export function tangentFrame(view: ViewRange, size: FigureSize): Frame {
  return makeFrame({ ...size, x: { domain: view }, y: { domain: [0, 1] } });
}

/**
 * A two-variable view: the x0 range and the x1 range.
 *
 * @example
 * ```ts
 * const box: Box = [
 *   [-3.5, 3.5],
 *   [-4.5, 4.5],
 * ];
 * boxFrame(box, { width: 800, height: 680 }).x.domain(); // [-3.5, 3.5]
 * ```
 */
export type Box = readonly [ViewRange, ViewRange];

/**
 * The frame of `gradientFieldFigure` and `descentFigure` with an explicit domain: both use the domain
 * as given (no nice rounding).
 *
 * @example
 * ```ts
 * boxFrame([[-3.5, 3.5], [-4.5, 4.5]], { width: 800, height: 680 }).x.invert(400); // ≈ 0.15 (margins differ)
 * ```
 */
export function boxFrame(box: Box, size: FigureSize): Frame {
  return makeFrame({
    ...size,
    x: { domain: box[0], nice: false },
    y: { domain: box[1], nice: false },
  });
}

/**
 * The frame a figure of src/plot was drawn in, read from its `data-frame` attribute (pixels of the
 * plot area and the scales' domains), or null when it has none. Pointer positions map back to data
 * through it exactly, whatever margins and ranges the figure chose (wider labels, equal units).
 *
 * @example
 * ```ts
 * frameFromMarkup(tangentFigure({ f: Math.sin, x0: 1, domain: [0, 20], width: 800, height: 560 }))?.x.domain(); // [0, 20]
 * ```
 */
export function frameFromMarkup(markup: string): Frame | null {
  const size = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(markup);
  const data = /data-frame="([^"]+)"/.exec(markup);
  if (size === null || data === null) return null;
  const [width, height] = [Number(size[1]), Number(size[2])];
  const [left, right, top, bottom, xlo, xhi, ylo, yhi] = data[1].split(" ").map(Number);
  return makeFrame({
    width,
    height,
    margins: { left, right: width - right, top, bottom: height - bottom },
    x: { domain: [xlo, xhi], nice: false },
    y: { domain: [ylo, yhi], nice: false },
  });
}
