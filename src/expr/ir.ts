import type { FormulaFunction } from "./functions.js";

/**
 * A comparison operator of a formula.
 * @example
 * ```ts
 * const op: CompareOp = "<=";
 * ```
 */
export type CompareOp = "<" | ">" | "<=" | ">=" | "==" | "!=";

/**
 * A validated formula: the only shapes the compiler knows, built by the whitelist walk from a math.js
 * tree. Chains of `+ -` and of `* /` are flat lists (evaluated left to right, as the binary tree would
 * be), so a long sum does not make a deep tree.
 * @example
 * ```ts
 * const e: Expr = { kind: "power", base: { kind: "variable", name: "x" }, exponent: { kind: "number", value: 2 } };
 * ```
 */
export type Expr =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "variable"; readonly name: string }
  | { readonly kind: "negate"; readonly arg: Expr }
  | { readonly kind: "sum"; readonly terms: readonly Expr[]; readonly subtract: readonly boolean[] }
  | { readonly kind: "product"; readonly factors: readonly Expr[]; readonly divide: readonly boolean[] }
  | { readonly kind: "power"; readonly base: Expr; readonly exponent: Expr }
  | { readonly kind: "compare"; readonly ops: readonly CompareOp[]; readonly args: readonly Expr[] }
  | { readonly kind: "conditional"; readonly test: Expr; readonly then: Expr; readonly otherwise: Expr }
  | {
      /** values[i] for the first i at which args[i] is the largest ("max") or smallest ("min"): the
       * derivative of max/min without copying an argument per comparison. NaN when any arg is NaN. */
      readonly kind: "pick";
      readonly mode: "min" | "max";
      readonly args: readonly Expr[];
      readonly values: readonly Expr[];
    }
  | {
      readonly kind: "call";
      readonly name: string;
      readonly fn: FormulaFunction;
      readonly args: readonly Expr[];
    };
