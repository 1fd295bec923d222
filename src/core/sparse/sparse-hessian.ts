import { callNumber, checkInside, fixedPartial, fixedStencil } from "../fixed-partial.js";
import { diagonalNotFinite, infiniteCentre, notFiniteEverywhere } from "../infinite-centre.js";
import type { HessianOptions } from "../hessian.js";
import { PairSampler, mixedCode, mixedPartial, mixedStencil } from "../mixed-partial.js";
import { derivativeAlong } from "../partial.js";
import { diagonalNoise, entryAgain, entryRedos, givenNoise, mergeAgain } from "../hessian-noise.js";
import { fixedStatus, statusCode, STATUSES } from "../status.js";
import type { BatchFn, FnN, Status } from "../types.js";
import { boundsOf, type ResolvedMultivariate } from "../vector.js";
import type { SparsityInput, SparsityPattern } from "./pattern.js";
import type { SymmetricPattern } from "./symmetric.js";
import { sparseHessianSetup } from "./sparse-hessian-setup.js";
import { batchedSparseHessian } from "./batched-sparse.js";

/**
 * Options of a sparse Hessian: those of {@link hessian} plus the pattern (any of (i, j) and (j, i)
 * stands for both).
 *
 * @example
 * ```ts
 * import { hessian } from "numdiff";
 * const f = (x: Float64Array) => x[0] ** 2 * x[1] + x[2] ** 3;
 * hessian(f, [1, 2, 3], { sparsity: [[0, 0], [0, 1], [2, 2]] }).value; // Float64Array [4, 2, 2, 18]
 * ```
 */
export type SparseHessianOptions = HessianOptions & {
  /**
   * The entries that may be nonzero, as CSR arrays or (row, column) pairs; symmetrized. With
   * `batch: true` (f takes a row-major block of points) the entries run in lockstep, each round of
   * their stencil rows one call of f; `numdiff/async`'s `hessian` takes it too. The results are the
   * unbatched ones bit for bit; `evaluations` then counts points.
   */
  sparsity: SparsityInput;
};

/**
 * A sparse Hessian in CSR form over the symmetrized pattern (both triangles stored, equal bit for bit).
 *
 * @example
 * ```ts
 * import { hessian } from "numdiff";
 * const r = hessian((x) => x[0] * x[1], [1, 2], { sparsity: [[0, 1]] });
 * r.rowPtr; // Int32Array [0, 1, 2]
 * r.colIdx; // Int32Array [1, 0]
 * r.value; // Float64Array [1, 1]
 * ```
 */
export interface SparseHessianResult extends SparsityPattern {
  /** ∂²f/∂x_i∂x_j for each entry, aligned with colIdx. */
  value: Float64Array;
  /** Estimated absolute errors (NaN with a fixed step or when unknown). */
  error: Float64Array;
  /** Calls of f actually made, exactly. */
  evaluations: number;
  /** The most severe status of the entries (see STATUSES). */
  status: Status;
  /** The status of each entry as its code in STATUSES, aligned with colIdx. */
  statuses: Uint8Array;
}

/**
 * The Hessian of f at x for a known sparsity pattern, in CSR form: only the entries of the pattern
 * (symmetrized; the diagonal only where the pattern has it) are estimated, each by the method of
 * {@link hessian} (the second derivative along x_i for H_ii, the extrapolated four-point mixed stencil
 * for H_ij), so each value is the dense Hessian's entry bit for bit. Also reached as
 * `hessian(f, x, { sparsity })`.
 *
 * Why no grouped perturbations: f is scalar, so each call gives one number, and a Hessian with N
 * unknown entries (the upper triangle of the pattern) needs at least N independent second differences
 * whatever the directions; a perturbation of a group of coordinates at once yields one sum of entries,
 * not the entries (grouping pays for Jacobians, where one call gives m numbers, and for Hessians from
 * gradients, which numdiff is not given). Work is therefore proportional to the pattern: a banded
 * Hessian of bandwidth b costs about (b + 1)·n entries' worth of calls, not n².
 *
 * As in {@link hessian}, f always receives the same point (the working copy is restored from x before
 * every call), so an f that writes into its argument still gets right answers; the caller's arrays
 * are never changed. A NaN or infinite x_i gives NaN in row and column i.
 *
 * @param f - f(x) for a Float64Array x, lent for the call.
 * @param x - the point; never changed.
 * @param options - {@link SparseHessianOptions}; `onProgress(done, total)` after each entry of the
 *   upper triangle.
 * @throws NumdiffError for bad setup (INVALID_SPARSITY for a bad or non-square pattern, or "detect",
 *   which only Jacobians support) or non-numeric f values.
 * @example
 * ```ts
 * import { sparseHessian } from "numdiff";
 * // chained Rosenbrock: tridiagonal Hessian
 * const f = (x: Float64Array) => { let s = 0; for (let i = 0; i + 1 < x.length; i++) s += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2; return s; };
 * const r = sparseHessian(f, [1, 1, 1], { sparsity: [[0, 0], [0, 1], [1, 1], [1, 2], [2, 2]] });
 * r.value; // Float64Array [802, -400, -400, 1002, -400, -400, 200] (errors ≈ 1e-12)
 * ```
 */
export function sparseHessian(
  f: FnN,
  x: ArrayLike<number>,
  options: SparseHessianOptions,
): SparseHessianResult {
  const setup = sparseHessianSetup(f, x, options);
  if (options.batch === true) return batchedSparseHessian(f as unknown as BatchFn, setup);
  const { w, o, pattern } = setup;
  const n = w.length;
  const nnz = pattern.rowPtr[n];
  const out: Output = {
    value: new Float64Array(nnz),
    error: new Float64Array(nnz).fill(NaN),
    statuses: new Uint8Array(nnz),
  };
  const evaluations = (o.step === undefined ? adaptive : fixed)(f, w, pattern, o, out);
  let worst = 0;
  for (const c of out.statuses) if (c > worst) worst = c;
  return {
    m: n,
    n,
    rowPtr: pattern.rowPtr,
    colIdx: pattern.colIdx,
    ...out,
    evaluations,
    status: STATUSES[worst],
  };
}

interface Output {
  value: Float64Array;
  error: Float64Array;
  statuses: Uint8Array;
}

type Entries = (f: FnN, w: Float64Array, p: SymmetricPattern, o: ResolvedMultivariate, out: Output) => number;

/** Calls `each(i, j, k)` for the upper-triangle entries k = (i, j), j ≥ i, then reports progress. */
function upper(
  p: SymmetricPattern,
  o: ResolvedMultivariate,
  each: (i: number, j: number, k: number) => void,
): void {
  let total = 0;
  for (let i = 0; i < p.n; i++)
    for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) if (p.colIdx[k] >= i) total++;
  let done = 0;
  for (let i = 0; i < p.n; i++) {
    for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) {
      const j = p.colIdx[k];
      if (j < i) continue;
      each(i, j, k);
      if (o.onProgress !== undefined) o.onProgress(++done, total);
    }
  }
}

const adaptive: Entries = (f, w, p, o, out) => {
  let evaluations = 0;
  const x0 = w.slice();
  const levels = new Float64Array(p.n);
  const rows: number[] = [];
  const cols: number[] = [];
  const at: number[] = [];
  upper(p, o, (i, j, k) => {
    let status: Status;
    let r: { value: number; error: number; evaluations: number };
    if (i === j) {
      const d = derivativeAlong(f, w, i, { ...o.engine, order: 2, bounds: boundsOf(o, i) }, x0);
      status = d.status ?? fixedStatus(d.value);
      levels[i] = diagonalNoise(d.status, d.noise);
      r = d;
    } else {
      const m = mixedPartial(f, w, i, j, o.lo, o.hi, o.resolved.maxEvaluations, givenNoise(o));
      status =
        STATUSES[
          mixedCode(m.value, m.spent === true, m.unsettled === true, m.kink === true, m.broken === true)
        ];
      r = m;
    }
    out.value[k] = out.value[p.mirror[k]] = r.value;
    out.error[k] = out.error[p.mirror[k]] = r.error;
    out.statuses[k] = out.statuses[p.mirror[k]] = statusCode(status);
    [rows[at.length], cols[at.length]] = [i, j];
    at.push(k);
    evaluations += r.evaluations;
  });
  // Entries held against the noise the diagonal found (hessian-noise.ts), as the dense Hessian's.
  const t = { rows: Int32Array.from(rows), cols: Int32Array.from(cols) };
  const code = (q: number): number => out.statuses[at[q]];
  for (const redo of entryRedos(t, code, levels, o.resolved.maxEvaluations)) {
    const again = entryAgain(f, w, o, redo, x0);
    evaluations += again.evaluations;
    const k = at[redo.k];
    const r = mergeAgain({ value: out.value[k], error: out.error[k] }, again);
    if (r === null) continue;
    out.value[k] = out.value[p.mirror[k]] = r.value;
    out.error[k] = out.error[p.mirror[k]] = r.error;
    out.statuses[k] = out.statuses[p.mirror[k]] = r.code;
  }
  // f infinite at x (infinite-centre.ts): asked where a diagonal entry of the pattern is not finite.
  if (diagonalNotFinite(at.length, (q) => (t.rows[q] === t.cols[q] ? out.statuses[at[q]] : 0))) {
    w.set(x0);
    evaluations++;
    if (infiniteCentre(callNumber(f, w))) notFiniteEverywhere([out.value], [out.error], [out.statuses]);
  }
  return evaluations;
};

const fixed: Entries = (f, w, p, o, out) => {
  const h = o.step as number;
  const st = fixedStencil("central", 2, o.accuracy);
  for (let i = 0; i < p.n; i++) checkInside(st, w[i], h, o.lo[i], o.hi[i], i);
  const centre = callNumber(f, w);
  let evaluations = 1;
  const pairs = new PairSampler(f, w);
  const x0 = w.slice();
  upper(p, o, (i, j, k) => {
    let v: number;
    if (i === j) {
      v = fixedPartial(f, w, i, st, h, centre, x0);
      if (Number.isFinite(w[i])) evaluations += st.offsets.length - 1;
    } else v = Number.isFinite(w[i]) && Number.isFinite(w[j]) ? mixedStencil(pairs, i, j, h, h) : NaN;
    out.value[k] = out.value[p.mirror[k]] = v;
    out.statuses[k] = out.statuses[p.mirror[k]] = statusCode(fixedStatus(v));
  });
  if (infiniteCentre(centre)) notFiniteEverywhere([out.value], [out.error], [out.statuses]);
  return evaluations + pairs.evaluations;
};
