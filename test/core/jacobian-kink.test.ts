import { describe, expect, it } from "vitest";
import { jacobian } from "../../src/core/index.js";
import { jacobian as jacobianAsync } from "../../src/core/async/index.js";
import { jacobianViaGeneral } from "../../src/core/jacobian.js";

const relu = (t: number): number => Math.max(0, t);
/** Entries at a kink: ReLU and |·| at 0, and a kink of x1 beside a curved part; smooth ones beside. */
const F = (x: Float64Array): number[] => [
  relu(x[0]) + x[1] * x[1],
  Math.abs(x[1] - 0.5) + Math.exp(x[0]),
  x[0] * x[1],
];
const x = [0, 0.5];
const NOT_DIFFERENTIABLE = 3;

/** Every value, error and status, bit for bit. */
const bits = (r: { value: Float64Array[]; error: Float64Array[]; statuses: Uint8Array[] }): string =>
  JSON.stringify([r.value, r.error, r.statuses].map((m) => m.map((row) => Array.from(row, String))));

describe("Jacobian entries at a kink (jacobian-sides.ts)", () => {
  it("are not differentiable, with an error that holds both one-sided slopes (before: ReLU′(0) = 0.5 ± 4e-16, ok)", () => {
    const r = jacobian(F, x);
    expect(r.statuses[0][0]).toBe(NOT_DIFFERENTIABLE);
    expect(Math.abs(r.value[0][0] - 0)).toBeLessThanOrEqual(r.error[0][0]); // left slope 0
    expect(Math.abs(r.value[0][0] - 1)).toBeLessThanOrEqual(r.error[0][0]); // right slope 1
    expect(r.statuses[1][1]).toBe(NOT_DIFFERENTIABLE);
    expect(Math.abs(r.value[1][1] + 1)).toBeLessThanOrEqual(r.error[1][1]);
    expect(Math.abs(r.value[1][1] - 1)).toBeLessThanOrEqual(r.error[1][1]);
    expect(r.status).toBe("not-differentiable");
    // The smooth entries keep their status and accuracy.
    expect(r.statuses[0][1]).toBe(0);
    expect(Math.abs(r.value[0][1] - 1)).toBeLessThan(1e-12);
    expect(r.statuses[2][0]).toBe(0);
    expect(Math.abs(r.value[2][0] - 0.5)).toBeLessThan(1e-12);
  });

  it("give the same bits on the common path, the general path, batched and async", async () => {
    const want = bits(jacobian(F, x));
    expect(bits(jacobianViaGeneral(F, x))).toBe(want);
    const batched = jacobian(
      (b: Float64Array) => Array.from({ length: b.length / 2 }, (_, r) => F(b.subarray(2 * r, 2 * r + 2))),
      x,
      { batch: true },
    );
    expect(bits(batched)).toBe(want);
    expect(bits(await jacobianAsync(async (v: Float64Array) => F(v), x, { concurrency: 3 }))).toBe(want);
  });

  it("are flagged in a Jacobian of 16 components or more (the screened columns) too", () => {
    const G = (v: Float64Array): number[] =>
      Array.from({ length: 20 }, (_, i) => (i === 7 ? relu(v[0]) : v[0] * i + v[1]));
    const r = jacobian(G, [0, 1]);
    expect(r.statuses[7][0]).toBe(NOT_DIFFERENTIABLE);
    expect(r.error[7][0]).toBeGreaterThanOrEqual(0.5);
    expect(r.statuses[3][0]).toBe(0);
    expect(Math.abs(r.value[3][0] - 3)).toBeLessThan(1e-12);
  });

  it("a smooth F's entries stay ok and accurate", () => {
    const S = (v: Float64Array): number[] => [Math.sin(v[0]) * v[1], v[0] ** 3];
    const r = jacobian(S, [0.3, 2]);
    expect(r.status).toBe("ok");
    expect(r.statuses.every((row) => row.every((c) => c === 0))).toBe(true);
    expect(Math.abs(r.value[0][0] - 2 * Math.cos(0.3))).toBeLessThan(1e-12);
  });
});

describe("a kink that curvature hides from three rows, in a Jacobian entry (KINK_CLEAN_ROWS)", () => {
  it("is flagged not-differentiable, as derivative() flags it (before: 0.00103947 ± 4.8e-14, ok)", () => {
    const a = 0.0020789467529281915;
    const F = (x: ArrayLike<number>) => [
      Math.atan(x[0]) + Math.atan(x[1]),
      Math.cos(x[1]) + a * Math.max(0, x[1]),
    ];
    const r = jacobian(F, [-0.002344049773629695, 0]);
    expect(r.statuses[1][1]).toBe(3); // "not-differentiable"
    // The interval holds both one-sided slopes, 0 and a.
    expect(Math.abs(r.value[1][1] - 0)).toBeLessThanOrEqual(r.error[1][1]);
    expect(Math.abs(r.value[1][1] - a)).toBeLessThanOrEqual(r.error[1][1]);
    // The smooth entries beside it stay ok.
    expect(r.statuses[0][0]).toBe(0);
    expect(r.statuses[0][1]).toBe(0);
  });
});

describe("a row infinite at x (a pole of F_k at x)", () => {
  it("has no derivative along any x_j: every entry of the row is NaN, ∞, not-finite (before: 0 ± 1.6e-10, ok)", () => {
    const r = jacobian((x) => [1 / (x[0] * x[0]), x[1]], [0, 1]);
    expect(Array.from(r.statuses[0])).toEqual([5, 5]);
    expect(r.value[0][0]).toBeNaN();
    expect(r.error[0][0]).toBe(Infinity);
    // The other row is untouched.
    expect(Array.from(r.statuses[1])).toEqual([0, 0]);
    expect(Math.abs(r.value[1][1] - 1)).toBeLessThanOrEqual(r.error[1][1]);
    expect(r.status).toBe("not-finite");
  });

  it("the same through the async Jacobian", async () => {
    const r = await jacobianAsync(async (x: Float64Array) => [1 / (x[0] * x[0]), x[1]], [0, 1]);
    expect(Array.from(r.statuses[0])).toEqual([5, 5]);
  });
});
