import { describe, expect, it } from "vitest";
import { NumdiffError } from "../../src/core/index.js";
import {
  BOOK_FIELD_GRID,
  descentFigure,
  errorCurveData,
  errorCurveFigure,
  gradientFieldFigure,
  round,
  tangentFigure,
} from "../../src/plot/index.js";

const seed = (x: number): number => 0.01 * x ** 2 + 0.1 * x;
const bowl = (x: Float64Array): number => x[0] ** 2 + x[1] ** 2;

/** Every number written in the SVG (attributes and text), as written. */
function numbersIn(svg: string): string[] {
  return [...svg.matchAll(/="([^"]*)"/g)].flatMap((m) => m[1].match(/-?\d+(\.\d+)?(e[-+]?\d+)?/g) ?? []);
}

function argmin(values: number[]): number {
  return values.indexOf(Math.min(...values));
}

function expectThrowsCode(fn: () => unknown, code: string, text: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(NumdiffError);
    expect((e as NumdiffError).code).toBe(code);
    expect((e as Error).message).toContain(text);
    return;
  }
  expect.fail("expected a NumdiffError");
}

describe("round", () => {
  it("keeps 2 decimals, drops trailing zeros and never writes -0", () => {
    expect(round(12.3456)).toBe("12.35");
    expect(round(3)).toBe("3");
    expect(round(-0.001)).toBe("0");
    expect(round(-1.005e-3, 4)).toBe("-0.001");
  });
});

describe("all figures", () => {
  const figures = {
    tangent: () => tangentFigure({ f: seed, x0: 5, domain: [0, 20] }),
    errorCurve: () => errorCurveFigure({ f: seed, x0: 5, exact: 0.2 }),
    field: () => gradientFieldFigure({ f: bowl }),
    descent: () => descentFigure({ f: bowl, start: [-3, 4] }),
  };
  for (const [name, make] of Object.entries(figures)) {
    it(`${name}: attribute numbers have at most 2 decimals and the output is the same on every call`, () => {
      // data-frame holds the scales' domains for the explorer, in full; pixel coordinates are rounded
      const svg = make().replace(/ data-frame="[^"]*"/, "");
      const long = numbersIn(svg).filter((n) => /\.\d{3,}/.test(n) && !n.includes("e"));
      expect(long).toEqual([]);
      expect(make()).toBe(make());
    });
    it(`${name}: is a standalone 800×600 SVG with a title`, () => {
      const svg = make();
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"')).toBe(true);
      expect(svg).toMatch(/<title>[^<]+<\/title>/);
      expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    });
  }

  it("width and height set the size; a size below 200 px throws INVALID_OPTION", () => {
    expect(tangentFigure({ f: seed, x0: 5, domain: [0, 20], width: 400, height: 300 })).toContain(
      'width="400" height="300" viewBox="0 0 400 300"',
    );
    expectThrowsCode(
      () => tangentFigure({ f: seed, x0: 5, domain: [0, 20], width: 10 }),
      "INVALID_OPTION",
      "invalid width; expected a number from 200 to 10000, got 10",
    );
    expectThrowsCode(
      () => descentFigure({ f: bowl, start: [0, 1], height: NaN }),
      "INVALID_OPTION",
      "got NaN",
    );
  });
});

describe("tangentFigure", () => {
  it("writes the book's slope 0.1999999999990898 at x = 5 by default, or the slope given", () => {
    expect(tangentFigure({ f: seed, x0: 5, domain: [0, 20] })).toContain("slope 0.1999999999990898");
    const given = tangentFigure({ f: seed, x0: 5, domain: [0, 20], slope: 0.2 });
    expect(given).toContain("slope 0.2 (given)");
  });

  it("the tangent line passes through the marked point of contact (to 0.02 px)", () => {
    const svg = tangentFigure({ f: seed, x0: 5, domain: [0, 20] });
    const point = svg.match(/<circle cx="([\d.]+)" cy="([\d.]+)" r="5.5"/);
    const line = svg.match(/<path d="M([\d.]+),([\d.]+)L([\d.]+),([\d.]+)" stroke="#D55E00"/);
    expect(point).not.toBeNull();
    expect(line).not.toBeNull();
    const [px, py] = [Number(point![1]), Number(point![2])];
    const [x1, y1, x2, y2] = line!.slice(1, 5).map(Number);
    const yOnLine = y1 + ((y2 - y1) * (px - x1)) / (x2 - x1);
    expect(Math.abs(yOnLine - py)).toBeLessThan(0.02);
  });

  it("a function with a pole gives a curve with gaps, never NaN in the SVG", () => {
    const svg = tangentFigure({ f: (x) => (x === 0 ? NaN : 1 / x), x0: 1, domain: [-2, 3] });
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it("bad setup throws NumdiffError naming the argument", () => {
    expectThrowsCode(() => tangentFigure({ f: 3 as never, x0: 5, domain: [0, 20] }), "INVALID_FUNCTION", "f");
    expectThrowsCode(
      () => tangentFigure({ f: seed, x0: NaN, domain: [0, 20] }),
      "INVALID_POINT",
      "invalid x0",
    );
    expectThrowsCode(
      () => tangentFigure({ f: seed, x0: 5, domain: [20, 0] }),
      "INVALID_OPTION",
      "invalid domain; expected [lo, hi] with finite lo < hi, got [20, 0]",
    );
    expectThrowsCode(
      () => tangentFigure({ f: Math.log, x0: -1, domain: [0, 2] }),
      "INVALID_POINT",
      "f is finite",
    );
  });
});

describe("errorCurveData", () => {
  const sin = errorCurveData({ f: Math.sin, x0: 1, exact: Math.cos(1) });

  it("runs h over 10^-16 … 1 with 4 steps per decade (65 steps)", () => {
    expect(sin.h.length).toBe(65);
    expect(sin.h[0]).toBeCloseTo(1e-16, 30);
    expect(sin.h[64]).toBe(1);
  });

  it("forward difference error is smallest near h = 1e-8 (√ε), central near 1e-5 (∛ε)", () => {
    const hf = sin.h[argmin(sin.forward)];
    const hc = sin.h[argmin(sin.central)];
    expect(hf).toBeGreaterThanOrEqual(1e-9);
    expect(hf).toBeLessThanOrEqual(1e-7);
    expect(hc).toBeGreaterThanOrEqual(1e-6);
    expect(hc).toBeLessThanOrEqual(1e-4);
  });

  it("truncation error grows like h (forward) and h² (central) at large h", () => {
    // From h = 1e-2 to 1e-1: forward error × ≈10, central × ≈100 (sin at 1: f''/2 = -0.42, f'''/6 = -0.09).
    const i2 = sin.h.findIndex((h) => Math.abs(h - 1e-2) < 1e-12);
    const i1 = sin.h.findIndex((h) => Math.abs(h - 1e-1) < 1e-12);
    expect(sin.forward[i1] / sin.forward[i2]).toBeGreaterThan(9);
    expect(sin.forward[i1] / sin.forward[i2]).toBeLessThan(11);
    expect(sin.central[i1] / sin.central[i2]).toBeGreaterThan(95);
    expect(sin.central[i1] / sin.central[i2]).toBeLessThan(105);
  });

  it("the central error at the book's h = 1e-4 for the seed is |0.1999999999990898 − 0.2|", () => {
    const d = errorCurveData({ f: seed, x0: 5, exact: 0.2 });
    const i = d.h.findIndex((h) => h === 1e-4);
    expect(i).toBeGreaterThan(0);
    expect(d.central[i]).toBe(Math.abs(0.1999999999990898 - 0.2));
  });

  it("without exact, numdiff's default value is the reference and its estimated error is shown", () => {
    const d = errorCurveData({ f: Math.sin, x0: 1 });
    expect(d.referenceSource).toBe("default");
    expect(Math.abs(d.reference - Math.cos(1))).toBeLessThan(1e-13);
    expect(d.autoError).toBe(d.auto.error);
  });

  it("the floor is ε/4 · |reference|, or 1e-20 for a zero reference", () => {
    expect(errorCurveData({ f: seed, x0: 5, exact: 0.2 }).floor).toBe(0.2 * 2 ** -54);
    expect(errorCurveData({ f: Math.cos, x0: 0, exact: 0 }).floor).toBe(1e-20);
  });
});

describe("errorCurveFigure", () => {
  it("says when the reference is numdiff's default estimate, not an exact derivative", () => {
    expect(errorCurveFigure({ f: Math.sin, x0: 1 })).toContain("no exact derivative given");
    expect(errorCurveFigure({ f: Math.sin, x0: 1, exact: Math.cos(1) })).toContain(
      "against the exact derivative",
    );
  });

  it("exact zero errors are drawn at the floor and the figure says so (the log axis survives)", () => {
    // the central difference of a quadratic has no truncation error: exact zeros happen.
    const d = errorCurveData({ f: (x) => x * x, x0: 0.5, exact: 1 });
    expect(d.central.some((e) => e === 0)).toBe(true);
    const svg = errorCurveFigure({ f: (x) => x * x, x0: 0.5, exact: 1 });
    expect(svg).toContain("errors of exactly 0 are drawn at the floor 5.6e-17");
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it("marks the book's step h = 1e-4", () => {
    expect(errorCurveFigure({ f: seed, x0: 5, exact: 0.2 })).toContain("h = 1e-4 (the book)");
  });

  it("f that is NaN for large steps (log near 0) leaves gaps, not NaN, in the SVG", () => {
    const svg = errorCurveFigure({ f: Math.log, x0: 0.5, exact: 2 });
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
});

describe("gradientFieldFigure", () => {
  /** Arrows as [tailX, tailY, baseX, baseY] from the shaft path. */
  function shafts(svg: string): number[][] {
    const d = svg.match(/<path d="(M[^"]*)" stroke="#666666"/)![1];
    return [...d.matchAll(/M([-\d.]+),([-\d.]+)L([-\d.]+),([-\d.]+)/g)].map((m) => m.slice(1, 5).map(Number));
  }

  it("every arrow of −∇(x0² + x1²) points at the origin (angle error < 1°)", () => {
    const svg = gradientFieldFigure({ f: bowl, domain: [-2, 2], grid: BOOK_FIELD_GRID });
    const arrows = shafts(svg);
    // the origin's pixel position: centre of the plot area (margins 84/28 and 64/64 of 800×600).
    const ox = (84 + 772) / 2;
    const oy = (64 + 536) / 2;
    expect(arrows.length).toBe(17 * 17 - 1); // the book's 2.25 row and column are outside; no arrow at the origin
    for (const [tx, ty, bx, by] of arrows) {
      const toOrigin = Math.atan2(oy - ty, ox - tx);
      const along = Math.atan2(by - ty, bx - tx);
      const diff = Math.abs(Math.atan2(Math.sin(along - toOrigin), Math.cos(along - toOrigin)));
      // with unequal x and y pixel scales the arrow direction is −∇f mapped to pixels: check that instead.
      const sx = (772 - 84) / 4;
      const sy = (536 - 64) / 4;
      const x0 = (tx - ox) / sx;
      const x1 = (oy - ty) / sy;
      const expected = Math.atan2(2 * x1 * sy, -2 * x0 * sx);
      const err = Math.abs(Math.atan2(Math.sin(along - expected), Math.cos(along - expected)));
      expect(err).toBeLessThan(Math.PI / 180);
      expect(diff).toBeLessThan(Math.PI / 2); // and so it heads towards the origin
    }
  });

  it("arrow lengths grow with distance from the origin (|∇f| = 2r)", () => {
    const arrows = shafts(gradientFieldFigure({ f: bowl, domain: [-2, 2], grid: 5 }));
    const lengths = arrows.map(([a, b, c, d]) => Math.hypot(c - a, d - b));
    expect(Math.max(...lengths)).toBeGreaterThan(2 * Math.min(...lengths));
  });

  it("leaves the caller's grid unchanged", () => {
    const grid = [-1, 0, 1];
    gradientFieldFigure({ f: bowl, grid });
    expect(grid).toEqual([-1, 0, 1]);
  });

  it("bad grid or domain throws INVALID_OPTION", () => {
    expectThrowsCode(() => gradientFieldFigure({ f: bowl, grid: 1 }), "INVALID_OPTION", "invalid grid");
    expectThrowsCode(
      () => gradientFieldFigure({ f: bowl, grid: [0, NaN] }),
      "INVALID_OPTION",
      "invalid grid",
    );
    expectThrowsCode(
      () =>
        gradientFieldFigure({
          f: bowl,
          domain: [
            [0, 1],
            [1, 1],
          ],
        }),
      "INVALID_OPTION",
      "invalid domain[1]",
    );
  });
});

describe("descentFigure", () => {
  it("leaves the caller's start unchanged", () => {
    const start = new Float64Array([-3, 4]);
    descentFigure({ f: bowl, start });
    expect(Array.from(start)).toEqual([-3, 4]);
  });

  it("draws a marker per step, the start and the end, and writes where it ended", () => {
    const svg = descentFigure({ f: bowl, start: [-3, 4], lr: 0.1, steps: 20 });
    expect(svg.match(/<circle [^>]*fill="#D55E00"/g)!.length).toBe(21 + 1); // 21 positions + the legend's sample
    expect(svg).toContain("after 20 steps: (-0.03459, 0.04612)");
  });

  it("a diverging descent (lr 10) is drawn in a box around the path, without NaN", () => {
    const svg = descentFigure({ f: bowl, start: [-3, 4], lr: 10, steps: 100 });
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it("bad start, lr or steps throws NumdiffError", () => {
    expectThrowsCode(() => descentFigure({ f: bowl, start: [1] }), "INVALID_POINT", "invalid start");
    expectThrowsCode(
      () => descentFigure({ f: bowl, start: [1, 2], lr: NaN }),
      "INVALID_OPTION",
      "invalid lr",
    );
    expectThrowsCode(
      () => descentFigure({ f: bowl, start: [1, 2], steps: 0 }),
      "INVALID_OPTION",
      "invalid steps",
    );
  });
});
