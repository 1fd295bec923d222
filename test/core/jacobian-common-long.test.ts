import { describe, expect, it } from "vitest";
import { jacobian } from "../../src/core/index.js";

/**
 * A small Jacobian's (2 to 15 rows: the common path, jacobian-common.ts) column whose long steps at a
 * large |x₀| straddle a pole beside x₀ that the probe's do not (jacobian-common-long.ts): the entry
 * departs to the general path, whose long-steps test sends it to derivative()'s recheck. Row 0 is the
 * honesty scan's pole row (seed 1), t³ − 2t + a/(t − c)ᵏ + atan y, whose ∂/∂x is exact in closed form.
 */
function smallF(a: number, k: 1 | 2, c: number, rows: number): (x: Float64Array) => number[] {
  return (x) => {
    const t = x[0];
    const pole = k === 1 ? a / (t - c) : a / ((t - c) * (t - c));
    const out = [t * t * t - 2 * t + pole + Math.atan(x[1])];
    for (let i = 1; i < rows; i++) out.push(Math.sin(x[1] + i) + 0.5 * i * Math.cos(t / 1e4));
    return out;
  };
}

function truthOf(a: number, k: 1 | 2, c: number, x: number): number {
  return 3 * x * x - 2 - (k * a) / (x - c) ** (k + 1);
}

describe("a small Jacobian's column whose long steps straddle a pole (jacobian-common-long.ts)", () => {
  // [a, k, c, x₀]: each gave its entry [0][0] with an error 1e4 to 3e4 times short (7799230658.468602
  // ± 4.1e-4 for an error of 1.7 at the first), at every row count from 2 to 15.
  const cases: [number, 1 | 2, number, number][] = [
    [0.9535486626702122, 2, -50988.715781266896, -50987.680408992455],
    [3.769818254735947, 2, -16096.495833706178, -16101.952248509639],
    [-0.5495267092309225, 1, -33070.84483975764, -33068.45541319069],
  ];
  for (const [a, k, c, x0] of cases)
    for (const rows of [2, 15])
      it(`entry [0][0] covers the pole's share at x₀ = ${x0}, ${rows} rows`, () => {
        const J = jacobian(smallF(a, k, c, rows), [x0, 0.3]);
        const truth = truthOf(a, k, c, x0);
        expect(Math.abs(J.value[0][0] - truth)).toBeLessThanOrEqual(J.error[0][0]);
        // Not widened past use: the probe's interval, 1e-8 of the entry at most.
        expect(J.error[0][0]).toBeLessThan(1e-8 * Math.abs(truth));
        // The column of y is covered too (atan′(0.3) = 1/1.09; F_0 of 1.3e14 rounds beside it).
        expect(Math.abs(J.value[0][1] - 1 / 1.09)).toBeLessThanOrEqual(J.error[0][1]);
      });

  it("leaves a smooth small F at a large |x₀| with its long steps' error", () => {
    const x0 = -50987.680408992455;
    const J = jacobian(smallF(0, 2, 0, 4), [x0, 0.3]);
    expect(Math.abs(J.value[0][0] - (3 * x0 * x0 - 2))).toBeLessThanOrEqual(J.error[0][0]);
    expect(J.error[0][0]).toBeLessThan(1e-12 * J.value[0][0]);
  });
});
