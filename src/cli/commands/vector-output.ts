import { crossCheck } from "@numdiff/expr";
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
  /** Why `exact` is null. */
  exactReason?: string;
}

/**
 * The exact values with every entry that disagrees with its estimate (./expr's crossCheck) replaced
 * by null, and the first reason.
 */
function checked(t: TableResult): { exact: (number | null)[][] | null; reason: string | undefined } {
  if (t.exact === null) return { exact: null, reason: t.exactReason ?? "unknown" };
  let reason: string | undefined;
  const exact = t.exact.map((row, i) =>
    Array.from(row, (e, j) => {
      const doubt = crossCheck(e, t.value[i][j], t.error[i][j]);
      reason ??= doubt ?? undefined;
      return doubt === null ? e : null;
    }),
  );
  return { exact, reason };
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
  const { exact, reason } = checked(t);
  if (json) {
    const shape = (m: readonly ArrayLike<number | null>[]) =>
      vector ? jsonArray(m.map((r) => r[0] ?? NaN)) : m.map((r) => jsonArray(Array.from(r, (v) => v ?? NaN)));
    io.out(
      JSON.stringify({
        value: shape(t.value),
        error: shape(t.error),
        evaluations: t.evaluations,
        exact: exact === null ? null : shape(exact),
        ...(reason === undefined ? {} : { exactUnknown: reason }),
      }),
    );
    return;
  }
  io.out(alignRows(header) + "\n");
  const rows: string[][] = [];
  const columns = t.value[0]?.length ?? 0;
  rows.push(["", "value", "estimated error", ...(exact ? ["exact", "actual error"] : [])]);
  t.labels.forEach((label, k) => {
    const i = vector ? k : Math.floor(k / columns);
    const j = vector ? 0 : k % columns;
    const v = t.value[i][j];
    const cells = [label, formatNumber(v), formatError(t.error[i][j])];
    const e = exact?.[i][j];
    if (e === null) cells.push("unknown", "");
    else if (e !== undefined) cells.push(formatNumber(e), formatError(Math.abs(v - e)));
    rows.push(cells);
  });
  rows.push([""], ["evaluations", String(t.evaluations)]);
  if (reason !== undefined) rows.push(["exact", `unknown (${reason})`]);
  io.out(alignRows(rows));
}
