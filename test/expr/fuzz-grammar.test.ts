import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compileFormula,
  exactDerivative,
  exactHessian,
  FormulaError,
  MAX_ANALYTIC_WORK,
  MAX_ANALYTIC_NODES,
  MAX_SOURCE_LENGTH,
  type CompiledFormula,
} from "../../src/expr/index.js";
import { children } from "../../src/expr/builder.js";
import { formulaInternals } from "../../src/expr/compile.js";
import type { Expr } from "../../src/expr/ir.js";
import corpus from "./fuzz-corpus.json" with { type: "json" };

/**
 * Fuzzing the formula layer with formulas drawn from its grammar: each one compiles (or is refused
 * with a FormulaError), evaluates to a number, and its exact derivative either exists or says why not,
 * within a budget of work counted in nodes (never in time). Everything that once failed is in
 * ./fuzz-corpus.json and is replayed first.
 */

/**
 * Work allowed for a first derivative, per node of the formula and per level of the balanced product
 * tree: every rule builds at most a handful of nodes per node of its input (the chain rule for a
 * function: up to 6; the product rule over n factors: up to 4 per factor and level of a tree of
 * log2(n) levels). 16 leaves a wide margin above the largest ratio measured on the corpus (1.5).
 */
const NODES_PER_INPUT_NODE = 16;

/** Random formulas per run: enough to reach every rule many times, few enough for a second or two. */
const RUNS = 400;

function size(root: Expr): number {
  const seen = new Set<Expr>();
  const stack = [root];
  while (stack.length > 0) {
    const e = stack.pop() as Expr;
    if (seen.has(e)) continue;
    seen.add(e);
    stack.push(...children(e));
  }
  return seen.size;
}

/** The work a first derivative of `f` may do: {@link NODES_PER_INPUT_NODE} · n · log2(n + 2). */
function budgetFor(f: CompiledFormula): number {
  const n = size(formulaInternals(f)!.expr);
  return NODES_PER_INPUT_NODE * n * Math.log2(n + 2);
}

interface Entry {
  formula?: string;
  build?: { prefix: string; piece: string; times: number; suffix: string };
  why: string;
}

function text(entry: Entry): string {
  if (entry.formula !== undefined) return entry.formula;
  const b = entry.build!;
  return b.prefix + b.piece.repeat(b.times) + b.suffix;
}

/** The property: compiled or refused; a number; a derivative within the budget or a reason. */
function check(formula: string): void {
  let f: CompiledFormula;
  try {
    f = compileFormula(formula);
  } catch (e) {
    if (!(e instanceof FormulaError)) throw e;
    expect(e.message).toMatch(/^invalid formula; [^\n]*$/);
    return;
  }
  const point = f.variables.map((_, i) => 0.75 + i / 8);
  expect(typeof f.evaluate(point)).toBe("number");
  const budget = budgetFor(f);
  for (const v of f.variables.slice(0, 3)) {
    const d = exactDerivative(f, v);
    expect(d.nodes).toBeLessThanOrEqual(Math.min(budget, MAX_ANALYTIC_NODES));
    expect(d.value === null ? d.reason : "").not.toBe(undefined);
    if (d.value !== null) {
      expect(typeof d.value.evaluate(point)).toBe("number");
      expect(d.value.source.length).toBeLessThanOrEqual(MAX_SOURCE_LENGTH + 1);
      if (!d.value.source.endsWith("…")) {
        // The derivative's text reads back to the same formula: the same value, bit for bit.
        const again = compileFormula(d.value.source, { variables: f.variables });
        expect(
          Object.is(again.evaluate(point), d.value.evaluate(point)) || Number.isNaN(again.evaluate(point)),
        ).toBe(true);
      }
      // The second derivative is bounded by the global budget whatever the first one's size.
      const d2 = exactDerivative(d.value, v);
      expect(d2.nodes).toBeLessThanOrEqual(MAX_ANALYTIC_NODES + 1);
      expect(d2.value !== null || /nodes|deep/.test(d2.reason)).toBe(true);
    } else {
      expect(d.reason).toMatch(/nodes|deep/);
    }
  }
}

const NUMBERS = ["2", "0.5", "3", "1e-30", "6.62607015e-34", "1e15", "1e300", "0", "7.25", "pi", "e"];
const UNARY = [
  "sqrt",
  "cbrt",
  "exp",
  "expm1",
  "log",
  "log1p",
  "log2",
  "log10",
  "sin",
  "cos",
  "tan",
  "asin",
  "acos",
  "atan",
  "sinh",
  "cosh",
  "tanh",
  "asinh",
  "acosh",
  "atanh",
  "abs",
  "sign",
  "floor",
  "ceil",
];
const BINARY = ["atan2", "pow", "log"];
const VARIADIC = ["min", "max", "hypot"];
const OPERATORS = ["+", "-", "*", "/", "^", "<", ">", "<=", ">=", "==", "!="];

/** Formula text from the grammar: every operator, every function and arity, conditionals. */
const formula: fc.Arbitrary<string> = fc.letrec<{ f: string }>((tie) => ({
  f: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("x", "y", "x0", ...NUMBERS),
    fc.tuple(tie("f"), fc.constantFrom(...OPERATORS), tie("f")).map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie("f").map((a) => `-(${a})`),
    fc.tuple(fc.constantFrom(...UNARY), tie("f")).map(([g, a]) => `${g}(${a})`),
    fc.tuple(fc.constantFrom(...BINARY), tie("f"), tie("f")).map(([g, a, b]) => `${g}(${a}, ${b})`),
    fc
      .tuple(fc.constantFrom(...VARIADIC), fc.array(tie("f"), { minLength: 1, maxLength: 30 }))
      .map(([g, args]) => `${g}(${args.join(", ")})`),
    fc.tuple(tie("f"), tie("f"), tie("f")).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    fc
      .tuple(fc.constantFrom("+", "*"), fc.array(tie("f"), { minLength: 2, maxLength: 60 }))
      .map(([op, terms]) => `(${terms.join(op)})`),
  ),
})).f;

describe("fuzzing the formula layer from its grammar, with the work budget asserted", () => {
  it.each((corpus.entries as Entry[]).map((e) => [e.why, e]))("corpus: %s", (_why, entry) => {
    check(text(entry as Entry));
    const f = (() => {
      try {
        return compileFormula(text(entry as Entry));
      } catch {
        return null;
      }
    })();
    // A whole Hessian shares one budget, however many variables.
    if (f !== null) expect(exactHessian(f).nodes).toBeLessThanOrEqual(MAX_ANALYTIC_WORK + 1);
  });

  it(`${RUNS} random formulas compile or are refused, and their derivatives stay within the budget`, () => {
    const examples = (corpus.entries as Entry[])
      .filter((e) => e.formula !== undefined)
      .map((e) => [text(e)] as [string]);
    fc.assert(fc.property(formula, check), { numRuns: RUNS, seed: 12, examples });
  });

  it("long formulas: sums and products of up to 2,000 terms, nesting up to 190 calls", () => {
    const term = fc.constantFrom("x", "sin(x)", "x^2", "exp(-x)", "max(x, 1, y)", "(x > 0 ? x : y)", "2.5");
    fc.assert(
      fc.property(
        fc.array(term, { minLength: 1, maxLength: 2000 }),
        fc.constantFrom("+", "*", "-", "/"),
        fc.integer({ min: 0, max: 190 }),
        (terms, op, depth) => {
          const body = terms.join(op);
          check(body.length + 5 * depth <= 10_000 ? "sin(".repeat(depth) + body + ")".repeat(depth) : body);
        },
      ),
      { numRuns: 30, seed: 12 },
    );
  });
});
