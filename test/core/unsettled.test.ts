import { describe, expect, it } from "vitest";
import { derivative, gradient } from "../../src/core/index.js";
import { KINK_CLEAN_ROWS, KINK_SMOOTH_BAND, UNSETTLED_FACTOR } from "../../src/core/constants.js";
import { joinSides } from "../../src/core/smoothness.js";
import { caseById } from "../fixtures/redteam-cases.js";
import type { ScalarCase } from "../fixtures/redteam-types.js";

describe("kinks that a smooth part's curvature hides from three rows (KINK_CLEAN_ROWS, KINK_SMOOTH_BAND)", () => {
  it("are flagged not-differentiable with both one-sided slopes (before: the midpoint ± 1e-13, ok)", () => {
    expect(KINK_CLEAN_ROWS).toBe(4);
    expect(KINK_SMOOTH_BAND).toBe(0.01);
    const c = 1.5031049607069416;
    const cases: [string, (t: number) => number, number, number, number][] = [
      ["t² + 0.3·max(0, t − 5)", (t) => t * t + 0.3 * Math.max(0, t - 5), 5, 10, 10.3],
      [
        "cos t + 0.006·|t|",
        (t) => Math.cos(t) + 0.005984847718266491 * Math.abs(t),
        0,
        -0.005984847718266491,
        0.005984847718266491,
      ],
      [
        "t³ − 2t + 0.337·max(0, t − c)",
        (t) => t * t * t - 2 * t + 0.3374610563539937 * Math.max(0, t - c),
        c,
        3 * c * c - 2,
        3 * c * c - 2 + 0.3374610563539937,
      ],
    ];
    for (const [name, f, x, left, right] of cases) {
      const r = derivative(f, x);
      expect(r.status, name).toBe("not-differentiable");
      expect(Math.abs(r.left!.value - left), name).toBeLessThanOrEqual(Math.max(r.left!.error, 1e-9));
      expect(Math.abs(r.right!.value - right), name).toBeLessThanOrEqual(Math.max(r.right!.error, 1e-9));
    }
  });

  it("a smooth quadratic still ends in three rows: x² at 3 takes at most 10 calls, 6 within rounding", () => {
    const r = derivative((t) => t * t, 3);
    expect(r.status).toBe("ok");
    expect(Math.abs(r.value - 6)).toBeLessThanOrEqual(r.error);
    expect(r.evaluations).toBeLessThanOrEqual(10);
  });
});

describe("a central column with no error estimate", () => {
  it("takes the one-sided estimates joined when they agree (joinSides): a C1 join read as noise", () => {
    const joined = joinSides(
      { value: 1, error: 1e-9, diverging: false },
      { value: 1 + 1e-9, error: 1e-9, diverging: false },
    );
    expect(joined!.value).toBeCloseTo(1 + 5e-10, 14);
    expect(joined!.error).toBeCloseTo(1.5e-9, 15);
    expect(
      joinSides({ value: 1, error: 1e-9, diverging: false }, { value: 2, error: 1e-9, diverging: false }),
    ).toBeNull();
    const c = -0.459011797284153;
    const f = (t: number): number => Math.exp(t) - 0.013909735439921125 * Math.max(0, t - c) ** 2;
    const r = derivative(f, c); // before: 0.63186 ± NaN, noise-limited
    expect(Number.isFinite(r.error)).toBe(true);
    expect(Math.abs(r.value - Math.exp(c))).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(1e-6);
  });

  it("takes the first rows' difference with UNSETTLED_FACTOR times its change (unsettledEstimate)", () => {
    expect(UNSETTLED_FACTOR).toBe(2);
    // −5·x₁·t·2/2 − 5·x₁² … : f along x₂ is −45 − 15t, computed as a sum of terms of 45 that is 0 at
    // t = −3, where its rounding jumps by 7e-15: every small step grows like 1/h (before: −12 ± NaN, ok).
    const a = [0, 0, 0, 0, -9.999999999999991, -9.99999999999997, 0, 0, 0];
    const A = [0, 1, 2].map((i) => [0, 1, 2].map((j) => (a[3 * i + j] + a[3 * j + i]) / 2));
    const q = (x: Float64Array | number[]): number => {
      let s = 1.0373590117179052e-36;
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) s += 0.5 * A[i][j] * x[i] * x[j];
      return s;
    };
    const x = [2.999999999999993, 2.9999999999999942, -3];
    const truth = A[2][0] * x[0] + A[2][1] * x[1] + A[2][2] * x[2];
    const r = derivative((t) => q([x[0], x[1], t]), -3);
    expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
    // The terms of 45 round on its grid (7.1e-15 per value, value-grid.ts): 1.15e-12 (below 1e-12 before).
    expect(r.error).toBeLessThan(2e-12);
    const g = gradient(q, x);
    expect(Math.abs(g.value[2] - truth)).toBeLessThanOrEqual(g.error[2]);
  });
});

describe("the growth check at orders 2–4 (growth.ts, difference)", () => {
  it("ReLU's difference of order 2 grows like 1/h, and a jump at x has no third derivative", async () => {
    const { runSync } = await import("../../src/core/column-steps.js");
    const { Sampler } = await import("../../src/core/sampler.js");
    const { difference, growthAt } = await import("../../src/core/growth.js");
    const relu = new Sampler((t: number) => Math.max(0, t));
    expect(runSync(difference(relu, 0, "central", 0.25, 2))).toBe(4);
    expect(runSync(growthAt(relu, 0, "central", 1e-6, 2))).toBe("jump");
    expect(runSync(growthAt(new Sampler(Math.exp), 0, "central", 1e-3, 2))).toBe("bounded");
    const r = derivative((t) => Math.sin(t) + 0.003 * (t >= 1 ? 1 : 0), 1, { order: 3 });
    expect(["discontinuous", "not-finite", "not-differentiable"]).toContain(r.status);
  });

  it("a difference within its values' rounding shows no growth: a subnormal f (before: NaN, not-differentiable)", () => {
    // 8e-323·sin t + 4.4e-323·eᵗ at 0.47 (fast-check's counterexample): its values sit on the subnormal
    // grid (steps of 5e-324), and one step of it over a short h looked like a cusp's growing quotient.
    const x = 0.47225014754029293;
    const r = derivative((t) => 8e-323 * Math.sin(t) + 4.4e-323 * Math.exp(t), x);
    const truth = 8e-323 * Math.cos(x) + 4.4e-323 * Math.exp(x);
    expect(r.status).toBe("ok");
    expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(1e-320);
  });

  it("nor does a midpoint jump within the subnormal grid: 1.6e-25·t at 5e-324 has f″ = 0 (before: discontinuous)", () => {
    // fast-check's counterexample: the values beside x are a few steps of 5e-324, whose central
    // differences' changes grew 16 times (odd-part-check.ts, midpointJumps).
    const f = (t: number) => 1.6317430052315587e-25 * t;
    const r = derivative(f, 5e-324, { order: 2 });
    expect(r.status).toBe("ok");
    expect(Math.abs(r.value)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(1e-30);
  });
});

describe("a Hessian's mixed entry whose columns never settled (growth.ts, unsettledFrom)", () => {
  it("x₀x₁ + 1e-10·noise: an honest, noise-limited entry, the same sync and batched (before: 0 ± NaN, ok)", async () => {
    const { hessian } = await import("../../src/core/index.js");
    const { hashNoise } = await import("../fixtures/noise-hash.js");
    const f = (x: Float64Array): number => x[0] * x[1] + 1e-10 * hashNoise(7 * x[0] + x[1], 1);
    const r = hessian(f, [0.5, 1.5]);
    expect(Math.abs(r.value[0][1] - 1)).toBeLessThanOrEqual(r.error[0][1]);
    expect(r.error[0][1]).toBeLessThan(1e-6);
    expect(r.statuses[0][1]).toBe(1); // statusCode("noise-limited")
    const batched = hessian(
      (xs: Float64Array) => {
        const out = new Float64Array(xs.length / 2);
        for (let k = 0; k < out.length; k++) out[k] = f(xs.subarray(2 * k, 2 * k + 2));
        return out;
      },
      [0.5, 1.5],
      { batch: true },
    );
    expect(batched.value[0][1]).toBe(r.value[0][1]);
    expect(batched.error[0][1]).toBe(r.error[0][1]);
    expect(batched.statuses[0][1]).toBe(r.statuses[0][1]);
  });
});

describe("the batched Hessian's unsettled fallback keeps to the bounds", () => {
  it("calls f at no point outside them, and gives the sync bits", async () => {
    const { hessian } = await import("../../src/core/index.js");
    const { hashNoise } = await import("../fixtures/noise-hash.js");
    const f = (x: Float64Array): number => x[0] * x[1] + 1e-8 * hashNoise(7 * x[0] + x[1], 1);
    const bounds: [number, number][] = [
      [0.45, 0.55],
      [-Infinity, Infinity],
    ];
    let outside = 0;
    const batched = hessian(
      (xs: Float64Array) => {
        const out = new Float64Array(xs.length / 2);
        for (let k = 0; k < out.length; k++) {
          if (xs[2 * k] < 0.45 || xs[2 * k] > 0.55) outside++;
          out[k] = f(xs.subarray(2 * k, 2 * k + 2));
        }
        return out;
      },
      [0.5, 1.5],
      { batch: true, bounds },
    );
    const sync = hessian(f, [0.5, 1.5], { bounds });
    expect(outside).toBe(0);
    expect(Object.is(batched.value[0][1], sync.value[0][1])).toBe(true);
    expect(Object.is(batched.error[0][1], sync.error[0][1])).toBe(true);
  });
});

describe("a rerun that ends below a decimal grid (no level, no first error)", () => {
  it("round(1.3·sin t·1e4)/1e4 gives an honest first-rows estimate, not 0 (before: 0 ± 5e-9, ok)", () => {
    const f = (t: number): number => Math.round(Math.sin(t) * 1.3 * 1e4) / 1e4;
    for (const x of [-1.8877, -1.0877]) {
      const r = derivative(f, x);
      expect(r.value, `at ${x}`).not.toBe(0);
      expect(Math.abs(r.value - 1.3 * Math.cos(x)), `at ${x}`).toBeLessThanOrEqual(r.error);
      expect(r.error, `at ${x}`).toBeLessThan(0.05);
    }
  });
});

describe("an unsettled column that straddled a kink beside x (settle-singular.ts)", () => {
  it("max(0, t − x − 1e-6) under noise of 1e-12: its error reaches both slopes (before: 0.49997 ± 6.4e-5, ok)", () => {
    // The red-team battery's case: f′(x) = 0 (x lies on the flat side, the kink 1e-6 to its right). The
    // tables straddle the kink and find no level, no column settles, and the fallback's central
    // difference is the two slopes' midpoint.
    const c = caseById("relu-near-noise") as ScalarCase;
    const r = derivative(c.f, c.x);
    expect(Math.abs(r.value - 0)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(1);
  });
});
