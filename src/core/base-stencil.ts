/**
 * The engine's base stencils (truncation order 2 central, 1 one-sided), cached per kind and order, and
 * the same stencils as typed arrays for the engine's row loops.
 */

import { stencil, stencilOffsets, type Stencil } from "./stencil.js";
import type { StencilKind } from "./types.js";

/**
 * A base stencil as typed arrays, for the engine's loops. A {@link Stencil}'s arrays are frozen (the
 * cache is shared with users), and V8's optimizing compiler reads a frozen array's elements through a
 * generic keyed load: a tenth of a derivative's time. These private copies hold the same doubles.
 *
 * @example
 * ```ts
 * const a = stencilArrays("central", 1);
 * a.offsets; // Float64Array [-1, 1]
 * a.weights; // Float64Array [-0.5, 0.5]
 * a.reach; // 2 (the first step leaves room for order + 1 steps on either side)
 * ```
 */
export interface StencilArrays {
  /** The stencil these copy. */
  readonly stencil: Stencil;
  readonly offsets: Float64Array;
  readonly weights: Float64Array;
  /** Σ|weights|. */
  readonly weightSum: number;
  /** max(order + 1, |offsets|): how many steps the first step must leave room for beside x. */
  readonly reach: number;
}

const STENCILS: (Stencil | undefined)[][] = [[], [], []];
const ARRAYS: (StencilArrays | undefined)[][] = [[], [], []];

/** The cache row of a kind (a conditional, not a keyed lookup by string). */
function row<T>(cache: T[][], kind: StencilKind): T[] {
  return kind === "central" ? cache[0] : kind === "forward" ? cache[1] : cache[2];
}

/**
 * The engine's base stencil of a kind and order (truncation order 2 central, 1 one-sided), cached.
 *
 * @example
 * ```ts
 * baseStencil("central", 1).offsets; // [-1, 1]
 * ```
 */
export function baseStencil(kind: StencilKind, order: number): Stencil {
  const cache = row(STENCILS, kind);
  return (cache[order] ??= stencil(stencilOffsets(kind, order, kind === "central" ? 2 : 1), order));
}

/**
 * {@link baseStencil} as typed arrays (see {@link StencilArrays}), cached.
 *
 * @example
 * ```ts
 * stencilArrays("forward", 1).offsets; // Float64Array [0, 1]
 * ```
 */
export function stencilArrays(kind: StencilKind, order: number): StencilArrays {
  const cache = row(ARRAYS, kind);
  let a = cache[order];
  if (a === undefined) {
    const st = baseStencil(kind, order);
    let reach = order + 1;
    for (const o of st.offsets) reach = Math.max(reach, Math.abs(o));
    a = cache[order] = {
      stencil: st,
      offsets: Float64Array.from(st.offsets),
      weights: Float64Array.from(st.weights),
      weightSum: st.weightSum,
      reach,
    };
  }
  return a;
}
