/**
 * What the columns of a Jacobian share, and its result once they have run: the point, F(x), the
 * options, the output matrices and the writer that fills them by rows (jacobian-rows.ts).
 */

import { JacobianBudget } from "./jacobian-budget.js";
import { writeVector } from "./batch.js";
import { baseStencil } from "./driver.js";
import { invalid } from "./errors.js";
import type { JacobianResult } from "./jacobian.js";
import { releaseWork, type ColumnWork, type HeldColumn } from "./jacobian-column.js";
import { JacobianRows } from "./jacobian-rows.js";
import { PointRequest, REQUEST_CAPACITY } from "./sampler.js";
import { fixedStatus, STATUSES, statusCode } from "./status.js";
import { float32Result } from "./float32.js";
import { quietComponents } from "./float32-beside.js";
import { columnStencils, plainColumns, type PlainColumn } from "./plain-step.js";
import type { ResolvedMultivariate } from "./vector.js";
import type { RowNoiseWatch } from "./small-row-noise.js";

/**
 * What the columns share: the point, F(x), the options, the output matrices and their writer.
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * const x0 = Float64Array.of(1, 2);
 * const job: JacobianJob = jacobianJob(x0, resolveMultivariate(undefined, x0), [3, 4], true);
 * job.value.length; // => 2
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
  /** The column states of the columns in flight, reused by later columns (jacobian-pipeline.ts). */
  readonly works: ColumnWork[];
  /** Plain columns, one stencil each (a fixed `step`, or `errors: false`: plain-step.ts). */
  readonly plain: boolean;
  /**
   * Per component, 1 when F_k(x) looks like a float32 computation's result (float32.ts); null when none
   * does (the adaptive columns' recheck, jacobian-recheck.ts, reads it).
   */
  readonly float32: Uint8Array | null;
  /**
   * Per component, 1 when F_k(x) has no float32 bits of its own (0, or a short float32 number:
   * float32-beside.ts, quietComponents); null when none (or plain columns). Such a component's column
   * reads its first row's values for them (jacobian-recheck.ts, besideFloat32).
   */
  readonly quiet: Uint8Array | null;
  /** The stencil and step of each plain column (null when the columns are adaptive). */
  readonly stencils: ((j: number) => PlainColumn | null) | null;
  /**
   * Each row's noise level (σ of F_k's values; 0 none), measured before the columns (row-noise.ts);
   * null when no row has one, or before it is measured. The adaptive columns carry it in their rounding model.
   */
  rowNoise: Float64Array | null;
  /**
   * Per component, 1 where a large F's row missed its columns' slopes (row-check.ts): in the job that
   * runs the columns again, each entry of such a row is computed again by derivative()'s pipeline
   * (jacobian-recheck.ts); null: none.
   */
  recheckRows: Uint8Array | null;
  /**
   * The rows a large F's second pass runs (row-check.ts: 1 each; the others keep the first pass's
   * entries); null: every row.
   */
  only: Uint8Array | null;
  /**
   * The centred wide table of the rows' noise (row-noise.ts: F at x + s·d, s = −4 … 4, NOISE_POINTS × m
   * values) and its direction d, kept for the row check after the columns (row-check.ts); null when
   * none was made.
   */
  rowTable: { table: Float64Array | null; d: Float64Array | null; spiked: Uint8Array | null };
  /**
   * A small F's row noise on demand (small-row-noise.ts): "watching" while its rows' noise is not
   * measured (the columns look for signs of it), "suspected" once a column saw one (the Jacobian then
   * measures it after its columns), "off" where it is measured before the columns or given.
   */
  rowNoiseWatch: RowNoiseWatch;
  /** The columns put aside while watching (small-row-noise.ts), in the order they ended; null: none. */
  putAside: HeldColumn[] | null;
  /** The budget of calls of F (jacobian-budget.ts); null when `maxEvaluations` is not set or the columns are plain. */
  readonly budget: JacobianBudget | null;
}

/**
 * The most numbers of a matrix allocated as one buffer: 2²⁷ doubles (1 GiB). One buffer costs one
 * allocation, lazily zeroed by the system, where a buffer per row costs a zeroed allocation and an
 * ArrayBuffer for the garbage collector to track each (measured at n = 10⁴: 1.2 s of allocation and
 * about as much garbage collection, bench/RESULTS.md). Larger matrices get a buffer per row.
 *
 * @default 134217728 (2²⁷)
 * @example
 * ```ts
 * ONE_BUFFER_NUMBERS; // 134217728
 * ```
 */
export const ONE_BUFFER_NUMBERS = 2 ** 27;

/**
 * The largest row, in bytes, that a small matrix (see SMALL_MATRIX_BYTES) allocates as an array of its
 * own rather than as a view of one buffer: V8 keeps a typed array of at most 64 bytes inside its heap
 * (its typed_array_max_size_in_heap), and making one costs a third of making a view (`subarray`):
 * 4 rows of 8 doubles, about 130 ns against 400 ns, a fifth of a small Jacobian's time beyond F.
 *
 * @default 64
 * @example
 * ```ts
 * ON_HEAP_ROW_BYTES; // => 64
 * ```
 */
export const ON_HEAP_ROW_BYTES = 64;

/**
 * The largest matrix, in bytes, whose rows may each be an array of their own (rows of at most
 * ON_HEAP_ROW_BYTES): a Jacobian with fewer than SCREEN_COMPONENTS outputs and 8 inputs. Larger ones
 * keep one buffer, which the garbage collector tracks once (ONE_BUFFER_NUMBERS).
 *
 * @default 1024
 * @example
 * ```ts
 * SMALL_MATRIX_BYTES; // => 1024
 * ```
 */
export const SMALL_MATRIX_BYTES = 1024;

/** Whether an m × n matrix of `bytes`-byte numbers gets an array per row (see ON_HEAP_ROW_BYTES). */
function arrayPerRow(m: number, n: number, bytes: number): boolean {
  return n * bytes <= ON_HEAP_ROW_BYTES && m * n * bytes <= SMALL_MATRIX_BYTES;
}

/**
 * m rows of n numbers, all `fill`: views of one buffer (up to ONE_BUFFER_NUMBERS), or one buffer each
 * (a small matrix, see ON_HEAP_ROW_BYTES, or a huge one).
 *
 * @example
 * ```ts
 * rows(2, 3, NaN); // [Float64Array [NaN, NaN, NaN], Float64Array [NaN, NaN, NaN]]
 * ```
 */
export function rows(m: number, n: number, fill: number): Float64Array[] {
  const out: Float64Array[] = [];
  const all =
    m * n <= ONE_BUFFER_NUMBERS && !arrayPerRow(m, n, 8) ? oneBuffer(() => new Float64Array(m * n)) : null;
  if (all !== null && fill !== 0) all.fill(fill);
  for (let i = 0; i < m; i++) {
    if (all !== null) out.push(all.subarray(i * n, (i + 1) * n));
    else out.push(fill === 0 ? new Float64Array(n) : new Float64Array(n).fill(fill));
  }
  return out;
}

/**
 * m rows of n status codes, all 0 (ok), as {@link rows} allocates them.
 *
 * @example
 * ```ts
 * codeRows(2, 3); // [Uint8Array [0, 0, 0], Uint8Array [0, 0, 0]]
 * ```
 */
export function codeRows(m: number, n: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  const all =
    m * n <= 8 * ONE_BUFFER_NUMBERS && !arrayPerRow(m, n, 1) ? oneBuffer(() => new Uint8Array(m * n)) : null;
  for (let i = 0; i < m; i++) out.push(all === null ? new Uint8Array(n) : all.subarray(i * n, (i + 1) * n));
  return out;
}

/** The matrix in one buffer, or null where the runtime refuses one that large (a browser's limit). */
function oneBuffer<T>(make: () => T): T | null {
  try {
    return make();
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

const PROBE = new PointRequest();

/**
 * F(x) from F's first result, checked as every later one is: a non-empty array of numbers, whose
 * length fixes m (a copy).
 *
 * @example
 * ```ts
 * firstValues(Float64Array.of(1), [2, 3]); // => Float64Array [2, 3]
 * firstValues(Float64Array.of(1), []); // throws NumdiffError [INCONSISTENT_OUTPUT]
 * ```
 */
export function firstValues(x0: Float64Array, first: unknown, name = "F"): Float64Array {
  const m = Array.isArray(first) || ArrayBuffer.isView(first) ? (first as ArrayLike<unknown>).length : -1;
  if (m === 0) throw invalid("INCONSISTENT_OUTPUT", name, "a non-empty array of numbers", first);
  // A small F(x) is checked in a request kept for it; a large one in a request of its own.
  const probe = m <= REQUEST_CAPACITY ? PROBE : new PointRequest();
  probe.points[0] = x0[0];
  probe.reserve(1, Math.max(m, 1));
  writeVector(probe, 0, first, name);
  const centre = new Float64Array(m); // a loop, not slice(): slice builds through the species protocol
  for (let k = 0; k < m; k++) centre[k] = probe.values[k];
  return centre;
}

/**
 * A job for F with F(x) = `first` (checked: a non-empty array of numbers): the centre and the output
 * matrices (`errors: false` keeps value only). The adaptive columns write every error (jacobian-rows.ts),
 * so its rows start at 0; a fixed step has no error estimate, NaN.
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * const x0 = Float64Array.of(1, 2);
 * const job = jacobianJob(x0, resolveMultivariate(undefined, x0), [3, 4, 5], true); // F(x) = [3, 4, 5]
 * job.centre; // => Float64Array.of(3, 4, 5)
 * ```
 */
export function jacobianJob(
  x0: Float64Array,
  o: ResolvedMultivariate,
  first: unknown,
  withErrors: boolean,
  name = "F",
): JacobianJob {
  const centre = firstValues(x0, first, name);
  const m = centre.length;
  const n = x0.length;
  const statuses = withErrors ? codeRows(m, n) : [];
  const value = rows(m, n, 0);
  const plain = plainColumns(o, withErrors);
  const error = withErrors ? rows(m, n, plain ? NaN : 0) : null;
  const start = o.method === "auto" ? "central" : o.method;
  const float32 = plain ? null : float32Components(centre);
  const out = new JacobianRows(value, error, statuses, centre, baseStencil(start, o.order), o.order, float32);
  return {
    x0,
    o,
    centre,
    value,
    error,
    statuses,
    rows: out,
    works: [],
    plain,
    float32,
    quiet: plain ? null : quietComponents(centre),
    stencils: plain ? columnStencils(o, x0) : null,
    rowNoise: null,
    recheckRows: null,
    only: null,
    rowTable: { table: null, d: null, spiked: null },
    rowNoiseWatch: "off",
    putAside: null,
    budget: plain || o.resolved.maxEvaluations === Infinity ? null : new JacobianBudget(o, n, m),
  };
}

/**
 * Which components of F(x) look like float32 results (float32.ts, float32Result): 1 each, or null when
 * none does. Where every finite component of F(x) is a float32 number and one at least is a float32
 * result, F is computed in float32 throughout, and its other non-zero components are float32 results
 * too whose values happen to have few bits: a float32 result has FLOAT32_EXACT_BITS bits or fewer by
 * chance 1 in 2⁸ (one row of a 24-row F in 11), and always where it saturates (f32(tanh(t)) = −1 at
 * t = −14.4, whose slope 1.3e-12 hides within one float32 step: 0 ± 2e-15, ok, from a double rounding
 * model). A double component of F breaks that (its values are float32 numbers only by exact
 * arithmetic); zeros are read from the values beside x (jacobian-recheck.ts, zeroRowOfFloat32).
 *
 * @example
 * ```ts
 * Array.from(float32Components(Float64Array.of(Math.fround(0.1), 0.1)) ?? []); // => [1, 0]
 * Array.from(float32Components(Float64Array.of(Math.fround(0.1), -1, 0)) ?? []); // => [1, 1, 0]
 * float32Components(Float64Array.of(0.1)); // => null
 * ```
 */
export function float32Components(centre: Float64Array): Uint8Array | null {
  let out: Uint8Array | null = null;
  let throughout = true;
  for (let k = 0; k < centre.length; k++) {
    const v = centre[k];
    if (float32Result(v)) (out ??= new Uint8Array(centre.length))[k] = 1;
    else if (Number.isFinite(v) && Math.fround(v) !== v) throughout = false;
  }
  if (out === null || !throughout) return out;
  for (let k = 0; k < centre.length; k++) {
    if (centre[k] !== 0 && Number.isFinite(centre[k])) out[k] = 1;
  }
  return out;
}

/**
 * The Jacobian's result once every column has run (`worst`: the columns' worst status code).
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * const x0 = Float64Array.of(1);
 * const job = jacobianJob(x0, resolveMultivariate(undefined, x0), [3], true);
 * finishJacobian(job, 0, 1).status; // => "ok"
 * ```
 */
export function finishJacobian(job: JacobianJob, worst: number, evaluations: number): JacobianResult {
  const { value, error } = job;
  releaseWork(job.works.pop());
  let statuses = job.statuses;
  if (job.plain) {
    // A plain column: a status says only whether the value is finite (as the sync Jacobian).
    statuses = [];
    for (const row of value) {
      const codes = new Uint8Array(row.length);
      for (let j = 0; j < row.length; j++) codes[j] = statusCode(fixedStatus(row[j]));
      for (let j = 0; j < row.length; j++) worst = Math.max(worst, codes[j]);
      if (error !== null) statuses.push(codes);
    }
  }
  if (!job.plain && error !== null) worst = Math.max(worst, poleRows(job));
  return { value, error: error ?? [], evaluations, status: STATUSES[worst], statuses };
}

/**
 * Rows whose F_k(x) is infinite have no derivative along any x_j (a pole at x: 1/x₀² at 0), whatever
 * their columns' differences say (a central difference cancels an even pole: 0 ± 1.6e-10, ok): every
 * entry of such a row becomes NaN, error ∞, "not-finite". Returns that status's code, or 0 when no row
 * is infinite at x. (F_k(x) NaN may be removable, sin(t)/t at 0: its columns decide.)
 */
function poleRows(job: JacobianJob): number {
  const { centre, value, error, statuses } = job;
  const code = statusCode("not-finite");
  let found = 0;
  for (let k = 0; k < centre.length; k++) {
    if (centre[k] !== Infinity && centre[k] !== -Infinity) continue;
    value[k].fill(NaN);
    error?.[k].fill(Infinity);
    statuses[k].fill(code);
    found = code;
  }
  return found;
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
