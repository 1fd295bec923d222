import { derivative as differentiate, NumdiffError } from "numdiff";
import { exactDerivative } from "@numdiff/expr";
import { removableLimit } from "@numdiff/plot";
import { parsePointList } from "../args.js";
import type { CliIO, Command } from "../command.js";
import { UsageError } from "../command.js";
import { formatNumber } from "../format.js";
import { DIFF_OPTIONS_HELP, setupOneFormula } from "../setup.js";
import { exactValue, reportResult } from "./one-result.js";
import { listFormat, printPointList } from "./point-list.js";

/** The options derivative takes besides --json and --help. */
const OPTIONS = ["at", "order", "method", "step", "accuracy", "format"] as const;

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

  --at x        the point (required), e.g. --at 5 or --at x=5; several points as --at 1,2,3 or
                --at a:b:n (n points from a to b), printed as a table
  --format f    table (default), csv or json
  --order n     which derivative: 1 (default) to 10
${DIFF_OPTIONS_HELP}

Examples:
  numdiff derivative "0.01*x^2 + 0.1*x" --at 5
  numdiff derivative "0.01*x^2 + 0.1*x" --at 5 --method central --step 1e-4   # the book's method
  numdiff derivative "sin(x)*exp(-x/3)" --at 1 --order 2 --json
  numdiff derivative "x > 0 ? x^2 : -x" --at 0.5
  numdiff derivative "sin(x)/x" --at 0          # f(0) is NaN, but f tends to 1: derivative 0
  numdiff derivative "exp(x)" --at 0:1:5 --format csv
  echo "log(x)" | numdiff derivative - --at 1e-9`,
  run(argv: string[], io: CliIO): void {
    let list: number[] | null = null;
    const { values, options, problem, formula } = setupOneFormula(argv, OPTIONS, (args) => {
      list = args.values.at === undefined ? null : parsePointList("--at", args.values.at);
      return list === null ? args.values.at : String(list[0]);
    });
    if (problem.variables.length !== 1) {
      throw new UsageError(
        `derivative takes a formula of one variable, got ${problem.variables.length} (${problem.variables.join(", ")}); use partial or gradient`,
      );
    }
    const format = listFormat(values.format, values.json === true);
    const [variable] = problem.variables;
    const order = options.order ?? 1;
    const f = formula.fn1();
    const label = order === 1 ? "f'" : `f^(${order})`;
    const points: number[] | null = list ?? (format === "csv" ? [problem.point[0]] : null);
    if (points !== null) {
      const symbolic = exactDerivative(formula, variable, order);
      const rows = points.map((x) => {
        const result = differentiate(f, x, options);
        return { x, result, exact: exactValue(symbolic, [x], result) };
      });
      printPointList(io, variable, label, rows, format);
      return;
    }
    const x = problem.point[0];
    const at = `${variable} = ${formatNumber(x)}`;
    const notes = singularityNotes(f, x, formula.source, at);
    reportResult(
      io,
      differentiate(f, x, options),
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
        label,
        where: at,
        notes,
      },
      format === "json",
    );
  },
};

/**
 * Where f(x) is not finite: refused unless f has a limit there (a removable singularity such as
 * sin(x)/x at 0), in which case the derivative of the filled-in function is reported with a note.
 *
 * @throws NumdiffError (INVALID_POINT) when f(x) is not finite and has no limit at x.
 */
function singularityNotes(f: (x: number) => number, x: number, source: string, at: string): string[][] {
  const fx = f(x);
  if (Number.isFinite(fx)) return [];
  const limit = removableLimit(f, x);
  const name = source.length > 60 ? "the formula" : source;
  if (limit === null) {
    throw new NumdiffError("INVALID_POINT", "at", `${name} is ${fx} at ${at}; expected a finite value there`);
  }
  return [
    ["note", `f is ${fx} at ${at} but tends to ${formatNumber(limit)}: the derivative of the filled-in f`],
  ];
}
