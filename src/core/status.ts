/**
 * Statuses in a compact form: one byte per entry of a gradient, Jacobian or Hessian, and the overall
 * status of a result as its most severe entry.
 */

import type { Status } from "./types.js";

/**
 * Every status, in order of severity; an entry's code is its index here.
 *
 * @example
 * ```ts
 * import { gradient, STATUSES } from "numdiff";
 * const r = gradient((x) => Math.abs(x[0]) + x[1] ** 2, [0, 1]);
 * STATUSES[r.statuses[0]]; // "not-differentiable"
 * r.status; // "not-differentiable" (the most severe entry)
 * ```
 */
export const STATUSES: readonly Status[] = Object.freeze([
  "ok",
  "noise-limited",
  "max-evaluations",
  "not-differentiable",
  "discontinuous",
  "not-finite",
]);

/**
 * The code of a status (its index in {@link STATUSES}).
 *
 * @example
 * ```ts
 * statusCode("not-finite"); // 5
 * ```
 */
export function statusCode(status: Status | undefined): number {
  const i = STATUSES.indexOf(status ?? "ok");
  return i < 0 ? 0 : i;
}

/**
 * The most severe status among the codes of one or more rows.
 *
 * @example
 * ```ts
 * worstStatus([Uint8Array.of(0, 1), Uint8Array.of(0)]); // "noise-limited"
 * ```
 */
export function worstStatus(rows: readonly Uint8Array[]): Status {
  let worst = 0;
  for (const row of rows) for (let i = 0; i < row.length; i++) if (row[i] > worst) worst = row[i];
  return STATUSES[worst];
}

/**
 * The status of a single plain stencil (a fixed step): it cannot estimate its own error, so it can only
 * say whether the value is finite.
 *
 * @example
 * ```ts
 * fixedStatus(0.2); // "ok"
 * fixedStatus(NaN); // "not-finite"
 * ```
 */
export function fixedStatus(value: number): Status {
  return Number.isFinite(value) ? "ok" : "not-finite";
}

/**
 * Whether a result of this status carries a derivative with its error: "ok" or "noise-limited". The
 * checks after an estimate (a float32 floor, a moved input, the other side of a one-sided estimate)
 * widen only such a result; the other statuses say why there is no derivative, or that the budget cut
 * it short.
 *
 * @example
 * ```ts
 * estimated("noise-limited"); // => true
 * estimated("not-differentiable"); // => false
 * ```
 */
export function estimated(status: Status | undefined): boolean {
  return status === "ok" || status === "noise-limited";
}
