import { invalid } from "./errors.js";
import { derivativeSync } from "./derivative-pipeline.js";
import { derivativeMany, type DerivativesResult } from "./many.js";
import { Sampler } from "./sampler.js";
import { ScalarEngine } from "./scalar-engine.js";
import type { BatchFn, DerivativeOptions, DerivativeResult, Fn1 } from "./types.js";
import { checkFunction, resolveOptions, type ResolvedOptions } from "./validate.js";

// One spare engine, so a loop of derivative() calls allocates no tableau state. Taken while in use, so
// a derivative() of a function that itself calls derivative() gets a fresh one.
let spare: ScalarEngine | null = null;
// And one spare sampler, for the same reason (an object and its cache's buffers per call otherwise).
let spareSampler: Sampler | null = null;

/**
 * The derivative of f at x, of any order from 1 to {@link MAX_ORDER}, with an error estimate.
 *
 * By default (`method: "auto"`) steps are chosen relative to the scale of x, a descending sequence of
 * central differences is extrapolated (Richardson/Ridders), and the entry with the smallest estimated
 * error is returned; when f is NaN or infinite on one side of x (log at 0, sqrt at 0, asin at 1) the
 * stencil goes one-sided on the good side and `method` says so. With `step`, exactly one stencil at
 * exactly that h is used: `{ method: "central", step: 1e-4 }` is the book's `numerical_diff`, bit for bit.
 *
 * @param f - the function; exceptions it throws reach the caller unchanged.
 * @param x - the point; NaN gives a NaN value and error, never a throw.
 * @param options - {@link DerivativeOptions}.
 * @throws NumdiffError for bad setup (f not a function, order, method, step, accuracy, bounds) and
 *   when f returns a non-number.
 * @example
 * ```ts
 * import { derivative } from "numdiff";
 * derivative((x) => 0.01 * x ** 2 + 0.1 * x, 5, { method: "central", step: 1e-4 }).value;
 * // 0.1999999999990898 (the book's value; the truth is 0.2)
 * derivative((x) => 0.01 * x ** 2 + 0.1 * x, 5);
 * // { value: 0.2, error: 1.6e-15, step: 0.3125, evaluations: 6, method: "central" }
 * derivative(Math.log, 1e-12).value; // 999999999999.941 (relative error 6e-14, 11 evaluations)
 * derivative(Math.sqrt, 0).method; // "forward": sqrt is NaN left of 0
 * ```
 */
export function derivative(f: Fn1, x: number, options?: DerivativeOptions): DerivativeResult;
export function derivative(
  f: BatchFn,
  x: number,
  options: DerivativeOptions & { batch: true },
): DerivativeResult;
export function derivative(
  f: Fn1 | BatchFn,
  xs: ArrayLike<number>,
  options?: DerivativeOptions,
): DerivativesResult;
export function derivative(
  f: Fn1 | BatchFn,
  x: number | ArrayLike<number>,
  options?: DerivativeOptions,
): DerivativeResult | DerivativesResult {
  checkFunction(f, "f");
  if (typeof x !== "number") {
    if (isArrayLike(x)) return derivativeMany(f, x, options);
    throw invalid("INVALID_POINT", "x", "a number or an array of numbers", x);
  }
  if (options?.batch === true) return derivativeMany(f, [x], options).results[0];
  return derivativeResolved(f as Fn1, x, resolveOptions(options, x));
}

/**
 * {@link derivative} of a sync f at a number x, with options already resolved by resolveOptions (for
 * x): what the functions of several variables call per coordinate, without validating them again.
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * derivativeResolved(Math.exp, 1, resolveOptions(undefined, 1)).value; // 2.718281828459…, as derivative
 * ```
 */
export function derivativeResolved(f: Fn1, x: number, opts: ResolvedOptions): DerivativeResult {
  const sampler = spareSampler?.reset(f, opts.lo, opts.hi) ?? new Sampler(f, opts.lo, opts.hi);
  const engine = spare ?? new ScalarEngine();
  spare = null;
  spareSampler = null;
  try {
    return derivativeSync(engine, sampler, x, opts);
  } finally {
    spare = engine; // also after an exception thrown by f
    spareSampler = sampler.reset(null);
  }
}

/** An array or typed array (not a DataView). */
function isArrayLike(x: unknown): x is ArrayLike<number> {
  return Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));
}
