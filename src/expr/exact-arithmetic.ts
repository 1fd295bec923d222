/**
 * Arithmetic on doubles that only answers when the answer is exact: the symbolic derivative folds two
 * numbers into one only when no rounding happens, so a coefficient is never rounded or dropped
 * (6.62607015e-34 * 2 folds; 0.1 * 3 stays a product, evaluated like any other).
 */

/**
 * Below this magnitude a product or quotient may be subnormal, where the error-free transformations
 * below do not hold: 2^-969 = 2^-1022 · 2^53.
 *
 * @default 2^-969 ≈ 2.0e-292
 * @example
 * ```ts
 * EXACT_FOLD_FLOOR; // 2.0042e-292
 * ```
 */
export const EXACT_FOLD_FLOOR = 2 ** -969;

/** Dekker's splitting constant 2^27 + 1 (Dekker 1971; Shewchuk 1997, "Adaptive precision"). */
const SPLITTER = 134217729;

function split(a: number): [number, number] {
  const c = SPLITTER * a;
  const hi = c - (c - a);
  return [hi, a - hi];
}

/** The rounding error of a * b (Dekker's two-product), NaN when it cannot be computed. */
function productError(a: number, b: number, p: number): number {
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return al * bl - (p - ah * bh - al * bh - ah * bl);
}

function representable(r: number): boolean {
  return Number.isFinite(r) && (r === 0 || Math.abs(r) >= EXACT_FOLD_FLOOR);
}

/**
 * a + b when it is exact in doubles (Knuth's two-sum error is 0), else undefined.
 * @example
 * ```ts
 * exactSum(1.5, -1); // 0.5
 * exactSum(0.1, 0.2); // undefined (0.30000000000000004 is rounded)
 * ```
 */
export function exactSum(a: number, b: number): number | undefined {
  const s = a + b;
  if (!Number.isFinite(s)) return undefined;
  const bv = s - a;
  const error = a - (s - bv) + (b - bv);
  return error === 0 ? s : undefined;
}

/**
 * a * b when it is exact in doubles, else undefined.
 * @example
 * ```ts
 * exactProduct(6.62607015e-34, 2); // 1.32521403e-33
 * exactProduct(0.1, 3); // undefined
 * ```
 */
export function exactProduct(a: number, b: number): number | undefined {
  const p = a * b;
  if (p === 0) return a === 0 || b === 0 ? p : undefined;
  if (!representable(p) || Math.abs(a) > 1e290 || Math.abs(b) > 1e290) return undefined;
  return productError(a, b, p) === 0 ? p : undefined;
}

/**
 * a / b when it is exact in doubles, else undefined.
 * @example
 * ```ts
 * exactQuotient(3, 4); // 0.75
 * exactQuotient(1, 3); // undefined
 * ```
 */
export function exactQuotient(a: number, b: number): number | undefined {
  if (b === 0) return undefined;
  const q = a / b;
  if (q === 0) return a === 0 ? q : undefined;
  if (!representable(q)) return undefined;
  return exactProduct(q, b) === a ? q : undefined;
}
