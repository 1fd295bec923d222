import { callNumber, callsPerCoordinate, checkInside, fixedPartial, fixedStencil } from "./fixed-partial.js";
import { Coordinates } from "./partial.js";
import { fixedStatus, statusCode, worstStatus } from "./status.js";
import { progressCounter, runBatched } from "./batch.js";
import { coordinatePipelines, coordinatesInFlight, packGradient } from "./coordinate-pipelines.js";
import type { ArrayFnN, BatchFn, DerivativeResult, FnN, PointLike, Status, StencilKind } from "./types.js";
import { checkFunction } from "./validate.js";
import {
  coordinateOptions,
  resolveMultivariate,
  toPoint,
  type MultivariateOptions,
  type ResolvedMultivariate,
} from "./vector.js";

/**
 * A gradient estimate.
 *
 * @example
 * ```ts
 * import { gradient } from "numdiff";
 * const g = gradient((x) => x[0] ** 2 + x[1] ** 2, [3, 4]);
 * g.value; // Float64Array [6, 8]
 * g.error; // Float64Array [8.89843754237063e-14, 6.683542608243442e-14]
 * g.evaluations; // 12
 * ```
 */
export interface GradientResult {
  /** ∂f/∂x_i (or ∂ⁿf/∂x_iⁿ with `order: n`) for each i. */
  value: Float64Array;
  /** Estimated absolute error of each component; NaN with a fixed step or when unknown. */
  error: Float64Array;
  /** Calls of f actually made, exactly. */
  evaluations: number;
  /** The most severe status of the components (see {@link STATUSES}). */
  status: Status;
  /** The status of each component, as its code in {@link STATUSES}. */
  statuses: Uint8Array;
}

/**
 * The gradient of f at x: the stacked partial derivatives of {@link partial}, component i equal to
 * `partial(f, x, i, options)` bit for bit.
 *
 * With a fixed `step` it is one plain stencil per coordinate on one working copy of x, allocating
 * nothing per evaluation: `{ method: "central", step: 1e-4 }` is the book's `numerical_gradient`
 * (exactly 2N calls, the book's bits); `{ method: "forward", step }` costs N + 1 calls (f(x) shared).
 * By default each component comes from the adaptive one-variable engine with its error estimate.
 * NaN or infinite coordinates give NaN components (value and error) without calls along them.
 *
 * @param f - f(x) for a Float64Array x, lent for the call.
 * @param x - the point (array of numbers, Float64Array or Float32Array); never changed.
 * @param options - {@link MultivariateOptions}; `onProgress(done, total)` after each coordinate.
 * @throws NumdiffError for bad setup or non-numeric f values.
 * @example
 * ```ts
 * import { gradient } from "numdiff";
 * const f = (x: Float64Array) => x[0] ** 2 + x[1] ** 2;
 * gradient(f, [3, 4], { method: "central", step: 1e-4 }).value;
 * // Float64Array [6.00000000000378, 7.999999999999119] (the book's; truth [6, 8]), 4 evaluations
 * gradient(f, [3, 4]).value; // Float64Array [6, 8] (errors ≈ 8e-14), 12 evaluations
 * ```
 */
export function gradient(f: FnN, x: PointLike, options?: MultivariateOptions): GradientResult;
export function gradient(f: ArrayFnN, x: PointLike, options?: MultivariateOptions): GradientResult;
export function gradient(
  f: BatchFn,
  x: PointLike,
  options: MultivariateOptions & { batch: true },
): GradientResult;
export function gradient(
  f: ArrayFnN | BatchFn,
  x: ArrayLike<number>,
  options?: MultivariateOptions,
): GradientResult {
  checkFunction(f, "f");
  const w = toPoint(x, "x");
  const o = resolveMultivariate(options, w);
  if (options?.batch === true) return batchedGradient(f as BatchFn, w, o);
  f = f as FnN;
  return o.step === undefined ? adaptiveGradient(f, w, o) : fixedGradient(f, w, o, o.step);
}

/**
 * Every coordinate's pipeline in lockstep: each round (every stencil point of a row, across the
 * coordinates being worked on) is one call of the batched f with a row-major block of points.
 */
function batchedGradient(f: BatchFn, w: Float64Array, o: ResolvedMultivariate): GradientResult {
  const n = w.length;
  const results: DerivativeResult[] = new Array<DerivativeResult>(n);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const space = { x0: w, coordinate: (k: number) => k };
  const inFlight = coordinatesInFlight(n, o.order);
  const make = coordinatePipelines(w, o, all);
  runBatched(n, make, inFlight, results, f, space, progressCounter(o.onProgress, n));
  return packGradient(results);
}

/** One plain stencil per coordinate on the working copy w: nothing allocated per evaluation. */
function fixedGradient(f: FnN, w: Float64Array, o: ResolvedMultivariate, h: number): GradientResult {
  const n = w.length;
  const value = new Float64Array(n);
  const error = new Float64Array(n).fill(NaN);
  const progress = o.onProgress;
  const kind: StencilKind = o.method === "auto" ? "central" : o.method;
  const st = fixedStencil(kind, o.order, o.accuracy);
  for (let i = 0; i < n; i++) checkInside(st, w[i], h, o.lo[i], o.hi[i], i);
  const hasCentre = st.offsets.includes(0);
  const centre = hasCentre ? callNumber(f, w) : NaN;
  const calls = callsPerCoordinate(st);
  let evaluations = hasCentre ? 1 : 0;
  const x0 = w.slice();
  const statuses = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    value[i] = fixedPartial(f, w, i, st, h, centre, x0);
    statuses[i] = statusCode(fixedStatus(value[i]));
    if (Number.isFinite(w[i])) evaluations += calls;
    if (progress !== undefined) progress(i + 1, n);
  }
  return { value, error, evaluations, status: worstStatus([statuses]), statuses };
}

/** Each component from the adaptive one-variable engine along its coordinate. */
function adaptiveGradient(f: FnN, w: Float64Array, o: ResolvedMultivariate): GradientResult {
  const n = w.length;
  const value = new Float64Array(n);
  const error = new Float64Array(n);
  const progress = o.onProgress;
  let evaluations = 0;
  const along = new Coordinates(f, w, w.slice());
  const statuses = new Uint8Array(n);
  for (let index = 0; index < n; index++) {
    const r = along.derivative(index, coordinateOptions(o, index));
    statuses[index] = statusCode(r.status);
    value[index] = r.value;
    error[index] = r.error;
    evaluations += r.evaluations;
    if (progress !== undefined) progress(index + 1, n);
  }
  return { value, error, evaluations, status: worstStatus([statuses]), statuses };
}
