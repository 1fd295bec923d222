/**
 * A Hessian at a point where f itself is infinite (a pole of one term at x: 1/x₀² + atan x₀·atan x₁ at
 * x₀ = 0). f is then infinite along every line through x, so no second partial exists there, mixed ones
 * included; but a mixed stencil never reads f(x), and its four corners, off the pole, give a number
 * (0.125 ± 1e-10, ok, for ∂²/∂x₀∂x₁ of that f at (0, 1)). Every diagonal entry reads f(x), and where it
 * is infinite says "not-finite"; f(x) is asked then, one call, and where it is infinite every entry
 * becomes NaN, error ∞, "not-finite", as a Jacobian's row whose F_k(x) is infinite (jacobian-job.ts,
 * poleRows). A diagonal that is not finite for another reason (|x₀|^1.5 at 0, f″ infinite) keeps its
 * mixed entries (f(x) finite), and a smooth f never pays the call.
 */

import { centreOfBatch, type HessianEntry } from "./hessian-pipeline.js";
import { statusCode } from "./status.js";
import type { BatchFn } from "./types.js";

const NOT_FINITE = statusCode("not-finite");

/**
 * Whether a Hessian's diagonal, given by `code(i)` for i < n, has a "not-finite" entry: then f(x) is to
 * be asked (see the file comment).
 *
 * @example
 * ```ts
 * diagonalNotFinite(2, (i) => (i === 1 ? 5 : 0)); // => true (STATUS_CODE 5: "not-finite")
 * diagonalNotFinite(2, () => 0); // => false
 * ```
 */
export function diagonalNotFinite(n: number, code: (i: number) => number): boolean {
  for (let i = 0; i < n; i++) if (code(i) === NOT_FINITE) return true;
  return false;
}

/**
 * Whether f(x) = `fx` makes every entry of the Hessian not finite: f(x) infinite (a NaN may be a
 * removable singularity, sin(t)/t at 0, whose entries the stencils find).
 *
 * @example
 * ```ts
 * infiniteCentre(-Infinity); // => true
 * infiniteCentre(NaN); // => false
 * ```
 */
export function infiniteCentre(fx: number): boolean {
  return fx === Infinity || fx === -Infinity;
}

/**
 * Every entry of the matrices NaN, error ∞, status "not-finite" (f infinite at x).
 *
 * @example
 * ```ts
 * const value = [Float64Array.of(1)];
 * const error = [Float64Array.of(0)];
 * const statuses = [Uint8Array.of(0)];
 * notFiniteEverywhere(value, error, statuses);
 * statuses[0][0]; // => 5
 * ```
 */
export function notFiniteEverywhere(
  value: Float64Array[],
  error: Float64Array[],
  statuses: Uint8Array[],
): void {
  for (let i = 0; i < value.length; i++) {
    value[i].fill(NaN);
    error[i].fill(Infinity);
    statuses[i].fill(NOT_FINITE);
  }
}

/**
 * {@link diagonalNotFinite} for the entries of a Hessian in upper-triangle order (`t`: each entry's row
 * and column, hessian-pipeline.ts).
 *
 * @example
 * ```ts
 * const t = { rows: Int32Array.of(0, 0, 1), cols: Int32Array.of(0, 1, 1) };
 * const e = (code: number) => ({ value: 0, error: 0, code, evaluations: 1 });
 * entriesDiagonalNotFinite([e(0), e(5), e(0)], t); // => false (the mixed entry is not on the diagonal)
 * ```
 */
export function entriesDiagonalNotFinite(
  entries: readonly { code: number }[],
  t: { rows: Int32Array; cols: Int32Array },
): boolean {
  for (let k = 0; k < entries.length; k++)
    if (t.rows[k] === t.cols[k] && entries[k].code === NOT_FINITE) return true;
  return false;
}

/**
 * Every entry NaN, error ∞, status "not-finite" (f infinite at x), their calls kept. Each entry is
 * replaced, never changed in place: an entry may be a shared constant (mixed-pipeline.ts, NO_ENTRY).
 *
 * @example
 * ```ts
 * const entries = [{ value: 1, error: 0, code: 0, evaluations: 3 }];
 * entriesNotFinite(entries);
 * entries[0]; // => { value: NaN, error: Infinity, code: 5, evaluations: 3 }
 * ```
 */
export function entriesNotFinite<E extends { value: number; error: number; code: number }>(
  entries: E[],
): void {
  for (let k = 0; k < entries.length; k++)
    entries[k] = { ...entries[k], value: NaN, error: Infinity, code: NOT_FINITE };
}

/**
 * The call of f(x) counted on the first entry, which is replaced, never changed in place (see
 * {@link entriesNotFinite}).
 *
 * @example
 * ```ts
 * const entries = [{ value: 1, error: 0, code: 0, evaluations: 3 }];
 * countCentreCall(entries);
 * entries[0].evaluations; // => 4
 * ```
 */
export function countCentreCall<E extends { evaluations: number }>(entries: E[]): void {
  entries[0] = { ...entries[0], evaluations: entries[0].evaluations + 1 };
}

/**
 * The batched Hessian's entries (upper-triangle order `t`) once every entry has run: where a diagonal
 * entry is not finite, f(x) is asked in a batch of its own (one call, counted on the first entry),
 * unless `centre` already holds it (a fixed step's f(x), NaN included; null where no stencil read it),
 * and every entry becomes not finite where it is infinite.
 *
 * @example
 * ```ts
 * const f = (b: Float64Array) => Array.from(b, (t) => 1 / (t * t)); // batched, n = 1: f(x) = 1/x²
 * const entries = [{ value: 3, error: 0, code: 5, evaluations: 7 }]; // H₀₀ at 0: not finite
 * const t = { rows: Int32Array.of(0), cols: Int32Array.of(0) };
 * settleInfiniteCentre(f, Float64Array.of(0), t, entries, null);
 * entries[0].value; // => NaN (f(0) = ∞)
 * entries[0].evaluations; // => 8 (f(x) asked)
 * ```
 */
export function settleInfiniteCentre(
  f: BatchFn,
  w: Float64Array,
  t: { rows: Int32Array; cols: Int32Array },
  entries: HessianEntry[],
  centre: number | null,
): void {
  let fx = centre ?? NaN;
  if (centre === null && entries.length > 0 && entriesDiagonalNotFinite(entries, t)) {
    fx = centreOfBatch(f(w.slice()), w);
    countCentreCall(entries);
  }
  if (infiniteCentre(fx)) entriesNotFinite(entries);
}
