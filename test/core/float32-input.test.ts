import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { float32Input, inputRoundingError } from "../../src/core/float32-input.js";

// A float32 f rounds its argument too: at an x that is no float32 number the engine's power-of-two
// steps all land δ = f32(x) − x away, and the column resolves g′(f32(x)) to every digit
// (float32-input.ts).

const cubic = (t: number): number => {
  const u = Math.fround(t);
  return Math.fround(u * u * u - 2 * u);
};
const slope = (t: number): number => 3 * t * t - 2;

describe("a float32 f's rounding of its argument", () => {
  it.each([-1.9999999999866571, -1.9999999844704706, 0.9999999999975102, -0.9999999999924193])(
    "f32(t³ − 2t at f32(t)) at %f: the error covers g′(x) (was off up to 2.5e5 times)",
    (x) => {
      const r = derivative(cubic, x);
      expect(Math.abs(r.value - slope(x))).toBeLessThanOrEqual(r.error);
      // and says little more than the shift: |g″·δ| is at most 6·2⁻²⁴·|x|·2
      expect(r.error).toBeLessThan(1e-6);
    },
  );

  it("derivative(f, xs) gives derivative(f, x)'s bits there", () => {
    const xs = [-2, -1.9999999999866571, -1.9999999844704706, -2.1645551343261715];
    const many = derivative(cubic, xs);
    xs.forEach((x, i) => {
      const one = derivative(cubic, x);
      expect(many.value[i]).toBe(one.value);
      expect(many.error[i]).toBe(one.error);
    });
  });

  it("at a float32 x, or for a double f, nothing changes", () => {
    expect(derivative(cubic, -2).error).toBeLessThan(1e-12);
    expect(float32Input(-2, Math.fround(-3.99999046))).toBe(false);
    expect(float32Input(-1.9999999845, -3.99999046)).toBe(false);
    expect(float32Input(-1.9999999845, Math.fround(-3.99999046))).toBe(true);
  });

  it("inputRoundingError: twice |g″·δ| for points moved alike", () => {
    const x = -1.9999999845;
    const e = inputRoundingError(cubic, x, 2 ** -6, 2 ** -20, 10);
    const delta = Math.fround(x) - x;
    expect(e).toBeGreaterThan(2 * 12 * Math.abs(delta) * 0.99);
    expect(e).toBeLessThan(2 * 12 * Math.abs(delta) * 1.05);
  });
});
