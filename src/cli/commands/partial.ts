import { NumdiffError, partial as differentiate } from "../../core/index.js";
import { analyticDerivative } from "../../expr/index.js";
import type { CliIO, Command } from "../command.js";
import { UsageError } from "../command.js";
import { jsonNumber } from "../format.js";
import { checkFinite, describePoint, DIFF_OPTIONS_HELP, parseDiffArgs, setupProblem } from "../setup.js";
import { exactValue, printResult } from "./one-result.js";

/**
 * `numdiff partial <formula> --at x0=3,x1=4 --wrt x0`: one partial derivative.
 *
 * @example
 * ```sh
 * numdiff partial "x0^2 + x1^2" --at x0=3,x1=4 --wrt x0 --method central --step 1e-4
 * # value 6.00000000000378 (the book's) … exact 6
 * ```
 */
export const partial: Command = {
  name: "partial",
  summary: "partial derivative of a formula with respect to one variable",
  usage: `Usage: numdiff partial <formula> --at x0=3,x1=4 --wrt x0 [--order n] [--method m] [--step h] [--accuracy p] [--json]

One partial derivative: the other variables stay fixed at the point.

  --at point    the point, every variable named (x0=3,x1=4) or values in the order of the
                variables sorted by name (3,4)
  --wrt name    the variable to differentiate by (required with more than one variable)
  --order n     which derivative: 1 (default) to 10
${DIFF_OPTIONS_HELP}

Examples:
  numdiff partial "x0^2 + x1^2" --at x0=3,x1=4 --wrt x0
  numdiff partial "x0^2 + x1^2" --at x0=3,x1=4 --wrt x1 --method central --step 1e-4   # the book's
  numdiff partial "x*y^2" --at x=1,y=2 --wrt y --order 2 --json`,
  run(argv: string[], io: CliIO): void {
    const { values, positionals, options } = parseDiffArgs(argv, [
      "at",
      "wrt",
      "order",
      "method",
      "step",
      "accuracy",
    ]);
    if (positionals.length > 1) {
      throw new UsageError(`expected one formula, got ${positionals.length} arguments (quote the formula)`);
    }
    const problem = setupProblem(positionals, values.at);
    let wrt = values.wrt;
    if (wrt === undefined) {
      if (problem.variables.length !== 1) {
        throw new UsageError(`missing --wrt; expected one of ${problem.variables.join(", ")}`);
      }
      wrt = problem.variables[0];
    }
    const index = problem.variables.indexOf(wrt);
    if (index < 0) {
      throw new UsageError(
        `invalid --wrt; expected one of ${problem.variables.join(", ")}, got ${JSON.stringify(wrt.slice(0, 40))}`,
      );
    }
    checkFinite(problem);
    const formula = problem.formulas[0];
    const result = differentiate(formula.fnN(), problem.point, index, options);
    if (!Number.isFinite(result.value)) {
      throw new NumdiffError(
        "NON_NUMERIC_RESULT",
        "at",
        `the partial derivative by ${wrt} at ${describePoint(problem.variables, problem.point)} is not finite (estimate ${result.value})`,
      );
    }
    const exact = exactValue(() => analyticDerivative(formula, wrt, options.order ?? 1), problem.point);
    if (values.json) {
      io.out(
        JSON.stringify({
          value: jsonNumber(result.value),
          error: jsonNumber(result.error),
          evaluations: result.evaluations,
          step: jsonNumber(result.step),
          method: result.method,
          exact: exact === null ? null : jsonNumber(exact.value),
        }),
      );
      return;
    }
    const order = options.order ?? 1;
    const header = [
      ["f", formula.source],
      ["at", describePoint(problem.variables, problem.point)],
    ];
    printResult(io, header, order === 1 ? `∂f/∂${wrt}` : `∂^${order}f/∂${wrt}^${order}`, result, exact);
  },
};
