import { children } from "./builder.js";
import { compare, type Closure } from "./closure.js";
import type { Expr } from "./ir.js";

/** One step of a program: the value of one node from the slots of its children. */
type Step = (s: Float64Array, v: ArrayLike<number>) => number;

function step(e: Expr, c: readonly number[], index: ReadonlyMap<string, number>): Step {
  switch (e.kind) {
    case "number": {
      const value = e.value;
      return () => value;
    }
    case "variable": {
      const i = index.get(e.name);
      if (i === undefined) throw new Error(`unknown variable ${e.name}`);
      return (_, v) => v[i];
    }
    case "negate": {
      const [a] = c;
      return (s) => -s[a];
    }
    case "sum": {
      const minus = e.subtract;
      return (s) => {
        let acc = s[c[0]];
        for (let i = 1; i < c.length; i++) acc = minus[i] ? acc - s[c[i]] : acc + s[c[i]];
        return acc;
      };
    }
    case "product": {
      const over = e.divide;
      return (s) => {
        let acc = s[c[0]];
        for (let i = 1; i < c.length; i++) acc = over[i] ? acc / s[c[i]] : acc * s[c[i]];
        return acc;
      };
    }
    case "power": {
      const [b, p] = c;
      if (e.exponent.kind === "number" && e.exponent.value === 2) return (s) => s[b] * s[b];
      return (s) => Math.pow(s[b], s[p]);
    }
    case "compare":
      return (s) => {
        let result = 1;
        for (let i = 0; i < e.ops.length; i++) {
          const [a, b] = [s[c[i]], s[c[i + 1]]];
          if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
          if (!compare(e.ops[i], a, b)) result = 0;
        }
        return result;
      };
    case "conditional": {
      const [t, a, b] = c;
      return (s) => {
        const test = s[t];
        return test !== test ? NaN : test !== 0 ? s[a] : s[b];
      };
    }
    case "pick":
      return pickStep(e.mode, c.slice(0, e.args.length), c.slice(e.args.length));
    case "call": {
      const fn = e.fn.apply;
      if (c.length === 1) return (s) => fn(s[c[0]]);
      if (c.length === 2) return (s) => fn(s[c[0]], s[c[1]]);
      return (s) => fn(...c.map((k) => s[k]));
    }
  }
}

function pickStep(mode: "min" | "max", args: readonly number[], values: readonly number[]): Step {
  const sign = mode === "max" ? 1 : -1;
  return (s) => {
    let best = 0;
    let top = sign * s[args[0]];
    for (let i = 0; i < args.length; i++) {
      const a = sign * s[args[i]];
      if (a !== a) return NaN;
      if (a > top) [best, top] = [i, a];
    }
    return s[values[best]];
  };
}

/**
 * Compiles a formula whose subformulas may be shared (an analytic derivative) into a straight-line
 * program: one step per distinct node, in an order where children come first, each value kept in a
 * slot. Evaluation is one loop over the steps, so its cost is the number of distinct nodes however
 * often they are shared, and neither compiling nor evaluating recurses. Steps without variables are
 * computed once, here. Conditionals compute both branches (formulas have no side effects; a NaN in the
 * branch not taken is not seen).
 *
 * @param index - the position of each variable in the array passed to the result.
 * @example
 * ```ts
 * const x: Expr = { kind: "variable", name: "x" };
 * compileProgram({ kind: "product", factors: [x, x], divide: [false, false] }, new Map([["x", 0]]))([3]); // 9
 * ```
 */
export function compileProgram(root: Expr, index: ReadonlyMap<string, number>): Closure {
  const slot = new Map<Expr, number>();
  const fixed: number[] = [];
  const steps: Step[] = [];
  const targets: number[] = [];
  const isFixed: boolean[] = [];
  const stack: [Expr, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const [e, ready] = stack.pop() as [Expr, boolean];
    if (slot.has(e)) continue;
    const kids = children(e);
    if (!ready) {
      stack.push([e, true]);
      for (const k of kids) if (!slot.has(k)) stack.push([k, false]);
      continue;
    }
    const c = kids.map((k) => slot.get(k) as number);
    const k = fixed.length;
    const run = step(e, c, index);
    const constant = e.kind !== "variable" && c.every((j) => isFixed[j]);
    // Steps only read their children's slots, so the plain array serves while it grows.
    fixed.push(constant ? run(fixed as unknown as Float64Array, []) : 0);
    isFixed.push(constant);
    if (!constant) {
      steps.push(run);
      targets.push(k);
    }
    slot.set(e, k);
  }
  const s = Float64Array.from(fixed);
  const out = slot.get(root) as number;
  const n = steps.length;
  return (v) => {
    for (let i = 0; i < n; i++) s[targets[i]] = steps[i](s, v);
    return s[out];
  };
}
