/**
 * The choice between a column run with the noise of f's grid (a float32 f, a cancellation: values
 * whose last bits lie far above double rounding, see noise.ts valueResolution) and the column run
 * without it, as the pipeline made it before it knew of the grid (scalar-engine.ts, settle).
 */

import { noiseShare } from "./noise-check.js";
import type { Estimate } from "./scalar-column.js";

/**
 * The estimate to keep of `grid` (the column run with the grid's noise `level`) and `plain` (the
 * column run without it):
 * - `grid` where `plain` says nothing (a value of exactly 0, f flat below its grid at every step the
 *   column tried: f32(atan(f32 t)) at 2625.66 gave 0 ± 4.5e-14 where f′ = 1.45e-7; no error; a value
 *   not finite), nor does `first`, the pipeline's first estimate, when given (f32(cos(f32 t)) at
 *   33693.73: first 0.148706 ± 1.4e-6 from steps of 0.0078, plain 0, grid −0.00037 from steps of 131);
 *   otherwise, of these, `plain` or else `first` is held against `grid`:
 * - `grid` where the two agree within their errors;
 * - otherwise the one from the smaller steps, as best-of-scales.ts prefers them (steps relative to a
 *   large |x| alias a periodic f: f32(sin(f32 t)) at −91812 gave −0.0012 from steps of 358 with the
 *   grid's noise), `plain` or `first` with the grid's noise share at its step added to its error.
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
 * Of a column's estimate from steps longer than ALIAS_STEP (`long`) and the same column at the unit
 * scale alone (`unit`), both run with the grid's noise: `long` where `unit` says nothing (a flat 0:
 * f32(atan(f32 t)) at 2625.66 is flat at unit steps) or lies within `long`'s error; otherwise `unit`,
 * whose smaller steps do not alias (f32(sin(f32 t)) at 91548.28: long 0.00096 ± 3.2e-5 from steps of
 * 358, unit −0.645 ± 1.3, f′ = −0.6446).
 *
 * @example
 * ```ts
 * const long = { value: 0.00096, error: 3.2e-5, step: 358, kind: "central" as const, flags: 2, noisyStep: NaN };
 * const unit = { value: -0.645, error: 1.3, step: 0.0078, kind: "central" as const, flags: 0, noisyStep: NaN };
 * longOrUnit(long, unit) === unit; // true
 * ```
 */
export function longOrUnit(long: Estimate, unit: Estimate): Estimate {
  return !says(unit) || Math.abs(long.value - unit.value) <= long.error ? long : unit;
}
