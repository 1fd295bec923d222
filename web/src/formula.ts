/**
 * A formula typed on the page, through numdiff's hardened formula layer (src/expr): which view it
 * belongs in, the real function, and its analytic derivatives when math.js can give them. Nothing is
 * ever run as JavaScript.
 */
import type { Fn1, FnN } from "../../src/core/index.js";
import { analyticDerivative, compileFormula, FormulaError } from "../../src/expr/index.js";
import type { Mode } from "./state.js";

/**
 * The one-variable name, as in the seed (`function_1(x)`).
 *
 * @example
 * ```ts
 * VARIABLE_1D; // "x"
 * ```
 */
export const VARIABLE_1D = "x";

/**
 * The two-variable names, in the order of the point (x0, x1), as in the book (`function_2`).
 *
 * @example
 * ```ts
 * VARIABLES_2D; // ["x0", "x1"]
 * ```
 */
export const VARIABLES_2D: readonly [string, string] = Object.freeze(["x0", "x1"]) as readonly [
  string,
  string,
];

/**
 * A formula in x.
 *
 * @example
 * ```ts
 * const g = loadFormula("sin(x)");
 * if (g.mode === "1d") {
 *   g.exactSource; // "cos(x)"
 *   g.exact?.(0); // 1
 * }
 * ```
 */
export interface Formula1D {
  mode: "1d";
  source: string;
  f: Fn1;
  /** f' from math.js's symbolic derivative, or null when it cannot give one. */
  exact: Fn1 | null;
  /** f' as text (math.js's simplified form), or null. */
  exactSource: string | null;
}

/**
 * A formula in x0, x1.
 *
 * @example
 * ```ts
 * const g = loadFormula("x0^2 * x1");
 * if (g.mode === "2d") {
 *   g.exactSource; // ["2 * x1 * x0", "x0 ^ 2"]
 *   g.exact[0]?.(Float64Array.from([3, 4])); // 24
 * }
 * ```
 */
export interface Formula2D {
  mode: "2d";
  source: string;
  f: FnN;
  /** ∂f/∂x0 and ∂f/∂x1 from math.js's symbolic derivative, each null when it cannot give one. */
  exact: readonly [FnN | null, FnN | null];
  /** The same as text, each null when there is none. */
  exactSource: readonly [string | null, string | null];
}

/**
 * A formula ready for one of the two views.
 *
 * @example
 * ```ts
 * const g: LoadedFormula = loadFormula("x0*x1");
 * g.mode; // "2d"
 * g.mode === "2d" && g.f(Float64Array.from([2, 3])); // 6
 * ```
 */
export type LoadedFormula = Formula1D | Formula2D;

/**
 * The view a set of variable names belongs in: `x` alone (or none) is the one-variable view, any of
 * `x0`, `x1` the two-variable one; anything else is refused with a message saying what is allowed.
 *
 * @example
 * ```ts
 * modeOf([]); // "1d"
 * modeOf(["x1"]); // "2d"
 * modeOf(["x", "x0"]); // throws FormulaError: invalid formula; use x alone, or x0 and x1, not both
 * ```
 */
export function modeOf(names: readonly string[]): Mode {
  const two = names.filter((n) => VARIABLES_2D.includes(n));
  const one = names.filter((n) => n === VARIABLE_1D);
  const other = names.filter((n) => n !== VARIABLE_1D && !VARIABLES_2D.includes(n));
  if (other.length > 0) {
    throw new FormulaError(`unknown variable "${other[0]}"; the explorer knows x, or x0 and x1`);
  }
  if (one.length > 0 && two.length > 0) throw new FormulaError("use x alone, or x0 and x1, not both");
  return two.length > 0 ? "2d" : "1d";
}

/**
 * Compiles a formula for the explorer: first to find its variables, then for its view with the
 * variables fixed (x; or x0, x1 in that order), with the analytic derivative(s) where math.js can.
 *
 * @throws FormulaError (a NumdiffError with code INVALID_FORMULA) for a broken or hostile formula.
 * @example
 * ```ts
 * const g = loadFormula("0.01*x^2 + 0.1*x");
 * g.mode; // "1d"
 * g.mode === "1d" && g.exact?.(5); // 0.2
 * g.mode === "1d" && g.exactSource; // "0.02 * x + 0.1"
 * loadFormula("x0^2 + x1^2").mode; // "2d"
 * loadFormula("cos.constructor(1)"); // throws FormulaError
 * ```
 */
export function loadFormula(text: string): LoadedFormula {
  const found = compileFormula(text);
  if (modeOf(found.variables) === "1d") {
    const formula = compileFormula(text, { variables: [VARIABLE_1D] });
    const d = analyticDerivative(formula, VARIABLE_1D);
    return {
      mode: "1d",
      source: text,
      f: formula.fn1(),
      exact: d === null ? null : d.fn1(),
      exactSource: d === null ? null : d.source,
    };
  }
  const formula = compileFormula(text, { variables: VARIABLES_2D });
  const [d0, d1] = VARIABLES_2D.map((v) => analyticDerivative(formula, v));
  return {
    mode: "2d",
    source: text,
    f: formula.fnN(),
    exact: [d0 === null ? null : d0.fnN(), d1 === null ? null : d1.fnN()],
    exactSource: [d0 === null ? null : d0.source, d1 === null ? null : d1.source],
  };
}
