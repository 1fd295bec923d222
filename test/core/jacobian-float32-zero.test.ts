import { describe, expect, it } from "vitest";
import { jacobian } from "../../src/core/index.js";
import { expectLoopsAgree } from "./jacobian-bits.js";

const R = Math.fround;

/**
 * The honesty scan's small float32 Jacobian (bench/honesty/vector-apis.ts, seed 1, category "float32"):
 * F_i = f32(f32(g_i(f32(x_{i mod 4}))) + atan(x_{(i+1) mod 4})) at x = [0.0214…, 1, 0, 0]. Row 2,
 * f32(x₂³ − 2x₂) + atan(x₃), is exactly 0 at x: no bits tell that it is float32, and at x₃ = 0 its
 * rounding is the same fraction of its value at every step the column halves to. Entry [2][3]
 * (atan′(0) = 1) gave 1.0000000198682149 ± 8.4e-16, status ok.
 */
const g = [
  Math.exp,
  Math.sin,
  (t: number) => t * t * t - 2 * t,
  Math.exp,
  Math.exp,
  (t: number) => t * t * t - 2 * t,
];
const F = (x: ArrayLike<number>): number[] =>
  g.map((gi, i) => R(R(gi(R(x[i % 4]))) + Math.atan(x[(i + 1) % 4])));
const x = [0.02140265729888225, 1, 0, 0];

/** F batched: a row-major block of points in, one result per point out. */
const batched = (b: Float64Array): number[][] =>
  Array.from({ length: b.length / 4 }, (_, r) => F(b.slice(4 * r, 4 * r + 4)));

describe("a float32 F's component that is exactly 0 at x", () => {
  it("is read as float32 and computed again: its error covers the truth (atan′(0) = 1)", () => {
    const r = jacobian(F, x);
    const e = r.error[2][3];
    // Float32 rounding of values about h at x₃ = 0 is 2⁻²⁴ of them: 6e-8 of the slope at any step.
    expect(Math.abs(r.value[2][3] - 1)).toBeLessThanOrEqual(e);
    expect(e).toBeGreaterThan(1e-8);
    expect(e).toBeLessThan(1e-6);
  });

  it("gives the same bits on the common path, the general path, batched and async", async () => {
    await expectLoopsAgree(F, batched, x);
  });
});
