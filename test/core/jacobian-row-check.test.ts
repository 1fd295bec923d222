import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jacobian, STATUSES } from "../../src/core/index.js";
import { jacobian as jacobianAsync } from "../../src/core/async/index.js";
import { jacobianViaGeneral } from "../../src/core/jacobian.js";
import { bits } from "./jacobian-bits.js";
import { later } from "./out-of-order.js";

/**
 * The row check of a large F (row-check.ts): after its columns, each row's change along the noise
 * tables' direction against the columns' slopes; a row that misses has its entries computed again
 * by derivative()'s pipeline. Examples from the honesty scan (bench/honesty-scan.ts, "jacobian m >= 16"),
 * truths in closed form: atan′(t) = 1/(1 + t²).
 */
const atanPrime = (t: number): number => 1 / (1 + t * t);

/** |value − truth| ≤ error for entry (i, j), and a status that claims a number. */
function covers(
  r: { value: Float64Array[]; error: Float64Array[]; statuses: Uint8Array[] },
  i: number,
  j: number,
  truth: number,
): void {
  expect(Math.abs(r.value[i][j] - truth)).toBeLessThanOrEqual(r.error[i][j]);
  expect(["ok", "noise-limited"]).toContain(STATUSES[r.statuses[i][j]]);
}

/** The scan's smooth 16 × 3 F (seed 1, case 248): row 14 is atan(x₂) + atan(x₀), which cancel to −0.0025. */
const smooth = (x: ArrayLike<number>): number[] => [
  Math.atan(x[0]) + Math.atan(x[1]),
  x[1] * x[1] * x[1] - 2 * x[1] + Math.atan(x[2]),
  Math.tanh(x[2]) + Math.atan(x[0]),
  Math.cos(x[0]) + Math.atan(x[1]),
  Math.sqrt(x[1]) + Math.atan(x[2]),
  Math.log(x[2]) + Math.atan(x[0]),
  1 / (1 + x[0] * x[0]) + Math.atan(x[1]),
  Math.log(x[1]) + Math.atan(x[2]),
  x[2] * x[2] * x[2] - 2 * x[2] + Math.atan(x[0]),
  Math.sin(x[0]) + Math.atan(x[1]),
  Math.sqrt(x[1]) + Math.atan(x[2]),
  Math.sqrt(x[2]) + Math.atan(x[0]),
  Math.tanh(x[0]) + Math.atan(x[1]),
  Math.sin(x[1]) + Math.atan(x[2]),
  Math.atan(x[2]) + Math.atan(x[0]),
  Math.cos(x[0]) + Math.atan(x[1]),
];
const smoothX = [-277.10625262358514, 0.010750546532503485, 164.1996223663563];

/** 16 rows; row 14 is atan(x₂) − 1.5706781645326022 + atan(x₀), 1.3e-10 at x (the scan's cancellation, case 3). */
const cancelling = (x: ArrayLike<number>): number[] =>
  Array.from({ length: 16 }, (_, k) =>
    k === 14 ? Math.atan(x[2]) - 1.5706781645326022 + Math.atan(x[0]) : Math.atan(x[0]) + Math.sin(x[1]),
  );
const cancellingX = [0, 0, 8462.947986645871];

/**
 * The scan's kink-at F (seed 1, case 101): 21 rows with kinks at x in x₀ = 11758.2 or x₁ = 26863.8.
 * Row 14 is cos(x₀) − 0.01356·max(0, x₀ − a) + atan(x₁) with a = x₀: left slope −sin a, right
 * −sin a − 0.01356.
 */
const kinked = (x: ArrayLike<number>): number[] => [
  ((t) => Math.log(t) + 0.6767601921603246 * ((u) => Math.max(0, u))(t - 11758.237097531815))(x[0]) +
    Math.atan(x[1]),
  ((t) => Math.atan(t) + 0.0025830907828253025 * ((u) => Math.max(0, u))(t - 26863.804291016702))(x[1]) +
    Math.atan(x[0]),
  ((t) => Math.cos(t) + -0.0015077576351112123 * ((u) => Math.max(0, u))(t - 11758.237097531815))(x[0]) +
    Math.atan(x[1]),
  ((t) => Math.tanh(t) + 0.9630359114200294 * ((u) => Math.max(0, u))(t - 26863.804291016702))(x[1]) +
    Math.atan(x[0]),
  ((t) => Math.tanh(t) + 0.0056593076693931006 * ((u) => Math.abs(u))(t - 11758.237097531815))(x[0]) +
    Math.atan(x[1]),
  ((t) => Math.tanh(t) + 0.01219542591668563 * ((u) => Math.max(0, u))(t - 26863.804291016702))(x[1]) +
    Math.atan(x[0]),
  ((t) => t * t * t - 2 * t + 148151379.69839963 * ((u) => Math.max(0, u))(t - 11758.237097531815))(x[0]) +
    Math.atan(x[1]),
  ((t) => Math.sin(t) + 0.845690520418931 * ((u) => Math.max(0, u))(t - 26863.804291016702))(x[1]) +
    Math.atan(x[0]),
  ((t) => Math.tanh(t) + 0.006705569961646336 * ((u) => Math.max(0, u))(t - 11758.237097531815))(x[0]) +
    Math.atan(x[1]),
  ((t) => Math.log(t) + -0.02305148098294548 * ((u) => Math.max(0, u))(t - 26863.804291016702))(x[1]) +
    Math.atan(x[0]),
  ((t) => Math.sin(t) + 0.0013052710407532161 * ((u) => Math.abs(u))(t - 11758.237097531815))(x[0]) +
    Math.atan(x[1]),
  ((t) => Math.log(t) + 0.90063797627537 * ((u) => Math.abs(u))(t - 26863.804291016702))(x[1]) +
    Math.atan(x[0]),
  ((t) => Math.log(t) + 0.12264161406164192 * ((u) => Math.abs(u))(t - 11758.237097531815))(x[0]) +
    Math.atan(x[1]),
  ((t) => Math.log(t) + 0.011417546248386196 * ((u) => Math.max(0, u))(t - 26863.804291016702))(x[1]) +
    Math.atan(x[0]),
  ((t) => Math.cos(t) + -0.013560242313449681 * ((u) => Math.max(0, u))(t - 11758.237097531815))(x[0]) +
    Math.atan(x[1]),
  ((t) => t * t * t - 2 * t + -50608092.21176321 * ((u) => Math.abs(u))(t - 26863.804291016702))(x[1]) +
    Math.atan(x[0]),
  ((t) => Math.tanh(t) + 0.014565442341325025 * ((u) => Math.abs(u))(t - 11758.237097531815))(x[0]) +
    Math.atan(x[1]),
  ((t) => t * t * t - 2 * t + 367424162.75171816 * ((u) => Math.max(0, u))(t - 26863.804291016702))(x[1]) +
    Math.atan(x[0]),
  ((t) => 1 / (1 + t * t) + 0.11426800132942423 * ((u) => Math.max(0, u))(t - 11758.237097531815))(x[0]) +
    Math.atan(x[1]),
  ((t) => t * t * t - 2 * t + 2850784.0858189547 * ((u) => Math.abs(u))(t - 26863.804291016702))(x[1]) +
    Math.atan(x[0]),
  ((t) => Math.log(t) + 0.08138135852475677 * ((u) => Math.max(0, u))(t - 11758.237097531815))(x[0]) +
    Math.atan(x[1]),
];
const kinkedX = [11758.237097531815, 26863.804291016702];

describe("a Jacobian of 16 rows or more checks its rows against the noise tables (row-check.ts)", () => {
  it("atan(x₂) + atan(x₀) cancelling to −0.0025: ∂/∂x₂ and ∂/∂x₀ covered (before: 3.70885e-5 ± 6.7e-18, 38 times off)", () => {
    const r = jacobian(smooth, smoothX);
    covers(r, 14, 2, atanPrime(smoothX[2])); // 3.708852692185354e-5
    covers(r, 14, 0, atanPrime(smoothX[0])); // 1.3022719721240308e-5
    covers(r, 0, 0, atanPrime(smoothX[0]));
    covers(r, 2, 2, 1 - Math.tanh(smoothX[2]) ** 2);
  });

  it("atan(t) − 1.57068 at t = 8463, whose rounding falls on a line in the tables: 1.4e-8 covered (before: 0 ± 3.1e-14, ok)", () => {
    const r = jacobian(cancelling, cancellingX);
    covers(r, 14, 2, atanPrime(cancellingX[2])); // 1.3962289883112159e-8
    covers(r, 14, 0, 1);
    expect(r.error[14][2]).toBeLessThan(1e-11);
    // The rows that passed keep their entries: ∂(atan x₀ + sin x₁)/∂x₁ = cos 0 = 1.
    covers(r, 3, 1, 1);
    expect(r.error[3][1]).toBeLessThan(1e-12);
  });

  it("a kink at x in x₀ (both tables spike there): row 14 is not-differentiable or holds both slopes (before: −0.684167 ± 2.2e-13, ok)", () => {
    const r = jacobian(kinked, kinkedX);
    const left = -Math.sin(kinkedX[0]); // −0.6773870945601382
    const right = left - 0.013560242313449681; // −0.6909473368735879
    const holds = (v: number) => Math.abs(r.value[14][0] - v) <= r.error[14][0];
    const flagged = ["not-differentiable", "discontinuous"].includes(STATUSES[r.statuses[14][0]]);
    expect(flagged || (holds(left) && holds(right))).toBe(true);
    // ∂/∂x₁ of the same row is atan′(x₁), a derivative.
    covers(r, 14, 1, atanPrime(kinkedX[1]));
  });

  it("a kink at x that Moré and Wild's test reads as noise (one second difference at x): flagged (before: −0.831619 ± 2.2e-8, noise-limited)", () => {
    // The scan's kink-at case 49, row 4, in an F of 16 rows: cos(x₁) + 0.00115·max(0, x₁ − a) at a = x₁.
    const a = 308.85913663878387;
    const F = (x: ArrayLike<number>): number[] =>
      Array.from({ length: 16 }, (_, i) =>
        i === 4
          ? Math.cos(x[1]) + 0.00115471110802113 * Math.max(0, x[1] - a) + Math.atan(x[2])
          : Math.sin(x[i % 3] * (1 + i / 10)) + Math.atan(x[(i + 1) % 3]),
      );
    const r = jacobian(F, [-0.1835064997816429, a, -1]);
    const left = -Math.sin(a); // −0.8321960761563152
    const right = left + 0.00115471110802113; // −0.8310413650482941
    const holds = (v: number) => Math.abs(r.value[4][1] - v) <= r.error[4][1];
    const flagged = ["not-differentiable", "discontinuous"].includes(STATUSES[r.statuses[4][1]]);
    expect(flagged || (holds(left) && holds(right))).toBe(true);
  });

  it("gives the same bits on the sync, general, batched and async loops", async () => {
    for (const [F, x] of [
      [kinked, kinkedX],
      [cancelling, cancellingX],
      [smooth, smoothX],
    ] as const) {
      const sync = bits(jacobian(F, x));
      expect(bits(jacobianViaGeneral(F, x))).toBe(sync);
      const batched = (b: Float64Array) =>
        Array.from({ length: b.length / x.length }, (_, p) =>
          F(b.subarray(p * x.length, (p + 1) * x.length)),
        );
      expect(bits(jacobian(batched, x, { batch: true }))).toBe(sync);
      expect(
        bits(await jacobianAsync((v: Float64Array) => Promise.resolve(F(v)), x, { concurrency: 3 })),
      ).toBe(sync);
      expect(
        bits(await jacobianAsync((b: Float64Array) => Promise.resolve(batched(b)), x, { batch: true })),
      ).toBe(sync);
    }
  });

  it("the loops give the same bits on random large F whose rows cancel, kink or jump (fast-check)", async () => {
    const CASE = fc.record({
      c: fc.double({ min: 1.5, max: 1.5707, noNaN: true }),
      t: fc.double({ min: 100, max: 1e5, noNaN: true }),
      kink: fc.double({ min: -1e-6, max: 1e-6, noNaN: true }),
      rows: fc.integer({ min: 16, max: 20 }),
    });
    await fc.assert(
      fc.asyncProperty(CASE, async (k) => {
        const F = (x: ArrayLike<number>): number[] =>
          Array.from({ length: k.rows }, (_, i) =>
            i % 5 === 0
              ? Math.atan(x[1]) - k.c + Math.atan(x[0])
              : i % 5 === 1
                ? Math.cos(x[0]) + 0.01 * Math.abs(x[0] - k.t - k.kink) + Math.atan(x[1])
                : i % 5 === 2
                  ? Math.sin(x[1]) + (x[1] >= k.kink ? 1e-3 : 0)
                  : Math.sin(x[i % 2] * (1 + i / 10)) + Math.atan(x[(i + 1) % 2]),
          );
        const x = [k.t, 0];
        const want = bits(jacobian(F, x));
        const batched = (b: Float64Array) =>
          Array.from({ length: b.length / 2 }, (_, p) => F(b.subarray(2 * p, 2 * p + 2)));
        expect(bits(jacobian(batched, x, { batch: true }))).toBe(want);
        expect(bits(await jacobianAsync(later(F, 3), x, { concurrency: 3 }))).toBe(want);
        expect(bits(await jacobianAsync(later(batched, 5), x, { batch: true }))).toBe(want);
      }),
      { numRuns: 12, seed: 10 },
    );
  });

  it("leaves a smooth large F's calls alone: no second pass", () => {
    const F = (x: ArrayLike<number>): number[] =>
      Array.from(
        { length: 16 },
        (_, k) => Math.sin((k + 1) * x[0]) + Math.exp(x[1] / (k + 1)) + x[2] * x[3] * k,
      );
    const once = jacobian(F, [0.3, -0.7, 1.1, 2]);
    // 1 + 16 for the tables + the columns; a second pass would run every column again.
    expect(once.evaluations).toBeLessThan(17 + 4 * 40);
    expect(once.status).toBe("ok");
  });
});
