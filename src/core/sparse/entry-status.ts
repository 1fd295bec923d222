import { COLUMN_FLAG } from "../column-state.js";
import { statusCode } from "../status.js";

/**
 * The code (index in STATUSES) of "discontinuous": an entry whose column found F jumping is reported
 * with value NaN and error Infinity, as `jacobian` does.
 *
 * @example
 * ```ts
 * STATUS_CODE_DISCONTINUOUS; // 4
 * ```
 */
export const STATUS_CODE_DISCONTINUOUS = statusCode("discontinuous");

/**
 * The status code of a sparse Jacobian entry from what its column found, by `jacobian`'s rule: a jump
 * (discontinuous), a spent budget (max-evaluations: a column its budget stopped before its first row
 * has no value either), no finite value (not-finite), else ok.
 *
 * @example
 * ```ts
 * entryStatus(1.5, 0); // 0 ("ok")
 * entryStatus(NaN, 0); // 5 ("not-finite")
 * ```
 */
export function entryStatus(value: number, flags: number): number {
  if ((flags & COLUMN_FLAG.diverging) !== 0) return STATUS_CODE_DISCONTINUOUS;
  if ((flags & COLUMN_FLAG.budget) !== 0) return statusCode("max-evaluations");
  if (!Number.isFinite(value)) return statusCode("not-finite");
  return 0;
}
