/**
 * Finding a Jacobian's sparsity pattern from evaluations: F at base points near x, and at each base
 * point with one coordinate moved; a component that changes marks an entry.
 */

import type { VecFn } from "../types.js";
import { checkFunction } from "../validate.js";
import { toPoint } from "../vector.js";
import { VectorCaller, component } from "../vector-caller.js";
import type { SparsityPattern } from "./pattern.js";

/**
 * How many base points the pattern is probed at. Two, so that an entry that happens to vanish at one
 * of them (x0·x1 probed along x0 where x1 = 0) is found at the other.
 *
 * @default 2
 * @example
 * ```ts
 * DETECT_POINTS; // 2: detection costs DETECT_POINTS · (n + 1) calls of F
 * ```
 */
export const DETECT_POINTS = 2;

/**
 * Largest offset of a base point from x, relative to the scale max(|x_j|, 1) of each coordinate: each
 * x_j moves by u·DETECT_OFFSET·scale, u uniform in [−1, 1) (kept within the bounds). Small, so the base
 * points stay in F's domain; nonzero, so a base point is not a special point of F such as x = 0.
 *
 * @default 2^-10 ≈ 9.8e-4
 * @example
 * ```ts
 * DETECT_OFFSET; // 0.0009765625
 * ```
 */
export const DETECT_OFFSET = 2 ** -10;

/**
 * Step of a probe, relative to the scale of the coordinate: x_j moves by (1 + u)·DETECT_STEP·scale,
 * u uniform in [0, 1), towards the inside of the bounds. Large enough that a component depending on
 * x_j changes visibly (its change must exceed its rounding); small enough to stay near x.
 *
 * @default 2^-7 ≈ 7.8e-3
 * @example
 * ```ts
 * DETECT_STEP; // 0.0078125
 * ```
 */
export const DETECT_STEP = 2 ** -7;

/**
 * Seed of the generator of the offsets and steps: detection is deterministic, the same pattern on
 * every run.
 *
 * @default 0x2545f491
 * @example
 * ```ts
 * DETECT_SEED; // 625341585
 * ```
 */
export const DETECT_SEED = 0x2545f491;

/** Uniform numbers in [0, 1) from a 32-bit xorshift generator (Marsaglia, J. Stat. Softw. 8(14), 2003). */
function uniforms(seed: number): () => number {
  let s = seed | 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** A point at offset `delta` from p inside [lo, hi]: p + delta, else p − delta, else halfway to the farther bound. */
function inside(p: number, delta: number, lo: number, hi: number): number {
  if (p + delta <= hi && p + delta >= lo) return p + delta;
  if (p - delta >= lo && p - delta <= hi) return p - delta;
  return p + ((hi - p > p - lo ? hi : lo) - p) / 2;
}

/**
 * The sparsity pattern of F near x, found from F's values: at DETECT_POINTS base points p near x
 * (F(p) once each) and at p with x_j moved by a probe step, for every j; component i marks (i, j) when
 * its value differs (bit for bit) at either base point. Cost DETECT_POINTS·(n + 1) calls of F and
 * O(m·n) comparisons; memory O(m + nnz).
 *
 * Limits (the pattern is what F showed at the probes, not a proof):
 * - an entry that is zero near all probe points is missed: a term switched off by a branch
 *   (`x0 > 5 ? x1 : 0` at x0 = 1), a max or a clamp, a table lookup, a dependence smaller than the
 *   rounding of F_i (F_i = 1 + 1e-20·x_j);
 * - a component that is NaN or infinite at a base point and the probe shows no change;
 * - noise or rounding changes make extra entries (harmless: they come out near 0), and an F with
 *   random noise looks dense;
 * - coordinates whose x_j is NaN or infinite are not probed (their columns come out empty).
 * Give the pattern when you know it; use the detected one for F whose structure is fixed.
 *
 * @param caller - F with its counting and checks; `caller.m` must be known (F(x) called once).
 * @param x - the point; never changed.
 * @param lo - lower bounds per coordinate.
 * @param hi - upper bounds per coordinate.
 * @example
 * ```ts
 * import { detectSparsity } from "numdiff";
 * const F = (v: Float64Array) => [v[0] * v[1], Math.sin(v[2])];
 * detectSparsity(F, [0, 0, 0]); // { m: 2, n: 3, rowPtr: Int32Array [0, 2, 3], colIdx: Int32Array [0, 1, 2] }
 * ```
 */
export function detectSparsity(
  caller: VectorCaller | VecFn,
  x: ArrayLike<number>,
  lo?: ArrayLike<number>,
  hi?: ArrayLike<number>,
): SparsityPattern {
  if (!(caller instanceof VectorCaller)) checkFunction(caller, "F");
  const x0 = toPoint(x, "x");
  const n = x0.length;
  const c = caller instanceof VectorCaller ? caller : new VectorCaller(caller, new Float64Array(x0));
  if (c.m < 0) c.call();
  const m = c.m;
  const w = c.w;
  const rand = uniforms(DETECT_SEED);
  const bases: Float64Array[] = [];
  const refs: Float64Array[] = [];
  for (let b = 0; b < DETECT_POINTS; b++) {
    const p = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const s = Math.max(Math.abs(x0[j]), 1);
      p[j] = Number.isFinite(x0[j])
        ? inside(x0[j], (2 * rand() - 1) * DETECT_OFFSET * s, lo?.[j] ?? -Infinity, hi?.[j] ?? Infinity)
        : x0[j];
    }
    w.set(p);
    const v = c.call();
    bases.push(p);
    refs.push(Float64Array.from({ length: m }, (_, i) => component(v, i)));
  }
  const colPtr = new Int32Array(n + 1);
  let rowIdx = new Int32Array(Math.max(16, 2 * n));
  let nnz = 0;
  const stamp = new Int32Array(m).fill(-1);
  for (let j = 0; j < n; j++) {
    if (Number.isFinite(x0[j])) {
      const s = Math.max(Math.abs(x0[j]), 1);
      for (let b = 0; b < DETECT_POINTS; b++) {
        const p = bases[b];
        const ref = refs[b];
        w.set(p);
        w[j] = inside(p[j], (1 + rand()) * DETECT_STEP * s, lo?.[j] ?? -Infinity, hi?.[j] ?? Infinity);
        const v = c.call();
        for (let i = 0; i < m; i++) {
          const fi = v[i];
          if (typeof fi !== "number") component(v, i); // throws NON_NUMERIC_RESULT
          if (stamp[i] !== j && fi !== ref[i] && !(fi !== fi && ref[i] !== ref[i])) {
            stamp[i] = j;
            if (nnz === rowIdx.length) {
              const grown = new Int32Array(2 * nnz);
              grown.set(rowIdx);
              rowIdx = grown;
            }
            rowIdx[nnz++] = i;
          }
        }
      }
      rowIdx.subarray(colPtr[j], nnz).sort();
    }
    colPtr[j + 1] = nnz;
  }
  w.set(x0);
  return transposeColumns(m, n, colPtr, rowIdx.subarray(0, nnz));
}

/** CSR of a pattern given by columns (rows increasing within each column). */
function transposeColumns(m: number, n: number, colPtr: Int32Array, rowIdx: Int32Array): SparsityPattern {
  const nnz = rowIdx.length;
  const rowPtr = new Int32Array(m + 1);
  for (let k = 0; k < nnz; k++) rowPtr[rowIdx[k] + 1]++;
  for (let i = 0; i < m; i++) rowPtr[i + 1] += rowPtr[i];
  const next = rowPtr.slice(0, m);
  const colIdx = new Int32Array(nnz);
  for (let j = 0; j < n; j++) for (let k = colPtr[j]; k < colPtr[j + 1]; k++) colIdx[next[rowIdx[k]]++] = j;
  return { m, n, rowPtr, colIdx };
}
