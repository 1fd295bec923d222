import { describe, expect, it } from "vitest";
import { NumdiffError } from "../../src/core/index.js";
import { compileFormula, FormulaError, MAX_FORMULA_LENGTH, MAX_NESTING } from "../../src/expr/index.js";

/** [formula, what the message must say, 1-based column or null when the fault has no single place] */
const REFUSED: [string, RegExp, number | null][] = [
  // math.js's own riskiest functions (its security notes) and other functions off the whitelist
  ["import({}, {override: true})", /function "import" is not allowed/, 1],
  ['createUnit("foo")', /function "createUnit" is not allowed/, 1],
  ['evaluate("1+1")', /function "evaluate" is not allowed/, 1],
  ['parse("x")', /function "parse" is not allowed/, 1],
  ['compile("x")', /function "compile" is not allowed/, 1],
  ["simplify(x)", /function "simplify" is not allowed/, 1],
  ["derivative(x, x)", /function "derivative" is not allowed/, 1],
  ["resolve(x)", /function "resolve" is not allowed/, 1],
  ["chain(3)", /function "chain" is not allowed/, 1],
  ["typed(x)", /function "typed" is not allowed/, 1],
  ["config({})", /function "config" is not allowed/, 1],
  ["x + gamma(x)", /function "gamma" is not allowed/, 5],
  ["reviver(1, 2)", /function "reviver" is not allowed/, 1],
  ["x(2)", /function "x" is not allowed/, 1],
  // constructor and prototype tricks
  ["[].constructor", /matrices and indexing are not allowed/, 1],
  ['cos.constructor("return process")()', /property access is not allowed/, 4],
  ["constructor", /name "constructor" is not allowed/, 1],
  ["__proto__ + 1", /name "__proto__" is not allowed/, 1],
  ["x.__proto__", /property access is not allowed/, 2],
  ['x["constructor"]', /matrices and indexing are not allowed/, 2],
  // assignments and function definitions
  ["f = cos", /assignments and function definitions are not allowed/, 3],
  ["f(x) = x", /function definitions are not allowed/, 1],
  ["x = 1; x", /assignments and function definitions are not allowed/, 3],
  // property access, indexing, strings, objects, matrices, ranges, units
  ["a.b", /property access is not allowed/, 2],
  ["a[1]", /matrices and indexing are not allowed/, 2],
  ['"abc"', /strings are not allowed/, 1],
  ["'abc'", /strings and transposes are not allowed/, 1],
  ["{a: 1}", /objects are not allowed/, 1],
  ["[1, 2]", /matrices and indexing are not allowed/, 1],
  ["1:3", /ranges are not allowed/, 2],
  ["5 cm", /units are not allowed \("cm"\); write \* for a product/, 3],
  ["5cm", /units are not allowed \("cm"\)/, 2],
  ["10 s + x", /units are not allowed \("s"\)/, 4],
  ["this", /name "this" is not allowed/, 1],
  ["process + 1", /name "process" is not allowed/, 1],
  ["x + \u{1F600}", /character U\+1F600 is not allowed/, 5],
  ["5 cm to inch", /operator "to" is not allowed/, 6],
  ["x.*2", /element-wise operators are not allowed/, 2],
  // other operators and statements
  ["x mod 2", /operator "mod" is not allowed/, 3],
  ["x and y", /operator "and" is not allowed/, 3],
  ["x % 2", /operator "%" is not allowed/, 3],
  ["x!", /operator "!" is not allowed/, 2],
  ["x; y", /only one expression is allowed/, 2],
  ["x\ny", /only one expression is allowed/, 2],
  ["x # comment", /comments are not allowed/, 3],
  ["true", /constant "true" is not allowed/, 1],
  ["null + x", /constant "null" is not allowed/, 1],
  // names
  ["sin", /function "sin" used as a variable/, 1],
  ["sin x", /function "sin" used as a variable/, 1],
  ["phi * x", /name "phi" is not allowed/, 1],
  ["LN2", /name "LN2" is not allowed/, 1],
  ["π*x", /character U\+03C0 is not allowed/, 1],
  // typos
  ["sin(x", /missing "\)"/, 6],
  ["x)", /unmatched "\)"/, 2],
  ["x**2", /"\*\*" is not an operator; use "\^" for powers/, 2],
  ["x +", /unexpected end of expression/, 4],
  ["log()", /function "log" takes 1 or 2 arguments, got 0/, 1],
  ["atan2(x)", /function "atan2" takes 2 arguments, got 1/, 1],
  ["sin(x, 2)", /function "sin" takes 1 argument, got 2/, 1],
  // empty
  ["", /the formula is empty/, null],
  [" \t ", /the formula is empty/, null],
];

describe("compileFormula refuses, before any evaluation, with what and where", () => {
  it.each(REFUSED)("%j", (text, message, column) => {
    let error: unknown;
    try {
      compileFormula(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormulaError);
    expect(error).toBeInstanceOf(NumdiffError);
    const e = error as FormulaError;
    expect(e.code).toBe("INVALID_FORMULA");
    expect(e.message).toMatch(/^invalid formula; /);
    expect(e.message).toMatch(message);
    expect(e.position).toBe(column === null ? undefined : column - 1);
    if (column !== null) expect(e.message).toContain(`(at column ${column})`);
  });
});

describe("limits are checked on the text, before math.js parses it", () => {
  it(`accepts ${MAX_FORMULA_LENGTH} characters and refuses one more`, () => {
    const ok = "x+".repeat(MAX_FORMULA_LENGTH / 2 - 1) + "10";
    expect(ok.length).toBe(MAX_FORMULA_LENGTH);
    expect(compileFormula(ok).fn1()(1)).toBe(MAX_FORMULA_LENGTH / 2 - 1 + 10);
    expect(() => compileFormula(ok + "0")).toThrow(
      `invalid formula; expected at most ${MAX_FORMULA_LENGTH} characters, got ${MAX_FORMULA_LENGTH + 1}`,
    );
  });

  it(`accepts ${MAX_NESTING} nested parentheses and refuses ${MAX_NESTING + 1}`, () => {
    const nest = (n: number) => "(".repeat(n) + "x" + ")".repeat(n);
    expect(compileFormula(nest(MAX_NESTING)).fn1()(3)).toBe(3);
    expect(() => compileFormula(nest(MAX_NESTING + 1))).toThrow(
      `nesting deeper than ${MAX_NESTING} levels (at column ${MAX_NESTING + 1})`,
    );
  });

  it("nesting bombs of parentheses, signs, powers and conditionals are refused, not a stack overflow", () => {
    const bombs = [
      "(".repeat(4999) + "x" + ")".repeat(4999),
      "-".repeat(9999) + "x",
      "x^".repeat(4999) + "x",
      "x?".repeat(3000) + "1" + ":1".repeat(3000),
      "sin(".repeat(2000) + "x" + ")".repeat(2000),
      "(".repeat(10_000),
    ];
    for (const bomb of bombs) expect(() => compileFormula(bomb)).toThrow(/invalid formula; /);
  });

  it("a length bomb of 10,000 nested parentheses is refused by its length", () => {
    expect(() => compileFormula("(".repeat(10_000) + "x" + ")".repeat(10_000))).toThrow(
      /expected at most 10000 characters/,
    );
  });
});

describe("the whitelist", () => {
  const ARITY: [string, number][] = [
    ["sqrt", 1],
    ["cbrt", 1],
    ["exp", 1],
    ["expm1", 1],
    ["log", 1],
    ["log", 2],
    ["log1p", 1],
    ["log2", 1],
    ["log10", 1],
    ["sin", 1],
    ["cos", 1],
    ["tan", 1],
    ["asin", 1],
    ["acos", 1],
    ["atan", 1],
    ["atan2", 2],
    ["sinh", 1],
    ["cosh", 1],
    ["tanh", 1],
    ["asinh", 1],
    ["acosh", 1],
    ["atanh", 1],
    ["abs", 1],
    ["sign", 1],
    ["min", 1],
    ["min", 3],
    ["max", 2],
    ["pow", 2],
    ["hypot", 1],
    ["hypot", 4],
    ["floor", 1],
    ["ceil", 1],
  ];
  it.each(ARITY)("%s with %i argument(s) is accepted", (name, n) => {
    const args = Array.from({ length: n }, (_, i) => `x/${i + 2}`).join(", ");
    expect(compileFormula(`${name}(${args})`).variables).toEqual(["x"]);
  });

  it("functions math.js's derivative writes (sec, csc, cot, sech, csch, coth) are not for formulas", () => {
    for (const name of ["sec", "csc", "cot", "sech", "csch", "coth"]) {
      expect(() => compileFormula(`${name}(x)`)).toThrow(`function "${name}" is not allowed`);
    }
  });

  it("a non-string formula is refused", () => {
    expect(() => compileFormula(42 as unknown as string)).toThrow(FormulaError);
  });
});
