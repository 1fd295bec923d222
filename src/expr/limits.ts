/**
 * Limits on formulas taken as text and on the work done for them. The text limits are checked before
 * math.js parses it, so a hostile formula cannot exhaust memory or the call stack; the analytic
 * limits are counted while a derivative is built, so its work is bounded whatever the formula.
 */

/**
 * Longest formula accepted, in UTF-16 code units. Ten thousand characters hold a sum of about a
 * thousand squared terms, far beyond anything typed by hand, while keeping parse and compile time in
 * the low milliseconds.
 *
 * @default 10000
 * @example
 * ```ts
 * import { compileFormula, MAX_FORMULA_LENGTH } from "@numdiff/expr";
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
 * import { compileFormula, MAX_NESTING } from "@numdiff/expr";
 * compileFormula("(".repeat(MAX_NESTING + 1) + "x" + ")".repeat(MAX_NESTING + 1));
 * // throws FormulaError: invalid formula; nesting deeper than 200 levels (at column 201)
 * ```
 */
export const MAX_NESTING = 200;

/**
 * Most variables a formula may have. The exact Hessian of n variables is n(n+1)/2 derivatives and the
 * numerical one about 4n² evaluations of the formula per extrapolation row, so n = 100 keeps the
 * command's Hessian within a few seconds (bench/expr-limits.ts measures it); a gradient of 100
 * variables is instant.
 *
 * @default 100
 * @example
 * ```ts
 * import { compileFormula, MAX_VARIABLES } from "@numdiff/expr";
 * compileFormula(Array.from({ length: MAX_VARIABLES + 1 }, (_, i) => `x${i}`).join("+"));
 * // throws FormulaError: invalid formula; expected at most 100 variables, got 101
 * ```
 */
export const MAX_VARIABLES = 100;

/**
 * Most work one analytic derivative may do, in nodes: the nodes of its input it visits (each once)
 * plus the nodes it builds (shared subformulas once); past it the exact value is reported as unknown. Every rule of the derivative builds a bounded number
 * of nodes per node of its input (a product of n factors: O(n log n)), so a first derivative of any
 * formula of at most {@link MAX_FORMULA_LENGTH} characters fits; high orders of products grow about
 * threefold per order and stop here. Evaluating 200,000 nodes takes about a millisecond.
 *
 * @default 200000
 * @example
 * ```ts
 * import { MAX_ANALYTIC_NODES } from "@numdiff/expr";
 * MAX_ANALYTIC_NODES; // 200000
 * ```
 */
export const MAX_ANALYTIC_NODES = 200_000;

/**
 * Deepest analytic derivative (in nodes from its root): the derivative, its printing and its checks
 * recurse this deep at most, a few frames per level, well within Node's and browsers' default stacks
 * (about 10,000 frames). A formula within {@link MAX_NESTING} gives a first derivative of at most a
 * few hundred levels.
 *
 * @default 1000
 * @example
 * ```ts
 * import { MAX_ANALYTIC_DEPTH } from "@numdiff/expr";
 * MAX_ANALYTIC_DEPTH; // 1000
 * ```
 */
export const MAX_ANALYTIC_DEPTH = 1000;

/**
 * Longest text of an analytic derivative kept in its `source`; longer texts end in "…". A derivative
 * shares subformulas, which its text writes out in full, so the text can be far longer than the
 * derivative; this caps the work of writing it.
 *
 * @default 2000
 * @example
 * ```ts
 * import { MAX_SOURCE_LENGTH } from "@numdiff/expr";
 * MAX_SOURCE_LENGTH; // 2000
 * ```
 */
export const MAX_SOURCE_LENGTH = 2000;

/**
 * Most work, in nodes (as for {@link MAX_ANALYTIC_NODES}), of all the derivatives of one exact gradient,
 * Jacobian row or Hessian together: a Hessian of 100 variables is 5,050 derivatives, each of which may
 * be small while their sum is not (150 nested sines of a product of 100 variables: 6 million nodes,
 * minutes). Compiling the derivatives costs about as much again; a million nodes is a second or two.
 *
 * @default 1000000
 * @example
 * ```ts
 * import { MAX_ANALYTIC_WORK } from "@numdiff/expr";
 * MAX_ANALYTIC_WORK; // 1000000
 * ```
 */
export const MAX_ANALYTIC_WORK = 1_000_000;
