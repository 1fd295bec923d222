import { contours } from "d3-contour";
import type { FnN } from "numdiff";
import type { Frame } from "./frame.js";
import { round } from "./round.js";

/**
 * Cells per axis of the grid on which level curves are traced (d3-contour, marching squares with
 * linear interpolation): 120 keeps circles smooth at 800×600 for about 14 400 calls of f.
 *
 * @default 120
 * @example
 * ```ts
 * CONTOUR_CELLS; // 120
 * ```
 */
export const CONTOUR_CELLS = 120;

/**
 * Default number of level curves. Levels are placed at fmin + (fmax − fmin)·(i/n)², i = 1 … n − 1,
 * which spaces the curves of a quadratic bowl evenly and puts more of them near a minimum.
 *
 * @default 12
 * @example
 * ```ts
 * LEVEL_COUNT; // 12
 * ```
 */
export const LEVEL_COUNT = 12;

/**
 * SVG path data of level curves of f over the frame's plot area, traced by d3-contour on a
 * {@link CONTOUR_CELLS}² grid of cell-centre values; `levels` is a count (quadratically spaced, see
 * {@link LEVEL_COUNT}) or the explicit values. Non-finite values of f count as +∞ (no curve there).
 *
 * @example
 * ```ts
 * levelCurves((x) => x[0] ** 2 + x[1] ** 2, frame, 12); // "M…Z M…Z …", one ring per curve piece
 * ```
 */
export function levelCurves(f: FnN, frame: Frame, levels: number | readonly number[]): string {
  const n = CONTOUR_CELLS;
  const [x0, x1] = frame.x.domain() as [number, number];
  const [y0, y1] = frame.y.domain() as [number, number];
  const values = new Array<number>(n * n);
  const point = new Float64Array(2);
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      point[0] = x0 + ((i + 0.5) * (x1 - x0)) / n;
      point[1] = y0 + ((j + 0.5) * (y1 - y0)) / n;
      const v = f(point);
      values[i + j * n] = Number.isFinite(v) ? v : Infinity;
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  if (!(hi > lo)) return "";
  const thresholds =
    typeof levels === "number"
      ? Array.from({ length: levels - 1 }, (_, i) => lo + (hi - lo) * ((i + 1) / levels) ** 2)
      : levels.filter((t) => t > lo && t < hi);
  // d3-contour puts value (i, j) at grid coordinate (i + 0.5, j + 0.5): coordinate g maps to x0 + g·(x1 − x0)/n.
  const px = (g: number): string => round(frame.x(x0 + (g * (x1 - x0)) / n));
  const py = (g: number): string => round(frame.y(y0 + (g * (y1 - y0)) / n));
  const rings: string[] = [];
  for (const c of contours().size([n, n]).thresholds(thresholds)(values)) {
    for (const polygon of c.coordinates) {
      for (const ring of polygon) {
        rings.push(ring.map(([gx, gy], k) => `${k === 0 ? "M" : "L"}${px(gx)},${py(gy)}`).join("") + "Z");
      }
    }
  }
  return rings.join("");
}
