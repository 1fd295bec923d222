/**
 * The sync Jacobian of plain columns (a fixed `step`, or `errors: false`: plain-step.ts): one stencil
 * per column, F called on the working copy of x restored before each call. The column's values are
 * combined in one pass over the components, Σ_q w_q·F_k(x + offset_q·h·e_j) / h^order, in the order
 * of the stencil (the bits of the batched and async pipelines, jacobian-pipeline.ts), into a block of
 * ROW_BLOCK_COLUMNS columns, which is then written into the rows in order.
 */

import type { JacobianResult } from "./jacobian.js";
import { rows } from "./jacobian-job.js";
import { ROW_BLOCK_COLUMNS } from "./jacobian-rows.js";
import { columnStencils, plainSum, type PlainColumn } from "./plain-step.js";
import { STATUSES, statusCode } from "./status.js";
import { divideByPower } from "./step.js";
import { component, type VectorCaller } from "./vector-caller.js";
import type { ResolvedMultivariate } from "./vector.js";

/** STATUSES' code of "not-finite". */
const NOT_FINITE_CODE = statusCode("not-finite");

/**
 * The Jacobian of plain columns; F(x) is called only when a stencil holds offset 0 (one-sided), or to
 * learn m when no column has a stencil.
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * import { VectorCaller } from "./vector-caller.js";
 * const x = Float64Array.of(1, 2);
 * const caller = new VectorCaller((v) => [v[0] * v[1]], x);
 * plainJacobian(caller, resolveMultivariate({ step: 1e-3 }, x), true).value; // ≈ [Float64Array [2, 1]]
 * ```
 */
export function plainJacobian(
  caller: VectorCaller,
  o: ResolvedMultivariate,
  withErrors: boolean,
): JacobianResult {
  const n = caller.x0.length;
  const columnOf = columnStencils(o, caller.x0);
  const points = new ColumnPoints(caller);
  const noColumn = new Uint8Array(n); // columns without a stencil: NaN once m is known
  let value: Float64Array[] = [];
  let block = new Float64Array(0);
  for (let j0 = 0; j0 < n; j0 += ROW_BLOCK_COLUMNS) {
    const j1 = Math.min(n, j0 + ROW_BLOCK_COLUMNS);
    for (let j = j0; j < j1; j++) {
      const c = columnOf(j);
      if (c === null) noColumn[j] = 1;
      else {
        const vs = points.column(j, c);
        if (value.length === 0) {
          value = rows(points.m, n, 0);
          block = new Float64Array(ROW_BLOCK_COLUMNS * points.m);
        }
        combine(c, vs, block, j - j0, o.order);
      }
      if (o.onProgress !== undefined) o.onProgress(j + 1, n);
    }
    const m = value.length;
    for (let k = 0; k < m; k++) {
      const row = value[k];
      for (let j = j0; j < j1; j++) row[j] = block[(j - j0) * m + k];
    }
  }
  caller.w.set(caller.x0);
  // No column had a stencil (every x_j NaN, say): F was never called, so m is unknown; take it from F(x).
  if (value.length === 0) value = rows(points.mOrCall(), n, 0);
  for (let j = 0; j < n; j++) if (noColumn[j] === 1) for (const row of value) row[j] = NaN;
  return plainResult(value, withErrors, caller.evaluations);
}

/**
 * F's values at a column's stencil points, each as a Float64Array of the m components: a checked copy,
 * but for the last point's, which is used before F is called again: F's own result when it is a
 * Float64Array. (An F may return the same buffer on every call, so an earlier result must be copied
 * before the next call; F's arrays are never written.)
 */
class ColumnPoints {
  private centre: Float64Array | null = null;
  private readonly vectors: Float64Array[] = [];
  /** Copies owned here, one per stencil position. */
  private readonly own: Float64Array[] = [];
  /** Components of F (known after the first call). */
  m = -1;

  constructor(private readonly caller: VectorCaller) {}

  /** The values at each point of column j's stencil, in the stencil's order. */
  column(j: number, c: PlainColumn): Float64Array[] {
    const { offsets } = c.stencil;
    const { w, x0 } = this.caller;
    for (let q = 0; q < offsets.length; q++) {
      if (offsets[q] === 0) {
        this.vectors[q] = this.centre ??= this.copy(this.atX(), new Float64Array(this.m));
        continue;
      }
      w.set(x0);
      w[j] = x0[j] + offsets[q] * c.h;
      this.vectors[q] = this.checked(this.caller.call(), q, q === offsets.length - 1);
    }
    this.vectors.length = offsets.length;
    return this.vectors;
  }

  /** m, calling F(x) to learn it when F was never called. */
  mOrCall(): number {
    if (this.m < 0) this.m = this.atX().length;
    return this.m;
  }

  private atX(): ArrayLike<number> {
    this.caller.w.set(this.caller.x0);
    const v = this.caller.call();
    this.m = v.length;
    return v;
  }

  private checked(v: ArrayLike<number>, q: number, last: boolean): Float64Array {
    this.m = v.length;
    if (last && v instanceof Float64Array && v !== this.centre) return v;
    let out = this.own[q];
    if (out === undefined || out.length !== v.length) out = this.own[q] = new Float64Array(v.length);
    return this.copy(v, out);
  }

  /** v's components, checked as numbers, copied into `out` (of v's length). */
  private copy(v: ArrayLike<number>, out: Float64Array): Float64Array {
    if (out.length !== v.length) out = new Float64Array(v.length);
    if (v instanceof Float64Array) out.set(v);
    else for (let k = 0; k < v.length; k++) out[k] = component(v, k);
    return out;
  }
}

/**
 * Column b of the block (laid out by column): plainSum of the values / h^order for every k, the sum
 * in plainSum's order (the bits of the pipelines). Central stencils of 2 and 4 points get loops of
 * their own: this loop is the Jacobian's cost beyond F.
 */
function combine(c: PlainColumn, vs: Float64Array[], block: Float64Array, b: number, order: number): void {
  const wt = c.stencil.weights;
  const m = vs[0].length;
  const out = block.subarray(b * m, (b + 1) * m);
  if (c.paired && vs.length === 2) {
    const [lo, hi] = vs;
    const w = wt[1];
    for (let k = 0; k < m; k++) out[k] = 0 + w * (hi[k] - lo[k]);
  } else if (c.paired && vs.length === 4) {
    const [lo2, lo1, hi1, hi2] = vs;
    const w2 = wt[3];
    const w1 = wt[2];
    for (let k = 0; k < m; k++) out[k] = 0 + w2 * (hi2[k] - lo2[k]) + w1 * (hi1[k] - lo1[k]);
  } else for (let k = 0; k < m; k++) out[k] = plainSum(c, (q) => vs[q][k]);
  if (order === 1) for (let k = 0; k < m; k++) out[k] /= c.h;
  else for (let k = 0; k < m; k++) out[k] = divideByPower(out[k], c.h, order);
}

/** The result of a plain Jacobian: statuses say only whether each value is finite. */
function plainResult(value: Float64Array[], withErrors: boolean, evaluations: number): JacobianResult {
  const n = value.length === 0 ? 0 : value[0].length;
  const statuses: Uint8Array[] = [];
  const error: Float64Array[] = withErrors ? rows(value.length, n, NaN) : [];
  let worst = 0;
  for (const row of value) {
    const codes = withErrors ? new Uint8Array(n) : null;
    for (let j = 0; j < n; j++) {
      const code = row[j] - row[j] === 0 ? 0 : NOT_FINITE_CODE;
      if (codes !== null) codes[j] = code;
      if (code > worst) worst = code;
    }
    if (codes !== null) statuses.push(codes);
  }
  return { value, error, evaluations, status: STATUSES[worst], statuses };
}
