import { describe, expect, it } from "vitest";
import { derivative, hessian } from "../../src/core/index.js";
import { derivative as derivativeAsync } from "../../src/core/async/index.js";

// The honesty scan's repros (bench/honesty-scan.ts, seed 1): C1 joins 1e-8 to 8e-6 beside x, where f″
// jumps. The order-2 column settled on the midpoint of the two sides' f″ and stopped at its far row
// (1/16 of the last step) on what it took for noise; before far-row-check.ts each gave that midpoint
// with an error 20 to 500 times below half the gap ("ok" or "noise-limited").

const relu2 = (u: number): number => Math.max(0, u) ** 2;
const huber =
  (d: number) =>
  (v: number): number =>
    Math.abs(v) <= d ? 0.5 * v * v : d * (Math.abs(v) - 0.5 * d);

/** A cubic with a C1 join 1.02e-8 right of x = −1: f″ = −6 at x, −6.00247 past the join. */
const cubicJoin = (t: number): number =>
  t * t * t - 2 * t - 0.0012350434484527026 * relu2(t + 0.9999999898039846);
/** sin with a Huber join 7.65e-6 left of x = 0: f″ = 0 at x, −0.0019674 past the join. */
const sinJoin = (t: number): number =>
  Math.sin(t) - 0.0019673947686201054 * huber(1)(t + 0.000007649565517011484 + 1);

/** The result's error covers `truth`, and is no wider than `width` (an answer, not a shrug). */
function expectCovers(r: { value: number; error: number }, truth: number, width: number): void {
  expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
  expect(r.error).toBeLessThanOrEqual(width);
}

describe("order 2 at a C1 join beside x (far-row-check.ts)", () => {
  it("a cubic's join 1e-8 beside x: the error covers x's f″ (was −6.00123 ± 9.5e-6, ok)", () => {
    const r = derivative(cubicJoin, -1, { order: 2 });
    expectCovers(r, -6, 0.005); // J = 0.00247: the error at most twice it
    expect(r.status).not.toBe("ok");
  });

  it("sin's Huber join 8e-6 beside x: the error covers 0 (was −0.00098 ± 1.6e-5, noise-limited)", () => {
    const r = derivative(sinJoin, 0, { order: 2 });
    expectCovers(r, 0, 0.004); // J = 0.00197
    expect(r.status).not.toBe("ok");
  });

  it("async gives the same bits", async () => {
    const a = await derivativeAsync(async (t: number) => cubicJoin(t), -1, { order: 2 });
    const s = derivative(cubicJoin, -1, { order: 2 });
    expect(a.value).toBe(s.value);
    expect(a.error).toBe(s.error);
  });

  it("the Hessian's diagonal follows the scalar engine", () => {
    const H = hessian((x: ArrayLike<number>) => cubicJoin(x[0]) + Math.sin(x[1]), [-1, 0.5]);
    expect(Math.abs(H.value[0][0] + 6)).toBeLessThanOrEqual(H.error[0][0]);
  });

  it("smooth f keep their answers and calls (the far row agrees with the rows' smooth model)", () => {
    for (const [f, x, d2] of [
      [Math.sin, 1, -Math.sin(1)],
      [Math.exp, -2, Math.exp(-2)],
      [(t: number) => t * t * t - 2 * t, -1, -6],
      [Math.atan, 0.7, (-2 * 0.7) / (1 + 0.49) ** 2],
    ] as [(t: number) => number, number, number][]) {
      const r = derivative(f, x, { order: 2 });
      expect(r.status).toBe("ok");
      expect(Math.abs(r.value - d2)).toBeLessThanOrEqual(Math.max(r.error, 1e-9));
    }
  });
});
