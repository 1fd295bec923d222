import { progressCounter, runBatched } from "./batch.js";
import { coordinatesInFlight } from "./coordinate-pipelines.js";
import { callNumber, checkInside, fixedPartial, fixedStencil } from "./fixed-partial.js";
import { PairSampler, mixedCode, mixedPartial, mixedStencil } from "./mixed-partial.js";
import { derivativeAlong } from "./partial.js";
import { diagonalNoise, entryAgain, entryRedos, givenNoise, mergeAgain } from "./hessian-noise.js";
import { fixedStatus, statusCode, worstStatus } from "./status.js";
import {
  diagonalNotFinite,
  infiniteCentre,
  notFiniteEverywhere,
  settleInfiniteCentre,
} from "./infinite-centre.js";
import {
  hessianPipelines,
  centreOfBatch,
  hessianMatrices,
  hessianSpace,
  batchedAgain,
  packHessian,
  resolveHessian,
  upperTriangle,
  type HessianEntry,
} from "./hessian-pipeline.js";
import type { ArrayFnN, BatchFn, FnN, PointLike, Status } from "./types.js";
import { checkFunction } from "./validate.js";
import { boundsOf, toPoint, type MultivariateOptions, type ResolvedMultivariate } from "./vector.js";
import {
  sparseHessian,
  type SparseHessianOptions,
  type SparseHessianResult,
} from "./sparse/sparse-hessian.js";

/**
 * Options of {@link hessian}: those of several variables without `order`; `method` auto or central.
 *
 * @example
 * ```ts
 * import { hessian } from "numdiff";
 * const r = hessian((x) => x[0] ** 2 * x[1], [1, 2], { method: "central", step: 1e-3 });
 * r.value; // [Float64Array [3.9999999992268442, 1.999999999946489], Float64Array [1.999999999946489, 0]]
 * r.evaluations; // 9 (1 + 2n + 2n(n − 1) with n = 2)
 * ```
 */
export type HessianOptions = Omit<MultivariateOptions, "order">;

/**
 * A Hessian estimate: symmetric rows.
 *
 * @example
 * ```ts
 * import { hessian } from "numdiff";
 * const r = hessian((x) => x[0] ** 2 * x[1], [1, 2]);
 * r.value; // [Float64Array [4, 2], Float64Array [2, 0]]
 * r.error[0][1] === r.error[1][0]; // true (≈ 4.1e-14)
 * r.evaluations; // => 34
 * ```
 */
export interface HessianResult {
  /** value[i][j] = value[j][i] = ∂²f/∂x_i∂x_j. */
  value: Float64Array[];
  /** Estimated absolute errors, symmetric; NaN with a fixed step or when unknown. */
  error: Float64Array[];
  /** Calls of f actually made, exactly. */
  evaluations: number;
  /** The most severe status of the entries (see STATUSES). */
  status: Status;
  /** The status of each entry as its code in STATUSES, symmetric rows like `value`. */
  statuses: Uint8Array[];
}

/**
 * The Hessian of f at x, symmetric by construction (each mixed term is computed once, for i < j, and
 * written to both places), with error estimates.
 *
 * By default the diagonal comes from the one-variable engine (`derivative` of order 2 along each
 * coordinate) and each mixed term from the central four-point stencil
 * [f(x+h_i+h_j) − f(x+h_i−h_j) − f(x−h_i+h_j) + f(x−h_i−h_j)] / (4 h_i h_j) with steps scaled per
 * coordinate and Richardson extrapolation over a descending sequence of steps (mixed-partial.ts).
 * With `step`, the same stencils once at exactly that h (`accuracy` sets the diagonal's stencil; the
 * mixed one is always the four-point O(h²) stencil): with accuracy 2, 1 + 2n + 2n(n − 1) calls.
 * Only `method: "auto"` or `"central"` is accepted: a one-sided mixed stencil is not provided.
 * A NaN or infinite x_i gives NaN in row and column i.
 *
 * @param f - f(x) for a Float64Array x, lent for the call.
 * @param x - the point; never changed.
 * @param options - {@link HessianOptions}; `onProgress(done, total)` after each entry of the upper
 *   triangle (total n(n + 1)/2).
 * @throws NumdiffError for bad setup or non-numeric f values.
 * @example
 * ```ts
 * import { hessian } from "numdiff";
 * const rosen = (x: Float64Array) => (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;
 * hessian(rosen, [1, 1]).value; // [Float64Array [802, -400], Float64Array [-400, 200]] (errors ≈ 5e-13)
 * ```
 */
export function hessian(
  f: BatchFn,
  x: PointLike,
  options: SparseHessianOptions & { batch: true },
): SparseHessianResult;
export function hessian(f: FnN, x: PointLike, options: SparseHessianOptions): SparseHessianResult;
export function hessian(f: FnN, x: PointLike, options?: HessianOptions): HessianResult;
export function hessian(f: ArrayFnN, x: PointLike, options?: HessianOptions): HessianResult;
export function hessian(f: BatchFn, x: PointLike, options: HessianOptions & { batch: true }): HessianResult;
export function hessian(
  f: ArrayFnN | BatchFn,
  x: ArrayLike<number>,
  options?: HessianOptions,
): HessianResult | SparseHessianResult {
  if ((options as SparseHessianOptions | undefined)?.sparsity !== undefined)
    return sparseHessian(f as FnN, x, options as SparseHessianOptions);
  checkFunction(f, "f");
  const w = toPoint(x, "x");
  const o = resolveHessian(options, w);
  if (options?.batch === true) return batchedHessian(f as BatchFn, w, o);
  f = f as FnN;
  const n = w.length;
  const { value, error, statuses } = hessianMatrices(n);
  const total = (n * (n + 1)) / 2;
  let done = 0;
  const tick = (): void => {
    if (o.onProgress !== undefined) o.onProgress(++done, total);
  };
  let evaluations = 0;
  if (o.step !== undefined) {
    const h = o.step;
    const st = fixedStencil("central", 2, o.accuracy);
    for (let i = 0; i < n; i++) checkInside(st, w[i], h, o.lo[i], o.hi[i], i);
    const centre = callNumber(f, w);
    evaluations++;
    const pairs = new PairSampler(f, w);
    const x0 = w.slice();
    for (let i = 0; i < n; i++) {
      value[i][i] = fixedPartial(f, w, i, st, h, centre, x0);
      if (Number.isFinite(w[i])) evaluations += st.offsets.length - 1;
      tick();
      for (let j = i + 1; j < n; j++) {
        const v = Number.isFinite(w[i]) && Number.isFinite(w[j]) ? mixedStencil(pairs, i, j, h, h) : NaN;
        value[i][j] = value[j][i] = v;
        tick();
      }
    }
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) statuses[i][j] = statusCode(fixedStatus(value[i][j]));
    if (infiniteCentre(centre)) notFiniteEverywhere(value, error, statuses);
    return {
      value,
      error,
      evaluations: evaluations + pairs.evaluations,
      status: worstStatus(statuses),
      statuses,
    };
  }
  const x0 = w.slice();
  const levels = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = derivativeAlong(f, w, i, { ...o.engine, order: 2, bounds: boundsOf(o, i) }, x0);
    value[i][i] = r.value;
    error[i][i] = r.error;
    statuses[i][i] = statusCode(r.status);
    levels[i] = diagonalNoise(r.status, r.noise);
    evaluations += r.evaluations;
    tick();
    for (let j = i + 1; j < n; j++) {
      const m = mixedPartial(f, w, i, j, o.lo, o.hi, o.resolved.maxEvaluations, givenNoise(o));
      value[i][j] = value[j][i] = m.value;
      error[i][j] = error[j][i] = m.error;
      statuses[i][j] = statuses[j][i] = mixedCode(
        m.value,
        m.spent === true,
        m.unsettled === true,
        m.kink === true,
        m.broken === true,
      );
      evaluations += m.evaluations;
      tick();
    }
  }
  // Entries held against the noise the diagonal found (hessian-noise.ts).
  const t = upperTriangle(n);
  const code = (k: number): number => statuses[t.rows[k]][t.cols[k]];
  for (const redo of entryRedos(t, code, levels, o.resolved.maxEvaluations)) {
    const { i, j } = redo;
    const again = entryAgain(f, w, o, redo, x0);
    evaluations += again.evaluations;
    const r = mergeAgain({ value: value[i][j], error: error[i][j] }, again);
    if (r === null) continue;
    value[i][j] = value[j][i] = r.value;
    error[i][j] = error[j][i] = r.error;
    statuses[i][j] = statuses[j][i] = r.code;
  }
  // f infinite at x (infinite-centre.ts): asked where a diagonal entry is not finite.
  if (diagonalNotFinite(n, (i) => statuses[i][i])) {
    w.set(x0);
    const fx = callNumber(f, w);
    evaluations++;
    if (infiniteCentre(fx)) notFiniteEverywhere(value, error, statuses);
  }
  return { value, error, evaluations, status: worstStatus(statuses), statuses };
}

/**
 * The entries' pipelines in lockstep (hessian-pipeline.ts), each round one call of the batched f;
 * with a fixed step f(x) first, in a call of its own.
 */
function batchedHessian(f: BatchFn, w: Float64Array, o: ResolvedMultivariate): HessianResult {
  const n = w.length;
  let centre = NaN;
  if (o.step !== undefined) {
    const st = fixedStencil("central", 2, o.accuracy);
    for (let i = 0; i < n; i++) checkInside(st, w[i], o.step, o.lo[i], o.hi[i], i);
    centre = centreOfBatch(f(w.slice()), w);
  }
  const t = upperTriangle(n);
  const total = t.rows.length;
  const entries: HessianEntry[] = new Array<HessianEntry>(total);
  const make = hessianPipelines(w, o, t, centre);
  const inFlight = coordinatesInFlight(2 * n, 2);
  const tick = progressCounter(o.onProgress, total);
  runBatched(total, make, inFlight, entries, f, hessianSpace(w, t), tick);
  batchedAgain(f, w, o, t, entries, inFlight);
  settleInfiniteCentre(f, w, t, entries, o.step === undefined ? null : centre); // f infinite at x (infinite-centre.ts)
  return packHessian(entries, t, o.step !== undefined ? 1 : 0);
}
