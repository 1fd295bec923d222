/**
 * The plotting frame: the figure's size, the inner plot area and the x/y scales (d3-scale), linear or
 * logarithmic, with nice round ends.
 */
import { scaleLinear, scaleLog } from "d3-scale";
import { FONT_SIZES, textWidth } from "./text.js";
import { ticksOf } from "./ticks.js";

/**
 * Room left of the y tick labels, in px: the rotated axis label (centred 22 px from the edge, 16 px
 * type) and 10 px of gap on each side of it. The left margin is at least this plus the widest label.
 *
 * @default 42
 * @example
 * ```ts
 * Y_LABEL_ROOM; // 42
 * ```
 */
export const Y_LABEL_ROOM = 42;

/**
 * A numeric scale from data to pixels (linear or log).
 *
 * @example
 * ```ts
 * const fr = makeFrame({ width: 800, height: 600, x: { domain: [0, 20] }, y: { domain: [0, 6] } });
 * const s: Scale = fr.x;
 * s(10); // 428
 * s.invert(428); // 10
 * ```
 */
export interface Scale {
  /** The pixel position of a data value. */
  (value: number): number;
  /** The data value at a pixel position. */
  invert(value: number): number;
  /** The data range, `[lo, hi]` after rounding to nice values. */
  domain(): number[];
  /** The pixel range. */
  range(): number[];
  /** About `count` round values in the domain (d3's `scale.ticks`). */
  ticks(count?: number): number[];
  /** A formatter for ticks made with the same count (d3's `scale.tickFormat`). */
  tickFormat(count?: number): (value: number) => string;
}

/**
 * Margins around the plot area, in px: room for the title, tick labels and axis labels.
 *
 * @example
 * ```ts
 * const margins: Margins = { top: 10, right: 10, bottom: 10, left: 10 };
 * const fr = makeFrame({ width: 400, height: 300, x: { domain: [0, 1] }, y: { domain: [0, 1] }, margins });
 * [fr.left, fr.right, fr.x(0.5)]; // [10, 390, 200]
 * ```
 */
export interface Margins {
  /** Above the plot area, px. */
  top: number;
  /** Right of it, px. */
  right: number;
  /** Below it, px. */
  bottom: number;
  /** Left of it, px. */
  left: number;
}

/**
 * Default margins: 64 px on top for a title and a subtitle line, 84 px left for tick labels such as
 * "10⁻¹⁶" and the rotated axis label, 64 px below for tick labels and the axis label.
 *
 * @example
 * ```ts
 * DEFAULT_MARGINS.left; // 84
 * ```
 */
export const DEFAULT_MARGINS: Readonly<Margins> = Object.freeze({ top: 64, right: 28, bottom: 64, left: 84 });

/**
 * One axis of a frame.
 *
 * @example
 * ```ts
 * const x: AxisSpec = { domain: [1e-16, 1], log: true };
 * makeFrame({ width: 800, height: 600, x, y: { domain: [0, 1] } }).x(1e-8); // 428 (the middle)
 * makeFrame({ width: 800, height: 600, x: { domain: [0, 19.3], nice: false }, y: { domain: [0, 1] } }).x.domain();
 * // [0, 19.3]
 * ```
 */
export interface AxisSpec {
  /** Data range shown, `[lo, hi]` with lo < hi (both > 0 on a log axis). */
  domain: readonly [number, number];
  /** Logarithmic axis (base 10). Default false. */
  log?: boolean;
  /** Extend the domain to nice round values (d3's `scale.nice()`). Default true. */
  nice?: boolean;
}

/**
 * A figure's geometry and scales.
 *
 * @example
 * ```ts
 * const fr: Frame = makeFrame({ width: 800, height: 600, x: { domain: [0, 20] }, y: { domain: [0, 6] } });
 * [fr.left, fr.right, fr.top, fr.bottom]; // [84, 772, 64, 536]
 * [fr.x(10), fr.y(3)]; // [428, 300]
 * ```
 */
export interface Frame {
  /** Width of the whole figure, px. */
  width: number;
  /** Height of the whole figure, px. */
  height: number;
  /** Pixel bounds of the plot area: its left edge. */
  left: number;
  /** Its right edge, px. */
  right: number;
  /** Its top edge, px. */
  top: number;
  /** Its bottom edge, px. */
  bottom: number;
  /** Data x to pixels. */
  x: Scale;
  /** Data y to pixels (upwards). */
  y: Scale;
  /** Whether the x axis is logarithmic. */
  xLog: boolean;
  /** Whether the y axis is logarithmic. */
  yLog: boolean;
}

function axisScale(spec: AxisSpec, range: [number, number]): Scale {
  const scale = spec.log
    ? scaleLog().domain([spec.domain[0], spec.domain[1]])
    : scaleLinear().domain([spec.domain[0], spec.domain[1]]);
  scale.range(range);
  if (spec.nice ?? true) scale.nice();
  return scale;
}

/**
 * Builds a frame of the given size: x runs left to right, y bottom to top.
 *
 * @example
 * ```ts
 * const fr = makeFrame({ width: 800, height: 600, x: { domain: [0, 19.9] }, y: { domain: [0, 5.9] } });
 * fr.x.domain(); // [0, 20] (nice)
 * fr.x(0); // 84 (the left margin)
 * ```
 */
export function makeFrame(options: {
  width: number;
  height: number;
  x: AxisSpec;
  y: AxisSpec;
  margins?: Margins;
}): Frame {
  const m = options.margins ?? DEFAULT_MARGINS;
  const right = options.width - m.right;
  const top = m.top;
  const bottom = options.height - m.bottom;
  const y = axisScale(options.y, [bottom, top]);
  // Room for the widest y tick label between the rotated axis label and the tick marks.
  const widest = Math.max(
    0,
    ...ticksOf(y, options.y.log ?? false).ticks.map((t) => textWidth(t.label, FONT_SIZES.tick)),
  );
  const left = Math.max(m.left, Math.ceil(Y_LABEL_ROOM + widest));
  return {
    width: options.width,
    height: options.height,
    left,
    right,
    top,
    bottom,
    x: axisScale(options.x, [left, right]),
    y,
    xLog: options.x.log ?? false,
    yLog: options.y.log ?? false,
  };
}

/**
 * The two ranges widened (never narrowed) so that one unit is as long on both axes in a plot area of
 * `areaWidth` × `areaHeight` px: circles stay circles, and arrows of −∇f stay at right angles to the
 * level curves.
 *
 * @example
 * ```ts
 * equalAspect([-2, 2], [-2, 2], 800, 400); // [[-4, 4], [-2, 2]]
 * ```
 */
export function equalAspect(
  x: readonly [number, number],
  y: readonly [number, number],
  areaWidth: number,
  areaHeight: number,
): [[number, number], [number, number]] {
  const ux = areaWidth / (x[1] - x[0]);
  const uy = areaHeight / (y[1] - y[0]);
  const widen = (r: readonly [number, number], span: number): [number, number] => {
    const c = (r[0] + r[1]) / 2;
    return [c - span / 2, c + span / 2];
  };
  return ux > uy ? [widen(x, areaWidth / uy), [y[0], y[1]]] : [[x[0], x[1]], widen(y, areaHeight / ux)];
}

/**
 * A frame with equal units on both axes ({@link equalAspect}), its ranges exactly as widened (no
 * nice ends, which would undo it).
 *
 * @example
 * ```ts
 * const fr = equalAspectFrame({ width: 800, height: 600, x: [-2, 2], y: [-2, 2] });
 * Math.abs(fr.x(1) - fr.x(0)) === Math.abs(fr.y(1) - fr.y(0)); // true (to rounding)
 * ```
 */
export function equalAspectFrame(options: {
  width: number;
  height: number;
  x: readonly [number, number];
  y: readonly [number, number];
  margins?: Margins;
}): Frame {
  const first = makeFrame({
    ...options,
    x: { domain: options.x, nice: false },
    y: { domain: options.y, nice: false },
  });
  const [x, y] = equalAspect(options.x, options.y, first.right - first.left, first.bottom - first.top);
  const second = makeFrame({ ...options, x: { domain: x, nice: false }, y: { domain: y, nice: false } });
  // the y tick labels of the widened range may need a wider left margin; one more pass settles it
  const [x2, y2] = equalAspect(x, y, second.right - second.left, second.bottom - second.top);
  return makeFrame({ ...options, x: { domain: x2, nice: false }, y: { domain: y2, nice: false } });
}
