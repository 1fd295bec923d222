import { BOOK_FIELD_GRID, DEFAULT_FIELD_DOMAIN, gradientFieldFigure } from "@numdiff/plot";
import { parseNumber, parseRange, type Command } from "../command.js";
import { FIGURE_OPTIONS_HELP, runFigure } from "./figure-output.js";

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
    const options = { range: { type: "string" }, grid: { type: "string" } } as const;
    runFigure(argv, io, options, ["x0", "x1"], ({ values, formula, figure }) => {
      const domain = values.range === undefined ? DEFAULT_FIELD_DOMAIN : parseRange("--range", values.range);
      const grid =
        values.grid !== undefined
          ? parseNumber("--grid", values.grid)
          : values.range === undefined
            ? BOOK_FIELD_GRID
            : undefined;
      return gradientFieldFigure({ f: formula().fnN(), domain, grid, ...figure() });
    });
  },
};
