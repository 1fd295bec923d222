import { describe, expect, it } from "vitest";
import { hessian, STATUSES } from "../../src/core/index.js";
import {
  fewDigits,
  interceptOf,
  interceptPoints,
  kinkedAlongStencil,
  INTERCEPT_SIGNAL,
  INTERCEPT_STEP,
} from "../../src/core/mixed-intercept.js";
import { hashNoise } from "../fixtures/noise-hash.js";
import { expectHessianLoopsAgree } from "./hessian-bits.js";

type F = (x: Float64Array) => number;

/** The status of entry (i, j). */
const statusAt = (r: { statuses: Uint8Array[] }, i: number, j: number): string => STATUSES[r.statuses[i][j]];

describe("a mixed entry where f itself has a kink along a diagonal of the stencil says discontinuous", () => {
  const cases: [string, F, number[]][] = [
    // Before: −2.26e15 ± 1.12e16, ok (the column ran down to steps of 1e-15).
    ["max(x₀, x₁) at (1, 1)", (x) => Math.max(x[0], x[1]), [1, 1]],
    ["max(x₀, x₁) + x₀²x₁ at (1, 1)", (x) => Math.max(x[0], x[1]) + x[0] * x[0] * x[1], [1, 1]],
    // Before: −8 ± 16, noise-limited.
    ["|x₀ − x₁| at (1, 1)", (x) => Math.abs(x[0] - x[1]), [1, 1]],
    ["relu(x₀ + x₁) + sin x₀ at (0.5, −0.5)", (x) => Math.max(0, x[0] + x[1]) + Math.sin(x[0]), [0.5, -0.5]],
    ["min(x₀, 2x₁) at (2, 1)", (x) => Math.min(x[0], 2 * x[1]), [2, 1]],
  ];
  for (const [name, f, x] of cases) {
    it(`${name}: no value, status discontinuous, as its diagonal`, () => {
      const r = hessian(f, x);
      expect(statusAt(r, 0, 1)).toBe("discontinuous");
      expect(statusAt(r, 1, 0)).toBe("discontinuous");
      expect(r.value[0][1]).toBeNaN();
      expect(r.error[0][1]).toBe(Infinity);
    });
  }

  it("the sync, batched and async loops give the same bits", async () => {
    await expectHessianLoopsAgree((x) => Math.max(x[0], x[1]), [1, 1]);
    await expectHessianLoopsAgree((x) => Math.abs(x[0] - x[1]) + Math.cos(x[2]) * x[0], [1, 1, 0.3]);
  });
});

describe("entries that exist are left alone", () => {
  it("|x₀| + x₁² at (0, 1): a kink of one coordinate alone is odd in g; ∂²f/∂x₀∂x₁ = 0 exists", () => {
    const r = hessian((x) => Math.abs(x[0]) + x[1] * x[1], [0, 1]);
    expect(statusAt(r, 0, 1)).toBe("ok");
    expect(Math.abs(r.value[0][1])).toBeLessThanOrEqual(Math.max(r.error[0][1], 1e-12));
  });

  it("relu(x₀)·x₁ at (0, 1): a jump of the mixed partial itself stays not-differentiable, 0.5 ± 0.5", () => {
    const r = hessian((x) => Math.max(0, x[0]) * x[1], [0, 1]);
    expect(statusAt(r, 0, 1)).toBe("not-differentiable");
    for (const side of [0, 1]) expect(Math.abs(r.value[0][1] - side)).toBeLessThanOrEqual(r.error[0][1]);
  });

  // The smooth battery: values to 1e-6 relative (the engine's usual 1e-9 or better), status ok.
  const smooth: [string, F, number[], number][] = [
    ["Rosenbrock at (1, 1)", (x) => (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2, [1, 1], -400],
    [
      "exp(x₀x₁) at (1, −1), where ∂²f/∂x₀∂x₁ = (1 + x₀x₁)e^(x₀x₁) = 0",
      (x) => Math.exp(x[0] * x[1]),
      [1, -1],
      0,
    ],
    ["exp(x₀x₁) at (0.5, 0.25)", (x) => Math.exp(x[0] * x[1]), [0.5, 0.25], 1.125 * Math.exp(0.125)],
  ];
  for (const [name, f, x, truth] of smooth) {
    it(`${name}: ok, within its error and 1e-6 relative`, () => {
      const r = hessian(f, x);
      expect(statusAt(r, 0, 1)).toBe("ok");
      const off = Math.abs(r.value[0][1] - truth);
      expect(off).toBeLessThanOrEqual(r.error[0][1] + 1e-14);
      expect(off).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(truth)));
    });
  }
});

describe("the one-sided comparison also after the noise stage (mixed-kink.ts)", () => {
  it("x₀·|x₁| + sin x₀ + 1e-8·noise at (1, 0): ∂²f/∂x₀∂x₁ jumps from −1 to 1 (before: −1.1e-7 ± 6e-7)", () => {
    const f: F = (x) => x[0] * Math.abs(x[1]) + Math.sin(x[0]) + 1e-8 * hashNoise(x[0] + 3 * x[1], 3);
    const r = hessian(f, [1, 0]);
    expect(statusAt(r, 0, 1)).toBe("not-differentiable");
    for (const side of [-1, 1]) expect(Math.abs(r.value[0][1] - side)).toBeLessThanOrEqual(r.error[0][1]);
  });

  it("relu(x₀)·x₁ + 1e-9·noise at (0, 1): 0 and 1 (before: 0.5 ± 1.6e-7, noise-limited)", () => {
    const f: F = (x) => Math.max(0, x[0]) * x[1] + 1e-9 * hashNoise(x[0] + 3 * x[1], 7);
    const r = hessian(f, [0, 1]);
    expect(statusAt(r, 0, 1)).toBe("not-differentiable");
    for (const side of [0, 1]) expect(Math.abs(r.value[0][1] - side)).toBeLessThanOrEqual(r.error[0][1]);
  });

  it("the sync, batched and async loops give the same bits under noise", async () => {
    await expectHessianLoopsAgree(
      (x) => x[0] * Math.abs(x[1]) + Math.sin(x[0]) + 1e-8 * hashNoise(x[0] + 3 * x[1], 3),
      [1, 0],
    );
  });
});

describe("the intercept (mixed-intercept.ts)", () => {
  it("reads J from q = J + M·c + N·c² exactly, and 0 for q ∝ c", () => {
    const q = (c: number) => 0.3 + 2 * c + 5 * c * c;
    expect(interceptOf([q(0.0625), q(0.125), q(0.25)], 0).jump).toBeCloseTo(0.3, 12);
    expect(Math.abs(interceptOf([0.01, 0.02, 0.04], 0).jump)).toBeLessThan(1e-15);
  });

  it("a kink of f along the diagonal counts; a smooth f and a kink of one coordinate do not", () => {
    const at = (f: (a: number, b: number) => number) =>
      kinkedAlongStencil(
        interceptPoints(1, 1, 1, 1, INTERCEPT_STEP).map(([a, b]) => f(a, b)),
        INTERCEPT_STEP,
        0,
      );
    expect(at((a, b) => Math.max(a, b))).toBe(true);
    expect(at((a, b) => 0.3 * Math.abs(a - b) + a * b * b)).toBe(true);
    expect(at((a, b) => Math.exp(a * b))).toBe(false);
    expect(at((a, b) => Math.abs(a - 1) + b * b)).toBe(false);
  });

  it("noise at the bound's size does not make a kink (INTERCEPT_SIGNAL times the uncertainty)", () => {
    const pts = interceptPoints(1, 1, 1, 1, INTERCEPT_STEP);
    const values = pts.map(([a, b], k) => a * b + 1e-10 * hashNoise(k, 11));
    expect(kinkedAlongStencil(values, INTERCEPT_STEP, 2 * 3 * 1e-10)).toBe(false);
    // With no bound given, the spread holds it.
    expect(kinkedAlongStencil(values, INTERCEPT_STEP, 0)).toBe(false);
    expect(INTERCEPT_SIGNAL).toBe(4);
  });

  it("fewDigits: fewer than two significant digits, a finite value other than 0", () => {
    expect(fewDigits(-2.26e15, 1.12e16)).toBe(true);
    expect(fewDigits(1, NaN)).toBe(true);
    expect(fewDigits(0.5, 1e-9)).toBe(false);
    expect(fewDigits(0, 1)).toBe(false);
    expect(fewDigits(NaN, 1)).toBe(false);
  });
});
