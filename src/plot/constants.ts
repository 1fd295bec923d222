/**
 * Every default of the figures, each with its reason or source.
 */

/**
 * Default figure width in pixels: readable on a laptop screen and in a README at full column width.
 *
 * @default 800
 * @example
 * ```ts
 * import { tangentFigure, DEFAULT_WIDTH } from "@numdiff/plot";
 * tangentFigure({ f: Math.sin, x0: 1, domain: [0, 3] }).includes(`width="${DEFAULT_WIDTH}"`); // true
 * ```
 */
export const DEFAULT_WIDTH = 800;

/**
 * Default figure height in pixels (4:3 with {@link DEFAULT_WIDTH}, matplotlib's default aspect).
 *
 * @default 600
 * @example
 * ```ts
 * DEFAULT_HEIGHT; // 600
 * ```
 */
export const DEFAULT_HEIGHT = 600;

/**
 * Decimals kept in every coordinate written to an SVG: 0.01 px is far below what a screen or a PNG at
 * twice the size can show, and fixed rounding makes the output identical on every machine.
 *
 * @default 2
 * @example
 * ```ts
 * COORDINATE_DECIMALS; // 2
 * ```
 */
export const COORDINATE_DECIMALS = 2;

/**
 * Font family written into every figure. DejaVu Sans (a subset of it is vendored in src/plot/fonts)
 * is the font the PNG renderer loads, so text looks the same in a browser that has it and in the PNG.
 *
 * @example
 * ```ts
 * FONT_FAMILY; // "DejaVu Sans, Verdana, sans-serif"
 * ```
 */
export const FONT_FAMILY = "DejaVu Sans, Verdana, sans-serif";

/**
 * Colour of text, axes and ticks: near-black, the darkest ink after pure black, so the title is
 * easy to find in a rendered PNG and in greyscale print.
 *
 * @example
 * ```ts
 * TEXT_COLOR; // "#222222"
 * ```
 */
export const TEXT_COLOR = "#222222";

/**
 * Colour of grid lines: light grey, visible but behind the data.
 *
 * @example
 * ```ts
 * GRID_COLOR; // "#e6e6e6"
 * ```
 */
export const GRID_COLOR = "#e6e6e6";

/**
 * The Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008; Wong, Nature Methods 8 (2011)
 * 441), distinguishable with the common colour-vision deficiencies. Figures pair each colour with its
 * own dash pattern or marker ({@link DASHES}) so lines also differ in greyscale.
 *
 * @example
 * ```ts
 * PALETTE.blue; // "#0072B2"
 * ```
 */
export const PALETTE = Object.freeze({
  /** Text, axes and the function's own curve. */
  black: "#000000",
  /** Okabe–Ito orange. */
  orange: "#E69F00",
  /** Okabe–Ito sky blue. */
  skyBlue: "#56B4E9",
  /** Okabe–Ito bluish green. */
  green: "#009E73",
  /** Okabe–Ito yellow. */
  yellow: "#F0E442",
  /** Okabe–Ito blue. */
  blue: "#0072B2",
  /** Okabe–Ito vermillion. */
  vermillion: "#D55E00",
  /** Okabe–Ito reddish purple. */
  purple: "#CC79A7",
});

/**
 * Dash patterns (SVG `stroke-dasharray`, in px) paired with the palette so that lines read apart in
 * greyscale: solid, dashed, dotted, dash-dot.
 *
 * @example
 * ```ts
 * DASHES.dashed; // "9 5"
 * ```
 */
export const DASHES = Object.freeze({
  /** No dashes. */
  solid: "",
  /** 9 px on, 5 px off. */
  dashed: "9 5",
  /** 2 px on, 4 px off. */
  dotted: "2 4",
  /** 10 on, 4 off, 2 on, 4 off. */
  dashDot: "10 4 2 4",
});

/**
 * Grey of the gradient-field arrows: the book's `color="#666666"` (gradient_2d.py).
 *
 * @example
 * ```ts
 * FIELD_ARROW_COLOR; // "#666666"
 * ```
 */
export const FIELD_ARROW_COLOR = "#666666";
