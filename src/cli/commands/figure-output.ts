/**
 * What the figure commands (tangent, error-curve, field, descent) share: the arguments (one formula,
 * the output file, whose extension picks the format, and the figure size options) and the writing.
 */
import { writeFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { compileFormula, type CompiledFormula } from "@numdiff/expr";
import { svgToPng } from "@numdiff/plot/png";
import type { OptionSpec, OptionValues } from "../args.js";
import { parseNumber, parseOptions, UsageError, type CliIO } from "../command.js";
import { describeWriteError } from "../write-error.js";

/**
 * The output formats by file extension (case-insensitive).
 *
 * @example
 * ```ts
 * FIGURE_FORMATS; // [".svg", ".png"]
 * ```
 */
export const FIGURE_FORMATS: readonly string[] = Object.freeze([".svg", ".png"]);

/**
 * parseArgs options every figure command takes: `-o <file>` or `--output <file>`, size and title.
 *
 * @example
 * ```ts
 * parseOptions(["x^2", "-o", "t.svg"], FIGURE_OPTIONS).values.output; // "t.svg"
 * ```
 */
export const FIGURE_OPTIONS = {
  output: { type: "string", short: "o" },
  width: { type: "string" },
  height: { type: "string" },
  title: { type: "string" },
} as const;

/**
 * Help lines for {@link FIGURE_OPTIONS}, for the figure commands' usage.
 *
 * @example
 * ```ts
 * tangent.usage.includes(FIGURE_OPTIONS_HELP); // true
 * ```
 */
export const FIGURE_OPTIONS_HELP = [
  "  -o, --output <file>   where to write; .svg or .png (required)",
  "  --width <px>          figure width, default 800",
  "  --height <px>         figure height, default 600",
  "  --title <text>        the title written on the figure",
].join("\n");

/**
 * The output file named by `-o`, checked for a known extension before any work is done.
 *
 * @throws UsageError when -o is missing or its extension is neither .svg nor .png.
 * @example
 * ```ts
 * outputFile("fig.PNG"); // { file: "fig.PNG", format: ".png" }
 * outputFile("fig.jpg"); // throws UsageError: invalid -o; expected a file ending in .svg or .png, got "fig.jpg"
 * ```
 */
export function outputFile(file: string | undefined): { file: string; format: string } {
  if (file === undefined || file === "") {
    throw new UsageError("missing -o; expected the output file, e.g. -o figure.svg or -o figure.png", "-o");
  }
  const format = extname(file).toLowerCase();
  if (!FIGURE_FORMATS.includes(format)) {
    throw new UsageError(
      `invalid -o; expected a file ending in ${FIGURE_FORMATS.join(" or ")}, got ${JSON.stringify(file)}`,
      "-o",
    );
  }
  return { file, format };
}

/**
 * The size and title options as figure options (figures validate the ranges themselves).
 *
 * @example
 * ```ts
 * figureOptions({ width: "1200" }); // { width: 1200, height: undefined, title: undefined }
 * ```
 */
export function figureOptions(values: { width?: string; height?: string; title?: string }): {
  width?: number;
  height?: number;
  title?: string;
} {
  return {
    width: values.width === undefined ? undefined : parseNumber("--width", values.width),
    height: values.height === undefined ? undefined : parseNumber("--height", values.height),
    title: values.title,
  };
}

/**
 * Writes a figure to `file` (relative to `io.cwd`) as SVG or PNG by its extension and prints the
 * path written.
 *
 * @throws UsageError (exit 2, one line) when the file cannot be written: a directory, a missing
 *   directory, a full device, no permission.
 * @example
 * ```ts
 * writeFigure(svg, outputFile("tangent.png"), io); // prints "/current/dir/tangent.png"
 * ```
 */
export function writeFigure(svg: string, output: { file: string; format: string }, io: CliIO): string {
  const path = resolve(io.cwd, output.file);
  const data = output.format === ".png" ? svgToPng(svg) : svg;
  try {
    writeFileSync(path, data);
  } catch (e) {
    throw new UsageError(`cannot write -o ${JSON.stringify(output.file)}: ${describeWriteError(e)}`, "-o");
  }
  io.out(path);
  return path;
}

/**
 * What a figure command's drawing gets from {@link runFigure}.
 *
 * @example
 * ```ts
 * const draw = ({ values, formula, figure }: FigureInput<{ at?: string }>) =>
 *   tangentFigure({ f: formula().fn1(), x0: Number(values.at), domain: [0, 20], ...figure() });
 * ```
 */
export interface FigureInput<V> {
  /** The parsed options: the command's own and {@link FIGURE_OPTIONS}. */
  values: V;
  /** Compiles the formula over the command's variables (call it once the options are checked). */
  formula(): CompiledFormula;
  /** The size and title options ({@link figureOptions}). */
  figure(): { width?: number; height?: number; title?: string };
}

/**
 * Runs a figure command: parses `argv` with the command's options and {@link FIGURE_OPTIONS}, asks
 * for exactly one formula (of `variables`), checks the output file before any work is done, then
 * writes the SVG that `draw` returns (as SVG or PNG by the extension) and prints the path.
 *
 * @throws UsageError for bad arguments, a missing or unknown output format; whatever `draw` throws.
 * @example
 * ```ts
 * runFigure(["x^2", "--at", "1", "-o", "t.svg"], io, { at: { type: "string" } }, ["x"], ({ values, formula, figure }) =>
 *   tangentFigure({ f: formula().fn1(), x0: parseNumber("--at", values.at ?? "0"), domain: [0, 20], ...figure() }),
 * ); // writes t.svg, prints its path
 * ```
 */
export function runFigure<T extends OptionSpec>(
  argv: string[],
  io: CliIO,
  options: T,
  variables: readonly string[],
  draw: (input: FigureInput<OptionValues<T> & OptionValues<typeof FIGURE_OPTIONS>>) => string,
): void {
  const parsed = parseOptions(argv, { ...options, ...FIGURE_OPTIONS });
  const values = parsed.values as OptionValues<T> & OptionValues<typeof FIGURE_OPTIONS>;
  const positionals = parsed.positionals;
  if (positionals.length !== 1) {
    throw new UsageError(
      `expected one formula of ${variables.join(" and ")}, got ${positionals.length} arguments`,
      "formula",
    );
  }
  const output = outputFile(values.output);
  const svg = draw({
    values,
    formula: () => compileFormula(positionals[0], { variables: [...variables] }),
    figure: () => figureOptions(values),
  });
  writeFigure(svg, output, io);
}
