import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { belowSixthLaw, quietDrop, withQuietShare } from "../../src/core/quiet-noise.js";
import { hashNoise } from "../fixtures/noise-hash.js";

/**
 * Where f⁗(x) = 0 truncation's even part falls like h⁶ (64 times per halving), below the h⁴ law's
 * drop test (quiet-noise.ts, quietDrop), which took the row before's σ for noise: atan′ at ±1 gave
 * 0.5000000000000027 ± 2.0e-9, noise-limited (main 9c65e3c). Such a drop, between the h⁴ and h⁶ laws,
 * is now a floor only where f shows noise otherwise (belowSixthLaw, withQuietShare's `band`).
 */
describe("smooth f where f⁗(x) = 0: no quiet floor from truncation's h⁶ fall", () => {
  for (const x of [1, -1]) {
    it(`atan′ at ${x} is ok with an error below 1e-12 that covers the truth`, () => {
      const r = derivative(Math.atan, x);
      expect(r.status).toBe("ok");
      expect(r.error).toBeLessThan(1e-12);
      expect(r.error).toBeGreaterThanOrEqual(Math.abs(r.value - 0.5));
      expect(r.evaluations).toBe(10);
    });
  }

  // f⁗ of 1/(1 + t²) vanishes at t² = 1 − 2/√5, t ≈ ±0.32492 (each gave ± 2e-8 to 4e-8, noise-limited)
  it("1/(1 + t²)′ at and beside its f⁗ root is ok with a tight error that covers the truth", () => {
    for (const x of [-0.3249877, 0.3249877, 0.32492]) {
      const r = derivative((t) => 1 / (1 + t * t), x);
      const truth = (-2 * x) / (1 + x * x) ** 2;
      expect(r.status).toBe("ok");
      expect(r.error).toBeLessThan(1e-12);
      expect(r.error).toBeGreaterThanOrEqual(Math.abs(r.value - truth));
    }
  });

  it("keeps the band's floor where f is shown noisy: atan + 1.7e-14·noise at −1 (noise-limited, covered)", () => {
    const f = (t: number): number => Math.atan(t) + 1.7002542755218323e-14 * hashNoise(t, 1256925652);
    const r = derivative(f, -1);
    expect(r.status).toBe("noise-limited");
    expect(r.noise).toBeGreaterThan(0);
    expect(r.error).toBeGreaterThanOrEqual(Math.abs(r.value - 0.5));
    // the measured noise alone gave ± 2.46e-12 for an error of 3.59e-12; the band's floor, 4·σ/h
    expect(r.error).toBeLessThan(1e-8);
  });

  it("tells the h⁶ law's fall from a fall below it", () => {
    // atan at 1: σ 3.9e-12 at h 0.0078 → 6.1e-14 at 0.0039, 64 times (the h⁶ law) and below the h⁴ law's 1/32
    expect(quietDrop(6.1e-14, 3.9e-12, 0.0039, 0.0078, 0.785, 0.785)).toBe(true);
    expect(belowSixthLaw(6.1e-14, 3.9e-12, 0.0039, 0.0078, 0.785)).toBe(false);
    expect(belowSixthLaw(2.9e-14, 3.9e-12, 0.0039, 0.0078, 0.785)).toBe(true); // 134 times: below half the law
  });

  it("counts the band's share only in a result that reports a noise level", () => {
    const r = { value: 1, error: 1e-13, step: 0.004, method: "central" as const, status: "ok" as const };
    expect(withQuietShare(r, 1, 0, 0, [8e-12, 4e-14])).toEqual(r);
    const noisy = withQuietShare({ ...r, noise: 1e-15 }, 1, 0, 0, [8e-12, 4e-14]);
    expect(noisy.error).toBeCloseTo(1e-13 + 4 * 8e-12, 24);
    expect(noisy.status).toBe("noise-limited");
  });
});
