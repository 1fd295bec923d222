import { NumdiffError, type DerivativeResult } from "numdiff";
import { crossCheck, exactDerivative, type Analytic, type CompiledFormula } from "@numdiff/expr";
import { statusInWords } from "@numdiff/plot";
import type { CliIO } from "../command.js";
import { alignRows, formatError, formatNumber, jsonNumber } from "../format.js";

/**
 * An exact value and the formula it came from, or why it is unknown.
 * @example
 * ```ts
 * const e: Exact = { value: 0.2, source: "0.02 * x + 0.1" };
 * const u: Exact = { value: null, reason: "the exact derivative needs more than 200000 nodes" };
 * ```
 */
export type Exact = { value: number; source: string } | { value: null; reason: string };

/**
 * The analytic value at the point, cross-checked against the numerical estimate (./expr's
 * crossCheck): unknown, with the reason, when there is no exact derivative or when the two disagree
 * beyond the estimate's error and the exact value's rounding.
 *
 * @example
 * ```ts
 * exactValue(exactDerivative(compileFormula("x^2"), "x"), [3], derivative((x) => x * x, 3));
 * // { value: 6, source: "2 * x" }
 * ```
 */
export function exactValue(
  exact: Analytic<CompiledFormula>,
  point: ArrayLike<number>,
  result: DerivativeResult,
): Exact {
  if (exact.value === null) return { value: null, reason: exact.reason };
  const value = exact.value.evaluate(point);
  const doubt = crossCheck(value, result.value, result.error);
  return doubt === null ? { value, source: exact.value.source } : { value: null, reason: doubt };
}

/**
 * The status as the command prints it: the engine's sentence (statusInWords) where there is something
 * to say, else the status word.
 *
 * @example
 * ```ts
 * statusLine({ ...result, status: "ok" }, "x = 1"); // "ok"
 * statusLine({ ...result, status: "not-differentiable", left: { value: 0, error: 0 }, right: { value: 1, error: 0 } }, "x = 0");
 * // "not differentiable at x = 0: left slope 0, right slope 1"
 * ```
 */
export function statusLine(result: DerivativeResult, where: string): string {
  return statusInWords(result, where) ?? result.status ?? "";
}

const oneSided = (s: { value: number; error: number }): string =>
  `${formatNumber(s.value)}  (estimated error ${formatError(s.error)})`;

/**
 * A result as the JSON object the command prints: value, error, evaluations, step, method, exact,
 * and the engine's status, noise and one-sided slopes when it gives them.
 *
 * @example
 * ```ts
 * resultJson(derivative((x) => x * x, 3), { value: 6, source: "2 * x" });
 * // { value: 6, error: 1.1e-14, evaluations: 6, step: 0.375, method: "central", exact: 6 }
 * ```
 */
export function resultJson(result: DerivativeResult, exact: Exact): Record<string, unknown> {
  const side = (s: { value: number; error: number } | undefined) =>
    s === undefined ? undefined : { value: jsonNumber(s.value), error: jsonNumber(s.error) };
  return {
    value: jsonNumber(result.value),
    error: jsonNumber(result.error),
    evaluations: result.evaluations,
    step: jsonNumber(result.step),
    method: result.method,
    exact: exact.value === null ? null : jsonNumber(exact.value),
    ...(exact.value === null ? { exactUnknown: exact.reason } : {}),
    ...(result.status === undefined ? {} : { status: result.status }),
    ...(result.noise === undefined ? {} : { noise: jsonNumber(result.noise) }),
    ...(result.left === undefined ? {} : { left: side(result.left) }),
    ...(result.right === undefined ? {} : { right: side(result.right) }),
  };
}

/**
 * Prints one derivative result as aligned lines: value, estimated error, method and step,
 * evaluations, and the exact value with the actual error (or why there is none).
 * @example
 * ```ts
 * printResult(io, [["f(x)", "x^2"]], "f'", derivative((x) => x * x, 3), { value: 6, source: "2 * x" });
 * // (an unknown exact value prints as "exact  unknown (<reason>)")
 * // f(x)  x^2 / f'  6 / estimated error … / exact 6 (2 * x) / actual error 0
 * ```
 */
export function printResult(
  io: CliIO,
  header: string[][],
  what: string,
  result: DerivativeResult,
  exact: Exact,
  where = "this point",
): void {
  const rows: string[][] = [...header, [what, formatNumber(result.value)]];
  if (result.status !== undefined) rows.push(["status", statusLine(result, where)]);
  if (result.left !== undefined) rows.push(["left slope", oneSided(result.left)]);
  if (result.right !== undefined) rows.push(["right slope", oneSided(result.right)]);
  rows.push(
    ["estimated error", formatError(result.error)],
    ["method", `${result.method}, step ${formatNumber(result.step)}`],
    ["evaluations", String(result.evaluations)],
  );
  if (exact.value === null) {
    rows.push(["exact", `unknown (${exact.reason})`]);
  } else {
    const source = exact.source.length > 60 ? exact.source.slice(0, 57) + "..." : exact.source;
    rows.push(["exact", `${formatNumber(exact.value)}  (${source})`]);
    if (Number.isFinite(exact.value)) {
      rows.push(["actual error", formatError(Math.abs(result.value - exact.value))]);
    }
  }
  io.out(alignRows(rows));
}

/**
 * One derivative of one formula, as {@link reportResult} reports it.
 * @example
 * ```ts
 * const r: OneResult = {
 *   subject: "the derivative of x^2 at x = 3", formula: compileFormula("x^2"), variable: "x", order: 1,
 *   point: [3], header: [["f(x)", "x^2"], ["at", "x = 3"]], label: "f'",
 * };
 * ```
 */
export interface OneResult {
  /** What was differentiated where, for the message when the estimate is not finite. */
  subject: string;
  /** The formula, for the exact value. */
  formula: CompiledFormula;
  /** The variable differentiated by. */
  variable: string;
  /** Which derivative: 1, 2, … */
  order: number;
  /** The point, in the order of the formula's variables. */
  point: ArrayLike<number>;
  /** The lines before the result: the formula and the point. */
  header: string[][];
  /** The name of the value, e.g. `f'` or `∂f/∂x0`. */
  label: string;
  /** The point in words for the status line, e.g. "x = 0". */
  where?: string;
  /** Rows printed after the header, e.g. a note on a removable singularity. */
  notes?: string[][];
}

/**
 * Reports a derivative or partial derivative: refuses a non-finite estimate, finds the exact value
 * (numdiff's symbolic derivative, cross-checked) and prints either one JSON object
 * `{ value, error, evaluations, step, method, exact }` or the aligned lines of {@link printResult}.
 *
 * @throws NumdiffError (NON_NUMERIC_RESULT) when the estimate is not finite.
 * @example
 * ```ts
 * reportResult(io, derivative((x) => x * x, 3), r, true);
 * // {"value":6,"error":…,"evaluations":…,"step":…,"method":"auto","exact":6}
 * ```
 */
export function reportResult(io: CliIO, result: DerivativeResult, r: OneResult, json: boolean): void {
  if (!Number.isFinite(result.value)) {
    const words = statusInWords(result, "this point");
    throw new NumdiffError(
      "NON_NUMERIC_RESULT",
      "at",
      `${r.subject} is not finite (estimate ${result.value}${words === null ? "" : `; ${words}`})`,
    );
  }
  const exact = exactValue(exactDerivative(r.formula, r.variable, r.order), r.point, result);
  if (json) {
    io.out(JSON.stringify(resultJson(result, exact)));
    return;
  }
  printResult(io, [...r.header, ...(r.notes ?? [])], r.label, result, exact, r.where);
}
