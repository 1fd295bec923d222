import { FONT_SIZES } from "./axes.js";
import { TEXT_COLOR } from "./constants.js";
import type { Frame } from "./frame.js";
import { marker, type MarkerShape } from "./marker.js";
import { element, escapeXml } from "./svg.js";

/**
 * One legend row: a line sample (colour, dash, width) and/or a marker, and its label.
 *
 * @example
 * ```ts
 * const entry: LegendEntry = { label: "forward", color: PALETTE.blue, lineWidth: 0, marker: "circle" };
 * const fr = makeFrame({ width: 800, height: 600, x: { domain: [0, 20] }, y: { domain: [0, 6] } });
 * drawLegend(fr, [entry], "top-right").includes(">forward</text>"); // true
 * ```
 */
export interface LegendEntry {
  /** The text beside the sample line. */
  label: string;
  /** The line's (or marker's) colour, an SVG colour. */
  color: string;
  /** SVG dash array; "" or undefined for a solid line. */
  dash?: string;
  /** Line width in px; 0 for a marker-only entry. Default 2.5. */
  lineWidth?: number;
  /** A marker drawn on the sample line, if any. */
  marker?: MarkerShape;
}

/**
 * Average advance of a DejaVu Sans glyph as a fraction of the font size (its Latin lower case and
 * digits average about 0.6 em), used to size the legend box without measuring text.
 *
 * @default 0.6
 * @example
 * ```ts
 * GLYPH_WIDTH_EM; // 0.6
 * ```
 */
export const GLYPH_WIDTH_EM = 0.6;

/**
 * A legend box in a corner of the plot area, white and slightly transparent so data behind it stays
 * faintly visible.
 *
 * @example
 * ```ts
 * drawLegend(fr, [{ label: "f(x)", color: "#0072B2" }, { label: "tangent", color: "#D55E00", dash: "9 5" }], "top-left");
 * ```
 */
export function drawLegend(
  frame: Frame,
  entries: readonly LegendEntry[],
  corner: "top-left" | "top-right" | "bottom-left" | "bottom-right",
): string {
  const size = FONT_SIZES.note;
  const rowHeight = size + 9;
  const sample = 36;
  const pad = 10;
  const longest = Math.max(...entries.map((e) => [...e.label].length));
  const width = pad * 3 + sample + longest * size * GLYPH_WIDTH_EM;
  const height = pad * 2 + rowHeight * entries.length - 6;
  const x0 = corner.endsWith("left") ? frame.left + 12 : frame.right - 12 - width;
  const y0 = corner.startsWith("top") ? frame.top + 12 : frame.bottom - 12 - height;
  const rows = entries.map((e, i) => {
    const cy = y0 + pad + rowHeight * i + rowHeight / 2 - 3;
    const lineWidth = e.lineWidth ?? 2.5;
    const parts: string[] = [];
    if (lineWidth > 0) {
      parts.push(
        element("line", {
          x1: x0 + pad,
          y1: cy,
          x2: x0 + pad + sample,
          y2: cy,
          stroke: e.color,
          "stroke-width": lineWidth,
          "stroke-dasharray": e.dash,
        }),
      );
    }
    if (e.marker !== undefined) parts.push(marker(e.marker, x0 + pad + sample / 2, cy, 9, e.color));
    parts.push(
      element(
        "text",
        { x: x0 + pad * 2 + sample, y: cy + size * 0.35, "font-size": size },
        escapeXml(e.label),
      ),
    );
    return parts.join("");
  });
  return element(
    "g",
    {},
    element("rect", {
      x: x0,
      y: y0,
      width,
      height,
      fill: "#ffffff",
      "fill-opacity": 0.9,
      stroke: TEXT_COLOR,
      "stroke-width": 0.5,
    }) + rows.join(""),
  );
}
