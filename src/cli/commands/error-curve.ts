import { analyticDerivative, compileFormula } from "../../expr/index.js";
import { errorCurveFigure } from "../../plot/index.js";
import { parseNumber, parseOptions, UsageError, type Command } from "../command.js";
import {
  FIGURE_OPTIONS,
  FIGURE_OPTIONS_HELP,
  figureArgs,
  figureOptions,
  outputFile,
  writeFigure,
} from "./figure-output.js";

/**
 * `numdiff error-curve <formula> --at <x> -o file.svg|file.png`: the error of the forward and central
 * differences as h runs from 1e-16 to 1, against the analytic derivative when math.js can find it,
 * else against numdiff's default estimate (the figure says which).
 *
 * @example
 * ```sh
 * numdiff error-curve "sin(x)" --at 1 -o error-curve.svg
 * ```
 */
export const errorCurve: Command = {
  name: "error-curve",
  summary: "plot the error of finite differences against the step h (SVG or PNG)",
  usage: [
    "Usage: numdiff error-curve <formula of x> --at <x> -o <file.svg|file.png>",
    "",
    "Plots, on log-log axes, the actual error of the forward and the central difference for h from",
    "1e-16 to 1: rounding error falls as h grows, truncation error rises. The exact derivative comes",
    "from the formula (math.js); without one, numdiff's default estimate is the reference.",
    "",
    "Options:",
    "  --at <x>              the point (required)",
    FIGURE_OPTIONS_HELP,
    "",
    "Example:",
    '  numdiff error-curve "sin(x)" --at 1 -o error-curve.png',
  ].join("\n"),
  run(argv, io) {
    const { values, positionals } = parseOptions(figureArgs(argv), {
      at: { type: "string" },
      ...FIGURE_OPTIONS,
    });
    if (positionals.length !== 1) {
      throw new UsageError(`expected one formula of x, got ${positionals.length} arguments`, "formula");
    }
    const output = outputFile(values.output);
    if (values.at === undefined)
      throw new UsageError("missing --at; expected the point, e.g. --at 1", "--at");
    const x0 = parseNumber("--at", values.at);
    const formula = compileFormula(positionals[0], { variables: ["x"] });
    const exactValue = analyticDerivative(formula, "x")?.fn1()(x0);
    const exact = exactValue !== undefined && Number.isFinite(exactValue) ? exactValue : undefined;
    writeFigure(errorCurveFigure({ f: formula.fn1(), x0, exact, ...figureOptions(values) }), output, io);
  },
};
