/**
 * Choices between the column run with the noise of f's grid (a float32 f, a cancellation: see
 * noise.ts valueResolution) and other estimates of the pipeline (scalar-engine.ts, settle).
 */

import { noiseShare } from "./noise-check.js";
import type { Estimate } from "./scalar-column.js";

/**
 * Of `grid` (the column run with the grid's noise `level`) and `plain` (run without it), or `first`
 * where `plain` says nothing (a flat 0, no error): `grid` where the other says nothing too or lies
 * within both errors; otherwise the smaller steps (steps relative to a large |x| alias a periodic f),
 * the other with the grid's noise share added to its error.
 *
 * @example
 * ```ts
 * const grid = { value: 1.45e-7, error: 1.3e-8, step: 41, kind: "central" as const, flags: 0, noisyStep: NaN };
 * const plain = { value: 0, error: 4.5e-14, step: 0.0156, kind: "central" as const, flags: 0, noisyStep: NaN };
 * gridOrPlain(grid, plain, 1.2e-7, 1) === grid; // true: plain is flat
 * ```
 */
export function gridOrPlain(
  grid: Estimate,
  plain: Estimate,
  level: number,
  order: number,
  first?: Estimate,
): Estimate {
  const other = says(plain) ? plain : first !== undefined && says(first) ? first : null;
  if (other === null) return grid;
  if (Math.abs(grid.value - other.value) <= grid.error + other.error) return grid;
  if (grid.step <= other.step) return grid;
  return { ...other, error: other.error + noiseShare(other, level, order) };
}

/** Whether an estimate says something of f′: a finite value other than exactly 0, with an error. */
function says(est: Estimate): boolean {
  return est.value !== 0 && Number.isFinite(est.value) && !Number.isNaN(est.error);
}

/**
 * Of an estimate from steps longer than ALIAS_STEP (`long`) and the unit scale's (`unit`), both with
 * the grid's noise: `long` where `unit` says nothing or lies within `long`'s error (and `long`'s error is
 * not the larger), else `unit`
 * (f32(sin(f32 t)) at 91548.28: long 0.00096 ± 3.2e-5, aliased; unit −0.645 ± 1.3; f′ = −0.6446).
 *
 * @example
 * ```ts
 * const long = { value: 0.00096, error: 3.2e-5, step: 358, kind: "central" as const, flags: 2, noisyStep: NaN };
 * const unit = { value: -0.645, error: 1.3, step: 0.0078, kind: "central" as const, flags: 0, noisyStep: NaN };
 * longOrUnit(long, unit) === unit; // true
 * ```
 */
export function longOrUnit(long: Estimate, unit: Estimate): Estimate {
  // (Not where the long steps' error is the larger: the unit scale's own probe could not confirm them,
  // and their error took its interval; unconfirmed-scale.ts.)
  const within = Math.abs(long.value - unit.value) <= long.error && !(unit.error < long.error);
  return !says(unit) || within ? long : unit;
}
