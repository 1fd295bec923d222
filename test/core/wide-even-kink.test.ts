/**
 * A jump of f′ at x beside a large term, which the first derivative's even rows leave undecided by
 * rounding (read one ladder wider: wide-even-kink.ts) or which sides too coarse to part confirm by
 * their gap (side-checks.ts, sidesShowJump): derivative() on the line, a gradient's component and a
 * Hessian's diagonal (the honesty scan's "gradient kink-at" and "hessian kink-at" cells), and smooth
 * f beside the same terms, whose calls and values are as before.
 */
import { describe, expect, it } from "vitest";
import { derivative, gradient, hessian, STATUSES } from "../../src/core/index.js";

// sin t + (J/2)·|t − c| beside a term of −5.89e9 (a Hessian repro's other coordinates folded in):
// f′ jumps by J = 0.0088 at c, and the rows read 0.0086 ± 0.0051, one bound short of their signal.
const C = -1.0532894953570875;
const HALF_JUMP = 0.004402406584815484;
const K = -5.89e9;
const kinked = (t: number): number => Math.sin(t) + HALF_JUMP * Math.abs(t - C) + K;
const LEFT = Math.cos(C) - HALF_JUMP;
const RIGHT = Math.cos(C) + HALF_JUMP;

describe("a kink of f beside a large term, read one ladder wider", () => {
  it("derivative() compares the sides and holds both (before: 0.494695 ± 4.8e-4, ok)", () => {
    const r = derivative(kinked, C);
    expect(r.status).toBe("not-differentiable");
    expect(Math.abs(r.value - LEFT)).toBeLessThanOrEqual(r.error);
    expect(Math.abs(r.value - RIGHT)).toBeLessThanOrEqual(r.error);
    // Each side within its error and 1e-5 (f's rounding, 1.3e-6, over their steps).
    expect(Math.abs((r.left?.value ?? NaN) - LEFT)).toBeLessThanOrEqual((r.left?.error ?? 0) + 1e-5);
    expect(Math.abs((r.right?.value ?? NaN) - RIGHT)).toBeLessThanOrEqual((r.right?.error ?? 0) + 1e-5);
  });

  it("f″ there has no value: its f′ says so (before: 43.4 ± 226, ok)", () => {
    const r = derivative(kinked, C, { order: 2 });
    expect(r.status).toBe("discontinuous");
    expect(r.value).toBeNaN();
  });

  it("a Hessian's diagonal beside a cubic of 2.8e10 (before: 2.76 ± 5.7, ok)", () => {
    const y0 = -0.07294820283308723;
    const y1 = -3032.014353427636;
    const f = (x: Float64Array): number =>
      0.25 * Math.atan(x[0]) * Math.atan(x[1]) +
      Math.tanh(x[0]) +
      0.00577462722518258 * Math.abs(x[0] - y0) +
      x[1] ** 3 -
      2 * x[1] -
      1512214.725405854 * Math.abs(x[1] - y1);
    const h = hessian(f, [y0, y1]);
    expect(STATUSES[h.statuses[0][0]]).toBe("discontinuous");
    expect(h.value[0][0]).toBeNaN();
    // The mixed entry is the coupling's, 0.25/((1 + y0²)(1 + y1²)), unchanged.
    const mixed = 0.25 / ((1 + y0 * y0) * (1 + y1 * y1));
    expect(STATUSES[h.statuses[0][1]]).toBe("ok");
    expect(Math.abs(h.value[0][1] - mixed)).toBeLessThanOrEqual(h.error[0][1]);
  });
});

describe("sides too coarse to part, whose gap is the rows' jump", () => {
  it("a gradient's component beside a cubic of 3.3e10 (before: 0.712463 ± 0.0017, ok)", () => {
    const x0 = 3207.2066172047835;
    const x1 = -4859.243863257204;
    const jump = -0.00997629414410851;
    const f = (x: Float64Array): number =>
      x[0] ** 3 - 2 * x[0] + Math.cos(x[1]) + jump * Math.max(0, x[1] - x1);
    const g = gradient(f, [x0, x1]);
    expect(STATUSES[g.statuses[1]]).toBe("not-differentiable");
    // The interval holds both one-sided values, −sin x₁ and −sin x₁ + J.
    expect(Math.abs(g.value[1] + Math.sin(x1))).toBeLessThanOrEqual(g.error[1]);
    expect(Math.abs(g.value[1] + Math.sin(x1) - jump)).toBeLessThanOrEqual(g.error[1]);
    expect(STATUSES[g.statuses[0]]).toBe("ok");
    expect(Math.abs(g.value[0] - (3 * x0 * x0 - 2))).toBeLessThanOrEqual(g.error[0]);
  });
});

describe("smooth f beside the same large terms are as before", () => {
  // Values, errors and calls measured on main before the change (a93d8ed): a smooth f's rows never
  // look like a kink's, and its sides are never held to a jump.
  const cases: [string, (t: number) => number, 1 | 2, number, number, number][] = [
    ["sin t − 5.89e9, f′", (t) => Math.sin(t) + K, 1, 0.4946950778518858, 0.00047680301372328144, 14],
    ["sin t − 5.89e9, f″", (t) => Math.sin(t) + K, 2, 0.8694269594751385, 0.003993794441402844, 15],
    ["exp t − 5.89e9, f′", (t) => Math.exp(t) + K, 1, 0.34881591796875, 0.0005022116056054982, 14],
    ["t³ − 2t + 3e12, f″", (t) => t * t * t - 2 * t + 3e12, 2, -6.3125, 0.48316906031701456, 29],
    ["atan t − 5.1e12, f′", (t) => Math.atan(t) - 5.1e12, 1, 0.4635416666666667, 0.23825941047595853, 14],
  ];
  for (const [name, f, order, value, error, calls] of cases) {
    it(name, () => {
      const r = derivative(f, C, { order });
      expect(r.status).toBe("ok");
      expect(r.value).toBe(value);
      expect(r.error).toBe(error);
      expect(r.evaluations).toBe(calls);
    });
  }
});
