import { invalid } from "./errors.js";
import { gradient } from "./gradient.js";
import { statusCode } from "./status.js";
import type { ArrayFnN, ArrayVecFn, BatchFn, FnN, PointLike, VecFn } from "./types.js";
import { checkFunction } from "./validate.js";
import { toPoint, type MultivariateOptions } from "./vector.js";

/**
 * Default tolerance of {@link checkGradient} on the relative error of each component. The default
 * numerical gradient is good to about 1e-12 relative (1e-10 of the largest component at worst on the
 * reference set), so 1e-6 leaves room for analytic gradients computed in a different order or in
 * float32-like precision, while a wrong term (a missing factor, a sign) gives errors of order 1.
 * cs231n's rule of thumb: above 1e-4 is probably a bug, below 1e-7 is fine for doubles.
 *
 * @default 1e-6
 * @example
 * ```ts
 * checkGradient((x) => x[0] ** 2, (x) => [2 * x[0]], [3]).tolerance; // => 1e-6
 * ```
 */
export const CHECK_GRADIENT_TOLERANCE = 1e-6;

/**
 * Floor of the denominator of a component's relative error, as a fraction of the largest component
 * of the gradient: a component that should be 0 (or is tiny next to the others) is compared on the
 * gradient's own scale, where numerical noise of order EPS·‖∇f‖/h cannot reach the tolerance.
 *
 * @default 1e-3
 * @example
 * ```ts
 * CHECK_GRADIENT_FLOOR; // => 0.001
 * ```
 */
export const CHECK_GRADIENT_FLOOR = 1e-3;

/**
 * How many times its estimated error a numerical component may miss the given one before the given one
 * is called wrong (beside the tolerance). The error estimate is an estimate: where f is C1 only, noisy
 * or float32, the honesty scan finds true errors up to a few times it (a Huber loss's join: 1.0–1.7
 * times), and a right gradient failed there. A difference within twice the estimate is no evidence
 * against the given gradient, while a wrong term (a missing factor, a sign) misses by far more: the scan
 * calls a wrong gradient's pass excused exactly when the estimate admits half its gap.
 *
 * @default 2
 * @example
 * ```ts
 * CHECK_GRADIENT_ERROR_FACTOR; // => 2
 * ```
 */
export const CHECK_GRADIENT_ERROR_FACTOR = 2;

/**
 * Options of {@link checkGradient}: the options of the numerical gradient, plus `tolerance`.
 *
 * @example
 * ```ts
 * import { checkGradient } from "numdiff";
 * const f = (x: Float64Array) => x[0] ** 2 * x[1];
 * const grad = (x: Float64Array) => [2 * x[0] * x[1], x[0] ** 2 + 1e-5]; // off by 1e-5
 * checkGradient(f, grad, [3, 4]).pass; // => false (relative error 1.1e-6 > 1e-6)
 * checkGradient(f, grad, [3, 4], { tolerance: 1e-4 }).pass; // => true
 * ```
 */
export interface CheckGradientOptions extends MultivariateOptions {
  /** Largest relative error that passes; default {@link CHECK_GRADIENT_TOLERANCE}. */
  tolerance?: number;
}

/**
 * The report of {@link checkGradient}.
 *
 * @example
 * ```ts
 * import { checkGradient } from "numdiff";
 * const r = checkGradient((x) => x[0] ** 2 * x[1], (x) => [2 * x[0] * x[1], x[0] ** 2], [3, 4]);
 * r.numerical; // => Float64Array [24, 9]
 * r.relativeError; // => Float64Array [0, 0]
 * [r.pass, r.tolerance, r.evaluations]; // => [true, 1e-6, 16]
 * ```
 */
export interface GradientCheck {
  /** The numerical gradient (default: the adaptive engine). */
  numerical: Float64Array;
  /** Its estimated absolute errors. */
  numericalError: Float64Array;
  /** The analytic gradient, as `grad` returned it. */
  analytic: Float64Array;
  /**
   * |analytic_i − numerical_i| / max(|analytic_i|, |numerical_i|, CHECK_GRADIENT_FLOOR · max_k |numerical_k|);
   * 0 when both are 0, NaN when either is NaN.
   */
  relativeError: Float64Array;
  /** The component with the largest relative error (NaN counts as largest). */
  worst: {
    /** The component. */
    index: number;
    /** |numerical − analytic| / max(|numerical|, |analytic|, floor). */
    relativeError: number;
    /** numdiff's value of that component. */
    numerical: number;
    /** The given gradient's value of that component. */
    analytic: number;
  };
  /** The tolerance applied. */
  tolerance: number;
  /**
   * True when every |analytic_i − numerical_i| is at most tolerance · denominator_i plus
   * CHECK_GRADIENT_ERROR_FACTOR times the numerical error estimate of component i (NaN fails): a right
   * gradient of a noisy, float32 or C1 f passes. A component in {@link GradientCheck.unchecked} counts
   * neither way.
   */
  pass: boolean;
  /**
   * The components the numerical gradient has no value for, its error +Infinity (status
   * "discontinuous", "not-differentiable" without a number, "not-finite"): no difference is evidence
   * against the given gradient there (see {@link uncheckable}), so they do not fail the check, and their
   * relativeError is NaN. Empty where every component was compared.
   */
  unchecked: Int32Array;
  /** Calls of f made for the numerical gradient (grad is called once). */
  evaluations: number;
}

/**
 * Compares an analytic gradient with the numerical one, component by component: what the book does in
 * ch. 5 to check backpropagation ("gradient check"), and what anyone writing a gradient by hand needs.
 *
 * @param f - the function.
 * @param grad - its claimed gradient; called once with a copy of x, must return n numbers.
 * @param x - the point; never changed.
 * @param options - options of the numerical {@link gradient}, plus `tolerance`.
 * @throws NumdiffError for bad setup, or INCONSISTENT_OUTPUT when grad returns the wrong length.
 * @example
 * ```ts
 * import { checkGradient } from "numdiff";
 * const f = (x: Float64Array) => x[0] ** 2 * x[1];
 * checkGradient(f, (x) => [2 * x[0] * x[1], x[0] ** 2], [3, 4]).pass; // => true (worst relative error 0)
 * const r = checkGradient(f, (x) => [x[0] * x[1], x[0] ** 2], [3, 4]); // forgot the factor 2
 * r.pass; // => false
 * r.worst; // => { index: 0, relativeError: 0.5, numerical: 24, analytic: 12 }
 * ```
 */
export function checkGradient(
  f: FnN,
  grad: VecFn,
  x: PointLike,
  options?: CheckGradientOptions,
): GradientCheck;
export function checkGradient(
  f: ArrayFnN,
  grad: ArrayVecFn,
  x: PointLike,
  options?: CheckGradientOptions,
): GradientCheck;
export function checkGradient(
  f: BatchFn,
  grad: ArrayVecFn,
  x: PointLike,
  options: CheckGradientOptions & { batch: true },
): GradientCheck;
export function checkGradient(
  f: ArrayFnN | BatchFn,
  grad: ArrayVecFn,
  x: ArrayLike<number>,
  options?: CheckGradientOptions,
): GradientCheck {
  checkFunction(f, "f");
  checkFunction(grad, "grad");
  const point = toPoint(x, "x");
  const tolerance = checkTolerance(options);
  const num = gradient(f as ArrayFnN, point, options);
  return compareGradients(num, (grad as VecFn)(point.slice()), tolerance);
}

/**
 * The `tolerance` option of {@link checkGradient}, validated; default {@link CHECK_GRADIENT_TOLERANCE}.
 *
 * @example
 * ```ts
 * checkTolerance(undefined); // => 1e-6
 * checkTolerance({ tolerance: -1 }); // throws INVALID_OPTION
 * ```
 */
export function checkTolerance(options: CheckGradientOptions | undefined): number {
  const tolerance = options?.tolerance ?? CHECK_GRADIENT_TOLERANCE;
  if (!(typeof tolerance === "number" && tolerance >= 0 && tolerance < Infinity)) {
    throw invalid("INVALID_OPTION", "tolerance", "a finite number >= 0", tolerance);
  }
  return tolerance;
}

/**
 * The report of {@link checkGradient} from the numerical gradient and what grad returned (checked: n
 * numbers).
 *
 * @example
 * ```ts
 * const num = { value: Float64Array.of(2), error: Float64Array.of(0), evaluations: 6 };
 * compareGradients(num, [2], 1e-6).pass; // => true
 * ```
 */
export function compareGradients(
  num: { value: Float64Array; error: Float64Array; evaluations: number; statuses?: Uint8Array },
  g: unknown,
  tolerance: number,
): GradientCheck {
  const n = num.value.length;
  if (g === null || typeof g !== "object" || (g as ArrayLike<unknown>).length !== n) {
    throw invalid("INCONSISTENT_OUTPUT", "grad", `an array of ${n} numbers (the length of x)`, g);
  }
  const given = g as ArrayLike<unknown>;
  const analytic = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const gi = given[i];
    if (typeof gi !== "number") throw invalid("NON_NUMERIC_RESULT", `grad(x)[${i}]`, "a number", gi);
    analytic[i] = gi;
  }
  let scale = 0;
  for (let i = 0; i < n; i++) if (Math.abs(num.value[i]) > scale) scale = Math.abs(num.value[i]);
  const relativeError = new Float64Array(n);
  const unchecked: number[] = [];
  let worst = 0;
  let pass = true;
  for (let i = 0; i < n; i++) {
    const a = analytic[i];
    const v = num.value[i];
    const denom = Math.max(Math.abs(a), Math.abs(v), CHECK_GRADIENT_FLOOR * scale);
    const diff = Math.abs(a - v);
    const e = diff === 0 ? 0 : diff / denom;
    relativeError[i] = e;
    if (uncheckable(num.error[i], num.statuses?.[i] ?? 0)) unchecked.push(i);
    // The numerical value is known only to within its error estimate: a float32 function (TensorFlow.js)
    // has a noise-limited gradient, and a right analytic gradient differs from it by up to that much.
    else if (!(diff <= tolerance * denom + CHECK_GRADIENT_ERROR_FACTOR * num.error[i])) pass = false;
    if (!Number.isNaN(relativeError[worst]) && !(e <= relativeError[worst])) worst = i;
  }
  return {
    numerical: num.value,
    numericalError: num.error,
    analytic,
    relativeError,
    worst: {
      index: worst,
      relativeError: relativeError[worst],
      numerical: num.value[worst],
      analytic: analytic[worst],
    },
    tolerance,
    pass,
    unchecked: Int32Array.from(unchecked),
    evaluations: num.evaluations,
  };
}

const NOT_FINITE = statusCode("not-finite");

/**
 * Whether a numerical component (error e, status code) admits every value, so that no given value can
 * be judged against it: its error is +Infinity (DerivativeResult's "no derivative": f jumps at x, or its
 * one-sided slopes grow without bound there). A finite error, however large, still bounds the
 * difference; a NaN error (a fixed step, a NaN coordinate) says nothing and fails as before; so does
 * "not-finite" (f itself is not finite around x: there is no gradient to be right about).
 *
 * @example
 * ```ts
 * import { statusCode } from "./status.js";
 * uncheckable(Infinity, statusCode("discontinuous")); // => true (sign(x₀) at 0)
 * uncheckable(1, statusCode("not-differentiable")); // => false (|x₀| at 0: the slopes ±1 within its error)
 * uncheckable(Infinity, statusCode("not-finite")); // => false (1/x₀ at 0)
 * ```
 */
export function uncheckable(e: number, status: number): boolean {
  return e === Infinity && status !== NOT_FINITE;
}
