/**
 * Kinks and jumps at x beside a large term (bench/honesty-scan.ts, seed 1: a Hessian's diagonal or a
 * gradient's coordinate, whose line through x carries the other coordinates' terms). The truths are in
 * closed form: f′ jumps at 0 (|t|), so f″ has no value there; f jumps at 0 (sign t), so f′ has none.
 */
import { describe, expect, it } from "vitest";
import { STATUSES, derivative, gradient, hessian, type BatchFn } from "../../src/core/index.js";
import * as async from "../../src/core/async/index.js";
import { saysLittle } from "../../src/core/first-at-x.js";

/** tanh x₀ + 0.07·|x₀| + x₁³: f′ jumps by 0.14 along x₀ at x₀ = 0; ∂²f/∂x₁² = 6x₁. */
const kink = (x: ArrayLike<number>): number => Math.tanh(x[0]) + 0.07 * Math.abs(x[0]) + x[1] ** 3;

/** tanh x₀ − 2.2e-6·sign x₀ + x₁³: f jumps by 4.4e-6 along x₀ at x₀ = 0; ∂f/∂x₁ = 3x₁². */
const jump = (x: ArrayLike<number>): number => Math.tanh(x[0]) - 2.2e-6 * Math.sign(x[0]) + x[1] ** 3;

const batched =
  (f: (x: ArrayLike<number>) => number): BatchFn =>
  (b) =>
    Array.from({ length: b.length / 2 }, (_, r) => f(b.subarray(2 * r, 2 * r + 2)));

/** The sync result's values, errors and statuses, bit for bit, in each of `others`. */
function sameBits<R extends { value: unknown; error: unknown; statuses: unknown }>(
  want: R,
  others: R[],
): void {
  for (const got of others)
    expect([got.value, got.error, got.statuses]).toStrictEqual([want.value, want.error, want.statuses]);
}

describe("f″ where f′ jumps, beside a large term (first-at-x.ts)", () => {
  // Before: x₁ = 1000 gave H₀₀ = 574 ± 1631, noise-limited (and H₁₁ noise-limited from it); x₁ = 3000
  // gave 514 ± 1286, ok. The growth of the second differences is lost in the rounding of x₁³.
  it("the Hessian's diagonal entry is discontinuous, the others keep their values", () => {
    for (const x1 of [10, 1000, 3000]) {
      const r = hessian(kink, [0, x1]);
      expect(STATUSES[r.statuses[0][0]], `x₁ = ${x1}`).toBe("discontinuous");
      expect(r.value[0][0]).toBeNaN();
      expect(STATUSES[r.statuses[1][1]]).toBe("ok");
      expect(Math.abs(r.value[1][1] - 6 * x1)).toBeLessThanOrEqual(r.error[1][1]);
      expect(r.error[1][1]).toBeLessThan(1e-9 * 6 * x1);
    }
  });

  // Before: f jumping by 1.8e-5 at x₀ = 1 beside x₁³ = 2.3e9 gave H₀₀ = 2.724 ± 0.098, ok (a column
  // stopped early, with fewer than two significant digits: FEW_DIGITS).
  it("a jump in f itself says discontinuous too", () => {
    const f = (x: ArrayLike<number>): number => Math.exp(x[0]) + 1.8e-5 * (x[0] >= 1 ? 1 : 0) + x[1] ** 3;
    const r = hessian(f, [1, 1320]);
    expect(STATUSES[r.statuses[0][0]]).toBe("discontinuous");
    expect(Math.abs(r.value[1][1] - 7920)).toBeLessThanOrEqual(r.error[1][1]);
  });

  it("derivative of order 2 on the line says the same", () => {
    for (const c of [1e9, 2.7e10]) {
      const r = derivative((t) => c + Math.tanh(t) + 0.07 * Math.abs(t), 0, { order: 2 });
      expect(r.status, `c = ${c}`).toBe("discontinuous");
    }
  });

  it("gives the same bits batched and in numdiff/async", async () => {
    const x = [0, 3000];
    const a = await async.hessian(async (p: Float64Array) => kink(p), x);
    sameBits(hessian(kink, x), [hessian(batched(kink), x, { batch: true }), a]);
  });

  it("asks only where an order-2 result says little", () => {
    expect(saysLittle({ value: 514, error: 1286, status: "ok" }, 2)).toBe(true);
    expect(saysLittle({ value: 574, error: 1631, status: "noise-limited" }, 2)).toBe(true);
    expect(saysLittle({ value: 2.724, error: 0.098, status: "ok" }, 2)).toBe(true);
    expect(saysLittle({ value: 6000, error: 1.7e-10, status: "ok" }, 2)).toBe(false);
    expect(saysLittle({ value: 0, error: 3e-13, status: "ok" }, 2)).toBe(false);
    expect(saysLittle({ value: 514, error: 1286, status: "ok" }, 1)).toBe(false);
    expect(saysLittle({ value: NaN, error: Infinity, status: "discontinuous" }, 2)).toBe(false);
  });
});

describe("f′ where f jumps, beside a large term (settle-noise.ts)", () => {
  // Before: x₁ = 21.5 and 50 gave ∂f/∂x₀ = 0.99967 ± 3.3e-4, noise-limited: the noise tables took the
  // jump of 4.4e-6 for noise of 4.8e-7 beside the rounding of x₁³.
  it("the gradient's coordinate is discontinuous, the other keeps its value", () => {
    for (const x1 of [5, 21.5, 50]) {
      const r = gradient(jump, [0, x1]);
      expect(STATUSES[r.statuses[0]], `x₁ = ${x1}`).toBe("discontinuous");
      expect(r.value[0]).toBeNaN();
      expect(STATUSES[r.statuses[1]]).toBe("ok");
      expect(Math.abs(r.value[1] - 3 * x1 * x1)).toBeLessThanOrEqual(r.error[1]);
    }
  });

  // Before: a jump of 0.0134 beside x₁³ = 1.4e11 (about 900 times f's rounding) gave 0.636 ± 1.13,
  // noise-limited: its changes stood below the old JUMP_CHANGE_SIGNAL (256) times their rounding.
  it("a jump of some hundreds of times f's rounding is found too (JUMP_CHANGE_SIGNAL)", () => {
    const c = -0.06844033978920397;
    const f = (x: ArrayLike<number>): number =>
      1 / (1 + x[0] * x[0]) + 0.0134 * (x[0] >= c ? 1 : 0) + x[1] ** 3;
    const r = gradient(f, [c, 5200]);
    expect(STATUSES[r.statuses[0]]).toBe("discontinuous");
    expect(Math.abs(r.value[1] - 3 * 5200 ** 2)).toBeLessThanOrEqual(r.error[1]);
  });

  it("derivative on the line says the same, as without the term", () => {
    for (const c of [0, 1e4, 1.25e5]) {
      const r = derivative((t) => c + Math.tanh(t) - 2.2e-6 * Math.sign(t), 0);
      expect(r.status, `c = ${c}`).toBe("discontinuous");
    }
  });

  it("gives the same bits batched and in numdiff/async", async () => {
    const x = [0, 21.5];
    const a = await async.gradient(async (p: Float64Array) => jump(p), x);
    sameBits(gradient(jump, x), [gradient(batched(jump), x, { batch: true }), a]);
  });
});
