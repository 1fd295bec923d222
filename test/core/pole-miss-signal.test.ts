import { describe, expect, it } from "vitest";
import { derivative, jacobian } from "../../src/core/index.js";
import { LONG_MISS_SIGNAL, longStepsMissed } from "../../src/core/long-steps.js";
import { PAIRED_MISS_SIGNAL } from "../../src/core/paired-sides.js";

/**
 * Long steps at a large |x| that straddle a pole beside x, told at twice their gap's bound (round 16:
 * LONG_MISS_SIGNAL and PAIRED_MISS_SIGNAL 16 → 2), and a large Jacobian's columns given the same
 * long-steps test (jacobian-long-steps.ts). The honesty scan's repros (seed 1, category "pole"):
 * t³ − 2t + a/(t − c)ᵏ, whose derivatives are exact in closed form (the truth's own rounding, a few
 * ulps of values up to 3e10, is far below the errors asserted).
 */
function cubicPole(a: number, c: number, k: 1 | 2): (t: number) => number {
  return k === 1
    ? (t) => t * t * t - 2 * t + a / (t - c)
    : (t) => t * t * t - 2 * t + a / ((t - c) * (t - c));
}

/** The order-n derivative (1 to 3) of cubicPole(a, c, k) at x. */
function truthOf(a: number, c: number, k: 1 | 2, x: number, n: number): number {
  const u = x - c;
  if (n === 1) return 3 * x * x - 2 - (k * a) / u ** (k + 1);
  if (n === 2) return 6 * x + (k * (k + 1) * a) / u ** (k + 2);
  return 6 - (k * (k + 1) * (k + 2) * a) / u ** (k + 3);
}

describe("the signals at twice the bound", () => {
  it("are 2", () => {
    expect(LONG_MISS_SIGNAL).toBe(2);
    expect(PAIRED_MISS_SIGNAL).toBe(2);
  });

  it("longStepsMissed: a gap of four times the rounding bound is a miss, one of half of it is not", () => {
    // Long rows of a constant even part 1e12 (steps 64, 128, 256), the probe's at 1/32 and 1/16.
    const rows = (e: number, hs: number[]) => Float64Array.of(e, e, e, ...hs, 1e12);
    const long = rows(1e12, [64, 128, 256]);
    // F_ROUNDING·EPS·Σ|w|·|f| of both extrapolations (their weights sum to about 1.9 and 1.7).
    const bound = 2 * 2 ** -52 * 1e12 * 3.6;
    expect(longStepsMissed(long, rows(1e12 + 0.5 * bound, [1 / 32, 1 / 16, NaN]))).toBe(false);
    expect(longStepsMissed(long, rows(1e12 + 4 * bound, [1 / 32, 1 / 16, NaN]))).toBe(true);
  });
});

describe("central long steps that straddle a pole beside x (long-steps.ts)", () => {
  // [a, k, c, x, order]: each gave the cubic's own derivative with an error 130 to 3e8 times short.
  const cases: [number, 1 | 2, number, number, number][] = [
    [-0.07640241058898392, 1, 15274.197939179272, 15278.829839792612, 1],
    [-0.07640241058898392, 1, 15274.197939179272, 15278.829839792612, 3],
  ];
  for (const [a, k, c, x, order] of cases) {
    it(`covers the pole's share at order ${order}, x = ${x}`, () => {
      const r = derivative(cubicPole(a, c, k), x, { order });
      expect(Math.abs(r.value - truthOf(a, c, k, x, order))).toBeLessThanOrEqual(r.error);
      expect(r.status).toBe("ok");
    });
  }

  it("and derivative(f, xs)'s common path does the same", () => {
    const [a, c] = [0.05458901681071737, 90459.97188372149];
    const xs = [90459.95908673332, 90519.46058916078, 90434.22972700057, 90459.95985589546];
    const r = derivative(cubicPole(a, c, 1), xs);
    for (const i of [0, 3])
      expect(Math.abs(r.value[i] - truthOf(a, c, 1, xs[i], 1))).toBeLessThanOrEqual(r.error[i]);
  });

  it("leaves a smooth f at a large |x| with its long steps' error", () => {
    // t³ − 2t at 15278.8: f′ to 2.6e-5 (3.7e-14 relative) and f‴ = 6 to 1e-11, as before.
    const x = 15278.829839792612;
    const f = (t: number) => t * t * t - 2 * t;
    const r1 = derivative(f, x);
    expect(Math.abs(r1.value - (3 * x * x - 2))).toBeLessThanOrEqual(r1.error);
    expect(r1.error).toBeLessThan(1e-13 * r1.value);
    const r3 = derivative(f, x, { order: 3 });
    expect(Math.abs(r3.value - 6)).toBeLessThanOrEqual(r3.error);
    expect(r3.error).toBeLessThan(1e-10);
  });
});

describe("one-sided long steps that straddle a pole beside x (paired-sides.ts)", () => {
  // [a, k, c, x]: R = |a/dᵏ|/(EPS·|f(x)|) of 21 and 78; forward and backward, orders 1 to 3 (2 for the
  // second), each 23 to 5e12 times short before.
  const cases: [number, 1 | 2, number, number, number][] = [
    [0.15423482713944725, 1, 48333.6105633645, 48333.31141118529, 3],
    [-0.05052743111604425, 2, 12993.892887549619, 12995.045493125206, 2],
  ];
  for (const [a, k, c, x, orders] of cases)
    for (const method of ["forward", "backward"] as const)
      for (let order = 1; order <= orders; order++)
        it(`covers the pole's share, ${method} order ${order} at ${x}`, () => {
          const r = derivative(cubicPole(a, c, k), x, { order, method });
          expect(Math.abs(r.value - truthOf(a, c, k, x, order))).toBeLessThanOrEqual(r.error);
        });
});

describe("a large Jacobian's column whose long steps straddle a pole (jacobian-long-steps.ts)", () => {
  // Row 0 is the scan's pole row; 17 smooth rows make F a large one (SCREEN_COMPONENTS).
  const cases: [number, 1 | 2, number, number][] = [
    [0.9535486626702122, 2, -50988.715781266896, -50987.680408992455],
    [3.769818254735947, 2, -16096.495833706178, -16101.952248509639],
    [-0.5495267092309225, 1, -33070.84483975764, -33068.45541319069],
  ];
  for (const [a, k, c, x0] of cases) {
    it(`entry [0][0] covers the pole's share at x₀ = ${x0}`, () => {
      const p = cubicPole(a, c, k);
      const F = (x: Float64Array) => {
        const out = [p(x[0]) + Math.atan(x[1])];
        for (let i = 1; i < 18; i++) out.push(Math.sin(x[1] + i) + 0.5 * i * Math.cos(x[0] / 1e4));
        return out;
      };
      const J = jacobian(F, [x0, 0.3]);
      const value = J.value[0][0];
      const error = J.error[0][0];
      // It was 7799230658.468602 ± 4.1e-4 (1.7 off) at the first: now the probe's interval.
      expect(Math.abs(value - truthOf(a, c, k, x0, 1))).toBeLessThanOrEqual(error);
    });
  }

  it("leaves a smooth large F at a large |x₀| with its long steps' error", () => {
    const x0 = -50987.680408992455;
    const F = (x: Float64Array) => {
      const out = [x[0] * x[0] * x[0] - 2 * x[0] + Math.atan(x[1])];
      for (let i = 1; i < 18; i++) out.push(Math.sin(x[1] + i) + 0.5 * i * Math.cos(x[0] / 1e4));
      return out;
    };
    const J = jacobian(F, [x0, 0.3]);
    expect(Math.abs(J.value[0][0] - (3 * x0 * x0 - 2))).toBeLessThanOrEqual(J.error[0][0]);
    expect(J.error[0][0]).toBeLessThan(1e-12 * J.value[0][0]);
  });
});
