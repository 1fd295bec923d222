import type { MathNode } from "mathjs";
import { nodes } from "./mathjs.js";

/** The parts of math.js's node classes the pruning reads. */
interface AnyNode {
  readonly type: string;
  readonly value?: unknown;
  readonly fn?: unknown;
  readonly args?: MathNode[];
  readonly content?: MathNode;
}

const { ConstantNode, OperatorNode } = nodes;

const FOLD: Readonly<Record<string, (...a: number[]) => number>> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow: Math.pow,
  unaryMinus: (a) => -a,
  unaryPlus: (a) => a,
};

function constant(node: MathNode): number | undefined {
  const n = node as unknown as AnyNode;
  return n.type === "ConstantNode" && typeof n.value === "number" ? n.value : undefined;
}

function number(value: number): MathNode {
  return new ConstantNode(value);
}

function operator(fn: string, args: MathNode[]): MathNode {
  const symbol = { add: "+", subtract: "-", multiply: "*", divide: "/", pow: "^", unaryMinus: "-" }[fn] ?? fn;
  return new OperatorNode(symbol as never, fn as never, args);
}

/** One node whose children are already pruned. */
function pruneNode(node: MathNode): MathNode {
  const n = node as unknown as AnyNode;
  if (n.type === "ParenthesisNode") {
    const inner = n.content as MathNode;
    return inner.type === "ConstantNode" || inner.type === "SymbolNode" ? inner : node;
  }
  if (n.type !== "OperatorNode" || typeof n.fn !== "string") return node;
  const fn = n.fn;
  const args = n.args ?? [];
  const values = args.map(constant);
  const fold = FOLD[fn];
  if (fold !== undefined && values.every((v) => v !== undefined) && args.length === fold.length) {
    return number(fold(...(values as number[])));
  }
  switch (fn) {
    case "add": {
      const kept = args.filter((_, i) => values[i] !== 0);
      return kept.length === 0
        ? number(0)
        : kept.length === 1
          ? kept[0]
          : kept.length === args.length
            ? node
            : operator("add", kept);
    }
    case "subtract":
      if (values[1] === 0) return args[0];
      if (values[0] === 0) return operator("unaryMinus", [args[1]]);
      return node;
    case "multiply": {
      if (values.some((v) => v === 0)) return number(0);
      const kept = args.filter((_, i) => values[i] !== 1);
      return kept.length === 0
        ? number(1)
        : kept.length === 1
          ? kept[0]
          : kept.length === args.length
            ? node
            : operator("multiply", kept);
    }
    case "divide":
      if (values[1] === 1) return args[0];
      if (values[0] === 0) return number(0);
      return node;
    case "pow":
      if (values[1] === 1) return args[0];
      if (values[1] === 0) return number(1);
      return node;
    case "unaryMinus": {
      let inner = args[0] as unknown as AnyNode;
      while (inner.type === "ParenthesisNode") inner = inner.content as unknown as AnyNode;
      if (inner.type === "OperatorNode" && inner.fn === "unaryMinus") return (inner.args as MathNode[])[0];
      return node;
    }
    default:
      return node;
  }
}

/**
 * A linear-time clean-up of a raw symbolic derivative, bottom-up: folds operators on numbers, drops
 * `+ 0`, `* 1`, `/ 1`, `^ 1`, turns `0 * a`, `0 / a` into 0 and `a ^ 0` into 1 (as math.js's simplify
 * does: the derivative of a term free of the variable is exactly 0). math.js's own simplify is then
 * only run on what remains when that is small: on raw derivatives full of zero terms it can take
 * seconds to minutes (d/dx1 of a 24-term sum: 44 s in simplifyCore alone).
 *
 * @example
 * ```ts
 * pruneTree(mathParse("0 + 2 * 1 * x ^ (2 - 1) + 0")).toString(); // "2 * x"
 * ```
 */
export function pruneTree(node: MathNode): MathNode {
  return pruneNode(node.map((child) => pruneTree(child)));
}
