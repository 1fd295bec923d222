import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { misfitLevel, MISFIT_GROWTH } from "../../src/core/row-misfit.js";

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

describe("rows that misfit like jumps beside x (row-misfit.ts)", () => {
  const steps = [0.1, 0.05, 0.025, 0.0125, 0.00625];
  const rounding = steps.map((h) => 1e-16 / h);

  it("misfitLevel: rows of a smooth f (D = 1 + h² + h⁴ + h⁶) give no level", () => {
    const d = steps.map((h) => 1 + h * h + h ** 4 + h ** 6);
    expect(misfitLevel(steps, d, rounding, 0, 5)).toBe(0);
    // nor do fewer than four rows, whatever they hold
    expect(misfitLevel(steps, [1, 2, 3], rounding, 0, 3)).toBe(0);
  });

  it("misfitLevel: two long rows that straddle a jump of 2e-9 give a level within 4 times of it", () => {
    const jump = 2e-9;
    // f(x + h) carries the jump for h > 0.03: rows 0 and 1 move by J/(2h)
    const d = steps.map((h) => 1 + h * h + h ** 4 + (h > 0.03 ? jump / (2 * h) : 0));
    const level = misfitLevel(steps, d, rounding, 0, 5);
    expect(level).toBeGreaterThan(jump / 2 / 4);
    expect(level).toBeLessThan(jump * 4);
    // rows before `from` (a far row and those before it) are not read
    expect(misfitLevel(steps, d, rounding, 2, 5)).toBe(0);
  });

  it("misfitLevel: a misfit within MISFIT_SIGNAL times the rounding it carries counts for nothing", () => {
    const d = steps.map((h) => 1 + h * h + (h > 0.03 ? 1e-15 / h : 0));
    expect(misfitLevel(steps, d, rounding, 0, 5)).toBe(0);
    expect(MISFIT_GROWTH).toBe(2);
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
