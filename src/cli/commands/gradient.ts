import { gradient as differentiate } from "numdiff";
import { exactGradient } from "@numdiff/expr";
import type { CliIO, Command } from "../command.js";
import { checkFinite, DIFF_OPTIONS_HELP, problemHeader, setupOneFormula } from "../setup.js";
import { printTable } from "./vector-output.js";

/**
 * `numdiff gradient <formula> --at x0=3,x1=4`: all first partial derivatives.
 *
 * @example
 * ```sh
 * numdiff gradient "x0^2 + x1^2" --at x0=3,x1=4 --json
 * # {"value":[6,8],"error":[…],"evaluations":…,"exact":[6,8]}
 * ```
 */
export const gradient: Command = {
  name: "gradient",
  summary: "gradient (all first partial derivatives) of a formula at a point",
  usage: `Usage: numdiff gradient <formula> --at x0=3,x1=4 [--method m] [--step h] [--accuracy p] [--json]

All first partial derivatives, each with its estimated error, and the exact gradient with the actual
errors when they are known (an entry that disagrees with its estimate beyond the error is unknown).

  --at point    the point, every variable named (x0=3,x1=4) or values in the order of the
                variables sorted by name (3,4)
${DIFF_OPTIONS_HELP}

Examples:
  numdiff gradient "x0^2 + x1^2" --at x0=3,x1=4
  numdiff gradient "x0^2 + x1^2" --at 3,4 --method central --step 1e-4   # the book's numerical_gradient
  numdiff gradient "x0*x1*x2 + exp(x0)*x1" --at x0=3,x1=5,x2=7 --json`,
  run(argv: string[], io: CliIO): void {
    const { values, options, problem, formula } = setupOneFormula(argv, ["at", "method", "step", "accuracy"]);
    checkFinite(problem);
    const result = differentiate(formula.fnN(), problem.point, options);
    const exact = exactGradient(formula);
    const column = (a: ArrayLike<number>) => Array.from(a, (v) => [v]);
    printTable(
      io,
      problemHeader(problem),
      {
        labels: problem.variables.map((v) => `∂f/∂${v}`),
        value: column(result.value),
        error: column(result.error),
        evaluations: result.evaluations,
        exact: exact.value === null ? null : exact.value.map((g) => [g.evaluate(problem.point)]),
        exactReason: exact.reason,
      },
      values.json === true,
      true,
    );
  },
};
