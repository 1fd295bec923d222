/**
 * Formatting of numbers and aligned tables for the command's human output.
 */

/**
 * A number as the shortest text that reads back to the same double (`0.1999999999990898`).
 *
 * @example
 * ```ts
 * formatNumber(0.2); // "0.2"
 * formatNumber(NaN); // "NaN"
 * ```
 */
export function formatNumber(x: number): string {
  return Object.is(x, -0) ? "0" : String(x);
}

/**
 * An error (estimated or actual) to two significant digits, or "unknown" for NaN.
 *
 * @example
 * ```ts
 * formatError(9.102e-13); // "9.1e-13"
 * formatError(0); // "0"
 * formatError(NaN); // "unknown"
 * ```
 */
export function formatError(x: number): string {
  if (Number.isNaN(x)) return "unknown";
  if (x === 0 || !Number.isFinite(x)) return String(x);
  return x.toExponential(1);
}

/**
 * Rows of cells as text with every column padded to its widest cell (two spaces between columns).
 *
 * @example
 * ```ts
 * alignRows([["value", "0.2"], ["error", "1e-16"]]);
 * // "value  0.2\nerror  1e-16"
 * ```
 */
export function alignRows(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i])))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/**
 * A number for JSON output: non-finite values become null (JSON has no NaN).
 *
 * @example
 * ```ts
 * jsonNumber(NaN); // null
 * ```
 */
export function jsonNumber(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/**
 * A vector or matrix of numbers for JSON output.
 *
 * @example
 * ```ts
 * jsonArray(Float64Array.of(1, NaN)); // [1, null]
 * ```
 */
export function jsonArray(a: ArrayLike<number>): (number | null)[] {
  return Array.from(a, jsonNumber);
}
