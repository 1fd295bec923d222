import { numericalDiff } from "numdiff/book";
import { derivative } from "numdiff";
import { invalid } from "numdiff";
import type { Fn1 } from "numdiff";
import { checkFunction } from "numdiff";
import { clipPlotArea, drawAxes, drawTitle, FONT_SIZES, SUBTITLE_LINE, wrapSubtitles } from "./axes.js";
import { DASHES, PALETTE, TEXT_COLOR } from "./constants.js";
import { DEFAULT_MARGINS, makeFrame, type Frame } from "./frame.js";
import { drawLegend, legendAndLabel, type LegendEntry } from "./legend.js";
import { removableLimit } from "./limit.js";
import { marker } from "./marker.js";
import { linePath } from "./path.js";
import { frameAttribute } from "./frame-attribute.js";
import { element, escapeXml, svgDocument } from "./svg.js";
import { curveSamples, yExtent } from "./tangent-data.js";
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
 * import { tangentFigure } from "@numdiff/plot";
 * const svg = tangentFigure({ f: Math.sin, x0: 1, slope: Math.cos(1), domain: [0, 3], samples: 50, title: "sin" });
 * svg.includes("slope 0.5403023058681398"); // true
 * ```
 */
export interface TangentFigureOptions extends FigureOptions {
  /** The function. */
  f: Fn1;
  /** Where the tangent touches. */
  x0: number;
  /**
   * The slope; default the book's `numericalDiff(f, x0)` (central difference, h = 1e-4), or
   * numdiff's default `derivative` where the book's step leaves f's domain (log at 1e-9).
   */
  slope?: number;
  /** `[a, b)`: the curve is drawn at x = a + i·(b − a)/samples, i = 0 … samples − 1, like `np.arange`. */
  domain: readonly [number, number];
  /** Number of sample points, default {@link TANGENT_SAMPLES}. */
  samples?: number;
  /** The x axis label, default "x" (the book's). */
  xLabel?: string;
  /** The y axis label, default "f(x)" (the book's). */
  yLabel?: string;
  /**
   * One-sided slopes at a kink (the engine's `left` and `right`): both half-tangents are drawn
   * instead of one tangent.
   */
  sides?: {
    /** The left-sided slope. */
    left: number;
    /** The right-sided slope. */
    right: number;
  };
  /** A line of status in words under the title (e.g. "not differentiable at 0: …"). */
  note?: string;
  /**
   * A step h: the secant through (x0 − h, f(x0 − h)) and (x0 + h, f(x0 + h)) is drawn too, the line
   * whose slope is the book's central difference with that h (the explorer's step control).
   */
  secant?: number;
}

interface Slope {
  value: number;
  how: string;
}

function slopeOf(options: TangentFigureOptions, x0: number): Slope {
  if (options.slope !== undefined)
    return { value: checkFinite(options.slope, "slope", "INVALID_OPTION"), how: "given" };
  const book = numericalDiff(options.f, x0);
  if (Number.isFinite(book)) return { value: book, how: "the book's central difference, h = 1e-4" };
  const auto = derivative(options.f, x0).value;
  if (Number.isFinite(auto))
    return { value: auto, how: "numdiff's default: the book's h = 1e-4 leaves f's domain" };
  throw invalid("INVALID_POINT", "x0", "a point where f has a finite slope", x0);
}

/** Half-lines (or one line) of the tangent(s), in pixels. */
function tangentLines(
  frame: Frame,
  x0: number,
  y0: number,
  ends: readonly [number, number],
  slope: number,
  sides: TangentFigureOptions["sides"],
): { d: string; color: string; label: string; dash?: string }[] {
  // The line from t1 to t2 cut to the y range shown (and as much again above and below), so that a
  // steep tangent (log at 1e-9: slope 1e9) never writes coordinates of 1e10 px, which renderers drop.
  const [ylo, yhi] = frame.y.domain();
  const span = yhi - ylo;
  const segment = (t1: number, t2: number, m: number): string => {
    let [lo, hi] = [t1, t2];
    if (m !== 0) {
      const ta = x0 + (ylo - span - y0) / m;
      const tb = x0 + (yhi + span - y0) / m;
      lo = Math.max(lo, Math.min(ta, tb));
      hi = Math.min(hi, Math.max(ta, tb));
    }
    if (!(lo <= hi)) return "";
    return linePath([lo, hi].map((t) => [frame.x(t), frame.y(y0 + m * (t - x0))] as [number, number]));
  };
  if (sides === undefined) {
    return [
      { d: segment(ends[0], ends[1], slope), color: PALETTE.vermillion, label: `tangent at x = ${x0}` },
    ];
  }
  return [
    {
      d: segment(ends[0], x0, sides.left),
      color: PALETTE.vermillion,
      label: `left tangent, slope ${sides.left}`,
    },
    {
      d: segment(x0, ends[1], sides.right),
      color: PALETTE.purple,
      label: `right tangent, slope ${sides.right}`,
    },
  ];
}

/** The secant of the central difference with step h, over the figure's range, or null. */
function secantLine(
  frame: Frame,
  f: Fn1,
  x0: number,
  h: number | undefined,
  ends: readonly [number, number],
): { d: string; color: string; label: string; dash?: string } | null {
  if (h === undefined) return null;
  checkFinite(h, "secant", "INVALID_OPTION");
  const [ya, yb] = [f(x0 - h), f(x0 + h)];
  if (!(h > 0 && Number.isFinite(ya) && Number.isFinite(yb))) return null;
  const m = (yb - ya) / (2 * h);
  const at = (t: number): [number, number] => [frame.x(t), frame.y(ya + m * (t - (x0 - h)))];
  const [ylo, yhi] = frame.y.domain();
  const inside = [ends[0], ends[1]].every((t) => {
    const y = ya + m * (t - (x0 - h));
    return Number.isFinite(y) && Math.abs(y) < 1e6 * (Math.abs(ylo) + Math.abs(yhi) + 1);
  });
  if (!inside) return null;
  return {
    d: linePath([at(ends[0]), at(ends[1])]),
    color: PALETTE.green,
    label: `secant, h = ${h}`,
    dash: DASHES.dashDot,
  };
}

/**
 * The seed's figure: f over `[a, b)`, its tangent at x0 (dashed), the point of contact marked and the
 * slope written on the figure. The tangent follows the book's `tangent_line`: t ↦ d·t + (f(x0) − d·x0).
 * Where f(x0) is not finite but f tends to a value (sin(x)/x at 0) the point is drawn as a hole at
 * that value; at a kink (`sides`) both one-sided tangents are drawn. The curve is sampled finely
 * toward domain edges and poles, and the y range leaves out a pole's far values.
 *
 * @throws NumdiffError when f is not a function, x0 or the domain is not finite, f has no finite
 * value or limit at x0, or no finite slope there.
 * @example
 * ```ts
 * import { tangentFigure } from "@numdiff/plot";
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
  const fx0 = f(x0);
  const limit = Number.isFinite(fx0) ? null : removableLimit(f, x0);
  if (!Number.isFinite(fx0) && limit === null)
    throw invalid("INVALID_POINT", "x0", "a point where f is finite", x0);
  const y0 = limit ?? fx0;
  const slope = slopeOf(options, x0);
  const d = slope.value;
  const curve = curveSamples(f, [a, b], samples, x0);
  const last = a + ((samples - 1) * (b - a)) / samples;
  const ends: [number, number] = [a, last];
  const slopes = options.sides === undefined ? [d] : [options.sides.left, options.sides.right];
  const tangentYs = slopes.flatMap((m) => ends.map((t) => y0 + m * (t - x0)));
  const subtitles = wrapSubtitles(
    [`slope ${d} (${slope.how})`, ...(options.note === undefined ? [] : [options.note])],
    width,
  );
  const frame = makeFrame({
    width,
    height,
    margins: { ...DEFAULT_MARGINS, top: DEFAULT_MARGINS.top + SUBTITLE_LINE * (subtitles.length - 1) },
    x: { domain: [a, b] },
    y: { domain: yExtent(curve.gridYs, [y0], tangentYs) },
  });
  const clip = clipPlotArea(frame, "numdiff-tangent");
  const clampY = (y: number): number => Math.max(-10 * height, Math.min(11 * height, y));
  const pixels = curve.xs.map((x, i) => [frame.x(x), clampY(frame.y(curve.ys[i]))] as [number, number]);
  const lines = tangentLines(frame, x0, y0, ends, d, options.sides);
  const secant = secantLine(frame, f, x0, options.secant, ends);
  if (secant !== null) lines.push(secant);
  const px = frame.x(x0);
  const py = frame.y(y0);
  // Six digits beside the point (the subtitle has every digit), so the label fits a narrow figure.
  const s6 = (v: number): string => String(Number(v.toPrecision(6)));
  const pointText =
    limit === null
      ? `(${s6(x0)}, ${s6(y0)}) · slope ${s6(d)}`
      : `f(${s6(x0)}) undefined, limit ${s6(y0)} · slope ${s6(d)}`;
  const legend: LegendEntry[] = [
    { label: options.yLabel ?? "f(x)", color: PALETTE.blue },
    ...lines.map((l) => ({ label: l.label, color: l.color, dash: l.dash ?? DASHES.dashed })),
    {
      label: limit === null ? "point of contact" : "hole: f undefined there",
      color: TEXT_COLOR,
      lineWidth: 0,
      marker: "circle" as const,
    },
  ];
  const { corner, label } = legendAndLabel(frame, legend, [...pixels, [px, py]], {
    text: pointText,
    x: px,
    y: py,
    preferAbove: d < 0,
  });
  const title = options.title ?? `f(x) and its tangent at x = ${x0}`;
  return svgDocument({
    width,
    height,
    title,
    description: `The curve f over [${a}, ${b}) and its tangent line at x = ${x0}, slope ${d} (${slope.how}).`,
    attributes: { "data-frame": frameAttribute(frame) },
    body: [
      clip.definition,
      drawAxes(frame, { x: options.xLabel ?? "x", y: options.yLabel ?? "f(x)" }),
      element(
        "g",
        { "clip-path": clip.attribute, fill: "none", "stroke-width": 2.5 },
        element("path", { d: linePath(pixels), stroke: PALETTE.blue }) +
          lines
            .map((l) =>
              element("path", { d: l.d, stroke: l.color, "stroke-dasharray": l.dash ?? DASHES.dashed }),
            )
            .join(""),
      ),
      limit === null
        ? marker("circle", px, py, 11, TEXT_COLOR)
        : element("circle", {
            cx: px,
            cy: py,
            r: 5.5,
            fill: "#ffffff",
            stroke: TEXT_COLOR,
            "stroke-width": 2,
          }),
      label === null
        ? ""
        : element(
            "text",
            { x: label.x, y: label.y, "text-anchor": label.anchor, "font-size": FONT_SIZES.note },
            escapeXml(pointText),
          ),
      drawTitle(frame, title, subtitles),
      drawLegend(frame, legend, corner),
    ],
  });
}
