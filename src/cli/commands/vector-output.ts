import type { CliIO } from "../command.js";
import { alignRows, formatError, formatNumber, jsonArray } from "../format.js";

/**
 * A numerical vector or matrix result with its error and, when known, the exact values.
 * @example
 * ```ts
 * const t: TableResult = { labels: ["∂f/∂x"], value: [[2]], error: [[1e-15]], evaluations: 6, exact: [[2]] };
 * ```
 */
export interface TableResult {
  /** Row labels, e.g. `∂f/∂x0`. */
  labels: readonly string[];
  value: readonly ArrayLike<number>[];
  error: readonly ArrayLike<number>[];
  evaluations: number;
  exact: readonly ArrayLike<number>[] | null;
}

/**
 * Prints a gradient (one column), Hessian or Jacobian: each entry with its estimated error, and the
 * exact value and actual error when known; or as one JSON object `{ value, error, evaluations, exact }`.
 *
 * @param vector - print value, error and exact as flat arrays (a gradient) rather than matrices.
 * @example
 * ```ts
 * printTable(io, [["f", "x^2"]], t, true, true); // {"value":[2],"error":[1e-15],"evaluations":6,"exact":[2]}
 * ```
 */
export function printTable(
  io: CliIO,
  header: string[][],
  t: TableResult,
  json: boolean,
  vector: boolean,
): void {
  if (json) {
    const shape = (m: readonly ArrayLike<number>[]) =>
      vector ? jsonArray(m.map((r) => r[0])) : m.map(jsonArray);
    io.out(
      JSON.stringify({
        value: shape(t.value),
        error: shape(t.error),
        evaluations: t.evaluations,
        exact: t.exact === null ? null : shape(t.exact),
      }),
    );
    return;
  }
  io.out(alignRows(header) + "\n");
  const rows: string[][] = [];
  const columns = t.value[0]?.length ?? 0;
  rows.push(["", "value", "estimated error", ...(t.exact ? ["exact", "actual error"] : [])]);
  t.labels.forEach((label, k) => {
    const i = vector ? k : Math.floor(k / columns);
    const j = vector ? 0 : k % columns;
    const v = t.value[i][j];
    const cells = [label, formatNumber(v), formatError(t.error[i][j])];
    if (t.exact) cells.push(formatNumber(t.exact[i][j]), formatError(Math.abs(v - t.exact[i][j])));
    rows.push(cells);
  });
  rows.push([""], ["evaluations", String(t.evaluations)]);
  if (t.exact === null) rows.push(["exact", "unknown (math.js cannot differentiate this formula)"]);
  io.out(alignRows(rows));
}
