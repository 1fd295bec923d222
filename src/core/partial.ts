import { derivativeResolved } from "./derivative.js";
import { invalid } from "./errors.js";
import { callNumber, callsPerCoordinate, checkInside, fixedPartial, fixedStencil } from "./fixed-partial.js";
import { runBatched } from "./batch.js";
import { coordinatePipelines } from "./coordinate-pipelines.js";
import type {
  ArrayFnN,
  BatchFn,
  DerivativeOptions,
  DerivativeResult,
  FnN,
  PointLike,
  StencilKind,
} from "./types.js";
import { fixedStatus } from "./status.js";
import { checkFunction, resolveOptions, type ResolvedOptions } from "./validate.js";
import { coordinateOptions, resolveMultivariate, toPoint, type MultivariateOptions } from "./vector.js";

/**
 * Throws INVALID_INDEX unless `index` is an integer in [0, n).
 *
 * @example
 * ```ts
 * checkIndex(2, 2); // throws NumdiffError [INVALID_INDEX]: invalid index; expected an integer from 0 to 1, got 2
 * ```
 */
export function checkIndex(index: unknown, n: number): asserts index is number {
  if (!(typeof index === "number" && Number.isInteger(index) && index >= 0 && index < n)) {
    throw invalid("INVALID_INDEX", "index", `an integer from 0 to ${n - 1}`, index);
  }
}

/**
 * The partial derivative ∂ⁿf/∂x_iⁿ at x (n = `order`, default 1), with an error estimate.
 *
 * By default it is the one-variable engine of {@link derivative} applied to t ↦ f(x with x_i = t)
 * at t = x_i: steps relative to the scale of x_i, Richardson extrapolation, one-sided at domain
 * edges. With `step`, one plain stencil (the book's method for `{ method: "central", step: 1e-4 }`);
 * a one-sided fixed step defaults to `accuracy: 1`, (f(x + h·e_i) − f(x)) / h.
 *
 * f receives one working Float64Array lent for the call; the caller's x is never changed. A NaN or
 * infinite x_i gives a NaN value and error without calling f.
 *
 * @param f - f(x) for a Float64Array x.
 * @param x - the point: an array of numbers, Float64Array or Float32Array (integer arrays are refused).
 * @param index - the coordinate i, an integer in [0, x.length).
 * @param options - {@link MultivariateOptions}; `bounds` may be per coordinate.
 * @throws NumdiffError for bad setup (empty or integer x, index, options) or non-numeric f values.
 * @example
 * ```ts
 * import { partial } from "numdiff";
 * const f = (x: Float64Array) => x[0] ** 2 + x[1] ** 2;
 * partial(f, [3, 4], 0, { method: "central", step: 1e-4 }).value; // 6.00000000000378 (the book's)
 * partial(f, [3, 4], 1, { method: "central", step: 1e-4 }).value; // 7.999999999999119 (the book's)
 * partial(f, [3, 4], 1).value; // 8 (error ≈ 1e-15; truth 8)
 * ```
 */
export function partial(f: FnN, x: PointLike, index: number, options?: MultivariateOptions): DerivativeResult;
export function partial(
  f: ArrayFnN,
  x: PointLike,
  index: number,
  options?: MultivariateOptions,
): DerivativeResult;
export function partial(
  f: ArrayFnN,
  x: ArrayLike<number>,
  index: number,
  options?: MultivariateOptions,
): DerivativeResult;
export function partial(
  f: BatchFn,
  x: ArrayLike<number>,
  index: number,
  options: MultivariateOptions & { batch: true },
): DerivativeResult;
export function partial(
  f: FnN | BatchFn,
  x: ArrayLike<number>,
  index: number,
  options?: MultivariateOptions,
): DerivativeResult {
  checkFunction(f, "f");
  const w = toPoint(x, "x");
  checkIndex(index, w.length);
  const o = resolveMultivariate(options, w);
  if (options?.batch === true) {
    const results: DerivativeResult[] = [];
    const space = { x0: w, coordinate: () => index };
    runBatched(1, coordinatePipelines(w, o, [index]), 1, results, f as BatchFn, space);
    return results[0];
  }
  f = f as FnN;
  const saved = w[index];
  if (o.step !== undefined) {
    const kind: StencilKind = o.method === "auto" ? "central" : o.method;
    const st = fixedStencil(kind, o.order, o.accuracy);
    checkInside(st, saved, o.step, o.lo[index], o.hi[index], index);
    if (!Number.isFinite(saved))
      return { value: NaN, error: NaN, step: o.step, evaluations: 0, method: kind, status: "not-finite" };
    const centre = st.offsets.includes(0) ? callNumber(f, w) : NaN;
    const value = fixedPartial(f, w, index, st, o.step, centre);
    const evaluations = callsPerCoordinate(st) + (st.offsets.includes(0) ? 1 : 0);
    return { value, error: NaN, step: o.step, evaluations, method: kind, status: fixedStatus(value) };
  }
  return alongResolved(f, w, index, coordinateOptions(o, index));
}

/**
 * The one-variable engine (`derivative`) along coordinate `index` of the working point w: f is called
 * with w = x0 but w[index] = t, the whole of w restored from the pristine x0 before every call (an f
 * that writes into its argument gets the answers of one that does not). Shared by
 * `partial`, `gradient` and the Hessian's diagonal.
 *
 * @example
 * ```ts
 * const w = new Float64Array([3, 4]);
 * derivativeAlong((x) => x[0] ** 2 + x[1] ** 2, w, 1, {}).value; // 8 (w is [3, 4] again afterwards)
 * ```
 */
export function derivativeAlong(
  f: FnN,
  w: Float64Array,
  index: number,
  options: DerivativeOptions,
  x0: Float64Array = w.slice(),
): DerivativeResult {
  return alongResolved(f, w, index, resolveOptions(options, x0[index]), x0);
}

/**
 * {@link derivativeAlong} with options already resolved for x0[index] (see coordinateOptions): what
 * `partial` calls, validating the options once per call rather than per coordinate.
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * const w = new Float64Array([3, 4]);
 * alongResolved((x) => x[0] ** 2 + x[1] ** 2, w, 1, resolveOptions(undefined, 4)).value; // 8
 * ```
 */
export function alongResolved(
  f: FnN,
  w: Float64Array,
  index: number,
  opts: ResolvedOptions,
  x0: Float64Array = w.slice(),
): DerivativeResult {
  return new Coordinates(f, w, x0).derivative(index, opts);
}

/**
 * f along the coordinates of a working point w, one at a time: `derivative(index, opts)` runs the
 * one-variable engine on t ↦ f(w) with w = x0 but w[index] = t, the whole of w restored from the
 * pristine x0 before every call (an f that writes into its argument gets the answers of one that does
 * not). One object and one function of t per gradient, not per coordinate.
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * const w = new Float64Array([3, 4]);
 * const along = new Coordinates((x) => x[0] ** 2 + x[1] ** 2, w, w.slice());
 * along.derivative(0, resolveOptions(undefined, 3)).value; // 6 (and 8 for index 1)
 * ```
 */
export class Coordinates {
  /** The coordinate that t replaces. */
  private index = 0;
  /** f as a function of t = w[index]. */
  private readonly at: (t: number) => number;

  constructor(
    f: FnN,
    private readonly w: Float64Array,
    private readonly x0: Float64Array,
  ) {
    this.at = (t: number): number => {
      w.set(x0); // the whole point, whatever an earlier call of f wrote into it
      w[this.index] = t;
      return f(w);
    };
  }

  /** The derivative along coordinate `index`, with options resolved for x0[index]. */
  derivative(index: number, opts: ResolvedOptions): DerivativeResult {
    this.index = index;
    try {
      return derivativeResolved(this.at, this.x0[index], opts);
    } finally {
      this.w.set(this.x0); // once per derivative, not per call
    }
  }
}
