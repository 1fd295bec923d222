import { derivative, NumdiffError } from "numdiff";
import { removableLimit, statusInWords, tangentDomain, tangentFigure } from "@numdiff/plot";
import { parseNumber, parseRange, UsageError, type Command } from "../command.js";
import { formatNumber } from "../format.js";
import { FIGURE_OPTIONS_HELP, runFigure } from "./figure-output.js";

/**
 * `numdiff tangent <formula> --at <x> [--range a:b] -o file.svg|file.png`: the seed's figure for
 * any formula of x.
 *
 * @example
 * ```sh
 * numdiff tangent "0.01*x^2 + 0.1*x" --at 5 -o tangent.png
 * ```
 */
export const tangent: Command = {
  name: "tangent",
  summary: "draw f(x) and its tangent at a point (SVG or PNG)",
  usage: [
    "Usage: numdiff tangent <formula of x> --at <x> [--range a:b] -o <file.svg|file.png>",
    "",
    "Draws the curve, its tangent at x (slope by the book's central difference, h = 1e-4), the",
    "point marked and the slope written on the figure. The format follows the file extension.",
    "",
    "Options:",
    "  --at <x>              the point of contact (required)",
    "  --range <a:b>         the x range drawn, [a, b); default: around x, with x away from the edges",
    FIGURE_OPTIONS_HELP,
    "",
    "Example:",
    '  numdiff tangent "0.01*x^2 + 0.1*x" --at 5 -o tangent.png',
  ].join("\n"),
  run(argv, io) {
    const options = { at: { type: "string" }, range: { type: "string" } } as const;
    runFigure(argv, io, options, ["x"], ({ values, formula, figure }) => {
      if (values.at === undefined)
        throw new UsageError("missing --at; expected the point, e.g. --at 5", "--at");
      const x0 = parseNumber("--at", values.at);
      const range = values.range === undefined ? null : parseRange("--range", values.range);
      const f = formula().fn1();
      const at = `x = ${formatNumber(x0)}`;
      const fx = f(x0);
      const y0 = Number.isFinite(fx) ? fx : removableLimit(f, x0);
      if (y0 === null) {
        throw new NumdiffError(
          "INVALID_ARGUMENT",
          "--at",
          `no tangent at ${at}: f is ${fx} there and has no limit (see --at)`,
        );
      }
      const result = derivative(f, x0);
      const sides =
        result.left !== undefined && result.right !== undefined
          ? { left: result.left.value, right: result.right.value }
          : undefined;
      const note = statusInWords(result, at) ?? undefined;
      try {
        const domain = range ?? tangentDomain(f, x0, y0);
        return tangentFigure({ f, x0, domain, sides, note, ...figure() });
      } catch (e) {
        // The figure names its own argument x0; on the command line that is --at.
        if (e instanceof NumdiffError && e.argument === "x0") {
          throw new NumdiffError(
            e.code,
            "--at",
            `no tangent at ${at}: ${e.message.replace(/^invalid x0; expected /, "expected ")}`,
          );
        }
        throw e;
      }
    });
  },
};
