/**
 * A derivative at several points (`--at 1,2,3` or `--at a:b:n`), printed as an aligned table, as
 * CSV or as a JSON array.
 */
import { NumdiffError, type DerivativeResult } from "numdiff";
import { UsageError, type CliIO } from "../command.js";
import { alignRows, formatError, formatNumber } from "../format.js";
import { resultJson, statusLine, type Exact } from "./one-result.js";

/**
 * The output formats of several points: `--format table` (the default), `csv` or `json` (also `--json`).
 *
 * @example
 * ```ts
 * LIST_FORMATS; // ["table", "csv", "json"]
 * ```
 */
export const LIST_FORMATS: readonly string[] = Object.freeze(["table", "csv", "json"]);

/**
 * The format asked for by `--format` and `--json`.
 *
 * @throws UsageError for an unknown format, or --json with another --format.
 * @example
 * ```ts
 * listFormat(undefined, true); // "json"
 * listFormat("csv", false); // "csv"
 * ```
 */
export function listFormat(format: string | undefined, json: boolean): string {
  if (format === undefined) return json ? "json" : "table";
  if (!LIST_FORMATS.includes(format)) {
    throw new UsageError(
      `invalid --format; expected one of ${LIST_FORMATS.join(", ")}, got ${JSON.stringify(format.slice(0, 40))}`,
      "--format",
    );
  }
  if (json && format !== "json")
    throw new UsageError(`--json and --format ${format} contradict each other`, "--format");
  return format;
}

/**
 * One point's row: where, the result, and the exact value there (or why it is unknown).
 *
 * @example
 * ```ts
 * const row: PointRow = { x: 1, result: derivative(Math.sin, 1), exact: { value: Math.cos(1), source: "cos(x)" } };
 * ```
 */
export interface PointRow {
  x: number;
  result: DerivativeResult;
  exact: Exact;
}

const csvCell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * Prints the rows in the format asked for; afterwards refuses (exit 2) if any estimate is not
 * finite, naming the first such point and how many there were.
 *
 * @throws NumdiffError (NON_NUMERIC_RESULT) after printing, when some estimate is not finite.
 * @example
 * ```ts
 * printPointList(io, "x", "f'", rows, "csv");
 * // x,value,error,exact,actual_error,status,evaluations
 * // 1,0.5403023058681398,1.1e-15,0.5403023058681398,0,,8
 * ```
 */
export function printPointList(
  io: CliIO,
  variable: string,
  label: string,
  rows: readonly PointRow[],
  format: string,
): void {
  const actual = (r: PointRow): number | null =>
    r.exact.value === null || !Number.isFinite(r.exact.value)
      ? null
      : Math.abs(r.result.value - r.exact.value);
  if (format === "json") {
    io.out(JSON.stringify(rows.map((r) => ({ [variable]: r.x, ...resultJson(r.result, r.exact) }))));
  } else if (format === "csv") {
    const lines = [[variable, "value", "error", "exact", "actual_error", "status", "evaluations"].join(",")];
    for (const r of rows) {
      const a = actual(r);
      lines.push(
        [
          String(r.x),
          String(r.result.value),
          String(r.result.error),
          r.exact.value === null ? "" : String(r.exact.value),
          a === null ? "" : String(a),
          r.result.status ?? "",
          String(r.result.evaluations),
        ]
          .map(csvCell)
          .join(","),
      );
    }
    io.out(lines.join("\n"));
  } else {
    const table = [[variable, label, "estimated error", "exact", "actual error", "status"]];
    for (const r of rows) {
      const a = actual(r);
      table.push([
        formatNumber(r.x),
        formatNumber(r.result.value),
        formatError(r.result.error),
        r.exact.value === null ? "unknown" : formatNumber(r.exact.value),
        a === null ? "" : formatError(a),
        r.result.status === undefined ? "" : statusLine(r.result, `${variable} = ${formatNumber(r.x)}`),
      ]);
    }
    io.out(alignRows(table));
  }
  const bad = rows.filter((r) => !Number.isFinite(r.result.value));
  if (bad.length > 0) {
    throw new NumdiffError(
      "NON_NUMERIC_RESULT",
      "at",
      `the derivative is not finite at ${variable} = ${formatNumber(bad[0].x)}${bad.length > 1 ? ` and ${bad.length - 1} more point${bad.length > 2 ? "s" : ""}` : ""}`,
    );
  }
}
