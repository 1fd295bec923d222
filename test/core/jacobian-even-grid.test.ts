import { describe, expect, it } from "vitest";
import { jacobian } from "../../src/core/index.js";
import { evenRowsOnGrid, GRID_FLOOR, GRID_SURE, GridCandidates } from "../../src/core/even-grid.js";

/**
 * A small Jacobian's entry whose F_k is a small difference of larger terms (even-grid.ts): the rows'
 * values lie on the larger terms' grid, and the column's double rounding model held a fraction of it.
 * Before (main a93d8ed) each entry below was "ok" with an error its true error exceeded 1.6 to 7 times;
 * derivative() on the same component, which reads the grid, was honest. Now the column's even rows show
 * the grid and the entry is computed again by derivative()'s pipeline.
 */
const EXACT = 8 * Number.EPSILON; // the truths' own rounding (the honesty scan's slack)

const cases: {
  name: string;
  F: (x: ArrayLike<number>) => number[];
  x: number[];
  truth: number;
}[] = [
  {
    name: "eᵗ − 0.99999869 + atan(y) at (0, 0)",
    F: (x) => [Math.exp(x[0]) - 0.9999986856484572 + Math.atan(x[1]), Math.sin(x[0]) + Math.atan(x[1])],
    x: [0, 0],
    truth: 1,
  },
  {
    name: "atan(y) + sin(t): −0.785 + 0.778 at (−1, 2.2508), entry along t",
    F: (x) => [Math.sin(x[0]) + Math.atan(x[1]), Math.atan(x[0]) + Math.sin(x[1])],
    x: [2.250777758938286, -1],
    truth: Math.cos(2.250777758938286),
  },
  {
    name: "eᵗ − 0.1353342 + atan(y) at t = −2",
    F: (x) => [Math.exp(x[0]) - 0.13533420873404048 + Math.atan(x[1]), Math.sin(x[1]) + Math.atan(x[0])],
    x: [-2, 0.00182664471558605],
    truth: Math.exp(-2),
  },
  {
    name: "log t − 1.3862946 + atan(y) at t = 4",
    F: (x) => [Math.log(x[0]) - 1.386294578056831 + Math.atan(x[1]), x[0] * x[1]],
    x: [4, -0.0017001817664767426],
    truth: 0.25,
  },
];

describe("a small Jacobian's rows on a coarse grid (even-grid.ts)", () => {
  it.each(cases)("$name: the error covers the truth", ({ F, x, truth }) => {
    const r = jacobian(F, x);
    const err = Math.abs(r.value[0][0] - truth);
    expect(err).toBeLessThanOrEqual(r.error[0][0] + EXACT * Math.abs(truth));
    // and stays a useful estimate: within 1e-12 relative, its error too
    expect(err).toBeLessThan(1e-12 * Math.abs(truth));
    expect(r.error[0][0]).toBeLessThan(1e-12);
  });

  it("keeps the bits of a Jacobian with no cancellation", () => {
    const F = (x: ArrayLike<number>) => [x[0] * x[1] + x[2], Math.sin(x[0]) * x[2], Math.exp(x[1]) - x[2]];
    const x = [1.3, 0.7, 2.9];
    const r = jacobian(F, x);
    // ∂(sin x₀·x₂)/∂x₀ = cos(1.3)·2.9, within its (small) error
    expect(Math.abs(r.value[1][0] - Math.cos(1.3) * 2.9)).toBeLessThanOrEqual(r.error[1][0] + 1e-15);
    expect(r.error[1][0]).toBeLessThan(1e-12);
  });

  it("reads the grid from the newest two even rows, against the kept error", () => {
    // eᵗ − C + 0 at t = 0: even parts C′ + h²/2 at h = 2⁻⁸, 2⁻⁷, on eᵗ's grid 2⁻⁵³ (values near 1.3e-6).
    const C = 0.9999986856484572;
    const e = (h: number) => 0.5 * (Math.exp(h) - C) + 0.5 * (Math.exp(-h) - C);
    const rows = Float64Array.of(e(2 ** -8), e(2 ** -7), NaN, NaN, NaN, NaN, 0.0039);
    expect(evenRowsOnGrid(rows, 0, Math.exp(0) - C, 1.05e-14, 2 ** -8)).toBe(true);
    expect(evenRowsOnGrid(rows, 0, Math.exp(0) - C, 1e-12, 2 ** -8)).toBe(false); // its error covers it
    rows[6] = NaN; // no central rows recorded
    expect(evenRowsOnGrid(rows, 0, Math.exp(0) - C, 1.05e-14, 2 ** -8)).toBe(false);
  });

  it("reads the oldest row too where the newest two lie within GRID_SURE floors of the floor (2t + cos t)", () => {
    // 2t + cos t at t = 4.66555 (one row): its newest two even parts' differences from F(x), 1.9e-6 and
    // 7.8e-6, lie on 2⁻⁴⁵ by chance, 16 ulps of 9.28, 1.7 floors (GRID_FLOOR·9.28 = 1.65e-14).
    const centre = 9.284283660709782;
    const rows = Float64Array.of(
      9.284285604568488,
      9.2842914359832,
      centre + 3.1e-5,
      NaN,
      NaN,
      NaN,
      9.284285604568488,
    );
    expect(2 ** -45).toBeLessThan(GRID_SURE * GRID_FLOOR * rows[6]);
    // The oldest row's difference has its last bit far below the floor: no grid shown.
    expect(evenRowsOnGrid(rows, 0, centre, 7.69e-13, 0.009112405936455126)).toBe(false);
    // On the grid, the three rows pass.
    rows[2] = centre + 2 ** -20;
    expect(evenRowsOnGrid(rows, 0, centre, 7.69e-13, 0.009112405936455126)).toBe(true);
    // So the one-row Jacobian costs no recheck: 13 calls (F(x), 10 for its column, 2 for the row check),
    // within its error of 2 − sin t, as derivative() gives it.
    const t = -5 + (10 * 289) / 299;
    const r = jacobian((v) => [2 * v[0] + Math.cos(v[0])], [t]);
    expect(r.evaluations).toBe(13);
    expect(Math.abs(r.value[0][0] - (2 - Math.sin(t)))).toBeLessThanOrEqual(r.error[0][0]);
    expect(r.error[0][0]).toBeLessThan(1e-12);
  });

  it("keeps one record per candidate component", () => {
    const c = new GridCandidates(3);
    c.add(2, 0, 1e-6, 4e-6, 1.6e-5, 0.002);
    c.add(2, 1, 2e-6, 8e-6, 3.2e-5, 0.002);
    expect(c.count).toBe(1);
    expect(c.scale[0]).toBe(1);
    expect(c.rows[1]).toBe(8e-6);
    expect(c.rows[2]).toBe(3.2e-5);
  });
});
