import { derivative as differentiate } from "../../core/index.js";
import type { CliIO, Command } from "../command.js";
import { UsageError } from "../command.js";
import { formatNumber } from "../format.js";
import { checkFinite, DIFF_OPTIONS_HELP, setupOneFormula } from "../setup.js";
import { reportResult } from "./one-result.js";

/** The options derivative takes besides --json and --help. */
const OPTIONS = ["at", "order", "method", "step", "accuracy"] as const;

/**
 * `numdiff derivative <formula> --at <x>`: the derivative of a formula of one variable, beside the
 * analytic value when it is known.
 *
 * @example
 * ```sh
 * numdiff derivative "0.01*x^2 + 0.1*x" --at 5 --method central --step 1e-4
 * # value 0.1999999999990898 … exact 0.2, actual error 9.1e-13
 * ```
 */
export const derivative: Command = {
  name: "derivative",
  summary: "derivative of a formula of one variable at a point (any order)",
  usage: `Usage: numdiff derivative <formula> --at <x> [--order n] [--method m] [--step h] [--accuracy p] [--json]

The derivative of a formula of one variable, its estimated error, the evaluations it took, and the
exact value (numdiff's symbolic derivative) with the actual error; the exact value is shown as
unknown, with the reason, when it is too large to find or disagrees with the estimate beyond its error.

  --at x        the point (required), e.g. --at 5 or --at x=5
  --order n     which derivative: 1 (default) to 10
${DIFF_OPTIONS_HELP}

Examples:
  numdiff derivative "0.01*x^2 + 0.1*x" --at 5
  numdiff derivative "0.01*x^2 + 0.1*x" --at 5 --method central --step 1e-4   # the book's method
  numdiff derivative "sin(x)*exp(-x/3)" --at 1 --order 2 --json
  numdiff derivative "x > 0 ? x^2 : -x" --at 0.5`,
  run(argv: string[], io: CliIO): void {
    const { values, options, problem, formula } = setupOneFormula(argv, OPTIONS);
    if (problem.variables.length !== 1) {
      throw new UsageError(
        `derivative takes a formula of one variable, got ${problem.variables.length} (${problem.variables.join(", ")}); use partial or gradient`,
      );
    }
    checkFinite(problem);
    const [variable] = problem.variables;
    const x = problem.point[0];
    const order = options.order ?? 1;
    const at = `${variable} = ${formatNumber(x)}`;
    reportResult(
      io,
      differentiate(formula.fn1(), x, options),
      {
        subject: `the derivative of ${formula.source.length > 60 ? "the formula" : formula.source} at ${at}`,
        formula,
        variable,
        order,
        point: problem.point,
        header: [
          [`f(${variable})`, formula.source],
          ["at", at],
        ],
        label: order === 1 ? "f'" : `f^(${order})`,
      },
      values.json === true,
    );
  },
};
