import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { coverSide } from "../../src/core/smoothness.js";

// Two one-sided estimates that agree with each other against the central one beyond both errors
// (smoothness.ts, coverSide): a C1 join 1.6e-5 beside x, the honesty scan's derivative(f, xs) repro.

const c = 0.007633028757493919;
const huber = (v: number): number => (Math.abs(v) <= 1 ? 0.5 * v * v : Math.abs(v) - 0.5);
const f = (t: number): number => 1 / (1 + t * t) + -0.007570030075252507 * huber(t - c + 1);
// f′ = −2t/(1 + t²)² − 0.00757·(t − c + 1) inside the quadratic piece (t < c)
const fp = (t: number): number => (-2 * t) / (1 + t * t) ** 2 - 0.007570030075252507 * (t - c + 1);

describe("a central estimate the two agreeing sides contradict", () => {
  it("1/(1 + t²) − 0.0076·huber(t − c + 1) at c − 1.6e-5: the error covers the truth (was 77 times off)", () => {
    for (const x of [0.007616830480617126, 0.007616830510681243, 0.007616830342462038]) {
      const r = derivative(f, x);
      expect(Math.abs(r.value - fp(x)), `x = ${x}`).toBeLessThanOrEqual(r.error);
      // still a number with digits: ± 5.2e-9 before round 14, ± 1.1e-7 since (the join's even parts
      // shrink like h², which quiet-noise.ts counts as noise: honest, 27 times the true error)
      expect(r.error).toBeLessThan(2e-7);
    }
    const xs = [0.007616830480617126, 0.007616830510681243, 0.007616830342462038, 0.007616830534899259];
    const many = derivative(f, xs);
    xs.forEach((x, i) => expect(Math.abs(many.value[i] - fp(x))).toBeLessThanOrEqual(many.error[i]));
  });

  it("coverSide: the joined sides' interval where both converged and agree", () => {
    const left = { value: -0.022801801, error: 8.9e-10, diverging: false };
    const right = { value: -0.0228018011, error: 1.35e-10, diverging: false };
    const e = coverSide({ value: -0.0228018052, error: 5.5e-11 }, left, right);
    expect(e).toBeCloseTo(4.15e-9 + 0.05e-9 + 8.9e-10, 11);
    // within reach of the joined sides: nothing to cover
    expect(coverSide({ value: -0.0228018012, error: 5.5e-11 }, left, right)).toBeNull();
    // sides that disagree with each other: the shape stage's verdict, not this
    expect(coverSide({ value: 0, error: 1e-9 }, { ...left, value: -1 }, right)).toBeNull();
    // one side only, as before
    const none = { value: NaN, error: NaN, diverging: false };
    expect(
      coverSide({ value: -0.0254, error: 3.4e-8 }, { value: 0, error: 1e-17, diverging: false }, none),
    ).toBeCloseTo(0.0254, 10);
  });
});
