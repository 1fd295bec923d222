import { hessian as differentiate } from "numdiff";
import { exactHessian } from "@numdiff/expr";
import type { CliIO, Command } from "../command.js";
import { checkFinite, DIFF_OPTIONS_HELP, problemHeader, setupOneFormula } from "../setup.js";
import { printTable } from "./vector-output.js";

/**
 * `numdiff hessian <formula> --at x0=1,x1=1`: all second partial derivatives.
 *
 * @example
 * ```sh
 * numdiff hessian "(1-x0)^2 + 100*(x1-x0^2)^2" --at x0=1,x1=1
 * # [[802, -400], [-400, 200]] beside the exact values
 * ```
 */
export const hessian: Command = {
  name: "hessian",
  summary: "Hessian (all second partial derivatives) of a formula at a point",
  usage: `Usage: numdiff hessian <formula> --at x0=1,x1=1 [--method m] [--step h] [--accuracy p] [--json]

All second partial derivatives (symmetric), each with its estimated error, and the exact Hessian with
the actual errors when they are known (an entry that disagrees with its estimate is unknown).

  --at point    the point, every variable named (x0=1,x1=1) or values in the order of the
                variables sorted by name (1,1)
${DIFF_OPTIONS_HELP}

Examples:
  numdiff hessian "(1-x0)^2 + 100*(x1-x0^2)^2" --at x0=1,x1=1
  numdiff hessian "cos(x0 - x1)" --at 0,0 --json`,
  run(argv: string[], io: CliIO): void {
    const { values, options, problem, formula } = setupOneFormula(argv, ["at", "method", "step", "accuracy"]);
    checkFinite(problem);
    const result = differentiate(formula.fnN(), problem.point, options);
    const exact = exactHessian(formula);
    const names = problem.variables;
    printTable(
      io,
      problemHeader(problem),
      {
        labels: names.flatMap((a) => names.map((b) => (a === b ? `∂²f/∂${a}²` : `∂²f/∂${a}∂${b}`))),
        value: result.value,
        error: result.error,
        evaluations: result.evaluations,
        exact:
          exact.value === null ? null : exact.value.map((row) => row.map((h) => h.evaluate(problem.point))),
        exactReason: exact.reason,
      },
      values.json === true,
      false,
    );
  },
};
