/**
 * The common path's (jacobian-common.ts) share of float32-beside.ts: at a column's end, whether a
 * quiet component (F_k(x) with no float32 bits of its own, job.quiet) whose first two points are
 * float32 results has an entry to recheck as a float32 component's, exactly as the general path's
 * columnNeedsRecheck decides it (jacobian-recheck.ts) from the same two values, so both paths give
 * the same bits. Runs only where job.quiet is set, over its components: nothing per call of F.
 */

import { float32Size } from "./jacobian-float32.js";
import type { JacobianCommonWork } from "./jacobian-common-work.js";
import type { JacobianJob } from "./jacobian-job.js";
import { besideFloat32, needsRecheck, zeroRowOfFloat32 } from "./jacobian-recheck.js";

/**
 * Whether a quiet component of the column `w` just ran needs derivative()'s recheck (then the common
 * path departs to the general path, which runs it). Components the general path decides otherwise
 * are skipped as it skips them: a float32 component that moved, and a zero row of a float32 F
 * (zeroRowOfFloat32), both already tested by the common path's own loop. The column's first row is
 * its first two points (x_j − h, x_j + h), as jacobian-common-work.ts evaluates them.
 *
 * @example
 * ```ts
 * quietEntryToRecheck(job, w); // => false where job.quiet is null (most F)
 * ```
 */
export function quietEntryToRecheck(job: JacobianJob, w: JacobianCommonWork): boolean {
  const quiet = job.quiet;
  if (quiet === null || w.size < 2) return false;
  const m = w.m;
  const values = w.values;
  const float32 = job.float32;
  for (let k = 0; k < m; k++) {
    if (quiet[k] !== 1) continue;
    if (float32 !== null) {
      if (float32[k] === 1 && w.keptFlat[k] === 0) continue;
      if (zeroRowOfFloat32(job.centre[k], w.keptValue[k], w.keptFlat[k])) continue;
    }
    if (!besideFloat32(job, k, values[k], values[m + k])) continue;
    const size = float32Size(job.centre[k], w.keptValue[k], w.keptStep[k], 1);
    if (needsRecheck(w.kept, k, 0, NaN, size, 1, true)) return true;
  }
  return false;
}
