/**
 * The figure of sampled data and its derivative: the samples above, the derivative below (and the
 * smoothed derivative, for noisy data), sharing the x axis.
 */
import { invalid } from "numdiff";
import { clipPlotArea, drawAxes, drawTitle, FONT_SIZES } from "./axes.js";
import { DASHES, PALETTE } from "./constants.js";
import { DEFAULT_MARGINS, makeFrame, type Frame } from "./frame.js";
import { drawLegend } from "./legend.js";
import { marker } from "./marker.js";
import { linePath } from "./path.js";
import { element, escapeXml, svgDocument } from "./svg.js";
import { figureSize, type FigureOptions } from "./validate.js";

/**
 * Most samples drawn as markers; past it the samples are drawn as a thin line (markers would hide it).
 *
 * @default 400
 * @example
 * ```ts
 * SAMPLE_MARKER_LIMIT; // 400
 * ```
 */
export const SAMPLE_MARKER_LIMIT = 400;

/**
 * Gap between the two panels, in px: room for the upper panel's x tick labels.
 *
 * @default 44
 * @example
 * ```ts
 * PANEL_GAP; // 44
 * ```
 */
export const PANEL_GAP = 44;

/**
 * Options of {@link samplesFigure}.
 *
 * @example
 * ```ts
 * const o: SamplesFigureOptions = { x: [0, 1, 2], y: [0, 1, 4], derivative: [0, 2, 4] };
 * ```
 */
export interface SamplesFigureOptions extends FigureOptions {
  /** Sample positions, increasing. */
  x: ArrayLike<number>;
  /** Sample values. */
  y: ArrayLike<number>;
  /** The derivative at each sample (finite differences). */
  derivative: ArrayLike<number>;
  /** A smoothed derivative at each sample (Savitzky–Golay, total variation), drawn over it. */
  smoothed?: ArrayLike<number>;
  /** Legend label of the smoothed derivative, e.g. "Savitzky–Golay, window 101". */
  smoothedLabel?: string;
  /** Which derivative (for the labels); default 1. */
  order?: number;
  /** Axis labels, default "x" and "y". */
  xLabel?: string;
  /** The label of the data's axis. */
  yLabel?: string;
}

function extent(...series: (ArrayLike<number> | undefined)[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    if (s === undefined) continue;
    for (let i = 0; i < s.length; i++) {
      if (!Number.isFinite(s[i])) continue;
      lo = Math.min(lo, s[i]);
      hi = Math.max(hi, s[i]);
    }
  }
  if (!(lo <= hi)) return [0, 1];
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

function series(frame: Frame, x: ArrayLike<number>, y: ArrayLike<number>): [number, number][] {
  return Array.from({ length: x.length }, (_, i) => [frame.x(x[i]), frame.y(y[i])]);
}

/**
 * Samples and their derivative, in two panels over the same x: the samples (markers, or a line when
 * there are more than {@link SAMPLE_MARKER_LIMIT}) above; below, the derivative by finite differences
 * and, when given, the smoothed derivative.
 *
 * @throws NumdiffError (INVALID_SHAPE) when the arrays differ in length or hold fewer than 2 samples.
 * @example
 * ```ts
 * import { samplesFigure } from "@numdiff/plot";
 * const svg = samplesFigure({ x: [0, 1, 2, 3], y: [0, 1, 4, 9], derivative: [0, 2, 4, 6] });
 * svg.includes("first derivative"); // true
 * ```
 */
export function samplesFigure(options: SamplesFigureOptions): string {
  const { x, y, derivative, smoothed } = options;
  const n = x.length;
  if (!(n >= 2)) throw invalid("INVALID_SHAPE", "x.length", ">= 2", n);
  for (const [name, s] of [
    ["y", y],
    ["derivative", derivative],
    ["smoothed", smoothed],
  ] as const) {
    if (s !== undefined && s.length !== n)
      throw invalid("INVALID_SHAPE", `${name}.length`, `${n} (x.length)`, s.length);
  }
  const { width, height } = figureSize(options);
  const order = options.order ?? 1;
  const which =
    order === 1 ? "first derivative" : order === 2 ? "second derivative" : `derivative of order ${order}`;
  const title = options.title ?? `Samples and their ${which}`;
  const yLabel = options.yLabel ?? "y";
  const xDomain = extent(x);
  const split = DEFAULT_MARGINS.top + (height - DEFAULT_MARGINS.top - DEFAULT_MARGINS.bottom - PANEL_GAP) / 2;
  const upper = makeFrame({
    width,
    height,
    margins: { ...DEFAULT_MARGINS, bottom: height - split },
    x: { domain: xDomain },
    y: { domain: extent(y) },
  });
  const lower = makeFrame({
    width,
    height,
    margins: { ...DEFAULT_MARGINS, top: split + PANEL_GAP },
    x: { domain: xDomain },
    y: { domain: extent(derivative, smoothed) },
  });
  const dLabel = order === 1 ? `d${yLabel}/d${options.xLabel ?? "x"}` : `d^${order}${yLabel}`;
  const upperClip = clipPlotArea(upper, "numdiff-samples-upper");
  const lowerClip = clipPlotArea(lower, "numdiff-samples-lower");
  const points = series(upper, x, y);
  const samples =
    n <= SAMPLE_MARKER_LIMIT
      ? points
          .filter((p) => Number.isFinite(p[1]))
          .map((p) => marker("circle", p[0], p[1], 5, PALETTE.blue))
          .join("")
      : element("path", { d: linePath(points), stroke: PALETTE.blue, fill: "none", "stroke-width": 1 });
  const lowerLines = [
    element("path", {
      d: linePath(series(lower, x, derivative)),
      stroke: smoothed === undefined ? PALETTE.vermillion : PALETTE.skyBlue,
      fill: "none",
      "stroke-width": smoothed === undefined ? 2 : 1,
    }),
  ];
  if (smoothed !== undefined) {
    lowerLines.push(
      element("path", {
        d: linePath(series(lower, x, smoothed)),
        stroke: PALETTE.vermillion,
        "stroke-dasharray": DASHES.solid,
        fill: "none",
        "stroke-width": 2.5,
      }),
    );
  }
  const legend = [
    { label: "finite differences", color: smoothed === undefined ? PALETTE.vermillion : PALETTE.skyBlue },
    ...(smoothed !== undefined
      ? [{ label: options.smoothedLabel ?? "smoothed", color: PALETTE.vermillion }]
      : []),
  ];
  return svgDocument({
    width,
    height,
    title,
    description: `${n} samples of ${yLabel} and their ${which}${smoothed !== undefined ? ", with a smoothed derivative" : ""}.`,
    body: [
      upperClip.definition,
      lowerClip.definition,
      drawAxes(upper, { x: "", y: yLabel }),
      drawAxes(lower, { x: options.xLabel ?? "x", y: dLabel }),
      element("g", { "clip-path": upperClip.attribute }, samples),
      element("g", { "clip-path": lowerClip.attribute }, lowerLines.join("")),
      element(
        "text",
        { x: upper.left + 8, y: upper.top - 8, "font-size": FONT_SIZES.note },
        escapeXml(`${n} samples`),
      ),
      drawTitle(upper, title),
      drawLegend(lower, legend, "top-right"),
    ],
  });
}
