import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { PROPORTIONAL_BAND } from "../../src/core/noise-check.js";
import { hashNoise } from "../fixtures/noise-hash.js";

describe("relative noise at a root of f (noise that grows with the distance from x)", () => {
  it("gets an error floor of about the noise per unit distance (before: sin′(0) = 0.9999999954 ± 4.7e-10)", () => {
    expect(PROPORTIONAL_BAND).toBeCloseTo(2.828, 3);
    // sin t·(1 + 1e-8·noise) at 0: the noise is 1e-8·|t|, so every first difference carries ~1e-8.
    const f = (t: number) => Math.sin(t) * (1 + 1e-8 * hashNoise(t, 1));
    const r = derivative(f, 0);
    expect(r.status).toBe("noise-limited");
    expect(Math.abs(r.value - 1)).toBeLessThanOrEqual(r.error);
    // Not useless: within 100 times the noise.
    expect(r.error).toBeLessThan(1e-6);
  });

  it("on four functions at their roots and five seeds, every estimate covers the truth (16 of 20 before)", () => {
    const cases: [(t: number) => number, number, number][] = [
      [Math.sin, 0, 1],
      [Math.atan, 0, 1],
      [Math.tanh, 0, 1],
      [(t) => t * t * t - 2 * t, 0, -2],
    ];
    let honest = 0;
    for (const [g, x, truth] of cases) {
      for (let seed = 1; seed <= 5; seed++) {
        const r = derivative((t) => g(t) * (1 + 1e-8 * hashNoise(t, seed)), x);
        if (Math.abs(r.value - truth) <= r.error) honest++;
      }
    }
    expect(honest).toBe(20);
  });
});
