import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { GRID_EXCESS, GRID_MIN_BITS, valueResolution } from "../../src/core/noise.js";
import { gridOrPlain, longOrUnit } from "../../src/core/grid-choice.js";

// Truths are closed forms of the exact function at the double x (f32 rounding is the "noise"): the
// honesty scan's truths (bench/honesty/bases.ts). Each case gave status "ok" with an error far below the
// true one before f's grid counted (the value and error it gave are in the test's name).
const f32 = Math.fround;
const sech2 = (t: number): number => 1 / Math.cosh(t) ** 2;

describe("values on a grid coarser than double rounding (a float32 f, a cancellation): honest first derivatives", () => {
  const cases: [string, (t: number) => number, number, number][] = [
    [
      "f32(cos(f32 t)) at 71847.43, was 0 ± 3e-10",
      (t) => f32(Math.cos(f32(t))),
      71847.4296875,
      -Math.sin(71847.4296875),
    ],
    [
      "f32(atan(f32 t)) at 2625.66, was 0 ± 4.5e-14",
      (t) => f32(Math.atan(f32(t))),
      2625.657776684522,
      1 / (1 + 2625.657776684522 ** 2),
    ],
    [
      "f32(atan(f32 t)) at −43.95, was 0.000518799 ± 6.6e-14",
      (t) => f32(Math.atan(f32(t))),
      -43.9492301940918,
      1 / (1 + 43.9492301940918 ** 2),
    ],
    [
      "f32(tanh t) at −9.72, was 0 ± 2.9e-15",
      (t) => f32(Math.tanh(t)),
      -9.723199598212656,
      sech2(-9.723199598212656),
    ],
    [
      "tanh t − 0.99999999991 at 22.2, was 0 ± 1.1e-25",
      (t) => Math.tanh(t) - 0.9999999999118226,
      22.197814121540745,
      sech2(22.197814121540745),
    ],
    [
      "atan t + 1.5684 at −421.3, was 0 ± 2.2e-8",
      (t) => Math.atan(t) - -1.5684198579351147,
      -421.2886841766479,
      1 / (1 + 421.2886841766479 ** 2),
    ],
    [
      "eᵗ − 0.9986 at −0.0014, was 0.998599 ± 8.4e-16",
      (t) => Math.exp(t) - 0.9985971130047597,
      -0.001402433285095824,
      Math.exp(-0.001402433285095824),
    ],
  ];
  for (const [name, f, x, truth] of cases) {
    it(`${name}: noise-limited, the error covers the truth, the grid's level in noise`, () => {
      const r = derivative(f, x);
      expect(r.status).toBe("noise-limited");
      // The truth's own rounding (a few ulps of it) is far below every error here.
      expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
      expect(r.noise).toBeGreaterThan(0);
    });
  }

  it("where the grid's noise allows it, the value has the digits the grid leaves (f32 atan at 2625.66: 10%)", () => {
    const truth = 1 / (1 + 2625.657776684522 ** 2);
    const r = derivative((t) => f32(Math.atan(f32(t))), 2625.657776684522);
    expect(Math.abs(r.value - truth)).toBeLessThan(0.1 * truth);
    expect(r.error).toBeLessThan(0.1 * truth);
  });

  it("a flat f below its grid at every step tried admits the slope one grid step hides (tanh t − c at 22.2)", () => {
    // tanh t rounds to 1 from t ≈ 19 on: f is 1 − c at every point; its grid is tanh's, 2⁻⁵³.
    const r = derivative((t) => Math.tanh(t) - 0.9999999999118226, 22.197814121540745);
    expect(r.value).toBe(0);
    expect(r.noise).toBe(2 ** -53);
    expect(r.error).toBeGreaterThanOrEqual(2 ** -53 / (2 * r.step));
  });

  it("a float32 f of a float32 x is a staircase the tables spaced by its treads miss: f32(sin(f32 t)) at −12168.46", () => {
    // The tables at spacing 2⁻¹⁰ (x's float32 grid) saw 1.8e-8; the result was −0.482132 ± 4e-5 where
    // f′ = cos x = −0.481815 (f rounds x to float32: f′ at x's float32 neighbours, 3e-4 away).
    const x = -12168.456419434686;
    const r = derivative((t) => f32(Math.sin(f32(t))), x);
    expect(r.status).toBe("noise-limited");
    expect(Math.abs(r.value - Math.cos(x))).toBeLessThanOrEqual(r.error);
    expect(r.noise).toBeGreaterThan(1e-4);
  });

  it("the grid's run from steps longer than ALIAS_STEP is held against the unit scale: f32(sin(f32 t)) at 91548.28", () => {
    // With the grid's noise the unit scale's error (1.3) no longer beat the aliased long steps'
    // (0.00096 ± 3.2e-5 from steps of 358); f′ = cos x = −0.6446.
    const x = 91548.28125;
    const r = derivative((t) => f32(Math.sin(f32(t))), x);
    expect(Math.abs(r.value - Math.cos(x))).toBeLessThanOrEqual(r.error);
    expect(r.step).toBeLessThan(1);
  });

  // Exact arithmetic at dyadic points is not a grid (t·|t| at 0, the Huber loss at 1 stay ok): honest.test.ts.

  it("a smooth double f does not pay: eᵗ at 1 takes 10 calls, as before, and gives no noise", () => {
    const r = derivative(Math.exp, 1);
    expect(r.evaluations).toBe(10);
    expect(r.status).toBe("ok");
    expect(r.noise).toBeUndefined();
    expect(Math.abs(r.value - Math.E)).toBeLessThanOrEqual(r.error);
  });
});

describe("valueResolution (noise.ts): the grid a table's last bits show", () => {
  it("float32 values lie on float32's grid; a cancellation's small values on the grid of its parts", () => {
    expect(GRID_EXCESS).toBe(16);
    const v = Float64Array.from([0.7, 0.71, 0.72], (t) => f32(t));
    expect(valueResolution(v)).toBe(2 ** -24);
    // cos t − c, values near 1e-3 on cos's grid 2⁻⁵³ (their own ulps are 2⁻⁶²).
    const c = Math.cos(3);
    const w = Float64Array.from([3.001, 3.002, 3.003], (t) => Math.cos(t) - c);
    expect(valueResolution(w)).toBeGreaterThanOrEqual(2 ** -53);
    expect(valueResolution(w)).toBeLessThan(1e-15);
  });

  it("double values and round values tell no grid", () => {
    expect(GRID_MIN_BITS).toBe(12);
    expect(valueResolution(Float64Array.of(0.7, 0.71, Math.PI))).toBe(0);
    expect(valueResolution(Float64Array.of(-1, -1, -1, 0.5))).toBe(0);
    expect(valueResolution(Float64Array.of(0, NaN, Infinity))).toBe(0);
  });
});

describe("gridOrPlain (grid-choice.ts)", () => {
  const est = (value: number, error: number, step: number) =>
    ({ value, error, step, kind: "central", flags: 0, noisyStep: NaN }) as const;

  it("takes the grid's run where the plain one is flat, has no error, or agrees with it", () => {
    const grid = est(1.45e-7, 1.3e-8, 41);
    expect(gridOrPlain(grid, est(0, 4.5e-14, 0.0156), 1.2e-7, 1)).toBe(grid);
    expect(gridOrPlain(grid, est(1e-7, NaN, 0.0156), 1.2e-7, 1)).toBe(grid);
    expect(gridOrPlain(grid, est(1.4e-7, 1e-9, 0.0156), 1.2e-7, 1)).toBe(grid);
  });

  it("where they disagree, keeps the smaller steps, the plain run with the grid's noise share added", () => {
    // f32(sin(f32 t)) at −91812: the grid's run from steps of 358 aliased sin (−0.0012), the plain one
    // from 0.0078 had −0.834, f′ = −0.836.
    const grid = est(-0.0012, 9.3e-5, 358);
    const plain = est(-0.834, 1.4e-5, 0.0078125);
    const kept = gridOrPlain(grid, plain, 0.0065, 1);
    expect(kept.value).toBe(-0.834);
    // NOISE_COVERAGE·ε·Σ|w|/h = 3·0.0065·1/0.0078125 ≈ 2.5
    expect(kept.error).toBeCloseTo(1.4e-5 + (3 * 0.0065) / 0.0078125, 6);
    expect(gridOrPlain(est(0.5, 1e-3, 0.01), est(0.9, 1e-3, 0.1), 1e-4, 1).value).toBe(0.5);
  });
});

describe("longOrUnit (grid-choice.ts)", () => {
  const est = (value: number, error: number, step: number) =>
    ({ value, error, step, kind: "central", flags: 0, noisyStep: NaN }) as const;

  it("keeps the long steps where the unit scale is flat or within their error, else the unit scale", () => {
    const long = est(1.45e-7, 1.3e-8, 41);
    expect(longOrUnit(long, est(0, 2.3e-5, 0.0156))).toBe(long);
    expect(longOrUnit(long, est(1.4e-7, 2.3e-5, 0.0156))).toBe(long);
    const unit = est(-0.645, 1.3, 0.0078);
    expect(longOrUnit(est(0.00096, 3.2e-5, 358), unit)).toBe(unit);
  });
});
