/**
 * The Hessian's entries as pipelines, for the batched and async loops: entry k is (i, j) of the upper
 * triangle in the sync order (row by row, the diagonal first), the diagonal the one-variable engine of
 * order 2 along x_i, a mixed entry the four-point stencil on the same adaptive engine as mixedPartial,
 * with each row's points handed to the runner at once. Values, errors and statuses are the sync
 * ones bit for bit; a row that meets a domain edge may cost a few more calls (the sync loop stops at
 * its first point that is not finite, and never evaluates a minus point after a bad plus point).
 */

import { derivativePipeline } from "./derivative-pipeline.js";
import { againOptions, diagonalNoise, entryRedos, givenNoise, mergeAgain } from "./hessian-noise.js";
import { invalid } from "./errors.js";
import { fixedStencil } from "./fixed-partial.js";
import { mixedEntry, MixedWork, NO_ENTRY, PairRequest, stencilAt } from "./mixed-pipeline.js";
import { PointRequest, Sampler, type Pipeline } from "./sampler.js";
import { ScalarEngine } from "./scalar-engine.js";
import { fixedStatus, statusCode, worstStatus } from "./status.js";
import { divideByPower } from "./step.js";
import { runBatched, scatterSlices, type PointSpace } from "./batch.js";
import type { HessianOptions, HessianResult } from "./hessian.js";
import type { BatchFn } from "./types.js";
import { resolveOptions, type ResolvedOptions } from "./validate.js";
import { boundsOf, resolveMultivariate, type ResolvedMultivariate } from "./vector.js";

/**
 * One entry of the Hessian: its value, error, status code (STATUSES) and the points it evaluated.
 *
 * @example
 * ```ts
 * const e: HessianEntry = { value: 2, error: 1e-14, code: 0, evaluations: 12 };
 * ```
 */
export interface HessianEntry {
  value: number;
  error: number;
  code: number;
  evaluations: number;
  /** A diagonal entry's noise level for the others (hessian-noise.ts, diagonalNoise), or 0. */
  noise?: number;
}

/**
 * The Hessian's options, validated as the sync `hessian` does: no `order` but 2, method auto or central.
 *
 * @example
 * ```ts
 * resolveHessian({ method: "central" }, new Float64Array([1, 2])).order; // => 1
 * resolveHessian({ method: "forward" }, new Float64Array([1, 2])); // throws INVALID_METHOD
 * ```
 */
export function resolveHessian(options: HessianOptions | undefined, w: Float64Array): ResolvedMultivariate {
  if (options !== undefined && (options === null || typeof options !== "object")) {
    throw invalid("INVALID_OPTION", "options", "an object or undefined", options);
  }
  const order = (options as { order?: unknown } | undefined)?.order;
  if (order !== undefined && order !== 2) {
    throw invalid("INVALID_ORDER", "order", "2 or undefined (a Hessian holds second derivatives)", order);
  }
  const o = resolveMultivariate({ ...options, order: undefined }, w);
  if (o.method !== "auto" && o.method !== "central") {
    throw invalid("INVALID_METHOD", "method", `"auto" or "central" for a Hessian`, o.method);
  }
  return o;
}

/**
 * The (i, j) of each entry k of the upper triangle, in the sync order: (0, 0), (0, 1), …, (1, 1), ….
 *
 * @example
 * ```ts
 * Array.from(upperTriangle(2).rows); // => [0, 0, 1]
 * Array.from(upperTriangle(2).cols); // => [0, 1, 1]
 * ```
 */
export function upperTriangle(n: number): { rows: Int32Array; cols: Int32Array } {
  const total = (n * (n + 1)) / 2;
  const rows = new Int32Array(total);
  const cols = new Int32Array(total);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++, k++) {
      rows[k] = i;
      cols[k] = j;
    }
  }
  return { rows, cols };
}

/**
 * Where the points of entry k live: x0 with x_i = t (diagonal), or with x_i and x_j from a
 * {@link PairRequest} (mixed).
 *
 * @example
 * ```ts
 * const space = hessianSpace(new Float64Array([1, 2]), upperTriangle(2));
 * ```
 */
export function hessianSpace(x0: Float64Array, t: { rows: Int32Array; cols: Int32Array }): PointSpace {
  return {
    x0,
    coordinate: (k) => t.rows[k],
    write(k, r, q, out, at) {
      out.set(x0, at);
      out[at + t.rows[k]] = r.points[q];
      if (t.rows[k] !== t.cols[k]) out[at + t.cols[k]] = (r as PairRequest).second[q];
    },
  };
}

/**
 * make(k): the pipeline of entry k (see the file comment); with a fixed step, `centre` is f(x).
 *
 * @example
 * ```ts
 * const x0 = new Float64Array([1, 2]);
 * const make = hessianPipelines(x0, resolveHessian(undefined, x0), upperTriangle(2), NaN);
 * ```
 */
export function hessianPipelines(
  x0: Float64Array,
  o: ResolvedMultivariate,
  t: { rows: Int32Array; cols: Int32Array },
  centre: number,
): (k: number) => Pipeline<HessianEntry> {
  const engines: ScalarEngine[] = [];
  const works: MixedWork[] = [];
  return function* (k: number): Pipeline<HessianEntry> {
    const i = t.rows[k];
    const j = t.cols[k];
    if (o.step !== undefined) {
      return i === j ? yield* fixedDiagonal(x0, o, i, centre) : yield* fixedMixed(x0, o.step, i, j);
    }
    if (i === j) {
      const engine = engines.pop() ?? new ScalarEngine();
      try {
        const opts = resolveOptions({ ...o.engine, order: 2, bounds: boundsOf(o, i) }, x0[i]);
        return yield* diagonalEntry(engine, x0[i], opts);
      } finally {
        engines.push(engine);
      }
    }
    const work = works.pop() ?? new MixedWork();
    try {
      return yield* mixedEntry(x0, o, i, j, work, givenNoise(o));
    } finally {
      works.push(work);
    }
  };
}

/**
 * The entries of `entries` (entry k is (t.rows[k], t.cols[k]), diagonal ones with their noise level)
 * to run again with the noise the diagonal found (hessian-noise.ts), as pipelines over their own
 * triangle `t` (for hessianSpace), and `merge(again)` to put the runs that take their place into
 * `entries` (the calls of all counted); null where there are none, as for a smooth f.
 *
 * @example
 * ```ts
 * const x0 = new Float64Array([1, 2]);
 * const entries: HessianEntry[] = [
 *   { value: 2, error: 3e-6, code: 1, evaluations: 40, noise: 1e-10 }, // (0, 0): noise-limited
 *   { value: 1, error: 1e-14, code: 0, evaluations: 24 }, // (0, 1): ok
 *   { value: 0, error: 1e-14, code: 0, evaluations: 20, noise: 0 }, // (1, 1): ok
 * ];
 * const redo = noisyEntries(x0, resolveHessian(undefined, x0), upperTriangle(2), entries);
 * Array.from(redo?.t.cols ?? []); // => [1, 1] (entries (0, 1) and (1, 1) run again)
 * // then: runBatched(2, redo.make, inFlight, again, f, hessianSpace(x0, redo.t)); redo.merge(again);
 * ```
 */
export function noisyEntries(
  x0: Float64Array,
  o: ResolvedMultivariate,
  t: { rows: Int32Array; cols: Int32Array },
  entries: HessianEntry[],
): {
  t: { rows: Int32Array; cols: Int32Array };
  make: (q: number) => Pipeline<HessianEntry>;
  merge: (again: HessianEntry[]) => void;
} | null {
  if (o.step !== undefined) return null;
  const levels = new Float64Array(x0.length);
  entries.forEach((e, k) => {
    if (t.rows[k] === t.cols[k]) levels[t.rows[k]] = e.noise ?? 0;
  });
  const code = (k: number): number => entries[k].code;
  const redos = entryRedos(t, code, levels, o.resolved.maxEvaluations);
  if (redos.length === 0) return null;
  const works: MixedWork[] = [];
  const engines: ScalarEngine[] = [];
  return {
    t: { rows: Int32Array.from(redos, (r) => r.i), cols: Int32Array.from(redos, (r) => r.j) },
    make: function* (q: number): Pipeline<HessianEntry> {
      const { i, j, known } = redos[q];
      if (i === j) {
        const engine = engines.pop() ?? new ScalarEngine();
        try {
          return yield* diagonalEntry(engine, x0[i], resolveOptions(againOptions(o, i, known), x0[i]));
        } finally {
          engines.push(engine);
        }
      }
      const work = works.pop() ?? new MixedWork();
      try {
        return yield* mixedEntry(x0, o, i, j, work, known);
      } finally {
        works.push(work);
      }
    },
    merge(again: HessianEntry[]): void {
      redos.forEach(({ k }, q) => {
        const evaluations = entries[k].evaluations + again[q].evaluations;
        const merged = mergeAgain(entries[k], again[q]);
        entries[k] = { ...(merged ?? entries[k]), evaluations, noise: entries[k].noise };
      });
    },
  };
}

/**
 * {@link noisyEntries} for a batched f: the entries to run again, in lockstep as the first round
 * (`inFlight` at a time), merged into `entries`. Shared by the dense and the sparse batched Hessian.
 *
 * @example
 * ```ts
 * const x0 = new Float64Array([1, 2]);
 * const f = (b: Float64Array) => Array.from({ length: b.length / 2 }, (_, q) => b[2 * q] * b[2 * q + 1]);
 * const entries: HessianEntry[] = [
 *   { value: 0, error: 1e-9, code: 1, evaluations: 40, noise: 1e-10 }, // (0, 0): noise-limited
 *   { value: 1, error: 1e-14, code: 0, evaluations: 24 }, // (0, 1): ok
 *   { value: 0, error: 0, code: 0, evaluations: 20, noise: 0 }, // (1, 1): ok
 * ];
 * batchedAgain(f, x0, resolveHessian(undefined, x0), upperTriangle(2), entries, 4);
 * entries[1].code; // => 1 ("noise-limited", its error holding noise of 1e-10)
 * ```
 */
export function batchedAgain(
  f: BatchFn,
  x0: Float64Array,
  o: ResolvedMultivariate,
  t: { rows: Int32Array; cols: Int32Array },
  entries: HessianEntry[],
  inFlight: number,
): void {
  const redo = noisyEntries(x0, o, t, entries);
  if (redo === null) return;
  const again: HessianEntry[] = new Array<HessianEntry>(redo.t.rows.length);
  runBatched(redo.t.rows.length, redo.make, inFlight, again, f, hessianSpace(x0, redo.t));
  redo.merge(again);
}

/** The one-variable engine of order 2 along a coordinate at its value xi, as an entry. */
function* diagonalEntry(engine: ScalarEngine, xi: number, opts: ResolvedOptions): Pipeline<HessianEntry> {
  const r = yield* derivativePipeline(engine, new Sampler(null, opts.lo, opts.hi), xi, opts);
  const noise = diagonalNoise(r.status, r.noise);
  return { value: r.value, error: r.error, code: statusCode(r.status), evaluations: r.evaluations, noise };
}

/** fixedPartial of order 2 along x_i, the centre f(x) given. */
function* fixedDiagonal(
  x0: Float64Array,
  o: ResolvedMultivariate,
  i: number,
  centre: number,
): Pipeline<HessianEntry> {
  const h = o.step as number;
  const saved = x0[i];
  if (!Number.isFinite(saved)) return NO_ENTRY;
  const st = fixedStencil("central", 2, o.accuracy);
  const r = new PointRequest();
  r.reserve(st.offsets.length);
  let count = 0;
  for (const off of st.offsets) if (off !== 0) r.points[count++] = saved + off * h;
  [r.count, r.evaluated, r.prefix] = [count, count, false];
  yield r;
  let sum = 0;
  let q = 0;
  for (let k = 0; k < st.offsets.length; k++)
    sum += st.weights[k] * (st.offsets[k] === 0 ? centre : r.values[q++]);
  const value = divideByPower(sum, h, st.order);
  return { value, error: NaN, code: statusCode(fixedStatus(value)), evaluations: count };
}

/** mixedStencil at h_i = h_j = h: four points (their box checked beforehand, checkInside). */
function* fixedMixed(x0: Float64Array, h: number, i: number, j: number): Pipeline<HessianEntry> {
  const xi = x0[i];
  const xj = x0[j];
  if (!Number.isFinite(xi) || !Number.isFinite(xj)) return NO_ENTRY;
  const counter = { evaluations: 0 };
  const value = yield* stencilAt(xi, xj, h, h, EVERYWHERE, counter);
  return { value, error: NaN, code: statusCode(fixedStatus(value)), evaluations: counter.evaluations };
}

/** A box that holds every point. */
const EVERYWHERE: readonly number[] = [-Infinity, Infinity, -Infinity, Infinity];

/**
 * f(x) from a batched f's values at the one point x (an array of one number), checked as any batch.
 *
 * @example
 * ```ts
 * centreOfBatch([5], new Float64Array([1, 2])); // => 5
 * centreOfBatch([5, 6], new Float64Array([1, 2])); // throws INCONSISTENT_OUTPUT
 * ```
 */
export function centreOfBatch(values: unknown, x0: Float64Array): number {
  const r = new PointRequest();
  r.points[0] = x0[0];
  r.count = 1;
  scatterSlices([{ request: r, task: 0, from: 0, to: 1 }], values, "f");
  return r.values[0];
}

/**
 * A Hessian's n × n matrices before any entry: values 0, errors NaN, status codes 0.
 *
 * @example
 * ```ts
 * hessianMatrices(1).error; // => [Float64Array [NaN]]
 * ```
 */
export function hessianMatrices(n: number): {
  value: Float64Array[];
  error: Float64Array[];
  statuses: Uint8Array[];
} {
  const value: Float64Array[] = [];
  const error: Float64Array[] = [];
  const statuses: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    value.push(new Float64Array(n));
    error.push(new Float64Array(n).fill(NaN));
    statuses.push(new Uint8Array(n));
  }
  return { value, error, statuses };
}

/**
 * The Hessian's symmetric matrices from its entries (in {@link upperTriangle} order); `evaluations`
 * counts the calls besides the entries' own (the centre of a fixed step).
 *
 * @example
 * ```ts
 * const e = { value: 2, error: 0, code: 0, evaluations: 3 };
 * packHessian([e, e, e], upperTriangle(2), 0).value; // => [Float64Array [2, 2], Float64Array [2, 2]]
 * ```
 */
export function packHessian(
  entries: HessianEntry[],
  t: { rows: Int32Array; cols: Int32Array },
  evaluations: number,
): HessianResult {
  const n = t.rows.length === 0 ? 0 : t.rows[t.rows.length - 1] + 1;
  const { value, error, statuses } = hessianMatrices(n);
  entries.forEach((e, k) => {
    const i = t.rows[k];
    const j = t.cols[k];
    value[i][j] = value[j][i] = e.value;
    error[i][j] = error[j][i] = e.error;
    statuses[i][j] = statuses[j][i] = e.code;
    evaluations += e.evaluations;
  });
  return { value, error, evaluations, status: worstStatus(statuses), statuses };
}
