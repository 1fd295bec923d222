/**
 * Axes of a frame: grid lines, ticks with labels (d3's nice ticks; powers of ten on log axes), axis
 * labels, the plot-area border and the title.
 */
import { GRID_COLOR, TEXT_COLOR } from "./constants.js";
import type { Frame, Scale } from "./frame.js";
import { element, escapeXml } from "./svg.js";
import { round } from "./round.js";
import { FONT_SIZES, textWidth } from "./text.js";
import { MAX_TICKS, ticksOf, type AxisTicks } from "./ticks.js";

export { FONT_SIZES } from "./text.js";

/**
 * Least gap between two tick labels on the x axis, in px.
 *
 * @default 10
 * @example
 * ```ts
 * TICK_LABEL_GAP; // 10
 * ```
 */
export const TICK_LABEL_GAP = 10;

/** The most ticks (at most MAX_TICKS) whose labels do not touch along the axis. */
function fittingTicks(scale: Scale, log: boolean, room: (t: AxisTicks) => boolean): AxisTicks {
  let best = ticksOf(scale, log, MAX_TICKS);
  for (let count = MAX_TICKS; count >= 2 && !room(best); count--) best = ticksOf(scale, log, count);
  return best;
}

function xRoom(frame: Frame) {
  return (t: AxisTicks): boolean =>
    t.ticks.every((tick, i) => {
      if (i === 0) return true;
      const prev = t.ticks[i - 1];
      const need = (textWidth(tick.label, FONT_SIZES.tick) + textWidth(prev.label, FONT_SIZES.tick)) / 2;
      return Math.abs(frame.x(tick.value) - frame.x(prev.value)) >= need + TICK_LABEL_GAP;
    });
}

function yRoom(frame: Frame) {
  return (t: AxisTicks): boolean =>
    t.ticks.every(
      (tick, i) =>
        i === 0 || Math.abs(frame.y(tick.value) - frame.y(t.ticks[i - 1].value)) >= FONT_SIZES.tick + 4,
    );
}

const withBase = (label: string, base: number | null): string =>
  base === null ? label : `${label} − ${base < 0 ? `(${base})` : base}`;

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
  const xTicks = fittingTicks(frame.x, frame.xLog, xRoom(frame));
  const yTicks = fittingTicks(frame.y, frame.yLog, yRoom(frame));
  for (const t of xTicks.ticks) {
    const px = frame.x(t.value);
    grid.push(element("line", { x1: px, y1: top, x2: px, y2: bottom }));
    marks.push(element("line", { x1: px, y1: bottom, x2: px, y2: bottom + 6 }));
    // a label at the right edge is moved left so that it stays inside the figure
    const half = textWidth(t.label, FONT_SIZES.tick) / 2;
    const cx = Math.min(px, frame.width - 4 - half);
    texts.push(element("text", { x: cx, y: bottom + 22, "text-anchor": "middle" }, escapeXml(t.label)));
  }
  for (const t of yTicks.ticks) {
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
      escapeXml(withBase(labels.x, xTicks.base)),
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
      escapeXml(withBase(labels.y, yTicks.base)),
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
 * Smallest font size a title or subtitle line is shrunk to so that it fits the figure's width, in
 * px: at 420 px drawn in a 358 px phone column it shows at about 8.5 px, the least that stays legible.
 *
 * @default 10
 * @example
 * ```ts
 * MIN_TITLE_FONT; // 10
 * ```
 */
export const MIN_TITLE_FONT = 10;

/**
 * Room kept free at each side of a title line, in px.
 *
 * @default 8
 * @example
 * ```ts
 * TITLE_SIDE; // 8
 * ```
 */
export const TITLE_SIDE = 8;

/**
 * Subtitle lines broken at spaces so that each fits a figure `width` px wide at
 * {@link MIN_TITLE_FONT} + 1 px: a long line ("actual error |D(h) − f′(x0)| at x0 = 30, against the
 * exact derivative 10686474581524.463") becomes two on a narrow figure. Lines that fit stay as they are.
 *
 * @example
 * ```ts
 * wrapSubtitles(["slope 0.2 (given)"], 800); // ["slope 0.2 (given)"]
 * wrapSubtitles(["a ".repeat(60).trim()], 300).length; // 2 or more
 * ```
 */
export function wrapSubtitles(lines: readonly string[], width: number): string[] {
  const size = MIN_TITLE_FONT + 1;
  const room = width - 2 * TITLE_SIDE - 60;
  const out: string[] = [];
  for (const line of lines) {
    if (textWidth(line, FONT_SIZES.subtitle) <= room) {
      out.push(line);
      continue;
    }
    let current = "";
    for (const word of line.split(" ")) {
      const next = current === "" ? word : `${current} ${word}`;
      if (current !== "" && textWidth(next, size) > room) {
        out.push(current);
        current = word;
      } else current = next;
    }
    if (current !== "") out.push(current);
  }
  return out;
}

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
  // A line wider than the figure is set smaller (not below MIN_TITLE_FONT) rather than cut off.
  const fit = (text: string, size: number): number =>
    Math.max(
      MIN_TITLE_FONT,
      Math.min(size, (2 * Math.min(cx, frame.width - cx) - 2 * TITLE_SIDE) / textWidth(text, 1)),
    );
  const parts = [
    element(
      "text",
      { x: cx, y: 28, "text-anchor": "middle", "font-size": round(fit(title, FONT_SIZES.title)) },
      escapeXml(title),
    ),
  ];
  // one size for all subtitle lines (the smallest any of them needs), so wrapped lines read as one
  // (and never larger than the title)
  const subtitleSize = Math.min(
    FONT_SIZES.subtitle,
    fit(title, FONT_SIZES.title),
    ...subtitles.map((line) => fit(line, FONT_SIZES.subtitle)),
  );
  subtitles.forEach((line, i) => {
    parts.push(
      element(
        "text",
        {
          x: cx,
          y: 50 + SUBTITLE_LINE * i,
          "text-anchor": "middle",
          "font-size": round(subtitleSize),
        },
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
