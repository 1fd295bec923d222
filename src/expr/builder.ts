import { exactProduct, exactQuotient, exactSum } from "./exact-arithmetic.js";
import { FUNCTIONS, lookup } from "./functions.js";
import type { Expr } from "./ir.js";
import { MAX_ANALYTIC_DEPTH, MAX_ANALYTIC_NODES } from "./limits.js";

/**
 * Why an analytic derivative was abandoned (too large or too deep): the exact value is then unknown,
 * never wrong. Thrown inside the derivative, turned into a reason by ./analytic.ts.
 * @example
 * ```ts
 * new GiveUp("the exact derivative needs more than 200000 nodes").reason;
 * ```
 */
export class GiveUp extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "GiveUp";
  }
}

/**
 * The number 0, shared.
 * @example
 * ```ts
 * ZERO.kind; // "number"
 * ```
 */
export const ZERO: Expr = Object.freeze({ kind: "number", value: 0 });
/**
 * The number 1, shared.
 * @example
 * ```ts
 * ONE.kind; // "number"
 * ```
 */
export const ONE: Expr = Object.freeze({ kind: "number", value: 1 });

const depths = new WeakMap<Expr, number>();

/**
 * The children of a node, in order.
 * @example
 * ```ts
 * children({ kind: "negate", arg: ONE }); // [ONE]
 * ```
 */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case "number":
    case "variable":
      return [];
    case "negate":
      return [e.arg];
    case "sum":
      return e.terms;
    case "product":
      return e.factors;
    case "power":
      return [e.base, e.exponent];
    case "compare":
    case "call":
      return e.args;
    case "conditional":
      return [e.test, e.then, e.otherwise];
    case "pick":
      return [...e.args, ...e.values];
  }
}

/**
 * Levels below and including a node (1 for a number), cached per node. Nodes are only ever built on
 * nodes whose depth is known or small, so the recursion is bounded by {@link MAX_ANALYTIC_DEPTH}.
 * @example
 * ```ts
 * depthOf({ kind: "negate", arg: ONE }); // 2
 * ```
 */
export function depthOf(e: Expr): number {
  // Nodes built here carry their depth; nodes of a parsed formula have it cached on first use.
  const own = (e as { readonly depth?: number }).depth;
  if (own !== undefined) return own;
  let d = depths.get(e);
  if (d === undefined) {
    d = 1;
    for (const c of children(e)) d = Math.max(d, 1 + depthOf(c));
    depths.set(e, d);
  }
  return d;
}

function withDepth<T extends Expr>(e: T): T & { readonly depth: number } {
  let d = 1;
  for (const c of children(e)) d = Math.max(d, 1 + depthOf(c));
  return Object.assign(e, { depth: d });
}

function isNumber(e: Expr, value?: number): e is Extract<Expr, { kind: "number" }> {
  return e.kind === "number" && (value === undefined || e.value === value);
}

/**
 * Longest product merged into an enclosing product by {@link Builder.product}: merging copies the
 * inner factors, so a bound keeps the cost per node constant (and the shared products of the product
 * rule shared).
 *
 * @default 4
 * @example
 * ```ts
 * FLATTEN_LIMIT; // 4
 * ```
 */
export const FLATTEN_LIMIT = 4;

function flatten(factors: readonly Expr[], divide: readonly boolean[]): [Expr[], boolean[]] {
  const out: Expr[] = [];
  const flags: boolean[] = [];
  factors.forEach((f, i) => {
    const div = i > 0 && divide[i];
    if (f.kind === "product" && !div && f.factors.length <= FLATTEN_LIMIT) {
      f.factors.forEach((g, j) => {
        out.push(g);
        flags.push(j > 0 && f.divide[j]);
      });
    } else {
      out.push(f);
      flags.push(div);
    }
  });
  return [out, flags];
}

/**
 * Builds the nodes of a derivative, counting them against a budget and keeping them shallower than
 * {@link MAX_ANALYTIC_DEPTH}. Its constructors simplify only where the value cannot change: `0 + a`,
 * `1 * a`, `a ^ 1`, `0 * a` (a term free of the variable), and numbers folded when the result is
 * exact in doubles (./exact-arithmetic.ts). Nothing is ever rounded or dropped.
 *
 * @example
 * ```ts
 * const b = new Builder();
 * b.product([b.number(2), { kind: "variable", name: "x" }], [false, false]); // 2 * x
 * b.built; // 1
 * ```
 */
export class Builder {
  /** Work so far: nodes built, plus nodes of the input visited ({@link Builder.visit}). */
  built = 0;

  constructor(private readonly budget = MAX_ANALYTIC_NODES) {}

  /** Counts one node of the input visited by the derivative (each node is visited once). */
  visit(): void {
    if (++this.built > this.budget) {
      throw new GiveUp(`the exact derivative needs more than ${this.budget} nodes`);
    }
  }

  private make<T extends Expr>(e: T): T {
    this.visit();
    if (withDepth(e).depth > MAX_ANALYTIC_DEPTH) {
      throw new GiveUp(`the exact derivative is nested deeper than ${MAX_ANALYTIC_DEPTH} levels`);
    }
    return e;
  }

  /** A number. */
  number(value: number): Expr {
    return value === 0 && !Object.is(value, -0)
      ? ZERO
      : value === 1
        ? ONE
        : this.make({ kind: "number", value });
  }

  /** -a. */
  negate(a: Expr): Expr {
    if (isNumber(a)) return this.number(-a.value);
    if (a.kind === "negate") return a.arg;
    return this.make({ kind: "negate", arg: a });
  }

  /** terms[0] ± terms[1] ± …, left to right; `subtract[i]` subtracts term i (i > 0). */
  sum(terms: readonly Expr[], subtract: readonly boolean[]): Expr {
    const kept: Expr[] = [];
    const minus: boolean[] = [];
    let c = 0;
    terms.forEach((term, i) => {
      // a - (-b) is a + b exactly: the sign moves onto the operator.
      const t = term.kind === "negate" ? term.arg : term;
      const sub = (i > 0 && subtract[i]) !== (term.kind === "negate");
      if (isNumber(t)) {
        const folded = exactSum(c, sub ? -t.value : t.value);
        if (folded !== undefined) return void (c = folded);
      }
      kept.push(t);
      minus.push(sub);
    });
    if (c !== 0) {
      kept.push(this.number(Math.abs(c)));
      minus.push(c < 0);
    }
    const first = minus.indexOf(false);
    if (first < 0)
      return kept.length === 0
        ? ZERO
        : this.negate(
            this.sum(
              kept,
              kept.map(() => false),
            ),
          );
    if (kept.length === 1) return kept[0];
    if (first > 0) {
      kept.unshift(...kept.splice(first, 1));
      minus.splice(first, 1);
      minus.unshift(false);
    }
    return this.make({ kind: "sum", terms: kept, subtract: minus });
  }

  /**
   * factors[0] × or ÷ factors[1] …, left to right; `divide[i]` divides by factor i (i > 0). A factor
   * that is itself a short product (at most {@link FLATTEN_LIMIT} factors) is merged in, so its numbers
   * fold with the others: 0.01 * (2 * x) is 0.02 * x.
   */
  product(factors: readonly Expr[], divide: readonly boolean[]): Expr {
    const kept: Expr[] = [];
    const over: boolean[] = [];
    let c = 1;
    const [flat, flatDivide] = flatten(factors, divide);
    for (let i = 0; i < flat.length; i++) {
      // a * (-b) is -(a * b) exactly: the sign moves out, where a sum can take it.
      const f = flat[i].kind === "negate" ? (flat[i] as { arg: Expr }).arg : flat[i];
      if (f !== flat[i]) c = -c;
      const div = i > 0 && flatDivide[i];
      if (isNumber(f)) {
        if (f.value === 0 && !div) return ZERO;
        const folded = div ? exactQuotient(c, f.value) : exactProduct(c, f.value);
        if (folded !== undefined && folded !== 0) {
          c = folded;
          continue;
        }
      }
      kept.push(f);
      over.push(div);
    }
    const sign = c < 0 ? -1 : 1;
    if (c * sign !== 1) {
      kept.unshift(this.number(c * sign));
      over.unshift(false);
    }
    let result: Expr;
    if (kept.length === 0) result = ONE;
    else if (kept.length === 1 && !over[0]) result = kept[0];
    else {
      if (over[0]) {
        kept.unshift(ONE);
        over.unshift(false);
      }
      over[0] = false;
      result = this.make({ kind: "product", factors: kept, divide: over });
    }
    return sign < 0 ? this.negate(result) : result;
  }

  /** base ^ exponent. */
  power(base: Expr, exponent: Expr): Expr {
    if (isNumber(exponent, 1)) return base;
    if (isNumber(exponent, 0)) return ONE;
    return this.make({ kind: "power", base, exponent });
  }

  /** A call of a whitelisted function. */
  call(name: string, args: readonly Expr[]): Expr {
    const fn = lookup(FUNCTIONS, name);
    if (fn === undefined) throw new Error(`not a formula function: ${name}`);
    return this.make({ kind: "call", name, fn, args });
  }

  /** test ? then : otherwise. */
  conditional(test: Expr, then: Expr, otherwise: Expr): Expr {
    if (isNumber(then) && isNumber(otherwise) && Object.is(then.value, otherwise.value)) return then;
    return this.make({ kind: "conditional", test, then, otherwise });
  }

  /** values[i] at the first largest (smallest) args[i]. */
  pick(mode: "min" | "max", args: readonly Expr[], values: readonly Expr[]): Expr {
    if (values.every((v) => isNumber(v, 0))) return ZERO;
    return this.make({ kind: "pick", mode, args, values });
  }
}
