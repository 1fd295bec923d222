import { describe, expect, it } from "vitest";
import { hessian, STATUSES } from "../../src/core/index.js";
import { confirmedJump, jumpFromRows, kinkError, MIXED_ASK_SIGNAL } from "../../src/core/mixed-kink.js";
import { expectHessianLoopsAgree } from "./hessian-bits.js";

type F = (x: Float64Array) => number;

/** Asserts H[0][1] is "not-differentiable" with an interval holding both one-sided values. */
function expectKink(f: F, x: number[], left: number, right: number): void {
  const r = hessian(f, x);
  expect(STATUSES[r.statuses[0][1]]).toBe("not-differentiable");
  expect(r.statuses[1][0]).toBe(r.statuses[0][1]);
  for (const side of [left, right]) expect(Math.abs(r.value[0][1] - side)).toBeLessThanOrEqual(r.error[0][1]);
  // The interval is about the sides' gap, not unbounded: at most twice it (plus a little).
  expect(r.error[0][1]).toBeLessThan(Math.abs(right - left) + 1e-6);
}

describe("a mixed entry beside a kink of a first partial is not-differentiable (mixed-kink.ts)", () => {
  it("relu(x₀)·x₁ at (0, 1): ∂²f/∂x₀∂x₁ is 0 on the left, 1 on the right (before: 0.5 ± 2.7e-15, ok)", () => {
    expectKink((x) => Math.max(0, x[0]) * x[1], [0, 1], 0, 1);
  });

  it("|x₀|·x₁ at (0, 1): −1 and 1 (before: 0 ± 5.3e-15, ok)", () => {
    expectKink((x) => Math.abs(x[0]) * x[1], [0, 1], -1, 1);
  });

  it("relu(x₀)·sin x₁ at (0, 0.3), four rows: 0 and cos 0.3 (before: 0.4777 ± 7.1e-15, ok)", () => {
    expectKink((x) => Math.max(0, x[0]) * Math.sin(x[1]), [0, 0.3], 0, Math.cos(0.3));
  });

  it("x₀·|x₁| at (1, 0): −1 and 1; g is 0, the column has two rows (before: 0 ± 3.6e-15, ok)", () => {
    expectKink((x) => x[0] * Math.abs(x[1]), [1, 0], -1, 1);
  });

  it("relu(x₀ − 0.5)·x₁ + exp x₀ at (0.5, 2): 0 and 1", () => {
    expectKink((x) => Math.max(0, x[0] - 0.5) * x[1] + Math.exp(x[0]), [0.5, 2], 0, 1);
  });

  it("the sync, batched and async loops give the same bits", async () => {
    await expectHessianLoopsAgree((x) => Math.max(0, x[0]) * x[1], [0, 1]);
    await expectHessianLoopsAgree((x) => Math.max(0, x[0]) * Math.sin(x[1]), [0, 0.3]);
    await expectHessianLoopsAgree((x) => x[0] + Math.max(0, x[1]) ** 2 + Math.abs(x[2]) * x[1], [1, 0, 0]);
  });
});

describe("joins the diagonal explains leave the mixed entry alone", () => {
  it("relu(x₀)²·x₁ at (0, 1): ∂²f/∂x₀² jumps (O_j moves), ∂²f/∂x₀∂x₁ = 2·relu(x₀) is 0 and continuous", () => {
    const r = hessian((x) => Math.max(0, x[0]) ** 2 * x[1], [0, 1]);
    expect(STATUSES[r.statuses[0][1]]).toBe("ok");
    expect(Math.abs(r.value[0][1])).toBeLessThanOrEqual(r.error[0][1]);
  });

  it("x₀ + max(0, x₁)² at (1, 0): a join along x₁ alone, the mixed entry 0", () => {
    const r = hessian((x) => x[0] * x[0] + Math.max(0, x[1]) ** 2, [1, 0]);
    expect(STATUSES[r.statuses[0][1]]).toBe("ok");
    expect(Math.abs(r.value[0][1])).toBeLessThanOrEqual(r.error[0][1]);
  });
});

describe("smooth f: the same calls (the check reads the columns' own values)", () => {
  it("x₀²·x₁ at (1, 2): 34 calls, the mixed entry 2 ± < 1e-12, ok", () => {
    const r = hessian((x) => x[0] ** 2 * x[1], [1, 2]);
    expect(r.evaluations).toBe(34);
    expect(STATUSES[r.statuses[0][1]]).toBe("ok");
    expect(Math.abs(r.value[0][1] - 2)).toBeLessThanOrEqual(r.error[0][1]);
    expect(r.error[0][1]).toBeLessThan(1e-12);
  });

  it("Rosenbrock at (1, 1) and cos(x₀ − x₁): every entry ok, no flag", () => {
    const rosen = hessian((x) => (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2, [1, 1]);
    expect(rosen.status).toBe("ok");
    expect(Math.abs(rosen.value[0][1] + 400)).toBeLessThanOrEqual(rosen.error[0][1]);
    const c = hessian((x) => Math.cos(x[0] - x[1]), [0.3, 0.7]);
    expect(c.status).toBe("ok");
    expect(Math.abs(c.value[0][1] - Math.cos(0.4))).toBeLessThanOrEqual(c.error[0][1]);
  });
});

describe("jumpFromRows, diagonalJump and mixedKinkError", () => {
  it("three rows on a line give its slope's jump; three rows of a smooth odd part give no signal", () => {
    const line = (s: number) => 3 + 0.5 * s; // O(s) = A + J·s/2 with J = 1
    const j = jumpFromRows([line(0.0625), line(0.125), line(0.25)], 3, 0.0625, 1e-16);
    expect(j.jump).toBeCloseTo(1, 12);
    expect(j.uncertainty).toBeLessThan(1e-12);
    const smooth = (s: number) => (2 * Math.sin(s)) / s; // A + B·s² + …
    const k = jumpFromRows([smooth(0.0625), smooth(0.125), smooth(0.25)], 3, 0.0625, 1e-16);
    expect(Math.abs(k.jump)).toBeLessThan(k.uncertainty);
    expect(jumpFromRows([1], 1, 0.0625, 1e-16).uncertainty).toBe(Infinity);
    // Two rows: a line through the origin (x₀·|x₁|), or an intercept (a smooth odd part): no signal.
    expect(jumpFromRows([0.25, 0.5], 2, 0.0625, 1e-16).jump).toBe(8);
    const two = jumpFromRows([3.0001, 3.0004], 2, 0.0625, 1e-16);
    expect(Math.abs(two.jump)).toBeLessThan(MIXED_ASK_SIGNAL * two.uncertainty);
  });

  it("confirmedJump extrapolates Q/(2·d_i·d_j) to c = 0; kinkError takes the larger jump", () => {
    expect(confirmedJump([1, 1, 1], 1e-16).jump).toBe(1);
    const smooth = confirmedJump([0.01, 0.02, 0.04], 1e-16); // q ∝ c: no jump at c = 0
    expect(Math.abs(smooth.jump)).toBeLessThan(1e-15);
    const j = [
      { jump: 1, uncertainty: 1e-14 },
      { jump: -2, uncertainty: 1e-14 },
    ];
    expect(kinkError(1e-15, j)).toBeCloseTo(1, 12);
    expect(kinkError(1e-15, [null])).toBeNull();
  });
});
