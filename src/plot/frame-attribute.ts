import type { Frame } from "./frame.js";

/**
 * The frame as the `data-frame` attribute of a figure's root, which the explorer reads to map
 * pointer positions back to data: "left right top bottom xlo xhi ylo yhi" (pixels, then the
 * scales' domains).
 *
 * @example
 * ```ts
 * frameAttribute(makeFrame({ width: 800, height: 600, x: { domain: [0, 20] }, y: { domain: [0, 6] } }));
 * // "84 772 64 536 0 20 0 6"
 * ```
 */
export function frameAttribute(frame: Frame): string {
  const [xlo, xhi] = frame.x.domain();
  const [ylo, yhi] = frame.y.domain();
  return [frame.left, frame.right, frame.top, frame.bottom, xlo, xhi, ylo, yhi].map(String).join(" ");
}
