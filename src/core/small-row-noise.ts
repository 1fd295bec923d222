/**
 * The rows' noise of a small Jacobian (F with fewer than SCREEN_COMPONENTS components), measured only
 * where the columns or a cheap check suggest it. F_k carries its noise whichever coordinate moves, but
 * a column sees it only where its own rows happen to show it: ∂F_3/∂x_1 of atan(x₀) + 1e-11·noise +
 * atan(x₁) at x = (−2, −0.0245, 12.2) came out 0.999399 ± 5.3e-13, status ok, 2.3e-9 off, on a column
 * whose rows agreed by chance, while the other columns of the same F saw the noise. A large F measures
 * every row's noise before its columns (row-noise.ts); for a small one those 2·(NOISE_POINTS − 1) = 16
 * calls would more than double a smooth Jacobian's cost (13 calls for the README's 2 × 2).
 *
 * So the columns run first as on a smooth F, the job "watching": a column whose rows showed noise
 * (`kept.noise`, even-noise.ts), or one of whose entries derivative()'s pipeline, computing it again
 * (jacobian-recheck.ts), found noisy along x_j, makes the job "suspected" and is put aside there, its
 * state kept (jacobian-column.ts, putAside): the rest of its recheck would be spent on a column the
 * levels change anyway. A recheck that measures no noise (sin at 874, whose big steps alias) does not
 * count. Where no column saw noise, the row check ({@link checkRows}: F at x ± δ, 2 calls) holds each
 * row's change there against the columns' slopes: the rounding of terms far larger than F_k (cos(x₀) −
 * 0.99378 + atan(x₁) near its root: 0.111573 ± 9.7e-17, 86 times off), which no column's model holds,
 * shows there, and the job is "suspected" too. A smooth double F passes it (the scan's 250 small smooth
 * Jacobians all do), so it costs those 2 calls and nothing more. Below its signal, a row whose miss
 * still exceeds what correctly rounded values allow has its entries' errors scaled (row-gaps.ts), as
 * derivative()'s noise check scales its estimate's: F_k is then the small difference of larger terms.
 *
 * A suspected job measures its rows' noise (row-noise.ts's tables, into a fresh job): where a row has a
 * level, every column runs again with the levels in its rounding model, as a large F's do
 * (noise-limited entries with honest errors, and fewer rechecks: cheaper than the first pass had it
 * gone on); where none has (a kink that a column took for noise), the columns put aside resume where
 * they stopped, and the result is the one without watching, bit for bit, for the tables' 16 calls (34
 * when a kink at x sends them to one side). The sync, batched and async loops decide column by column,
 * and check after all columns, so they give the same bits and calls.
 *
 * With a given `noise` the levels are known before the columns (no call of F), which carry them from
 * the start; with `rtol`, `atol` or `maxEvaluations`, no row check (as derivative()'s noise check).
 * With a finite `maxEvaluations` the columns do not watch at all (jacobian-pipeline.ts, rowNoiseStage):
 * the Jacobian's budget is split among its columns before they run (jacobian-budget.ts), which leaves
 * nothing for tables and a second pass after them; such a Jacobian's columns run as before round 8's
 * watch, each within its share.
 */

import type { JacobianJob } from "./jacobian-job.js";
import { ROW_NOISE_SPACING } from "./row-noise.js";
import { ROW_MISSED, rowGaps, scaleRowErrors } from "./row-gaps.js";
import type { ResolvedMultivariate } from "./vector.js";
import { component, type VectorCaller } from "./vector-caller.js";
import type { Pipeline, PointRequest } from "./sampler.js";

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

/**
 * The check's steps (see {@link checkRows}): δ_j = ROW_NOISE_SPACING·s_j with s_j = min(1, |x_j|) as a
 * power of two (1 at x_j = 0), derivative()'s noise check step at x_j's smaller scale (step.ts,
 * candidateScales: a log or sqrt near its pole varies on the scale of |x_j|); 0 where x_j ± δ_j is
 * not exact or leaves the bounds, or x_j is not finite. Written into `out`; null when every δ_j is 0.
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * const x = Float64Array.of(2, 0.003);
 * checkDirection(x, resolveMultivariate(undefined, x)); // => Float64Array [4.76837158203125e-7, 1.862645149230957e-9]
 * ```
 */
export function checkDirection(
  x0: Float64Array,
  o: ResolvedMultivariate,
  out: Float64Array = new Float64Array(x0.length),
): Float64Array | null {
  let any = false;
  for (let j = 0; j < x0.length; j++) {
    const x = x0[j];
    const ax = Math.abs(x);
    const s = ax >= 1 || ax === 0 ? 1 : 2 ** Math.round(Math.log2(ax));
    const h = ROW_NOISE_SPACING * s;
    // False for a NaN or infinite x_j, whose x + h − x is NaN.
    const fits = x + h - x === h && x - (x - h) === h && x - h >= o.lo[j] && x + h <= o.hi[j];
    out[j] = fits ? h : 0;
    if (fits) any = true;
  }
  return any ? out : null;
}

/**
 * The check of a small F's rows after columns that saw no noise (see the file comment), as a pipeline:
 * one request of the points x − δ and x + δ (each point s stands for x + s·δ, row-noise.ts's
 * writeTablePoint; δ from {@link checkDirection}, where a central difference's truncation is far below
 * its rounding). Each row's half difference there, (F_k(x + δ) − F_k(x − δ))/2, is F_k's change along
 * δ, which the columns give as Σ_j J_kj·δ_j, within Σ_j of their errors times δ_j (and
 * CHECK_TRUNCATION). Where the two differ by more than NOISE_CHECK_SIGNAL times the difference's
 * rounding plus that, F_k carries noise the columns did not see (the rounding of terms far larger
 * than F_k: cos(x₀) − 0.99378 + atan(x₁) near its root), and the job is "suspected"; by less, but more
 * than correct rounding allows, that row's errors are scaled (row-gaps.ts). Rows with a non-finite
 * value or entry are not checked.
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * import { jacobianJob } from "./jacobian-job.js";
 * import { PointRequest } from "./sampler.js";
 * const x0 = Float64Array.of(1);
 * const job = jacobianJob(x0, resolveMultivariate(undefined, x0), [2], true);
 * job.value[0][0] = 2; // F(x) = 2x
 * job.rowNoiseWatch = "watching";
 * const check = checkRows(job, Float64Array.of(2 ** -21), new PointRequest());
 * const req = check.next().value!; // F at x − δ and x + δ
 * req.values.set([2 - 2 ** -20, 2 + 2 ** -20]);
 * check.next();
 * job.rowNoiseWatch; // => "watching" (F changes by 2·δ, as the column says)
 * ```
 */
export function* checkRows(job: JacobianJob, d: Float64Array, request: PointRequest): Pipeline<void> {
  const m = job.centre.length;
  const excess = new Float64Array(m); // its own: another Jacobian's pipeline may run between requests
  request.reserve(2, m);
  request.points[0] = -1;
  request.points[1] = 1;
  request.count = 2;
  request.evaluated = 2;
  request.prefix = false;
  yield request;
  checked(job, rowGaps(job, d, request.values, excess), excess);
}

/** After the check (`worst`: {@link rowGaps}'s): the job suspected, or its rows' errors scaled. */
function checked(job: JacobianJob, worst: number, excess: Float64Array): void {
  if (worst === ROW_MISSED) job.rowNoiseWatch = "suspected";
  else scaleRowErrors(job, excess);
}

/**
 * {@link checkRows} for the sync loop without a pipeline, where the job has steps ({@link rowCheckSteps}):
 * F through `caller` at x ± δ (its working copy written whole, then restored), each value read as a
 * component of F's.
 *
 * @example
 * ```ts
 * checkRowsNow(job, caller); // after job's columns; job.rowNoiseWatch: "suspected" where a row missed
 * ```
 */
export function checkRowsNow(job: JacobianJob, caller: VectorCaller): void {
  const m = job.centre.length;
  const n = job.x0.length;
  // Scratch kept for the next Jacobian, taken while in use (an F that calls jacobian() gets its own).
  let scratch = spare;
  spare = null;
  if (scratch === null || scratch.d.length !== n || scratch.values.length < 2 * m) {
    const values = new Float64Array(2 * m);
    scratch = { d: new Float64Array(n), values, excess: new Float64Array(m) };
  }
  const d = rowCheckSteps(job, scratch.d);
  if (d !== null) {
    const { values, excess } = scratch; // F's values at x − δ, then at x + δ, as a request's
    checkAt(caller, d, values, m);
    checked(job, rowGaps(job, d, values, excess), excess);
  }
  spare = scratch;
}

/** F through `caller` at x − d (into values[0..m)) and x + d (values[m..2m)). */
function checkAt(caller: VectorCaller, d: Float64Array, values: Float64Array, m: number): void {
  const w = caller.w;
  const x0 = caller.x0;
  const n = x0.length;
  for (let j = 0; j < n; j++) w[j] = x0[j] - d[j];
  const below = caller.call();
  for (let k = 0; k < m; k++) values[k] = component(below, k);
  caller.restore();
  for (let j = 0; j < n; j++) w[j] = x0[j] + d[j];
  const above = caller.call();
  for (let k = 0; k < m; k++) values[m + k] = component(above, k);
  caller.restore();
}

let spare: { d: Float64Array; values: Float64Array; excess: Float64Array } | null = null;

/**
 * The steps δ of the row check of a small F's job ({@link checkDirection}, into `out`), or null where
 * it has none: unless the job watches (its columns saw no noise), for a first derivative with a
 * central method and no tolerance or budget (as derivative()'s noise check: `rtol`, `atol` and
 * `maxEvaluations` ask for fewer calls, not more).
 *
 * @example
 * ```ts
 * const d = rowCheckSteps(job); // after job's columns
 * ```
 */
export function rowCheckSteps(job: JacobianJob, out?: Float64Array): Float64Array | null {
  const o = job.o;
  if (job.rowNoiseWatch !== "watching" || o.order !== 1) return null;
  if (o.method !== "auto" && o.method !== "central") return null;
  const e = o.engine;
  if (e.rtol !== undefined || e.atol !== undefined || e.maxEvaluations !== undefined) return null;
  return checkDirection(job.x0, o, out);
}

/**
 * Whether the rows' levels measured into a small F's fresh job (`again.rowNoise`) are for its columns to
 * carry: some row that is not a float32 result (jacobian-job.ts, `float32`) has a level. A float32 row's
 * level is its own rounding, which its column's entries are held to already (jacobian-recheck.ts: an
 * entry that claims more accuracy than float32 values allow is computed again); carried in the
 * rounding model, it quiets the very signals that send such an entry to derivative()'s pipeline, and
 * f32(cos(f32(t))) at t = −60848.7, constant over steps of 0.0039, came out 0.72082 ± 1.6e-5 for
 * 0.72051 where derivative()'s pipeline gives 0.78 ± 0.53 (the honesty scan's small float32 Jacobians:
 * 34 dishonest entries with the levels carried, 29 without, 31 before).
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * import { jacobianJob } from "./jacobian-job.js";
 * const x0 = Float64Array.of(1);
 * const job = jacobianJob(x0, resolveMultivariate(undefined, x0), [Math.fround(0.1), 0.3], true);
 * job.rowNoise = Float64Array.of(1e-9, 0); // the float32 row alone has a level
 * levelsToCarry(job); // => false
 * job.rowNoise = Float64Array.of(0, 1e-12);
 * levelsToCarry(job); // => true
 * ```
 */
export function levelsToCarry(job: JacobianJob): boolean {
  const levels = job.rowNoise;
  if (levels === null) return false;
  const float32 = job.float32;
  for (let k = 0; k < levels.length; k++)
    if (levels[k] > 0 && (float32 === null || float32[k] !== 1)) return true;
  return false;
}
