import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";

// A one-sided result whose interval misses the other side's value, where the two agree only through
// the other side's wider error, reaches across that side's interval (other-side.ts, heldWithin): a C1
// join just ahead of x bends this side's differences as smoothly as f″ does. Repros from the honesty
// scan (seed 1).

/** The error covers the true error (with the truth's own rounding, a few ulps of it). */
function covers(r: { value: number; error: number }, truth: number): void {
  expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error + 8 * Number.EPSILON * Math.abs(truth));
}

describe("a one-sided f′ held within the other side", () => {
  it("covers f′ 1.6e-10 before a join of u|u|, forward (was 0.0038878537397 ± 9.7e-12, 4.3 times off)", () => {
    const a = 0.06711058618780814;
    const c = -0.001943941416339219;
    const x = -0.0019439415723355431;
    const f = (t: number): number => 1 / (1 + t * t) + a * (t - c) * Math.abs(t - c);
    const truth = (-2 * x) / (1 + x * x) ** 2 + 2 * a * Math.abs(x - c);
    const r = derivative(f, x, { method: "forward" });
    covers(r, truth);
    expect(r.status).toBe("ok");
    expect(r.error).toBeLessThan(1e-10); // the other side's interval, not more
    expect(r.evaluations).toBe(19); // the other side's column ran already; one call asks whether f jumps on it
  });

  it("covers f′ 3.5e-10 after a join of u|u|, backward (was 2.71828182844 ± 2.6e-11, 1.4 times off)", () => {
    const a = 0.02466338557654281;
    const c = 0.9999999996485808;
    const f = (t: number): number => Math.exp(t) + a * (t - c) * Math.abs(t - c);
    const r = derivative(f, 1, { method: "backward" });
    covers(r, Math.exp(1) + 2 * a * Math.abs(1 - c));
    expect(r.error).toBeLessThan(1e-9);
  });

  it("keeps a smooth f's one-sided errors where the sides hold each other (exp, sin at orders 1 and 2)", () => {
    for (const order of [1, 2]) {
      for (const [f, x] of [
        [Math.exp, 0.7],
        [Math.sin, 1.3],
      ] as const) {
        const fwd = derivative(f, x, { method: "forward", order });
        const truth = f === Math.exp ? Math.exp(x) : order === 1 ? Math.cos(x) : -Math.sin(x);
        covers(fwd, truth);
        expect(fwd.error).toBeLessThan(1e-6 * Math.abs(truth));
      }
    }
  });
});
