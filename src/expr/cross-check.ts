/**
 * How far apart the exact value and the numerical estimate may be, in units of the estimate's own
 * error estimate, before the exact value is doubted. The estimate's error is meant to cover the truth;
 * a factor of 4 leaves room for an estimate that is somewhat optimistic without letting a wrong exact
 * value (a dropped coefficient, a wrong sign) pass.
 *
 * @default 4
 * @example
 * ```ts
 * EXACT_AGREEMENT_FACTOR; // 4
 * ```
 */
export const EXACT_AGREEMENT_FACTOR = 4;

/**
 * Relative tolerance for the exact value's own rounding: it is a formula evaluated in doubles, whose
 * error numdiff does not estimate. 1e-6 is far above the rounding of any well-conditioned derivative
 * formula (a few hundred ulps) and far below the disagreements it must catch (a coefficient dropped, a
 * branch taken wrongly: relative error of order 1).
 *
 * @default 1e-6
 * @example
 * ```ts
 * EXACT_AGREEMENT_RTOL; // 1e-6
 * ```
 */
export const EXACT_AGREEMENT_RTOL = 1e-6;

function short(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
}

/**
 * Checks an exact value against the numerical estimate and its error. Returns null when they agree
 * (or when the estimate has no finite error, so nothing can be said), else why the exact value is not
 * to be trusted here: the numerical value is the one with an error estimate, so on a disagreement
 * beyond both errors the exact value is shown as unknown, rather than the number blamed.
 *
 * @example
 * ```ts
 * crossCheck(0.2, 0.1999999999990898, 1e-11); // null
 * crossCheck(0, 2e-15, 1e-30);
 * // "the exact formula gives 0, which is 2e-15 from the numerical value (estimated error 1e-30)"
 * ```
 */
export function crossCheck(exact: number, estimate: number, error: number): string | null {
  if (!Number.isFinite(estimate) || !(error >= 0 && error < Infinity)) return null;
  if (!Number.isFinite(exact)) return `the exact formula gives ${exact} where the numerical value is finite`;
  const gap = Math.abs(exact - estimate);
  const allowed =
    EXACT_AGREEMENT_FACTOR * error + EXACT_AGREEMENT_RTOL * Math.max(Math.abs(exact), Math.abs(estimate));
  if (gap <= allowed) return null;
  return `the exact formula gives ${short(exact)}, which is ${short(gap)} from the numerical value (estimated error ${short(error)})`;
}
