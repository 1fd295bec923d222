/**
 * What the worker computes (web/src/compute.ts), run directly: the first view of a point, the hole
 * at a removable singularity, the learner's step, and refusals.
 */
import { describe, expect, it } from "vitest";
import { compute, type OneDReply, type TwoDReply } from "../../web/src/compute.js";

const size = { width: 800, height: 560 };

describe("compute", () => {
  it("a request without a range draws the point's first view: x² at 1 on [-9, 11], the seed on [0, 20]", () => {
    const r = compute({ kind: "1d", formula: "x^2", x: 1, view: null, h: 1e-4, size }) as OneDReply;
    expect(r.view).toEqual([-9, 11]);
    expect(r.start).toEqual([-9, 11]);
    const seed = compute({
      kind: "1d",
      formula: "0.01*x^2 + 0.1*x",
      x: 5,
      view: null,
      h: 1e-4,
      size,
    }) as OneDReply;
    expect(seed.view).toEqual([0, 20]);
    expect(seed.numbers.book).toBe(0.1999999999990898);
  });

  it("sin(x)/x at 0: the curve with its hole, the derivative 0 within its estimate", () => {
    const r = compute({ kind: "1d", formula: "sin(x)/x", x: 0, view: null, h: 1e-4, size }) as OneDReply;
    expect(r.markup).toContain("f(0) undefined, limit 1");
    expect(r.message).toBe("");
    expect(Math.abs(r.numbers.auto.value)).toBeLessThanOrEqual(r.numbers.auto.error);
  });

  it("the learner's step: exp at 1 with h = 0.1 is the book's central difference with that h", () => {
    const r = compute({ kind: "1d", formula: "exp(x)", x: 1, view: [0, 2], h: 0.1, size }) as OneDReply;
    expect(r.step.value).toBe((Math.exp(1.1) - Math.exp(0.9)) / 0.2);
    expect(r.step.error).toBeCloseTo(Math.abs(r.step.value - Math.E), 15);
    expect(r.markup).toContain("secant, h = 0.1");
  });

  it("the two-variable view gives the book's partials and both figures", () => {
    const r = compute({
      kind: "2d",
      formula: "x0^2 + x1^2",
      p: [3, 4],
      lr: 0.1,
      steps: 20,
      box: [
        [-3.5, 3.5],
        [-4.5, 4.5],
      ],
      size: { width: 800, height: 680 },
    }) as TwoDReply;
    expect(r.numbers.book).toEqual([6.00000000000378, 7.999999999999119]);
    expect(r.field).toContain("data-frame");
    expect(r.descent).toContain("Gradient descent from (3, 4)");
  });

  it("a hostile formula and a formula in the wrong view are refused", () => {
    expect(() => compute({ kind: "load", formula: "import(1)" })).toThrow(/invalid formula/);
    expect(() => compute({ kind: "1d", formula: "x0*x1", x: 1, view: null, h: 1e-4, size })).toThrow(
      /x0 and x1/,
    );
  });
});
