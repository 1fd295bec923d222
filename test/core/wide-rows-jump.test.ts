/**
 * A jump of f″ at x beside a large term, which the order-2 column's own rows leave undecided by
 * rounding, read one row wider (wide-rows-jump.ts): the Hessian's diagonal (the honesty scan's
 * "hessian c1" cell) and derivative(order 2) on the same line, and smooth f beside the same term
 * paying nothing for it.
 */
import { describe, expect, it } from "vitest";
import { derivative, hessian, STATUSES } from "../../src/core/index.js";

// exp t + 0.0043·huber at its join, x = −δ: f″ jumps by −0.0043 at x (the scan's repro, its other
// coordinates' terms folded into one constant of 2.6e8).
const DELTA = 2.134468038503548;
const A = 0.004265647937161646;
const huber = (v: number): number =>
  Math.abs(v) <= DELTA ? 0.5 * v * v : DELTA * (Math.abs(v) - 0.5 * DELTA);
const OFFSET = 2.6e8;
const X = -DELTA;
/** f″ on either side of x: exp x + A on the left (inside the Huber's quadratic part), exp x on the right. */
const LEFT = Math.exp(X) + A;
const RIGHT = Math.exp(X);

describe("a jump of f″ at x that the rows' rounding hides, read one row wider", () => {
  it("derivative(order 2) compares the sides and its interval holds both (before: 0.120439 ± 1.6e-4, ok)", () => {
    const r = derivative((t) => Math.exp(t) + A * huber(t + 2 * DELTA) + OFFSET, X, { order: 2 });
    expect(r.status).toBe("not-differentiable");
    // The interval holds both one-sided values (0.122573 and 0.118308).
    expect(Math.abs(r.value - LEFT)).toBeLessThanOrEqual(r.error);
    expect(Math.abs(r.value - RIGHT)).toBeLessThanOrEqual(r.error);
    // The sides themselves: each within its error and 1e-5 (f's rounding at 2.6e8 over their steps).
    expect(Math.abs((r.left?.value ?? NaN) - LEFT)).toBeLessThanOrEqual((r.left?.error ?? 0) + 1e-5);
    expect(Math.abs((r.right?.value ?? NaN) - RIGHT)).toBeLessThanOrEqual((r.right?.error ?? 0) + 1e-5);
  });

  it("the Hessian's diagonal says so, with a coupling term on the line", () => {
    const f = (v: Float64Array): number =>
      0.25 * Math.atan(v[0]) * Math.atan(v[1]) +
      Math.exp(v[0]) +
      A * huber(v[0] + 2 * DELTA) +
      Math.cos(v[1]) +
      OFFSET;
    const h = hessian(f, [X, 0.5]);
    // The coupling's ∂²/∂x₀² at x: 0.25·atan(0.5)·(−2x₀/(1 + x₀²)²).
    const coupling = 0.25 * Math.atan(0.5) * ((-2 * X) / (1 + X * X) ** 2);
    expect(STATUSES[h.statuses[0][0]]).toBe("not-differentiable");
    expect(Math.abs(h.value[0][0] - (LEFT + coupling))).toBeLessThanOrEqual(h.error[0][0]);
    expect(Math.abs(h.value[0][0] - (RIGHT + coupling))).toBeLessThanOrEqual(h.error[0][0]);
    // The smooth coordinate is untouched: −cos 0.5 + 0.25·atan(x₀)·atan″(0.5), atan″(0.5) = −0.64.
    const second = -Math.cos(0.5) + 0.25 * Math.atan(X) * -0.64;
    expect(STATUSES[h.statuses[1][1]]).toBe("ok");
    expect(Math.abs(h.value[1][1] - second)).toBeLessThanOrEqual(h.error[1][1]);
  });
});

describe("smooth f beside the same large term ask nothing", () => {
  // Their rows' jump is their rounding, below its bound: no wider pair, the same calls as before the
  // check (17 and 15), ok, and the truth within the error.
  const cases: [string, (t: number) => number, number, number][] = [
    ["exp t + 2.6e8", (t) => Math.exp(t) + OFFSET, Math.exp(X), 17],
    ["cos t + 2.6e8", (t) => Math.cos(t) + OFFSET, -Math.cos(X), 17],
    ["t³ − 2t + 3e12", (t) => t * t * t - 2 * t + 3e12, 6 * X, 15],
  ];
  for (const [name, f, truth, calls] of cases) {
    it(name, () => {
      const r = derivative(f, X, { order: 2 });
      expect(r.status).toBe("ok");
      expect(r.evaluations).toBe(calls);
      expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
    });
  }
});
