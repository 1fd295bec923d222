import { describe, expect, it } from "vitest";
import {
  GRID_ROWS,
  GRID_SPREAD,
  gridNoise,
  gridRunAfter,
  GRID_POWER_ZERO,
  GRID_POWERS,
  lastBitExponent,
  NO_GRID,
} from "../../src/core/value-grid.js";
import { EPS, F_ROUNDING } from "../../src/core/constants.js";
import { GRID_EXCESS, GRID_MIN_BITS } from "../../src/core/noise.js";

describe("lastBitExponent", () => {
  it("is e where |v| = m·2^e with m odd, for normal, negative and subnormal v", () => {
    expect(lastBitExponent(1)).toBe(0);
    expect(lastBitExponent(3)).toBe(0);
    expect(lastBitExponent(0.75)).toBe(-2);
    expect(lastBitExponent(-0.75)).toBe(-2);
    expect(lastBitExponent(1 + EPS)).toBe(-52);
    expect(lastBitExponent(2 ** 1023)).toBe(1023);
    expect(lastBitExponent(Number.MAX_VALUE)).toBe(971);
    expect(lastBitExponent(Number.MIN_VALUE)).toBe(-1074);
    expect(lastBitExponent(3 * Number.MIN_VALUE)).toBe(-1074);
    expect(lastBitExponent(2 ** -1030)).toBe(-1030);
    expect(lastBitExponent(2 ** 40 + 2 ** 33)).toBe(33); // the last bit in the high word
  });

  it("agrees with the definition for random doubles: v / 2^e is an odd integer", () => {
    let seed = 12345;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const v = (seed / 2 ** 32 - 0.5) * 2 ** ((seed % 200) - 100);
      if (v === 0) continue;
      const e = lastBitExponent(v);
      const m = Math.abs(v) / 2 ** e;
      expect(Number.isInteger(m) && m % 2 === 1).toBe(true);
    }
  });

  it("is NO_GRID for 0, −0, ±Infinity and NaN (they lie on every grid, or none)", () => {
    for (const v of [0, -0, Infinity, -Infinity, NaN]) expect(lastBitExponent(v)).toBe(NO_GRID);
  });

  it("reads the grid of a small difference of large parts: log t − c at 4 lies on log 4's grid, 2⁻⁵²", () => {
    const f = (t: number): number => Math.log(t) - 1.3828731300918546;
    // f(4) ≈ 0.0035 has ulp 2⁻⁶¹, but every value lies on the grid of log t ≈ 1.386.
    expect(lastBitExponent(f(4 + 2 ** -7) - f(4 - 2 ** -7))).toBeGreaterThanOrEqual(-52);
  });
});

describe("gridRunAfter", () => {
  const big = 1e-3; // a row's largest difference, far above the grids below
  it("counts rows that lie on the grid of the rows before them, within GRID_SPREAD bits above it", () => {
    expect(gridRunAfter(-52, -52, 0, big)).toBe(1);
    expect(gridRunAfter(-52 + GRID_SPREAD, -52, 1, big)).toBe(2);
    expect(gridRunAfter(-52 + GRID_SPREAD + 1, -52, 3, big)).toBe(0); // round differences: exact arithmetic
  });

  it("takes a row of differences a few grid steps wide as saying nothing (|t|^1.5 at 2⁻³² is 2⁻⁴⁸)", () => {
    expect(gridRunAfter(-48, -55, 0, 2 ** -48)).toBe(0);
    expect(gridRunAfter(-48, -55, 3, 2 ** -48)).toBe(3);
    expect(gridRunAfter(-48, -55, 0, 2 ** (-55 + GRID_MIN_BITS))).toBe(1);
  });

  it("ends a run on a finer row before the grid is confirmed, and keeps a confirmed one (refined)", () => {
    expect(gridRunAfter(-54, -52, GRID_ROWS - 1, big)).toBe(0);
    expect(gridRunAfter(-54, -52, GRID_ROWS, big)).toBe(GRID_ROWS);
  });

  it("starts no run before a row with a nonzero difference, and leaves it as it is on a row of zeros", () => {
    expect(gridRunAfter(-52, NO_GRID, 0, big)).toBe(0);
    expect(gridRunAfter(NO_GRID, -52, 2, 0)).toBe(2);
  });
});

describe("GRID_POWERS and gridNoise", () => {
  it("give 2^e exactly, and a grid's rounding F_ROUNDING·G only where it is GRID_EXCESS times above double's", () => {
    expect(GRID_POWERS[GRID_POWER_ZERO - 52]).toBe(EPS);
    expect(GRID_POWERS[GRID_POWER_ZERO - 1074]).toBe(Number.MIN_VALUE);
    expect(GRID_POWERS[GRID_POWER_ZERO + 1023]).toBe(2 ** 1023);
    // Values of size 0.0035 on the grid 2⁻⁵²: 2⁻⁵² > 16·EPS·0.0035.
    expect(gridNoise(EPS, 1, 0.0035)).toBe(F_ROUNDING * EPS);
    // Values of size 1.5 on the grid 2⁻⁵²: no cancellation, double's model holds.
    expect(gridNoise(EPS, 1, 1.5)).toBe(0);
    expect(gridNoise(GRID_EXCESS * EPS * 1.0000001, 1, 1)).toBeGreaterThan(0);
    expect(gridNoise(0, 1, 1e-300)).toBe(0);
  });
});
