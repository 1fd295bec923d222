/**
 * Hessians whose entries were dishonest in the honesty scan (bench/honesty-scan.ts, seed 1), with their
 * truths in closed form: mixed entries of a noisy f (mixed-noise.ts).
 */
import { describe, expect, it } from "vitest";
import { STATUSES, derivative, hessian } from "../../src/core/index.js";
import { mixedNoiseLevel, mixedNoisePoints } from "../../src/core/mixed-noise.js";
import { hashNoise } from "../fixtures/noise-hash.js";
import { expectHessianLoopsAgree } from "./hessian-bits.js";

/** 32 bits of v, so that noise changes with a second coordinate. */
function bitsOf(v: number): number {
  const u = new Uint32Array(Float64Array.of(v).buffer);
  return (u[0] ^ u[1]) >>> 0;
}

/** log x₀ + exp x₁ + atan(x₀)·atan(x₁)/4 + level·noise(x₀, x₁): ∂²f/∂x₀∂x₁ = 1/(4(1 + x₀²)(1 + x₁²)). */
function noisy(level: number): (x: Float64Array) => number {
  return (x) =>
    Math.log(x[0]) +
    Math.exp(x[1]) +
    0.25 * Math.atan(x[0]) * Math.atan(x[1]) +
    level * hashNoise(x[0], bitsOf(x[1]));
}

const mixedTruth = (x: number[]): number => 0.25 / (1 + x[0] ** 2) / (1 + x[1] ** 2);

// Before: each mixed entry was about ±1e22 with error NaN, status "ok" (the columns ran on to steps of
// 1e-37 without settling; the fallback's first steps put log's argument below 0).
const CASES: [number[], number][] = [
  [[0.0164, 0], 4e-7],
  [[0.1, 0.3], 1e-8],
  [[0.2, 1], 1e-10],
  [[0.05, 0.2], 1e-9],
];

describe("mixed entries of a noisy f (mixed-noise.ts)", () => {
  it("cover the truth with the noise's share, status noise-limited", () => {
    for (const [x, level] of CASES) {
      const r = hessian(noisy(level), x);
      const truth = mixedTruth(x);
      const at = `x = ${x}, noise ${level}`;
      expect(STATUSES[r.statuses[0][1]], at).toBe("noise-limited");
      expect(Math.abs(r.value[0][1] - truth), at).toBeLessThanOrEqual(r.error[0][1]);
      // and claims something: the error is below the truth's size
      expect(r.error[0][1], at).toBeLessThan(0.25 * truth);
    }
  });

  it("are the same bits with batch: true and in numdiff/async", async () => {
    for (const [x, level] of CASES) {
      await expectHessianLoopsAgree(noisy(level), x);
    }
  });

  it("a smooth f never reaches the noise tables: x₀²x₁ + sin(x₀x₁) takes the same calls", () => {
    const f = (x: Float64Array): number => x[0] * x[0] * x[1] + Math.sin(x[0] * x[1]);
    const r = hessian(f, [0.7, 1.3]);
    expect(r.status).toBe("ok");
    expect(r.evaluations).toBe(80); // as before the noise tables
    expect(Math.abs(r.value[0][1] - (2 * 0.7 + Math.cos(0.91) - 0.91 * Math.sin(0.91)))).toBeLessThan(1e-9);
  });
});

describe("mixedNoiseLevel", () => {
  it("reads noise of σ = 1e-9/√3 from both tables within a factor of 2", () => {
    const [a, b] = mixedNoisePoints(0.3, 0.7, 1, 1, 1e-3);
    const values = Float64Array.from(
      a,
      (u, q) => Math.sin(u) * Math.cos(b[q]) + 1e-9 * hashNoise(u, bitsOf(b[q])),
    );
    const level = mixedNoiseLevel(values);
    expect(level).toBeGreaterThan(1e-9 / Math.sqrt(3) / 2);
    expect(level).toBeLessThan((2 * 1e-9) / Math.sqrt(3));
  });

  it("finds none in a smooth f, or where a value is not finite", () => {
    const [a, b] = mixedNoisePoints(0.3, 0.7, 1, 1, 1e-2);
    const smooth = Float64Array.from(a, (u, q) => Math.exp(u) * b[q]);
    expect(mixedNoiseLevel(smooth)).toBeNaN();
    const holed = Float64Array.from(a, (u, q) => (q === 3 ? NaN : u + 1e-9 * hashNoise(u, q)));
    expect(mixedNoiseLevel(holed)).toBeNaN();
  });
});

describe("second and third derivatives of a float32 f flat on its grid (settle-noise.ts)", () => {
  // f32(c + g(t)) with f's float32 grid coarser than g's whole range: every difference is 0. Before:
  // 0 ± 1.1e-12 (ok) for f″ = −cos t at 3908.56 (the diagonal of a float32 Hessian whose other terms
  // are 1.5e8), and 0 ± 2.6e-5 (ok) for eᵗ at −4 beside 3.6e9 (the wide stencil of the zero test met
  // f32's overflow and gave up).
  const cases: [string, (t: number) => number, number, (t: number, order: number) => number][] = [
    [
      "f32(1.5e8 + cos t)",
      (t) => Math.fround(1.5e8 + Math.cos(t)),
      3908.556934199114,
      (t, n) => (n === 2 ? -Math.cos(t) : Math.sin(t)),
    ],
    ["f32(3.6e9 + eᵗ)", (t) => Math.fround(3641010000 + Math.exp(t)), -4, (t) => Math.exp(t)],
  ];
  it("are noise-limited with an error that covers the truth", () => {
    for (const [name, f, x, truth] of cases) {
      for (const order of [2, 3]) {
        const r = derivative(f, x, { order });
        expect(r.status, `${name}, order ${order}`).toBe("noise-limited");
        expect(Math.abs(r.value - truth(x, order)), `${name}, order ${order}`).toBeLessThanOrEqual(r.error);
      }
    }
  });

  it("in a float32 Hessian: the diagonal entry beside a term of 1.5e8", () => {
    const f = (x: Float64Array): number =>
      Math.fround(0.25 * Math.atan(x[0]) * Math.atan(x[1]) + (x[0] ** 3 - 2 * x[0]) + Math.cos(x[1]));
    const x = [-538.2142541616446, 3908.556934199114];
    const r = hessian(f, x);
    const truth = -Math.cos(x[1]) + (0.25 * Math.atan(x[0]) * (-2 * x[1])) / (1 + x[1] ** 2) ** 2;
    expect(STATUSES[r.statuses[1][1]]).toBe("noise-limited");
    expect(Math.abs(r.value[1][1] - truth)).toBeLessThanOrEqual(r.error[1][1]);
  });

  it("a jump through a middle value still is one: tanh t − 0.92·sign t at 0, order 2", () => {
    const r = derivative((t) => Math.tanh(t) - 0.9221368588202021 * Math.sign(t), 0, { order: 2 });
    expect(r.status).toBe("discontinuous");
  });
});

describe("a Hessian's diagonal where f jumps through its midpoint at x (odd-part-check.ts, midpointJumps)", () => {
  it("is discontinuous, though the noise tables read f's rounding as a level", () => {
    // The honesty scan's sum of four terms, each jumping (sign) at its x_k: before, entries [0][0] …
    // [2][2] were −1.45357 ± 7e-11, −0.560406 ± 4.4e-12 and 1.548e-9 ± 2.5e-13, noise-limited.
    const sign = Math.sign;
    const f = (x: Float64Array): number =>
      0.25 * Math.atan(x[0]) * Math.atan(x[1]) +
      (1 / (1 + x[0] ** 2) + 0.000003248445974953476 * sign(x[0] - 0.19243141784067153)) +
      (Math.cos(x[1]) - 0.00012255143733974784 * sign(x[1] + 6183.630262796232)) +
      (1 / (1 + x[2] ** 2) + 0.0000068121679991389535 * sign(x[2] - 249.51042965185178)) +
      (Math.atan(x[3]) - 0.0000030454001308427757 * sign(x[3] + 6.650493965109048));
    const x = [0.19243141784067153, -6183.630262796232, 249.51042965185178, -6.650493965109048];
    const r = hessian(f, x);
    for (let i = 0; i < 4; i++) {
      const status = STATUSES[r.statuses[i][i]];
      expect(["discontinuous", "not-differentiable"], `[${i}][${i}]`).toContain(status);
    }
  });
});

describe("a higher derivative of exactly 0 from double values stands (settle-noise.ts: float32 grids only)", () => {
  it("atan″ beside tanh 3 at 0, atan″ and sin″ at 0, tanh″ at −50: ok, as before", () => {
    const cases: [string, (t: number) => number, number][] = [
      ["atan t + tanh 3", (t) => Math.atan(t) + Math.tanh(3), 0],
      ["atan", Math.atan, 0],
      ["sin", Math.sin, 0],
      ["tanh", Math.tanh, -50],
    ];
    for (const [name, f, x] of cases) {
      const r = derivative(f, x, { order: 2 });
      expect(r.value, name).toBe(0);
      expect(r.status, name).toBe("ok");
      expect(r.error, name).toBeLessThan(1e-12);
    }
  });
});
