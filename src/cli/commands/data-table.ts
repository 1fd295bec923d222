/**
 * Reading the columns of a CSV file for `numdiff data`, with d3-dsv's RFC 4180 parser, and refusing
 * what cannot be differentiated with one line naming the row, the column and the cell.
 */
import { csvParseRows } from "d3-dsv";
import { NumdiffError } from "numdiff";

/**
 * Two numeric columns of a CSV file, checked: x strictly increasing, no missing or non-numeric cell.
 *
 * @example
 * ```ts
 * const t: DataColumns = { xName: "t", yName: "pos", x: Float64Array.of(0, 1), y: Float64Array.of(2, 3) };
 * ```
 */
export interface DataColumns {
  xName: string;
  yName: string;
  x: Float64Array;
  y: Float64Array;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function bad(argument: string, message: string): NumdiffError {
  return new NumdiffError("INVALID_SAMPLES", argument, message);
}

/** The index of a named column in the header row, or a one-line error listing the columns there are. */
function columnIndex(header: readonly string[], name: string, option: string, file: string): number {
  const i = header.findIndex((h) => h.trim() === name);
  if (i < 0) {
    const shown = header
      .slice(0, 12)
      .map((h) => JSON.stringify(h.trim()))
      .join(", ");
    throw bad(option, `${file}: no column ${JSON.stringify(name)} for ${option}; the header has ${shown}`);
  }
  return i;
}

/** A cell as a number: decimal notation only; empty, "NaN", "inf" and words are refused. */
function cellNumber(text: string | undefined, row: number, column: string, file: string): number {
  const t = (text ?? "").trim();
  if (!NUMBER.test(t)) {
    const shown = t === "" ? "an empty cell" : JSON.stringify(t.length > 30 ? t.slice(0, 30) + "…" : t);
    throw bad(
      column,
      `${file}: row ${row}, column ${JSON.stringify(column)}: expected a number, got ${shown}`,
    );
  }
  return Number(t);
}

/**
 * Parses CSV text (a header row, then one sample per row), takes the columns `xName` and `yName`
 * (`xName` null: x is the row number 0, 1, 2, …) and checks x is strictly increasing. Row numbers in
 * messages count the header as row 1, as a spreadsheet does.
 *
 * @throws NumdiffError (INVALID_SAMPLES, INVALID_GRID) with one line naming the file, row and column.
 * @example
 * ```ts
 * readColumns("t,pos\n0,1\n1,3\n", "t", "pos", "a.csv").y; // Float64Array [1, 3]
 * readColumns("t,pos\n0,1\n0,3\n", "t", "pos", "a.csv"); // throws: a.csv: row 3: duplicate t = 0 (x must be strictly increasing)
 * ```
 */
export function readColumns(text: string, xName: string | null, yName: string, file: string): DataColumns {
  const rows = csvParseRows(text.replace(/^\uFEFF/, "")).filter(
    (r) => !(r.length === 1 && r[0].trim() === ""),
  );
  if (rows.length < 2) throw bad("file", `${file}: expected a header row and at least one row of samples`);
  const header = rows[0];
  const yi = columnIndex(header, yName, "--y", file);
  const xi = xName === null ? -1 : columnIndex(header, xName, "--x", file);
  const n = rows.length - 1;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const row = rows[r + 1];
    y[r] = cellNumber(row[yi], r + 2, yName, file);
    x[r] = xi < 0 ? r : cellNumber(row[xi], r + 2, xName as string, file);
    if (r > 0 && x[r] === x[r - 1]) {
      throw new NumdiffError(
        "INVALID_GRID",
        "--x",
        `${file}: row ${r + 2}: duplicate ${xName} = ${x[r]} (x must be strictly increasing)`,
      );
    }
    if (r > 0 && !(x[r] > x[r - 1])) {
      throw new NumdiffError(
        "INVALID_GRID",
        "--x",
        `${file}: row ${r + 2}: ${xName} = ${x[r]} after ${x[r - 1]} (x must be strictly increasing; sort the rows)`,
      );
    }
  }
  return { xName: xName ?? "row", yName, x, y };
}
