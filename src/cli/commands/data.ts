import { readFileSync, writeFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import {
  differentiate,
  NumdiffError,
  type DifferentiateOptions,
  type SampledResult,
  type Smoothing,
} from "numdiff";
import { samplesFigure } from "@numdiff/plot";
import { svgToPng } from "@numdiff/plot/png";
import { parseNumber, parseOptions, UsageError, type Command } from "../command.js";

const OPTIONS = {
  x: { type: "string" },
  y: { type: "string" },
  order: { type: "string" },
  accuracy: { type: "string" },
  "edge-order": { type: "string" },
  smooth: { type: "string" },
  window: { type: "string" },
  output: { type: "string", short: "o" },
  plot: { type: "string" },
  json: { type: "boolean" },
} as const;

const SMOOTHING: readonly string[] = ["none", "auto", "savitzky-golay", "total-variation"];

/** The name of the derivative column: `dpos/dt`, `d2pos/dt2`. */
function derivativeName(order: number, y: string, x: string): string {
  return order === 1 ? `d${y}/d${x}` : `d${order}${y}/d${x}${order}`;
}

function parseInteger(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const v = parseNumber(name, text);
  if (!Number.isInteger(v))
    throw new UsageError(`invalid ${name}; expected an integer, got ${JSON.stringify(text)}`, name);
  return v;
}

/** The derivative options from the command line. */
function derivativeOptions(values: { [K in keyof typeof OPTIONS]?: string | boolean }): DifferentiateOptions {
  const o: DifferentiateOptions = {};
  o.order = parseInteger("--order", values.order as string | undefined);
  o.accuracy = parseInteger("--accuracy", values.accuracy as string | undefined);
  const edge = parseInteger("--edge-order", values["edge-order"] as string | undefined);
  if (edge !== undefined) o.edgeOrder = edge as 1 | 2;
  o.window = parseInteger("--window", values.window as string | undefined);
  const smooth = values.smooth as string | undefined;
  if (smooth !== undefined) {
    if (!SMOOTHING.includes(smooth)) {
      throw new UsageError(
        `invalid --smooth; expected one of ${SMOOTHING.join(", ")}, got ${JSON.stringify(smooth.slice(0, 40))}`,
        "--smooth",
      );
    }
    o.smooth = smooth as Smoothing;
  }
  return o;
}

/** What the command reports about how the derivative was made. */
function describe(r: SampledResult): Record<string, unknown> {
  const d: Record<string, unknown> = { method: r.method, order: r.order };
  for (const key of ["accuracy", "window", "degree", "regularization", "chosenBy", "noise"] as const) {
    if (r[key] !== undefined) d[key] = r[key];
  }
  d.errorNote = r.errorNote;
  return d;
}

function checkExtension(file: string | undefined, allowed: readonly string[], option: string): void {
  if (file === undefined) return;
  if (!allowed.includes(extname(file).toLowerCase())) {
    throw new UsageError(
      `invalid ${option}; expected a file ending in ${allowed.join(" or ")}, got ${JSON.stringify(file)}`,
      option,
    );
  }
}

/**
 * `numdiff data <file.csv> --x t --y pos [--order n] [--smooth auto]`: the derivative of a column of
 * samples, as CSV (default) or JSON, to standard output or `-o` a file; `--plot` draws the samples and
 * the derivative. A bad file gets one line and exit 2, and nothing is written.
 *
 * @example
 * ```sh
 * numdiff data track.csv --x t --y pos --smooth auto --plot track.svg -o speed.csv
 * ```
 */
export const data: Command = {
  name: "data",
  summary: "derivative of sampled data in a CSV file (any order; smoothing for noisy data)",
  usage: `Usage: numdiff data <file.csv> --y <column> [--x <column>] [--order n] [--accuracy p]
                   [--edge-order 1|2] [--smooth none|auto|savitzky-golay|total-variation] [--window w]
                   [-o out.csv|out.json] [--json] [--plot out.svg|out.png]

Differentiates the samples in column --y with respect to column --x (strictly increasing; without
--x, the row number) and writes x, y, the derivative and its estimated error as CSV, or JSON with
--json or an -o file ending in .json. Finite differences of accuracy p (2, 4, 6, 8; one-sided of the
same order at the edges) by default; --edge-order gives numpy.gradient's results; --smooth auto picks
a Savitzky–Golay window by cross-validation for noisy data and reports it, total-variation keeps jumps
of the derivative sharp. The error column is empty (NaN) where no honest estimate exists.

  --x, --y <name>       the columns (the header names)
  --order n             which derivative, 1 (default) to 16
  --accuracy p          truncation order of the stencils: 2 (default), 4, 6 or 8
  --edge-order 1|2      numpy.gradient's semantics (first derivative)
  --smooth s            none (default), auto, savitzky-golay, total-variation
  --window w            Savitzky–Golay window (odd); default chosen from the data
  -o, --output <file>   write to a file (.csv or .json) instead of standard output
  --json                JSON on standard output
  --plot <file>         draw the samples and the derivative (.svg or .png)

Examples:
  numdiff data track.csv --x t --y pos
  numdiff data track.csv --x t --y pos --order 2 --accuracy 4 -o accel.csv
  numdiff data noisy.csv --x t --y pos --smooth auto --plot noisy.svg --json`,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, OPTIONS);
    if (positionals.length !== 1) {
      throw new UsageError(`expected one CSV file, got ${positionals.length} arguments`, "file");
    }
    if (values.y === undefined)
      throw new UsageError("missing --y; expected the column to differentiate, e.g. --y pos", "--y");
    checkExtension(values.output, [".csv", ".json"], "-o");
    checkExtension(values.plot, [".svg", ".png"], "--plot");
    const options = derivativeOptions(values);
    const file = positionals[0];
    let text: string;
    try {
      text = readFileSync(resolve(io.cwd, file), "utf8");
    } catch (e) {
      const code = (e as { code?: string }).code ?? "unreadable";
      throw new UsageError(`cannot read ${JSON.stringify(file)} (${code})`, "file");
    }
    // loaded here, not at start-up: every other command loads this module too
    const [{ readColumns }, { csvFormatRows }] = await Promise.all([
      import("./data-table.js"),
      import("d3-dsv"),
    ]);
    const table = readColumns(text, values.x ?? null, values.y, file);
    const result = withFile(file, () => differentiate(table.y, table.x, options));
    const smoothed = options.smooth !== undefined && options.smooth !== "none";
    const column = derivativeName(result.order, table.yName, table.xName);
    const json = values.json === true || extname(values.output ?? "").toLowerCase() === ".json";
    const body = json
      ? JSON.stringify({
          file,
          x: table.xName,
          y: table.yName,
          ...describe(result),
          columns: [table.xName, table.yName, column, "error"],
          rows: Array.from(table.x, (t, i) => [t, table.y[i], num(result.value[i]), num(result.error[i])]),
        })
      : csvFormatRows([
          [table.xName, table.yName, column, "error"],
          ...Array.from(table.x, (t, i) => [t, table.y[i], result.value[i], result.error[i]].map(cell)),
        ]);
    let figure: string | Buffer | undefined;
    if (values.plot !== undefined) {
      const plain = smoothed
        ? differentiate(table.y, table.x, { order: result.order, errors: false }).value
        : result.value;
      const svg = samplesFigure({
        x: table.x,
        y: table.y,
        derivative: plain,
        smoothed: smoothed ? result.value : undefined,
        smoothedLabel: smoothedLabel(result),
        order: result.order,
        xLabel: table.xName,
        yLabel: table.yName,
      });
      figure = extname(values.plot).toLowerCase() === ".png" ? svgToPng(svg) : svg;
    }
    if (values.output !== undefined) writeFileSync(resolve(io.cwd, values.output), body + "\n");
    else io.out(body);
    if (figure !== undefined && values.plot !== undefined)
      writeFileSync(resolve(io.cwd, values.plot), figure);
  },
};

/** Runs `fn`, naming the file in a NumdiffError's one line (too few rows for the stencil, say). */
function withFile<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof NumdiffError) throw new NumdiffError(e.code, e.argument, `${file}: ${e.message}`);
    throw e;
  }
}

/** A CSV cell: the shortest round-trip decimal, empty for NaN. */
function cell(v: number): string {
  return Number.isNaN(v) ? "" : String(v);
}

/** A JSON number, null for NaN and infinities. */
function num(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

function smoothedLabel(r: SampledResult): string {
  if (r.method === "savitzky-golay") return `Savitzky–Golay, window ${r.window}, degree ${r.degree}`;
  if (r.method === "total-variation")
    return `total variation, α = ${(r.regularization as number).toPrecision(3)}`;
  return "smoothed";
}
