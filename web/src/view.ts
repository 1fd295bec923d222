/**
 * The visible x-range of the one-variable plot: where it starts, how it zooms about a point, pans,
 * and follows the point when the point leaves it.
 */

import { tangentDomain } from "../../src/plot/index.js";

/**
 * A visible interval [lo, hi] with lo < hi.
 *
 * @example
 * ```ts
 * const v: ViewRange = [0, 20];
 * zoomView(v, 5, 2); // [-5, 35]
 * panView(v, 5); // [5, 25]
 * ```
 */
export type ViewRange = readonly [number, number];

/**
 * The seed figure's range, `x = np.arange(0.0, 20.0, 0.1)` (Deep Learning from Scratch ch. 4): the
 * first view whenever the point lies inside it.
 *
 * @example
 * ```ts
 * SEED_VIEW; // [0, 20]
 * ```
 */
export const SEED_VIEW: ViewRange = Object.freeze([0, 20]) as ViewRange;

/**
 * Width of the first view around a point outside {@link SEED_VIEW}: the seed figure's width.
 *
 * @default 20
 * @example
 * ```ts
 * initialView(100); // [90, 110]
 * ```
 */
export const DEFAULT_VIEW_WIDTH = 20;

/**
 * Narrowest view, relative to max(1, |centre|): 2^-30 ≈ 9.3e-10. Below it the curve's pixels are
 * mostly rounding noise of f and of the coordinates, which is the error chart's subject, not this one's.
 *
 * @example
 * ```ts
 * MIN_RELATIVE_WIDTH; // 9.313225746154785e-10
 * ```
 */
export const MIN_RELATIVE_WIDTH = 2 ** -30;

/**
 * Widest view: 1e12. Wider views only show the far tails of f as a vertical line.
 *
 * @example
 * ```ts
 * MAX_VIEW_WIDTH; // 1e12
 * ```
 */
export const MAX_VIEW_WIDTH = 1e12;

/**
 * Zoom per wheel notch: one notch (deltaY = 100 px) scales the width by 1.2, a step a person can
 * follow; the factor for any delta is 1.2^(deltaY/100), so trackpads zoom smoothly.
 *
 * @example
 * ```ts
 * wheelZoomFactor(100); // 1.2
 * wheelZoomFactor(-100); // 0.8333333333333334
 * ```
 */
export const WHEEL_ZOOM_PER_NOTCH = 1.2;

/**
 * When the point is moved (typed or by slider) to within this fraction of the view's width from an
 * edge, or outside it, the view recentres on it.
 *
 * @default 0.05
 * @example
 * ```ts
 * followPoint([0, 20], 19.5); // [9.5, 29.5]
 * ```
 */
export const FOLLOW_MARGIN = 0.05;

/**
 * The first view for a point: with the function, src/plot's framing around the point (the seed's
 * [0, 20] for the seed at 5; x² at 1 or ReLU's kink centred); without it, the seed figure's [0, 20]
 * when the point lies in it, otherwise {@link DEFAULT_VIEW_WIDTH} centred on the point.
 *
 * @example
 * ```ts
 * initialView(5); // [0, 20]
 * initialView(-30); // [-40, -20]
 * initialView(1, (x) => x * x); // [-9, 11]
 * ```
 */
export function initialView(x: number, f?: (x: number) => number): ViewRange {
  if (f !== undefined) {
    try {
      const [lo, hi] = tangentDomain(f, x);
      return clampView(lo, hi);
    } catch {
      // f fails at x: fall back to the plain ranges below
    }
  }
  if (x >= SEED_VIEW[0] && x <= SEED_VIEW[1]) return SEED_VIEW;
  return clampView(x - DEFAULT_VIEW_WIDTH / 2, x + DEFAULT_VIEW_WIDTH / 2);
}

/**
 * A view with its width held between the narrowest and widest allowed, about the same centre (the
 * narrowest wins where the two cross, beyond |centre| ≈ 1e21).
 *
 * @example
 * ```ts
 * clampView(0, 1e20); // [5e19 - 5e11, 5e19 + 5e11] (at most MAX_VIEW_WIDTH wide)
 * clampView(3, 3); // [3 - 2^-31·3, 3 + 2^-31·3] (at least MIN_RELATIVE_WIDTH·3 wide)
 * ```
 */
export function clampView(lo: number, hi: number): ViewRange {
  const centre = lo / 2 + hi / 2;
  const min = MIN_RELATIVE_WIDTH * Math.max(1, Math.abs(centre));
  // The relative minimum wins over the absolute maximum: at |x| = 1e300 a view 1e12 wide would be
  // narrower than the spacing of doubles there.
  const width = Math.max(min, Math.min(MAX_VIEW_WIDTH, hi - lo));
  if (!(width > 0) || !Number.isFinite(centre)) return SEED_VIEW;
  return [centre - width / 2, centre + width / 2];
}

/**
 * The wheel's zoom factor for a wheel delta in pixels (positive = zoom out).
 *
 * @example
 * ```ts
 * wheelZoomFactor(200); // 1.44
 * ```
 */
export function wheelZoomFactor(deltaY: number): number {
  return WHEEL_ZOOM_PER_NOTCH ** (deltaY / 100);
}

/**
 * Zooms by `factor` (> 1 widens) keeping `anchor` at the same place on screen.
 *
 * @example
 * ```ts
 * zoomView([0, 20], 5, 0.5); // [2.5, 12.5]
 * ```
 */
export function zoomView(view: ViewRange, anchor: number, factor: number): ViewRange {
  return clampView(anchor - (anchor - view[0]) * factor, anchor + (view[1] - anchor) * factor);
}

/**
 * Shifts the view by `delta` in x.
 *
 * @example
 * ```ts
 * panView([0, 20], -5); // [-5, 15]
 * ```
 */
export function panView(view: ViewRange, delta: number): ViewRange {
  return clampView(view[0] + delta, view[1] + delta);
}

/**
 * The view after the point moved to x: unchanged while x stays inside (away from the edges by
 * {@link FOLLOW_MARGIN} of the width), otherwise the same width recentred on x.
 *
 * @example
 * ```ts
 * followPoint([0, 20], 7); // [0, 20]
 * followPoint([0, 20], 25); // [15, 35]
 * ```
 */
export function followPoint(view: ViewRange, x: number): ViewRange {
  const width = view[1] - view[0];
  const margin = FOLLOW_MARGIN * width;
  if (x >= view[0] + margin && x <= view[1] - margin) return view;
  return clampView(x - width / 2, x + width / 2);
}
