import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_VIEW_WIDTH,
  MAX_VIEW_WIDTH,
  MIN_RELATIVE_WIDTH,
  SEED_VIEW,
  clampView,
  followPoint,
  initialView,
  panView,
  wheelZoomFactor,
  zoomView,
} from "../../web/src/view.js";

describe("explorer view range", () => {
  it("the first view is the seed figure's [0, 20] when the point lies in it", () => {
    expect(initialView(5)).toEqual([0, 20]);
    expect(initialView(0)).toEqual(SEED_VIEW);
    expect(initialView(20)).toEqual(SEED_VIEW);
  });

  it("a point outside [0, 20] gets a view of width 20 centred on it", () => {
    expect(initialView(-30)).toEqual([-40, -20]);
    expect(initialView(1e6)).toEqual([1e6 - DEFAULT_VIEW_WIDTH / 2, 1e6 + DEFAULT_VIEW_WIDTH / 2]);
  });

  it("zoom keeps the anchor where it is on screen", () => {
    expect(zoomView([0, 20], 5, 0.5)).toEqual([2.5, 12.5]);
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-2, max: 1e3, noNaN: true }), // above the narrowest view at |x| <= 1e6
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.25, max: 4, noNaN: true }),
        (lo, width, t, factor) => {
          const view = [lo, lo + width] as const;
          const anchor = lo + t * width;
          const z = zoomView(view, anchor, factor);
          const before = (anchor - view[0]) / (view[1] - view[0]);
          const after = (anchor - z[0]) / (z[1] - z[0]);
          // kept to rounding: 8 ulps of |lo| + width, relative to the new width
          const tol = (8 * 2 ** -52 * (Math.abs(lo) + width)) / (width * Math.min(factor, 1));
          expect(Math.abs(after - before)).toBeLessThanOrEqual(tol);
          expect(z[1] - z[0]).toBeCloseTo(width * factor, 6);
        },
      ),
    );
  });

  it("wheel zoom is 1.2 per notch of 100 px, and zooming out then in restores the width", () => {
    expect(wheelZoomFactor(100)).toBe(1.2);
    expect(wheelZoomFactor(0)).toBe(1);
    const z = zoomView(zoomView([0, 20], 7, wheelZoomFactor(300)), 7, wheelZoomFactor(-300));
    expect(z[0]).toBeCloseTo(0, 12);
    expect(z[1]).toBeCloseTo(20, 12);
  });

  it("pan shifts both ends by the same amount", () => {
    expect(panView([0, 20], -5)).toEqual([-5, 15]);
  });

  it("the width stays between MIN_RELATIVE_WIDTH·max(1,|centre|) and MAX_VIEW_WIDTH", () => {
    const narrow = clampView(1000, 1000);
    expect(narrow[1] - narrow[0]).toBeCloseTo(MIN_RELATIVE_WIDTH * 1000, 15);
    const wide = clampView(-1e15, 1e15);
    expect(wide[1] - wide[0]).toBe(MAX_VIEW_WIDTH);
    expect(clampView(NaN, 1)).toEqual(SEED_VIEW);
    // far out the relative minimum wins, so the ends stay distinct doubles
    const far = clampView(1e300 - 10, 1e300 + 10);
    // to the spacing of doubles near 1e300 (2^944 ≈ 1.5e284), relative to a width of 9.3e290: ~1.6e-7
    expect(Math.abs((far[1] - far[0]) / (MIN_RELATIVE_WIDTH * 1e300) - 1)).toBeLessThan(1e-6);
    expect(far[1]).toBeGreaterThan(far[0]);
  });

  it("the view follows the point only when it reaches the edges", () => {
    expect(followPoint([0, 20], 7)).toEqual([0, 20]);
    expect(followPoint([0, 20], 25)).toEqual([15, 35]);
    expect(followPoint([0, 20], 19.5)).toEqual([9.5, 29.5]);
    expect(followPoint([0, 20], -0.5)).toEqual([-10.5, 9.5]);
  });
});
