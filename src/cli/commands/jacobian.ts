import { jacobian as differentiate } from "numdiff";
import { exactGradient } from "@numdiff/expr";
import type { CliIO, Command } from "../command.js";
import { checkFinite, describePoint, DIFF_OPTIONS_HELP, parseDiffArgs, setupProblem } from "../setup.js";
import { printTable } from "./vector-output.js";

/**
 * `numdiff jacobian <formula> <formula> … --at x0=1,x1=2`: the Jacobian of several formulas.
 *
 * @example
 * ```sh
 * numdiff jacobian "x0^2 + x1^2" "x0^3 + x1^3" --at x0=1,x1=2
 * # [[2, 4], [3, 12]] beside the exact values
 * ```
 */
export const jacobian: Command = {
  name: "jacobian",
  summary: "Jacobian of several formulas (one per row) at a point",
  usage: `Usage: numdiff jacobian <formula> <formula> ... --at x0=1,x1=2 [--method m] [--step h] [--accuracy p] [--json]

The matrix of first partial derivatives of several formulas: row i is formula i, column j the
variable j. Each entry has its estimated error; the exact Jacobian and the actual errors are shown when
they are known.

  --at point    the point, every variable named (x0=1,x1=2) or values in the order of the
                variables of all formulas sorted by name (1,2)
${DIFF_OPTIONS_HELP}

Examples:
  numdiff jacobian "x0^2 + x1^2" "x0^3 + x1^3" --at x0=1,x1=2
  numdiff jacobian "r*cos(t)" "r*sin(t)" --at r=2,t=0.5 --json`,
  run(argv: string[], io: CliIO): void {
    const { values, positionals, options } = parseDiffArgs(argv, ["at", "method", "step", "accuracy"]);
    const problem = setupProblem(positionals, values.at);
    checkFinite(problem);
    const fns = problem.formulas.map((f) => f.fnN());
    const out = new Float64Array(fns.length);
    const F = (x: Float64Array): Float64Array => {
      for (let i = 0; i < fns.length; i++) out[i] = fns[i](x);
      return out;
    };
    const result = differentiate(F, problem.point, options);
    const gradients = problem.formulas.map((f) => exactGradient(f));
    const unknown = gradients.find((g) => g.value === null);
    const exact = unknown
      ? null
      : gradients.map((g) => (g.value ?? []).map((d) => d.evaluate(problem.point)));
    const names = problem.variables;
    printTable(
      io,
      [
        ...problem.formulas.map((f, i) => [`F${i + 1}`, f.source]),
        ["at", describePoint(names, problem.point)],
      ],
      {
        labels: problem.formulas.flatMap((_, i) => names.map((v) => `∂F${i + 1}/∂${v}`)),
        value: result.value,
        error: result.error,
        evaluations: result.evaluations,
        exact,
        exactReason: unknown?.reason,
      },
      values.json === true,
      false,
    );
  },
};
