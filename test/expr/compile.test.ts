import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BOOK_STEP } from "../../src/core/all-constants.js";
import { derivative, partial } from "../../src/core/index.js";
import { compileFormula, FormulaError } from "../../src/expr/index.js";

/** Formulas beside the same arithmetic written in JavaScript, in the same order: equal bits expected. */
const SAME_BITS: [string, (x: number) => number][] = [
  ["0.01*x^2 + 0.1*x", (x) => 0.01 * x ** 2 + 0.1 * x],
  ["sin(x)*exp(-x/3)", (x) => Math.sin(x) * Math.exp(-x / 3)],
  ["x > 0 ? x^2 : -x", (x) => (x > 0 ? x ** 2 : -x)],
  ["-x^2", (x) => -(x ** 2)],
  ["2^x^2", (x) => 2 ** (x ** 2)],
  ["x^-2", (x) => x ** -2],
  ["2x + 3", (x) => 2 * x + 3],
  ["1/x - x/3*2", (x) => 1 / x - (x / 3) * 2],
  ["log(x, 2)", (x) => Math.log(x) / Math.log(2)],
  ["hypot(x, 3, 4)", (x) => Math.hypot(x, 3, 4)],
  ["min(x, 1) + max(x, 2, 0.5)", (x) => Math.min(x, 1) + Math.max(x, 2, 0.5)],
  ["atan2(x, 2) + pow(x, 3)", (x) => Math.atan2(x, 2) + Math.pow(x, 3)],
  [
    "sqrt(x) + cbrt(x) + expm1(x) + log1p(x) + log2(x) + log10(x)",
    (x) => Math.sqrt(x) + Math.cbrt(x) + Math.expm1(x) + Math.log1p(x) + Math.log2(x) + Math.log10(x),
  ],
  [
    "tan(x) + asin(x/9) + acos(x/9) + atan(x)",
    (x) => Math.tan(x) + Math.asin(x / 9) + Math.acos(x / 9) + Math.atan(x),
  ],
  [
    "sinh(x) + cosh(x) + tanh(x) + asinh(x) + acosh(x + 1) + atanh(x/9)",
    (x) => Math.sinh(x) + Math.cosh(x) + Math.tanh(x) + Math.asinh(x) + Math.acosh(x + 1) + Math.atanh(x / 9),
  ],
  ["abs(x) + sign(x) + floor(x) + ceil(x)", (x) => Math.abs(x) + Math.sign(x) + Math.floor(x) + Math.ceil(x)],
  ["pi*x + e", (x) => Math.PI * x + Math.E],
  ["1e-3x + 0x10", (x) => 0.001 * x + 16],
];

describe("compileFormula evaluates as JavaScript does", () => {
  it.each(SAME_BITS)("%s gives the bits of the same JavaScript expression", (text, js) => {
    const f = compileFormula(text).fn1();
    for (const x of [0.5, 1, 2.75, 5, 8.125]) expect(f(x)).toBe(js(x));
  });

  it("the seed's method on a compiled formula gives the seed's bits", () => {
    const f = compileFormula("0.01*x^2 + 0.1*x").fn1();
    expect(derivative(f, 5, { method: "central", step: BOOK_STEP }).value).toBe(0.1999999999990898);
    expect(derivative(f, 10, { method: "central", step: BOOK_STEP }).value).toBe(0.2999999999986347);
    const g = compileFormula("x0^2 + x1^2").fnN();
    expect(partial(g, [3, 4], 0, { method: "central", step: BOOK_STEP }).value).toBe(6.00000000000378);
    expect(partial(g, [3, 4], 1, { method: "central", step: BOOK_STEP }).value).toBe(7.999999999999119);
  });

  it("^ is right-associative and binds tighter than unary minus, as in math.js", () => {
    expect(compileFormula("2^3^2").evaluate([])).toBe(512);
    expect(compileFormula("-2^2").evaluate([])).toBe(-4);
  });
});

describe("real numbers only", () => {
  it("a square root or logarithm of a negative number is NaN, never complex", () => {
    const f = compileFormula("sqrt(x)").fn1();
    expect(f(-1)).toBeNaN();
    expect(compileFormula("log(x)").fn1()(-1)).toBeNaN();
    expect(compileFormula("x^(1/3)").fn1()(-8)).toBeNaN();
    expect(compileFormula("cbrt(x)").fn1()(-8)).toBe(-2);
    expect(compileFormula("asin(x)").fn1()(2)).toBeNaN();
  });

  it("division by zero gives ±Infinity, 0/0 NaN", () => {
    const f = compileFormula("1/x").fn1();
    expect(f(0)).toBe(Infinity);
    expect(f(-0)).toBe(-Infinity);
    expect(compileFormula("x/x").fn1()(0)).toBeNaN();
  });

  it("comparisons give 1 or 0 exactly (no tolerance), and NaN when a side is NaN", () => {
    const f = compileFormula("x > 1").fn1();
    expect(f(1 + 2 ** -52)).toBe(1);
    expect(f(1)).toBe(0);
    expect(f(NaN)).toBeNaN();
    expect(compileFormula("x == 0.3").fn1()(0.1 + 0.2)).toBe(0);
    expect(compileFormula("1 < x < 3").fn1()(2)).toBe(1);
    expect(compileFormula("1 < x < 3").fn1()(4)).toBe(0);
    expect(compileFormula("x != 2").fn1()(2)).toBe(0);
  });

  it("a conditional whose test is NaN is NaN, not its false branch", () => {
    const f = compileFormula("x > 0 ? 1 : 2").fn1();
    expect(f(NaN)).toBeNaN();
    expect(compileFormula("x ? 1 : 2").fn1()(0)).toBe(2);
    expect(compileFormula("x ? 1 : 2").fn1()(-3)).toBe(1);
  });
});

describe("variables", () => {
  it("without options, the names found become the variables, sorted with numbers in order", () => {
    expect(compileFormula("x10 + x2 + y + x0").variables).toEqual(["x0", "x2", "x10", "y"]);
    expect(compileFormula("3 + pi").variables).toEqual([]);
  });

  it("with options.variables, their order is kept and fnN reads in that order", () => {
    const f = compileFormula("x - y", { variables: ["y", "x"] });
    expect(f.variables).toEqual(["y", "x"]);
    expect(f.fnN()(Float64Array.of(1, 10))).toBe(9);
    expect(f.evaluate([1, 10])).toBe(9);
  });

  it("with options.variables, any other name is refused and declared ones may go unused", () => {
    expect(() => compileFormula("x + y", { variables: ["x"] })).toThrow(
      /unknown variable "y"; expected x \(at column 5\)/,
    );
    expect(compileFormula("x", { variables: ["x", "z"] }).evaluate([2, 7])).toBe(2);
  });

  it("declared names must be names, not constants, functions or reserved words, and not repeated", () => {
    for (const bad of [["sin"], ["pi"], ["e"], ["constructor"], ["__proto__"], ["2x"], ["x", "x"], [""]]) {
      expect(() => compileFormula("1", { variables: bad })).toThrow(FormulaError);
    }
  });

  it("fn1 requires exactly one variable", () => {
    expect(() => compileFormula("x + y").fn1()).toThrow(/expected a formula of one variable, got 2 \(x, y\)/);
    expect(() => compileFormula("3").fn1()).toThrow(FormulaError);
  });

  it("evaluate leaves the caller's array unchanged", () => {
    const values = [3, 4];
    compileFormula("x0^2 + x1^2").evaluate(values);
    expect(values).toEqual([3, 4]);
  });

  it("a sum of thousands of terms compiles flat (no deep recursion) and adds left to right", () => {
    const n = 3000;
    const f = compileFormula(Array.from({ length: n }, () => "x").join("+")).fn1();
    expect(f(0.1)).toBe(Array.from({ length: n }, () => 0.1).reduce((a, b) => a + b));
  });
});

describe("compiled squares", () => {
  it("x^2 is compiled as x*x and gives the bits of Math.pow(x, 2) for any double", () => {
    const f = compileFormula("x^2").fn1();
    const g = compileFormula("(x + 0)^2").fn1();
    fc.assert(
      fc.property(fc.double(), (x) => {
        expect(f(x)).toBe(Math.pow(x, 2));
        expect(g(x)).toBe(Math.pow(x + 0, 2));
      }),
      { numRuns: 2000 },
    );
  });

  it("long products and sums without / or - multiply and add left to right", () => {
    const f = compileFormula("x*1.1*x*1.3*x + x + 0.1 + x").fn1();
    for (const x of [0.7, 3.3]) expect(f(x)).toBe(x * 1.1 * x * 1.3 * x + x + 0.1 + x);
  });
});

describe("units and products", () => {
  it("a one-letter name written against its number is a product (2t), not a unit", () => {
    expect(compileFormula("2t + 3s").evaluate([5, 7])).toBe(2 * 7 + 3 * 5);
  });

  it("a unit name declared as a variable is that variable, even after a space", () => {
    expect(compileFormula("5 s", { variables: ["s"] }).evaluate([2])).toBe(10);
  });
});
