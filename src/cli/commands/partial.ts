import { partial as differentiate } from "numdiff";
import type { CliIO, Command } from "../command.js";
import { UsageError } from "../command.js";
import { checkFinite, describePoint, DIFF_OPTIONS_HELP, problemHeader, setupOneFormula } from "../setup.js";
import { reportResult } from "./one-result.js";

/** The options partial takes besides --json and --help. */
const OPTIONS = ["at", "wrt", "order", "method", "step", "accuracy"] as const;

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
    const { values, options, problem, formula } = setupOneFormula(argv, OPTIONS);
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
    const order = options.order ?? 1;
    reportResult(
      io,
      differentiate(formula.fnN(), problem.point, index, options),
      {
        subject: `the partial derivative by ${wrt} at ${describePoint(problem.variables, problem.point)}`,
        formula,
        variable: wrt,
        order,
        point: problem.point,
        header: problemHeader(problem),
        label: order === 1 ? `∂f/∂${wrt}` : `∂^${order}f/∂${wrt}^${order}`,
      },
      values.json === true,
    );
  },
};
