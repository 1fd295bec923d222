import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { UNSETTLED_GROWTH } from "../../src/core/other-side.js";
import { hashNoise } from "../fixtures/noise-hash.js";

// A one-sided higher derivative whose columns never settled falls back on its first differences at h,
// h/2 and h/4 (other-side.ts, unsettled); where their changes grow beyond UNSETTLED_GROWTH times, and
// beyond noise's share, a feature lies within the steps and the differences do not bound the truth.

describe("an unsettled one-sided estimate whose differences keep growing", () => {
  it("√t + 5e-8·noise forward at 0.072, order 4: no claim (was −14 ± 139, f⁗ = −9334)", () => {
    const f = (t: number): number => Math.sqrt(t) + 4.973201987403998e-8 * hashNoise(t, 1681333464);
    const x = 0.07205909597671731;
    const r = derivative(f, x, { method: "forward", order: 4 });
    const truth = (-15 / 16) * x ** -3.5;
    expect(Math.abs(r.value - truth) <= r.error || !(r.error < Infinity)).toBe(true);
  });

  it("f32(√t) forward at 0.109, order 4: honest (was −9.8 ± 80, f⁗ = −2172)", () => {
    const f = (t: number): number => Math.fround(Math.sqrt(t));
    const x = 0.10929755494962162;
    const r = derivative(f, x, { method: "forward", order: 4 });
    const truth = (-15 / 16) * x ** -3.5;
    expect(Math.abs(r.value - truth) <= r.error || !(r.error < Infinity)).toBe(true);
  });

  it("a smooth f forward at order 4 keeps a finite error that covers the truth", () => {
    const r = derivative(Math.exp, 0.3, { method: "forward", order: 4 });
    expect(Math.abs(r.value - Math.exp(0.3))).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(1e-3);
    expect(UNSETTLED_GROWTH).toBe(2);
  });
});
