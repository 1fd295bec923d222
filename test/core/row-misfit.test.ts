import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { MISFIT_GROWTH, MISFIT_SIGNAL, misfitGrows, misfitLevelAt } from "../../src/core/row-misfit.js";
import { Tableau } from "../../src/core/tableau.js";

// f computed by an algorithm that stops at a tolerance is smooth between the x where its discrete
// decisions change and jumps by about the tolerance there; where the column's long rows straddle such
// jumps and its short rows do not, the rows' misfit gives the noise level (row-misfit.ts).

/** Fixed-point iteration y ← φ(y) until |Δy| ≤ tol (test/fixtures/redteam-solvers.ts, fixedPoint). */
function fixedPoint(phi: (y: number) => number, y: number, tol: number): number {
  for (let k = 0; k < 1000; k++) {
    const next = phi(y);
    if (Math.abs(next - y) <= tol) return next;
    y = next;
  }
  return y;
}

/** y = cos(x·y) by fixed-point iteration to tol, as a function of x. */
const fixedCos = (tol: number) => (x: number) => fixedPoint((y) => Math.cos(x * y), 1, tol);

/** The ideal y′ of y = cos(x·y): y′ = −y·sin(xy)/(1 + x·sin(xy)), y solved by Newton to rounding. */
function fixedCosTruth(x: number): number {
  let y = 0.8;
  for (let k = 0; k < 50; k++) y -= (y - Math.cos(x * y)) / (1 + x * Math.sin(x * y));
  const s = Math.sin(x * y);
  return (-y * s) / (1 + x * s);
}

/** Feeds rows (steps halving from 0.1) to a watching tableau; the mask and deltas after each row. */
function watch(
  d: (h: number) => number,
  rows: number,
): { mask: number[]; steps: Float64Array; delta: number[][] } {
  const tab = new Tableau(1, 24);
  tab.watchMisfit = true;
  const steps = new Float64Array(rows);
  const mask: number[] = [];
  const delta: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const h = 0.1 / 2 ** i;
    steps[i] = h;
    tab.t[i] = (h / 0.1) ** 2;
    tab.extend(0, i, d(h), 1e-16 / h);
    mask.push(tab.misfitMask);
    delta.push(Array.from(tab.misfitDelta));
  }
  return { mask, steps, delta };
}

describe("rows that misfit like jumps beside x (row-misfit.ts)", () => {
  it("a smooth f's rows (D = 1 + h² + h⁴ + h⁶ + h⁸) never misfit", () => {
    const { mask } = watch((h) => 1 + h * h + h ** 4 + h ** 6 + h ** 8, 6);
    expect(mask.every((m) => m === 0)).toBe(true);
  });

  it("two long rows that straddle a jump of 2e-9: row 0 misfits at order 4, a level within 4 times", () => {
    const jump = 2e-9;
    // f(x + h) carries the jump for h > 0.03: rows 0 and 1 move by J/(2h)
    const { mask, steps, delta } = watch((h) => 1 + h * h + h ** 4 + (h > 0.03 ? jump / (2 * h) : 0), 5);
    expect(mask.slice(0, 4).every((m) => m === 0)).toBe(true);
    expect(mask[4]).toBe(1 << 4);
    const rounding = steps.map((h) => 1e-16 / h);
    const t = steps.map((h) => (h / 0.1) ** 2);
    const level = misfitLevelAt(t, 0.1, rounding, 0, 4, delta[4][4]);
    expect(level).toBeGreaterThan(jump / 2 / 4);
    expect(level).toBeLessThan(jump * 4);
    // the same misfit within its rounding: no level
    expect(
      misfitLevelAt(
        t,
        0.1,
        rounding.map((r) => r * 1e6),
        0,
        4,
        delta[4][4],
      ),
    ).toBe(0);
  });

  it("misfitGrows: MISFIT_GROWTH times, the misfit before MISFIT_SIGNAL times above its rounding", () => {
    expect(MISFIT_GROWTH).toBe(2);
    expect(MISFIT_SIGNAL).toBe(8);
    expect(misfitGrows(1e-10, 1e-9, 1e-15, 63)).toBe(true);
    expect(misfitGrows(1e-12, 1e-9, 1e-15, 63)).toBe(false);
    expect(misfitGrows(1e-10, 1e-9, 2e-10, 63)).toBe(false);
  });

  it("y = cos(x·y) by fixed-point iteration to 1e-10 at 0.6: noise-limited, honest (was 1235 times off)", () => {
    const truth = fixedCosTruth(0.6);
    const r = derivative(fixedCos(1e-10), 0.6);
    expect(r.status).toBe("noise-limited");
    expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
    // within 10·E* for noise of the tolerance (E* = 1.04·ε^(2/3)·|f‴|^(1/3) ≈ 1.5e-7 here)
    expect(r.error).toBeLessThan(1.5e-6);
    expect(r.evaluations).toBeLessThanOrEqual(16);
  });

  it("the same at 0.58102461 to 1.03e-10 (the red team's s-fixed-cos, 1445 times off before)", () => {
    const x = 0.58102461;
    const r = derivative(fixedCos(1.0294306e-10), x);
    expect(Math.abs(r.value - fixedCosTruth(x))).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(1.5e-6);
  });

  it("smooth f keep their result and cost: cos at 0.6, 1/(1 + t²) at 1.7237, √t at 0.0339", () => {
    const cos = derivative(Math.cos, 0.6);
    expect(cos.status).toBe("ok");
    expect(cos.evaluations).toBe(10);
    expect(Math.abs(cos.value + Math.sin(0.6))).toBeLessThanOrEqual(cos.error);
    expect(cos.error).toBeLessThan(1e-12);
    // a coefficient of D(h) that vanishes near x, and a singularity near the rows (3000 smooth bases
    // grew the misfit by 0.71 at most): no level
    const x = 1.723742163607153;
    const r = derivative((t) => 1 / (1 + t * t), x);
    expect(r.status).toBe("ok");
    expect(Math.abs(r.value + (2 * x) / (1 + x * x) ** 2)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(1e-12);
    const s = derivative(Math.sqrt, 0.03386132845170246);
    expect(s.status).toBe("ok");
    expect(s.noise).toBeUndefined();
  });

  it("derivative(f, xs) gives each point derivative(f, x)'s result (the common path departs)", () => {
    const f = fixedCos(1e-10);
    const xs = [0.6, 0.58102461];
    const many = derivative(f, xs);
    xs.forEach((x, i) => {
      const one = derivative(f, x);
      expect(many.value[i]).toBe(one.value);
      expect(many.error[i]).toBe(one.error);
    });
  });
});
