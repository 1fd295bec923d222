import { describe, expect, it } from "vitest";
import { jacobian } from "../../src/core/index.js";
import { jacobian as jacobianAsync } from "../../src/core/async/index.js";
import { FLOAT32_TABLEAU_GAIN, float32Hidden } from "../../src/core/jacobian-float32.js";
import { bits } from "./jacobian-bits.js";

const R = Math.fround;

/**
 * A large float32 F (16 rows, as the honesty scan's category "float32", seed 1, whose entry
 * f32(cos(f32(t)) + atan(y)) at t = −97.9571716127468 gave −0.537775 ± 1.1e-6, ok, 2.8 times short):
 * F_k = f32(g_k(f32(x₁))·(1 + k/16) + atan(x₀)), g_k cos or sin. F rounds x₁ to float32, whose step at
 * 98 is 7.6e-6, so along x₁ its values step by |∂F_k/∂x₁|·3.8e-6; the rows' noise tables move x₁ by
 * 1.9e-6 at most and do not see it. Truths are closed forms: (1 + k/16)·(−sin x₁ or cos x₁), and
 * atan′(x₀) = 1/(1 + x₀²).
 */
const x = [0.04270886472891349, -97.9571716127468];
const g = (k: number) => (k % 2 === 0 ? Math.cos : Math.sin);
const dg = (k: number, t: number) => (k % 2 === 0 ? -Math.sin(t) : Math.cos(t));
const F = (v: ArrayLike<number>): number[] =>
  Array.from({ length: 16 }, (_, k) => R(g(k)(R(v[1])) * (1 + k / 16) + Math.atan(v[0])));

describe("a large float32 F whose inputs are rounded to float32", () => {
  it("covers every entry: those along x₁ are computed again along x₁ (row 0 was 4.9 times short)", () => {
    const r = jacobian(F, x);
    for (let k = 0; k < 16; k++) {
      const along = (1 + k / 16) * dg(k, x[1]);
      expect(r.error[k][1]).toBeGreaterThanOrEqual(Math.abs(r.value[k][1] - along));
      // Noise-limited, and not wider than the noise of a float32 input warrants.
      expect(r.error[k][1]).toBeLessThan(1e-3);
      expect(r.error[k][0]).toBeGreaterThanOrEqual(Math.abs(r.value[k][0] - 1 / (1 + x[0] ** 2)));
    }
    expect(r.status).toBe("noise-limited");
  });

  it("gives the async Jacobian the same bits", async () => {
    expect(bits(await jacobianAsync(async (v: Float64Array) => F(v), x))).toBe(bits(jacobian(F, x)));
  });
});

describe("float32Hidden", () => {
  const kept = (value: number, error: number, step: number) => ({
    value: Float64Array.of(value),
    error: Float64Array.of(error),
    step: Float64Array.of(step),
  });
  const share = (centre: number, slope: number, half: number, h: number) =>
    (FLOAT32_TABLEAU_GAIN * 2 ** -24 * (Math.abs(centre) + slope * half)) / h;

  it("holds an error below the tableau's share of both roundings, and NaN, to a recheck", () => {
    // 1.70·2⁻²⁴·(0.5 + 0.54·64)/0.19 = 1.87e-5
    const s = share(0.5, 0.54, 64, 0.19);
    expect(s).toBeCloseTo(1.87e-5, 7);
    expect(float32Hidden(kept(-0.54, 0.99 * s, 0.19), 0, -97.96, 0.5, 1)).toBe(true);
    expect(float32Hidden(kept(-0.54, 1.01 * s, 0.19), 0, -97.96, 0.5, 1)).toBe(false);
    expect(float32Hidden(kept(-0.54, NaN, 0.19), 0, -97.96, 0.5, 1)).toBe(true);
    // 64 exactly is its own power of two; 63.9 is in the binade below.
    expect(float32Hidden(kept(-0.54, 0.99 * s, 0.19), 0, 64, 0.5, 1)).toBe(true);
    expect(float32Hidden(kept(-0.54, 0.99 * s, 0.19), 0, 63.9, 0.5, 1)).toBe(false);
  });

  it("reads the size beside x where F_k(x) is small (f32(1/(1 + x0²) + atan(t)) at t = 0)", () => {
    // |J|·h = 0.0039 > 7.5e-9: 1.70·2⁻²⁴·0.0039/0.0039 ≈ 1.0e-7 against the column's 1.1e-11
    expect(float32Hidden(kept(1.00000002, 1.1e-11, 0.0039), 0, 0, 7.5e-9, 1)).toBe(true);
    expect(float32Hidden(kept(1.00000002, 1.1e-7, 0.0039), 0, 0, 7.5e-9, 1)).toBe(false);
  });

  it("leaves higher orders alone, and reads no input step at x_j = 0 or not finite", () => {
    expect(float32Hidden(kept(1, 0, 0.1), 0, 100, 1, 2)).toBe(false);
    // only the values' own rounding: 1.70·2⁻²⁴·1/0.1 = 1.0e-6
    for (const xj of [0, Infinity, NaN]) {
      expect(float32Hidden(kept(1, 0.99e-6, 0.1), 0, xj, 1, 1)).toBe(true);
      expect(float32Hidden(kept(1, 1.1e-6, 0.1), 0, xj, 1, 1)).toBe(false);
    }
  });

  it("takes the tableau's gain as the product over its levels for steps halved", () => {
    // Five levels; the rest multiply it by less than 1.0005.
    const five = 1.5 * 1.1 * (64.5 / 63) * (256.5 / 255) * (1024.5 / 1023);
    expect(FLOAT32_TABLEAU_GAIN / five).toBeGreaterThan(1);
    expect(FLOAT32_TABLEAU_GAIN / five).toBeLessThan(1.0005);
  });
});
