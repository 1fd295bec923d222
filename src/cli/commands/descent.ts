import { checkLearningRate, DESCENT_LR, DESCENT_STEPS, descentFigure } from "@numdiff/plot";
import { parseNumber, parsePoint, parseRange, UsageError, type Command } from "../command.js";
import { FIGURE_OPTIONS_HELP, runFigure } from "./figure-output.js";

const VARIABLES = ["x0", "x1"] as const;

/**
 * `numdiff descent <formula of x0,x1> --start x0=-3,x1=4 [--lr 0.1] [--steps 20] -o file`: the path
 * of the book's gradient descent over level curves of f.
 *
 * @example
 * ```sh
 * numdiff descent "x0^2 + x1^2" --start x0=-3,x1=4 -o descent.png
 * ```
 */
export const descent: Command = {
  name: "descent",
  summary: "draw the path of gradient descent over level curves (SVG or PNG)",
  usage: [
    "Usage: numdiff descent <formula of x0,x1> --start x0=<a>,x1=<b> [--lr 0.1] [--steps 20] -o <file.svg|file.png>",
    "",
    "Runs the book's gradient descent (x -= lr * grad f, central differences with h = 1e-4) and draws",
    "a marker per step over faint level curves of f.",
    "",
    "Options:",
    "  --start <x0=a,x1=b>   the starting point, also as a,b (required)",
    `  --lr <rate>           learning rate, a number > 0, default ${DESCENT_LR}`,
    `  --steps <n>           number of steps, default ${DESCENT_STEPS}`,
    "  --range <a:b>         the range of x0 and x1 drawn; default the book's -3.5:3.5 × -4.5:4.5",
    "                        when the path fits, else a box around the path",
    FIGURE_OPTIONS_HELP,
    "",
    "Example:",
    '  numdiff descent "x0^2 + x1^2" --start x0=-3,x1=4 --lr 0.1 --steps 20 -o descent.png',
  ].join("\n"),
  run(argv, io) {
    const options = {
      start: { type: "string" },
      lr: { type: "string" },
      steps: { type: "string" },
      range: { type: "string" },
    } as const;
    runFigure(argv, io, options, VARIABLES, ({ values, formula, figure }) => {
      if (values.start === undefined) {
        throw new UsageError(
          "missing --start; expected the starting point, e.g. --start x0=-3,x1=4",
          "--start",
        );
      }
      const point = parsePoint(values.start, "--start");
      if (point.values.length !== 2) {
        throw new UsageError(
          `invalid --start; expected 2 coordinates (x0, x1), got ${point.values.length}`,
          "--start",
        );
      }
      let start = [...point.values];
      if (point.names !== null) {
        const unknown = point.names.find((n) => !(VARIABLES as readonly string[]).includes(n));
        if (unknown !== undefined) {
          throw new UsageError(`invalid --start; expected the names x0 and x1, got "${unknown}"`, "--start");
        }
        start = VARIABLES.map((v) => point.values[point.names!.indexOf(v)]);
      }
      const lr =
        values.lr === undefined ? undefined : checkLearningRate(parseNumber("--lr", values.lr), "--lr");
      const steps = values.steps === undefined ? undefined : parseNumber("--steps", values.steps);
      const domain = values.range === undefined ? undefined : parseRange("--range", values.range);
      const f = formula().fnN();
      return descentFigure({ f, start, lr, steps, domain, ...figure() });
    });
  },
};
