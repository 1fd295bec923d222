/**
 * How the explorer writes numbers: values in their shortest round-trip form (so the seed's
 * 0.1999999999990898 shows with every digit), errors to two significant digits.
 */

/**
 * Significant digits of an error: enough to compare two errors at a glance, and no more, since an
 * error estimate is itself only good to a factor of a few.
 *
 * @default 2
 * @example
 * ```ts
 * formatError(9.102e-13); // "9.1e-13"
 * ```
 */
export const ERROR_DIGITS = 2;

/**
 * A value with every digit needed to read back the same double (JavaScript's shortest round-trip
 * form); non-finite values as words a reader understands.
 *
 * @example
 * ```ts
 * formatValue(0.1999999999990898); // "0.1999999999990898"
 * formatValue(Infinity); // "∞"
 * formatValue(NaN); // "not a number"
 * ```
 */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return "not a number";
  if (value === Infinity) return "∞";
  if (value === -Infinity) return "−∞";
  return String(value);
}

/**
 * An error (an absolute difference or an estimate) to {@link ERROR_DIGITS} significant digits.
 *
 * @example
 * ```ts
 * formatError(0); // "0"
 * formatError(1.1102230246251565e-16); // "1.1e-16"
 * formatError(NaN); // "unknown"
 * ```
 */
export function formatError(error: number): string {
  if (Number.isNaN(error)) return "unknown";
  if (error === 0) return "0";
  if (!Number.isFinite(error)) return "∞";
  return error.toExponential(ERROR_DIGITS - 1);
}
