import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";

// Two edges of f's resolution: values rounded to a few decimal digits, and a kink that lies between x
// and its neighbouring double.
describe("resolution edges", () => {
  it("covers the truth when f's values are printed to 9 digits (they step by whole quanta)", () => {
    const logistic = (t: number) => 1 / (1 + Math.exp(-t));
    const printed = (t: number) => Number(logistic(t).toPrecision(9));
    const s = logistic(3);
    const truth = s * (1 - s); // 0.045176659730912…
    const r = derivative(printed, 3);
    expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
    // Noise of half a quantum (5e-10) over the step: about 2e-8, not the 3e-14 of a smooth f.
    expect(r.error).toBeLessThan(1e-6);
    expect(r.error).toBeGreaterThan(1e-9);
  });

  it("calls a kink within x's last bit not differentiable, not a jump (max(0, sin t) at the double nearest π)", () => {
    for (const [f, x] of [
      [(t: number) => Math.max(0, Math.sin(t)), Math.PI],
      [(t: number) => Math.max(0, Math.cos(t)), Math.PI / 2],
    ] as const) {
      const r = derivative(f, x);
      expect(r.status).toBe("not-differentiable");
      expect(r.left?.value).toBeCloseTo(-1, 8);
    }
  });

  it("still calls a jump of 1e-8 a jump (far above the slope times x's last bit)", () => {
    const r = derivative((t) => Math.sin(t) + (t < 1 ? 0 : 1e-8), 1);
    expect(r.status).toBe("discontinuous");
  });
});
