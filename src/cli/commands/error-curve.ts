import { analyticDerivative } from "@numdiff/expr";
import { errorCurveFigure } from "@numdiff/plot";
import { parseNumber, UsageError, type Command } from "../command.js";
import { FIGURE_OPTIONS_HELP, runFigure } from "./figure-output.js";

/**
 * `numdiff error-curve <formula> --at <x> -o file.svg|file.png`: the error of the forward and central
 * differences as h runs from 1e-16 to 1, against the analytic derivative when it is known,
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
    "from the formula (numdiff's symbolic derivative); without one, numdiff's default estimate is the",
    "reference.",
    "",
    "Options:",
    "  --at <x>              the point (required)",
    FIGURE_OPTIONS_HELP,
    "",
    "Example:",
    '  numdiff error-curve "sin(x)" --at 1 -o error-curve.png',
  ].join("\n"),
  run(argv, io) {
    runFigure(argv, io, { at: { type: "string" } }, ["x"], ({ values, formula: compile, figure }) => {
      if (values.at === undefined)
        throw new UsageError("missing --at; expected the point, e.g. --at 1", "--at");
      const x0 = parseNumber("--at", values.at);
      const formula = compile();
      const exactValue = analyticDerivative(formula, "x")?.fn1()(x0);
      const exact = exactValue !== undefined && Number.isFinite(exactValue) ? exactValue : undefined;
      return errorCurveFigure({ f: formula.fn1(), x0, exact, ...figure() });
    });
  },
};
