import { children } from "./builder.js";
import type { Expr } from "./ir.js";

/** Per variable index: per node, the set of variables it contains, as bits (cached, shared). */
const cache = new WeakMap<ReadonlyMap<string, number>, WeakMap<Expr, Uint32Array>>();

function union(a: Uint32Array, b: Uint32Array): Uint32Array {
  let subset = true;
  for (let i = 0; i < a.length; i++) if ((b[i] & ~a[i]) !== 0) subset = false;
  if (subset) return a;
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] | b[i];
  return out;
}

/**
 * The variables a node depends on, as a bit set over `index` (bit i for the variable at position i),
 * cached per node; a node whose set equals a child's shares that child's array. The derivative skips
 * every subformula without the variable (its derivative is 0) instead of walking it, so a gradient
 * or Hessian of many variables walks each term only for the variables it holds.
 *
 * @example
 * ```ts
 * variableMask(parseFormula("x*y").expr, new Map([["x", 0], ["y", 1], ["z", 2]]))[0]; // 0b011
 * ```
 */
export function variableMask(e: Expr, index: ReadonlyMap<string, number>): Uint32Array {
  let masks = cache.get(index);
  if (masks === undefined) cache.set(index, (masks = new WeakMap()));
  const words = Math.max(1, Math.ceil(index.size / 32));
  const walk = (node: Expr): Uint32Array => {
    let m = masks.get(node);
    if (m !== undefined) return m;
    if (node.kind === "variable") {
      m = new Uint32Array(words);
      const i = index.get(node.name) ?? 0;
      m[i >>> 5] |= 1 << (i & 31);
    } else {
      m = EMPTY.get(words) ?? new Uint32Array(words);
      EMPTY.set(words, m);
      for (const c of children(node)) m = union(m, walk(c));
    }
    masks.set(node, m);
    return m;
  };
  return walk(e);
}

/** The empty set, one shared array per size (never written). */
const EMPTY = new Map<number, Uint32Array>();

/**
 * Whether a node depends on the variable at position `i` of its index.
 * @example
 * ```ts
 * hasVariable(variableMask(expr, index), 1); // true when the formula holds the second variable
 * ```
 */
export function hasVariable(mask: Uint32Array, i: number): boolean {
  return (mask[i >>> 5] & (1 << (i & 31))) !== 0;
}
