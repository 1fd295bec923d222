import { MAX_ORDER } from "numdiff/constants";
import { invalid } from "numdiff";
import { Builder, GiveUp } from "./builder.js";
import { fromExpr, formulaInternals, type CompiledFormula } from "./compile.js";
import { deriveExpr } from "./derive.js";
import { FormulaError } from "./errors.js";
import { MAX_ANALYTIC_NODES, MAX_ANALYTIC_WORK } from "./limits.js";
import { printExpr } from "./print.js";

/**
 * An exact (analytic) result, or why there is none: `{ value }` or `{ value: null, reason }`; `nodes`
 * is the work done, in nodes built (at most {@link MAX_ANALYTIC_NODES} per derivative).
 * @example
 * ```ts
 * const r: Analytic<number> = { value: null, reason: "the exact derivative needs more than 200000 nodes", nodes: 200001 };
 * ```
 */
export type Analytic<T> = (
  | {
      /** The exact derivative. */
      value: T;
      /** Absent: there is an exact derivative. */
      reason?: undefined;
    }
  | {
      /** No exact derivative. */
      value: null;
      /** Why there is none. */
      reason: string;
    }
) & {
  /** Formula nodes the derivative visited and built (its work). */
  nodes: number;
};

function checkVariable(formula: CompiledFormula, variable: string): void {
  if (!formula.variables.includes(variable)) {
    const expected = formula.variables.join(", ") || "no variables";
    throw new FormulaError(`unknown variable "${variable}"; expected ${expected}`);
  }
}

function internalsOf(formula: CompiledFormula) {
  const start = formulaInternals(formula);
  if (start === undefined) throw new FormulaError("not a formula made by compileFormula");
  return start;
}

/**
 * The exact derivative of a compiled formula with respect to one of its variables, or why there is
 * none. numdiff differentiates its own formula tree (./derive.ts): no simplification that changes a
 * value (1e-30*sin(x) gives 1e-30 * cos(x)), real-valued rules ((x^2)^(1/2) at -2 gives -1, cbrt at
 * x < 0 is finite), shared subformulas instead of copies (max of 24 arguments stays small). The work
 * is counted: past {@link MAX_ANALYTIC_NODES} nodes, or nested too deeply, the result is
 * `{ value: null, reason }`, never an error and never a wrong value.
 *
 * @param order - which derivative, 1 (default) to {@link MAX_ORDER}.
 * @param budget - the most work, in nodes, for all the orders together (default
 *   {@link MAX_ANALYTIC_NODES}); a caller with a time budget (the explorer's worker) may give less.
 * @throws FormulaError when `variable` is not one of the formula's; NumdiffError for a bad order.
 * @example
 * ```ts
 * import { compileFormula, exactDerivative } from "@numdiff/expr";
 * const d = exactDerivative(compileFormula("6.62607015e-34*x^2"), "x");
 * d.value?.source; // "1.32521403e-33 * x"
 * d.value?.evaluate([2]); // 2.65042806e-33
 * ```
 */
export function exactDerivative(
  formula: CompiledFormula,
  variable: string,
  order = 1,
  budget = MAX_ANALYTIC_NODES,
): Analytic<CompiledFormula> {
  if (!(typeof order === "number" && Number.isInteger(order) && order >= 1 && order <= MAX_ORDER)) {
    throw invalid("INVALID_ORDER", "order", `an integer from 1 to ${MAX_ORDER}`, order);
  }
  checkVariable(formula, variable);
  const { expr: start, index } = internalsOf(formula);
  const builder = new Builder(budget);
  let expr = start;
  try {
    for (let k = 0; k < order; k++) expr = deriveExpr(expr, variable, builder, index);
  } catch (e) {
    const nodes = builder.built;
    if (e instanceof GiveUp) return { value: null, reason: e.reason, nodes };
    if (e instanceof RangeError)
      return { value: null, reason: "the exact derivative is nested too deeply", nodes };
    throw e;
  }
  return { value: fromExpr(printExpr(expr), expr, formula.variables, index), nodes: builder.built };
}

/**
 * The exact derivative, or null when it is unknown ({@link exactDerivative} says why).
 *
 * @example
 * ```ts
 * import { analyticDerivative, compileFormula } from "@numdiff/expr";
 * const d = analyticDerivative(compileFormula("0.01*x^2 + 0.1*x"), "x");
 * d?.source; // "0.02 * x + 0.1"
 * d?.fn1()(5); // 0.2 (exactly: the seed's numerical 0.1999999999990898 is off by 9.1e-13)
 * ```
 */
export function analyticDerivative(
  formula: CompiledFormula,
  variable: string,
  order = 1,
): CompiledFormula | null {
  return exactDerivative(formula, variable, order).value;
}

/**
 * A share of {@link MAX_ANALYTIC_WORK} for the derivatives of one gradient or Hessian: each
 * derivative gets at most {@link MAX_ANALYTIC_NODES}, and all together at most the total.
 */
class Account {
  used = 0;
  constructor(private readonly what: string) {}

  derive(formula: CompiledFormula, variable: string): Analytic<CompiledFormula> {
    const remaining = MAX_ANALYTIC_WORK - this.used;
    const d = exactDerivative(formula, variable, 1, Math.min(MAX_ANALYTIC_NODES, remaining));
    this.used += d.nodes;
    if (d.value === null && remaining < MAX_ANALYTIC_NODES && d.nodes > remaining) {
      return {
        /** The exact derivative, or null when there is none to give. */
        value: null,
        /** Why there is no exact derivative. */
        reason: `the exact ${this.what} needs more than ${MAX_ANALYTIC_WORK} nodes in all`,
        /** Formula nodes the derivative visited and built (its work). */
        nodes: this.used,
      };
    }
    return { ...d, nodes: this.used };
  }
}

function gradientWith(formula: CompiledFormula, account: Account): Analytic<CompiledFormula[]> {
  const gradient: CompiledFormula[] = [];
  for (const v of formula.variables) {
    const d = account.derive(formula, v);
    if (d.value === null) return d;
    gradient.push(d.value);
  }
  return { value: gradient, nodes: account.used };
}

/**
 * The exact gradient, in the order of `formula.variables`, or why it is unknown. All its derivatives
 * together do at most {@link MAX_ANALYTIC_WORK} nodes of work.
 *
 * @example
 * ```ts
 * import { compileFormula, exactGradient } from "@numdiff/expr";
 * exactGradient(compileFormula("x0^2 + x1^2")).value?.map((g) => g.evaluate([3, 4])); // [6, 8]
 * ```
 */
export function exactGradient(formula: CompiledFormula): Analytic<CompiledFormula[]> {
  return gradientWith(formula, new Account("gradient"));
}

/**
 * The exact gradient, or null when it is unknown.
 *
 * @example
 * ```ts
 * import { analyticGradient, compileFormula } from "@numdiff/expr";
 * analyticGradient(compileFormula("x0^2 + x1^2"))?.map((g) => g.evaluate([3, 4])); // [6, 8]
 * ```
 */
export function analyticGradient(formula: CompiledFormula): CompiledFormula[] | null {
  return exactGradient(formula).value;
}

/**
 * The exact Hessian, `[i][j]` = ∂²f/∂x_i∂x_j in the order of `formula.variables` (each entry below the
 * diagonal is the same object as its mirror), or why it is unknown. All its derivatives together do at
 * most {@link MAX_ANALYTIC_WORK} nodes of work.
 *
 * @example
 * ```ts
 * import { compileFormula, exactHessian } from "@numdiff/expr";
 * exactHessian(compileFormula("x*y^2")).value?.map((row) => row.map((h) => h.evaluate([1, 2])));
 * // [[0, 4], [4, 2]]
 * ```
 */
export function exactHessian(formula: CompiledFormula): Analytic<CompiledFormula[][]> {
  const account = new Account("Hessian");
  const gradient = gradientWith(formula, account);
  if (gradient.value === null) return gradient;
  const n = formula.variables.length;
  const hessian: CompiledFormula[][] = Array.from({ length: n }, () => new Array<CompiledFormula>(n));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const h = account.derive(gradient.value[i], formula.variables[j]);
      if (h.value === null) return h;
      hessian[i][j] = h.value;
      hessian[j][i] = h.value;
    }
  }
  return { value: hessian, nodes: account.used };
}

/**
 * The exact Hessian, or null when it is unknown.
 *
 * @example
 * ```ts
 * import { analyticHessian, compileFormula } from "@numdiff/expr";
 * analyticHessian(compileFormula("x*y^2"))?.map((row) => row.map((h) => h.evaluate([1, 2])));
 * // [[0, 4], [4, 2]]
 * ```
 */
export function analyticHessian(formula: CompiledFormula): CompiledFormula[][] | null {
  return exactHessian(formula).value;
}
