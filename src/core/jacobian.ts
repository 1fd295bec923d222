import { invalid } from "./errors.js";
import { progressCounter, runBatched, type PointSpace } from "./batch.js";
import {
  columnsInFlight,
  finishJacobian,
  firstOfBatch,
  jacobianColumns,
  jacobianJob,
  rowCheckStage,
  rowNoiseStage,
  secondPass,
  secondPipelines,
  suspectedRowNoise,
} from "./jacobian-pipeline.js";
import type { ArrayVecFn, BatchFn, PointLike, Status, VecFn } from "./types.js";
import {
  adaptiveColumnNow,
  resumeColumnNow,
  SCREEN_COMPONENTS,
  takeWork,
  type HeldColumn,
  type VectorRequest,
} from "./jacobian-column.js";
import type { JacobianJob } from "./jacobian-job.js";
import { columnStencils, plainColumns } from "./plain-step.js";
import { plainJacobian } from "./plain-jacobian.js";
import { jacobianCommon, jacobianCommonApplies } from "./jacobian-common.js";
import type { PointSource } from "./run-column.js";
import type { Pipeline } from "./sampler.js";
import { checkFunction } from "./validate.js";
import { component, VectorCaller } from "./vector-caller.js";
import { statusCode } from "./status.js";
import { checkRowsNow } from "./small-row-noise.js";
import { mergeRows, rowCheckPass } from "./row-check.js";
import { resolveMultivariate, toPoint, type MultivariateOptions } from "./vector.js";
import {
  sparseJacobian,
  type SparseJacobianOptions,
  type SparseJacobianResult,
} from "./sparse/sparse-jacobian.js";

/**
 * Options of {@link jacobian}: the multivariate options plus `errors`.
 *
 * @example
 * ```ts
 * import { jacobian } from "numdiff";
 * const r = jacobian((x) => [x[0] * x[1], x[0] + x[1]], [2, 3], { errors: false });
 * r.value; // [Float64Array [3, 2], Float64Array [1, 1]]
 * r.error; // [] (not kept)
 * ```
 */
export interface JacobianOptions extends MultivariateOptions {
  /**
   * `false`: values only. The error matrix is not kept (returned as an empty array, as are
   * `statuses`), halving the memory of a large Jacobian (n = 10,000 needs 800 MB for `value` and as
   * much again for `error`), and with no error to estimate each column is one plain stencil: central
   * of accuracy 2 (or `accuracy`) at the step EPS^(1/(1 + accuracy))·max(|x_j|, 1), one-sided at a
   * bound (plain-step.ts). That is 2 calls of F per column, as FiniteDiff.jl and scipy's
   * `approx_derivative` take them, for values within about 1e-10 relative on a well-scaled F, where
   * the adaptive engine takes 8 or so for about 1e-13. With `noise`, `rtol`, `atol` or
   * `maxEvaluations`, which steer the adaptive engine, the columns stay adaptive. A sparse Jacobian
   * (`sparsity`) takes one plain stencil per group of columns the same way. Default true.
   */
  errors?: boolean;
}

/**
 * A Jacobian estimate: rows of ∂F_i/∂x_j.
 *
 * @example
 * ```ts
 * import { jacobian } from "numdiff";
 * const r = jacobian((x) => [x[0] * x[1], x[0] + x[1]], [2, 3]);
 * r.value; // [Float64Array [3, 2], Float64Array [1, 1]]: value[i][j] = ∂F_i/∂x_j
 * r.error[0]; // Float64Array [1.2789769243681803e-13, 8.526512829121202e-14]
 * r.evaluations; // 15: 13 for the columns, 2 for the row check (small-row-noise.ts)
 * ```
 */
export interface JacobianResult {
  /** value[i][j] = ∂F_i/∂x_j: m rows of length n. */
  value: Float64Array[];
  /** Estimated absolute errors, same shape (NaN with a fixed step); `[]` with `errors: false`. */
  error: Float64Array[];
  /** Calls of F actually made, exactly. */
  evaluations: number;
  /** The most severe status of the entries (see STATUSES). */
  status: Status;
  /** The status of each entry as its code in STATUSES, same shape as `value`; `[]` with `errors: false`. */
  statuses: Uint8Array[];
}

/**
 * The Jacobian of a vector function F at x: value[i][j] = ∂F_i/∂x_j, with error estimates.
 *
 * By default each column j runs the adaptive engine of {@link derivative} on all components of F at
 * once (see driver.ts): each F call serves every component, each component is extrapolated
 * and stopped on its own. A component equal to F_k(x) bit for bit at every point of the column's
 * first two rows (two different steps) does not depend on x_j there: it is settled at once (0, with
 * the rounding level as its error) and costs nothing more; only the others carry a tableau
 * (docs/engine.md, "A Jacobian column"). An entry whose column saw noise, found no error estimate, or
 * claims more accuracy than the float32 values of F_k allow is computed again by derivative()'s
 * pipeline along x_j (jacobian-recheck.ts: its noise check and noise tables), with the status that gives
 * ("noise-limited" for a float32 or noisy F_k); a smooth F seldom needs it (31 of 7500 columns of
 * random small smooth Jacobians, bench/jacobian-honesty.ts; none on the dense 2x + cos x). Each row's
 * noise is measured by two Moré–Wild tables along a direction that moves every coordinate
 * (row-noise.ts), and every column carries it: before the columns for F with 16 components or more;
 * for a smaller F after its columns, only where one of them saw noise or its rows' changes at x ± δ
 * (2 more calls) miss the columns' slopes, the columns then running again with the levels
 * (small-row-noise.ts). For 16 components or more, each row's change along the tables' direction is
 * then held against the columns' slopes (row-check.ts, no call of F): the entries of a row that misses,
 * or whose tables spike at x (a kink or a jump there), are computed again by derivative()'s pipeline.
 * With `step`, one plain stencil per column (2n calls for
 * central, n + 1 for forward); with `errors: false`, the same at a step chosen per column. The length of F's first result fixes m; a later result of another
 * length throws INCONSISTENT_OUTPUT.
 *
 * Memory is the output (2·m·n doubles and m·n status bytes, or m·n doubles with `errors: false`),
 * each matrix one buffer whose rows are views (a small one: an array per row, see ON_HEAP_ROW_BYTES),
 * plus O(m) of state. A NaN or infinite x_j gives a NaN column.
 *
 * @param F - F(x) for a Float64Array x (lent for the call), returning an array of numbers.
 * @param x - the point; never changed.
 * @param options - {@link JacobianOptions}; `onProgress(done, total)` after each column.
 * @throws NumdiffError for bad setup, non-numeric results, or results of changing length.
 * @example
 * ```ts
 * import { jacobian } from "numdiff";
 * const F = (x: Float64Array) => [x[0] ** 2 + x[1] ** 2, x[0] ** 3 + x[1] ** 3];
 * jacobian(F, [1, 2]).value; // [Float64Array [2, 4], Float64Array [3, 12]] (errors ≈ 1e-13), 15 evaluations
 * ```
 */
export function jacobian(
  F: BatchVecFn,
  x: PointLike,
  options: SparseJacobianOptions & { batch: true },
): SparseJacobianResult;
export function jacobian(F: VecFn, x: PointLike, options: SparseJacobianOptions): SparseJacobianResult;
export function jacobian(F: VecFn, x: PointLike, options?: JacobianOptions): JacobianResult;
export function jacobian(F: ArrayVecFn, x: PointLike, options?: JacobianOptions): JacobianResult;
export function jacobian(
  F: BatchVecFn,
  x: PointLike,
  options: JacobianOptions & { batch: true },
): JacobianResult;
export function jacobian(
  F: ArrayVecFn | BatchVecFn,
  x: ArrayLike<number>,
  options?: JacobianOptions,
): JacobianResult | SparseJacobianResult {
  if ((options as SparseJacobianOptions | undefined)?.sparsity !== undefined)
    return sparseJacobian(F as VecFn, x, options as SparseJacobianOptions);
  checkFunction(F, "F");
  const w = toPoint(x, "x");
  const o = resolveMultivariate(options, w);
  const withErrors = options?.errors ?? true;
  if (typeof withErrors !== "boolean") throw invalid("INVALID_OPTION", "errors", "true or false", withErrors);
  if (options?.batch === true) return batchedJacobian(F as BatchVecFn, w, o, withErrors);
  const caller = new VectorCaller(F as VecFn, w);
  return !plainColumns(o, withErrors)
    ? adaptive(caller, o, withErrors, true)
    : plainJacobian(caller, o, withErrors);
}

/**
 * The sync adaptive Jacobian without the common path of a small F (jacobian-common.ts): each column
 * through the general driver. The same result as {@link jacobian}, bit for bit; kept to check that.
 *
 * @example
 * ```ts
 * jacobianViaGeneral((x) => [x[0] * x[1]], [2, 3]).value; // => [Float64Array [3, 2]] ± 1e-12 (as jacobian())
 * ```
 */
export function jacobianViaGeneral(F: ArrayVecFn, x: PointLike, options?: JacobianOptions): JacobianResult {
  checkFunction(F, "F");
  const w = toPoint(x, "x");
  const o = resolveMultivariate(options, w);
  if (plainColumns(o, options?.errors ?? true) || options?.batch === true) return jacobian(F, x, options);
  return adaptive(new VectorCaller(F as VecFn, w), o, options?.errors ?? true, false);
}

/**
 * A batched F (`batch: true`): it takes a row-major block of points and returns, for each, its m
 * values (an array of arrays, or the values of every point in a row).
 *
 * @example
 * ```ts
 * const F: BatchVecFn = (b) => Array.from({ length: b.length / 2 }, (_, r) => [b[2 * r] * b[2 * r + 1]]);
 * ```
 */
export type BatchVecFn = (points: Float64Array) => ArrayLike<number> | ArrayLike<ArrayLike<number>>;

/** The columns in lockstep, each round one call of the batched F (jacobian-pipeline.ts). */
function batchedJacobian(
  F: BatchVecFn,
  w: Float64Array,
  o: ReturnType<typeof resolveMultivariate>,
  withErrors: boolean,
): JacobianResult {
  const n = w.length;
  if (o.step !== undefined) columnStencils(o, w); // INVALID_STEP before F is called
  const job = jacobianJob(w, o, firstOfBatch(F(w.slice())), withErrors);
  const codes: number[] = new Array<number>(n);
  const space = { x0: w, coordinate: (j: number) => j };
  const inFlight = columnsInFlight(job.centre.length, n);
  const tick = progressCounter(o.onProgress, n);
  // Each row's noise first (row-noise.ts): one call of F for its table's points.
  const stage = rowNoiseStage(job);
  const table = stage === null ? 0 : runBatched(1, () => stage.pipeline, 1, [], F as BatchFn, stage.space);
  let evaluations =
    1 + table + runBatched(n, jacobianColumns(job), inFlight, codes, F as BatchFn, space, tick);
  let worst = 0;
  for (const c of codes) if (c > worst) worst = c;
  // A large F whose row missed its columns' slopes (row-check.ts): every column again with the levels.
  const recheck = rowCheckPass(job);
  if (recheck !== null) {
    const again: number[] = new Array<number>(n);
    const more = progressCounter(o.onProgress, n);
    evaluations += runBatched(n, jacobianColumns(recheck), inFlight, again, F as BatchFn, space, more);
    worst = 0;
    for (const c of again) if (c > worst) worst = c;
    return mergeRows(finishJacobian(recheck, worst, evaluations), job, recheck);
  }
  const check = rowCheckStage(job); // a small F whose columns saw no noise: its rows checked at x ± δ
  if (check !== null) evaluations += runBatched(1, () => check.pipeline, 1, [], F as BatchFn, check.space);
  // A small F whose columns saw noise (each put aside there): its rows' noise, then the second pass.
  const second = suspectedRowNoise(job);
  let done = job;
  if (second !== null) {
    const table = second.stage;
    if (table !== null) evaluations += runBatched(1, () => table.pipeline, 1, [], F as BatchFn, table.space);
    const pass = secondPipelines(job, second.again);
    const again: number[] = new Array<number>(pass.count);
    const more = progressCounter(o.onProgress, pass.count);
    evaluations += runBatched(pass.count, pass.make, inFlight, again, F as BatchFn, pass.space, more);
    if (pass.job !== job) worst = 0;
    for (const c of again) if (c > worst) worst = c;
    done = pass.job;
  }
  return finishJacobian(done, worst, evaluations);
}

/**
 * The adaptive columns (jacobian-column.ts) one after the other, each point one call of F on the
 * working copy of x; for a small F whose columns suspected noise, its rows' noise measured after them
 * and, where a row has some, every column again with the levels (small-row-noise.ts).
 */
function adaptive(
  caller: VectorCaller,
  o: ReturnType<typeof resolveMultivariate>,
  withErrors: boolean,
  common: boolean,
): JacobianResult {
  const first = caller.call();
  for (let k = 0; k < first.length; k++) component(first, k); // refused as F's, by index
  const job = jacobianJob(caller.x0, o, first, withErrors);
  const stage = rowNoiseStage(job);
  if (stage !== null) runTable(caller, stage.pipeline, stage.space);
  const r = columns(caller, job, o, common);
  // A large F whose row missed its columns' slopes (row-check.ts): every column again with the levels.
  const again = rowCheckPass(job);
  if (again !== null) return mergeRows(columns(caller, again, o, common), job, again);
  // A small F whose columns saw no noise: its rows' changes at x ± δ against the columns' slopes.
  checkRowsNow(job, caller);
  // A small F whose columns saw noise (each put aside there): its rows' noise, then the second pass.
  const second = suspectedRowNoise(job);
  r.evaluations = caller.evaluations;
  if (second === null) return r;
  if (second.stage !== null) runTable(caller, second.stage.pipeline, second.stage.space);
  const pass = secondPass(job, second.again);
  if (pass.held === null) return columns(caller, pass.job, o, common);
  return resumed(caller, job, o, pass.held, statusCode(r.status));
}

/**
 * The columns of a small F put aside (jacobian-column.ts) resumed where no row has noise, in `job`;
 * `worst`: the worst status code of the others.
 */
function resumed(
  caller: VectorCaller,
  job: JacobianJob,
  o: ReturnType<typeof resolveMultivariate>,
  held: HeldColumn[],
  worst: number,
): JacobianResult {
  let j = 0;
  const source: PointSource = { at: (t) => caller.callAt(j, t, o.lo[j], o.hi[j]), centre: () => job.centre };
  for (let i = 0; i < held.length; i++) {
    j = held[i].j;
    const code = resumeColumnNow(job, held[i], source);
    if (code > worst) worst = code;
    if (o.onProgress !== undefined) o.onProgress(i + 1, held.length);
  }
  return finishJacobian(job, worst, caller.evaluations);
}

/**
 * Every column of the job: a small F's on its common path (jacobian-common.ts) where that applies and
 * no row noise is known (it has none in its model), else through the general driver.
 */
function columns(
  caller: VectorCaller,
  job: JacobianJob,
  o: ReturnType<typeof resolveMultivariate>,
  common: boolean,
): JacobianResult {
  const n = caller.w.length;
  const m = job.centre.length;
  // The common path has no budget (maxEvaluations): with one, the columns run on the driver.
  if (
    common &&
    m < SCREEN_COMPONENTS &&
    job.rowNoise === null &&
    job.budget === null &&
    jacobianCommonApplies(o)
  )
    return jacobianCommon(caller, job);
  if (m < SCREEN_COMPONENTS && o.step === undefined) return small(caller, job, o);
  const make = jacobianColumns(job, true);
  let worst = 0;
  for (let j = 0; j < n; j++) {
    const column = make(j);
    let r = column.next();
    for (; r.done !== true; r = column.next()) {
      // The column asks only for points inside the bounds.
      (r.value as VectorRequest).vector = caller.callAt(j, r.value.points[0], -Infinity, Infinity)!;
    }
    if (r.value > worst) worst = r.value;
    if (o.onProgress !== undefined) o.onProgress(j + 1, n);
  }
  return finishJacobian(job, worst, caller.evaluations);
}

/** The row-noise stage (jacobian-pipeline.ts, rowNoiseStage) on the sync F: each point one call. */
function runTable(caller: VectorCaller, pipeline: Pipeline<void>, space: PointSpace): void {
  for (let r = pipeline.next(); r.done !== true; r = pipeline.next()) {
    const req = r.value;
    const m = req.width;
    for (let q = 0; q < req.count; q++) {
      space.write!(-1, req, q, caller.w, 0);
      const v = caller.call();
      for (let k = 0; k < m; k++) req.values[q * m + k] = component(v, k);
    }
  }
  caller.restore();
}

/**
 * The sync adaptive Jacobian of an F with fewer than SCREEN_COMPONENTS components (no column is
 * screened): each column through adaptiveColumnNow, without generator objects.
 */
function small(
  caller: VectorCaller,
  job: JacobianJob,
  o: ReturnType<typeof resolveMultivariate>,
): JacobianResult {
  const n = caller.w.length;
  const work = takeWork(job.centre.length, true);
  let worst = 0;
  let j = 0;
  let columnStart = 0;
  // One source for every column: F along x_j, null outside the bounds (as the pipeline's `inside`);
  // with a budget, it counts the column's calls (jacobian-budget.ts).
  const source: PointSource = {
    at:
      job.budget === null
        ? (t) => caller.callAt(j, t, o.lo[j], o.hi[j])
        : (t) => {
            const v = caller.callAt(j, t, o.lo[j], o.hi[j]);
            work.calls = caller.evaluations - columnStart; // the count, whoever else added to it
            return v;
          },
    centre: () => job.centre,
  };
  for (; j < n; j++) {
    columnStart = caller.evaluations;
    const code = adaptiveColumnNow(job, j, work, source);
    if (code > worst) worst = code;
    if (o.onProgress !== undefined) o.onProgress(j + 1, n);
  }
  job.works.push(work); // handed back by finishJacobian
  return finishJacobian(job, worst, caller.evaluations);
}
