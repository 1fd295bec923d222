/**
 * Checks of figure options. Comparisons are negated so that NaN fails them too.
 */
import { invalid } from "numdiff";
import { DEFAULT_HEIGHT, DEFAULT_WIDTH } from "./constants.js";

/**
 * Smallest width or height accepted, in px: below it the margins leave no plot area.
 *
 * @default 200
 * @example
 * ```ts
 * MIN_FIGURE_SIZE; // 200
 * ```
 */
export const MIN_FIGURE_SIZE = 200;

/**
 * Largest width or height accepted, in px: a 10000×10000 PNG is already 400 MB of RGBA pixels.
 *
 * @default 10000
 * @example
 * ```ts
 * MAX_FIGURE_SIZE; // 10000
 * ```
 */
export const MAX_FIGURE_SIZE = 10000;

/**
 * The common options of every figure.
 *
 * @example
 * ```ts
 * figureSize({ width: 640 }); // { width: 640, height: 600 }
 * tangentFigure({ f: Math.sin, x0: 1, domain: [0, 3], width: 640, height: 480 }).startsWith(
 *   '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"',
 * ); // true
 * ```
 */
export interface FigureOptions {
  /** Width in px, default {@link DEFAULT_WIDTH} (800). */
  width?: number;
  /** Height in px, default {@link DEFAULT_HEIGHT} (600). */
  height?: number;
  /** Title written at the top; each figure has its own default. */
  title?: string;
}

/**
 * Validated width and height, defaults filled in.
 *
 * @example
 * ```ts
 * figureSize({}); // { width: 800, height: 600 }
 * figureSize({ width: 10 }); // throws NumdiffError [INVALID_OPTION]: invalid width; expected a number from 200 to 10000, got 10
 * ```
 */
export function figureSize(options: FigureOptions): { width: number; height: number } {
  const width = options.width ?? DEFAULT_WIDTH;
  const height = options.height ?? DEFAULT_HEIGHT;
  for (const [name, v] of [
    ["width", width],
    ["height", height],
  ] as const) {
    if (!(typeof v === "number" && v >= MIN_FIGURE_SIZE && v <= MAX_FIGURE_SIZE)) {
      throw invalid("INVALID_OPTION", name, `a number from ${MIN_FIGURE_SIZE} to ${MAX_FIGURE_SIZE}`, v);
    }
  }
  return { width, height };
}

/**
 * A validated range `[lo, hi]` of finite numbers with lo < hi, copied.
 *
 * @example
 * ```ts
 * checkRange([0, 20], "domain"); // [0, 20]
 * checkRange([2, 1], "domain"); // throws NumdiffError [INVALID_OPTION]: invalid domain; expected [lo, hi] with finite lo < hi, got [2, 1]
 * ```
 */
export function checkRange(value: unknown, name: string): [number, number] {
  if (!(
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === "number" &&
    typeof value[1] === "number" &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1]) &&
    value[0] < value[1]
  )) {
    throw invalid("INVALID_OPTION", name, "[lo, hi] with finite lo < hi", value);
  }
  return [value[0], value[1]];
}

/**
 * A validated finite number.
 *
 * @example
 * ```ts
 * checkFinite(5, "x0", "INVALID_POINT"); // 5
 * checkFinite(NaN, "x0", "INVALID_POINT"); // throws NumdiffError: invalid x0; expected a finite number, got NaN
 * ```
 */
export function checkFinite(value: unknown, name: string, code: "INVALID_POINT" | "INVALID_OPTION"): number {
  if (!(typeof value === "number" && Number.isFinite(value))) {
    throw invalid(code, name, "a finite number", value);
  }
  return value;
}

/**
 * A validated integer in [lo, hi].
 *
 * @example
 * ```ts
 * checkInteger(20, "steps", 0, 10000); // 20
 * ```
 */
export function checkInteger(value: unknown, name: string, lo: number, hi: number): number {
  if (!(typeof value === "number" && Number.isInteger(value) && value >= lo && value <= hi)) {
    throw invalid("INVALID_OPTION", name, `an integer from ${lo} to ${hi}`, value);
  }
  return value;
}
