import { describe, expect, it } from "vitest";
import { EPS } from "../../src/core/all-constants.js";
import { NumdiffError } from "../../src/core/index.js";
import {
  analyticDerivative,
  analyticGradient,
  analyticHessian,
  compileFormula,
  exactGradient,
  exactHessian,
  FormulaError,
} from "../../src/expr/index.js";

/** Relative tolerance for a derivative formula evaluated in doubles: a few dozen roundings. */
const TOL = 64 * EPS;

function close(actual: number, expected: number, tol = TOL): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

/** [formula, point, d/dx written by hand] */
const FIRST: [string, number, (x: number) => number][] = [
  ["0.01*x^2 + 0.1*x", 5, (x) => 0.02 * x + 0.1],
  ["sin(x)*exp(-x/3)", 1, (x) => Math.exp(-x / 3) * (Math.cos(x) - Math.sin(x) / 3)],
  ["x^x", 2, (x) => x ** x * (Math.log(x) + 1)],
  ["sqrt(x)", 4, (x) => 0.5 / Math.sqrt(x)],
  ["cbrt(x)", 8, (x) => 1 / (3 * Math.cbrt(x) ** 2)],
  ["log(x, 2)", 3, (x) => 1 / (x * Math.LN2)],
  ["log2(x)", 3, (x) => 1 / (x * Math.LN2)],
  ["log10(x)", 3, (x) => 1 / (x * Math.LN10)],
  ["expm1(x)", 0.5, (x) => Math.exp(x)],
  ["log1p(x)", 0.5, (x) => 1 / (1 + x)],
  ["hypot(x, 3)", 4, (x) => x / Math.hypot(x, 3)],
  ["tan(x)", 1, (x) => 1 / Math.cos(x) ** 2],
  ["tanh(x)", 0.5, (x) => 1 / Math.cosh(x) ** 2],
  ["asin(x)", 0.5, (x) => 1 / Math.sqrt(1 - x * x)],
  ["acosh(x)", 2, (x) => 1 / Math.sqrt(x * x - 1)],
  ["atanh(x)", 0.5, (x) => 1 / (1 - x * x)],
  ["pow(x, 3)", 2, (x) => 3 * x * x],
  ["abs(x)", -2, () => -1],
  ["x > 0 ? x^2 : -x", 0.5, (x) => 2 * x],
  ["x > 0 ? x^2 : -x", -0.5, () => -1],
  ["2*(x > 0 ? x^2 : -x) + 1", 3, (x) => 4 * x],
  ["min(x, 1)", 0.5, () => 1],
  ["min(x, 1)", 2, () => 0],
  ["max(x^2, 1, x)", 2, (x) => 2 * x],
  ["sign(x)*x^2", -3, (x) => -2 * x],
  ["floor(x)*x", 2.5, () => 2],
  ["ceil(x) + x", 2.5, () => 1],
];

describe("analyticDerivative", () => {
  it.each(FIRST)("d/dx %s at %d", (text, x, exact) => {
    const d = analyticDerivative(compileFormula(text), "x");
    expect(d).not.toBeNull();
    close(d!.fn1()(x), exact(x));
  });

  it("the seed's formula: the exact derivative at 5 is 0.2, the book's 0.1999999999990898 is off by 9.1e-13", () => {
    const d = analyticDerivative(compileFormula("0.01*x^2 + 0.1*x"), "x");
    expect(d!.fn1()(5)).toBe(0.2);
    expect(Math.abs(0.1999999999990898 - d!.fn1()(5))).toBeCloseTo(9.1e-13, 14);
  });

  it("higher orders: d³/dx³ tan and d⁴/dx⁴ sin", () => {
    const t = analyticDerivative(compileFormula("tan(x)"), "x", 3)!.fn1();
    const c = 1 / Math.cos(1);
    close(t(1), 2 * c ** 4 + 4 * Math.tan(1) ** 2 * c ** 2);
    expect(analyticDerivative(compileFormula("sin(x)"), "x", 4)!.fn1()(1)).toBe(Math.sin(1));
  });

  it("atan2 and comparisons (piecewise constant) have derivatives", () => {
    close(analyticDerivative(compileFormula("atan2(x, 1)"), "x")!.fn1()(2), 1 / 5);
    expect(analyticDerivative(compileFormula("(x < 0)*x"), "x")!.fn1()(-2)).toBe(1);
  });

  it("a product of eight conditionals is differentiated without lifting them (no 2^8 branches)", () => {
    const many = Array.from({ length: 8 }, (_, i) => `(x > ${i} ? x : 0)`).join(" * ");
    // At 7.5 every factor is x: d/dx x^8 = 8 x^7.
    close(analyticDerivative(compileFormula(many), "x")!.fn1()(7.5), 8 * 7.5 ** 7);
  });

  it("keeps the formula's variables, in its order", () => {
    const d = analyticDerivative(compileFormula("x*y^2", { variables: ["y", "x"] }), "y")!;
    expect(d.variables).toEqual(["y", "x"]);
    expect(d.evaluate([2, 3])).toBe(12);
  });

  it("refuses a variable the formula does not have, and a bad order", () => {
    expect(() => analyticDerivative(compileFormula("x^2"), "y")).toThrow(FormulaError);
    expect(() => analyticDerivative(compileFormula("x^2"), "x", 0)).toThrow(NumdiffError);
    expect(() => analyticDerivative(compileFormula("x^2"), "x", 1.5)).toThrow(/invalid order/);
  });
});

describe("analyticGradient and analyticHessian", () => {
  it("gradient of x0^2 + x1^2 at (3, 4) is (6, 8)", () => {
    expect(analyticGradient(compileFormula("x0^2 + x1^2"))!.map((g) => g.evaluate([3, 4]))).toEqual([6, 8]);
  });

  it("numdifftools' case x0*x1*x2 + exp(x0)*x1 at [3, 5, 7]: gradient and Hessian", () => {
    const f = compileFormula("x0*x1*x2 + exp(x0)*x1");
    const g = analyticGradient(f)!.map((d) => d.evaluate([3, 5, 7]));
    const e3 = Math.exp(3);
    [35 + 5 * e3, 21 + e3, 15].forEach((v, i) => close(g[i], v));
    const h = analyticHessian(f)!.map((row) => row.map((d) => d.evaluate([3, 5, 7])));
    const expected = [
      [5 * e3, 7 + e3, 5],
      [7 + e3, 0, 3],
      [5, 3, 0],
    ];
    h.forEach((row, i) => row.forEach((v, j) => close(v, expected[i][j])));
  });

  it("the Hessian is symmetric: each entry below the diagonal is its mirror", () => {
    const h = analyticHessian(compileFormula("(1-x0)^2 + 100*(x1-x0^2)^2"))!;
    expect(h[1][0]).toBe(h[0][1]);
    expect(h.map((row) => row.map((d) => d.evaluate([1, 1])))).toEqual([
      [802, -400],
      [-400, 200],
    ]);
  });

  it("a gradient of a sum of 100 squares is exact (large trees are not simplified, still right)", () => {
    const f = compileFormula(Array.from({ length: 100 }, (_, i) => `x${i}^2`).join(" + "));
    const x = Float64Array.from({ length: 100 }, (_, i) => i / 7);
    const g = analyticGradient(f)!;
    g.forEach((d, i) => expect(d.evaluate(x)).toBe(2 * x[i]));
  });

  it("gradient and Hessian of formulas math.js could not take (atan2, 150 nested calls)", () => {
    const f = compileFormula("sqrt(1+x^2)*cosh(x)*y");
    expect(analyticGradient(f)).not.toBeNull();
    const deep = compileFormula(`${"sin(".repeat(150)}x*y${")".repeat(150)}`);
    expect(analyticHessian(deep)).not.toBeNull();
  });
});

describe("work", () => {
  it("a gradient and Hessian of 100 variables walk each term only for the variables it holds", () => {
    // 100 terms x_i^2*x_{i+1} of 7 nodes: the gradient visits and builds 11 nodes per variable, the
    // Hessian 10 more per non-zero entry, where walking every term for every variable would be
    // 100 · 700 and 5,050 · (the size of a gradient entry).
    const f = compileFormula(Array.from({ length: 100 }, (_, i) => `x${i}^2*x${(i + 1) % 100}`).join(" + "));
    expect(exactGradient(f).nodes).toBe(1100);
    expect(exactHessian(f).nodes).toBe(2100);
  });
});

describe("regressions", () => {
  it("a 10th derivative of a product is null past MAX_ANALYTIC_NODES (it exhausted a 4 GB heap)", () => {
    expect(analyticDerivative(compileFormula("sqrt(1+x^2)*cosh(x)"), "x", 10)).toBeNull();
    const d3 = analyticDerivative(compileFormula("sqrt(1+x^2)*cosh(x)"), "x", 3);
    expect(d3).not.toBeNull();
  });

  it("Hessian of a 24-term sum of products (math.js's simplify took minutes on it)", () => {
    const n = 24;
    const f = compileFormula(Array.from({ length: n }, (_, i) => `x${i}^2*x${(i + 1) % n}`).join(" + "));
    const x = Float64Array.from({ length: n }, (_, i) => (i + 1) / 10);
    const h = analyticHessian(f)!.map((row) => row.map((d) => d.evaluate(x)));
    // ∂²/∂x_i² = 2 x_{i+1}; ∂²/∂x_i∂x_{i+1} = 2 x_i; everything else 0.
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const expected =
          i === j ? 2 * x[(i + 1) % n] : j === (i + 1) % n ? 2 * x[i] : i === (j + 1) % n ? 2 * x[j] : 0;
        expect(h[i][j]).toBe(expected);
      }
    }
  });
});
