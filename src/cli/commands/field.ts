import { compileFormula } from "../../expr/index.js";
import { BOOK_FIELD_GRID, DEFAULT_FIELD_DOMAIN, gradientFieldFigure } from "../../plot/index.js";
import { parseNumber, parseOptions, parseRange, UsageError, type Command } from "../command.js";
import {
  FIGURE_OPTIONS,
  FIGURE_OPTIONS_HELP,
  figureArgs,
  figureOptions,
  outputFile,
  writeFigure,
} from "./figure-output.js";

/**
 * `numdiff field <formula of x0,x1> [--range a:b] -o file.svg|file.png`: arrows of −∇f on a grid.
 * Without --range and --grid it is the book's figure: [-2, 2]² on the grid -2, -1.75, …, 2.25.
 *
 * @example
 * ```sh
 * numdiff field "x0^2 + x1^2" -o field.png
 * ```
 */
export const field: Command = {
  name: "field",
  summary: "draw the gradient field -grad f of a function of x0, x1 (SVG or PNG)",
  usage: [
    "Usage: numdiff field <formula of x0,x1> [--range a:b] [--grid n] -o <file.svg|file.png>",
    "",
    "Draws arrows of -grad f (numdiff's gradient) on a grid over [a, b]². Without --range and --grid",
    "it is the book's figure: [-2, 2]² with the grid -2, -1.75, ..., 2.25.",
    "",
    "Options:",
    "  --range <a:b>         the range of x0 and x1, default -2:2",
    "  --grid <n>            grid points per axis, ends included, default 17",
    FIGURE_OPTIONS_HELP,
    "",
    "Example:",
    '  numdiff field "x0^2 + x1^2" -o field.png',
  ].join("\n"),
  run(argv, io) {
    const { values, positionals } = parseOptions(figureArgs(argv), {
      range: { type: "string" },
      grid: { type: "string" },
      ...FIGURE_OPTIONS,
    });
    if (positionals.length !== 1) {
      throw new UsageError(
        `expected one formula of x0 and x1, got ${positionals.length} arguments`,
        "formula",
      );
    }
    const output = outputFile(values.output);
    const domain = values.range === undefined ? DEFAULT_FIELD_DOMAIN : parseRange("--range", values.range);
    const grid =
      values.grid !== undefined
        ? parseNumber("--grid", values.grid)
        : values.range === undefined
          ? BOOK_FIELD_GRID
          : undefined;
    const f = compileFormula(positionals[0], { variables: ["x0", "x1"] }).fnN();
    writeFigure(gradientFieldFigure({ f, domain, grid, ...figureOptions(values) }), output, io);
  },
};
