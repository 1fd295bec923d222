/**
 * PNG from a figure's SVG, with resvg and the vendored subset of DejaVu Sans (./fonts/), so text
 * renders the same on a machine with no fonts installed. Node only: the other files of @numdiff/plot
 * run in browsers and never import this one.
 */
import { Resvg } from "@resvg/resvg-js";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { invalid } from "numdiff";
import { MAX_FIGURE_SIZE, MIN_FIGURE_SIZE } from "./validate.js";

/**
 * The font file loaded for every PNG: DejaVu Sans 2.37 cut down to the characters a figure can draw
 * (ASCII, Latin-1, Greek, punctuation, super- and subscripts, arrows, mathematical operators) by
 * scripts/subset-font.ts, about 100 KB. Its licence (Bitstream Vera's, free to redistribute) is
 * ./fonts/LICENSE. Found beside this module, so it works from src and from a built dist alike (the
 * build copies src/plot/fonts to the plot package's dist/fonts: scripts/package-assets.ts).
 *
 * @example
 * ```ts
 * FONT_FILE.endsWith("DejaVuSans-subset.ttf"); // true
 * ```
 */
export const FONT_FILE = fileURLToPath(new URL("./fonts/DejaVuSans-subset.ttf", import.meta.url));

let fontFound = false;

/** resvg skips a missing font file without a word and draws no text: a broken install says so instead. */
function checkFont(): void {
  if (fontFound) return;
  if (!existsSync(FONT_FILE)) {
    throw new Error(
      `numdiff's figure font is missing: ${FONT_FILE} (the package is incompletely installed or built)`,
    );
  }
  fontFound = true;
}

/**
 * A rendered image: the PNG file and its raw RGBA pixels, row by row from the top left.
 *
 * @example
 * ```ts
 * const img = renderSvg(svgDocument({ width: 200, height: 100, title: "blank", body: [] }));
 * [img.width, img.height, img.pixels.length]; // [200, 100, 80000]
 * [...img.pixels.subarray(0, 4)]; // [255, 255, 255, 255] (white, opaque)
 * img.png.subarray(1, 4).toString(); // "PNG"
 * ```
 */
export interface RenderedImage {
  /** The PNG file's bytes. */
  png: Buffer;
  /** RGBA, 4 bytes per pixel, row by row from the top left. */
  pixels: Buffer;
  /** Width, px. */
  width: number;
  /** Height, px. */
  height: number;
}

/**
 * Renders an SVG string to pixels and a PNG, at its own size or scaled to `width` px.
 *
 * @example
 * ```ts
 * const img = renderSvg(tangentFigure({ f: Math.sin, x0: 1, domain: [0, 3] }));
 * [img.width, img.height]; // [800, 600]
 * img.pixels.length; // 800 * 600 * 4
 * ```
 */
export function renderSvg(svg: string, options: { width?: number } = {}): RenderedImage {
  const width = options.width;
  if (
    width !== undefined &&
    !(Number.isInteger(width) && width >= MIN_FIGURE_SIZE && width <= MAX_FIGURE_SIZE)
  ) {
    throw invalid(
      "INVALID_OPTION",
      "width",
      `an integer from ${MIN_FIGURE_SIZE} to ${MAX_FIGURE_SIZE}`,
      width,
    );
  }
  checkFont();
  const resvg = new Resvg(svg, {
    fitTo: width === undefined ? { mode: "original" } : { mode: "width", value: width },
    font: {
      fontFiles: [FONT_FILE],
      loadSystemFonts: false,
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
  });
  const image = resvg.render();
  return { png: image.asPng(), pixels: image.pixels, width: image.width, height: image.height };
}

/**
 * The PNG file of an SVG figure, at its own size or scaled to `width` px (e.g. 1600 for a sharp
 * image on high-density screens).
 *
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs";
 * import { tangentFigure } from "@numdiff/plot";
 * import { svgToPng } from "@numdiff/plot/png";
 * writeFileSync("tangent.png", svgToPng(tangentFigure({ f: (x) => 0.01 * x ** 2 + 0.1 * x, x0: 5, domain: [0, 20] })));
 * ```
 */
export function svgToPng(svg: string, options: { width?: number } = {}): Buffer {
  return renderSvg(svg, options).png;
}
