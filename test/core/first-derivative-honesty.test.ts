/**
 * First derivatives with default options (central, the scales of x) on the honesty scan's cases
 * (bench/honesty-scan.ts, seed 1): each result's error covers the true error, or its status says there
 * is no derivative. The truths are closed forms evaluated in double precision (good to a few ulps); each
 * case failed on e79dd83 by the factor its name gives.
 */
import { describe, expect, it } from "vitest";
import { derivative, gradient } from "../../src/core/index.js";
import { NOISE_PROBE_SPLIT } from "../../src/core/constants.js";
import { COLUMN_FLAG } from "../../src/core/column-state.js";
import { probeNoise, relativeUnit, type NoiseSeen } from "../../src/core/noise-check.js";
import { runSync } from "../../src/core/column-steps.js";
import { Sampler } from "../../src/core/sampler.js";
import { probeFlags } from "../../src/core/scalar-column.js";
import { hashNoise } from "../fixtures/noise-hash.js";

/** Slack for the truth's own rounding (bench/honesty/bases.ts, TRUTH_SLACK): 8 ulps of it. */
const slack = (truth: number): number => 8 * 2 ** -52 * Math.abs(truth);

/** The result's interval holds the truth (within its rounding). */
function expectCovers(r: { value: number; error: number }, truth: number): void {
  expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error + slack(truth));
}

describe("noise that grows with the distance from x is told before f″'s share of a narrow table", () => {
  it("log t·(1 + 5.4e-10·noise) at 1 (a root of f): 1 ± 4.8e-12 before, off by 35", () => {
    const f = (t: number) => Math.log(t) * (1 + 5.439016239495211e-10 * hashNoise(t, 1883303392));
    const r = derivative(f, 1);
    expectCovers(r, 1);
    expect(r.status).toBe("noise-limited");
    // Not useless: within 10 times the relative noise.
    expect(r.error).toBeLessThan(10 * 5.439016239495211e-10);
  });

  it("the noise tables report it per unit distance, where the narrow table's f″ share passed for noise", () => {
    const f = (t: number) => Math.log(t) * (1 + 5.439016239495211e-10 * hashNoise(t, 1883303392));
    const seen: NoiseSeen = { rejected: 0, noiseLike: false, perDistance: 0, grid: 0 };
    const use = { narrowing: true, perDistance: true };
    const level = runSync(probeNoise(new Sampler(f), 1, 2 ** -21 * NOISE_PROBE_SPLIT ** 2, seen, use));
    expect(level).toBe(0);
    // About the relative level (the noise at distance d is 5.4e-10·d·hashNoise).
    expect(seen.perDistance).toBeGreaterThan(1e-10);
    expect(seen.perDistance).toBeLessThan(1e-9);
  });

  it("atan t·(1 + 3.4e-14·noise) at 0, a flagged column's recheck: 1 + 3.2e-14 ± 1.3e-15 before, off by 25", () => {
    const f = (t: number) => Math.atan(t) * (1 + 3.376544062323706e-14 * hashNoise(t, 91701313));
    const r = derivative(f, 0);
    expectCovers(r, 1);
    expect(r.error).toBeLessThan(1e-12);
  });
});

describe("a noise table ruled by the smooth part is tried again narrower (Moré and Wild)", () => {
  it("cos t·(1 + 1.06e-13·noise) at 246.32: −0.957311 ± 1.2e-13, ok, before, off by 27", () => {
    const x = 246.32177969029888;
    const f = (t: number) => Math.cos(t) * (1 + 1.0594687108018625e-13 * hashNoise(t, 2042056826));
    const r = derivative(f, x);
    expectCovers(r, -Math.sin(x));
    expect(r.status).toBe("noise-limited");
    expect(r.error).toBeLessThan(1e-9);
  });

  it("derivative(f, xs) gives each point derivative()'s result: entry 3 was 0.926931 ± 3.6e-14, off by 187", () => {
    const f = (t: number) => Math.cos(t) * (1 + 1.3696438011704656e-13 * hashNoise(t, 945861580));
    const xs = [997.840313094746, 997.8502310569374, 997.8403130933672, 997.8403131177505];
    const many = derivative(f, xs);
    for (let i = 0; i < xs.length; i++) {
      const one = derivative(f, xs[i]);
      expect(many.value[i]).toBe(one.value);
      expect(many.error[i]).toBe(one.error);
      expectCovers(one, -Math.sin(xs[i]));
    }
  });
});

describe("a column stopped on 'noise' its level does not explain is run on from there, its gap covered", () => {
  it("log t − 0.0254·u|u|, u = t − c, 1.1e-6 from the join: 9.32545 ± 1.7e-9 before, off by 269", () => {
    const c = 0.10723456761009927;
    const a = -0.025436826086841755;
    const x = 0.10723342111288346;
    const f = (t: number) => Math.log(t) + a * (t - c) * Math.abs(t - c);
    const r = derivative(f, x);
    expectCovers(r, 1 / x + 2 * a * Math.abs(x - c));
    expect(r.error).toBeLessThan(1e-5);
  });
});

describe("a column run on below f's resolution leaves the first estimate standing", () => {
  it("gradient of atan(x₀) − 1.5707254704 + tanh(x₁) − 3.7e-12 at [14113.1, 0]: ∂₀ was 0 ± 3.4e-15, f′ = 5.02e-9", () => {
    const x0 = 14113.104639377372;
    const f = (x: Float64Array) =>
      Math.atan(x[0]) - 1.570725470435234 + (Math.tanh(x[1]) - 3.669306101299798e-12);
    const g = gradient(f, [x0, 0]);
    expectCovers({ value: g.value[0], error: g.error[0] }, 1 / (1 + x0 * x0));
    expectCovers({ value: g.value[1], error: g.error[1] }, 1);
    // The same as derivative() along x₀.
    const r = derivative((t) => Math.atan(t) - 1.570725470435234 + (0 - 3.669306101299798e-12), x0);
    expect(r.value).toBe(g.value[0]);
    expect(Math.abs(r.value - 5.020591364003211e-9)).toBeLessThan(1e-15);
  });
});

describe("the narrow noise table holds the wide level in its highest order, where noise outlasts a smooth part", () => {
  it("tanh t + 0.98/(t − c)², 1.2e-5 from the pole: 515 ± 5.7e11, noise-limited, before, where f′ = 1.16e15", () => {
    const c = -0.05981327246934922;
    const x = -0.059825170053976744;
    const r = derivative((t) => Math.tanh(t) + 0.9808555250813202 / ((t - c) * (t - c)), x);
    const truth = 1 - Math.tanh(x) ** 2 - (2 * 0.9808555250813202) / (x - c) ** 3;
    expectCovers(r, truth);
    expect(r.error).toBeLessThan(Math.abs(truth));
  });
});

describe("a float32 f's relative rounding is a floor under a first derivative's error", () => {
  it("f32(atan(f32 t)) at 1.09e-12 and f32(tanh(f32 t)) at 1e-10: 1 + 2e-8 ± 1e-15 before", () => {
    expect(relativeUnit(Float64Array.of(Math.fround(0.7), Math.fround(0.1)))).toBe(2 ** -24);
    expect(relativeUnit(Float64Array.of(0.7, 0.1))).toBe(0);
    const f32 = Math.fround;
    for (const [g, x] of [
      [Math.atan, 1.0931049081435112e-12],
      [Math.tanh, 1.0029111290660103e-10],
    ] as const) {
      const r = derivative((t) => f32(g(f32(t))), x);
      expectCovers(r, 1);
      // Within a few float32 units.
      expect(r.error).toBeLessThan(2 ** -20);
    }
  });
});

describe("a pole or a jump that only the unit scale's shorter steps, or one side, see counts", () => {
  it("carries a probe's pole as probePole and its jump as diverging", () => {
    expect(probeFlags(COLUMN_FLAG.pole | COLUMN_FLAG.noisy)).toBe(COLUMN_FLAG.probePole);
    expect(probeFlags(COLUMN_FLAG.diverging | COLUMN_FLAG.kink)).toBe(COLUMN_FLAG.diverging);
    expect(probeFlags(COLUMN_FLAG.noisy)).toBe(0);
  });

  it("t³ − 2t + 0.61/(t − c)² at c = −1903.4: 3c² − 2 ± 4e-7, ok, before (the pole's even part cancels)", () => {
    const c = -1903.4043376192126;
    const r = derivative((t) => t * t * t - 2 * t + 0.6064163311966497 / ((t - c) * (t - c)), c);
    expect(r.status).toBe("not-finite");
    expect(r.value).toBeNaN();
  });

  it("eᵗ + 1.66/(t − c) at c = 18.67 (an odd pole, taken for noise): 1.28e8 ± 6e3, ok, before", () => {
    const c = 18.66685408979931;
    const r = derivative((t) => Math.exp(t) + 1.6638952365404756 / (t - c), c);
    expect(r.status).toBe("not-finite");
  });

  it("cos t − 1.4e-5·sign(t − c) at c = −78.2: 0.330487 ± 3.1e-4, ok, before", () => {
    const c = -78.20288302681108;
    const r = derivative((t) => Math.cos(t) - 0.00001365769934143893 * Math.sign(t - c), c);
    // f jumps at c: no derivative, and the status says so (the sides, from steps of 0.15, tell a kink).
    expect(["not-differentiable", "discontinuous"]).toContain(r.status);
  });

  it("cos t + 1.1e-6·H(t − c) at c = −73.05, the jump on the backward side only: −0.715118 ± 1.4e-5, ok, before", () => {
    const c = -73.05343132551529;
    const r = derivative((t) => Math.cos(t) + 0.0000011075605729497608 * (t - c >= 0 ? 1 : 0), c);
    expect(r.status).toBe("discontinuous");
    // The forward side has f′ (the step's value holds at x).
    expectCovers(r.right!, -Math.sin(c));
  });

  it("costs a smooth f at a large x nothing more: sin at 1000 (its |x| scale aliased) takes 31 calls, as before", () => {
    const r = derivative(Math.sin, 1000);
    expect(r.status).toBe("ok");
    expectCovers(r, Math.cos(1000));
    expect(r.evaluations).toBeLessThanOrEqual(31);
  });
});
