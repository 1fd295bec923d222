/**
 * Setup shared by the functions of several variables: the point (copied to one working Float64Array),
 * per-coordinate bounds, the multivariate options and their validation.
 */

import { NumdiffError, invalid } from "./errors.js";
import type { DerivativeOptions } from "./types.js";
import { resolveOptions, type ResolvedOptions } from "./validate.js";

/**
 * `[lo, hi]` for every coordinate, or one `[lo, hi]` per coordinate.
 *
 * @example
 * ```ts
 * import { gradient } from "numdiff";
 * const f = (x: Float64Array) => Math.sqrt(x[0]) + Math.log(x[1]);
 * gradient(f, [1, 1], { bounds: [[0, 1], [0, Infinity]] }).value;
 * // Float64Array [0.49999999999994893, 1.0000000000000118] (x0 at its upper bound: one-sided)
 * ```
 */
export type MultiBounds = readonly [number, number] | readonly (readonly [number, number])[];

/**
 * Options of the functions of several variables: the shared options of {@link DerivativeOptions},
 * with `bounds` either one interval for every coordinate or one interval per coordinate, and
 * `onProgress` for long runs (gradient, jacobian, hessian).
 *
 * With a fixed `step`, one-sided methods default to `accuracy: 1`, the plain forward (or backward)
 * difference (f(x + h) − f(x)) / h ({@link ONE_SIDED_FIXED_ACCURACY}): a forward gradient then costs
 * exactly N + 1 calls. Central methods default to accuracy 2, the book's.
 *
 * @example
 * ```ts
 * import { gradient } from "numdiff";
 * const done: number[] = [];
 * gradient((x) => x[0] * x[1] * x[2], [1, 2, 3], { onProgress: (d) => done.push(d) }).value;
 * // Float64Array [6, 3, 2]
 * done; // => [1, 2, 3]
 * ```
 */
export interface MultivariateOptions extends Omit<DerivativeOptions, "bounds"> {
  /** `[lo, hi]` for all coordinates, or an array of n intervals: f is never evaluated outside. */
  bounds?: MultiBounds;
  /** Called after each finished unit of work (coordinate, column or Hessian entry) with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Options after validation: the shared ones per coordinate, plus the progress callback.
 *
 * @example
 * ```ts
 * resolveMultivariate({ bounds: [[0, 1], [0, 2]], method: "forward", step: 1e-3 }, new Float64Array([0.5, 1]));
 * // { order: 1, method: "forward", step: 0.001, accuracy: 1,
 * //   lo: Float64Array [0, 0], hi: Float64Array [1, 2], onProgress: undefined,
 * //   engine: { order: 1, method: "forward" } }
 * ```
 */
export interface ResolvedMultivariate {
  order: number;
  method: ResolvedOptions["method"];
  step: number | undefined;
  accuracy: number;
  /** The bounds of each coordinate; read only (without bounds, ±∞ arrays shared by every call). */
  lo: Float64Array;
  hi: Float64Array;
  onProgress: ((done: number, total: number) => void) | undefined;
  /** The options of the one-variable engine for each partial derivative (order, method, noise,
   * tolerances; `maxEvaluations` is per partial derivative, see DerivativeOptions.maxEvaluations). */
  engine: DerivativeOptions;
  /** `engine` resolved (unbounded): what {@link coordinateOptions} gives each coordinate. */
  resolved: ResolvedOptions;
}

const INTEGER_ARRAYS = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  BigInt64Array,
  BigUint64Array,
];

/**
 * Copies a point to a new Float64Array after checking it: a non-empty array of numbers, a
 * Float64Array or a Float32Array. Integer typed arrays are refused: x + h would be truncated back to
 * an integer when written into them (the book's own pitfall with `np.array([3, 4])`). NaN and ±Infinity
 * are accepted: the components they touch come out NaN.
 *
 * @example
 * ```ts
 * toPoint([3, 4], "x"); // => Float64Array [3, 4]
 * toPoint(new Int32Array([3, 4]), "x"); // throws NumdiffError [INVALID_POINT]
 * ```
 */
export function toPoint(x: unknown, name: string): Float64Array {
  const range = "a non-empty array of numbers, Float64Array or Float32Array";
  if (!(Array.isArray(x) || x instanceof Float64Array || x instanceof Float32Array)) {
    if (INTEGER_ARRAYS.some((T) => x instanceof T)) {
      throw invalid("INVALID_POINT", name, `${range} (integer arrays would truncate x + h)`, x);
    }
    throw invalid("INVALID_POINT", name, range, x);
  }
  const src = x as ArrayLike<unknown>;
  if (src.length === 0) throw invalid("INVALID_POINT", name, range, x);
  if (x instanceof Float64Array) return new Float64Array(x); // numbers all: a copy
  const out = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    if (typeof v !== "number") throw invalid("INVALID_POINT", `${name}[${i}]`, "a number", v);
    out[i] = v;
  }
  return out;
}

// The bounds of a point of the last length resolved without bounds, shared (never written).
let unboundedLo = new Float64Array(0);
let unboundedHi = new Float64Array(0);

/**
 * Validates the options for a point `x` of n coordinates. Bounds must contain each coordinate (NaN
 * coordinates excepted). `accuracy` 1 is accepted for one-sided methods with a fixed step.
 *
 * @example
 * ```ts
 * resolveMultivariate({ bounds: [0, 1] }, new Float64Array([0.5, 0.25])).hi; // => Float64Array [1, 1]
 * resolveMultivariate({ bounds: [[0, 1]] }, new Float64Array([0.5, 0.25])); // throws [INVALID_BOUNDS]
 * ```
 */
export function resolveMultivariate(
  options: MultivariateOptions | undefined,
  x: Float64Array,
): ResolvedMultivariate {
  if (options !== undefined && (options === null || typeof options !== "object")) {
    throw invalid("INVALID_OPTION", "options", "an object or undefined", options);
  }
  const o = options ?? {};
  // No options (most calls): the shared defaults, without building and validating an object.
  const shared =
    options === undefined
      ? resolveOptions(undefined)
      : resolveOptions({
          order: o.order,
          method: o.method,
          noise: o.noise,
          rtol: o.rtol,
          atol: o.atol,
          maxEvaluations: o.maxEvaluations,
          step: o.step,
          accuracy: o.accuracy,
        });
  const onProgress = o.onProgress;
  if (onProgress !== undefined && typeof onProgress !== "function") {
    throw invalid("INVALID_OPTION", "onProgress", "a function (done, total) => void", onProgress);
  }
  const n = x.length;
  const b = o.bounds as unknown;
  if (b === undefined && unboundedLo.length !== n) {
    unboundedLo = new Float64Array(n).fill(-Infinity);
    unboundedHi = new Float64Array(n).fill(Infinity);
  }
  const lo = b === undefined ? unboundedLo : new Float64Array(n).fill(-Infinity);
  const hi = b === undefined ? unboundedHi : new Float64Array(n).fill(Infinity);
  if (b !== undefined) {
    const perCoordinate = Array.isArray(b) && b.length > 0 && typeof b[0] !== "number";
    if (perCoordinate && b.length !== n) {
      throw invalid("INVALID_BOUNDS", "bounds", `one [lo, hi] pair or ${n} pairs (one per coordinate)`, b);
    }
    for (let i = 0; i < n; i++) {
      const bi = (perCoordinate ? (b as unknown[])[i] : b) as [number, number];
      try {
        const r = resolveOptions({ bounds: bi }, x[i]);
        lo[i] = r.lo;
        hi[i] = r.hi;
      } catch (e) {
        if (!(e instanceof NumdiffError)) throw e;
        throw new NumdiffError(
          e.code,
          `bounds[${i}]`,
          e.message.replace(/^invalid bounds/, `invalid bounds[${i}]`),
        );
      }
    }
  }
  const engine: DerivativeOptions = { order: shared.order, method: shared.method };
  if (o.noise !== undefined) engine.noise = o.noise;
  if (o.rtol !== undefined) engine.rtol = o.rtol;
  if (o.atol !== undefined) engine.atol = o.atol;
  if (o.maxEvaluations !== undefined) engine.maxEvaluations = o.maxEvaluations;
  return {
    order: shared.order,
    method: shared.method,
    step: shared.step,
    accuracy: shared.accuracy,
    lo,
    hi,
    onProgress,
    engine,
    resolved: options === undefined ? shared : resolveOptions(engine),
  };
}

/**
 * The resolved one-variable options of coordinate i: those of `o.engine` with the coordinate's bounds,
 * as `resolveOptions({ ...o.engine, bounds }, x[i])` gives them (resolveMultivariate checked x[i]
 * against the bounds), without validating them again per coordinate.
 *
 * @example
 * ```ts
 * const o = resolveMultivariate({ bounds: [[0, 1], [0, 2]] }, new Float64Array([0.5, 1]));
 * coordinateOptions(o, 1).hi; // 2
 * ```
 */
export function coordinateOptions(o: ResolvedMultivariate, i: number): ResolvedOptions {
  const lo = o.lo[i];
  const hi = o.hi[i];
  return lo === -Infinity && hi === Infinity ? o.resolved : { ...o.resolved, lo, hi };
}

/**
 * Bounds of coordinate i in the shape {@link DerivativeOptions} takes, or undefined when unbounded.
 *
 * @example
 * ```ts
 * boundsOf(resolveMultivariate({ bounds: [0, 1] }, new Float64Array([0.5])), 0); // => [0, 1]
 * ```
 */
export function boundsOf(o: ResolvedMultivariate, i: number): [number, number] | undefined {
  return o.lo[i] === -Infinity && o.hi[i] === Infinity ? undefined : [o.lo[i], o.hi[i]];
}
