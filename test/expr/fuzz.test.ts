import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { analyticDerivative, compileFormula, FormulaError } from "../../src/expr/index.js";

/** Pieces of formulas, valid and not: any sequence of them must compile or throw FormulaError. */
const PIECES = [
  "x",
  "y",
  "x0",
  "2",
  "0.5",
  "1e3",
  ".",
  "+",
  "-",
  "*",
  "/",
  "^",
  "(",
  ")",
  ",",
  "?",
  ":",
  "<",
  ">",
  "=",
  "==",
  "!",
  "[",
  "]",
  "{",
  "}",
  '"',
  "'",
  ";",
  " ",
  "sin",
  "sin(",
  "log(",
  "max(",
  "pi",
  "e",
  "import(",
  "constructor",
  "__proto__",
  "cm",
  "to",
  "mod",
  "and",
  "true",
  "#",
  "\n",
  "%",
  "&",
  "|",
  "π",
  "atan2(",
];

describe("fuzzing compileFormula", () => {
  it("any sequence of formula pieces compiles or throws FormulaError, never anything else", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }), (pieces) => {
        const text = pieces.join("");
        try {
          const f = compileFormula(text);
          expect(typeof f.evaluate(f.variables.map(() => 0.5))).toBe("number");
          for (const v of f.variables) analyticDerivative(f, v);
        } catch (e) {
          if (!(e instanceof FormulaError)) throw e;
          expect(e.message).toMatch(/^invalid formula; /);
          expect(e.message).not.toMatch(/\n/);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("any string compiles or throws FormulaError", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        try {
          compileFormula(text);
        } catch (e) {
          if (!(e instanceof FormulaError)) throw e;
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("analytic against numerical derivatives on random smooth formulas", () => {
  const formula = fc.letrec<{ f: string }>((tie) => ({
    f: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom("x", "2", "0.5", "pi"),
      fc.tuple(tie("f"), fc.constantFrom("+", "-", "*"), tie("f")).map(([a, op, b]) => `(${a} ${op} ${b})`),
      fc
        .tuple(fc.constantFrom("sin", "cos", "atan", "exp", "sinh", "tanh"), tie("f"))
        .map(([fn, a]) => `${fn}(${a})`),
      tie("f").map((a) => `(${a})^2`),
      tie("f").map((a) => `(${a})/(1 + (${a})^2)`),
    ),
  })).f;

  it("math.js's derivative, compiled, agrees with the numerical one within its error estimate", () => {
    fc.assert(
      // Points on a grid away from 0: at a tiny x a formula like ((x - pi) + pi) is flat in doubles (the
      // cancellation is the formula's), so its numerical derivative is rightly 0 where the exact one is not.
      fc.property(formula, fc.integer({ min: -200, max: 200 }), (text, k) => {
        const x = k / 100 + 0.005;
        const f = compileFormula(text, { variables: ["x"] });
        const d = analyticDerivative(f, "x");
        expect(d).not.toBeNull();
        const fx = f.fn1()(x);
        const exact = d!.fn1()(x);
        if (!Number.isFinite(fx) || !Number.isFinite(exact) || Math.abs(fx) > 1e6) return;
        const r = derivative(f.fn1(), x);
        // The estimate's own error bound, widened by rounding in evaluating the exact formula.
        expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(10 * r.error + 1e-9 * (1 + Math.abs(exact)));
      }),
      { numRuns: 300, seed: 20261124 }, // a fixed sample: agreement depends on the numerics, not only on expr,
    );
  });
});
