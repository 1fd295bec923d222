import type { Expr } from "./ir.js";
import { MAX_SOURCE_LENGTH } from "./limits.js";

/** Binding strength of a node's text: the lower, the more often it needs parentheses. */
function precedence(e: Expr): number {
  switch (e.kind) {
    case "conditional":
    case "pick":
      return 0;
    case "compare":
      return 1;
    case "sum":
      return 2;
    case "product":
    case "negate":
      return 3;
    case "power":
      return 4;
    case "number":
      return e.value < 0 || Object.is(e.value, -0) ? 3 : 5;
    default:
      return 5;
  }
}

class Full extends Error {}

class Writer {
  private readonly parts: string[] = [];
  private length = 0;
  constructor(private readonly cap: number) {}

  put(text: string): void {
    this.parts.push(text);
    this.length += text.length;
    if (this.length > this.cap) throw new Full();
  }

  text(): string {
    return this.parts.join("");
  }

  /** `e`, in parentheses when it binds less tightly than `least`. */
  child(e: Expr, least: number): void {
    if (precedence(e) >= least) return this.write(e);
    this.put("(");
    this.write(e);
    this.put(")");
  }

  list(items: readonly Expr[], separators: (i: number) => string, least: (i: number) => number): void {
    items.forEach((item, i) => {
      if (i > 0) this.put(separators(i));
      this.child(item, least(i));
    });
  }

  write(e: Expr): void {
    switch (e.kind) {
      case "number":
        return this.put(Object.is(e.value, -0) ? "-0" : String(e.value));
      case "variable":
        return this.put(e.name);
      case "negate":
        this.put("-");
        return this.child(e.arg, 3);
      case "sum":
        return this.list(
          e.terms,
          (i) => (e.subtract[i] ? " - " : " + "),
          (i) => (i === 0 ? 2 : 3),
        );
      case "product":
        return this.list(
          e.factors,
          (i) => (e.divide[i] ? " / " : " * "),
          (i) => (i === 0 ? 3 : 4),
        );
      case "power":
        this.child(e.base, 5);
        this.put(" ^ ");
        return this.child(e.exponent, 4);
      case "compare":
        return this.list(
          e.args,
          (i) => ` ${e.ops[i - 1]} `,
          () => 2,
        );
      case "conditional":
        this.child(e.test, 1);
        this.put(" ? ");
        this.child(e.then, 1);
        this.put(" : ");
        return this.child(e.otherwise, 0);
      case "pick":
        return this.pick(e, 0);
      case "call":
        this.put(e.name + "(");
        this.list(
          e.args,
          () => ", ",
          () => 0,
        );
        return this.put(")");
    }
  }

  /** values[i] at the first extremum, as formula text: `a0 >= max(a1, …) ? v0 : (a1 >= … )`. */
  private pick(e: Extract<Expr, { kind: "pick" }>, i: number): void {
    const n = e.args.length;
    if (i === n - 1) return this.child(e.values[i], 1);
    this.child(e.args[i], 2);
    this.put(e.mode === "max" ? " >= " : " <= ");
    if (i === n - 2) this.child(e.args[i + 1], 2);
    else {
      this.put(e.mode + "(");
      this.list(
        e.args.slice(i + 1),
        () => ", ",
        () => 0,
      );
      this.put(")");
    }
    this.put(" ? ");
    this.child(e.values[i], 1);
    this.put(" : ");
    if (i === n - 2) return this.child(e.values[n - 1], 1);
    this.put("(");
    this.pick(e, i + 1);
    this.put(")");
  }
}

/**
 * A formula as text that numdiff's parser reads back to the same formula (same evaluation order, so
 * the same values), with parentheses only where they are needed. Shared subformulas are written out
 * each time; the text stops at `cap` characters and then ends in "…".
 *
 * @example
 * ```ts
 * printExpr(parseFormula("(x + 1) * 2 ^ -x").expr); // "(x + 1) * 2 ^ (-x)"
 * ```
 */
export function printExpr(e: Expr, cap = MAX_SOURCE_LENGTH): string {
  const w = new Writer(cap);
  try {
    w.write(e);
    return w.text();
  } catch (error) {
    if (!(error instanceof Full)) throw error;
    return w.text().slice(0, cap) + "…";
  }
}
