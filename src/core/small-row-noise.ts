/**
 * The rows' noise of a small Jacobian (F with fewer than SCREEN_COMPONENTS components), measured only
 * where a column saw noise. F_k carries its noise whichever coordinate moves, but a column sees it only
 * where its own rows happen to show it: ∂F_3/∂x_1 of atan(x₀) + 1e-11·noise + atan(x₁) at
 * x = (−2, −0.0245, 12.2) came out 0.999399 ± 5.3e-13, status ok, 2.3e-9 off, on a column whose rows
 * agreed by chance, while the other columns of the same F saw the noise. A large F measures every row's
 * noise before its columns (row-noise.ts); for a small one those 2·(NOISE_POINTS − 1) = 16 calls would
 * more than double a smooth Jacobian's cost (13 calls for the README's 2 × 2).
 *
 * So the columns run first as on a smooth F, the job "watching": a column whose rows showed noise
 * (`kept.noise`, even-noise.ts), or one of whose entries derivative()'s pipeline, computing it again
 * (jacobian-recheck.ts), found noisy along x_j, makes the job "suspected" and is put aside there, its
 * state kept (jacobian-column.ts, putAside): the rest of its recheck would be spent on a column the
 * levels change anyway. A smooth double F shows neither, so it costs nothing more (a recheck that
 * measures no noise, as for sin at 874 whose big steps alias, does not count). After the columns, a
 * suspected job measures its rows' noise (row-noise.ts's tables, into a fresh job): where a row has a
 * level, every column runs again with the levels in its rounding model, as a large F's do (noise-
 * limited entries with honest errors, and no recheck: cheaper than the first pass had it gone on);
 * where none has (a kink that the columns took for noise), the columns put aside resume where they
 * stopped, and the result is the one without watching, bit for bit, for the tables' 16 calls (34 when
 * a kink at x sends them to one side). The sync, batched and async loops decide column by column, so
 * they give the same bits and calls.
 *
 * With a given `noise` the levels are known before the columns (no call of F), which carry them from
 * the start.
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
 * Then the job is "suspected" and the column is put aside (see the file comment).
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
  for (let a = 0; a < work.listed && !seen; a++) seen = work.kept.noise[work.list[a]] > 0;
  if (seen) job.rowNoiseWatch = "suspected";
  return seen;
}

/**
 * Whether an entry's recheck (jacobian-recheck.ts: derivative()'s pipeline along x_j, which measured
 * `noise`, undefined or 0 for none) saw noise in a job that watches for its rows' noise: then the job
 * is "suspected" and the column's recheck stops there (the column is put aside, as in
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
  if (job.rowNoiseWatch === "off" || !((noise ?? 0) > 0)) return false;
  job.rowNoiseWatch = "suspected";
  return true;
}
