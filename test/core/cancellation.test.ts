import { describe, expect, it } from "vitest";
import { derivative, gradient, hessian, jacobian } from "../../src/core/index.js";
import { derivative as derivativeAsync } from "../../src/core/async/index.js";
import { derivativeViaPipeline } from "../../src/core/derivative.js";
import { jacobianViaGeneral } from "../../src/core/jacobian.js";
import { resolveOptions } from "../../src/core/validate.js";
import { bits } from "./jacobian-bits.js";

/**
 * f a small difference of large parts (a residual g(t) − c): each value carries g's rounding, EPS·|g|,
 * up to 1e8 times the EPS·|f| of the rounding model, and the engine read the grid of g from the values
 * (value-grid.ts). The cases are the honesty scan's (bench/honesty-scan.ts, category "cancellation")
 * whose error estimate fell 2 to 33 times short of the true error before. Truths are closed forms: exact
 * (log′(4) = 1/4, runge″(0) = −2, exp′(0) = 1), or within an ulp or two in double (1/x, −1/x², 1/(2√x),
 * −2t/(1 + t²)², far below the errors asserted; mpmath at 30 digits agrees).
 *
 * Each answer must cover its true error, and stay within WIDE times it where the true error is not 0:
 * honest, and no wider than the engine's estimates on smooth functions usually are.
 */
const WIDE = 100;

function expectHonest(value: number, error: number, truth: number, wide = WIDE): void {
  const trueError = Math.abs(value - truth);
  expect(error).toBeGreaterThanOrEqual(trueError);
  if (trueError > 0) expect(error).toBeLessThanOrEqual(wide * trueError);
}

describe("derivative() of a small difference of large parts", () => {
  it("covers log t − 1.3828731300918546 at 4 (0.25 ± 4.9e-16 with a true error 22 times that before)", () => {
    const r = derivative((t) => Math.log(t) - 1.3828731300918546, 4);
    expect(r.status).toBe("ok");
    expectHonest(r.value, r.error, 0.25);
  });

  it("covers f″ of log t + 5.347934545412096 at 0.00476 (25 times short before)", () => {
    const x = 0.004757968009956518;
    const r = derivative((t) => Math.log(t) + 5.347934545412096, x, { order: 2 });
    expectHonest(r.value, r.error, -1 / (x * x));
  });

  it("covers f″ of 1/(1 + t²) − 1.0002944940469027 at 0 (2.8 times short before)", () => {
    const r = derivative((t) => 1 / (1 + t * t) - 1.0002944940469027, 0, { order: 2 });
    expectHonest(r.value, r.error, -2);
  });

  it("covers eᵗ − 1.0000986627520654 at 0, and f⁗ of cos t − 0.9926130423623142 at 0", () => {
    const r = derivative((t) => Math.exp(t) - 1.0000986627520654, 0);
    expectHonest(r.value, r.error, 1);
    const r4 = derivative((t) => Math.cos(t) - 0.9926130423623142, 0, { order: 4 });
    expectHonest(r4.value, r4.error, 1);
  });

  it("gives derivative(f, xs) and the async derivative the same honest answers", async () => {
    const f = (t: number): number => 1 / (1 + t * t) - 0.9996440833751711;
    const xs = [3.9709722683329507e-10, -6.117638171551999e-9];
    const r = derivative(f, xs);
    for (let i = 0; i < xs.length; i++) {
      expectHonest(r.value[i], r.error[i], (-2 * xs[i]) / (1 + xs[i] * xs[i]) ** 2);
      expect(derivative(f, xs[i]).error).toBe(r.error[i]);
    }
    const x = 0.004757968009956518;
    const a = await derivativeAsync(async (t: number) => Math.log(t) + 5.347934545412096, x, { order: 2 });
    const s = derivative((t) => Math.log(t) + 5.347934545412096, x, { order: 2 });
    expect([a.value, a.error]).toEqual([s.value, s.error]);
  });
});

describe("gradient, jacobian and hessian of residuals", () => {
  it("covers a sum of residuals: the grid of the term that varies shows in the differences", () => {
    const x = [5.315839314837227, 0];
    const r = gradient(
      (v) => Math.sqrt(v[0]) - 2.3056104025867614 + (Math.exp(v[1]) - 0.9981485692069731),
      x,
    );
    expectHonest(r.value[0], r.error[0], 0.5 / Math.sqrt(x[0]), Infinity);
    expectHonest(r.value[1], r.error[1], 1);
  });

  // (Not a Jacobian's entries: the Jacobian's columns do not read the values' grid, column-state.ts
  // gridOn. Its common path has no room for the reading within issue 10's 100 ns per call of F; an
  // entry of a residual row keeps the double model's error there, as before the grid.)

  it("covers a Hessian's diagonal entry of a residual", () => {
    const x = [2.433004298113517, 0];
    const f = (v: Float64Array): number =>
      Math.log(v[0]) - 0.8891267670114911 + Math.sin(v[1]) + 0.25 * Math.atan(v[0]) * Math.atan(v[1]);
    const r = hessian(f, x);
    expectHonest(r.value[0][0], r.error[0][0], -1 / (x[0] * x[0]));
  });
});

describe("the common paths read the grid as the driver does", () => {
  // Residuals at several sizes of cancellation, a sum whose fixed term is finer, and exact t − c.
  const cases: [(t: number) => number, number][] = [
    [(t) => Math.log(t) - 1.3828731300918546, 4],
    [(t) => Math.exp(t) - 1.0000986627520654, 0],
    [(t) => Math.exp(t) - 1.0000000051052509, 0],
    [(t) => Math.sqrt(t) - 91.30650861391516, 8270.216088212286],
    [(t) => t * t * t - 2 * t - 9351535813.407701, 2106.821357882768],
    [(t) => Math.cos(t) - 0.7907502866888563 + 0.0101, -0.6587642380494203],
    [(t) => Math.max(0, t - (0.5 - 1e-9)), 0.5],
  ];

  it("gives derivative()'s common path the pipeline's bits (derivativeViaPipeline)", () => {
    for (const [f, x] of cases) {
      const a = derivative(f, x);
      const b = derivativeViaPipeline(f, x, resolveOptions(undefined));
      expect([a.value, a.error, a.status, a.evaluations]).toEqual([
        b.value,
        b.error,
        b.status,
        b.evaluations,
      ]);
    }
  });

  it("gives the Jacobian's common path the general path's bits (jacobianViaGeneral)", () => {
    const F = (v: Float64Array): number[] =>
      cases.map(([f], i) => f(v[i]) + Math.atan(v[(i + 1) % cases.length]));
    const x = cases.map(([, x]) => x);
    expect(bits(jacobian(F, x))).toBe(bits(jacobianViaGeneral(F, x)));
  });
});

describe("where nothing cancels, or the values are exact", () => {
  it("leaves smooth functions' answers as the double model gives them", () => {
    // The bits of main before the grid (9af2802): the grid counts only GRID_EXCESS ulps above EPS·|f|.
    expect(derivative(Math.exp, 1)).toMatchObject({ value: 2.718281828459056, error: 5.22050834890564e-13 });
    expect(derivative((t) => t * t, 1)).toMatchObject({ value: 2, error: 4.2646441933413826e-14 });
  });

  it("takes t − c, exact at dyadic steps, for exact: ReLU 1e-9 left of x stays 1 ± 1e-15", () => {
    const c = 0.5 - 1e-9;
    const r = derivative((t) => Math.max(0, t - c), 0.5);
    expect(r.value).toBe(1);
    expect(r.error).toBeLessThan(1e-14);
  });

  it("leaves a float32 f to the float32 rules (its argument is rounded too)", () => {
    const r = derivative((t) => Math.fround(Math.exp(Math.fround(t))), 1);
    expect(Math.abs(r.value - Math.E)).toBeLessThanOrEqual(r.error);
  });
});
