/**
 * Order-2 sides whose last rows' changes cross zero (src/core/crossing-side.ts): at a C1 join near x,
 * derivative(f, x, { order: 2 }) and the Hessian's diagonal answer "not-differentiable" with the
 * midpoint of f″'s sides, which must hold x's own side. Truths in closed form: d²/dt² 1/(1 + t²) =
 * (6t² − 2)/(1 + t²)³, and c·u|u| adds 2c·sign u.
 */
import { describe, expect, it } from "vitest";
import { derivative, hessian } from "../../src/core/index.js";
import { CROSSING_CHANGES, CROSSING_FLOOR, CROSSING_SIGNAL } from "../../src/core/crossing-side.js";

const runge2 = (t: number): number => (6 * t * t - 2) / (1 + t * t) ** 3;

/** 1/(1 + t²) + c·u|u|, u = t − join: f″ jumps by 4c at the join. */
const joined =
  (c: number, join: number) =>
  (t: number): number =>
    1 / (1 + t * t) + c * (t - join) * Math.abs(t - join);

// The honesty scan's Hessian c1 entries (seed 1) whose clean side had stopped on a turn of its rows.
const cases = [
  // 2.9e-4 below the join: backward rows −1.7934, −1.8128, −1.8123, −1.8095 had given −1.81182 ± 9.7e-4.
  { c: -0.09258900967573769, join: 0.028922174335439844, x: 0.028632332183725916, sign: -1 },
  // 1.5e-11 above the join: the forward side had given −1.68471 ± 7.7e-4.
  { c: 0.15690886666397083, join: -0.02631230694951522, x: -0.026312306934881916, sign: 1 },
];

describe("order-2 sides past a turn of their rows", () => {
  it("names its constants", () => {
    expect(CROSSING_CHANGES).toBe(3);
    expect(CROSSING_SIGNAL).toBe(16);
    expect(CROSSING_FLOOR).toBe(4);
  });

  for (const { c, join, x, sign } of cases) {
    const truth = runge2(x) + 2 * c * sign;
    it(`holds x's side at ${x}`, () => {
      const r = derivative(joined(c, join), x, { order: 2 });
      expect(r.status).toBe("not-differentiable");
      const own = sign < 0 ? r.left : r.right;
      expect(own).toBeDefined();
      // x's own side, to its error (and within 1e-6 of the truth).
      expect(Math.abs(own!.value - truth)).toBeLessThanOrEqual(Math.max(own!.error, 1e-12));
      expect(Math.abs(own!.value - truth)).toBeLessThan(1e-6);
      // The midpoint's interval holds x's side.
      expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
    });
    it(`holds x's side in the Hessian's diagonal at ${x}`, () => {
      const f = (v: ArrayLike<number>): number => joined(c, join)(v[0]) + 0.5 * v[1] * v[1];
      const h = hessian(f, [x, 1]);
      expect(Math.abs(h.value[0][0] - truth)).toBeLessThanOrEqual(h.error[0][0]);
      expect(Math.abs(h.value[1][1] - 1)).toBeLessThan(1e-8);
    });
  }

  it("leaves a jump at x to the sides' comparison (atan t + 1.26e-6·sign t at 0)", () => {
    const f = (t: number): number => Math.atan(t) + 1.2583258956190798e-6 * Math.sign(t);
    expect(derivative(f, 0, { order: 4 }).status).toBe("discontinuous");
  });
});
