import { tangentFigure } from "../../plot/index.js";
import { parseNumber, parseRange, UsageError, type Command } from "../command.js";
import { FIGURE_OPTIONS_HELP, runFigure } from "./figure-output.js";

/**
 * The range drawn when --range is not given and it contains the point: the seed's [0, 20).
 *
 * @example
 * ```ts
 * DEFAULT_TANGENT_RANGE; // [0, 20]
 * ```
 */
export const DEFAULT_TANGENT_RANGE: readonly [number, number] = Object.freeze([0, 20]) as readonly [
  number,
  number,
];

/**
 * Half-width of the range drawn around a point outside {@link DEFAULT_TANGENT_RANGE}: [x − 10, x + 10],
 * the same width as the seed's.
 *
 * @default 10
 * @example
 * ```ts
 * TANGENT_HALF_WIDTH; // 10
 * ```
 */
export const TANGENT_HALF_WIDTH = 10;

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
    "  --range <a:b>         the x range drawn, [a, b); default 0:20 if it holds x, else x-10:x+10",
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
      const domain: [number, number] =
        values.range !== undefined
          ? parseRange("--range", values.range)
          : x0 >= DEFAULT_TANGENT_RANGE[0] && x0 < DEFAULT_TANGENT_RANGE[1]
            ? [DEFAULT_TANGENT_RANGE[0], DEFAULT_TANGENT_RANGE[1]]
            : [x0 - TANGENT_HALF_WIDTH, x0 + TANGENT_HALF_WIDTH];
      return tangentFigure({ f: formula().fn1(), x0, domain, ...figure() });
    });
  },
};
