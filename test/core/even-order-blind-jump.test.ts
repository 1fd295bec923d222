import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";

/**
 * f⁗'s central stencil sees only f's even part about x, so a jump at x through its middle value (an
 * odd term) cancels from it (blind-jump.ts): a result without a significant digit asks the side jump
 * test. Truths: sin⁗ = sin; the cubic's f⁗ = 0.
 */
describe("a jump at x that f⁗'s stencil cancels is found (blind-jump.ts)", () => {
  it.each([
    // [J] — on main: −4.7e-15 ± 3.8e-12 and 1.8e-14 ± 4.8e-13, both "ok".
    [0.00020733364210364212],
    [0.00028672586527650327],
  ])("sin t + %f·sign t at 0, order 4: discontinuous", (J) => {
    const r = derivative((t) => Math.sin(t) + J * Math.sign(t), 0, { order: 4 });
    expect(r.status).toBe("discontinuous");
    expect(r.value).toBeNaN();
  });

  it("√t − 4.5e-6·sign(t − c) at c = 0.019, order 4 (the tables took the jump for noise): discontinuous", () => {
    // On main: −921002 ± 3.5e6, noise-limited.
    const c = 0.019386375889631654;
    const r = derivative((t) => Math.sqrt(t) - 0.000004496902368628849 * Math.sign(t - c), c, { order: 4 });
    expect(r.status).toBe("discontinuous");
  });

  it("a cubic's f⁗ of 0 to rounding stays ok, for two calls a side", () => {
    const f = (t: number): number => t * t * t - 2 * t;
    const r = derivative(f, 0.3, { order: 4 });
    expect(r.status).toBe("ok");
    expect(Math.abs(r.value)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(1e-11);
    expect(r.evaluations).toBeLessThanOrEqual(19);
  });

  it("sin at π, order 4: ok, its value within its error of 0", () => {
    const r = derivative(Math.sin, Math.PI, { order: 4 });
    expect(r.status).toBe("ok");
    expect(Math.abs(r.value - Math.sin(Math.PI))).toBeLessThanOrEqual(r.error);
  });
});
