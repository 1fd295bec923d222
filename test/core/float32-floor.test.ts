import { describe, expect, it } from "vitest";
import { derivative, jacobian } from "../../src/core/index.js";
import {
  float32Floor,
  float32HalfStep,
  float32TableauGain,
  readsDoubleArgument,
  stencilSlope,
} from "../../src/core/float32-floor.js";
import { FLOAT32_TABLEAU_GAIN } from "../../src/core/jacobian-float32.js";
import { inputRoundingError } from "../../src/core/float32-input.js";
import { differenceGrid, termGrid } from "../../src/core/difference-grid.js";

// A float32 f's error floor (float32-floor.ts): its values' rounding and its rounded argument's move,
// through the tableau; the move's g″ where the noise check called one side only (float32-input.ts);
// a flat f′ on a coarse grid judged at steps of ALIAS_STEP at most (settle-noise.ts); a cancelled
// float32 term's grid read from f's differences (difference-grid.ts).

const f32 = Math.fround;
const inner = (g: (t: number) => number) => (t: number) => f32(g(f32(t)));

describe("a float32 f's error floor", () => {
  it("f32(eᵗ) with a rounded argument at 30.39: the argument's move is covered (was ± 4.7e7, 1.3e8 off)", () => {
    const x = 30.386581420898438;
    const r = derivative(inner(Math.exp), x);
    expect(r.status).toBe("noise-limited");
    expect(Math.abs(r.value - Math.exp(x))).toBeLessThanOrEqual(r.error);
    expect(r.error / Math.exp(x)).toBeLessThan(1e-4); // 2.7e8 of 1.57e13: some five digits stand
  });

  it("f32(sin) and f32(cos) with rounded arguments at float32 x, order 1", () => {
    for (const [g, d, x] of [
      [Math.sin, Math.cos, -19.44662857055664],
      [Math.cos, (t: number) => -Math.sin(t), 102.7090835571289],
    ] as const) {
      const r = derivative(inner(g), x);
      expect(Math.abs(r.value - d(x))).toBeLessThanOrEqual(r.error);
      expect(r.error).toBeLessThan(1e-3);
    }
  });

  it("f32(eᵗ) at orders 3 and 4, at a float32 x and a double x: the error covers the truth", () => {
    for (const [x, order] of [
      [-16.926206588745117, 3],
      [9.152080535888672, 3],
      [-33.155081427920486, 3],
      [-33.155081427920486, 4],
      [-31.785224461443125, 4],
    ] as const) {
      const r = derivative(inner(Math.exp), x, { order });
      expect(Math.abs(r.value - Math.exp(x))).toBeLessThanOrEqual(r.error);
      expect(r.error / Math.exp(x)).toBeLessThan(0.05);
    }
  });

  it("f32(sin(f32 t)) + atan 4 at 83745.25, steps of its float32 step: g″·δ is covered (was ± 3.0e-4, 4.9e-4 off)", () => {
    const x = 83745.25266410092;
    const c = Math.atan(4);
    const r = derivative((t) => f32(f32(Math.sin(f32(t))) + c), x);
    expect(Math.abs(r.value - Math.cos(x))).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(0.01);
  });

  it("f32(sin t + 2.4e8) at −87747.5, below its grid of 16: 0 with an error that holds f′ = −0.955 (was ± 0.018)", () => {
    const x = -87747.52389382588;
    const big = f32(620.5216072420646 ** 3 - 2 * 620.5216072420646);
    const r = derivative((t) => f32(f32(Math.sin(t)) + big), x);
    expect(r.status).toBe("noise-limited");
    expect(Math.abs(r.value - Math.cos(x))).toBeLessThanOrEqual(r.error);
  });

  it("f32(f32(atan(f32 t)) + atan 51393.8) at −6647.95: the cancelled term's grid, 2⁻²³, is the noise (was 0 ± 2.8e-9)", () => {
    const x = -6647.9462890625;
    const b = Math.atan(51393.82817356683);
    const r = derivative((t) => f32(f32(Math.atan(f32(t))) + b), x);
    const truth = 1 / (1 + x * x);
    expect(r.status).toBe("noise-limited");
    expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(0.5 * truth); // a digit: 2.23e-8 ± 5.5e-9 for 2.26e-8
  });

  it("f32(f32(atan t) + atan(−8233)) at 6631.7, a flat zero: the term's grid, read in f(x)'s binade (was 0 ± 3.5e-10)", () => {
    const x = 6631.702648987023;
    const b = Math.atan(-8232.997023214344);
    const r = derivative((t) => f32(f32(Math.atan(t)) + b), x);
    const truth = 1 / (1 + x * x);
    expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(0.5 * truth);
  });

  it("a large Jacobian's float32 row f32(f32(cos t) + atan y) at t = −0.00237: the cos term's grid is rechecked (was ± 2.7e-7, 3.9e-7 off)", () => {
    const x = [-0.0023654981050640345, -1.5995312455925146];
    const F = (v: ArrayLike<number>) =>
      Array.from({ length: 24 }, (_, k) => f32(f32(Math.cos(v[k % 2])) + Math.atan(v[(k + 1) % 2])));
    const r = jacobian(F, x);
    for (let k = 0; k < 24; k += 2) {
      expect(Math.abs(r.value[k][0] + Math.sin(x[0]))).toBeLessThanOrEqual(r.error[k][0]);
      expect(r.error[k][0]).toBeLessThan(1e-4);
    }
  });

  it("f32(sin t) at 33.3, an argument read in double: no move is added (± 7.4e-6 at order 1, 2.4e-4 at 2, as before)", () => {
    const f = (t: number) => f32(Math.sin(t));
    const d1 = derivative(f, 33.3);
    expect(Math.abs(d1.value - Math.cos(33.3))).toBeLessThanOrEqual(d1.error);
    expect(d1.error).toBeLessThan(1e-5);
    const d2 = derivative(f, 33.3, { order: 2 });
    expect(Math.abs(d2.value + Math.sin(33.3))).toBeLessThanOrEqual(d2.error);
    expect(d2.error).toBeLessThan(5e-4);
  });

  it("a double f keeps its error (t³ − 2t at 1, eᵗ at 30.39)", () => {
    const cubic = derivative((t) => t * t * t - 2 * t, 1);
    expect(cubic.status).toBe("ok");
    expect(cubic.error).toBeLessThan(1e-9);
    const e = derivative(Math.exp, 30.386581420898438);
    expect(e.error / Math.exp(30.386581420898438)).toBeLessThan(1e-10);
  });
});

describe("float32-floor.ts's parts", () => {
  it("float32TableauGain: the central first order's is the Jacobian's FLOAT32_TABLEAU_GAIN", () => {
    expect(float32TableauGain(true, 1)).toBeCloseTo(FLOAT32_TABLEAU_GAIN, 12);
    expect(float32TableauGain(true, 4)).toBeCloseTo(1.483, 3);
    expect(float32TableauGain(false, 1)).toBeCloseTo(5.502, 3);
  });

  it("float32HalfStep: half of float32's step at |t|", () => {
    expect(float32HalfStep(30.39)).toBe(2 ** -20);
    expect(float32HalfStep(-1)).toBe(2 ** -24);
    expect(float32HalfStep(0)).toBe(0);
  });

  it("stencilSlope: the largest neighbouring slope plus their spread", () => {
    expect(stencilSlope((t) => t * t, 1, 0.5, [-1, 1], 2)).toBeCloseTo(3.5, 14);
    expect(stencilSlope((t) => t * t, 1, 0.5, [-1, 1], 5)).toBe(5);
  });

  it("float32Floor: gain·(2⁻²⁴·max|f| + |f′|·δ)·Σ|w|/hⁿ for float32 values, the error as given for doubles", () => {
    const f = inner(Math.exp);
    const x = 30.386581420898438;
    const h = 0.11869758367538452;
    const st = { offsets: [-1, 1], weightSum: 1 };
    const floor = float32Floor(f, x, h, st, true, 1, Math.exp(x), 1);
    const size = Math.max(f(x - h), f(x + h));
    const move = Math.exp(x) * 2 ** -20; // f32(x ± h) ≠ x ± h: half a float32 step at 30.4
    expect(floor).toBeGreaterThanOrEqual((FLOAT32_TABLEAU_GAIN * (2 ** -24 * size + move)) / h);
    expect(floor).toBeLessThan((1.2 * FLOAT32_TABLEAU_GAIN * (2 ** -24 * size + move)) / h);
    expect(float32Floor(Math.exp, x, h, st, true, 1, Math.exp(x), 1)).toBe(1);
  });

  it("inputRoundingError reads g″ from the column's rows where the check's points are one-sided", () => {
    const x = 83745.25266410092;
    const f = (t: number) => f32(f32(Math.sin(f32(t))) + Math.atan(4));
    const known = (t: number) => (t === x - 0.0399 ? NaN : f(t));
    // 2·|g″·δ| with g″ = −sin x ≈ 0.18 and δ = f32(x) − x = −0.00266
    expect(inputRoundingError(known, x, 0.0078125, 0.0399, Math.cos(x))).toBeGreaterThan(4.9e-4);
  });

  it("differenceGrid: the finest last bit of the differences from f(x) in its binade, float32 values only", () => {
    expect(differenceGrid(Float64Array.of(1.5, 1.25, 1), 1)).toBe(0.25);
    expect(differenceGrid(Float64Array.of(1.1, 1.25), 1)).toBe(0);
    expect(differenceGrid(Float64Array.of(3, 1.5), 1)).toBe(0.5); // 3 lies in another binade
    expect(differenceGrid(Float64Array.of(1.5, 1.25, 1, 0.75), 1)).toBe(0.25);
    const fx = f32(1.3e-4);
    const steps = Float64Array.of(fx + 41 * 2 ** -23, fx - 38 * 2 ** -23, fx);
    expect(differenceGrid(steps, fx)).toBe(2 ** -23);
  });

  it("termGrid: two differences' grid where it is 4 times F_k(x)'s float32 step or more", () => {
    const c = f32(-0.0122);
    expect(termGrid(c + 2 ** -24, c - 3 * 2 ** -24, c)).toBe(2 ** -24);
    expect(termGrid(c + 2 ** -33, c - 3 * 2 ** -33, c)).toBe(0); // F_k's own step, 2⁻³⁰
    expect(termGrid(-0.0122 + 2 ** -24, -0.0122, -0.0122)).toBe(0); // no float32 number
  });

  it("readsDoubleArgument: two points in one float32 cell with different values", () => {
    const t = Float64Array.of(33.3, 33.3 + 1e-7, 40);
    expect(
      readsDoubleArgument(
        t,
        t.map((u) => f32(Math.sin(u))),
      ),
    ).toBe(true);
    expect(
      readsDoubleArgument(
        t,
        t.map((u) => f32(Math.sin(f32(u)))),
      ),
    ).toBe(false);
    expect(readsDoubleArgument(t, Float64Array.of(1, NaN, 2))).toBe(false);
  });
});
