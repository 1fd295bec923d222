import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jacobian } from "../../src/core/index.js";
import { jacobian as jacobianAsync } from "../../src/core/async/index.js";
import { jacobianViaGeneral } from "../../src/core/jacobian.js";
import {
  EVEN_NOISE_RATIO,
  evenNoise,
  noiseRules,
  noiseShare,
  truncationLaw,
} from "../../src/core/even-noise.js";
import { bits } from "./jacobian-bits.js";
import { later } from "./out-of-order.js";

/**
 * The honesty scan's Jacobians (bench/honesty/vector-apis.ts, seed 1, category "smooth", m ≥ 16) whose
 * rows are small differences of large terms: atan(x₂) + atan(x₃) at x₂ = −6.9e4, x₃ = 7.6e4 is 1.4e-6,
 * each term rounds to 2.2e-16, and the column's rounding model (EPS·|F_k|) was 1e5 times too small.
 * Truths: atan′(t) = 1/(1 + t²), in double (mpmath at 30 digits agrees to 1e-16 relative:
 * 2.125961562874582e-10 and 4.311418390760966e-9).
 */
const terms: Record<string, (t: number) => number> = {
  atan: Math.atan,
  cos: Math.cos,
  sin: Math.sin,
  tanh: Math.tanh,
  exp: Math.exp,
  log: Math.log,
  runge: (t) => 1 / (1 + t * t),
  cubic: (t) => t * t * t - 2 * t,
};

/** F_i(x) = term_i(x_{i mod n}) + atan(x_{(i+1) mod n}), as the scan builds it. */
function scanF(names: string[], n: number): (x: Float64Array) => number[] {
  return (x) => names.map((name, i) => terms[name](x[i % n]) + Math.atan(x[(i + 1) % n]));
}

const atanPrime = (t: number): number => 1 / (1 + t * t);

/** 24 rows, x = [0, −0.33, −68583.9, 75686.0]: rows 10 and 22 are atan(x₂) + atan(x₃). */
const WIDE = {
  F: scanF(
    "cos runge cos runge cubic exp cubic cos tanh runge atan tanh cos tanh cos sin cubic tanh sin sin runge cubic atan tanh".split(
      " ",
    ),
    4,
  ),
  x: [0, -0.3325668032013055, -68583.9186870414, 75686.03574531202],
};

/** 22 rows, x = [−17.25, −17471.9, 15229.6]: row 4 is atan(x₁) + atan(x₂). */
const WIDE2 = {
  F: scanF(
    "atan tanh log tanh atan runge cubic cos runge cos tanh tanh atan cubic log exp cubic log exp runge log exp".split(
      " ",
    ),
    3,
  ),
  x: [-17.252368385349705, -17471.91734369106, 15229.649698007908],
};

/** F of n variables, batched: a row-major block of points in, one result per point out. */
const batched =
  (F: (x: Float64Array) => number[], n: number) =>
  (b: Float64Array): number[][] =>
    Array.from({ length: b.length / n }, (_, r) => F(b.slice(n * r, n * r + n)));

describe("Jacobian entries of rows that are small differences of large terms (m ≥ 16)", () => {
  it("atan(x₂) + atan(x₃) at −68583.9, 75686.0: entry [10][2] covers 2.125961562874582e-10 (before: 2.12594e-10 ± 5.8e-20, 30,340 times off)", () => {
    const r = jacobian(WIDE.F, WIDE.x);
    for (const row of [10, 22]) {
      const truth = atanPrime(WIDE.x[2]);
      expect(Math.abs(r.value[row][2] - truth)).toBeLessThanOrEqual(r.error[row][2]);
      // Still a derivative: 6.4e-14 here, the row's values being on π/2's grid (noise-check.ts's grid
      // level, since r6-grid; 1.8e-15 before it).
      expect(r.error[row][2]).toBeLessThan(1e-3 * truth);
      const truth3 = atanPrime(WIDE.x[3]);
      expect(Math.abs(r.value[row][3] - truth3)).toBeLessThanOrEqual(r.error[row][3]);
      expect(r.error[row][3]).toBeLessThan(1e-2 * truth3);
    }
  });

  it("atan(x₁) + atan(x₂) at −17471.9, 15229.6: entries [4][1] and [4][2] cover their truths (before: 0 ± 8e-12 and 4.31142e-9 ± 3.6e-19)", () => {
    const r = jacobian(WIDE2.F, WIDE2.x);
    for (const j of [1, 2]) {
      const truth = atanPrime(WIDE2.x[j]);
      expect(Math.abs(r.value[4][j] - truth)).toBeLessThanOrEqual(r.error[4][j]);
      expect(r.error[4][j]).toBeLessThan(1e-4 * truth); // 6.9e-14 for j = 2 (the values' grid)
    }
  });

  it("sync, batched and async give the same values, errors, statuses and calls of F", async () => {
    for (const { F, x } of [WIDE, WIDE2]) {
      const want = bits(jacobian(F, x));
      const n = x.length;
      expect(bits(jacobianViaGeneral(F, x))).toBe(want);
      expect(bits(jacobian(batched(F, n), x, { batch: true }))).toBe(want);
      expect(bits(await jacobianAsync(later(F, 3), x, { concurrency: 3 }))).toBe(want);
      expect(bits(await jacobianAsync(later(batched(F, n), 5), x, { batch: true }))).toBe(want);
    }
  });

  it("a small F (m < 16, the common path) gives the general path's bits where its rows cancel", () => {
    const CANCELLING = fc.record({
      a: fc.double({ min: 1e3, max: 1e5, noNaN: true }),
      b: fc.double({ min: 1e3, max: 1e5, noNaN: true }),
      rows: fc.integer({ min: 1, max: 6 }),
    });
    fc.assert(
      fc.property(CANCELLING, (c) => {
        const F = (x: Float64Array): number[] =>
          Array.from(
            { length: c.rows },
            (_, i) => Math.atan(x[0]) + Math.atan(x[1]) + i * Math.cos(x[i % 2]),
          );
        const x = [-c.a, c.b];
        expect(bits(jacobian(F, x))).toBe(bits(jacobianViaGeneral(F, x)));
      }),
      { numRuns: 40, seed: 6 },
    );
  });
});

describe("the noise in a column's even parts (even-noise.ts)", () => {
  const steps = [0.4, 0.2, 0.1, 0.05];

  it("σ of a smooth f is its h⁴ term: it shrinks by 16 when the steps halve", () => {
    const E = (h: number): number => Math.cosh(h); // E(h) = (f(x + h) + f(x − h))/2 of eᵗ at 0
    const s1 = evenNoise(E(steps[0]), E(steps[1]), E(steps[2]), steps[0], steps[1], steps[2]);
    const s2 = evenNoise(E(steps[1]), E(steps[2]), E(steps[3]), steps[1], steps[2], steps[3]);
    expect(s2 / s1).toBeCloseTo(1 / 16, 2);
    expect(noiseRules(s2, s1, steps[3], steps[2], 1, true, true)).toBe(false);
  });

  it("σ of values with noise ε (and no h², h⁴ terms) is about ε, and noise rules it", () => {
    const eps = 1e-12;
    const E = [1 + eps, 1 - eps, 1 + eps]; // alternating: G = (α₂ − α₁ + α₀)·ε
    const sigma = evenNoise(E[0], E[1], E[2], steps[0], steps[1], steps[2]);
    expect(sigma).toBeGreaterThan(0.5 * eps);
    expect(sigma).toBeLessThan(3 * eps);
    const [h, h1] = [steps[3], steps[2]]; // a row and the one before it
    expect(noiseRules(sigma, sigma, h, h1, 1, true, true)).toBe(true);
    expect(noiseRules(sigma, sigma / EVEN_NOISE_RATIO, h, h1, 1, true, true)).toBe(true);
    expect(noiseRules(sigma, (2 * sigma) / EVEN_NOISE_RATIO, h, h1, 1, true, true)).toBe(false); // shrank like h⁴
    expect(noiseRules(sigma, sigma, h, h1, 1, true, false)).toBe(true); // 1e-12 of f: small enough alone
    expect(noiseRules(1e-3, 1e-3, h, h1, 1, true, false)).toBe(false); // 1e-3 of f, no h⁴ law seen first
    expect(noiseRules(sigma, sigma, h, h1, 1, false, true)).toBe(false); // not settled: steps too large to tell
    expect(noiseRules(1e-17, 1e-17, h, h1, 1, true, true)).toBe(false); // within rounding of |f| = 1
  });

  it("a σ is compared with the one before it by the h⁴ law of their steps, also across scales", () => {
    expect(evenNoise(1, 1, 1, 1.6, 0.1, 0.05)).toBeNaN(); // steps that do not halve give no σ
    expect(noiseRules(1e-10, NaN, 0.05, NaN, 1, true, true)).toBe(false); // nothing to compare with
    expect(truncationLaw(1, 16, 0.5, 1)).toBe(true);
    expect(truncationLaw(1, 2, 0.5, 1)).toBe(false);
    // a probe's first σ at spacing 1/128 against the last of the scale |x| (spacing 8): truncation
    // predicts 1e-14·(1/1024)⁴, so 5e-17 is noise
    expect(noiseRules(5e-17, 1e-14, 1 / 128, 8, 1e-5, true, true)).toBe(true);
  });

  it("the share of a level ε at step h is 4·ε·Σ|w|/h", () => {
    expect(noiseShare(1e-16, 1, 0.01)).toBeCloseTo(4e-14, 28);
  });
});
