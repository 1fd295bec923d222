/**
 * What the tangent figure draws, before any drawing: where the curve is sampled (finely toward a
 * domain edge or a pole), the y range worth showing, and the default x range around a point.
 */
import { numericalDiff } from "numdiff/book";
import type { Fn1 } from "numdiff";

/**
 * Halvings toward a domain edge or a pole: between the last sample where f is not finite and the
 * first where it is, the curve gets points at distances d/2, d/4, … d/2^40 from the edge (d the
 * grid spacing), so log(x) is drawn down to x ≈ 1e-13 on a grid of 0.1 and a point at 1e-9 lies on it.
 *
 * @default 40
 * @example
 * ```ts
 * EDGE_REFINEMENTS; // 40
 * ```
 */
export const EDGE_REFINEMENTS = 40;

/**
 * A y range wider than this many times the spread of the middle 80% of the curve's samples is taken
 * as a pole (1/x near 0) and cut to the 2nd–98th percentiles, so the rest of the curve keeps its shape.
 *
 * @default 20
 * @example
 * ```ts
 * POLE_SPREAD; // 20
 * ```
 */
export const POLE_SPREAD = 20;

/**
 * Half-widths tried for the default x range around a point, largest first; the first that puts the
 * point in the middle {@link FRAME_INTERIOR} of the plot both ways is taken (else the one that comes
 * closest). 10 is the seed figure's half-width.
 *
 * @example
 * ```ts
 * FRAME_HALF_WIDTHS; // [10, 5, 2, 1, 0.5, 0.2, 0.1]
 * ```
 */
export const FRAME_HALF_WIDTHS: readonly number[] = Object.freeze([10, 5, 2, 1, 0.5, 0.2, 0.1]);

/**
 * The point must lie at least this fraction of the plot's width and height away from its edges for
 * a range to be taken: 0.1, so it is never in a corner.
 *
 * @default 0.1
 * @example
 * ```ts
 * FRAME_INTERIOR; // 0.1
 * ```
 */
export const FRAME_INTERIOR = 0.1;

/**
 * Padding of the y range when judging where the point sits, as a fraction of the range: a point at
 * the top of the curve (sin(x)/x at 0) is then 0.1 from the edge, like the room nice() leaves.
 *
 * @default 0.125
 * @example
 * ```ts
 * FRAME_PADDING; // 0.125
 * ```
 */
export const FRAME_PADDING = 0.125;

/**
 * A range is not taken when the y range it shows is more than this many times the rise of the
 * tangent across it: the curve there is dominated by growth far from the point (e^x at 1 on
 * [-9, 11] rises 60,000 against the tangent's 54), and the point's neighbourhood looks flat.
 *
 * @default 10
 * @example
 * ```ts
 * GROWTH_LIMIT; // 10
 * ```
 */
export const GROWTH_LIMIT = 10;

/**
 * The samples of the curve.
 *
 * @example
 * ```ts
 * const s: CurveSamples = curveSamples(Math.log, [0, 1], 10, 1e-9);
 * s.xs.includes(1e-9); // true (the point itself)
 * ```
 */
export interface CurveSamples {
  /** Sample points, ascending: the grid, the point, and the refinements toward edges. */
  xs: number[];
  /** f at each sample (NaN where f is not finite). */
  ys: number[];
  /** The values on the plain grid a + i·(b − a)/samples only (what sets the y range). */
  gridYs: number[];
}

/**
 * f at a + i·(b − a)/samples, i = 0 … samples − 1 (like `np.arange`), plus x0, plus points halving
 * toward every edge between a non-finite and a finite sample ({@link EDGE_REFINEMENTS}).
 *
 * @example
 * ```ts
 * curveSamples(Math.sqrt, [-1, 1], 4, 0.5).xs; // [-1, -0.5, 0, …, 0.5] (sqrt is finite from 0)
 * ```
 */
export function curveSamples(
  f: Fn1,
  domain: readonly [number, number],
  samples: number,
  x0: number,
): CurveSamples {
  const [a, b] = domain;
  const grid = Array.from({ length: samples }, (_, i) => a + (i * (b - a)) / samples);
  const gridYs = grid.map((x) => f(x));
  const extra: number[] = [];
  if (x0 >= a && x0 <= b && !grid.includes(x0)) extra.push(x0);
  for (let i = 1; i < grid.length; i++) {
    const [l, r] = [Number.isFinite(gridYs[i - 1]), Number.isFinite(gridYs[i])];
    if (l === r) continue;
    // halve toward the edge from the finite side
    const inside = l ? grid[i - 1] : grid[i];
    const outside = l ? grid[i] : grid[i - 1];
    let d = inside - outside;
    for (let k = 0; k < EDGE_REFINEMENTS; k++) {
      d /= 2;
      const x = outside + d;
      if (x === outside) break;
      extra.push(x);
    }
  }
  const xs = [...grid, ...extra].sort((p, q) => p - q).filter((x, i, all) => i === 0 || x !== all[i - 1]);
  const known = new Map(grid.map((x, i) => [x, gridYs[i]]));
  return { xs, ys: xs.map((x) => known.get(x) ?? f(x)), gridYs };
}

const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];

/**
 * The y range worth showing: the grid values (cut to percentiles at a pole, see {@link POLE_SPREAD}),
 * the point, and whatever else must show (the tangent's ends) when it is not far outside.
 *
 * @example
 * ```ts
 * yExtent([0, 1, 4, 9], [1], [-1, 7]); // [-1, 9]
 * yExtent([1, 2, 3, 1e12], [2], []); // about [1, 3] (1e12 is a pole)
 * ```
 */
export function yExtent(
  gridYs: readonly number[],
  must: readonly number[],
  optional: readonly number[],
): [number, number] {
  const finite = gridYs.filter(Number.isFinite).sort((p, q) => p - q);
  let lo = Infinity;
  let hi = -Infinity;
  if (finite.length > 0) {
    lo = finite[0];
    hi = finite[finite.length - 1];
    const spread = quantile(finite, 0.9) - quantile(finite, 0.1);
    if (spread > 0 && hi - lo > POLE_SPREAD * spread) {
      lo = quantile(finite, 0.02);
      hi = quantile(finite, 0.98);
    }
  }
  for (const y of must) if (Number.isFinite(y)) [lo, hi] = [Math.min(lo, y), Math.max(hi, y)];
  const span = Number.isFinite(hi - lo) ? hi - lo : 0;
  for (const y of optional) {
    if (Number.isFinite(y) && y >= lo - span && y <= hi + span) [lo, hi] = [Math.min(lo, y), Math.max(hi, y)];
  }
  if (!(lo < hi)) {
    const c = Number.isFinite(lo) ? lo : 0;
    const pad = Math.max(1, Math.abs(c)) * 0.5;
    return [c - pad, c + pad];
  }
  return [lo, hi];
}

/**
 * How far the point (x0, y0) sits from the nearest edge of a range, as a fraction (0.5: the centre).
 */
function interior(x0: number, y0: number, domain: readonly [number, number], ys: [number, number]): number {
  const fx = (x0 - domain[0]) / (domain[1] - domain[0]);
  // the y range as drawn: padded (as nice() does), so a point at the curve's top is not "in a corner"
  const pad = (ys[1] - ys[0]) * FRAME_PADDING;
  const fy = (y0 - ys[0] + pad) / (ys[1] - ys[0] + 2 * pad);
  return Math.min(fx, 1 - fx, Number.isFinite(fy) ? Math.min(fy, 1 - fy) : 0.5);
}

/**
 * The default x range of the tangent figure at x0: the seed's [0, 20) when it holds the point well
 * inside, else x0 ± w for the first w of {@link FRAME_HALF_WIDTHS} (scaled by max(1, |x0|/10) far
 * from 0) that keeps the point off the edges, so that x² at 1 is not in a corner and ReLU's kink or
 * 1/x's pole shows.
 *
 * @example
 * ```ts
 * tangentDomain((x) => 0.01 * x ** 2 + 0.1 * x, 5); // [0, 20] (the seed's figure)
 * tangentDomain((x) => x * x, 1); // [-9, 11]
 * tangentDomain((x) => Math.max(0, x), 0); // [-10, 10] (the kink in the middle)
 * tangentDomain(Math.log, 1e-9); // [-1, 1] (the domain edge beside the point)
 * ```
 */
export function tangentDomain(
  f: Fn1,
  x0: number,
  y0 = f(x0),
  slope = numericalDiff(f, x0),
): [number, number] {
  const scale = Math.max(1, Math.abs(x0) / 10);
  const candidates: [number, number][] = [];
  if (x0 >= 0 && x0 < 20) candidates.push([0, 20]);
  for (const w of FRAME_HALF_WIDTHS) candidates.push([x0 - w * scale, x0 + w * scale]);
  let best = candidates[0];
  let bestScore = -Infinity;
  for (const c of candidates) {
    const s = curveSamples(f, c, 100, x0);
    const ends = [c[0], c[1]].map((t) => y0 + slope * (t - x0));
    const ys = yExtent(s.gridYs, [y0], ends);
    // a curve that climbs far away from its tangent (e^x on [-9, 11]) squashes the point's
    // neighbourhood flat: such a range is not taken
    const tangentSpan = Math.abs(slope) * (c[1] - c[0]);
    const squashed = tangentSpan > 0 && ys[1] - ys[0] > GROWTH_LIMIT * tangentSpan;
    const score = squashed ? 0 : interior(x0, y0, c, ys);
    if (score >= FRAME_INTERIOR) return c;
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best;
}
