/**
 * Placing a text label beside a point so that it stays inside the plot area and clear of other
 * boxes (the legend): a few candidate positions are tried in order, the first that fits wins.
 */
import type { Frame } from "./frame.js";
import { textWidth } from "./text.js";

/**
 * A box in pixels.
 *
 * @example
 * ```ts
 * const b: Box = { x: 10, y: 10, width: 100, height: 20 };
 * overlaps(b, { x: 50, y: 15, width: 10, height: 10 }); // true
 * ```
 */
export interface Box {
  /** Left edge, in px. */
  x: number;
  /** Top edge, in px. */
  y: number;
  /** Width, in px. */
  width: number;
  /** Height, in px. */
  height: number;
}

/**
 * Whether two boxes overlap (touching edges do not).
 *
 * @example
 * ```ts
 * overlaps({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 5, height: 5 }); // false
 * ```
 */
export function overlaps(p: Box, q: Box): boolean {
  return p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
}

/**
 * Distance in px between a point and the near edge of its label.
 *
 * @default 14
 * @example
 * ```ts
 * LABEL_OFFSET; // 14
 * ```
 */
export const LABEL_OFFSET = 14;

/**
 * Where a label goes: the text's anchor point, its `text-anchor`, and its box.
 *
 * @example
 * ```ts
 * const p: Placement = placeLabel(frame, "(5, 0.75)", 13, 400, 300, []);
 * p.anchor; // "start"
 * ```
 */
export interface Placement {
  /** Left edge, in px. */
  x: number;
  /** Top edge, in px. */
  y: number;
  /** The SVG text-anchor of the label. */
  anchor: "start" | "end";
  /** The box the label takes up. */
  box: Box;
}

/**
 * A label for the point (px, py): below right, above right, below left or above left of it (above
 * right first when `preferAbove`), the first whose box lies inside the plot area and clear of
 * `avoid`; failing that, the first inside the plot area; failing that, pulled inside.
 *
 * @example
 * ```ts
 * const fr = makeFrame({ width: 800, height: 600, x: { domain: [0, 20] }, y: { domain: [0, 6] } });
 * placeLabel(fr, "(19, 5)", 13, fr.x(19), fr.y(5), []).anchor; // "end" (no room on the right)
 * ```
 */
export function placeLabel(
  frame: Frame,
  text: string,
  size: number,
  px: number,
  py: number,
  avoid: readonly Box[],
  preferAbove = false,
): Placement {
  const w = textWidth(text, size);
  const below = { y: py + LABEL_OFFSET + size * 0.6, top: py + LABEL_OFFSET - size * 0.4 };
  const above = { y: py - LABEL_OFFSET, top: py - LABEL_OFFSET - size };
  // further away when the near places are taken (a legend beside the point on a narrow figure)
  const farBelow = { y: below.y + 2.5 * LABEL_OFFSET, top: below.top + 2.5 * LABEL_OFFSET };
  const farAbove = { y: above.y - 2.5 * LABEL_OFFSET, top: above.top - 2.5 * LABEL_OFFSET };
  const rows = preferAbove ? [above, below, farAbove, farBelow] : [below, above, farBelow, farAbove];
  const candidates: Placement[] = [];
  for (const side of ["start", "end"] as const) {
    for (const r of rows) {
      const x = side === "start" ? px + LABEL_OFFSET : px - LABEL_OFFSET;
      const left = side === "start" ? x : x - w;
      candidates.push({ x, y: r.y, anchor: side, box: { x: left, y: r.top, width: w, height: size * 1.2 } });
    }
  }
  const inside = (b: Box): boolean =>
    b.x >= frame.left + 2 &&
    b.x + b.width <= frame.right - 2 &&
    b.y >= frame.top + 2 &&
    b.y + b.height <= frame.bottom - 2;
  const clear = candidates.find((c) => inside(c.box) && !avoid.some((a) => overlaps(a, c.box)));
  if (clear !== undefined) return clear;
  const fits = candidates.find((c) => inside(c.box));
  if (fits !== undefined) return fits;
  // Nothing fits beside the point (it is at an edge of a narrow figure): pull the first one inside.
  const c = candidates[0];
  const dx = Math.max(frame.left + 2 - c.box.x, Math.min(0, frame.right - 2 - (c.box.x + c.box.width)));
  const dy = Math.max(frame.top + 2 - c.box.y, Math.min(0, frame.bottom - 2 - (c.box.y + c.box.height)));
  return { ...c, x: c.x + dx, y: c.y + dy, box: { ...c.box, x: c.box.x + dx, y: c.box.y + dy } };
}
