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

describe("a kink 1e-9 from x", () => {
  // np.interp-style linear interpolation through (0, 0), (0.5, 0.8), (1.25, 1.1), (2, 0.7), (3.1, 2.2).
  const nodes = [0, 0.5, 1.25, 2, 3.1];
  const values = [0, 0.8, 1.1, 0.7, 2.2];
  const interp = (t: number): number => {
    let i = 1;
    while (i < nodes.length - 1 && t > nodes[i]) i++;
    return values[i - 1] + ((values[i] - values[i - 1]) * (t - nodes[i - 1])) / (nodes[i] - nodes[i - 1]);
  };
  it("takes the side away from it, settled at large steps, not the rounding of steps below 1e-9", () => {
    // At steps below the kink's distance the central difference carries rounding of about
    // 1e-16·|f|/3e-11 ≈ 4e-6; the far side's line gives the slope to within 1e-13.
    for (const [x, slope] of [
      [2 + 1e-9, 1.5 / 1.1],
      [2 - 1e-9, -0.4 / 0.75],
      [0.5 - 1e-9, 1.6],
    ] as const) {
      const r = derivative(interp, x);
      expect(r.status).toBe("ok");
      expect(Math.abs(r.value - slope)).toBeLessThanOrEqual(Math.max(r.error, 1e-8 * Math.abs(slope)));
      expect(Math.abs(r.value - slope)).toBeLessThan(1e-10);
    }
  });
});

describe("sides that disagree at the usual steps", () => {
  const f = (t: number) => Math.exp(t) + 0.3 * Math.abs(t - 1);
  it("resolve a kink 1e-9 from x at steps whose rounding is a part of their gap: differentiable", () => {
    for (const [x, truth] of [
      [1 + 1e-9, Math.exp(1 + 1e-9) + 0.3],
      [1 - 3e-9, Math.exp(1 - 3e-9) - 0.3],
    ] as const) {
      const r = derivative(f, x);
      // "noise-limited" where the noise tables took the kink for noise and the far side ran with it.
      expect(["ok", "noise-limited"]).toContain(r.status);
      expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
      expect(Math.abs(r.value - truth)).toBeLessThan(1e-8 * truth);
    }
  });
  it("keep a kink at x not differentiable", () => {
    const r = derivative(f, 1);
    expect(r.status).toBe("not-differentiable");
    expect(r.left?.value).toBeCloseTo(Math.E - 0.3, 8);
    expect(r.right?.value).toBeCloseTo(Math.E + 0.3, 8);
  });
});
