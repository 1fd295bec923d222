/**
 * The Hessian of an async (or batched) f, returning a Promise: the sync hessian's entries as pipelines
 * (hessian-pipeline.ts), run by the async runner. Values, errors and statuses are the sync ones bit
 * for bit.
 */

import { progressCounter } from "../batch.js";
import { checkNumber } from "../sampler.js";
import { coordinatesInFlight } from "../coordinate-pipelines.js";
import { checkInside, fixedStencil } from "../fixed-partial.js";
import type { HessianOptions, HessianResult } from "../hessian.js";
import {
  centreOfBatch,
  hessianPipelines,
  hessianSpace,
  noisyEntries,
  packHessian,
  resolveHessian,
  upperTriangle,
  type HessianEntry,
} from "../hessian-pipeline.js";
import { checkFunction } from "../validate.js";
import {
  countCentreCall,
  entriesDiagonalNotFinite,
  entriesNotFinite,
  infiniteCentre,
} from "../infinite-centre.js";
import { toPoint, type ResolvedMultivariate } from "../vector.js";
import { asyncEvaluator, untilAborted } from "./evaluate.js";
import type { AsyncBatchFn, AsyncFnN } from "./functions.js";
import type { AsyncOptions } from "./options.js";
import { runPipelines } from "./scheduler.js";
import { asyncSparseHessian } from "./sparse.js";
import type { SparseHessianOptions, SparseHessianResult } from "../sparse/sparse-hessian.js";

/**
 * The Hessian of an async f: value[i][j] = ∂²f/∂x_i∂x_j, the sync `hessian`'s result bit for bit,
 * with options `concurrency` and `signal` (and `batch`). With `sparsity` (CSR or pairs), the sparse
 * Hessian in CSR form, the sync one bit for bit: only the pattern's entries are estimated.
 *
 * @example
 * ```ts
 * import { hessian } from "numdiff/async";
 * (await hessian(async (x) => x[0] ** 2 * x[1], [1, 2])).value;
 * // [Float64Array [4, 2], Float64Array [2, 0]] (errors ≈ 4e-14)
 * ```
 */
export async function hessian(
  f: AsyncFnN | AsyncBatchFn,
  x: ArrayLike<number>,
  options: SparseHessianOptions & AsyncOptions,
): Promise<SparseHessianResult>;
export async function hessian(
  f: AsyncFnN | AsyncBatchFn,
  x: ArrayLike<number>,
  options?: HessianOptions & AsyncOptions,
): Promise<HessianResult>;
export async function hessian(
  f: AsyncFnN | AsyncBatchFn,
  x: ArrayLike<number>,
  options?: HessianOptions & AsyncOptions,
): Promise<HessianResult | SparseHessianResult> {
  if ((options as SparseHessianOptions | undefined)?.sparsity !== undefined)
    return asyncSparseHessian(
      f as (x: Float64Array) => unknown,
      x,
      options as SparseHessianOptions & AsyncOptions,
    );
  checkFunction(f, "f");
  const w = toPoint(x, "x");
  const o = resolveHessian(options, w);
  const t = upperTriangle(w.length);
  const entries = await hessianEntries(f, w, o, t, options);
  return packHessian(entries, t, o.step !== undefined ? 1 : 0);
}

/**
 * The estimates of the Hessian entries (i, j) = (t.rows[k], t.cols[k]) of an async f, as pipelines
 * (hessian-pipeline.ts) run by the async runner; with a fixed step, after checking every stencil
 * against the bounds and evaluating f(x). Shared by the dense and the sparse Hessian.
 *
 * @example
 * ```ts
 * const entries = await hessianEntries(f, w, resolveHessian(options, w), upperTriangle(w.length), options);
 * ```
 */
export async function hessianEntries(
  f: AsyncFnN | AsyncBatchFn | ((x: Float64Array) => unknown),
  w: Float64Array,
  o: ResolvedMultivariate,
  t: { rows: Int32Array; cols: Int32Array },
  options: (AsyncOptions & { batch?: boolean }) | undefined,
): Promise<HessianEntry[]> {
  const n = w.length;
  const { ev, signal } = asyncEvaluator(f, hessianSpace(w, t), options);
  let centre = NaN;
  if (o.step !== undefined) {
    const st = fixedStencil("central", 2, o.accuracy);
    for (let i = 0; i < n; i++) checkInside(st, w[i], o.step, o.lo[i], o.hi[i], i);
    const v = await untilAborted(() => (f as (x: Float64Array) => unknown)(w.slice()), signal);
    centre = ev.batched ? centreOfBatch(v, w) : checkNumber(v, w[0]);
  }
  const total = t.rows.length;
  const entries: HessianEntry[] = new Array<HessianEntry>(total);
  const make = hessianPipelines(w, o, t, centre);
  const tick = progressCounter(o.onProgress, total);
  await runPipelines(total, make, coordinatesInFlight(2 * n, 2), entries, ev, signal, tick);
  const redo = noisyEntries(w, o, t, entries);
  if (redo !== null) {
    // The mixed entries held against the diagonal's noise (hessian-noise.ts), at their own points.
    const again: HessianEntry[] = new Array<HessianEntry>(redo.t.rows.length);
    const { ev: evAgain } = asyncEvaluator(f, hessianSpace(w, redo.t), options);
    await runPipelines(redo.t.rows.length, redo.make, coordinatesInFlight(2 * n, 2), again, evAgain, signal);
    redo.merge(again);
  }
  // f infinite at x (infinite-centre.ts): f(x) known with a fixed step, else asked where needed.
  if (o.step === undefined && entriesDiagonalNotFinite(entries, t)) {
    const v = await untilAborted(() => (f as (x: Float64Array) => unknown)(w.slice()), signal);
    centre = ev.batched ? centreOfBatch(v, w) : checkNumber(v, w[0]);
    countCentreCall(entries);
  }
  if (infiniteCentre(centre)) entriesNotFinite(entries);
  return entries;
}
