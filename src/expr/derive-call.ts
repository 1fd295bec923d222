import type { Builder } from "./builder.js";
import type { Expr } from "./ir.js";

/**
 * The derivative of a call of a whitelisted function, by the chain rule, given the derivatives of its
 * arguments. Real-valued throughout: d cbrt(u) = u' / (3 cbrt(u)²) holds for u < 0, d|u| = sign(u) u',
 * and no rule rewrites a function into another that differs on part of the real line.
 * sign, floor and ceil are piecewise constant: derivative 0 between their jumps. min and max follow
 * the argument they pick.
 *
 * @param node - the call itself (reused where the derivative contains it: exp, hypot).
 * @param d - the derivatives of the arguments.
 * @example
 * ```ts
 * // d sin(x)/dx = cos(x) * 1 = cos(x)
 * callRule(new Builder(), sinOfX, [ONE]);
 * ```
 */
export function callRule(b: Builder, node: Extract<Expr, { kind: "call" }>, d: readonly Expr[]): Expr {
  const args = node.args;
  const [u] = args;
  const [du] = d;
  const zero = (e: Expr): boolean => e.kind === "number" && e.value === 0;
  if (d.every(zero)) return b.number(0);
  const num = (v: number): Expr => b.number(v);
  const over = (top: Expr, bottom: Expr): Expr => b.product([top, bottom], [false, true]);
  const times = (...fs: Expr[]): Expr =>
    b.product(
      fs,
      fs.map(() => false),
    );
  const square = (e: Expr): Expr => b.power(e, num(2));
  const call = (name: string, e: Expr): Expr => b.call(name, [e]);
  switch (node.name) {
    case "sqrt":
      return over(du, times(num(2), node));
    case "cbrt":
      return over(du, times(num(3), square(node)));
    case "exp":
      return times(node, du);
    case "expm1":
      return times(call("exp", u), du);
    case "log":
      return args.length === 1 ? over(du, u) : logBase(b, u, args[1], du, d[1]);
    case "log1p":
      return over(du, b.sum([num(1), u], [false, false]));
    case "log2":
      return over(du, times(u, call("log", num(2))));
    case "log10":
      return over(du, times(u, call("log", num(10))));
    case "sin":
      return times(call("cos", u), du);
    case "cos":
      return b.negate(times(call("sin", u), du));
    case "tan":
      return over(du, square(call("cos", u)));
    case "asin":
      return over(du, call("sqrt", b.sum([num(1), square(u)], [false, true])));
    case "acos":
      return b.negate(over(du, call("sqrt", b.sum([num(1), square(u)], [false, true]))));
    case "atan":
      return over(du, b.sum([num(1), square(u)], [false, false]));
    case "atan2": {
      const [y, x] = args;
      const top = b.sum([times(x, d[0]), times(y, d[1])], [false, true]);
      return over(top, b.sum([square(x), square(y)], [false, false]));
    }
    case "sinh":
      return times(call("cosh", u), du);
    case "cosh":
      return times(call("sinh", u), du);
    case "tanh":
      return over(du, square(call("cosh", u)));
    case "asinh":
      return over(du, call("sqrt", b.sum([square(u), num(1)], [false, false])));
    case "acosh":
      return over(du, call("sqrt", b.sum([square(u), num(1)], [false, true])));
    case "atanh":
      return over(du, b.sum([num(1), square(u)], [false, true]));
    case "abs":
      return times(call("sign", u), du);
    case "sign":
    case "floor":
    case "ceil":
      return num(0);
    case "min":
    case "max":
      return args.length === 1 ? du : b.pick(node.name, args, d);
    case "pow":
      return powerRule(b, b.power(args[0], args[1]), d[0], d[1]);
    case "hypot": {
      const terms = args.map((a, i) => times(a, d[i]));
      return over(
        b.sum(
          terms,
          terms.map(() => false),
        ),
        node,
      );
    }
    default:
      throw new Error(`no derivative rule for ${node.name}`);
  }
}

/** d log_b(u) = (u'/u - log_b(u) b'/b) / log(b), from log_b(u) = log(u) / log(b). */
function logBase(b: Builder, u: Expr, base: Expr, du: Expr, dBase: Expr): Expr {
  const logB = b.call("log", [base]);
  const first = b.product([du, u, logB], [false, true, true]);
  const second = b.product([b.call("log", [u, base]), dBase, base, logB], [false, false, true, true]);
  return b.sum([first, second], [false, true]);
}

/**
 * The derivative of u^v. With v free of the variable, v·u^(v-1)·u' (so (x²)^(1/2) at -2 gives -1 and
 * (x²)^1.5 gives 3x|x|: the base is never merged into the exponent); with u free of it,
 * u^v·log(u)·v'; else u^v·(v'·log(u) + v·u'/u).
 *
 * @example
 * ```ts
 * const b = new Builder();
 * const x: Expr = { kind: "variable", name: "x" };
 * powerRule(b, b.power(x, b.number(3)), ONE, ZERO); // 3 * x ^ 2
 * ```
 */
export function powerRule(b: Builder, node: Expr, du: Expr, dv: Expr): Expr {
  if (node.kind !== "power") return b.number(0);
  const { base: u, exponent: v } = node;
  const isZero = (e: Expr): boolean => e.kind === "number" && e.value === 0;
  if (isZero(du) && isZero(dv)) return b.number(0);
  if (isZero(dv)) {
    const lowered = b.power(u, b.sum([v, b.number(1)], [false, true]));
    return b.product([v, lowered, du], [false, false, false]);
  }
  const logU = b.call("log", [u]);
  if (isZero(du)) return b.product([node, logU, dv], [false, false, false]);
  const inner = b.sum(
    [b.product([dv, logU], [false, false]), b.product([v, du, u], [false, false, true])],
    [false, false],
  );
  return b.product([node, inner], [false, false]);
}
