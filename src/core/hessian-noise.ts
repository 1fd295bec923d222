/**
 * A Hessian's entries held against the noise its diagonal found. f's noise (rounding in f, a
 * simulation's noise, the cancellation of large terms) is a property of f near x, not of a direction:
 * where the one-variable engine along some x_i measured it (status "noise-limited", with its level σ),
 * an entry that converged without noticing it ("ok") has an error from its rows' agreement alone,
 * which noise of σ over its steps can exceed. In the honesty scan (Hessians of sums of one-variable
 * terms): a mixed entry of 0.0000350219 ± 2.4e-8, ok, for 0.0000350528, and 2.5e17 ± 1.1e17, ok, for 0,
 * beside diagonals that found noise of 1e-8; a diagonal of −1 ± 2.1e-14, ok, off by 4e-13, where the
 * terms (cos x_k − 0.54…) cancel to 1e-4 of their size and another coordinate's diagonal found their
 * rounding, 1.1e-16. Such an entry runs again with the largest level σ any diagonal found in its model
 * from the start (a diagonal with the `noise` option, a mixed entry with mixed-partial.ts's `known`),
 * and takes the first one's place when it ends "noise-limited" with an error (mergeAgain). Not under a
 * budget (maxEvaluations): see entryRedos. A smooth f's diagonal finds no noise, so its Hessian makes no call more.
 */

import { mixedCode, mixedPartial } from "./mixed-partial.js";
import { derivativeAlong } from "./partial.js";
import { statusCode } from "./status.js";
import type { DerivativeOptions, FnN, Status } from "./types.js";
import { boundsOf, type ResolvedMultivariate } from "./vector.js";

/**
 * The noise level a diagonal entry contributes: its `noise` where its status is "noise-limited",
 * else 0.
 *
 * @example
 * ```ts
 * diagonalNoise("noise-limited", 1e-9); // => 1e-9
 * diagonalNoise("ok", 1e-16); // => 0
 * ```
 */
export function diagonalNoise(status: Status | undefined, noise: number | undefined): number {
  return status === "noise-limited" && noise !== undefined && noise > 0 ? noise : 0;
}

/**
 * The absolute noise level given in a Hessian's options (`noise: number`), which its mixed entries take
 * from their first run (mixed-partial.ts, `known`), as its diagonal's engine does; 0 without one, or
 * for a relative level (`{ relative }`, whose absolute size the diagonal finds from f(x): such an
 * entry runs again, see entryRedos).
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * const x = new Float64Array([1, 2]);
 * givenNoise(resolveMultivariate({ noise: 1e-10 }, x)); // => 1e-10
 * givenNoise(resolveMultivariate({ noise: { relative: 1e-12 } }, x)); // => 0
 * ```
 */
export function givenNoise(o: ResolvedMultivariate): number {
  return o.resolved.noiseRelative ? 0 : o.resolved.noise;
}

/**
 * An entry to run again: entry k of its triangle, (i, j) (a diagonal one where i = j), and f's noise
 * level `known`.
 *
 * @example
 * ```ts
 * const redo: EntryRedo = { k: 1, i: 0, j: 1, known: 1e-9 };
 * ```
 */
export interface EntryRedo {
  k: number;
  i: number;
  j: number;
  known: number;
}

/**
 * The entries of a triangle (entry k is (rows[k], cols[k])) to run again (see the file comment):
 * status "ok" where some diagonal found a level (`levels`, per coordinate; the largest is taken). None
 * under a budget (`maxEvaluations` finite): an entry's calls differ between the sync loop and the
 * batched one (which evaluates a row's points that the sync loop skips after a value that is not
 * finite), so what the budget left for a second run would too, and the bits with it.
 *
 * @example
 * ```ts
 * const t = { rows: Int32Array.of(0, 0, 1), cols: Int32Array.of(0, 1, 1) };
 * entryRedos(t, () => 0, Float64Array.of(0, 1e-9), Infinity).length; // => 3
 * entryRedos(t, () => 0, Float64Array.of(0, 1e-9), 100).length; // => 0
 * ```
 */
export function entryRedos(
  t: { rows: Int32Array; cols: Int32Array },
  code: (k: number) => number,
  levels: Float64Array,
  maxEvaluations: number,
): EntryRedo[] {
  let known = 0;
  for (const level of levels) if (level > known) known = level;
  const redos: EntryRedo[] = [];
  if (!(known > 0) || maxEvaluations !== Infinity) return redos;
  const ok = statusCode("ok");
  for (let k = 0; k < t.rows.length; k++) {
    if (code(k) === ok) redos.push({ k, i: t.rows[k], j: t.cols[k], known });
  }
  return redos;
}

/**
 * An entry run again with the known noise level (`again`) merged with the first run (`first`): null
 * where it does not take the first one's place (the budget cut it short, its value is not finite, or
 * it has no error: the first estimate stands, its calls counting either way); else its value and
 * status ("noise-limited") with an error that also covers the first interval, max(e₂, |v₂ − v₁| + e₁):
 * either run may be the honest one (the first's error may miss the noise; the rerun, its model
 * widened by the noise, may miss a kink or a join the first column resolved: cos t + 0.54·ReLU(t − c)
 * 1e-5 from x gave 0.770248 ± 1e-10, ok, right, then 0.761726 ± 6.8e-4 with the noise of 1e-16).
 *
 * @example
 * ```ts
 * mergeAgain({ value: 1, error: 1e-9 }, { value: 1.1, error: 0.01, code: 1 }); // { value: 1.1, error: ≈0.1, code: 1 }
 * mergeAgain({ value: 1, error: 1e-9 }, { value: 1.1, error: 0.01, code: 2 }); // => null
 * ```
 */
export function mergeAgain(
  first: { value: number; error: number },
  again: { value: number; error: number; code: number },
): { value: number; error: number; code: number } | null {
  if (again.code !== statusCode("noise-limited") || Number.isNaN(again.error)) return null;
  const apart = Math.abs(again.value - first.value) + first.error;
  return { value: again.value, error: apart > again.error ? apart : again.error, code: again.code };
}

/**
 * The one-variable engine's options of a diagonal entry run again along x_i with f's noise level
 * `known` (absolute).
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * const o = resolveMultivariate(undefined, new Float64Array([1, 2]));
 * againOptions(o, 0, 1e-9).noise; // => 1e-9
 * ```
 */
export function againOptions(o: ResolvedMultivariate, i: number, known: number): DerivativeOptions {
  return { ...o.engine, order: 2, bounds: boundsOf(o, i), noise: known };
}

/**
 * An entry of a sync Hessian run again with f's known noise level (hessian-noise.ts): a diagonal one
 * by the one-variable engine with the `noise` option, a mixed one by mixedPartial's `known`, each
 * Shared by the dense and the sparse Hessian.
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * const w = new Float64Array([1, 2]);
 * const f = (x: Float64Array) => x[0] * x[1];
 * const redo = { k: 1, i: 0, j: 1, known: 1e-10 };
 * entryAgain(f, w, resolveMultivariate(undefined, w), redo, w.slice()).code; // => 1 ("noise-limited")
 * ```
 */
export function entryAgain(
  f: FnN,
  w: Float64Array,
  o: ResolvedMultivariate,
  redo: EntryRedo,
  x0: Float64Array,
): { value: number; error: number; code: number; evaluations: number } {
  const { i, j, known } = redo;
  if (i === j) {
    const d = derivativeAlong(f, w, i, againOptions(o, i, known), x0);
    return { value: d.value, error: d.error, code: statusCode(d.status), evaluations: d.evaluations };
  }
  const m = mixedPartial(f, w, i, j, o.lo, o.hi, Infinity, known);
  const code = mixedCode(m.value, m.spent === true, m.unsettled === true, m.kink === true, m.broken === true);
  return { value: m.value, error: m.error, code, evaluations: m.evaluations };
}
