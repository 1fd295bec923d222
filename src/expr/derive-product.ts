import type { Builder } from "./builder.js";
import type { Expr } from "./ir.js";

/**
 * Above this many factors whose derivative is not zero, the product rule shares the products of the
 * other factors through a balanced tree of partial products (O(n log n) nodes, depth O(log n))
 * instead of writing each term out (n² nodes). Below it the terms are written out, which reads best.
 *
 * @default 3
 * @example
 * ```ts
 * PRODUCT_TREE_THRESHOLD; // 3
 * ```
 */
export const PRODUCT_TREE_THRESHOLD = 3;

interface Factor {
  readonly e: Expr;
  readonly divide: boolean;
}

/** The product of factors[lo, hi) as one node; cached per range (a segment of the balanced tree). */
class Segments {
  private readonly cache = new Map<string, Expr>();
  constructor(
    private readonly b: Builder,
    private readonly factors: readonly Factor[],
  ) {}

  of(lo: number, hi: number): Expr {
    const key = `${lo}:${hi}`;
    let e = this.cache.get(key);
    if (e === undefined) {
      if (hi - lo === 1) {
        const f = this.factors[lo];
        e = f.divide ? this.b.product([this.b.number(1), f.e], [false, true]) : f.e;
      } else {
        const mid = (lo + hi) >> 1;
        e = this.b.product([this.of(lo, mid), this.of(mid, hi)], [false, false]);
      }
      this.cache.set(key, e);
    }
    return e;
  }

  /** The segments that tile [lo, hi), pushed onto `out`. */
  tile(lo: number, hi: number, out: Expr[], nodeLo = 0, nodeHi = this.factors.length): void {
    if (hi <= nodeLo || nodeHi <= lo || lo >= hi) return;
    if (lo <= nodeLo && nodeHi <= hi) return void out.push(this.of(nodeLo, nodeHi));
    const mid = (nodeLo + nodeHi) >> 1;
    this.tile(lo, hi, out, nodeLo, mid);
    this.tile(lo, hi, out, mid, nodeHi);
  }
}

/** d(1/a) = -a' / a / a. */
function reciprocalDerivative(b: Builder, a: Expr, da: Expr): Expr {
  return b.negate(b.product([da, a, a], [false, true, true]));
}

/**
 * The product rule for f = a₀ ×/÷ a₁ ×/÷ …: Σᵢ (the other factors) · d(aᵢ^±1), with d(1/a) = -a'/a².
 * Terms whose factor's derivative is 0 are left out.
 *
 * @param derivatives - the derivative of each factor (not of its reciprocal).
 * @example
 * ```ts
 * // d(x * y)/dx with derivatives [1, 0]: y
 * productRule(new Builder(), [x, y], [false, false], [ONE, ZERO]);
 * ```
 */
export function productRule(
  b: Builder,
  factors: readonly Expr[],
  divide: readonly boolean[],
  derivatives: readonly Expr[],
): Expr {
  const items: Factor[] = factors.map((e, i) => ({ e, divide: i > 0 && divide[i] }));
  const live = derivatives.flatMap((d, i) => (d.kind === "number" && d.value === 0 ? [] : [i]));
  const segments = live.length > PRODUCT_TREE_THRESHOLD ? new Segments(b, items) : null;
  const terms = live.map((i) => {
    const { e, divide: div } = items[i];
    const own = div ? reciprocalDerivative(b, e, derivatives[i]) : derivatives[i];
    if (segments === null) {
      const others = items.filter((_, j) => j !== i);
      return b.product([own, ...others.map((f) => f.e)], [false, ...others.map((f) => f.divide)]);
    }
    const parts: Expr[] = [];
    segments.tile(0, i, parts);
    segments.tile(i + 1, items.length, parts);
    return b.product([own, ...parts], [false, ...parts.map(() => false)]);
  });
  return b.sum(
    terms,
    terms.map(() => false),
  );
}
