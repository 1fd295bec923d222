/**
 * A kept estimate from longer steps that the probe at shorter steps could not confirm. Steps relative
 * to a large |x| are checked at the unit scale (ALIAS_STEP), and a longer-step estimate wins over a
 * probe that agrees with it within both errors. Where the probe's own estimate has no significant digit
 * (|v| ≤ e: f's values there are below its resolution, or their rounding rules every row), that
 * agreement says nothing: the longer steps may have aliased a periodic f, or straddled a kink or a pole
 * near x that the probe's steps stay clear of. f = cos t + 4e14 (a large term of another coordinate of
 * a gradient, whose last bit is 0.0625) at 15261 with a kink 3.4e-4 away gave −0.0786 ± 0.0023 from
 * steps of 119, where f′ = 0.595; its unit scale saw equal values, 0 ± 6. The kept error then reaches
 * past the probe's interval: max(e_kept, |v − v_kept| + e).
 */

/**
 * The kept error after a probe at shorter steps (see the file comment): `kept` and `probe` are value,
 * error and step; returns the kept error, grown where the probe is insignificant and its error larger.
 *
 * @example
 * ```ts
 * // kept −0.0786 ± 0.0023 from steps of 119; the probe 0 ± 6 from steps of 1/32
 * unconfirmedError(-0.0786, 0.0023, 119, 0, 6, 0.03125); // => 6.0786
 * unconfirmedError(2, 1e-14, 119, 2.0000001, 1e-9, 0.03125); // => 1e-14 (the probe has digits)
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
    step < keptStep && Math.abs(value) <= error && error > keptError && error < Infinity && keptError >= 0;
  return unconfirmed ? Math.max(keptError, Math.abs(value - keptValue) + error) : keptError;
}
