import { numericalDiff } from "../book/index.js";
import { checkFunction } from "../core/validate.js";
import { invalid } from "../core/errors.js";
import type { Fn1 } from "../core/types.js";
import { clipPlotArea, drawAxes, drawTitle, FONT_SIZES } from "./axes.js";
import { DASHES, PALETTE, TEXT_COLOR } from "./constants.js";
import { makeFrame } from "./frame.js";
import { drawLegend } from "./legend.js";
import { marker } from "./marker.js";
import { linePath } from "./path.js";
import { element, escapeXml, svgDocument } from "./svg.js";
import { checkFinite, checkInteger, checkRange, figureSize, type FigureOptions } from "./validate.js";

/**
 * Points at which the curve is sampled by default: the book's `np.arange(0.0, 20.0, 0.1)` has 200.
 *
 * @default 200
 * @example
 * ```ts
 * TANGENT_SAMPLES; // 200
 * ```
 */
export const TANGENT_SAMPLES = 200;

/**
 * Options of {@link tangentFigure}.
 *
 * @example
 * ```ts
 * import { tangentFigure } from "numdiff/plot";
 * const svg = tangentFigure({ f: Math.sin, x0: 1, slope: Math.cos(1), domain: [0, 3], samples: 50, title: "sin" });
 * svg.includes("slope 0.5403023058681398"); // true
 * ```
 */
export interface TangentFigureOptions extends FigureOptions {
  /** The function. */
  f: Fn1;
  /** Where the tangent touches. */
  x0: number;
  /** The slope; default the book's `numericalDiff(f, x0)` (central difference, h = 1e-4). */
  slope?: number;
  /** `[a, b)`: the curve is drawn at x = a + i·(b − a)/samples, i = 0 … samples − 1, like `np.arange`. */
  domain: readonly [number, number];
  /** Number of sample points, default {@link TANGENT_SAMPLES}. */
  samples?: number;
  /** The x axis label, default "x" (the book's). */
  xLabel?: string;
  /** The y axis label, default "f(x)" (the book's). */
  yLabel?: string;
}

/**
 * The seed's figure: f over `[a, b)`, its tangent at x0 (dashed), the point of contact marked and the
 * slope written on the figure. The tangent follows the book's `tangent_line`: t ↦ d·t + (f(x0) − d·x0).
 *
 * @throws NumdiffError when f is not a function, x0 or the domain is not finite, or f(x0) is not finite.
 * @example
 * ```ts
 * import { tangentFigure } from "numdiff/plot";
 * const svg = tangentFigure({ f: (x) => 0.01 * x ** 2 + 0.1 * x, x0: 5, domain: [0, 20] });
 * svg.includes("slope 0.1999999999990898"); // true (the book's numerical_diff at 5; the truth is 0.2)
 * ```
 */
export function tangentFigure(options: TangentFigureOptions): string {
  const { f } = options;
  checkFunction(f, "f");
  const x0 = checkFinite(options.x0, "x0", "INVALID_POINT");
  const [a, b] = checkRange(options.domain, "domain");
  const samples = checkInteger(options.samples ?? TANGENT_SAMPLES, "samples", 2, 100000);
  const { width, height } = figureSize(options);
  const y0 = f(x0);
  if (!Number.isFinite(y0)) throw invalid("INVALID_POINT", "x0", "a point where f is finite", x0);
  const given = options.slope !== undefined;
  const d = given ? checkFinite(options.slope, "slope", "INVALID_OPTION") : numericalDiff(f, x0);
  const intercept = y0 - d * x0;
  const tangent = (t: number): number => d * t + intercept;

  const xs = Array.from({ length: samples }, (_, i) => a + (i * (b - a)) / samples);
  const ys = xs.map((x) => f(x));
  const ends = [tangent(a), tangent(xs[samples - 1])];
  const finite = [...ys, ...ends, y0].filter(Number.isFinite);
  const frame = makeFrame({
    width,
    height,
    x: { domain: [a, b] },
    y: { domain: [Math.min(...finite), Math.max(...finite)] },
  });
  const clip = clipPlotArea(frame, "numdiff-tangent");
  const curve = linePath(xs.map((x, i) => [frame.x(x), frame.y(ys[i])]));
  const line = linePath([
    [frame.x(a), frame.y(ends[0])],
    [frame.x(xs[samples - 1]), frame.y(ends[1])],
  ]);
  const px = frame.x(x0);
  const py = frame.y(y0);
  const how = given ? "given" : "the book's central difference, h = 1e-4";
  const tangentLabel = `tangent at x = ${x0}`;
  const note = `slope ${d}`;
  const above = d >= 0;
  return svgDocument({
    width,
    height,
    title: options.title ?? `f(x) and its tangent at x = ${x0}`,
    description: `The curve f over [${a}, ${b}) and its tangent line at x = ${x0}, slope ${d} (${how}).`,
    body: [
      clip.definition,
      drawAxes(frame, { x: options.xLabel ?? "x", y: options.yLabel ?? "f(x)" }),
      element(
        "g",
        { "clip-path": clip.attribute, fill: "none", "stroke-width": 2.5 },
        element("path", { d: curve, stroke: PALETTE.blue }) +
          element("path", { d: line, stroke: PALETTE.vermillion, "stroke-dasharray": DASHES.dashed }),
      ),
      marker("circle", px, py, 11, TEXT_COLOR),
      element(
        "text",
        {
          x: px + 14,
          y: above ? py + 22 : py - 14,
          "font-size": FONT_SIZES.note,
        },
        escapeXml(`(${x0}, ${y0}) · ${note}`),
      ),
      drawTitle(frame, options.title ?? `f(x) and its tangent at x = ${x0}`, [`${note} (${how})`]),
      drawLegend(
        frame,
        [
          { label: options.yLabel ?? "f(x)", color: PALETTE.blue },
          { label: tangentLabel, color: PALETTE.vermillion, dash: DASHES.dashed },
          { label: "point of contact", color: TEXT_COLOR, lineWidth: 0, marker: "circle" },
        ],
        "top-left",
      ),
    ],
  });
}
