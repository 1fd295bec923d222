import { Builder, ONE, ZERO } from "./builder.js";
import { callRule, powerRule } from "./derive-call.js";
import { productRule } from "./derive-product.js";
import type { Expr } from "./ir.js";
import { hasVariable, variableMask } from "./variable-mask.js";

/**
 * The symbolic derivative of a formula with respect to one variable, written by numdiff on its own
 * formula tree (./ir.ts) rather than by math.js: every rule is the textbook rule (chain, product,
 * power), nothing is simplified in a way that changes a value, and the result shares the subformulas of
 * its input instead of copying them, so its size is linear in the input's (a product of n factors:
 * O(n log n)). Each node is differentiated once (memoized), and every node built is counted by the
 * {@link Builder}, which gives up past its budget. With the formula's variable `index`, subformulas
 * free of the variable are skipped (derivative 0) without being walked.
 *
 * @throws GiveUp (from the builder) when the derivative outgrows its budget.
 * @example
 * ```ts
 * const x: Expr = { kind: "variable", name: "x" };
 * deriveExpr({ kind: "power", base: x, exponent: { kind: "number", value: 2 } }, "x", new Builder());
 * // 2 * x
 * ```
 */
export function deriveExpr(
  root: Expr,
  variable: string,
  b: Builder,
  index?: ReadonlyMap<string, number>,
): Expr {
  const memo = new Map<Expr, Expr>();
  const at = index?.get(variable);
  // A subformula without the variable has derivative 0: it is not walked (see ./variable-mask.ts).
  const free = (e: Expr): boolean =>
    index !== undefined && at !== undefined && !hasVariable(variableMask(e, index), at);
  const d = (e: Expr): Expr => {
    let r = memo.get(e);
    if (r === undefined && free(e)) r = ZERO;
    if (r === undefined) {
      b.visit();
      r = rule(e, d, variable, b);
      memo.set(e, r);
    }
    return r;
  };
  return d(root);
}

function rule(e: Expr, d: (e: Expr) => Expr, variable: string, b: Builder): Expr {
  switch (e.kind) {
    case "number":
      return ZERO;
    case "variable":
      return e.name === variable ? ONE : ZERO;
    case "negate":
      return b.negate(d(e.arg));
    case "sum":
      return b.sum(e.terms.map(d), e.subtract);
    case "product":
      return productRule(b, e.factors, e.divide, e.factors.map(d));
    case "power":
      return powerRule(b, e, d(e.base), d(e.exponent));
    case "compare":
      return ZERO;
    case "conditional":
      return b.conditional(e.test, d(e.then), d(e.otherwise));
    case "pick": {
      // The derivative of a picked value is the pick of the derivatives, with the same choice.
      return b.pick(e.mode, e.args, e.values.map(d));
    }
    case "call":
      return callRule(b, e, e.args.map(d));
  }
}
