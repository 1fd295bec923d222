import { describe, expect, it } from "vitest";
import { jacobian } from "../../src/core/index.js";
import { jacobian as jacobianAsync } from "../../src/core/async/index.js";
import { float32Components } from "../../src/core/jacobian-job.js";
import { float32Size } from "../../src/core/jacobian-float32.js";
import { bits } from "./jacobian-bits.js";

const R = Math.fround;

/**
 * Large float32 F (16 rows, the m ≥ 16 path) from the honesty scan's category "float32", seed 1: every
 * component rounded to float32 after adding atan of another coordinate. Truths are closed forms.
 */
describe("a large float32 F", () => {
  it("reads a saturated row (f32(tanh(t)) = 1 at t = 11.4) as float32: 0 ± 2.5e-15, ok, was 650 times short", () => {
    const x = [0, 11.407364990317825];
    const F = (v: ArrayLike<number>): number[] =>
      Array.from({ length: 16 }, (_, k) =>
        k === 0
          ? R(Math.tanh(R(v[1])) + Math.atan(v[0]))
          : R(Math.cos(v[k % 2] * (1 + k / 16)) + Math.atan(v[(k + 1) % 2])),
      );
    const r = jacobian(F, x);
    const truth = 1 / Math.cosh(x[1]) ** 2; // 4.94e-10, below one float32 step of 1 over any sane h
    expect(F(x)[0]).toBe(1);
    expect(r.error[0][1]).toBeGreaterThanOrEqual(Math.abs(r.value[0][1] - truth));
    // The float32 step its equal values may hide, 2⁻²⁴/h at the column's step: not more than 1e-5.
    expect(r.error[0][1]).toBeLessThan(1e-5);
    expect(Math.abs(r.value[0][0] - 1)).toBeLessThanOrEqual(r.error[0][0]);
  });

  it("reads the rounding of its values beside x where F_k(x) is tiny (1.00000002 ± 1.1e-11 for 1 before)", () => {
    const x = [-11560.89760177516, 0];
    const F = (v: ArrayLike<number>): number[] =>
      Array.from({ length: 16 }, (_, k) => R((1 + k / 16) / (1 + v[0] * v[0]) + Math.atan(v[1])));
    const r = jacobian(F, x);
    for (let k = 0; k < 16; k++) {
      expect(r.error[k][1]).toBeGreaterThanOrEqual(Math.abs(r.value[k][1] - 1));
      // derivative()'s pipeline along x₁ measures the rounding as noise: up to 0.05 (row 4) on main too.
      expect(r.error[k][1]).toBeLessThan(0.1);
    }
    // Rows 0 and 2 were 1.1e-11 and 7.0e-11 for a true error of 2e-8: now the rounding's 6.0e-8.
    expect(r.error[0][1]).toBeLessThan(1e-6);
    expect(r.error[2][1]).toBeLessThan(1e-6);
  });

  it("holds its entries to the rounding of values and float32 inputs through the tableau (7.1e-7 for 1.4e-6 before)", () => {
    const x = [-0.0010188799942798987, -48.7123923796472];
    const F = (v: ArrayLike<number>): number[] =>
      Array.from({ length: 16 }, (_, k) => R(Math.sin(R(v[1])) * (1 + k / 64) + Math.atan(v[0])));
    const r = jacobian(F, x);
    for (let k = 0; k < 16; k++) {
      const truth = (1 + k / 64) * Math.cos(x[1]);
      expect(r.error[k][1]).toBeGreaterThanOrEqual(Math.abs(r.value[k][1] - truth));
      expect(r.error[k][1]).toBeLessThan(1e-4);
    }
    expect(bits(jacobian(F, x))).toBe(bits(r));
  });

  it("gives the async Jacobian the same bits", async () => {
    const x = [0, 11.407364990317825];
    const F = (v: ArrayLike<number>): number[] =>
      Array.from({ length: 16 }, (_, k) =>
        k === 0
          ? R(Math.tanh(R(v[1])) + Math.atan(v[0]))
          : R(Math.cos(v[k % 2] * (1 + k / 16)) + Math.atan(v[0])),
      );
    expect(bits(await jacobianAsync(async (v: Float64Array) => F(v), x))).toBe(bits(jacobian(F, x)));
  });
});

describe("float32Components", () => {
  it("reads every non-zero component as float32 where all are float32 numbers and one is a float32 result", () => {
    const c = Float64Array.of(R(0.1), -1, 0.5, 0);
    expect(Array.from(float32Components(c) ?? [])).toEqual([1, 1, 1, 0]);
  });

  it("leaves short numbers alone beside a double component, and gives null without a float32 result", () => {
    expect(Array.from(float32Components(Float64Array.of(R(0.1), -1, 0.1)) ?? [])).toEqual([1, 0, 0]);
    expect(float32Components(Float64Array.of(-1, 0.5, 2))).toBeNull();
  });
});

describe("float32Size", () => {
  it("takes |J|·hⁿ where it exceeds |F_k(x)|", () => {
    expect(float32Size(7.5e-9, 1, 0.0039, 1)).toBe(0.0039);
    expect(float32Size(-0.5, 1, 0.0039, 1)).toBe(-0.5);
    expect(float32Size(0, 2, 0.5, 2)).toBe(0.5);
  });
});
