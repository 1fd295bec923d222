/**
 * What the figure commands (tangent, error-curve, field, descent) share: the output file, whose
 * extension picks the format, and the figure size options.
 */
import { writeFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { svgToPng } from "../../plot/png.js";
import { parseNumber, UsageError, type CliIO } from "../command.js";

/**
 * The output formats by file extension (case-insensitive).
 *
 * @example
 * ```ts
 * FIGURE_FORMATS; // [".svg", ".png"]
 * ```
 */
export const FIGURE_FORMATS: readonly string[] = Object.freeze([".svg", ".png"]);

/** parseArgs options every figure command takes (`-o` is spelled out first by {@link figureArgs}). */
export const FIGURE_OPTIONS = {
  output: { type: "string" },
  width: { type: "string" },
  height: { type: "string" },
  title: { type: "string" },
} as const;

/** Help lines for {@link FIGURE_OPTIONS}. */
export const FIGURE_OPTIONS_HELP = [
  "  -o, --output <file>   where to write; .svg or .png (required)",
  "  --width <px>          figure width, default 800",
  "  --height <px>         figure height, default 600",
  "  --title <text>        the title written on the figure",
].join("\n");

/**
 * The arguments with the short `-o <file>` spelled `--output <file>`, so the output option is parsed
 * like every long option (a file name may start with a dash only as `--output=-x.svg`).
 *
 * @example
 * ```ts
 * figureArgs(["x^2", "-o", "t.svg"]); // ["x^2", "--output", "t.svg"]
 * ```
 */
export function figureArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--") return [...out, ...argv.slice(i)];
    out.push(argv[i] === "-o" ? "--output" : argv[i]);
  }
  return out;
}

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
 * @example
 * ```ts
 * writeFigure(svg, outputFile("tangent.png"), io); // prints "/current/dir/tangent.png"
 * ```
 */
export function writeFigure(svg: string, output: { file: string; format: string }, io: CliIO): string {
  const path = resolve(io.cwd, output.file);
  writeFileSync(path, output.format === ".png" ? svgToPng(svg) : svg);
  io.out(path);
  return path;
}
