/**
 * `numdiff` with no arguments (and `npm start`): the seed reproduced. The derivative of 0.01x² + 0.1x
 * at 5 and 10, and the partial derivatives of x0² + x1² at (3, 4), each by the book's method (central
 * difference, h = 1e-4), by numdiff's default, and analytically (numdiff's symbolic derivative).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { BOOK_STEP } from "numdiff/constants";
import { derivative, partial, type DerivativeResult } from "numdiff";
import { analyticDerivative, compileFormula } from "@numdiff/expr";
import { tangentFigure } from "@numdiff/plot";
import { svgToPng } from "@numdiff/plot/png";
import type { CliIO } from "./command.js";
import { alignRows, formatError, formatNumber } from "./format.js";

const BOOK = { method: "central", step: BOOK_STEP } as const;

/**
 * Where the demo writes the seed's tangent figure, relative to the working directory (out/ is gitignored).
 *
 * @example
 * ```ts
 * DEMO_FIGURE; // "out/tangent.png"
 * ```
 */
export const DEMO_FIGURE = "out/tangent.png";

/**
 * The book's values, numdiff's default and the analytic ones side by side, each numerical value with
 * its actual error.
 */
function comparison(
  heading: string[],
  book: readonly DerivativeResult[],
  auto: readonly DerivativeResult[],
  exact: readonly number[],
): string {
  const withError = (r: DerivativeResult, i: number) => [
    formatNumber(r.value),
    `error ${formatError(Math.abs(r.value - exact[i]))}`,
  ];
  return alignRows([
    heading,
    ["book (central, h = 1e-4)", ...book.flatMap(withError)],
    ["numdiff default", ...auto.flatMap(withError)],
    ["analytic", ...exact.flatMap((v) => [formatNumber(v), ""])],
  ]);
}

/**
 * Prints the seed reproduced.
 *
 * @example
 * ```ts
 * await runDemo({ out: console.log, err: console.error, cwd: process.cwd() });
 * // book (central, h = 1e-4)  0.1999999999990898  0.2999999999986347 …
 * ```
 */
export async function runDemo(io: CliIO): Promise<void> {
  const f = compileFormula("0.01*x^2 + 0.1*x");
  const f1 = f.fn1();
  const df = analyticDerivative(f, "x")?.fn1();
  const xs = [5, 10];
  const book = xs.map((x) => derivative(f1, x, BOOK));
  const auto = xs.map((x) => derivative(f1, x));
  const exact = xs.map((x) => (df ? df(x) : NaN));
  io.out("numdiff: the seed reproduced (数值微分与偏导数, after Deep Learning from Scratch, ch. 4)\n");
  io.out(`f(x) = ${f.source}, f'(x) = ${analyticDerivative(f, "x")?.source ?? "?"}\n`);
  io.out(comparison(["f'(x)", "x = 5", "", "x = 10", ""], book, auto, exact));
  io.out(
    `(analytic: the exact derivative ${analyticDerivative(f, "x")?.source ?? "formula"} evaluated in doubles; at x = 10\n` +
      " it rounds to 0.30000000000000004, one unit in the last place above the double nearest 0.3)",
  );

  const g = compileFormula("x0^2 + x1^2");
  const gN = g.fnN();
  const point = [3, 4];
  const names = g.variables;
  const gBook = names.map((_, i) => partial(gN, point, i, BOOK));
  const gAuto = names.map((_, i) => partial(gN, point, i));
  const gExact = names.map((v) => analyticDerivative(g, v)?.evaluate(point) ?? NaN);
  io.out(`\nf(x0, x1) = ${g.source} at (3, 4)\n`);
  io.out(comparison(["", "∂f/∂x0", "", "∂f/∂x1", ""], gBook, gAuto, gExact));

  const figure = join(io.cwd, DEMO_FIGURE);
  mkdirSync(dirname(figure), { recursive: true });
  writeFileSync(figure, svgToPng(tangentFigure({ f: f1, x0: 5, domain: [0, 20] })));
  io.out(`\nThe seed's figure, f and its tangent at x = 5: ${figure}`);

  io.out("\nMore: numdiff --help");
}
