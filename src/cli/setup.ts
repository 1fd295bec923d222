/**
 * What the differentiation subcommands share: their options, the point, the formulas and the check that
 * the function is finite at the point.
 */
import { NumdiffError, type Accuracy, type DerivativeOptions, type Method } from "numdiff";
import { compareNames, compileFormula, type CompiledFormula } from "@numdiff/expr";
import { parseNumber, parseOptions, parsePoint } from "./args.js";
import { DIFF_OPTIONS } from "./diff-options.js";
import { UsageError } from "./command.js";

export { DIFF_OPTIONS, DIFF_OPTIONS_HELP } from "./diff-options.js";
import { formatNumber } from "./format.js";

const METHODS = ["auto", "central", "forward", "backward"];

/**
 * Parsed arguments of a differentiation subcommand.
 * @example
 * ```ts
 * parseDiffArgs(["x^2", "--at", "1", "--json"], ["at"]).values.json; // true
 * ```
 */
export interface DiffArgs {
  values: {
    [K in keyof typeof DIFF_OPTIONS]?: (typeof DIFF_OPTIONS)[K]["type"] extends "boolean" ? boolean : string;
  };
  positionals: string[];
  options: Omit<DerivativeOptions, "bounds">;
}

/**
 * Parses the arguments, refusing options the subcommand does not take.
 *
 * @example
 * ```ts
 * parseDiffArgs(["x^2", "--at", "3", "--step", "1e-4"], ["at", "step"]).options; // { step: 0.0001 }
 * ```
 */
export function parseDiffArgs(argv: string[], allowed: readonly (keyof typeof DIFF_OPTIONS)[]): DiffArgs {
  const { values, positionals } = parseOptions(argv, DIFF_OPTIONS);
  for (const key of Object.keys(values) as (keyof typeof DIFF_OPTIONS)[]) {
    if (key !== "help" && key !== "json" && !allowed.includes(key)) {
      throw new UsageError(`unknown option --${key} for this command`);
    }
  }
  const options: Omit<DerivativeOptions, "bounds"> = {};
  if (values.order !== undefined) options.order = parseNumber("--order", values.order);
  if (values.method !== undefined) {
    if (!METHODS.includes(values.method)) {
      throw new UsageError(
        `invalid --method; expected one of ${METHODS.join(", ")}, got ${JSON.stringify(values.method.slice(0, 40))}`,
      );
    }
    options.method = values.method as Method;
  }
  if (values.step !== undefined) options.step = parseNumber("--step", values.step);
  if (values.accuracy !== undefined) {
    // The adaptive default picks its own orders: an --accuracy it would not use must not pass silently.
    if (values.step === undefined) {
      throw new UsageError(
        "--accuracy needs --step: it is the order of the fixed-step stencil (the default method chooses its own)",
        "--accuracy",
      );
    }
    options.accuracy = parseNumber("--accuracy", values.accuracy) as Accuracy; // the engine refuses values outside 1, 2, 4, 6, 8
  }
  return { values, positionals, options };
}

/**
 * Parses the arguments of a subcommand that takes one formula and sets up its problem: the options
 * ({@link parseDiffArgs}), at most one formula, and the point ({@link setupProblem}); `formula` is the
 * problem's one formula.
 *
 * `at` picks the point from the parsed arguments instead of `--at` (derivative passes the first of
 * several points).
 *
 * @throws UsageError for bad options, more than one formula or a bad point; FormulaError for a refused formula.
 * @example
 * ```ts
 * const { values, problem, formula } = setupOneFormula(["x0^2 + x1^2", "--at", "3,4", "--json"], ["at"]);
 * problem.variables; // ["x0", "x1"]; formula.source is "x0^2 + x1^2", values.json is true
 * ```
 */
export function setupOneFormula(
  argv: string[],
  allowed: readonly (keyof typeof DIFF_OPTIONS)[],
  at?: (args: DiffArgs) => string | undefined,
): DiffArgs & { problem: Problem; formula: CompiledFormula } {
  const args = parseDiffArgs(argv, allowed);
  if (args.positionals.length > 1) {
    throw new UsageError(
      `expected one formula, got ${args.positionals.length} arguments (quote the formula)`,
    );
  }
  const problem = setupProblem(args.positionals, at === undefined ? args.values.at : at(args));
  return { ...args, problem, formula: problem.formulas[0] };
}

/**
 * Formulas compiled over the variables of a point, and the point as an array in their order.
 * @example
 * ```ts
 * setupProblem(["x*y"], "x=2,y=3").point; // Float64Array [2, 3]
 * ```
 */
export interface Problem {
  formulas: CompiledFormula[];
  variables: readonly string[];
  point: Float64Array;
}

/**
 * Compiles the formulas over the variables named in `--at` (`x0=3,x1=4`, in that order) or, for plain
 * values (`3,4`), over the formulas' variables sorted by name. One-variable problems accept `--at 5`.
 *
 * @throws UsageError for a missing or mismatched point; FormulaError for a refused formula.
 * @example
 * ```ts
 * setupProblem(["x0^2 + x1^2"], "x0=3,x1=4").variables; // ["x0", "x1"]
 * ```
 */
export function setupProblem(texts: readonly string[], at: string | undefined): Problem {
  if (texts.length === 0) throw new UsageError("missing formula; see --help");
  if (at === undefined)
    throw new UsageError("missing --at; expected the point, e.g. --at 5 or --at x0=3,x1=4");
  const point = parsePoint(at);
  if (point.names !== null) {
    const variables = point.names;
    const missing = new Set<string>();
    for (const t of texts) {
      for (const v of compileFormula(t).variables) if (!variables.includes(v)) missing.add(v);
    }
    if (missing.size > 0) {
      const names = [...missing].sort(compareNames);
      throw new UsageError(
        `--at gives ${variables.join(", ")} but not ${names.join(", ")}, which the formula uses; give every variable, e.g. --at ${[...variables, ...names].map((v, i) => `${v}=${point.values[i] ?? 1}`).join(",")}`,
        "--at",
      );
    }
    const formulas = texts.map((t) => compileFormula(t, { variables }));
    return { formulas, variables, point: Float64Array.from(point.values) };
  }
  const found = new Set<string>();
  for (const t of texts) for (const v of compileFormula(t).variables) found.add(v);
  let variables: readonly string[] = [...found].sort(compareNames);
  if (found.size === 0 && point.values.length === 1) variables = ["x"];
  if (variables.length !== point.values.length) {
    throw new UsageError(
      `--at has ${point.values.length} value${point.values.length === 1 ? "" : "s"} but the formula has ${variables.length} variable${variables.length === 1 ? "" : "s"} (${variables.join(", ") || "none"}); name them, e.g. --at ${variables.map((v, i) => `${v}=${i + 1}`).join(",") || "x=1"}`,
    );
  }
  const formulas = texts.map((t) => compileFormula(t, { variables }));
  return { formulas, variables, point: Float64Array.from(point.values) };
}

/**
 * `x0 = 3, x1 = 4`
 * @example
 * ```ts
 * describePoint(["x0", "x1"], [3, 4]); // "x0 = 3, x1 = 4"
 * ```
 */
export function describePoint(variables: readonly string[], point: ArrayLike<number>): string {
  return variables.map((v, i) => `${v} = ${formatNumber(point[i])}`).join(", ");
}

/**
 * The first lines of a one-formula result: the formula and the point.
 *
 * @example
 * ```ts
 * problemHeader(setupProblem(["x0^2 + x1^2"], "3,4")); // [["f", "x0^2 + x1^2"], ["at", "x0 = 3, x1 = 4"]]
 * ```
 */
export function problemHeader(problem: Problem): string[][] {
  return [
    ["f", problem.formulas[0].source],
    ["at", describePoint(problem.variables, problem.point)],
  ];
}

/**
 * Refuses a point where a formula's value is not finite (1/x at 0, sqrt(-x) at 1): a finite difference
 * there means nothing.
 *
 * @throws NumdiffError (INVALID_POINT).
 * @example
 * ```ts
 * checkFinite(setupProblem(["1/x"], "0"));
 * // throws NumdiffError: 1/x is Infinity at x = 0; expected a finite value there
 * ```
 */
export function checkFinite(problem: Problem): void {
  for (const f of problem.formulas) {
    const value = f.evaluate(problem.point);
    if (!Number.isFinite(value)) {
      throw new NumdiffError(
        "INVALID_POINT",
        "at",
        `${f.source.length > 60 ? "the formula" : f.source} is ${value} at ${describePoint(problem.variables, problem.point)}; expected a finite value there`,
      );
    }
  }
}
