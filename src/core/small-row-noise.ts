/**
 * The rows' noise of a small Jacobian (F with fewer than SCREEN_COMPONENTS components), measured only
 * where a column suggests it. F_k carries its noise whichever coordinate moves, but a column sees it
 * only where its own rows happen to show it: ∂F_3/∂x_1 of atan(x₀) + 1e-11·noise + atan(x₁) at
 * x₁ = −0.0245 came out 0.999399 ± 5.3e-13, status ok, 2.3e-9 off, on a column whose rows agreed by
 * chance, while other columns of the same F saw the noise. A large F measures every row's noise before
 * its columns (row-noise.ts); for a small one those 2·(NOISE_POINTS − 1) = 16 calls would more than
 * double a smooth Jacobian's cost (13 calls for the README's 2 × 2).
 *
 * So the columns run first with no row noise, as on a smooth F, and watch their own signals: a column
 * that would compute an entry again (jacobian-recheck.ts: noise seen in its rows, no convergence, a
 * float32 F_k) or measured noise in the even parts of its rows (even-noise.ts) marks the job
 * "suspected". A smooth double F shows neither (but where its column failed anyway), so it costs
 * nothing more. Once the columns are done, a suspected job measures its rows' noise (the tables of
 * row-noise.ts, on a fresh job); where a row has a level, every column runs again on the general path
 * with the levels in its rounding model, as a large F's columns do; where none has, the first result
 * stands (16 calls more). The sync, batched and async loops decide the same way on the same columns, so
 * they give the same bits and calls.
 *
 * With a given `noise` the levels are known before the columns (no call of F): the columns carry them
 * from the start.
 */

import type { JacobianJob } from "./jacobian-job.js";

/**
 * Where a job stands on its rows' noise (JacobianJob.rowNoiseWatch): "off" (measured before the
 * columns, given, or not wanted), "watching" (a small F's columns look for signs of it), "suspected"
 * (one did: measure it after the columns).
 *
 * @example
 * ```ts
 * const watch: RowNoiseWatch = "watching";
 * ```
 */
export type RowNoiseWatch = "off" | "watching" | "suspected";

/**
 * Whether a column of a job that watches for its rows' noise (see the file comment) saw noise after
 * its scales: a listed component whose column measured some in its rows (`kept.noise`, even-noise.ts).
 * Then the job is "suspected" and the column is abandoned: the second pass computes it again.
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * import { jacobianJob } from "./jacobian-job.js";
 * const x0 = Float64Array.of(1);
 * const job = jacobianJob(x0, resolveMultivariate(undefined, x0), [2], true);
 * job.rowNoiseWatch = "watching";
 * columnNoiseSeen(job, { kept: { noise: Float64Array.of(1e-12) }, list: Int32Array.of(0), listed: 1 }); // => true
 * job.rowNoiseWatch; // => "suspected"
 * ```
 */
export function columnNoiseSeen(
  job: JacobianJob,
  work: { kept: { noise: Float64Array }; list: Int32Array; listed: number },
): boolean {
  if (job.rowNoiseWatch === "off") return false;
  let seen = false;
  for (let a = 0; a < work.listed && !seen && !process.env.NOKEPT; a++) seen = work.kept.noise[work.list[a]] > 0;
  if (seen) job.rowNoiseWatch = "suspected";
  if (seen && (globalThis as any).__sig) for (let a = 0; a < work.listed; a++) { const k = work.list[a]; const kk = (work as any).kept; if (kk.noise[k] > 0) (globalThis as any).__sig("kept", k, kk.noise[k], kk.flags[k], kk.value[k], kk.error[k], kk.step[k], job.centre[k]); }
  return seen;
}

/**
 * Whether an entry's recheck (jacobian-recheck.ts: derivative()'s pipeline along x_j, which measured
 * `noise`, undefined or 0 for none) saw noise in a job that watches for its rows' noise: then the job
 * is "suspected" and the column's recheck stops there (the column is abandoned, as in
 * {@link columnNoiseSeen}).
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * import { jacobianJob } from "./jacobian-job.js";
 * const x0 = Float64Array.of(1);
 * const job = jacobianJob(x0, resolveMultivariate(undefined, x0), [2], true);
 * rowNoiseSeen(job, 1e-12); // => false (the job does not watch)
 * job.rowNoiseWatch = "watching";
 * rowNoiseSeen(job, undefined); // => false
 * rowNoiseSeen(job, 1e-12); // => true
 * ```
 */
export function rowNoiseSeen(job: JacobianJob, noise: number | undefined): boolean {
  if (job.rowNoiseWatch === "off" || !((noise ?? 0) > 0) || process.env.NORE) return false;
  job.rowNoiseWatch = "suspected";
  (globalThis as any).__sig?.("recheck", noise);
  return true;
}
