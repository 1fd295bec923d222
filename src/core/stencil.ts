/**
 * Finite-difference stencils: weights for any set of integer offsets and any derivative order, by
 * Fornberg's algorithm (B. Fornberg, "Generation of finite difference formulas on arbitrarily spaced
 * grids", Math. Comp. 51 (1988) 699-706), run in exact rational arithmetic and rounded once to doubles.
 * Each (offsets, order) pair is computed once and cached.
 */

import { invalid } from "./errors.js";

/**
 * A stencil: `f^(order)(x) ≈ Σ weights[k] · f(x + offsets[k]·h) / h^order`.
 *
 * @example
 * ```ts
 * import { stencil } from "numdiff";
 * stencil([-1, 0, 1], 2); // => { offsets: [-1, 0, 1], weights: [1, -2, 1], order: 2, weightSum: 4 }
 * stencil([-1, 0, 1], 1); // => { offsets: [-1, 1], weights: [-0.5, 0.5], order: 1, weightSum: 1 }
 * ```
 */
export interface Stencil {
  /** Integer multiples of h at which f is evaluated, in increasing order; zero-weight points dropped. */
  readonly offsets: readonly number[];
  /** The weights, rounded once from their exact rational values. */
  readonly weights: readonly number[];
  /** Which derivative the stencil approximates. */
  readonly order: number;
  /** Σ|weights|: multiplies the rounding error of the f values. */
  readonly weightSum: number;
}

type Rational = readonly [bigint, bigint]; // [numerator, denominator > 0], in lowest terms

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function rat(n: bigint, d: bigint = 1n): Rational {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? [n / g, d / g] : [n, d];
}

const sub = (a: Rational, b: Rational): Rational => rat(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const mul = (a: Rational, b: Rational): Rational => rat(a[0] * b[0], a[1] * b[1]);
const div = (a: Rational, b: Rational): Rational => rat(a[0] * b[1], a[1] * b[0]);

/** Rounds an exact rational to a double: exactly once when both parts fit in 53 bits, else to 64+ bits first. */
function toNumber([n, d]: Rational): number {
  const absN = n < 0n ? -n : n;
  if (absN < 2n ** 53n && d < 2n ** 53n) return Number(n) / Number(d);
  const shift = Math.max(0, 64 - (absN.toString(2).length - d.toString(2).length));
  return Number((n << BigInt(shift)) / d) / 2 ** shift;
}

/**
 * Exact Fornberg weights for derivative `order` at offsets `offsets` (integers, distinct).
 * Returns one weight per offset.
 */
function fornberg(offsets: readonly number[], order: number): Rational[] {
  const a = offsets.map((o) => rat(BigInt(o)));
  const N = a.length - 1;
  const M = order;
  const zero = rat(0n);
  // d[m][nu] for the current n; update in place column by column.
  let prev: Rational[][] = Array.from({ length: M + 1 }, () => new Array<Rational>(N + 1).fill(zero));
  prev[0][0] = rat(1n);
  let c1 = rat(1n);
  for (let n = 1; n <= N; n++) {
    const next: Rational[][] = Array.from({ length: M + 1 }, () => new Array<Rational>(N + 1).fill(zero));
    let c2 = rat(1n);
    for (let nu = 0; nu < n; nu++) {
      const c3 = sub(a[n], a[nu]);
      c2 = mul(c2, c3);
      for (let m = 0; m <= Math.min(n, M); m++) {
        const t = mul(a[n], prev[m][nu]);
        const u = m > 0 ? mul(rat(BigInt(m)), prev[m - 1][nu]) : zero;
        next[m][nu] = div(sub(t, u), c3);
      }
    }
    for (let m = 0; m <= Math.min(n, M); m++) {
      const t = m > 0 ? mul(rat(BigInt(m)), prev[m - 1][n - 1]) : zero;
      const u = mul(a[n - 1], prev[m][n - 1]);
      next[m][n] = mul(div(c1, c2), sub(t, u));
    }
    c1 = c2;
    prev = next;
  }
  return prev[M];
}

const cache = new Map<string, Stencil>();

/**
 * The stencil for derivative `order` on the integer `offsets`, computed exactly by Fornberg's
 * algorithm and cached. Points whose exact weight is zero are dropped, so they cost no evaluation.
 *
 * @example
 * ```ts
 * stencil([-1, 0, 1], 1).weights; // => [-0.5, 0.5] (at offsets [-1, 1]: the zero weight is dropped)
 * stencil([-1, 0, 1], 2).weights; // => [1, -2, 1]
 * stencil([0, 1, 2], 1).weights; // => [-1.5, 2, -0.5]
 * ```
 */
export function stencil(offsets: readonly number[], order: number): Stencil {
  if (!(Number.isInteger(order) && order >= 0))
    throw invalid("INVALID_ORDER", "order", "an integer >= 0", order);
  if (!(offsets.length > order)) {
    throw invalid("INVALID_ACCURACY", "offsets", `at least ${order + 1} distinct integers`, offsets);
  }
  const sorted = [...offsets].sort((p, q) => p - q);
  for (let i = 0; i < sorted.length; i++) {
    if (!Number.isSafeInteger(sorted[i]) || (i > 0 && sorted[i] === sorted[i - 1])) {
      throw invalid("INVALID_ACCURACY", "offsets", "distinct safe integers", offsets);
    }
  }
  const key = `${order}:${sorted.join(",")}`;
  let s = cache.get(key);
  if (s === undefined) {
    const exact = fornberg(sorted, order);
    const keptOffsets: number[] = [];
    const weights: number[] = [];
    for (let i = 0; i < sorted.length; i++) {
      if (exact[i][0] === 0n) continue;
      keptOffsets.push(sorted[i]);
      weights.push(toNumber(exact[i]));
    }
    const weightSum = weights.reduce((acc, w) => acc + Math.abs(w), 0);
    s = Object.freeze({
      offsets: Object.freeze(keptOffsets),
      weights: Object.freeze(weights),
      order,
      weightSum,
    });
    cache.set(key, s);
  }
  return s;
}

/**
 * Offsets of the standard stencils: central (symmetric, truncation order `accuracy`, even) or
 * one-sided (forward: 0, 1, 2, …; backward: 0, -1, -2, …; truncation order `accuracy`).
 *
 * @example
 * ```ts
 * stencilOffsets("central", 1, 2);  // [-1, 0, 1]
 * stencilOffsets("central", 2, 4);  // [-2, -1, 0, 1, 2]
 * stencilOffsets("forward", 1, 2);  // [0, 1, 2]
 * stencilOffsets("backward", 1, 1); // => [-1, 0]
 * ```
 */
export function stencilOffsets(
  kind: "central" | "forward" | "backward",
  order: number,
  accuracy: number,
): number[] {
  const out: number[] = [];
  if (kind === "central") {
    // Central stencils of order n and even accuracy p need 2m+1 points, m = floor((n-1)/2) + p/2.
    const m = Math.floor((order - 1) / 2) + accuracy / 2;
    for (let k = -m; k <= m; k++) out.push(k);
  } else {
    // One-sided stencils of order n and accuracy p need n + p points.
    const sign = kind === "forward" ? 1 : -1;
    for (let k = 0; k < order + accuracy; k++) out.push(k === 0 ? 0 : sign * k);
    if (sign < 0) out.reverse();
  }
  return out;
}
