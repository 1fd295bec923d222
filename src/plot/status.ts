/**
 * The engine's status in words, for a person: the figures, the command and the explorer all say the
 * same sentence for the same result.
 */
import type { DerivativeResult } from "numdiff";

/**
 * Significant digits of the one-sided slopes in the status sentence: enough to tell 0 from 1 and
 * 0.5 from 0.49, short enough for one line beside the numbers.
 *
 * @default 4
 * @example
 * ```ts
 * STATUS_DIGITS; // 4
 * ```
 */
export const STATUS_DIGITS = 4;

const short = (v: number): string =>
  Number.isFinite(v) ? String(Number(v.toPrecision(STATUS_DIGITS))) : String(v);

/**
 * One sentence saying what the engine found, or null when it found nothing to remark on (status
 * "ok" or absent). `where` names the point, e.g. `"0"` or `"x = 0"`.
 *
 * @example
 * ```ts
 * statusInWords({ status: "not-differentiable", left: { value: 0, error: 0 }, right: { value: 1, error: 0 } }, "0");
 * // "not differentiable at 0: left slope 0, right slope 1"
 * statusInWords({ status: "noise-limited", noise: 1e-10 }, "1");
 * // "noise-limited at 1: f is noisy (about 1e-10), which sets the error"
 * statusInWords({ status: "ok" }, "1"); // null
 * ```
 */
export function statusInWords(
  result: Pick<DerivativeResult, "status" | "left" | "right" | "noise">,
  where: string,
): string | null {
  const sides =
    result.left !== undefined && result.right !== undefined
      ? `: left slope ${short(result.left.value)}, right slope ${short(result.right.value)}`
      : "";
  switch (result.status) {
    case undefined:
    case "ok":
      return null;
    case "not-differentiable":
      return `not differentiable at ${where}${sides}`;
    case "discontinuous":
      return `f jumps at ${where}: no derivative there${sides}`;
    case "noise-limited":
      return result.noise !== undefined
        ? `noise-limited at ${where}: f is noisy (about ${short(result.noise)}), which sets the error`
        : `noise-limited at ${where}: f's own rounding sets the error`;
    case "not-finite":
      return `f is not finite around ${where}: no derivative there`;
    case "max-evaluations":
      return `stopped at ${where} after the evaluation budget was spent; the error estimate says how far it got`;
  }
}
