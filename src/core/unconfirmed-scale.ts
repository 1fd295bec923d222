/**
 * A kept estimate from longer steps that the probe at shorter steps could not confirm. Steps relative
 * to a large |x| are checked at the unit scale (ALIAS_STEP), and a longer-step estimate wins over a
 * probe that agrees with it within both errors. Where the probe's own estimate has no significant digit
 * (|v| ≤ e: f's values there are below its resolution, or their rounding rules every row), that
 * agreement says nothing: the longer steps may have aliased a periodic f, or straddled a kink or a pole
 * near x that the probe's steps stay clear of. f = cos t + 4e14 (a large term of another coordinate of
 * a gradient, whose last bit is 0.0625) at 15261 with a kink 3.4e-4 away gave −0.0786 ± 0.0023 from
 * steps of 119, where f′ = 0.595; its unit scale saw equal values, 0 ± 6. The kept error then reaches
 * past the probe's interval: max(e_kept, |v − v_kept| + e), unless the longer steps' own error is a small
 * share of their value (UNCONFIRMED_RELATIVE).
 */

import type { KeptEstimates } from "./best-of-scales.js";
import type { ColumnState } from "./column-state.js";

/**
 * A longer-step estimate whose own error is at most this share of its value is left as it is, however
 * little the probe could show: rows at long steps that agree to four digits or more are not a periodic
 * f's aliasing (whose differences cancel to a different remainder at each step, sin(h)/h) but a smooth
 * f's convergence, as of x² at 1e10 (f″ = 2 ± 1.6e-13 from steps of 3e8, where the unit scale's second
 * differences, 4e20·EPS/h², show nothing) or atan′ at 1e8 (1e-16 ± 1.8e-21). Those would take the
 * probe's interval, 1.6e7 and 4.5e-14.
 *
 * @default 2⁻¹³ ≈ 1.2e-4
 * @example
 * ```ts
 * UNCONFIRMED_RELATIVE; // => 0.0001220703125
 * ```
 */
export const UNCONFIRMED_RELATIVE = 2 ** -13;

/**
 * A longer-step estimate of a column run with a known noise level (the tables' level, f's grid) whose
 * error is at most this many times that noise's share at its step, NOISE_COVERAGE·σ·Σ|w|/hⁿ, is left as
 * it is: its rows agreed within the noise, which is what its error says, and its probe is held against
 * it by the grid's own rule (grid-choice.ts, longOrUnit). f32(atan(f32 t)) at 2625.66 gave 1.4529e-7 ±
 * 1.3e-8 from steps of 41 with the grid's noise, its share 8.7e-9 (f′ = 1.4505e-7); the unit scale's
 * steps see equal values, 0 ± 2.3e-5.
 *
 * @default 4
 * @example
 * ```ts
 * UNCONFIRMED_NOISE; // => 4
 * ```
 */
export const UNCONFIRMED_NOISE = 4;

/**
 * The kept error after a probe at shorter steps (see the file comment): `kept` and `probe` are value,
 * error and step; returns the kept error, grown where the probe is insignificant and its error larger,
 * and the kept estimate has fewer than about four digits of its own (UNCONFIRMED_RELATIVE) and an error
 * beyond UNCONFIRMED_NOISE times `noiseShare`, the share at its step of a known noise level (0: none).
 *
 * @example
 * ```ts
 * // kept −0.0786 ± 0.0023 from steps of 119; the probe 0 ± 6 from steps of 1/32
 * unconfirmedError(-0.0786, 0.0023, 119, 0, 6, 0.03125); // => 6.0786
 * unconfirmedError(2, 1e-14, 119, 2.0000001, 1e-9, 0.03125); // => 1e-14 (the probe has digits)
 * unconfirmedError(2, 1.6e-13, 3e8, 0, 1.6e7, 0.03125); // => 1.6e-13 (x″ of x² at 1e10: four digits)
 * ```
 */
export function unconfirmedError(
  keptValue: number,
  keptError: number,
  keptStep: number,
  value: number,
  error: number,
  step: number,
  noiseShare = 0,
): number {
  const unconfirmed =
    step < keptStep &&
    Math.abs(value) <= error &&
    keptError > UNCONFIRMED_RELATIVE * Math.abs(keptValue) &&
    !(value === 0 && keptError <= UNCONFIRMED_NOISE * noiseShare) &&
    error > keptError &&
    error < Infinity;
  return unconfirmed ? Math.max(keptError, Math.abs(value - keptValue) + error) : keptError;
}

/**
 * {@link unconfirmedError} for the scalar engine's kept estimate after the probe `state` ran (unless the
 * probe's own estimate was kept), with the noise share of the run's level (state.noise, already a
 * bound per value) at the kept step; `weightSum` is Σ|w| of the kept estimate's stencil.
 *
 * @example
 * ```ts
 * import { ColumnState } from "./column-state.js";
 * import { KeptEstimates } from "./best-of-scales.js";
 * const state = new ColumnState(1); // the probe's column: 0 ± 6 from steps of 1/32
 * state.value[0] = 0;
 * state.error[0] = 6;
 * state.step[0] = 0.03125;
 * const kept = new KeptEstimates(1); // the longer steps' −0.0786 ± 0.0023
 * kept.value[0] = -0.0786;
 * kept.error[0] = 0.0023;
 * kept.step[0] = 119;
 * heldToProbe(state, kept, 1, 1);
 * kept.error[0]; // => 6.0786
 * ```
 */
export function heldToProbe(state: ColumnState, kept: KeptEstimates, order: number, weightSum: number): void {
  if (kept.step[0] === state.step[0] && kept.value[0] === state.value[0]) return;
  const share = (state.noise[0] * weightSum) / kept.step[0] ** order;
  kept.error[0] = unconfirmedError(
    kept.value[0],
    kept.error[0],
    kept.step[0],
    state.value[0],
    state.error[0],
    state.step[0],
    share,
  );
}
