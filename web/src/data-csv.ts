/**
 * Pasted or dropped CSV for the explorer's data panel: the header and the numeric columns, parsed by
 * d3-dsv (RFC 4180), with the first problem said in one sentence.
 */
import { csvParseRows } from "d3-dsv";

/**
 * A parsed table: column names, and per column its numbers (NaN for a cell that is not a number).
 *
 * @example
 * ```ts
 * const t: DataTable = { names: ["t", "pos"], columns: [[0, 1], [2, 3]] };
 * ```
 */
export interface DataTable {
  names: string[];
  columns: number[][];
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses CSV text with a header row. Blank lines are skipped; a cell that is not a decimal number
 * becomes NaN (the panel says where, once the columns are chosen).
 *
 * @example
 * ```ts
 * parseTable("t,pos\n0,1\n1,3").columns; // [[0, 1], [1, 3]]
 * parseTable("only a header"); // { error: "expected a header row and at least 3 rows of samples" }
 * ```
 */
export function parseTable(text: string): DataTable | { error: string } {
  const rows = csvParseRows(text.replace(/^\uFEFF/, "")).filter((r) => r.some((c) => c.trim() !== ""));
  if (rows.length < 4) return { error: "expected a header row and at least 3 rows of samples" };
  const names = rows[0].map((h, i) => h.trim() || `column ${i + 1}`);
  const columns = names.map((_, j) =>
    rows.slice(1).map((r) => {
      const cell = (r[j] ?? "").trim();
      return NUMBER.test(cell) ? Number(cell) : NaN;
    }),
  );
  return { names, columns };
}

/**
 * The first problem with x and y as samples to differentiate, or null: a cell that is not a number,
 * or x not strictly increasing (with the row, counting the header as row 1).
 *
 * @example
 * ```ts
 * sampleProblem([0, 1, 1], [1, 2, 3], "t", "pos"); // "row 4: duplicate t = 1; x must be strictly increasing"
 * ```
 */
export function sampleProblem(
  x: readonly number[],
  y: readonly number[],
  xName: string,
  yName: string,
): string | null {
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i])) return `row ${i + 2}: the ${xName} cell is not a number`;
    if (Number.isNaN(y[i])) return `row ${i + 2}: the ${yName} cell is not a number`;
    if (i > 0 && x[i] === x[i - 1])
      return `row ${i + 2}: duplicate ${xName} = ${x[i]}; x must be strictly increasing`;
    if (i > 0 && !(x[i] > x[i - 1]))
      return `row ${i + 2}: ${xName} = ${x[i]} after ${x[i - 1]}; x must be strictly increasing`;
  }
  return null;
}

/**
 * A noisy example for the panel: 400 samples of sin on [0, 2π] with noise of 1% of the amplitude
 * (seeded, so it is the same every time).
 *
 * @example
 * ```ts
 * noisyExample().split("\n")[0]; // "t,pos"
 * ```
 */
export function noisyExample(): string {
  let seed = 12345;
  const uniform = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const gauss = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const lines = ["t,pos"];
  for (let i = 0; i < 400; i++) {
    const t = (2 * Math.PI * i) / 399;
    lines.push(`${t.toPrecision(6)},${(Math.sin(t) + 0.01 * gauss()).toPrecision(6)}`);
  }
  return lines.join("\n");
}
