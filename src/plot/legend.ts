import { FONT_SIZES, GLYPH_WIDTH_EM } from "./text.js";
import { TEXT_COLOR } from "./constants.js";
import type { Frame } from "./frame.js";
import { marker, type MarkerShape } from "./marker.js";
import { overlaps, placeLabel, type Box, type Placement } from "./place.js";
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
 * A corner of the plot area.
 *
 * @example
 * ```ts
 * const c: Corner = "top-left";
 * ```
 */
export type Corner = "top-left" | "top-right" | "bottom-left" | "bottom-right";

/**
 * The box a legend takes in a corner, in px.
 *
 * @example
 * ```ts
 * legendBox(fr, [{ label: "f(x)", color: "#0072B2" }], "top-left"); // { x: 96, y: 76, width: 109.8, height: 36 }
 * ```
 */
export function legendBox(frame: Frame, entries: readonly LegendEntry[], corner: Corner): Box {
  const size = Math.round(legendFontSize(frame, entries) * 100) / 100;
  const pad = 10;
  const longest = Math.max(...entries.map((e) => [...e.label].length));
  const width = pad * 3 + 36 + longest * size * GLYPH_WIDTH_EM;
  const height = pad * 2 + (size + 9) * entries.length - 6;
  const x = corner.endsWith("left") ? frame.left + 12 : frame.right - 12 - width;
  const y = corner.startsWith("top") ? frame.top + 12 : frame.bottom - 12 - height;
  return { x, y, width, height };
}

/**
 * Smallest legend font size, in px: a legend wider than its plot area is set smaller down to this.
 *
 * @default 9
 * @example
 * ```ts
 * MIN_LEGEND_FONT; // 9
 * ```
 */
export const MIN_LEGEND_FONT = 9;

/**
 * The legend's font size: FONT_SIZES.note, or smaller (to {@link MIN_LEGEND_FONT}) so that the box
 * fits the plot area of a narrow figure.
 *
 * @example
 * ```ts
 * legendFontSize(fr, [{ label: "f(x)", color: "#0072B2" }]); // 13
 * ```
 */
export function legendFontSize(frame: Frame, entries: readonly LegendEntry[]): number {
  const longest = Math.max(...entries.map((e) => [...e.label].length));
  const room = frame.right - frame.left - 24 - 30 - 36;
  return Math.max(MIN_LEGEND_FONT, Math.min(FONT_SIZES.note, room / (longest * GLYPH_WIDTH_EM)));
}

/**
 * The corner whose legend box covers the fewest of `points` (pixels of the data), top-left first among
 * equals, then top-right, bottom-right, bottom-left.
 *
 * @example
 * ```ts
 * legendCorner(fr, entries, curvePixels).corner; // "top-left" unless the curve runs through it
 * ```
 */
export function legendCorner(
  frame: Frame,
  entries: readonly LegendEntry[],
  points: readonly (readonly [number, number])[],
  order: readonly Corner[] = ["top-left", "top-right", "bottom-right", "bottom-left"],
): {
  /** The corner chosen. */
  corner: Corner;
  /** The legend's box there, in px. */
  box: Box;
} {
  let best = { corner: order[0], box: legendBox(frame, entries, order[0]), covered: Infinity };
  for (const corner of order) {
    const box = legendBox(frame, entries, corner);
    const covered = points.filter(
      ([x, y]) =>
        x >= box.x - 6 && x <= box.x + box.width + 6 && y >= box.y - 6 && y <= box.y + box.height + 6,
    ).length;
    if (covered < best.covered) best = { corner, box, covered };
  }
  return { corner: best.corner, box: best.box };
}

/**
 * A legend box in a corner of the plot area, white and slightly transparent so data behind it stays
 * faintly visible.
 *
 * @example
 * ```ts
 * drawLegend(fr, [{ label: "f(x)", color: "#0072B2" }, { label: "tangent", color: "#D55E00", dash: "9 5" }], "top-left");
 * ```
 */
export function drawLegend(frame: Frame, entries: readonly LegendEntry[], corner: Corner): string {
  const size = Math.round(legendFontSize(frame, entries) * 100) / 100;
  const rowHeight = size + 9;
  const sample = 36;
  const pad = 10;
  const { x: x0, y: y0, width, height } = legendBox(frame, entries, corner);
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

/**
 * A legend corner and a point's label placed together: the legend goes where it covers the fewest
 * data points ({@link legendCorner}) unless the label then finds no place clear of it, in which case
 * the next corner is tried; where none leaves room, the label is null (left out).
 *
 * @example
 * ```ts
 * const { corner, label } = legendAndLabel(fr, entries, curvePixels, { text: "(5, 0.75)", x: 400, y: 300 });
 * ```
 */
export function legendAndLabel(
  frame: Frame,
  entries: readonly LegendEntry[],
  points: readonly (readonly [number, number])[],
  point: { text: string; x: number; y: number; preferAbove?: boolean },
  order: readonly Corner[] = ["top-left", "top-right", "bottom-right", "bottom-left"],
): { corner: Corner; box: Box; label: Placement | null } {
  const ranked: Corner[] = [];
  let rest = [...order];
  while (rest.length > 0) {
    const next = legendCorner(frame, entries, points, rest).corner;
    ranked.push(next);
    rest = rest.filter((c) => c !== next);
  }
  for (const corner of ranked) {
    const box = legendBox(frame, entries, corner);
    const label = placeLabel(frame, point.text, FONT_SIZES.note, point.x, point.y, [box], point.preferAbove);
    if (!overlaps(label.box, box)) return { corner, box, label };
  }
  // No corner leaves the label a place (a small figure): the legend keeps its best corner and the
  // label is left out; its numbers are in the subtitle.
  return { corner: ranked[0], box: legendBox(frame, entries, ranked[0]), label: null };
}
