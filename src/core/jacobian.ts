import { GOOD_RELATIVE_ERROR } from "./constants.js";
import { invalid } from "./errors.js";
import { checkInside, fixedStencil } from "./fixed-partial.js";
import { candidateScales, divideByPower } from "./step.js";
import type { ArrayVecFn, PointLike, StencilKind, VecFn } from "./types.js";
import { checkFunction } from "./validate.js";
import { component, VectorCaller } from "./vector-caller.js";
import { ColumnWorkspace, descendColumn, type PointSource } from "./descent.js";
import { resolveMultivariate, toPoint, type MultivariateOptions } from "./vector.js";

/**
 * Options of {@link jacobian}: the multivariate options plus `errors`.
 *
 * @example
 * ```ts
 * import { jacobian } from "numdiff";
 * const r = jacobian((x) => [x[0] * x[1], x[0] + x[1]], [2, 3], { errors: false });
 * r.value; // [Float64Array [3, 2], Float64Array [1, 1]]
 * r.error; // [] (not kept)
 * ```
 */
export interface JacobianOptions extends MultivariateOptions {
  /**
   * `false` skips the error matrix (returned as an empty array), halving the memory of a large
   * Jacobian: n = 10,000 needs 800 MB for `value` and as much again for `error`. Default true.
   */
  errors?: boolean;
}

/**
 * A Jacobian estimate: rows of ∂F_i/∂x_j.
 *
 * @example
 * ```ts
 * import { jacobian } from "numdiff";
 * const r = jacobian((x) => [x[0] * x[1], x[0] + x[1]], [2, 3]);
 * r.value; // [Float64Array [3, 2], Float64Array [1, 1]]: value[i][j] = ∂F_i/∂x_j
 * r.error[0]; // Float64Array [3.197442310920451e-14, 2.1316282072803006e-14]
 * r.evaluations; // 13
 * ```
 */
export interface JacobianResult {
  /** value[i][j] = ∂F_i/∂x_j: m rows of length n. */
  value: Float64Array[];
  /** Estimated absolute errors, same shape (NaN with a fixed step); `[]` with `errors: false`. */
  error: Float64Array[];
  /** Calls of F actually made, exactly. */
  evaluations: number;
}

/** F along coordinate j of the working point, as a point source for the descent; reused per column. */
class ColumnSource implements PointSource {
  j = 0;
  lo = -Infinity;
  hi = Infinity;
  constructor(
    private readonly caller: VectorCaller,
    private readonly mid: Float64Array,
  ) {}
  at(t: number): ArrayLike<number> | null {
    return this.caller.callAt(this.j, t, this.lo, this.hi);
  }
  centre(): Float64Array {
    return this.mid;
  }
}

function rows(m: number, n: number, fill: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let i = 0; i < m; i++) out.push(fill === 0 ? new Float64Array(n) : new Float64Array(n).fill(fill));
  return out;
}

/**
 * The Jacobian of a vector function F at x: value[i][j] = ∂F_i/∂x_j, with error estimates.
 *
 * By default each column j runs the adaptive descent of {@link derivative} on all components of F at
 * once (see descent.ts): each F call serves every component, each component is extrapolated
 * and stopped on its own, and a column allocates nothing beyond what F returns. With `step`, one
 * plain stencil per column (2n calls for central, n + 1 for forward). The length of F's first result
 * fixes m; a later result of another length throws INCONSISTENT_OUTPUT.
 *
 * Memory is the output (2·m·n doubles, or m·n with `errors: false`) plus O(m) of state. A NaN or
 * infinite x_j gives a NaN column.
 *
 * @param F - F(x) for a Float64Array x (lent for the call), returning an array of numbers.
 * @param x - the point; never changed.
 * @param options - {@link JacobianOptions}; `onProgress(done, total)` after each column.
 * @throws NumdiffError for bad setup, non-numeric results, or results of changing length.
 * @example
 * ```ts
 * import { jacobian } from "numdiff";
 * const F = (x: Float64Array) => [x[0] ** 2 + x[1] ** 2, x[0] ** 3 + x[1] ** 3];
 * jacobian(F, [1, 2]).value; // [Float64Array [2, 4], Float64Array [3, 12]] (errors ≈ 1e-13), 13 evaluations
 * ```
 */
export function jacobian(F: VecFn, x: PointLike, options?: JacobianOptions): JacobianResult;
export function jacobian(F: ArrayVecFn, x: PointLike, options?: JacobianOptions): JacobianResult;
export function jacobian(F: ArrayVecFn, x: ArrayLike<number>, options?: JacobianOptions): JacobianResult {
  checkFunction(F, "F");
  const w = toPoint(x, "x");
  const o = resolveMultivariate(options, w);
  const withErrors = options?.errors ?? true;
  if (typeof withErrors !== "boolean") throw invalid("INVALID_OPTION", "errors", "true or false", withErrors);
  const n = w.length;
  const caller = new VectorCaller(F, w);
  return o.step === undefined ? adaptive(caller, o, withErrors) : fixed(caller, o, withErrors, n);
}

function fixed(
  caller: VectorCaller,
  o: ReturnType<typeof resolveMultivariate>,
  withErrors: boolean,
  n: number,
): JacobianResult {
  const w = caller.w;
  const h = o.step as number;
  const kind: StencilKind = o.method === "auto" ? "central" : o.method;
  const st = fixedStencil(kind, o.order, o.accuracy);
  for (let j = 0; j < n; j++) checkInside(st, w[j], h, o.lo[j], o.hi[j], j);
  let centre: ArrayLike<number> | null = st.offsets.includes(0) ? caller.call() : null;
  let value: Float64Array[] = [];
  let error: Float64Array[] = [];
  let acc = new Float64Array(0);
  let m = -1;
  const setup = (len: number): void => {
    m = len;
    value = rows(m, n, 0);
    error = withErrors ? rows(m, n, NaN) : [];
    acc = new Float64Array(m);
    if (centre !== null) centre = Float64Array.from({ length: m }, (_, k) => component(centre!, k));
  };
  if (centre !== null) setup(caller.m);
  for (let j = 0; j < n; j++) {
    const saved = w[j];
    if (Number.isFinite(saved)) {
      acc.fill(0);
      for (let q = 0; q < st.offsets.length; q++) {
        const off = st.offsets[q];
        const wt = st.weights[q];
        let v: ArrayLike<number>;
        if (off === 0) v = centre as ArrayLike<number>;
        else {
          w[j] = saved + off * h;
          try {
            v = caller.call();
          } finally {
            w[j] = saved;
          }
          if (m < 0) setup(caller.m);
        }
        for (let k = 0; k < m; k++) acc[k] += wt * component(v, k);
      }
      for (let k = 0; k < m; k++) value[k][j] = divideByPower(acc[k], h, o.order);
    }
    if (o.onProgress !== undefined) o.onProgress(j + 1, n);
  }
  // Every coordinate NaN: F was never called, so m is unknown; take it from F(x).
  if (m < 0) setup(caller.call().length);
  // Columns of non-finite coordinates are NaN (filled last: the rows may not have existed yet).
  for (let j = 0; j < n; j++) if (!Number.isFinite(w[j])) for (let k = 0; k < m; k++) value[k][j] = NaN;
  return { value, error, evaluations: caller.evaluations };
}

function adaptive(
  caller: VectorCaller,
  o: ReturnType<typeof resolveMultivariate>,
  withErrors: boolean,
): JacobianResult {
  const w = caller.w;
  const n = w.length;
  const first = caller.call();
  const m = caller.m;
  const centre = new Float64Array(m);
  for (let k = 0; k < m; k++) centre[k] = component(first, k);
  const value = rows(m, n, 0);
  const error = withErrors ? rows(m, n, NaN) : [];
  const ws = new ColumnWorkspace(m);
  const bestError = new Float64Array(m);
  const chosen = new Int32Array(m);
  const startKind: StencilKind = o.method === "auto" ? "central" : o.method;
  const canSwitch = o.method === "auto";
  const good = GOOD_RELATIVE_ERROR; // read once (see descent.ts)
  const source = new ColumnSource(caller, centre);
  for (let j = 0; j < n; j++) {
    const xj = w[j];
    if (!Number.isFinite(xj)) {
      for (let k = 0; k < m; k++) value[k][j] = NaN;
    } else {
      const scales = candidateScales(xj);
      // First scale: every component.
      for (let k = 0; k < m; k++) ws.active[k] = k;
      ws.activeCount = m;
      source.j = j;
      source.lo = o.lo[j];
      source.hi = o.hi[j];
      descendColumn(ws, source, xj, o.order, scales[0], startKind, canSwitch, false);
      let retry = 0;
      for (let k = 0; k < m; k++) {
        value[k][j] = ws.value[k];
        bestError[k] = ws.error[k];
        if (!(ws.error[k] <= good * Math.abs(ws.value[k]))) chosen[retry++] = k;
      }
      // Later scales (probes, as in derivative()): only the components not yet good enough.
      for (let si = 1; si < scales.length && retry > 0; si++) {
        ws.active.set(chosen.subarray(0, retry));
        ws.activeCount = retry;
        descendColumn(ws, source, xj, o.order, scales[si], startKind, canSwitch, true);
        let still = 0;
        for (let a = 0; a < retry; a++) {
          const k = chosen[a];
          const v = ws.value[k];
          const e = ws.error[k];
          // As `better` in derivative.ts: a finite value beats a non-finite one, then the smaller error.
          if (
            Number.isFinite(v) &&
            (!Number.isFinite(value[k][j]) || e < bestError[k] || Number.isNaN(bestError[k]))
          ) {
            value[k][j] = v;
            bestError[k] = e;
          }
          if (!(bestError[k] <= good * Math.abs(value[k][j]))) chosen[still++] = k;
        }
        retry = still;
      }
      for (let k = 0; k < m; k++) {
        // As derivative(): no error estimate means no convergence; if F_k is not even finite at x
        // (1/x at 0) the last difference is meaningless, and the honest value is NaN.
        if (Number.isNaN(bestError[k]) && !Number.isFinite(centre[k])) value[k][j] = NaN;
        if (withErrors) error[k][j] = bestError[k];
      }
    }
    if (o.onProgress !== undefined) o.onProgress(j + 1, n);
  }
  return { value, error, evaluations: caller.evaluations };
}
