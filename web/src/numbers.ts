/**
 * The numbers beside the one-variable plot: f(x), the book's derivative, numdiff's default with its
 * error estimate and evaluation count, the analytic value when there is one, and the actual errors.
 */
import { numericalDiff } from "../../src/book/index.js";
import { derivative, type DerivativeResult, type Fn1 } from "../../src/core/index.js";

/**
 * What the numbers panel shows for one function at one point.
 *
 * @example
 * ```ts
 * const n: PointNumbers = pointNumbers((x) => 0.01 * x ** 2 + 0.1 * x, 5, (x) => 0.02 * x + 0.1);
 * // { fx: 0.75, book: 0.1999999999990898, auto: { value: 0.2, evaluations: 6, … }, exact: 0.2,
 * //   bookError: 9.102163467389346e-13, autoError: 0 }
 * pointNumbers(Math.sin, 1, null).exact; // null (and both errors null)
 * ```
 */
export interface PointNumbers {
  /** f(x). */
  fx: number;
  /** The book's `numerical_diff`: central difference with h = 1e-4, two evaluations. */
  book: number;
  /** numdiff's default (`method: "auto"`). */
  auto: DerivativeResult;
  /** The analytic derivative at x, or null when the formula layer could not give one. */
  exact: number | null;
  /** |book − exact|, or null without an exact value. */
  bookError: number | null;
  /** |auto − exact|, or null without an exact value. */
  autoError: number | null;
}

/**
 * Calls of f made by the book's `numerical_diff`: f(x + h) and f(x − h).
 *
 * @example
 * ```ts
 * BOOK_EVALUATIONS; // 2
 * ```
 */
export const BOOK_EVALUATIONS = 2;

/**
 * The numbers for f at x. The actual error is measured against the analytic derivative (when it and
 * f(x) are finite); without it, none is claimed.
 *
 * @example
 * ```ts
 * const n = pointNumbers((x) => 0.01 * x ** 2 + 0.1 * x, 5, (x) => 0.02 * x + 0.1);
 * n.book; // 0.1999999999990898 (the seed's value)
 * n.auto.value; // 0.2 (error estimate ≈ 1e-16)
 * n.bookError; // 9.10e-13
 * ```
 */
export function pointNumbers(f: Fn1, x: number, exactDerivative: Fn1 | null): PointNumbers {
  const fx = f(x);
  const book = numericalDiff(f, x);
  const auto = derivative(f, x);
  // Where f itself is not finite (log at −1) the formula for f' may still give a number; no derivative exists there.
  const e = exactDerivative === null || !Number.isFinite(fx) ? NaN : exactDerivative(x);
  const exact = Number.isFinite(e) ? e : null;
  return {
    fx,
    book,
    auto,
    exact,
    bookError: exact === null ? null : Math.abs(book - exact),
    autoError: exact === null ? null : Math.abs(auto.value - exact),
  };
}

/**
 * The book's central difference with the learner's own step h, and its actual error.
 *
 * @example
 * ```ts
 * stepNumbers(Math.exp, 1, 1e-4, Math.E); // { h: 1e-4, value: 2.7182818329…, error: 4.5e-9 }
 * ```
 */
export interface StepNumbers {
  h: number;
  /** (f(x + h) − f(x − h)) / (2h). */
  value: number;
  /** |value − exact|, or null without an exact value. */
  error: number | null;
}

/**
 * {@link StepNumbers} for f at x with step h.
 *
 * @example
 * ```ts
 * stepNumbers((x) => x * x, 3, 0.5, 6).value; // 6 (a parabola's central difference is exact)
 * ```
 */
export function stepNumbers(f: Fn1, x: number, h: number, exact: number | null): StepNumbers {
  const value = (f(x + h) - f(x - h)) / (2 * h);
  return { h, value, error: exact === null || !Number.isFinite(value) ? null : Math.abs(value - exact) };
}
