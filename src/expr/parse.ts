import type { MathNode } from "mathjs";
import { FormulaError } from "./errors.js";
import { CONSTANTS, FUNCTIONS, lookup, type FormulaFunction } from "./functions.js";
import type { CompareOp, Expr } from "./ir.js";
import { mathParse } from "./mathjs.js";
import { isReservedName, isUnitName } from "./names.js";
import { scanFormula, type Token } from "./scan.js";

/** The parts of math.js's node classes the whitelist walk reads. */
interface AnyNode {
  readonly type: string;
  readonly name?: string;
  readonly value?: unknown;
  readonly fn?: AnyNode | string;
  readonly op?: string;
  readonly args?: readonly AnyNode[];
  readonly content?: AnyNode;
  readonly condition?: AnyNode;
  readonly trueExpr?: AnyNode;
  readonly falseExpr?: AnyNode;
  readonly conditionals?: readonly string[];
  readonly params?: readonly AnyNode[];
}

const COMPARE: Readonly<Record<string, CompareOp>> = {
  smaller: "<",
  larger: ">",
  smallerEq: "<=",
  largerEq: ">=",
  equal: "==",
  unequal: "!=",
};

const REFUSED_NODES: Readonly<Record<string, [string, string]>> = {
  AccessorNode: ["property access and indexing are not allowed", "."],
  IndexNode: ["indexing is not allowed", "["],
  ArrayNode: ["matrices are not allowed", "["],
  ObjectNode: ["objects are not allowed", "{"],
  RangeNode: ["ranges are not allowed", ":"],
  AssignmentNode: ["assignments are not allowed", "="],
  FunctionAssignmentNode: ["function definitions are not allowed", "="],
  BlockNode: ["only one expression is allowed", ";"],
};

/**
 * A formula after the whitelist walk.
 * @example
 * ```ts
 * parseFormula("x^2").expr.kind; // "power"
 * ```
 */
export interface ParsedFormula {
  /** math.js's tree of the formula, as its parser gave it (never evaluated). */
  readonly node: MathNode;
  /** The validated formula. */
  readonly expr: Expr;
  /** The variables found, in order of first appearance. */
  readonly names: readonly string[];
}

/**
 * How the walk resolves names.
 * @example
 * ```ts
 * parseFormula("x + y", { variables: ["x", "y"] }).names; // ["x", "y"]
 * ```
 */
export interface WalkOptions {
  /** The declared variables; when given, any other name is refused. */
  readonly variables?: readonly string[];
}

/**
 * Why `name` cannot be a variable, or null when it can.
 *
 * @example
 * ```ts
 * refuseVariableName("x0"); // null
 * refuseVariableName("sin"); // 'function "sin" used as a variable'
 * ```
 */
export function refuseVariableName(name: string): string | null {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return `variable name ${JSON.stringify(name)} is not a name`;
  if (lookup(CONSTANTS, name) !== undefined) return `"${name}" is a constant, not a variable`;
  if (lookup(FUNCTIONS, name) !== undefined) {
    return `function "${name}" used as a variable`;
  }
  if (isReservedName(name)) return `name "${name}" is reserved`;
  return null;
}

class Walker {
  readonly names: string[] = [];
  private readonly declared: ReadonlySet<string> | undefined;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly options: WalkOptions,
  ) {
    this.declared = options.variables ? new Set(options.variables) : undefined;
  }

  /** Where the first token satisfying `test` starts, if any. */
  private where(test: (t: Token, i: number) => boolean): number | undefined {
    const i = this.tokens.findIndex(test);
    return i < 0 ? undefined : this.tokens[i].position;
  }

  private whereName(name: string, call?: boolean): number | undefined {
    return this.where(
      (t, i) =>
        t.kind === "name" &&
        t.text === name &&
        (call === undefined || (this.tokens[i + 1]?.kind === "(") === call),
    );
  }

  private fn(name: string): FormulaFunction | undefined {
    return lookup(FUNCTIONS, name);
  }

  walk(node: AnyNode): Expr {
    switch (node.type) {
      case "ParenthesisNode":
        return this.walk(node.content as AnyNode);
      case "ConstantNode":
        return this.constant(node);
      case "SymbolNode":
        return this.symbol(node.name as string);
      case "OperatorNode":
        return this.operator(node);
      case "FunctionNode":
        return this.call(node);
      case "ConditionalNode":
        return {
          kind: "conditional",
          test: this.walk(node.condition as AnyNode),
          then: this.walk(node.trueExpr as AnyNode),
          otherwise: this.walk(node.falseExpr as AnyNode),
        };
      case "RelationalNode":
        return {
          kind: "compare",
          ops: (node.conditionals ?? []).map((c) => this.compareOp(c)),
          args: (node.params ?? []).map((p) => this.walk(p)),
        };
      default: {
        const [detail, text] = REFUSED_NODES[node.type] ?? [`${node.type} is not allowed`, ""];
        throw new FormulaError(detail, text ? this.where((t) => t.text === text) : undefined);
      }
    }
  }

  private compareOp(fn: string): CompareOp {
    const op = lookup(COMPARE, fn);
    if (op === undefined) throw new FormulaError(`comparison "${fn}" is not allowed`);
    return op;
  }

  private constant(node: AnyNode): Expr {
    const v = node.value;
    if (typeof v === "number") return { kind: "number", value: v };
    if (typeof v === "string")
      throw new FormulaError(
        "strings are not allowed",
        this.where((t) => t.text === '"'),
      );
    const text = String(v);
    throw new FormulaError(`constant "${text}" is not allowed`, this.whereName(text));
  }

  private symbol(name: string): Expr {
    if (this.declared?.has(name)) return this.variable(name);
    const constant = lookup(CONSTANTS, name);
    if (constant !== undefined) return { kind: "number", value: constant };
    if (this.fn(name) !== undefined) {
      throw new FormulaError(`function "${name}" used as a variable`, this.whereName(name, false));
    }
    const refusal = refuseVariableName(name);
    if (refusal !== null) {
      const detail = refusal.startsWith("name") ? `name "${name}" is not allowed` : refusal;
      throw new FormulaError(detail, this.whereName(name));
    }
    if (this.declared !== undefined) {
      const expected = this.options.variables?.join(", ") || "no variables";
      throw new FormulaError(`unknown variable "${name}"; expected ${expected}`, this.whereName(name));
    }
    if (isUnitName(name)) {
      // A unit after a number, as math.js reads it: `5 cm`, `5cm`, `10 s`. A one-letter name written
      // against its number (`2t`, `3s`) is read as a product with a variable, as people write it.
      const unit = this.where((t, i) => {
        const before = this.tokens[i - 1];
        if (t.text !== name || before?.kind !== "number") return false;
        return name.length > 1 || before.position + before.text.length < t.position;
      });
      if (unit !== undefined) {
        throw new FormulaError(`units are not allowed ("${name}"); write * for a product`, unit);
      }
    }
    return this.variable(name);
  }

  private variable(name: string): Expr {
    if (!this.names.includes(name)) this.names.push(name);
    return { kind: "variable", name };
  }

  private operator(node: AnyNode): Expr {
    const args = node.args ?? [];
    const fn = node.fn as string;
    if ((fn === "unaryMinus" || fn === "unaryPlus") && args.length === 1) {
      const arg = this.walk(args[0]);
      return fn === "unaryMinus" ? { kind: "negate", arg } : arg;
    }
    if (fn === "add" || fn === "subtract") return this.chain(node, "sum");
    if (fn === "multiply" || fn === "divide") return this.chain(node, "product");
    if (fn === "pow" && args.length === 2) {
      return { kind: "power", base: this.walk(args[0]), exponent: this.walk(args[1]) };
    }
    const op = lookup(COMPARE, fn);
    if (op !== undefined && args.length === 2) {
      return { kind: "compare", ops: [op], args: [this.walk(args[0]), this.walk(args[1])] };
    }
    const text = node.op ?? fn;
    throw new FormulaError(
      `operator "${text}" is not allowed`,
      this.where((t) => t.text === text),
    );
  }

  /** A left-deep chain of + - (or * /) as one flat list, walked without recursing down the chain. */
  private chain(node: AnyNode, kind: "sum" | "product"): Expr {
    const [first, second] = kind === "sum" ? ["add", "subtract"] : ["multiply", "divide"];
    const rights: AnyNode[] = [];
    const inverted: boolean[] = [];
    let left = node;
    for (;;) {
      const fn = left.fn;
      const args = left.args ?? [];
      if (left.type !== "OperatorNode" || (fn !== first && fn !== second) || args.length < 2) break;
      if (fn === second && args.length !== 2) break;
      for (let i = args.length - 1; i >= 1; i--) {
        rights.push(args[i]);
        inverted.push(fn === second);
      }
      left = args[0];
    }
    const items = [this.walk(left), ...rights.reverse().map((r) => this.walk(r))];
    const flags = [false, ...inverted.reverse()];
    return kind === "sum"
      ? { kind: "sum", terms: items, subtract: flags }
      : { kind: "product", factors: items, divide: flags };
  }

  private call(node: AnyNode): Expr {
    const callee = node.fn as AnyNode;
    if (callee.type !== "SymbolNode") {
      const [detail, text] = REFUSED_NODES[callee.type] ?? ["calling an expression is not allowed", "("];
      throw new FormulaError(
        detail,
        this.where((t) => t.text === text),
      );
    }
    const name = callee.name as string;
    const fn = this.fn(name);
    if (fn === undefined) {
      const detail = this.names.includes(name)
        ? `variable "${name}" called as a function`
        : `function "${name}" is not allowed`;
      throw new FormulaError(detail, this.whereName(name, true) ?? this.whereName(name));
    }
    const args = node.args ?? [];
    if (args.length < fn.min || args.length > fn.max) {
      const expected =
        fn.min === fn.max
          ? `${fn.min}`
          : fn.max === Infinity
            ? `at least ${fn.min}`
            : `${fn.min} or ${fn.max}`;
      throw new FormulaError(
        `function "${name}" takes ${expected} argument${expected === "1" ? "" : "s"}, got ${args.length}`,
        this.whereName(name, true),
      );
    }
    return { kind: "call", name, fn, args: args.map((a) => this.walk(a)) };
  }
}

/** math.js's "(char n)" in a syntax error message: a 1-based column. */
function syntaxError(e: unknown): FormulaError {
  const message = e instanceof Error ? e.message : "syntax error";
  const m = /^(.*?)\s*\(char (\d+)\)\s*$/.exec(message);
  if (m === null) return new FormulaError(message.slice(0, 120));
  const detail = m[1].charAt(0).toLowerCase() + m[1].slice(1);
  return new FormulaError(detail, Number(m[2]) - 1);
}

/**
 * Parses and validates a formula: limits and alphabet first (./scan.ts), then math.js's parser, then
 * the whitelist walk over its tree. Nothing is evaluated.
 *
 * @throws FormulaError naming what was refused and where.
 * @example
 * ```ts
 * parseFormula("x0^2 + x1^2").names; // ["x0", "x1"]
 * parseFormula("cos.constructor(1)"); // throws FormulaError: invalid formula; property access is not allowed (at column 4)
 * ```
 */
export function parseFormula(text: string, options: WalkOptions = {}): ParsedFormula {
  const tokens = scanFormula(text);
  let node: MathNode;
  try {
    node = mathParse(text);
  } catch (e) {
    if (e instanceof RangeError) throw new FormulaError("the formula is nested too deeply");
    throw syntaxError(e);
  }
  const walker = new Walker(tokens, options);
  const expr = walker.walk(node as unknown as AnyNode);
  return { node, expr, names: walker.names };
}
