import { describe, expect, it } from "vitest";
import { derivative, gradient } from "../../src/core/index.js";

/**
 * A pole just beyond the narrow noise table's reach (noise-check.ts, probeNoise: a spike at x in the
 * wide table, the narrow one ruled by a smooth part at every order): a feature, not noise, and steps
 * within the narrow table's reach see f clear of it (settle-noise.ts, nearerThanFeature). The honesty
 * scan's repros (category "pole"; seed 7 for derivative(), seed 1 for the gradient): eᵗ + a/(t − c)²,
 * whose f′ = eᵗ − 2a/(t − c)³ is exact to a few ulps.
 */
describe("a pole beyond the narrow noise table's reach", () => {
  // [a, c, x]: each gave eˣ's own slope, noise-limited, with an error 550 to 7900 times short.
  const cases: [number, number, number][] = [
    [0.015187943129392296, 24.889590262376068, 24.88959888168992],
    [-1.0411575024227968, 31.634132283588492, 31.6341394722975],
  ];
  for (const [a, c, x] of cases) {
    it(`resolves f′ from steps below the pole's distance (${(x - c).toPrecision(2)}) at ${x}`, () => {
      const f = (t: number) => Math.exp(t) + a / ((t - c) * (t - c));
      const truth = Math.exp(x) - (2 * a) / (x - c) ** 3;
      const r = derivative(f, x);
      expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
      // 5e6 on 4.7e13 and 2.7e9 on 5.7e15 (the pole's share is 99.9% of f′): well resolved.
      expect(r.error).toBeLessThan(1e-5 * Math.abs(truth));
    });
  }

  it("and a gradient's component beside another coordinate's pole of 2.4e15", () => {
    // ∂/∂x₁ of log t + 0.0205/(t − c)², c 2.1e-7 below x₁ = 1: it gave 0 ± 4.9e13, noise-limited, for
    // −4.19e18.
    const c = 0.999999785940923;
    const f = (x: Float64Array) =>
      ((t) => Math.atan(t) + -0.10113837964486733 / (t - -11209.820490915294))(x[0]) +
      ((t) => Math.log(t) + 0.020549627795601804 / ((t - c) * (t - c)))(x[1]) +
      ((t) => t * t * t - 2 * t + -0.011472641276868135 / (t - 239.82131319368307))(x[2]) +
      ((t) => Math.tanh(t) + -0.03488693746281012 / ((t + 4.775662638323581) * (t + 4.775662638323581)))(
        x[3],
      ) +
      ((t) => Math.exp(t) + -2.3420621407955076 / ((t - 1.4250308155667661) * (t - 1.4250308155667661)))(
        x[4],
      );
    const x = [-11209.453432528315, 1, 239.82138516858248, -4.775663126493295, 1.4250307841271599];
    const g = gradient(f, x);
    const truth = 1 / x[1] - (2 * 0.020549627795601804) / (x[1] - c) ** 3;
    expect(Math.abs(g.value[1] - truth)).toBeLessThanOrEqual(g.error[1]);
  });
});
