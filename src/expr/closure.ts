import type { CompareOp, Expr } from "./ir.js";

/**
 * A compiled formula: reads its variables from `v` by index.
 * @example
 * ```ts
 * const f: Closure = (v) => v[0] * 2;
 * ```
 */
export type Closure = (v: ArrayLike<number>) => number;

/**
 * One comparison of a formula, exactly as IEEE-754 compares (no tolerance).
 * @example
 * ```ts
 * compare("<=", 1, 2); // true
 * ```
 */
export function compare(op: CompareOp, a: number, b: number): boolean {
  switch (op) {
    case "<":
      return a < b;
    case ">":
      return a > b;
    case "<=":
      return a <= b;
    case ">=":
      return a >= b;
    case "==":
      return a === b;
    default:
      return a !== b;
  }
}

function sum(terms: Closure[], subtract: readonly boolean[]): Closure {
  if (terms.length === 2) {
    const [a, b] = terms;
    return subtract[1] ? (v) => a(v) - b(v) : (v) => a(v) + b(v);
  }
  const n = terms.length;
  if (!subtract.includes(true)) {
    return (v) => {
      let acc = terms[0](v);
      for (let i = 1; i < n; i++) acc += terms[i](v);
      return acc;
    };
  }
  return (v) => {
    let acc = terms[0](v);
    for (let i = 1; i < n; i++) acc = subtract[i] ? acc - terms[i](v) : acc + terms[i](v);
    return acc;
  };
}

function product(factors: Closure[], divide: readonly boolean[]): Closure {
  if (factors.length === 2) {
    const [a, b] = factors;
    return divide[1] ? (v) => a(v) / b(v) : (v) => a(v) * b(v);
  }
  const n = factors.length;
  if (!divide.includes(true)) {
    return (v) => {
      let acc = factors[0](v);
      for (let i = 1; i < n; i++) acc *= factors[i](v);
      return acc;
    };
  }
  return (v) => {
    let acc = factors[0](v);
    for (let i = 1; i < n; i++) acc = divide[i] ? acc / factors[i](v) : acc * factors[i](v);
    return acc;
  };
}

function power(base: Closure, exponent: Closure, e: Expr, index: ReadonlyMap<string, number>): Closure {
  if (e.kind === "power" && e.exponent.kind === "number") {
    const p = e.exponent.value;
    // x*x is the correctly rounded square, which is what Math.pow(x, 2) returns (IEEE-754 pow is
    // exact or correctly rounded for an exponent of 2), without the call.
    if (e.base.kind === "variable") {
      const i = index.get(e.base.name) as number;
      return p === 2 ? (v) => v[i] * v[i] : (v) => Math.pow(v[i], p);
    }
    return p === 2
      ? (v) => {
          const b = base(v);
          return b * b;
        }
      : (v) => Math.pow(base(v), p);
  }
  return (v) => Math.pow(base(v), exponent(v));
}

function call(fn: (...args: number[]) => number, args: Closure[]): Closure {
  switch (args.length) {
    case 1: {
      const [a] = args;
      return (v) => fn(a(v));
    }
    case 2: {
      const [a, b] = args;
      return (v) => fn(a(v), b(v));
    }
    default:
      return (v) => fn(...args.map((a) => a(v)));
  }
}

/**
 * Compiles a validated formula into a tree of closures, once; evaluating it then costs one closure call
 * per node and the arithmetic. No `eval` and no `new Function`: the explorer runs under a strict CSP.
 * Subtrees without variables are folded to their value at compile time.
 *
 * Comparisons give 1 or 0, and NaN when either side is NaN; a conditional whose test is NaN is NaN.
 * Comparisons are exact IEEE-754 comparisons (math.js compares numbers with a relative tolerance of
 * 1e-12; numdiff does not, so a finite difference near a branch sees the branch where it is).
 *
 * @param e - the formula.
 * @param index - the position of each variable in the array passed to the closure.
 * @example
 * ```ts
 * const f = compileExpr(parseFormula("x^2 + 1").expr, new Map([["x", 0]]));
 * f([3]); // 10
 * ```
 */
export function compileExpr(e: Expr, index: ReadonlyMap<string, number>): Closure {
  const compiled = compileNode(e, index);
  if (!usesVariables(e)) {
    const value = compiled([]);
    return () => value;
  }
  return compiled;
}

function usesVariables(e: Expr): boolean {
  switch (e.kind) {
    case "number":
      return false;
    case "variable":
      return true;
    case "negate":
      return usesVariables(e.arg);
    case "sum":
      return e.terms.some(usesVariables);
    case "product":
      return e.factors.some(usesVariables);
    case "power":
      return usesVariables(e.base) || usesVariables(e.exponent);
    case "compare":
    case "call":
      return e.args.some(usesVariables);
    case "conditional":
      return usesVariables(e.test) || usesVariables(e.then) || usesVariables(e.otherwise);
    case "pick":
      return e.args.some(usesVariables) || e.values.some(usesVariables);
  }
}

function compileNode(e: Expr, index: ReadonlyMap<string, number>): Closure {
  const sub = (x: Expr): Closure => compileExpr(x, index);
  switch (e.kind) {
    case "number": {
      const value = e.value;
      return () => value;
    }
    case "variable": {
      const i = index.get(e.name) as number;
      return (v) => v[i];
    }
    case "negate": {
      const a = sub(e.arg);
      return (v) => -a(v);
    }
    case "sum":
      return sum(e.terms.map(sub), e.subtract);
    case "product":
      return product(e.factors.map(sub), e.divide);
    case "power":
      return power(sub(e.base), sub(e.exponent), e, index);
    case "compare": {
      const args = e.args.map(sub);
      const ops = e.ops;
      return (v) => {
        let a = args[0](v);
        let result = 1;
        for (let i = 0; i < ops.length; i++) {
          const b = args[i + 1](v);
          if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
          if (!compare(ops[i], a, b)) result = 0;
          a = b;
        }
        return result;
      };
    }
    case "conditional": {
      const [test, then, otherwise] = [sub(e.test), sub(e.then), sub(e.otherwise)];
      return (v) => {
        const t = test(v);
        return t !== t ? NaN : t !== 0 ? then(v) : otherwise(v);
      };
    }
    case "call":
      return call(e.fn.apply, e.args.map(sub));
    case "pick":
      throw new Error("a pick is compiled by ./program.ts");
  }
}
