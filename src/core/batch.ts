/**
 * Evaluation of a round of points (rounds.ts) by a batched f: one call with every point of the round,
 * as a Float64Array of t (a scalar f) or a row-major block of points x with x_i = t (f of n variables).
 */

import { NumdiffError, describeValue } from "./errors.js";
import { roundsOf, roundSize, type Round } from "./rounds.js";
import { checkNumber, type Pipeline, type PointRequest } from "./sampler.js";
import type { BatchFn } from "./types.js";

/**
 * Where the points of a round live: numbers t for a scalar f (`x0` null), or points x0 with the
 * coordinate `coordinate(task)` set to t; `write`, when given, writes the whole point of request
 * point q instead (x0.length numbers at out[at..]): a direction x0 + t·v, or a pair of coordinates.
 *
 * @example
 * ```ts
 * const space: PointSpace = { x0: new Float64Array([1, 2]), coordinate: (task) => task };
 * ```
 */
export interface PointSpace {
  readonly x0: Float64Array | null;
  coordinate(task: number): number;
  write?(task: number, r: PointRequest, q: number, out: Float64Array, at: number): void;
}

/**
 * Points [from, to) of one request of a round: a round, or a part of one, is a list of slices.
 *
 * @example
 * ```ts
 * import { PointRequest } from "./sampler.js";
 * const request = new PointRequest();
 * request.count = 2;
 * const slice: Slice = { request, task: 0, from: 0, to: request.count };
 * ```
 */
export interface Slice {
  readonly request: PointRequest;
  readonly task: number;
  readonly from: number;
  readonly to: number;
}

/**
 * A round as slices of whole requests.
 *
 * @example
 * ```ts
 * roundSlices({ requests: [], tasks: [] }); // []
 * ```
 */
export function roundSlices(round: Round): Slice[] {
  return round.requests.map((request, a) => ({ request, task: round.tasks[a], from: 0, to: request.count }));
}

/**
 * Writes point q of request r of `task` into out[at..] (x0.length numbers; see {@link PointSpace}).
 *
 * @example
 * ```ts
 * import { PointRequest } from "./sampler.js";
 * const r = new PointRequest();
 * r.points[0] = 5;
 * const out = new Float64Array(2);
 * writePoint({ x0: new Float64Array([1, 2]), coordinate: () => 1 }, 0, r, 0, out, 0);
 * out; // => Float64Array [1, 5]
 * ```
 */
export function writePoint(
  space: PointSpace,
  task: number,
  r: PointRequest,
  q: number,
  out: Float64Array,
  at: number,
): void {
  if (space.write !== undefined) return space.write(task, r, q, out, at);
  out.set(space.x0 as Float64Array, at);
  out[at + space.coordinate(task)] = r.points[q];
}

/**
 * The points of some slices as one block: their t, or x0.length numbers per point.
 *
 * @example
 * ```ts
 * import { PointRequest } from "./sampler.js";
 * const request = new PointRequest();
 * request.points.set([0.5, 1.5]);
 * sliceBlock([{ request, task: 0, from: 0, to: 2 }], { x0: null, coordinate: () => -1 }); // => Float64Array [0.5, 1.5]
 * ```
 */
export function sliceBlock(slices: readonly Slice[], space: PointSpace): Float64Array {
  let total = 0;
  for (const s of slices) total += s.to - s.from;
  const x0 = space.x0;
  if (x0 === null) {
    const block = new Float64Array(total);
    let at = 0;
    for (const s of slices) {
      block.set(s.request.points.subarray(s.from, s.to), at);
      at += s.to - s.from;
    }
    return block;
  }
  const n = x0.length;
  const block = new Float64Array(total * n);
  let row = 0;
  for (const s of slices)
    for (let q = s.from; q < s.to; q++) writePoint(space, s.task, s.request, q, block, n * row++);
  return block;
}

/**
 * The points of a round as one block (see {@link PointSpace}).
 *
 * @example
 * ```ts
 * roundBlock(round, { x0: null, coordinate: () => -1 }); // Float64Array of every t of the round
 * ```
 */
export function roundBlock(round: Round, space: PointSpace): Float64Array {
  return sliceBlock(roundSlices(round), space);
}

/**
 * Hands the values of a batch, in the order of {@link roundBlock}, to the round's requests; throws
 * NumdiffError when they are not an array of as many numbers as points.
 *
 * @example
 * ```ts
 * scatterValues(round, f(roundBlock(round, space)));
 * ```
 */
export function scatterValues(round: Round, values: unknown, name = "f"): void {
  scatterSlices(roundSlices(round), values, name);
  for (const r of round.requests) r.evaluated = r.count;
}

/**
 * Hands the values of a batch, in the order of {@link sliceBlock}, to the slices' points (m numbers
 * each for a vector F: an array of arrays, or all in a row); throws NumdiffError when they are not an
 * array of as many values as points.
 *
 * @example
 * ```ts
 * scatterSlices(slices, f(sliceBlock(slices, space)), "f");
 * ```
 */
export function scatterSlices(slices: readonly Slice[], values: unknown, name: string): void {
  let total = 0;
  for (const s of slices) total += s.to - s.from;
  if (!(Array.isArray(values) || (ArrayBuffer.isView(values) && !(values instanceof DataView)))) {
    throw new NumdiffError(
      "NON_NUMERIC_RESULT",
      name,
      `invalid ${name}; expected a batch function returning an array of ${total} numbers (one per point), got ${describeValue(values)}`,
    );
  }
  const v = values as ArrayLike<unknown>;
  const { width, arrays: vector } = slices.length > 0 ? slices[0].request : SCALAR;
  const nested = vector && v.length === total && typeof v[0] !== "number";
  if (v.length !== total * width && !nested) {
    throw new NumdiffError(
      "INCONSISTENT_OUTPUT",
      name,
      `invalid ${name}; expected a batch function returning ${total} values (one per point of the batch)${vector ? `, each ${width} numbers (or ${total * width} numbers in a row)` : ""}, got ${v.length}`,
    );
  }
  let at = 0;
  for (const { request: r, from, to } of slices) {
    for (let j = from; j < to; j++) {
      if (!vector) r.values[j] = checkNumber(v[at++], r.points[j]);
      else if (nested) writeVector(r, j, v[at++], name);
      else for (let k = 0; k < width; k++) r.values[j * width + k] = checkNumber(v[at++], r.points[j]);
    }
  }
}

/**
 * Writes the m values of point j of a vector request, refusing what is not an array of m numbers.
 *
 * @example
 * ```ts
 * writeVector(request, 0, [1, 2], "F");
 * ```
 */
export function writeVector(r: PointRequest, j: number, v: unknown, name: string): void {
  const m = r.width;
  if (!(Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView)))) {
    throw new NumdiffError(
      "NON_NUMERIC_RESULT",
      name,
      `invalid ${name}; expected a function returning arrays of numbers, got ${describeValue(v)}`,
    );
  }
  const a = v as ArrayLike<unknown>;
  if (a.length !== m) {
    throw new NumdiffError(
      "INCONSISTENT_OUTPUT",
      name,
      `invalid ${name}; expected arrays of length ${m} on every call (the length of its first result), got ${a.length}`,
    );
  }
  for (let k = 0; k < m; k++) r.values[j * m + k] = checkNumber(a[k], r.points[j]);
}

/**
 * Evaluates a round with one call of a batched f.
 *
 * @example
 * ```ts
 * for (const round of roundsOf(n, make, LOCKSTEP_PIPELINES, results)) evaluateBatch(round, f, space);
 * ```
 */
export function evaluateBatch(round: Round, f: BatchFn, space: PointSpace, name = "f"): void {
  scatterValues(round, f(roundBlock(round, space)), name);
}

/**
 * The sync batched loop: `count` pipelines in lockstep (at most `inFlight` at once), each round one
 * call of f (`name` in its errors); `onDone(i)` as each finishes. Returns the points evaluated.
 *
 * @example
 * ```ts
 * const results: DerivativeResult[] = [];
 * runBatched(n, coordinatePipelines(x0, o, all), 64, results, f, { x0, coordinate: (k) => k });
 * ```
 */
export function runBatched<R>(
  count: number,
  make: (i: number) => Pipeline<R>,
  inFlight: number,
  results: R[],
  f: BatchFn,
  space: PointSpace,
  onDone?: (i: number) => void,
  name = "f",
): number {
  let evaluations = 0;
  for (const round of roundsOf(count, make, inFlight, results, onDone)) {
    evaluateBatch(round, f, space, name);
    evaluations += roundSize(round);
  }
  return evaluations;
}

/**
 * A counter for onProgress: each call reports one more finished unit, `(done, total)`, in the order
 * the sync loops report them (1, 2, …, total); undefined without a callback.
 *
 * @example
 * ```ts
 * const seen: number[][] = [];
 * const tick = progressCounter((d, t) => seen.push([d, t]), 3);
 * tick?.(0);
 * seen; // => [[1, 3]]
 * ```
 */
export function progressCounter(
  onProgress: ((done: number, total: number) => void) | undefined,
  total: number,
): ((i: number) => void) | undefined {
  if (onProgress === undefined) return undefined;
  let done = 0;
  return () => onProgress(++done, total);
}

/** What a batch of no slices is read as. */
const SCALAR = { width: 1, arrays: false };
