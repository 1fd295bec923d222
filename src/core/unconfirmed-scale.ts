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
 * The kept error after a probe at shorter steps (see the file comment): `kept` and `probe` are value,
 * error and step; returns the kept error, grown where the probe is insignificant and its error larger,
 * and the kept estimate has fewer than about four digits of its own (UNCONFIRMED_RELATIVE).
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
): number {
  const unconfirmed =
    step < keptStep &&
    Math.abs(value) <= error &&
    keptError > UNCONFIRMED_RELATIVE * Math.abs(keptValue) &&
    error > keptError &&
    error < Infinity;
  return unconfirmed ? Math.max(keptError, Math.abs(value - keptValue) + error) : keptError;
}
