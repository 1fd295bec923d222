import { checkLearningRate } from "./learning-rate.js";
import { gradientDescent } from "numdiff/book";
import { invalid } from "numdiff";
import type { FnN } from "numdiff";
import { checkFunction } from "numdiff";
import { clipPlotArea, drawAxes, drawTitle, FONT_SIZES } from "./axes.js";
import { DASHES, PALETTE, TEXT_COLOR } from "./constants.js";
import { fieldDomain, type Range } from "./field.js";
import { equalAspectFrame } from "./frame.js";
import { drawLegend, legendAndLabel, type LegendEntry } from "./legend.js";
import { LEVEL_COUNT, levelCurves } from "./levels.js";
import { marker } from "./marker.js";
import { linePath } from "./path.js";
import { frameAttribute } from "./frame-attribute.js";
import { element, escapeXml, svgDocument } from "./svg.js";
import { checkFinite, checkInteger, figureSize, type FigureOptions } from "./validate.js";

/**
 * The book's learning rate for the descent figure (gradient_method.py: lr = 0.1).
 *
 * @default 0.1
 * @example
 * ```ts
 * DESCENT_LR; // 0.1
 * ```
 */
export const DESCENT_LR = 0.1;

/**
 * The book's number of steps for the descent figure (gradient_method.py: step_num = 20).
 *
 * @default 20
 * @example
 * ```ts
 * DESCENT_STEPS; // 20
 * ```
 */
export const DESCENT_STEPS = 20;

/**
 * Most steps drawn: a marker per step stops being readable long before this.
 *
 * @default 10000
 * @example
 * ```ts
 * MAX_DESCENT_STEPS; // 10000
 * ```
 */
export const MAX_DESCENT_STEPS = 10000;

/**
 * The book's view of the descent: xlim (-3.5, 3.5), ylim (-4.5, 4.5) (gradient_method.py). Used by
 * default whenever the whole path fits in it.
 *
 * @example
 * ```ts
 * BOOK_DESCENT_DOMAIN; // [[-3.5, 3.5], [-4.5, 4.5]]
 * ```
 */
export const BOOK_DESCENT_DOMAIN: readonly [Range, Range] = Object.freeze([
  Object.freeze([-3.5, 3.5]) as Range,
  Object.freeze([-4.5, 4.5]) as Range,
]) as readonly [Range, Range];

/**
 * Padding around a path that does not fit the book's view, as a fraction of its extent per axis
 * (at least 0.5 in data units, so a path along a line still gets a plot area).
 *
 * @default 0.1
 * @example
 * ```ts
 * PATH_PADDING; // 0.1
 * ```
 */
export const PATH_PADDING = 0.1;

/**
 * Options of {@link descentFigure}.
 *
 * @example
 * ```ts
 * import { descentFigure } from "@numdiff/plot";
 * const svg = descentFigure({ f: (x) => x[0] ** 2 + x[1] ** 2, start: [-3, 4], lr: 0.1, steps: 20, levels: 0 });
 * svg.includes("(-0.03459, 0.04612)"); // true (where the book's path ends)
 * ```
 */
export interface DescentFigureOptions extends FigureOptions {
  /** f(x0, x1) as a function of a 2-element array. */
  f: FnN;
  /** The starting point (x0, x1); not changed. */
  start: ArrayLike<number>;
  /** Learning rate, default {@link DESCENT_LR}. */
  lr?: number;
  /** Number of steps, default {@link DESCENT_STEPS}. */
  steps?: number;
  /** Shown region; default the book's ({@link BOOK_DESCENT_DOMAIN}) if the path fits, else the path's box. */
  domain?: Range | readonly [Range, Range];
  /** Level curves: a count (default {@link LEVEL_COUNT}) or explicit levels; 0 for none. */
  levels?: number | readonly number[];
  /** The x axis label, default "x0". */
  xLabel?: string;
  /** The y axis label, default "x1". */
  yLabel?: string;
}

/**
 * A path with more points than this is dense: it is drawn as a line with markers at least
 * {@link MARKER_SPACING} px apart, since a marker per step would bury the line under white outlines.
 * The book's 20 steps keep a marker each.
 *
 * @default 50
 * @example
 * ```ts
 * DENSE_PATH_POINTS; // 50
 * ```
 */
export const DENSE_PATH_POINTS = 50;

/**
 * Least distance between two markers of a dense path, in px (a little more than a marker's 9 px).
 *
 * @default 14
 * @example
 * ```ts
 * MARKER_SPACING; // 14
 * ```
 */
export const MARKER_SPACING = 14;

/**
 * The points that get a marker: all of a short path; of a dense one, each point at least
 * {@link MARKER_SPACING} px from the last marked one (the first and last are marked separately).
 *
 * @example
 * ```ts
 * sparseMarkers([[0, 0], [1, 0], [20, 0]]).length; // 3 (a short path: every point)
 * ```
 */
export function sparseMarkers(points: readonly (readonly [number, number])[]): (readonly [number, number])[] {
  if (points.length <= DENSE_PATH_POINTS) return [...points];
  const out = [points[0]];
  for (const p of points) {
    const q = out[out.length - 1];
    if (Math.hypot(p[0] - q[0], p[1] - q[1]) >= MARKER_SPACING) out.push(p);
  }
  return out;
}

const short = (v: number): string => String(Number(v.toPrecision(4)));

function pathBox(points: readonly Float64Array[]): [[number, number], [number, number]] {
  const box = [0, 1].map((k) => {
    const vs = points.map((p) => p[k]);
    const lo = Math.min(...vs);
    const hi = Math.max(...vs);
    const pad = Math.max((hi - lo) * PATH_PADDING, 0.5);
    return [lo - pad, hi + pad] as [number, number];
  });
  return [box[0], box[1]];
}

/**
 * The path of gradient descent (the book's `gradient_descent`: central differences with h = 1e-4,
 * x −= lr·grad) from `start`, a marker per step, over faint level curves of f (d3-contour), with the
 * book's dashed axis lines through the origin. The book's figure: x0² + x1² from (-3, 4), lr 0.1,
 * 20 steps, which ends near (-0.0346, 0.0461).
 *
 * @throws NumdiffError for a bad f, start, lr, steps, domain or size.
 * @example
 * ```ts
 * import { descentFigure } from "@numdiff/plot";
 * descentFigure({ f: (x) => x[0] ** 2 + x[1] ** 2, start: [-3, 4] }).includes("(-0.03459, 0.04612)"); // true
 * ```
 */
export function descentFigure(options: DescentFigureOptions): string {
  const { f } = options;
  checkFunction(f, "f");
  const start = options.start;
  if (!(start !== null && typeof start === "object" && start.length === 2)) {
    throw invalid("INVALID_POINT", "start", "two finite numbers (x0, x1)", start);
  }
  checkFinite(start[0], "start[0]", "INVALID_POINT");
  checkFinite(start[1], "start[1]", "INVALID_POINT");
  const lr = checkLearningRate(options.lr ?? DESCENT_LR);
  const steps = checkInteger(options.steps ?? DESCENT_STEPS, "steps", 1, MAX_DESCENT_STEPS);
  const levels = options.levels ?? LEVEL_COUNT;
  if (typeof levels === "number") checkInteger(levels, "levels", 0, 100);
  const { width, height } = figureSize(options);
  const { x: end, history } = gradientDescent(f, Array.from(start), { lr, stepNum: steps });
  const all = [...history, end];
  const firstBad = all.findIndex((p) => !(Number.isFinite(p[0]) && Number.isFinite(p[1])));
  const path = firstBad < 0 ? all : all.slice(0, firstBad);
  const fits = path.every(
    (p) =>
      p[0] >= BOOK_DESCENT_DOMAIN[0][0] &&
      p[0] <= BOOK_DESCENT_DOMAIN[0][1] &&
      p[1] >= BOOK_DESCENT_DOMAIN[1][0] &&
      p[1] <= BOOK_DESCENT_DOMAIN[1][1],
  );
  const [dx, dy] =
    options.domain !== undefined
      ? fieldDomain(options.domain)
      : fits
        ? fieldDomain(BOOK_DESCENT_DOMAIN)
        : pathBox(path);
  const frame = equalAspectFrame({ width, height, x: dx, y: dy });
  const clip = clipPlotArea(frame, "numdiff-descent");
  const curves = levels === 0 ? "" : levelCurves(f, frame, levels);
  const pts = path.map((p) => [frame.x(p[0]), frame.y(p[1])] as const);
  const axesLines =
    element("line", { x1: frame.x(0), y1: frame.top, x2: frame.x(0), y2: frame.bottom }) +
    element("line", { x1: frame.left, y1: frame.y(0), x2: frame.right, y2: frame.y(0) });
  const endText =
    firstBad < 0
      ? `after ${steps} steps: (${short(end[0])}, ${short(end[1])}), f = ${short(f(Float64Array.from(end)))}`
      : `diverged: not finite after step ${firstBad}`;
  const title = options.title ?? `Gradient descent from (${start[0]}, ${start[1]}), lr ${lr}, ${steps} steps`;
  const lastPx = pts[pts.length - 1];
  const legend: LegendEntry[] = [
    {
      label: path.length > DENSE_PATH_POINTS ? "x, a marker every few steps" : "x after each step",
      color: PALETTE.vermillion,
      lineWidth: 1.5,
      marker: "circle",
    },
    { label: "start", color: TEXT_COLOR, lineWidth: 0, marker: "square" },
    {
      label: `after ${firstBad < 0 ? steps : firstBad - 1} steps`,
      color: TEXT_COLOR,
      lineWidth: 0,
      marker: "diamond",
    },
    ...(curves === "" ? [] : [{ label: "level curves of f", color: "#b8b8b8", lineWidth: 1 }]),
  ];
  const startText = `start (${start[0]}, ${start[1]})`;
  // the book's legend is top right; another corner only where the start's label needs it
  const placed = legendAndLabel(
    frame,
    legend,
    pts,
    { text: startText, x: pts[0][0], y: pts[0][1], preferAbove: true },
    ["top-right", "bottom-right", "bottom-left", "top-left"],
  );
  return svgDocument({
    width,
    height,
    attributes: { "data-frame": frameAttribute(frame) },
    title,
    description: `The path of gradient descent on f; ${endText}.`,
    body: [
      clip.definition,
      drawAxes(frame, { x: options.xLabel ?? "x0", y: options.yLabel ?? "x1" }),
      element(
        "g",
        { "clip-path": clip.attribute, fill: "none" },
        element("path", { d: curves, stroke: "#b8b8b8", "stroke-width": 1 }) +
          element(
            "g",
            { stroke: PALETTE.blue, "stroke-width": 1.2, "stroke-dasharray": DASHES.dashed },
            axesLines,
          ) +
          element("path", { d: linePath(pts), stroke: PALETTE.vermillion, "stroke-width": 1.5 }),
      ),
      element(
        "g",
        { "clip-path": clip.attribute },
        sparseMarkers(pts)
          .map((p) => marker("circle", p[0], p[1], 9, PALETTE.vermillion))
          .join("") +
          marker("square", pts[0][0], pts[0][1], 11, TEXT_COLOR) +
          (pts.length > 1 ? marker("diamond", lastPx[0], lastPx[1], 11, TEXT_COLOR) : ""),
      ),
      placed.label === null
        ? ""
        : element(
            "text",
            {
              x: placed.label.x,
              y: placed.label.y,
              "text-anchor": placed.label.anchor === "end" ? "end" : undefined,
              "font-size": FONT_SIZES.note,
            },
            escapeXml(startText),
          ),
      drawTitle(frame, title, [endText]),
      drawLegend(frame, legend, placed.corner),
    ],
  });
}
