import { describe, expect, it } from "vitest";
import { jacobian } from "../../src/core/index.js";
import { jacobian as jacobianAsync } from "../../src/core/async/index.js";
import { inputGridHidden } from "../../src/core/jacobian-recheck.js";
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

describe("inputGridHidden", () => {
  const kept = (value: number, error: number, step: number) => ({
    value: Float64Array.of(value),
    error: Float64Array.of(error),
    step: Float64Array.of(step),
  });

  it("holds an error below |J|·2⁻²⁴·2^⌊log₂|x_j|⌋/h, and NaN, to a recheck", () => {
    // 0.54·2⁻²⁴·64/0.19 = 1.08e-5
    expect(inputGridHidden(kept(-0.54, 1.0e-5, 0.19), 0, -97.96, 1)).toBe(true);
    expect(inputGridHidden(kept(-0.54, 1.1e-5, 0.19), 0, -97.96, 1)).toBe(false);
    expect(inputGridHidden(kept(-0.54, NaN, 0.19), 0, -97.96, 1)).toBe(true);
    // 64 exactly is its own power of two: 0.54·2⁻²⁴·64/0.19
    expect(inputGridHidden(kept(-0.54, 1.0e-5, 0.19), 0, 64, 1)).toBe(true);
    expect(inputGridHidden(kept(-0.54, 1.0e-5, 0.19), 0, 63.9, 1)).toBe(false);
  });

  it("leaves x_j = 0, a non-finite x_j and higher orders alone", () => {
    expect(inputGridHidden(kept(1, 0, 0.1), 0, 0, 1)).toBe(false);
    expect(inputGridHidden(kept(1, 0, 0.1), 0, Infinity, 1)).toBe(false);
    expect(inputGridHidden(kept(1, 0, 0.1), 0, NaN, 1)).toBe(false);
    expect(inputGridHidden(kept(1, 0, 0.1), 0, 100, 2)).toBe(false);
  });
});
