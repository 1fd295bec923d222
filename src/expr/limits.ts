/**
 * Limits on formulas taken as text. They are checked on the raw text before math.js parses it, so a
 * hostile formula cannot exhaust memory or the call stack.
 */

/**
 * Longest formula accepted, in UTF-16 code units. Ten thousand characters hold a sum of about a
 * thousand squared terms, far beyond anything typed by hand, while keeping parse and compile time in
 * the low milliseconds.
 *
 * @default 10000
 * @example
 * ```ts
 * import { compileFormula, MAX_FORMULA_LENGTH } from "numdiff/expr";
 * compileFormula("x+".repeat(MAX_FORMULA_LENGTH) + "x");
 * // throws FormulaError: invalid formula; expected at most 10000 characters, got 20001
 * ```
 */
export const MAX_FORMULA_LENGTH = 10_000;

/**
 * Deepest nesting accepted: open parentheses plus the right-nested operators (prefix signs, `^`,
 * `? :`) pending at each level, which is what makes math.js's recursive-descent parser recurse.
 * 200 levels is far more than a readable formula uses and far below the depth at which the parser
 * (about a dozen stack frames per level) exhausts Node's default stack of about 10,000 frames.
 *
 * @default 200
 * @example
 * ```ts
 * import { compileFormula, MAX_NESTING } from "numdiff/expr";
 * compileFormula("(".repeat(MAX_NESTING + 1) + "x" + ")".repeat(MAX_NESTING + 1));
 * // throws FormulaError: invalid formula; nesting deeper than 200 levels (at column 201)
 * ```
 */
export const MAX_NESTING = 200;

/**
 * Most conditionals (`? :`, and the `min`, `max`, `sign` rewritten into conditionals) a formula may
 * hold for its analytic derivative: each is lifted to the top of the tree before math.js
 * differentiates the branches, which doubles the tree per conditional. 2^6 = 64 branches.
 *
 * @default 6
 * @example
 * ```ts
 * import { MAX_ANALYTIC_CONDITIONALS } from "numdiff/expr";
 * MAX_ANALYTIC_CONDITIONALS; // 6
 * ```
 */
export const MAX_ANALYTIC_CONDITIONALS = 6;

/**
 * Largest derivative tree (in math.js nodes, after numdiff's own linear clean-up, ./prune.ts) that is
 * handed to math.js's `simplify` for a tidy exact formula. simplify's time grows steeply and erratically
 * with size (0.1 s at 95 nodes, 2 s at 119, 27 s at 143 for sums of products); larger derivatives are
 * compiled as they are, where constant subtrees are still folded.
 *
 * @default 60
 * @example
 * ```ts
 * import { MAX_SIMPLIFY_NODES } from "numdiff/expr";
 * MAX_SIMPLIFY_NODES; // 60
 * ```
 */
export const MAX_SIMPLIFY_NODES = 60;

/**
 * Largest tree (in math.js nodes) an analytic derivative may reach; past it the derivative is reported
 * as unknown (null). Each order of a product multiplies the tree by about three (the 10th derivative of
 * sqrt(1+x^2)*cosh(x) exhausts a 4 GB heap unchecked), while 20,000 nodes still compile and evaluate in
 * milliseconds.
 *
 * @default 20000
 * @example
 * ```ts
 * import { MAX_ANALYTIC_NODES } from "numdiff/expr";
 * MAX_ANALYTIC_NODES; // 20000
 * ```
 */
export const MAX_ANALYTIC_NODES = 20_000;
