import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { float32Values } from "../../src/core/float32.js";

/**
 * A derivative of exactly 0 from values of few bits (f32(tanh) saturated to exactly −1) where f's values
 * elsewhere show it float32: the equal values hide a change of up to one float32 step, so the error
 * reaches that rounding (float32.ts, flatFloat32Error with float32Values). Truths: tanh's derivatives
 * at x = −12.34 from its expansion −1 + 2e^(2t) (the next term, 2e^(4t), is 1e-11 of it).
 */
describe("a flat zero of a float32 f whose stencil values have few bits (float32.ts, float32Values)", () => {
  const x = -12.336220333103281;
  const f = (t: number): number => Math.fround(Math.tanh(t));
  // tanh t = −1 + 2e^(2t) − … for t ≪ 0: tanh‴ ≈ 16·e^(2x) = 3.08e-10 and tanh⁗ ≈ 32·e^(2x) = 6.17e-10.
  it.each([
    [3, 16 * Math.exp(2 * x)],
    [4, 32 * Math.exp(2 * x)],
  ])("order %i: noise-limited with an error that covers tanh's derivative", (order, truth) => {
    const r = derivative(f, x, { order });
    expect(r.value).toBe(0);
    expect(r.status).toBe("noise-limited");
    expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
  });

  it("a double f's saturated values keep their double error (no float32 value anywhere)", () => {
    const r = derivative((t) => Math.tanh(t), -40, { order: 3 });
    expect(r.value).toBe(0);
    expect(r.status).toBe("ok");
    expect(r.error).toBeLessThan(1e-12);
  });

  it("float32Values needs every value float32 and one of many bits", () => {
    expect(float32Values(new Float64Array([-1, -1, Math.fround(-0.99999124)]))).toBe(true);
    expect(float32Values(new Float64Array([-1, -1, -0.99999124]))).toBe(false);
    expect(float32Values(new Float64Array([-1, -1, NaN]))).toBe(false);
    expect(float32Values([Math.fround(0.3), 0.3])).toBe(false);
  });
});
