import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";

// A first derivative of exactly 0 from values all exactly 0: f's resolution is its intermediates'
// (flat-reach.ts). Steps up to 2048 times the column's find where f first moves by a grid's step.

describe("a flat zero below the resolution of f's intermediates", () => {
  const softplus = (t: number) => Math.log(1 + Math.exp(t));
  for (const x of [-40, -38, -37.5, -45, -60, -100]) {
    it(`a naive log(1 + eᵗ) at ${x}: 0 with an error that covers eˣ, noise-limited`, () => {
      const r = derivative(softplus, x);
      expect(r.value).toBe(0);
      expect(r.status).toBe("noise-limited");
      expect(r.error).toBeGreaterThanOrEqual(Math.exp(x));
      // Within the red team's smooth pass rule (1e-6): one step of 1's grid over some units of t.
      expect(r.error).toBeLessThan(1e-15);
    });
  }

  it("scales with f: 1e20·log(1 + eᵗ) at −40 covers 4.2e2", () => {
    const r = derivative((t) => 1e20 * softplus(t), -40);
    expect(r.error).toBeGreaterThanOrEqual(1e20 * Math.exp(-40));
  });

  it("1/(1 + e⁻ᵗ) − 1 at 40 covers e⁻⁴⁰", () => {
    const r = derivative((t) => 1 / (1 + Math.exp(-t)) - 1, 40);
    expect(r.error).toBeGreaterThanOrEqual(Math.exp(-40));
  });

  it("keeps f ≡ 0 and a relu's flat side exact: 0 ± a few subnormals, ok", () => {
    for (const [f, x] of [
      [() => 0, 1],
      [(t: number) => Math.max(0, t), -1],
    ] as const) {
      const r = derivative(f, x);
      expect(r.value).toBe(0);
      expect(r.status).toBe("ok");
      expect(r.error).toBeLessThan(1e-300);
    }
  });
});
