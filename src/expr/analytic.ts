import type { MathNode } from "mathjs";
import { MAX_ORDER } from "../core/all-constants.js";
import { invalid } from "../core/index.js";
import { fromExpr, formulaInternals, type CompiledFormula } from "./compile.js";
import { FormulaError } from "./errors.js";
import { MAX_ANALYTIC_CONDITIONALS, MAX_ANALYTIC_NODES, MAX_SIMPLIFY_NODES } from "./limits.js";
import { mathDerivative, mathSimplify, nodes } from "./mathjs.js";
import { pruneTree } from "./prune.js";
import { walkTree } from "./parse.js";

/** The parts of math.js's node classes the rewrites read. */
interface AnyNode {
  readonly type: string;
  readonly name?: string;
  readonly fn?: AnyNode;
  readonly args?: MathNode[];
  readonly condition?: MathNode;
  readonly trueExpr?: MathNode;
  readonly falseExpr?: MathNode;
}

/** Thrown inside a rewrite when math.js's derivative cannot take the formula. */
class Unsupported extends Error {}

const PLACEHOLDER = "__numdiff_piecewise_constant_";

const { ConditionalNode, ConstantNode, FunctionNode, OperatorNode, ParenthesisNode, SymbolNode } = nodes;

function call(name: string, args: MathNode[]): MathNode {
  return new FunctionNode(new SymbolNode(name), args);
}
function op(symbol: string, fn: string, args: MathNode[]): MathNode {
  return new OperatorNode(symbol as never, fn as never, args);
}
function paren(node: MathNode): MathNode {
  return new ParenthesisNode(node);
}

/**
 * Rewrites the whitelisted functions math.js's derivative does not know into ones it does, with the same
 * derivative: expm1(u) = exp(u) - 1, log1p(u) = log(1 + u), log2(u) = log(u, 2), hypot(a, b, …) =
 * sqrt(a^2 + b^2 + …), min and max as conditionals; sign, floor and ceil (piecewise constant, derivative
 * 0 between their jumps) become placeholder symbols, restored after differentiation.
 */
function prepare(root: MathNode, held: MathNode[]): MathNode {
  return root.transform((node) => {
    const n = node as unknown as AnyNode;
    if (n.type !== "FunctionNode") return node;
    const name = n.fn?.name ?? "";
    const args = (n.args ?? []).map((a) => prepare(a, held));
    switch (name) {
      case "expm1":
        return op("-", "subtract", [call("exp", args), new ConstantNode(1)]);
      case "log1p":
        return call("log", [op("+", "add", [new ConstantNode(1), paren(args[0])])]);
      case "log2":
        return call("log", [args[0], new ConstantNode(2)]);
      case "hypot": {
        const squares = args.map((a) => op("^", "pow", [paren(a), new ConstantNode(2)]));
        return call("sqrt", [squares.reduce((s, t) => op("+", "add", [s, t]))]);
      }
      case "min":
      case "max": {
        const pick = name === "min" ? ["<=", "smallerEq"] : [">=", "largerEq"];
        return args.reduce((a, b) => paren(new ConditionalNode(op(pick[0], pick[1], [a, b]), a, b)));
      }
      case "sign":
      case "floor":
      case "ceil":
        held.push(call(name, args));
        return new SymbolNode(PLACEHOLDER + (held.length - 1));
      case "atan2":
        throw new Unsupported();
      default:
        return call(name, args);
    }
  });
}

/** Puts back the functions that {@link prepare} held aside. */
function restore(root: MathNode, held: readonly MathNode[]): MathNode {
  return root.transform((node) => {
    const name = (node as unknown as AnyNode).name;
    if (node.type === "SymbolNode" && name?.startsWith(PLACEHOLDER)) {
      return held[Number(name.slice(PLACEHOLDER.length))];
    }
    return node;
  });
}

function countNodes(root: MathNode): number {
  let size = 0;
  root.traverse(() => void size++);
  return size;
}

/** The derivative of a tree: conditionals are lifted to the top (f(c ? a : b) = c ? f(a) : f(b)). */
function differentiate(root: MathNode, variable: string, budget: number): MathNode {
  if (root.type === "ParenthesisNode") {
    return differentiate((root as unknown as { content: MathNode }).content, variable, budget);
  }
  if (root.type === "ConditionalNode") {
    const c = root as unknown as Required<AnyNode>;
    return new ConditionalNode(
      c.condition,
      paren(differentiate(c.trueExpr, variable, budget)),
      paren(differentiate(c.falseExpr, variable, budget)),
    );
  }
  const inner = root.filter((n) => n.type === "ConditionalNode")[0] as unknown as
    Required<AnyNode> | undefined;
  if (inner === undefined) {
    const raw = pruneTree(mathDerivative(root, variable, false));
    const size = countNodes(raw);
    if (size > MAX_ANALYTIC_NODES) throw new Unsupported();
    return size <= MAX_SIMPLIFY_NODES ? mathSimplify(raw) : raw;
  }
  if (budget <= 0) throw new Unsupported();
  const branch = (replacement: MathNode): MathNode =>
    root.transform((n) => (n === (inner as unknown as MathNode) ? paren(replacement) : n));
  return new ConditionalNode(
    inner.condition,
    paren(differentiate(branch(inner.trueExpr), variable, budget - 1)),
    paren(differentiate(branch(inner.falseExpr), variable, budget - 1)),
  );
}

function checkVariable(formula: CompiledFormula, variable: string): void {
  if (!formula.variables.includes(variable)) {
    const expected = formula.variables.join(", ") || "no variables";
    throw new FormulaError(`unknown variable "${variable}"; expected ${expected}`);
  }
}

/**
 * The exact derivative of a compiled formula with respect to one of its variables, by math.js's
 * symbolic `derivative` (simplified), compiled the same way as the formula. `source` is the
 * derivative's text. Conditionals are differentiated branch by branch; sign, floor and ceil have
 * derivative 0 between their jumps; min and max follow the branch they pick.
 *
 * @param order - which derivative, 1 (default) to {@link MAX_ORDER}.
 * @returns null (not a throw) when math.js cannot differentiate the formula (atan2, more than
 *   {@link MAX_ANALYTIC_CONDITIONALS} conditionals, or a derivative larger than
 *   {@link MAX_ANALYTIC_NODES} nodes).
 * @throws FormulaError when `variable` is not one of the formula's; NumdiffError for a bad order.
 * @example
 * ```ts
 * import { analyticDerivative, compileFormula } from "numdiff/expr";
 * const d = analyticDerivative(compileFormula("0.01*x^2 + 0.1*x"), "x");
 * d?.source; // "x / 50 + 1 / 10"
 * d?.fn1()(5); // 0.2 (exactly: the seed's numerical 0.1999999999990898 is off by 9.1e-13)
 * ```
 */
export function analyticDerivative(
  formula: CompiledFormula,
  variable: string,
  order = 1,
): CompiledFormula | null {
  if (!(typeof order === "number" && Number.isInteger(order) && order >= 1 && order <= MAX_ORDER)) {
    throw invalid("INVALID_ORDER", "order", `an integer from 1 to ${MAX_ORDER}`, order);
  }
  checkVariable(formula, variable);
  const start = formulaInternals(formula);
  if (start === undefined) throw new FormulaError("not a formula made by compileFormula");
  let node = start.node;
  try {
    for (let k = 0; k < order; k++) {
      const held: MathNode[] = [];
      node = restore(differentiate(prepare(node, held), variable, MAX_ANALYTIC_CONDITIONALS), held);
      if (countNodes(node) > MAX_ANALYTIC_NODES) return null;
    }
  } catch (e) {
    if (e instanceof RangeError || e instanceof FormulaError) throw e;
    return null;
  }
  const expr = walkTree(node, formula.variables);
  return expr === null ? null : fromExpr(node.toString(), expr, formula.variables, node);
}

/**
 * The exact gradient of a compiled formula: one {@link analyticDerivative} per variable, in the order of
 * `formula.variables`; null when any of them is unknown to math.js.
 *
 * @example
 * ```ts
 * import { analyticGradient, compileFormula } from "numdiff/expr";
 * analyticGradient(compileFormula("x0^2 + x1^2"))?.map((g) => g.evaluate([3, 4])); // [6, 8]
 * ```
 */
export function analyticGradient(formula: CompiledFormula): CompiledFormula[] | null {
  const gradient: CompiledFormula[] = [];
  for (const v of formula.variables) {
    const d = analyticDerivative(formula, v);
    if (d === null) return null;
    gradient.push(d);
  }
  return gradient;
}

/**
 * The exact Hessian of a compiled formula, `[i][j]` = ∂²f/∂x_i∂x_j in the order of `formula.variables`;
 * each entry below the diagonal is the same object as its mirror. Null when math.js cannot
 * differentiate the formula.
 *
 * @example
 * ```ts
 * import { analyticHessian, compileFormula } from "numdiff/expr";
 * analyticHessian(compileFormula("x*y^2"))?.map((row) => row.map((h) => h.evaluate([1, 2])));
 * // [[0, 4], [4, 2]]
 * ```
 */
export function analyticHessian(formula: CompiledFormula): CompiledFormula[][] | null {
  const gradient = analyticGradient(formula);
  if (gradient === null) return null;
  const n = formula.variables.length;
  const hessian: CompiledFormula[][] = Array.from({ length: n }, () => new Array<CompiledFormula>(n));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const h = analyticDerivative(gradient[i], formula.variables[j]);
      if (h === null) return null;
      hessian[i][j] = h;
      hessian[j][i] = h;
    }
  }
  return hessian;
}
