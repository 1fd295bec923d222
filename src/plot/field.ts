import { invalid } from "numdiff";
import { gradient } from "numdiff";
import type { FnN } from "numdiff";
import { checkFunction } from "numdiff";
import { clipPlotArea, drawAxes, drawTitle, SUBTITLE_LINE, wrapSubtitles } from "./axes.js";
import { FIELD_ARROW_COLOR } from "./constants.js";
import { DEFAULT_MARGINS, equalAspectFrame } from "./frame.js";

import { round } from "./round.js";
import { frameAttribute } from "./frame-attribute.js";
import { element, svgDocument } from "./svg.js";
import { checkInteger, checkRange, figureSize, type FigureOptions } from "./validate.js";

/**
 * The book's grid for the gradient field: `np.arange(-2, 2.5, 0.25)`, 18 points from -2 to 2.25
 * (gradient_2d.py); the last row and column fall outside the book's xlim/ylim [-2, 2] and are clipped.
 *
 * @example
 * ```ts
 * BOOK_FIELD_GRID.length; // 18
 * BOOK_FIELD_GRID[17]; // 2.25
 * ```
 */
export const BOOK_FIELD_GRID: readonly number[] = Object.freeze(
  Array.from({ length: 18 }, (_, i) => -2 + 0.25 * i),
);

/**
 * Default domain of the field, the book's xlim/ylim: [-2, 2] on both axes.
 *
 * @example
 * ```ts
 * DEFAULT_FIELD_DOMAIN; // [-2, 2]
 * ```
 */
export const DEFAULT_FIELD_DOMAIN: readonly [number, number] = Object.freeze([-2, 2]) as readonly [
  number,
  number,
];

/**
 * Default grid points per axis, spread evenly over the domain ends included: 17 gives the book's
 * spacing 0.25 on [-2, 2].
 *
 * @default 17
 * @example
 * ```ts
 * DEFAULT_FIELD_POINTS; // 17
 * ```
 */
export const DEFAULT_FIELD_POINTS = 17;

/**
 * The longest arrow is this fraction of the smaller grid spacing (in px), so arrows never overlap;
 * the others keep their length relative to it (like matplotlib's quiver autoscaling).
 *
 * @default 0.9
 * @example
 * ```ts
 * ARROW_FILL; // 0.9
 * ```
 */
export const ARROW_FILL = 0.9;

/**
 * When the longest arrow is more than this many times the lower-quartile one, lengths are
 * log-compressed (length ∝ log(1 + |∇f|/q25)) instead of drawn to scale: at to-scale lengths a
 * quarter of the arrows would be under a tenth of a cell, specks whose direction cannot be seen.
 *
 * @default 10
 * @example
 * ```ts
 * ARROW_RANGE; // 10
 * ```
 */
export const ARROW_RANGE = 10;

/**
 * Figures narrower than this (px) get a second subtitle line: the field's subtitle, about 80
 * characters at 14 px, needs some 670 px on one line.
 *
 * @default 640
 * @example
 * ```ts
 * NARROW_FIGURE; // 640
 * ```
 */
export const NARROW_FIGURE = 640;

/**
 * A range `[lo, hi]`.
 *
 * @example
 * ```ts
 * const r: Range = [0, 1];
 * fieldDomain(r); // [[0, 1], [0, 1]]
 * ```
 */
export type Range = readonly [number, number];

/**
 * Options of {@link gradientFieldFigure}.
 *
 * @example
 * ```ts
 * import { gradientFieldFigure } from "@numdiff/plot";
 * const svg = gradientFieldFigure({
 *   f: (x) => x[0] ** 2 + x[1] ** 2,
 *   domain: [[-2, 2], [-1, 1]],
 *   grid: 5,
 *   xLabel: "x0",
 *   yLabel: "x1",
 * });
 * svg.includes(">x1</text>"); // true
 * ```
 */
export interface GradientFieldOptions extends FigureOptions {
  /** f(x0, x1) as a function of a 2-element array. */
  f: FnN;
  /** Shown region: `[lo, hi]` for both axes or `[[x0lo, x0hi], [x1lo, x1hi]]`. Default [-2, 2]. */
  domain?: Range | readonly [Range, Range];
  /** Grid: points per axis (ends included) or the coordinates for both axes. Default 17 points. */
  grid?: number | readonly number[];
  /** The x axis label, default "x0". */
  xLabel?: string;
  /** The y axis label, default "x1". */
  yLabel?: string;
}

/**
 * Resolves a `domain` option (one range for both axes, or one per axis) into two validated ranges.
 *
 * @example
 * ```ts
 * fieldDomain([-2, 2]); // [[-2, 2], [-2, 2]]
 * fieldDomain([[0, 1], [2, 3]]); // [[0, 1], [2, 3]]
 * ```
 */
export function fieldDomain(domain: GradientFieldOptions["domain"]): [[number, number], [number, number]] {
  const d = domain ?? DEFAULT_FIELD_DOMAIN;
  if (Array.isArray(d) && Array.isArray(d[0])) {
    return [checkRange(d[0], "domain[0]"), checkRange(d[1], "domain[1]")];
  }
  const r = checkRange(d, "domain");
  return [r, [r[0], r[1]]];
}

/** The grid continued with its own spacing (of its first two points) over `range`. */
function extendGrid(grid: readonly number[], range: readonly [number, number]): number[] {
  if (grid.length < 2) return [...grid];
  const step = grid[1] - grid[0];
  const first = grid[0] - Math.floor((grid[0] - range[0]) / step + 1e-9) * step;
  const out: number[] = [];
  for (let t = first, i = 0; t <= range[1] + 1e-9 * step && i < 400; i++, t = first + i * step) out.push(t);
  return out;
}

function gridAxis(grid: GradientFieldOptions["grid"], range: [number, number]): number[] {
  if (grid === undefined || typeof grid === "number") {
    const n = checkInteger(grid ?? DEFAULT_FIELD_POINTS, "grid", 2, 200);
    return Array.from({ length: n }, (_, i) => range[0] + (i * (range[1] - range[0])) / (n - 1));
  }
  if (!(Array.isArray(grid) && grid.length >= 1 && grid.length <= 200 && grid.every(Number.isFinite))) {
    throw invalid("INVALID_OPTION", "grid", "an integer or an array of 1 to 200 finite numbers", grid);
  }
  return [...grid];
}

/**
 * Arrows of −∇f on a grid (numdiff's gradient at each point), the book's gradient_2d figure: for
 * x0² + x1² every arrow points to the origin, longer further out. Arrows start at their grid point;
 * lengths are scaled together so the longest fills {@link ARROW_FILL} of a grid cell, in grey #666666.
 *
 * @throws NumdiffError for a bad f, domain, grid or size.
 * @example
 * ```ts
 * import { gradientFieldFigure, BOOK_FIELD_GRID } from "@numdiff/plot";
 * gradientFieldFigure({ f: (x) => x[0] ** 2 + x[1] ** 2, domain: [-2, 2], grid: BOOK_FIELD_GRID });
 * // the book's figure: 18 × 18 arrows, the row and column at 2.25 clipped
 * ```
 */
export function gradientFieldFigure(options: GradientFieldOptions): string {
  const { f } = options;
  checkFunction(f, "f");
  const [dx, dy] = fieldDomain(options.domain);
  const gx = gridAxis(options.grid, dx);
  const gy = gridAxis(options.grid, dy);
  const { width, height } = figureSize(options);
  // Below this width the subtitle (about 80 characters) takes two lines; leave room for them.
  const narrow = width < NARROW_FIGURE;
  const frame = equalAspectFrame({
    width,
    height,
    x: dx,
    y: dy,
    margins: narrow ? { ...DEFAULT_MARGINS, top: DEFAULT_MARGINS.top + SUBTITLE_LINE } : undefined,
  });
  const arrows: { x: number; y: number; u: number; v: number }[] = [];
  let largest = 0;
  // Grid points outside the domain (the book's 2.25) are left out, as clipping would hide them.
  // With equal units the frame is wider (or taller) than asked: a counted grid continues over it.
  const counted = !Array.isArray(options.grid);
  const [fx, fy] = [frame.x.domain(), frame.y.domain()] as [number, number][];
  const xs = (counted ? extendGrid(gx, fx) : gx).filter(
    (t) => t >= fx[0] && t <= fx[1] && t >= (counted ? fx[0] : dx[0]) && t <= (counted ? fx[1] : dx[1]),
  );
  const ys = (counted ? extendGrid(gy, fy) : gy).filter(
    (t) => t >= fy[0] && t <= fy[1] && t >= (counted ? fy[0] : dy[0]) && t <= (counted ? fy[1] : dy[1]),
  );
  for (const y of ys) {
    for (const x of xs) {
      const g = gradient(f, [x, y]).value;
      // −∇f in pixels: y grows downwards on screen.
      const u = -g[0] * Math.abs(frame.x(1) - frame.x(0));
      const v = g[1] * Math.abs(frame.y(1) - frame.y(0));
      if (!(Number.isFinite(u) && Number.isFinite(v))) continue;
      arrows.push({ x: frame.x(x), y: frame.y(y), u, v });
      largest = Math.max(largest, Math.hypot(g[0], g[1]));
    }
  }
  const spacing = (axis: number[], scale: (t: number) => number): number =>
    axis.length < 2
      ? Infinity
      : Math.min(...axis.slice(1).map((t, i) => Math.abs(scale(t) - scale(axis[i]))));
  const cell = Math.min(spacing(gx, frame.x), spacing(gy, frame.y), (frame.right - frame.left) / 4);
  const norms = arrows.map((a) => Math.hypot(a.u, a.v));
  const longest = Math.max(0, ...norms);
  const sorted = norms.filter((n) => n > 0).sort((p, q) => p - q);
  const median = sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 4)];
  // Lengths to scale, unless most arrows would be specks beside a few long ones (Rosenbrock): then
  // log-compressed, so that every arrow shows its direction.
  const compressed = median > 0 && longest / median > ARROW_RANGE;
  const lengthOf = (n: number): number =>
    longest === 0
      ? 0
      : ARROW_FILL *
        cell *
        (compressed ? Math.log1p(n / median) / Math.log1p(longest / median) : n / longest);
  const shafts: string[] = [];
  const heads: string[] = [];
  for (const [i, a] of arrows.entries()) {
    const len = lengthOf(norms[i]);
    if (!(len >= 0.5)) continue;
    const ux = a.u / norms[i];
    const uy = a.v / norms[i];
    const tipX = a.x + ux * len;
    const tipY = a.y + uy * len;
    const head = Math.min(0.35 * len, 9);
    const baseX = tipX - ux * head;
    const baseY = tipY - uy * head;
    const half = head * 0.45;
    shafts.push(`M${round(a.x)},${round(a.y)}L${round(baseX)},${round(baseY)}`);
    heads.push(
      `M${round(tipX)},${round(tipY)}L${round(baseX - uy * half)},${round(baseY + ux * half)}` +
        `L${round(baseX + uy * half)},${round(baseY - ux * half)}Z`,
    );
  }
  const clip = clipPlotArea(frame, "numdiff-field");
  const title = options.title ?? "Gradient field: arrows of −∇f";
  const subtitle = `${xs.length} × ${ys.length} arrows, numdiff's gradient, lengths ${compressed ? "log-compressed so all show" : "to scale"} (largest |∇f| ${Number(largest.toPrecision(4))})`;
  return svgDocument({
    width,
    height,
    attributes: { "data-frame": frameAttribute(frame) },
    title,
    description: `Arrows of minus the gradient of f on a ${xs.length} by ${ys.length} grid.`,
    body: [
      clip.definition,
      drawAxes(frame, { x: options.xLabel ?? "x0", y: options.yLabel ?? "x1" }),
      element(
        "g",
        { "clip-path": clip.attribute },
        element("path", {
          d: shafts.join(""),
          stroke: FIELD_ARROW_COLOR,
          "stroke-width": 1.5,
          fill: "none",
        }) + element("path", { d: heads.join(""), fill: FIELD_ARROW_COLOR }),
      ),
      drawTitle(frame, title, wrapSubtitles([subtitle], width).slice(0, narrow ? 2 : 1)),
    ],
  });
}
