/**
 * Axes of a frame: grid lines, ticks with labels (d3's nice ticks; powers of ten on log axes), axis
 * labels, the plot-area border and the title.
 */
import { GRID_COLOR, TEXT_COLOR } from "./constants.js";
import type { Frame, Scale } from "./frame.js";
import { element, escapeXml } from "./svg.js";

/**
 * Most labelled ticks wanted on an axis; a log axis over many decades labels every k-th power of ten
 * to stay under it.
 *
 * @default 9
 * @example
 * ```ts
 * MAX_TICKS; // 9
 * ```
 */
export const MAX_TICKS = 9;

/**
 * Font sizes in px: readable at 800×600 and when the PNG is shown at half size in a README.
 *
 * @example
 * ```ts
 * FONT_SIZES.title; // 20
 * FONT_SIZES.tick; // 13
 * ```
 */
export const FONT_SIZES = Object.freeze({
  /** The figure's title. */
  title: 20,
  /** The line under the title. */
  subtitle: 14,
  /** Axis labels. */
  label: 16,
  /** Tick labels. */
  tick: 13,
  /** Notes inside the plot area. */
  note: 13,
});

const SUPERSCRIPTS: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

/**
 * A power of ten as text with a superscript exponent.
 *
 * @example
 * ```ts
 * powerOfTen(-16); // "10⁻¹⁶"
 * powerOfTen(0); // "10⁰"
 * ```
 */
export function powerOfTen(exponent: number): string {
  return "10" + [...String(exponent)].map((c) => SUPERSCRIPTS[c] ?? c).join("");
}

interface Tick {
  value: number;
  label: string;
}

function ticksOf(scale: Scale, log: boolean): Tick[] {
  if (log) {
    const [lo, hi] = scale.domain() as [number, number];
    const first = Math.ceil(Math.log10(lo) - 1e-9);
    const last = Math.floor(Math.log10(hi) + 1e-9);
    const stride = Math.max(1, Math.ceil((last - first + 1) / MAX_TICKS));
    const out: Tick[] = [];
    for (let k = last; k >= first; k -= stride) out.unshift({ value: 10 ** k, label: powerOfTen(k) });
    return out;
  }
  const values = scale.ticks(MAX_TICKS);
  const format = scale.tickFormat(MAX_TICKS);
  return values.map((value) => ({ value, label: format(value) }));
}

/**
 * Labels of the axes.
 *
 * @example
 * ```ts
 * const labels: AxisLabels = { x: "x", y: "f(x)" };
 * const fr = makeFrame({ width: 800, height: 600, x: { domain: [0, 20] }, y: { domain: [0, 6] } });
 * drawAxes(fr, labels).includes(">f(x)</text>"); // true
 * ```
 */
export interface AxisLabels {
  /** Under the x axis. */
  x: string;
  /** Beside the y axis, rotated. */
  y: string;
}

/**
 * Grid, ticks, tick labels, axis labels and the border of the plot area.
 *
 * @example
 * ```ts
 * const fr = makeFrame({ width: 800, height: 600, x: { domain: [0, 20] }, y: { domain: [0, 6] } });
 * drawAxes(fr, { x: "x", y: "f(x)" }).includes(">f(x)</text>"); // true
 * ```
 */
export function drawAxes(frame: Frame, labels: AxisLabels): string {
  const { left, right, top, bottom } = frame;
  const grid: string[] = [];
  const marks: string[] = [];
  const texts: string[] = [];
  for (const t of ticksOf(frame.x, frame.xLog)) {
    const px = frame.x(t.value);
    grid.push(element("line", { x1: px, y1: top, x2: px, y2: bottom }));
    marks.push(element("line", { x1: px, y1: bottom, x2: px, y2: bottom + 6 }));
    texts.push(element("text", { x: px, y: bottom + 22, "text-anchor": "middle" }, escapeXml(t.label)));
  }
  for (const t of ticksOf(frame.y, frame.yLog)) {
    const py = frame.y(t.value);
    grid.push(element("line", { x1: left, y1: py, x2: right, y2: py }));
    marks.push(element("line", { x1: left - 6, y1: py, x2: left, y2: py }));
    texts.push(element("text", { x: left - 10, y: py + 4.5, "text-anchor": "end" }, escapeXml(t.label)));
  }
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  return [
    element("g", { stroke: GRID_COLOR, "stroke-width": 1 }, grid.join("")),
    element("g", { stroke: TEXT_COLOR, "stroke-width": 1 }, marks.join("")),
    element("g", { "font-size": FONT_SIZES.tick }, texts.join("")),
    element(
      "rect",
      { x: left, y: top, width: right - left, height: bottom - top, fill: "none", stroke: TEXT_COLOR },
      undefined,
    ),
    element(
      "text",
      { x: cx, y: frame.height - 16, "text-anchor": "middle", "font-size": FONT_SIZES.label },
      escapeXml(labels.x),
    ),
    element(
      "text",
      {
        x: 0,
        y: 0,
        transform: `translate(22 ${cy}) rotate(-90)`,
        "text-anchor": "middle",
        "font-size": FONT_SIZES.label,
      },
      escapeXml(labels.y),
    ),
  ].join("\n");
}

/**
 * Vertical space taken by one subtitle line, in px; a frame with n subtitle lines needs a top margin
 * of DEFAULT_MARGINS.top + (n − 1) · SUBTITLE_LINE.
 *
 * @default 18
 * @example
 * ```ts
 * SUBTITLE_LINE; // 18
 * ```
 */
export const SUBTITLE_LINE = 18;

/**
 * The title, centred over the plot area, and smaller subtitle lines under it.
 *
 * @example
 * ```ts
 * drawTitle(fr, "Tangent", ["slope 0.2"]).startsWith("<text"); // true
 * ```
 */
export function drawTitle(frame: Frame, title: string, subtitles: readonly string[] = []): string {
  const cx = (frame.left + frame.right) / 2;
  const parts = [
    element(
      "text",
      { x: cx, y: 28, "text-anchor": "middle", "font-size": FONT_SIZES.title },
      escapeXml(title),
    ),
  ];
  subtitles.forEach((line, i) => {
    parts.push(
      element(
        "text",
        { x: cx, y: 50 + SUBTITLE_LINE * i, "text-anchor": "middle", "font-size": FONT_SIZES.subtitle },
        escapeXml(line),
      ),
    );
  });
  return parts.join("\n");
}

/**
 * A clip path for the plot area, and the attribute value that applies it: data drawn with it never
 * spills over the axes.
 *
 * @example
 * ```ts
 * const c = clipPlotArea(fr, "numdiff-tangent");
 * c.attribute; // "url(#numdiff-tangent-clip)"
 * ```
 */
export function clipPlotArea(
  frame: Frame,
  prefix: string,
): {
  /** The `<clipPath>` element, for the figure's `<defs>`. */
  definition: string;
  /** The `clip-path="url(#…)"` attribute value that uses it. */
  attribute: string;
} {
  const id = `${prefix}-clip`;
  const rect = element("rect", {
    x: frame.left,
    y: frame.top,
    width: frame.right - frame.left,
    height: frame.bottom - frame.top,
  });
  return {
    definition: element("defs", {}, element("clipPath", { id }, rect)),
    attribute: `url(#${id})`,
  };
}
