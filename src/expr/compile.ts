import { compileExpr, type Closure } from "./closure.js";
import { FormulaError } from "./errors.js";
import type { Expr } from "./ir.js";
import { MAX_VARIABLES } from "./limits.js";
import { parseFormula, refuseVariableName } from "./parse.js";
import { compileProgram } from "./program.js";

/**
 * A formula compiled once into a plain real function.
 * @example
 * ```ts
 * const f: CompiledFormula = compileFormula("x0^2 + x1^2");
 * f.variables; // ["x0", "x1"]
 * f.evaluate([3, 4]); // 25
 * ```
 */
export interface CompiledFormula {
  /** The formula text. */
  readonly source: string;
  /** The variable names: in the order the caller gave, or sorted by name (x0, x1, …, x10) if not given. */
  readonly variables: readonly string[];
  /** The value at `values` (one per variable, in the order of `variables`). Real arithmetic: NaN, never complex. */
  evaluate(values: ArrayLike<number>): number;
  /** The formula as a function of its one variable. @throws FormulaError unless there is exactly one variable. */
  fn1(): (x: number) => number;
  /** The formula as a function of a vector of its variables, in the order of `variables`. */
  fnN(): (x: Float64Array) => number;
}

/**
 * A compiled formula together with what the analytic derivative needs (internal).
 * @example
 * ```ts
 * formulaInternals(compileFormula("x^2"))?.expr.kind; // "power"
 * ```
 */
export interface FormulaInternals {
  readonly expr: Expr;
  /** The position of each variable, shared by a formula and all its derivatives. */
  readonly index: ReadonlyMap<string, number>;
}

const internals = new WeakMap<CompiledFormula, FormulaInternals>();

/**
 * The parse tree behind a formula compiled by {@link compileFormula} (for ./analytic.ts).
 * @example
 * ```ts
 * formulaInternals(compileFormula("x^2"))?.expr.kind; // "power"
 * ```
 */
export function formulaInternals(formula: CompiledFormula): FormulaInternals | undefined {
  return internals.get(formula);
}

/**
 * Orders variable names as people do: by their letters, then by the number they end with.
 *
 * @example
 * ```ts
 * ["x10", "y", "x2"].sort(compareNames); // ["x2", "x10", "y"]
 * ```
 */
export function compareNames(a: string, b: string): number {
  const [, pa, na] = /^(.*?)(\d*)$/.exec(a) as RegExpExecArray;
  const [, pb, nb] = /^(.*?)(\d*)$/.exec(b) as RegExpExecArray;
  if (pa !== pb) return pa < pb ? -1 : 1;
  if (na !== nb && na !== "" && nb !== "" && Number(na) !== Number(nb)) return Number(na) - Number(nb);
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkCount(count: number): void {
  if (count > MAX_VARIABLES) {
    throw new FormulaError(`expected at most ${MAX_VARIABLES} variables, got ${count}`);
  }
}

function checkVariables(variables: unknown): readonly string[] {
  if (!Array.isArray(variables)) throw new FormulaError("variables must be an array of names");
  checkCount(variables.length);
  const seen = new Set<string>();
  for (const name of variables as unknown[]) {
    if (typeof name !== "string") throw new FormulaError("variables must be an array of names");
    const refusal = refuseVariableName(name);
    if (refusal !== null) throw new FormulaError(refusal);
    if (seen.has(name)) throw new FormulaError(`variable "${name}" is declared twice`);
    seen.add(name);
  }
  return Object.freeze([...(variables as string[])]);
}

/**
 * Builds a {@link CompiledFormula} from a validated formula. A formula typed as text is a tree and
 * compiles to nested closures (./closure.ts); an analytic derivative shares subformulas and compiles
 * to a straight-line program (./program.ts), with the variable index of the formula it came from
 * (`index`), so a Hessian of n variables does not build n² maps of n names.
 *
 * @example
 * ```ts
 * fromExpr("2*x", { kind: "product", ... }, ["x"]).evaluate([3]); // 6
 * ```
 */
export function fromExpr(
  source: string,
  expr: Expr,
  variables: readonly string[],
  index?: ReadonlyMap<string, number>,
): CompiledFormula {
  const shared = index !== undefined;
  const names = index ?? new Map(variables.map((name, i) => [name, i]));
  // A derivative's program is compiled when first evaluated: a Hessian abandoned at its work budget
  // then compiles nothing it will not run.
  let program: Closure | undefined;
  const run: Closure = shared
    ? (v) => (program ??= compileProgram(expr, names))(v)
    : compileExpr(expr, names);
  const formula: CompiledFormula = {
    source,
    variables,
    evaluate: (values) => run(values),
    fn1() {
      if (variables.length !== 1) {
        throw new FormulaError(
          `expected a formula of one variable, got ${variables.length} (${variables.join(", ") || "none"})`,
        );
      }
      const buffer = new Float64Array(1);
      return (x: number) => {
        buffer[0] = x;
        return run(buffer);
      };
    },
    fnN: () => (x: Float64Array) => run(x),
  };
  internals.set(formula, { expr, index: names });
  return Object.freeze(formula);
}

/**
 * Compiles a formula given as text into a plain real function, once; evaluation then costs a closure
 * call per node plus the arithmetic. The text is checked before math.js parses it (length, alphabet,
 * nesting) and math.js's tree is checked against the whitelist before anything runs.
 *
 * Accepted: numbers, variables, `+ - * / ^` (power, right-associative), unary minus, parentheses,
 * comparisons (`< > <= >= == !=`, giving 1 or 0), `c ? a : b`, the constants `pi` and `e`, and the
 * functions sqrt, cbrt, exp, expm1, log (log(x, b) to base b), log1p, log2, log10, sin, cos, tan, asin,
 * acos, atan, atan2, sinh, cosh, tanh, asinh, acosh, atanh, abs, sign, min, max, pow, hypot, floor and
 * ceil. Implicit multiplication (`2x`) is math.js's. `**` is not an operator (math.js has none).
 *
 * @param text - the formula.
 * @param options.variables - the variable names in the order `evaluate` and `fnN` take them; when
 *   given, any other name is refused. Without it, the names found become the variables, sorted.
 * @throws FormulaError (code INVALID_FORMULA) naming what was refused and where.
 * @example
 * ```ts
 * import { compileFormula } from "@numdiff/expr";
 * const f = compileFormula("0.01*x^2 + 0.1*x").fn1();
 * f(5); // 0.75
 * compileFormula("x0^2 + x1^2").fnN()(Float64Array.of(3, 4)); // 25
 * compileFormula("sqrt(x)").fn1()(-1); // NaN (real numbers only)
 * compileFormula("import({}, {})"); // throws FormulaError: invalid formula; function "import" is not allowed (at column 1)
 * ```
 */
export function compileFormula(text: string, options?: { variables?: readonly string[] }): CompiledFormula {
  const declared = options?.variables === undefined ? undefined : checkVariables(options.variables);
  const parsed = parseFormula(text, { variables: declared });
  checkCount(parsed.names.length);
  const variables = declared ?? Object.freeze([...parsed.names].sort(compareNames));
  return fromExpr(text, parsed.expr, variables);
}
