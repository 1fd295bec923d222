import { describe, expect, it } from "vitest";
import { jacobian, STATUSES } from "../../src/core/index.js";
import { jacobian as jacobianAsync } from "../../src/core/async/index.js";
import { jacobianViaGeneral } from "../../src/core/jacobian.js";
import { bits } from "./jacobian-bits.js";

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

  it("gives the same bits on the sync, general, batched and async loops", async () => {
    for (const [F, x] of [
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
      expect(bits(await jacobianAsync((v: Float64Array) => Promise.resolve(F(v)), x))).toBe(sync);
    }
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
