import { round } from "./round.js";
import { element } from "./svg.js";

/**
 * Marker shapes; each figure gives each series its own shape so they differ without colour.
 *
 * @example
 * ```ts
 * const shape: MarkerShape = "square";
 * marker(shape, 10, 20, 8, "#0072B2");
 * // '<rect x="6" y="16" width="8" height="8" fill="#0072B2" stroke="#ffffff" stroke-width="1"/>'
 * ```
 */
export type MarkerShape = "circle" | "square" | "triangle" | "diamond";

/**
 * A point marker centred on (x, y) px, `size` px across, filled with `color` and outlined in white
 * so that overlapping markers stay visible.
 *
 * @example
 * ```ts
 * marker("circle", 10, 20, 8, "#0072B2");
 * // '<circle cx="10" cy="20" r="4" fill="#0072B2" stroke="#ffffff" stroke-width="1"/>'
 * ```
 */
export function marker(shape: MarkerShape, x: number, y: number, size: number, color: string): string {
  const h = size / 2;
  const style = { fill: color, stroke: "#ffffff", "stroke-width": 1 };
  switch (shape) {
    case "circle":
      return element("circle", { cx: x, cy: y, r: h, ...style });
    case "square":
      return element("rect", { x: x - h, y: y - h, width: size, height: size, ...style });
    case "triangle":
      return element("path", {
        d: polygon([x, y - h * 1.15, x + h * 1.15, y + h * 0.85, x - h * 1.15, y + h * 0.85]),
        ...style,
      });
    case "diamond":
      return element("path", {
        d: polygon([x, y - h * 1.3, x + h * 1.3, y, x, y + h * 1.3, x - h * 1.3, y]),
        ...style,
      });
  }
}

function polygon(xy: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < xy.length; i += 2)
    parts.push(`${i === 0 ? "M" : "L"}${round(xy[i])},${round(xy[i + 1])}`);
  return parts.join("") + "Z";
}
