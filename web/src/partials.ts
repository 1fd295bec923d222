/**
 * The numbers beside the two-variable figures: f at the point, its partial derivatives by the book's
 * numerical_gradient (central differences, h = 1e-4), by numdiff's default, and analytically.
 */
import { numericalGradient } from "../../src/book/index.js";
import { gradient, type FnN } from "../../src/core/index.js";

/**
 * A pair of numbers, one per variable (x0, x1).
 *
 * @example
 * ```ts
 * const p: Pair = [3, 4];
 * partialNumbers((x) => x[0] ** 2 + x[1] ** 2, p, [null, null]).auto; // [6, 8]
 * ```
 */
export type Pair = [number, number];

/**
 * What the partial-derivatives panel shows.
 *
 * @example
 * ```ts
 * const n: PartialNumbers = partialNumbers((x) => x[0] ** 2 + x[1] ** 2, [3, 4], [(x) => 2 * x[0], (x) => 2 * x[1]]);
 * // { fx: 25, book: [6.00000000000378, 7.999999999999119], auto: [6, 8],
 * //   autoError: [8.89843754237063e-14, 6.683542608243442e-14], evaluations: 12, exact: [6, 8],
 * //   bookActual: [3.780087354243733e-12, 8.810729923425242e-13], autoActual: [0, 0] }
 * ```
 */
export interface PartialNumbers {
  /** f(x0, x1). */
  fx: number;
  /** The book's numerical_gradient: ∂f/∂x0, ∂f/∂x1 by central differences with h = 1e-4. */
  book: Pair;
  /** numdiff's default partial derivatives. */
  auto: Pair;
  /** Their error estimates. */
  autoError: Pair;
  /** Calls of f made by numdiff's default for both partials. */
  evaluations: number;
  /** Analytic partials, null where math.js gave none or the value is not finite. */
  exact: [number | null, number | null];
  /** |book − exact| per variable, null without exact. */
  bookActual: [number | null, number | null];
  /** |auto − exact| per variable, null without exact. */
  autoActual: [number | null, number | null];
}

/**
 * The partial derivatives of f at p, three ways: the book's `numerical_gradient` (on a copy of p),
 * numdiff's `gradient` (each component the adaptive one-variable engine along its coordinate), and
 * the analytic partials.
 *
 * @example
 * ```ts
 * const n = partialNumbers((x) => x[0] ** 2 + x[1] ** 2, [3, 4], [(x) => 2 * x[0], (x) => 2 * x[1]]);
 * n.book; // [6.00000000000378, 7.999999999999119] (the book's printed values)
 * n.auto; // [6, 8] to about 1e-14
 * ```
 */
export function partialNumbers(f: FnN, p: Pair, exact: readonly [FnN | null, FnN | null]): PartialNumbers {
  const fx = f(Float64Array.from(p));
  const b = numericalGradient(f, Float64Array.from(p));
  const book: Pair = [b[0], b[1]];
  const g = gradient(f, p);
  const ex = exact.map((d) => {
    if (d === null || !Number.isFinite(fx)) return null;
    const v = d(Float64Array.from(p));
    return Number.isFinite(v) ? v : null;
  }) as [number | null, number | null];
  const diff = (a: number, e: number | null): number | null => (e === null ? null : Math.abs(a - e));
  return {
    fx,
    book,
    auto: [g.value[0], g.value[1]],
    autoError: [g.error[0], g.error[1]],
    evaluations: g.evaluations,
    exact: ex,
    bookActual: [diff(book[0], ex[0]), diff(book[1], ex[1])],
    autoActual: [diff(g.value[0], ex[0]), diff(g.value[1], ex[1])],
  };
}
