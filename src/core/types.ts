/**
 * A real function of one real variable.
 *
 * @example
 * ```ts
 * import { derivative, type Fn1 } from "numdiff";
 * const cube: Fn1 = (x) => x ** 3;
 * derivative(cube, 2).value; // => 12
 * ```
 */
export type Fn1 = (x: number) => number;

/**
 * A real function of several variables. The array is lent for the call only: do not keep it.
 *
 * @example
 * ```ts
 * import { partial, type FnN } from "numdiff";
 * const f: FnN = (x) => x[0] ** 2 * x[1];
 * partial(f, [3, 4], 1).value; // => 9 (∂f/∂x1 = x0²)
 * ```
 */
export type FnN = LentArray<number>["call"];

/**
 * Where {@link FnN} and {@link VecFn} get their shape: a method's parameter, which TypeScript compares
 * both ways (the same device as React's event handler types), so that an {@link ArrayFnN} passed on
 * inside numdiff is accepted as an FnN.
 *
 * @example
 * ```ts
 * const f: LentArray<number>["call"] = (x) => x[0];
 * f(new Float64Array([2])); // => 2
 * ```
 */
export interface LentArray<R> {
  /** f(x) for the point x, a Float64Array lent for the call. */
  call(x: Float64Array): R;
}

/**
 * A vector function of several variables. The array is lent for the call only: do not keep it.
 *
 * @example
 * ```ts
 * import { jacobian, type VecFn } from "numdiff";
 * const F: VecFn = (x) => [Math.sin(x[0]), x[0] * x[1]];
 * jacobian(F, [0, 2]).value[1]; // => Float64Array [2, 0]
 * jacobian(F, [0, 2]).value[0][0]; // => 1 ± 1e-15
 * ```
 */
export type VecFn = LentArray<ArrayLike<number>>["call"];

/**
 * A real function of several variables written for plain arrays: `(x: number[]) => number` or
 * `(x: readonly number[]) => number`, accepted wherever an {@link FnN} is. The point is still a
 * Float64Array, lent for the call; it is typed as both so that such callbacks type-check. Read it
 * (index, length, iteration, `map`, `reduce`); never grow it (`push`) or keep it.
 *
 * @example
 * ```ts
 * import { gradient } from "numdiff";
 * const sumOfSquares = (x: readonly number[]) => x.reduce((s, v) => s + v * v, 0);
 * gradient(sumOfSquares, [3, 4]).value; // => Float64Array [6, 8]
 * ```
 */
export type ArrayFnN = (x: Float64Array & number[]) => number;

/**
 * A vector function written for plain arrays (see {@link ArrayFnN}), accepted wherever a
 * {@link VecFn} is; it receives a Float64Array, lent for the call.
 *
 * @example
 * ```ts
 * import { jacobian } from "numdiff";
 * const F = (x: number[]) => [x[0] * x[1], x[0] + x[1]];
 * jacobian(F, [2, 3]).value; // => [Float64Array [3, 2], Float64Array [1, 1]]
 * ```
 */
export type ArrayVecFn = (x: Float64Array & number[]) => ArrayLike<number>;

/**
 * A point as the functions of several variables accept it: a non-empty array of numbers, a
 * Float64Array or a Float32Array (integer typed arrays are refused at run time: x + h would be
 * truncated in them). It is copied, never changed.
 *
 * @example
 * ```ts
 * import { partial, type PointLike } from "numdiff";
 * const at: PointLike = new Float32Array([3, 4]);
 * partial((x) => x[0] * x[1], at, 0).value; // => 4
 * ```
 */
export type PointLike = readonly number[] | Float64Array | Float32Array;

/**
 * Truncation orders of the fixed-step stencils: 2, 4, 6 or 8, and 1 (the plain forward or backward
 * difference) with a one-sided method; the run time refuses 1 with a central method.
 *
 * @example
 * ```ts
 * import { derivative, type Accuracy } from "numdiff";
 * const accuracy: Accuracy = 4;
 * derivative(Math.exp, 0, { step: 1e-3, accuracy }).value; // => 0.999999999999987
 * ```
 */
export type Accuracy = 1 | 2 | 4 | 6 | 8;

/**
 * A batched f (option `batch: true`): the points of one round in a Float64Array (for functions of n
 * variables a row-major block, n numbers per point), their values in an array of the same count.
 *
 * @example
 * ```ts
 * import { derivative, type BatchFn } from "numdiff";
 * const sinAll: BatchFn = (t) => t.map(Math.sin);
 * derivative(sinAll, [0, 1, 2], { batch: true }).value; // Float64Array [1, 0.5403…, -0.4161…]
 * ```
 */
export type BatchFn = (points: Float64Array) => ArrayLike<number>;

/**
 * The finite-difference stencil behind a value.
 *
 * @example
 * ```ts
 * import { derivative, type StencilKind } from "numdiff";
 * const kind: StencilKind = derivative(Math.sqrt, 0).method; // => "forward" (sqrt is NaN left of 0)
 * ```
 */
export type StencilKind = "central" | "forward" | "backward";

/**
 * How to difference: `"auto"` (adaptive, extrapolated, goes one-sided at domain edges) or a fixed kind.
 *
 * @example
 * ```ts
 * import { derivative, type Method } from "numdiff";
 * const method: Method = "backward";
 * derivative(Math.log, 1, { method }); // => { value: 0.9999999999999994, method: "backward", … } (error ≈ 5.3e-15)
 * ```
 */
export type Method = "auto" | StencilKind;

/**
 * Options shared by every differentiation function.
 *
 * @example
 * ```ts
 * import { derivative } from "numdiff";
 * derivative((x) => x ** 3, 2, { order: 2 }).value; // => 12
 * derivative(Math.sqrt, 1, { bounds: [0, Infinity] }).value; // => 0.5 ± 1e-13
 * derivative((x) => 0.01 * x ** 2 + 0.1 * x, 5, { method: "central", step: 1e-4 }).value; // => 0.1999999999990898
 * ```
 */
export interface DerivativeOptions {
  /** Which derivative: 1 (default) to {@link MAX_ORDER}. */
  order?: number;
  /** `"auto"` (default), `"central"`, `"forward"` or `"backward"`. */
  method?: Method;
  /**
   * A fixed step h: one plain stencil with exactly this h, no extrapolation, no adjustment.
   * Without it, steps are chosen adaptively relative to the scale of x.
   */
  step?: number;
  /**
   * Truncation order of the fixed-step stencil: 2 (default), 4, 6 or 8; 1 (the default there) with
   * `"forward"` or `"backward"`.
   */
  accuracy?: Accuracy;
  /** `[lo, hi]`: f is never evaluated outside. */
  bounds?: readonly [number, number];
  /**
   * A known noise level of f: absolute (`1e-10`), or relative to |f(x)| (`{ relative: 1e-8 }`).
   * Without it, noise is estimated when the differences show it (Moré and Wild 2011).
   */
  noise?: number | NoiseOption;
  /** Stop as soon as the estimated error is below `atol + rtol·|value|`. Default 0 (as accurate as possible). */
  rtol?: number;
  /** See `rtol`. Default 0. */
  atol?: number;
  /**
   * The most calls of f to make, a hard bound: every stage (the column, the noise check and tables,
   * the one-sided and growth checks) asks the budget before it calls f and does not run where it
   * does not fit. The result says "max-evaluations" when the budget stopped anything that might have
   * changed it (a status found before that says more, such as "not-finite", stands). It is per partial
   * derivative: a gradient makes at most n·maxEvaluations calls (each coordinate's own, f(x)
   * included), a Hessian n(n + 1)/2·maxEvaluations (each entry's own), a Jacobian n·maxEvaluations in
   * all: F(x) and, for 16 rows or more, the rows' noise tables (16 or 34 calls, run only where every
   * column keeps one stencil after them; rows left unmeasured say "max-evaluations") are shared, the
   * rest split evenly among the n columns (jacobian-budget.ts); a sparse Jacobian n·maxEvaluations
   * too, its sparsity detection included (where a round of probes does not fit, the dense pattern).
   * `derivative(f, xs)`: per point. A fixed `step` needs at least its own stencil. A batched f counts
   * one call per point, and sync, batched and async give the same bits. A budget the run does not
   * reach changes nothing.
   */
  maxEvaluations?: number;
  /**
   * `true`: f takes a batch of points and returns their values ({@link BatchFn}): each round of the
   * engine (every stencil point of a row, across all points or coordinates being worked on) is one call.
   */
  batch?: boolean;
}

/**
 * A noise level relative to |f(x)|.
 *
 * @example
 * ```ts
 * import { derivative, type NoiseOption } from "numdiff";
 * const noise: NoiseOption = { relative: 1e-8 };
 * derivative((x) => x ** 3, 1, { noise }).status; // "noise-limited"
 * ```
 */
export interface NoiseOption {
  /** The noise of f(x) as a fraction of |f(x)|. */
  relative: number;
}

/**
 * What the engine found about f at x:
 * - `"ok"`: a derivative with an error estimate that covers the truth;
 * - `"noise-limited"`: the accuracy is set by f's noise (rounding in f, float32, solver tolerances),
 *   and `error` says how much;
 * - `"not-differentiable"`: the one-sided derivatives differ beyond their errors (a kink);
 *   `left` and `right` hold them, `value` is their midpoint and `error` at least half their gap;
 * - `"discontinuous"`: f jumps at x (difference quotients grow like 1/h); `value` NaN, `error` Infinity;
 * - `"not-finite"`: f is not finite around x;
 * - `"max-evaluations"`: the budget was spent before the tolerance was met.
 *
 * @example
 * ```ts
 * import { derivative, type Status } from "numdiff";
 * const s: Status = derivative((x) => Math.max(0, x), 0).status; // "not-differentiable" (when the engine reports statuses)
 * ```
 */
export type Status =
  "ok" | "noise-limited" | "not-differentiable" | "discontinuous" | "not-finite" | "max-evaluations";

/**
 * A one-sided derivative estimate, reported beside the result where f is not smooth at x.
 *
 * @example
 * ```ts
 * import { derivative } from "numdiff";
 * derivative((x) => Math.max(0, x), 0).right; // { value: 1, error: 1.1e-16 } (when the engine reports one-sided values)
 * ```
 */
export interface OneSided {
  /** The one-sided derivative. */
  value: number;
  /** Its estimated absolute error. */
  error: number;
}

/**
 * The result of a one-dimensional derivative estimate.
 *
 * @example
 * ```ts
 * import { derivative } from "numdiff";
 * derivative(Math.sin, 0);
 * // { value: 1, error: 1.1403491851107178e-15, step: 0.015625, evaluations: 8, method: "central" }
 * ```
 */
export interface DerivativeResult {
  /** The estimate. */
  value: number;
  /** Estimated absolute error (an upper bound in the vast majority of cases); NaN if unknown. */
  error: number;
  /** The step behind the returned value. */
  step: number;
  /** Calls of f actually made, exactly. */
  evaluations: number;
  /** The stencil behind the returned value. */
  method: StencilKind;
  /** What the engine found (see {@link Status}); absent only in results of 0.1.0. */
  status?: Status;
  /** The noise level of f that was used (estimated, or given by the `noise` option). */
  noise?: number;
  /** The left-sided derivative, where it differs from the right one or f jumps. */
  left?: OneSided;
  /** The right-sided derivative, where it differs from the left one or f jumps. */
  right?: OneSided;
}
