/**
 * A kept estimate from longer steps held to a probe at shorter steps whose central column converged
 * like h (COLUMN_FLAG.firstOrder: f″ jumps at or near x, a C1 join). Where f″ jumps, the central
 * difference is D(h) = f′ + c·h + b·h² + …; at the longer steps the two terms can cancel (c·h ≈ −b·h²),
 * so that two rows agree by chance and the tableau, which removes h², takes the agreement for
 * convergence. The probe's shorter steps, past that crossing, show the first-order term itself. A kept
 * estimate that did not see it, missing the probe's value by more than its own error, is confirmed only
 * to the probe's interval: its error becomes |v − v_kept| + e. cos t − 0.00236·max(0, t + 5)² beside a
 * gradient's other terms (f ≈ 43578) at −5 gave −0.9589261944 ± 1.2e-8 from steps of 0.0024, where
 * f′ = −0.9589242747 (off 160 times); its probe at 3.8e-6, first-order, gave −0.958924293 ± 5.1e-6.
 */

import { COLUMN_FLAG } from "./column-state.js";

/**
 * The kept error after a probe (see the file comment): `kept` and the probe as value, error, step and
 * column flags (both central). Grown to max(e_kept, |v − v_kept| + e) where the probe's steps are
 * shorter, its column (and not the kept one) converged like h, its value and error are finite, its error
 * is the larger (else it would have been kept); else the kept error as it is.
 *
 * @example
 * ```ts
 * import { COLUMN_FLAG } from "./column-state.js";
 * const flags = COLUMN_FLAG.firstOrder;
 * firstOrderProbeError(-0.9589261944, 1.2e-8, 0.0024, 0, -0.958924293, 5.1e-6, 3.8e-6, flags); // => 7.0014e-6 ± 1e-12
 * firstOrderProbeError(-0.9589261944, 1.2e-8, 0.0024, 0, -0.958924293, 5.1e-6, 3.8e-6, 0); // => 1.2e-8
 * ```
 */
export function firstOrderProbeError(
  keptValue: number,
  keptError: number,
  keptStep: number,
  keptFlags: number,
  value: number,
  error: number,
  step: number,
  flags: number,
): number {
  const gap = Math.abs(value - keptValue);
  const held =
    (flags & COLUMN_FLAG.firstOrder) !== 0 &&
    (keptFlags & COLUMN_FLAG.firstOrder) === 0 &&
    step < keptStep &&
    Number.isFinite(value) &&
    error > keptError &&
    error < Infinity;
  return held ? Math.max(keptError, gap + error) : keptError;
}
