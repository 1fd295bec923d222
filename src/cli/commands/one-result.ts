import type { DerivativeResult } from "../../core/index.js";
import type { CompiledFormula } from "../../expr/index.js";
import type { CliIO } from "../command.js";
import { alignRows, formatError, formatNumber } from "../format.js";

/**
 * An exact value and the formula it came from.
 * @example
 * ```ts
 * const e: Exact = { value: 0.2, source: "x / 50 + 1 / 10" };
 * ```
 */
export interface Exact {
  value: number;
  source: string;
}

/**
 * The analytic value at the point, or null when math.js cannot differentiate the formula.
 *
 * @example
 * ```ts
 * exactValue(() => analyticDerivative(compileFormula("x^2"), "x"), [3]); // { value: 6, source: "2 * x" }
 * ```
 */
export function exactValue(make: () => CompiledFormula | null, point: ArrayLike<number>): Exact | null {
  const d = make();
  return d === null ? null : { value: d.evaluate(point), source: d.source };
}

/**
 * Prints one derivative result as aligned lines: value, estimated error, method and step,
 * evaluations, and the exact value with the actual error (or why there is none).
 * @example
 * ```ts
 * printResult(io, [["f(x)", "x^2"]], "f'", derivative((x) => x * x, 3), { value: 6, source: "2 * x" });
 * // f(x)  x^2 / f'  6 / estimated error … / exact 6 (2 * x) / actual error 0
 * ```
 */
export function printResult(
  io: CliIO,
  header: string[][],
  what: string,
  result: DerivativeResult,
  exact: Exact | null,
): void {
  const rows: string[][] = [
    ...header,
    [what, formatNumber(result.value)],
    ["estimated error", formatError(result.error)],
    ["method", `${result.method}, step ${formatNumber(result.step)}`],
    ["evaluations", String(result.evaluations)],
  ];
  if (exact === null) {
    rows.push(["exact", "unknown (math.js cannot differentiate this formula)"]);
  } else {
    const source = exact.source.length > 60 ? exact.source.slice(0, 57) + "..." : exact.source;
    rows.push(["exact", `${formatNumber(exact.value)}  (${source})`]);
    rows.push(["actual error", formatError(Math.abs(result.value - exact.value))]);
  }
  io.out(alignRows(rows));
}
