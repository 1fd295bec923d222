/**
 * What the columns of a Jacobian share, and its result once they have run: the point, F(x), the
 * options, the output matrices and the writer that fills them by rows (jacobian-rows.ts).
 */

import { writeVector } from "./batch.js";
import { baseStencil } from "./driver.js";
import { invalid } from "./errors.js";
import type { JacobianResult } from "./jacobian.js";
import { JacobianRows } from "./jacobian-rows.js";
import { PointRequest } from "./sampler.js";
import { fixedStatus, STATUSES, statusCode } from "./status.js";
import type { ResolvedMultivariate } from "./vector.js";

/**
 * What the columns share: the point, F(x), the options, the output matrices and their writer.
 *
 * @example
 * ```ts
 * const job: JacobianJob = jacobianJob(x0, o, F(x0), true);
 * ```
 */
export interface JacobianJob {
  readonly x0: Float64Array;
  readonly centre: Float64Array;
  readonly o: ResolvedMultivariate;
  readonly value: Float64Array[];
  readonly error: Float64Array[] | null;
  readonly statuses: Uint8Array[];
  readonly rows: JacobianRows;
}

/**
 * m rows of n numbers, all `fill`.
 *
 * @example
 * ```ts
 * rows(2, 3, NaN); // [Float64Array [NaN, NaN, NaN], Float64Array [NaN, NaN, NaN]]
 * ```
 */
export function rows(m: number, n: number, fill: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let i = 0; i < m; i++) out.push(fill === 0 ? new Float64Array(n) : new Float64Array(n).fill(fill));
  return out;
}

/**
 * A job for F with F(x) = `first` (checked: a non-empty array of numbers): the centre and the output
 * matrices (`errors: false` keeps value only). The adaptive columns write every error (jacobian-rows.ts),
 * so its rows start at 0; a fixed step has no error estimate, NaN.
 *
 * @example
 * ```ts
 * const job = jacobianJob(x0, o, F(x0), true);
 * ```
 */
export function jacobianJob(
  x0: Float64Array,
  o: ResolvedMultivariate,
  first: unknown,
  withErrors: boolean,
  name = "F",
): JacobianJob {
  const probe = new PointRequest();
  const m = Array.isArray(first) || ArrayBuffer.isView(first) ? (first as ArrayLike<unknown>).length : -1;
  if (m === 0) throw invalid("INCONSISTENT_OUTPUT", name, "a non-empty array of numbers", first);
  probe.points[0] = x0[0];
  probe.reserve(1, Math.max(m, 1));
  writeVector(probe, 0, first, name);
  const centre = probe.values.slice(0, m);
  const n = x0.length;
  const statuses: Uint8Array[] = [];
  if (withErrors) for (let k = 0; k < m; k++) statuses.push(new Uint8Array(n));
  const value = rows(m, n, 0);
  const error = withErrors ? rows(m, n, o.step === undefined ? 0 : NaN) : null;
  const start = o.method === "auto" ? "central" : o.method;
  const out = new JacobianRows(value, error, statuses, centre, baseStencil(start, o.order), o.order);
  return { x0, o, centre, value, error, statuses, rows: out };
}

/**
 * The Jacobian's result once every column has run (`worst`: the columns' worst status code).
 *
 * @example
 * ```ts
 * finishJacobian(job, 0, evaluations);
 * ```
 */
export function finishJacobian(job: JacobianJob, worst: number, evaluations: number): JacobianResult {
  const { value, error } = job;
  let statuses = job.statuses;
  if (job.o.step !== undefined) {
    // A fixed step: a status says only whether the value is finite (as the sync Jacobian).
    statuses = [];
    for (const row of value) {
      const codes = new Uint8Array(row.length);
      for (let j = 0; j < row.length; j++) codes[j] = statusCode(fixedStatus(row[j]));
      for (let j = 0; j < row.length; j++) worst = Math.max(worst, codes[j]);
      if (error !== null) statuses.push(codes);
    }
  }
  return { value, error: error ?? [], evaluations, status: STATUSES[worst], statuses };
}

/**
 * The first result of a batched F, called with the block of the one point x: an array of one array,
 * or the m numbers in a row.
 *
 * @example
 * ```ts
 * firstOfBatch([[1, 2]]); // [1, 2]
 * firstOfBatch(Float64Array.of(1, 2)); // Float64Array [1, 2]
 * ```
 */
export function firstOfBatch(v: unknown): unknown {
  if (Array.isArray(v) && v.length === 1 && typeof v[0] !== "number") return v[0];
  return v;
}
