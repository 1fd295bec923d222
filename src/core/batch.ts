/**
 * Evaluation of a round of points (rounds.ts) by a batched f: one call with every point of the round,
 * as a Float64Array of t (a scalar f) or a row-major block of points x with x_i = t (f of n variables).
 */

import { NumdiffError, describeValue } from "./errors.js";
import type { Round } from "./rounds.js";
import { roundSize } from "./rounds.js";
import { checkNumber, type PointRequest } from "./sampler.js";
import type { BatchFn } from "./types.js";

/**
 * Where the points of a round live: numbers t for a scalar f (`x0` null), or points x0 with the
 * coordinate `coordinate(task)` set to t.
 *
 * @example
 * ```ts
 * const space: PointSpace = { x0: new Float64Array([1, 2]), coordinate: (task) => task };
 * ```
 */
export interface PointSpace {
  readonly x0: Float64Array | null;
  coordinate(task: number): number;
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
  const total = roundSize(round);
  const x0 = space.x0;
  if (x0 === null) {
    const block = new Float64Array(total);
    let at = 0;
    for (const r of round.requests) {
      block.set(r.points.subarray(0, r.count), at);
      at += r.count;
    }
    return block;
  }
  const n = x0.length;
  const block = new Float64Array(total * n);
  let row = 0;
  round.requests.forEach((r, a) => {
    const i = space.coordinate(round.tasks[a]);
    for (let j = 0; j < r.count; j++, row++) {
      block.set(x0, row * n);
      block[row * n + i] = r.points[j];
    }
  });
  return block;
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
  const total = roundSize(round);
  if (!(Array.isArray(values) || (ArrayBuffer.isView(values) && !(values instanceof DataView)))) {
    throw new NumdiffError(
      "NON_NUMERIC_RESULT",
      name,
      `invalid ${name}; expected a batch function returning an array of ${total} numbers (one per point), got ${describeValue(values)}`,
    );
  }
  const v = values as ArrayLike<unknown>;
  const width = round.requests.length > 0 ? round.requests[0].width : 1;
  const nested = width > 1 && v.length === total && typeof v[0] !== "number";
  if (v.length !== total * width && !nested) {
    throw new NumdiffError(
      "INCONSISTENT_OUTPUT",
      name,
      `invalid ${name}; expected a batch function returning ${total} values (one per point of the batch)${width > 1 ? `, each ${width} numbers (or ${total * width} numbers in a row)` : ""}, got ${v.length}`,
    );
  }
  let at = 0;
  for (const r of round.requests) {
    for (let j = 0; j < r.count; j++) {
      if (width === 1) r.values[j] = checkNumber(v[at++], r.points[j]);
      else if (nested) writeVector(r, j, v[at++], name);
      else for (let k = 0; k < width; k++) r.values[j * width + k] = checkNumber(v[at++], r.points[j]);
    }
    r.evaluated = r.count;
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
export function evaluateBatch(round: Round, f: BatchFn, space: PointSpace): void {
  scatterValues(round, f(roundBlock(round, space)));
}
