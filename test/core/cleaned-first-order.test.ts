import { describe, expect, it } from "vitest";
import { checkGradient, derivative, gradient } from "../../src/core/index.js";
import { cleanedFirstOrderTail } from "../../src/core/kink-test.js";

// f″ jumps at x (a C1 join) beside a large term whose rounding stops the column at steps where the
// first-order term a·h and the smooth h² term cancel in the changes of D: neither the plain ratio test
// (1/2) nor the h² model sees it (kink-test.ts, cleanedFirstOrderTail).

const c = 2.560852340977334; // the Huber loss's threshold, at x
const huber = (v: number): number => (Math.abs(v) <= c ? 0.5 * v * v : c * (Math.abs(v) - 0.5 * c));
const join = (t: number): number => Math.exp(t) + 0.05739098647547985 * huber(t);
const big = 3946362.480548034; // a gradient's other coordinate (the honesty scan's checkGradient repro)
const truth = Math.exp(c) + 0.05739098647547985 * c; // f′ is continuous at the join

describe("a first-order tail read with the h² term removed", () => {
  it("eᵗ + 0.057·huber at its threshold beside 3.9e6: the error covers the truth (was off 9.8 times)", () => {
    const r = derivative((t) => join(t) + big, c);
    expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(1e-4);
  });

  it("derivative(f, xs) gives the same bits as derivative(f, x)", () => {
    const g = (t: number): number => join(t) + big;
    const many = derivative(g, [c, c + 1e-3]);
    const one = derivative(g, c);
    expect(many.value[0]).toBe(one.value);
    expect(many.error[0]).toBe(one.error);
  });

  it("checkGradient passes the right gradient (the scan's repro), and the gradient covers it", () => {
    const k = 26797.59012451453;
    const hk = (v: number): number => (Math.abs(v) <= k ? 0.5 * v * v : k * (Math.abs(v) - 0.5 * k));
    const f = (x: Float64Array): number =>
      join(x[0]) + Math.sin(x[1]) + 0.01099095586810645 * hk(x[1] + 2 * k);
    const x = [c, -26797.59002134983];
    const g = gradient(f, x);
    expect(Math.abs(g.value[0] - truth)).toBeLessThanOrEqual(g.error[0]);
    expect(checkGradient(f, () => [13.093817584957979, 295.51211725306206], x).pass).toBe(true);
  });

  it("a join at x that ends its column in four rows (a gradient's coordinate beside 1.96e6)", () => {
    const c0 = -0.20332856366314087;
    const k = 1955584.7095292297; // the other coordinates' terms (the honesty scan's gradient repro)
    const g = (t: number): number => k + 1 / (1 + t * t) + 0.014281455818826314 * Math.max(0, t - c0) ** 2;
    const r = derivative(g, c0);
    const f1 = (-2 * c0) / (1 + c0 * c0) ** 2;
    expect(Math.abs(r.value - f1)).toBeLessThanOrEqual(r.error); // was 0.375027 ± 6e-7 for 0.3750086
  });

  it("cleanedFirstOrderTail: a·h₀ under an h² term, 0 where f is smooth or the term is rounding", () => {
    const D = (h: number): number => 13.09 - 0.0143 * h + 2.16 * h * h;
    const tail = cleanedFirstOrderTail(D(0.125), D(0.25), D(0.5), D(1), 0.125, 0.25, 0.5, 1, 1e-12);
    expect(tail).toBeCloseTo(0.0143 * 0.125, 9);
    const S = (h: number): number => 13.09 + 2.16 * h * h + 0.5 * h ** 4;
    expect(cleanedFirstOrderTail(S(0.125), S(0.25), S(0.5), S(1), 0.125, 0.25, 0.5, 1, 1e-12)).toBe(0);
    // the same first-order term within FIRST_ORDER_SIGNAL times the row's rounding says nothing
    expect(cleanedFirstOrderTail(D(0.125), D(0.25), D(0.5), D(1), 0.125, 0.25, 0.5, 1, 1e-3)).toBe(0);
  });
});
