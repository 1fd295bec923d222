import { BOOK_STEP } from "numdiff/constants";
import { clipPlotArea, drawAxes, drawTitle, FONT_SIZES, SUBTITLE_LINE, wrapSubtitles } from "./axes.js";
import { textWidth } from "./text.js";
import { DASHES, PALETTE, TEXT_COLOR } from "./constants.js";
import { errorCurveData, type ErrorCurveDataOptions } from "./error-data.js";
import { DEFAULT_MARGINS, makeFrame } from "./frame.js";
import { drawLegend } from "./legend.js";
import { marker, type MarkerShape } from "./marker.js";
import { linePath } from "./path.js";
import { element, escapeXml, svgDocument } from "./svg.js";
import { figureSize, type FigureOptions } from "./validate.js";

/**
 * Decades of head room above the largest error, so the labels along the top of the plot area (the
 * marked step, the two regimes) stay clear of the curves.
 *
 * @default 2
 * @example
 * ```ts
 * HEADROOM_DECADES; // 2
 * ```
 */
export const HEADROOM_DECADES = 2;

/**
 * Options of {@link errorCurveFigure}.
 *
 * @example
 * ```ts
 * import { errorCurveFigure } from "@numdiff/plot";
 * const svg = errorCurveFigure({ f: Math.sin, x0: 1, exact: Math.cos(1), markStep: 1e-5 });
 * svg.includes("h = 1e-5"); // true (the marked step's label)
 * ```
 */
export interface ErrorCurveFigureOptions extends FigureOptions, ErrorCurveDataOptions {
  /** A step to mark with a vertical line, default the book's h = 1e-4 ({@link BOOK_STEP}). */
  markStep?: number;
}

const sci = (v: number): string => (Number.isFinite(v) && v !== 0 ? v.toExponential(1) : String(v));
const stepText = (h: number): string => (h < 1e-3 ? h.toExponential() : String(h));

/**
 * Error versus step on log-log axes: the actual error |D(h) − f′(x0)| of the forward difference
 * (f(x0+h) − f(x0))/h and the book's central difference (f(x0+h) − f(x0−h))/(2h) for h from 1e-16
 * to 1, with numdiff's default result as a horizontal reference line and the book's h = 1e-4 marked.
 * Left of the minimum rounding error (≈ ε|f|/h) falls as h grows; right of it truncation error
 * (∝ h forward, ∝ h² central) rises. Without `exact`, the default method's estimate is the
 * reference and the figure says so; exact zeros are drawn at a floor and the figure says so.
 *
 * @example
 * ```ts
 * import { errorCurveFigure } from "@numdiff/plot";
 * const svg = errorCurveFigure({ f: Math.sin, x0: 1, exact: Math.cos(1) });
 * svg.includes("against the exact derivative"); // true
 * ```
 */
export function errorCurveFigure(options: ErrorCurveFigureOptions): string {
  const data = errorCurveData(options);
  const { width, height } = figureSize(options);
  const mark = options.markStep ?? BOOK_STEP;
  const clampedAny = [...data.forward, ...data.central].some((e) => e < data.floor);
  const clamp = (e: number): number => (e < data.floor ? data.floor : e);
  const finite = [...data.forward, ...data.central, data.autoError].filter((e) => Number.isFinite(e));
  const lo = Math.min(data.floor, ...finite.map(clamp));
  const hi = Math.max(...finite) * 10 ** HEADROOM_DECADES;
  const subtitles = [
    data.referenceSource === "exact"
      ? `actual error |D(h) − f′(x0)| at x0 = ${options.x0}, against the exact derivative ${data.reference}`
      : `no exact derivative given: errors against numdiff's default estimate ${data.reference}`,
  ];
  if (clampedAny)
    subtitles.push(`errors of exactly 0 are drawn at the floor ${sci(data.floor)} (ε/4 · |f′|)`);
  const lines = wrapSubtitles(subtitles, width);
  const frame = makeFrame({
    width,
    height,
    margins: { ...DEFAULT_MARGINS, top: DEFAULT_MARGINS.top + SUBTITLE_LINE * (lines.length - 1) },
    x: { domain: [data.h[0], data.h[data.h.length - 1]], log: true },
    y: { domain: [lo, hi], log: true },
  });
  const clip = clipPlotArea(frame, "numdiff-error-curve");
  const series = (errors: number[], color: string, dash: string, shape: MarkerShape): string => {
    const points = data.h.map((h, i) => [frame.x(h), frame.y(clamp(errors[i]))] as const);
    return (
      element("path", { d: linePath(points), stroke: color, "stroke-dasharray": dash, fill: "none" }) +
      points
        .filter((p) => Number.isFinite(p[1]))
        .map((p) => marker(shape, p[0], p[1], 7, color))
        .join("")
    );
  };
  const body: string[] = [clip.definition, drawAxes(frame, { x: "step h", y: "absolute error" })];
  const at = frame.x(mark);
  // the two regime labels along the top share a line where there is room for both
  const regimesTouch =
    textWidth("← rounding error ∝ ε/h", FONT_SIZES.note) +
      textWidth("truncation error ∝ h, h² →", FONT_SIZES.note) +
      40 >
    frame.right - frame.left;
  const data2: string[] = [];
  if (mark >= data.h[0] && mark <= data.h[data.h.length - 1]) {
    data2.push(
      element("line", {
        x1: at,
        y1: frame.top,
        x2: at,
        y2: frame.bottom,
        stroke: TEXT_COLOR,
        "stroke-width": 1.5,
        "stroke-dasharray": DASHES.dotted,
      }),
    );
    const markText = `h = ${stepText(mark)}${mark === BOOK_STEP ? " (the book)" : ""}`;
    // right of the line, or left of it where the figure ends first
    const right = at + 6 + textWidth(markText, FONT_SIZES.note) <= frame.right - 4;
    body.push(
      element(
        "text",
        {
          x: right ? at + 6 : at - 6,
          y: frame.top + (regimesTouch ? 56 : 40),
          "text-anchor": right ? undefined : "end",
          "font-size": FONT_SIZES.note,
        },
        escapeXml(markText),
      ),
    );
  }
  const hasAuto = Number.isFinite(data.autoError);
  if (hasAuto) {
    const y = frame.y(clamp(data.autoError));
    data2.push(
      element("line", {
        x1: frame.left,
        y1: y,
        x2: frame.right,
        y2: y,
        stroke: PALETTE.green,
        "stroke-width": 2,
        "stroke-dasharray": DASHES.dashDot,
      }),
    );
  }
  data2.push(series(data.forward, PALETTE.vermillion, DASHES.dashed, "square"));
  data2.push(series(data.central, PALETTE.blue, DASHES.solid, "circle"));
  body.push(element("g", { "clip-path": clip.attribute, "stroke-width": 2 }, data2.join("")));
  body.push(
    element(
      "text",
      { x: frame.left + 10, y: frame.top + 18, "font-size": FONT_SIZES.note },
      escapeXml("← rounding error ∝ ε/h"),
    ),
    element(
      "text",
      {
        x: frame.right - 10,
        y: frame.top + (regimesTouch ? 34 : 18),
        "text-anchor": "end",
        "font-size": FONT_SIZES.note,
      },
      escapeXml("truncation error ∝ h, h² →"),
    ),
  );
  body.push(drawTitle(frame, options.title ?? "Error of a finite difference versus step h", lines));
  const autoLabel =
    data.referenceSource === "exact"
      ? `numdiff default: error ${data.autoError === 0 ? "0 (drawn at the floor)" : sci(data.autoError)}`
      : `numdiff default (the reference): estimated error ${sci(data.autoError)}`;
  body.push(
    drawLegend(
      frame,
      [
        {
          label: "forward (f(x+h) − f(x))/h",
          color: PALETTE.vermillion,
          dash: DASHES.dashed,
          marker: "square",
        },
        { label: "central (f(x+h) − f(x−h))/2h", color: PALETTE.blue, marker: "circle" },
        ...(hasAuto ? [{ label: autoLabel, color: PALETTE.green, dash: DASHES.dashDot }] : []),
      ],
      "bottom-left",
    ),
  );
  return svgDocument({
    width,
    height,
    title: options.title ?? "Error of a finite difference versus step h",
    description: `${subtitles.join("; ")}.`,
    body,
  });
}
