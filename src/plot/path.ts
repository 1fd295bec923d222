import { line } from "d3-shape";
import { COORDINATE_DECIMALS } from "./constants.js";

/**
 * The SVG path data (d3-shape's `line()`) through pixel points, coordinates rounded to
 * {@link COORDINATE_DECIMALS} decimals; a non-finite point breaks the line into pieces instead of
 * spoiling it.
 *
 * @example
 * ```ts
 * linePath([[0, 0], [10.004, 5], [NaN, 1], [20, 5]]); // "M0,0L10,5M20,5" (a gap at the NaN)
 * ```
 */
export function linePath(points: readonly (readonly [number, number])[]): string {
  const generator = line<readonly [number, number]>()
    .defined((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]))
    .x((p) => p[0])
    .y((p) => p[1])
    .digits(COORDINATE_DECIMALS);
  return generator(points) ?? "";
}
