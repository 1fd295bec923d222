/**
 * The one-sided check of a Jacobian entry whose column saw a kink (the driver's kink test: the even
 * part changed like h). The central difference of F_k along x_j at a kink is the midpoint of its two
 * one-sided slopes, and converges as if F_k were smooth (ReLU at 0: 0.5, error 4e-16). For such a
 * column F is called at x ± h·e_j and x ± 2h·e_j (h the smallest step a flagged entry kept; x ± h
 * alone where x ± 2h leaves the bounds); each flagged entry gets the one-sided slopes R = (F_k(x + h) −
 * F_k(x))/h and L = (F_k(x) − F_k(x − h))/h, and when they differ beyond its error, status
 * "not-differentiable" and an error that holds both, and their Richardson extrapolations 2R(h) − R(2h)
 * and 2L(h) − L(2h) too: a one-sided slope at step h is off by f″·h/2, which near a kink just beside x
 * (1/(1 + t²) + 0.03·max(0, t − x + 7e-12) at 0.238: R and L 0.0133 from the value, the truth 0.0163)
 * the error must hold as well.
 */

import { COLUMN_FLAG } from "./column-state.js";
import { noiseShare } from "./even-noise.js";
import type { JacobianJob } from "./jacobian-job.js";
import type { PointSource } from "./run-column.js";
import type { PointRequest } from "./sampler.js";
import { statusCode } from "./status.js";
import { representableStep } from "./step.js";
import { component } from "./vector-caller.js";

/** Σ|w| of the one-sided slopes' gap, (F(x + h) − 2·F(x) + F(x − h))/h. */
const SECOND_DIFFERENCE_WEIGHTS = 4;

/** STATUSES' code of "not-differentiable". */
const NOT_DIFFERENTIABLE = statusCode("not-differentiable");

/**
 * F at x ± h·e_j for a column's flagged entries: `ok` once both are known.
 *
 * @example
 * ```ts
 * const sides = new KinkSides(2);
 * sides.ok; // => false
 * ```
 */
export class KinkSides {
  readonly up: Float64Array;
  readonly down: Float64Array;
  /** F at x ± 2h, when `far` (both inside the bounds). */
  readonly up2: Float64Array;
  readonly down2: Float64Array;
  h = NaN;
  ok = false;
  far = false;

  constructor(m: number) {
    this.up = new Float64Array(m);
    this.down = new Float64Array(m);
    this.up2 = new Float64Array(m);
    this.down2 = new Float64Array(m);
  }

  /**
   * The step of the check for the listed components (`list`, the first `listed`) whose kept flags have
   * a kink: the smallest step they kept; NaN when none is flagged or the points leave [lo, hi].
   */
  step(
    list: Int32Array,
    listed: number,
    flags: Int8Array,
    steps: Float64Array,
    x: number,
    lo: number,
    hi: number,
  ): number {
    this.ok = false;
    let h = Infinity;
    for (let a = 0; a < listed; a++) {
      const k = list[a];
      if ((flags[k] & COLUMN_FLAG.kink) !== 0 && steps[k] < h) h = steps[k];
    }
    if (!(h > 0 && h < Infinity)) return NaN;
    const s = representableStep(x, h);
    return s > 0 && x - s >= lo && x + s <= hi && Number.isFinite(x + s) ? s : NaN;
  }

  /** Keeps F's values at x + h (`up`) or x − h; at x ± 2h with `far`. */
  take(v: ArrayLike<number>, base: number, up: boolean, far = false): void {
    const out = far ? (up ? this.up2 : this.down2) : up ? this.up : this.down;
    for (let k = 0; k < out.length; k++) out[k] = component(v, base + k);
  }

  /** Whether x ± 2h (h from {@link step}) lies inside [lo, hi]. */
  reachesFar(x: number, h: number, lo: number, hi: number): boolean {
    return x - 2 * h >= lo && x + 2 * h <= hi && Number.isFinite(x + 2 * h);
  }

  /**
   * Entry k's error and status code after the check: unchanged unless F_k's kept flags have a kink and
   * its one-sided slopes differ beyond `error` and beyond the share in their gap of a noise level
   * (`noise`: the one its column measured in a float32 F_k, whose grid looks like kinks).
   */
  widen(k: number, flags: number, value: number, error: number, centre: number, noise = 0): [number, number] {
    if (!this.ok || (flags & COLUMN_FLAG.kink) === 0) return [error, 0];
    const right = (this.up[k] - centre) / this.h;
    const left = (centre - this.down[k]) / this.h;
    const gap = Math.abs(right - left);
    // right − left = (F_k(x + h) − 2·F_k(x) + F_k(x − h))/h: weights summing to 4 in absolute value.
    const floor = noise > 0 ? error + noiseShare(noise, SECOND_DIFFERENCE_WEIGHTS, this.h) : error;
    if (!(gap > floor) || !Number.isFinite(gap)) return [error, 0];
    let reach = gap / 2 + Math.abs((right + left) / 2 - value);
    if (this.far) {
      // Richardson on each side: 2·S(h) − S(2h) removes the f″·h/2 of a one-sided slope at step h and
      // leaves its h² term, f‴·h²/3 in size, which the change S(h) − S(2h) = ∓f″·h/2 − f‴·h²/2 bounds
      // unless its two terms cancel: at the scale of a large |x| h is long (83 at −5320: atan's f‴·h²/3
      // is 1.7e-11, and the interval missed the left slope 3.5e-8 by it).
      const right2 = (this.up2[k] - centre) / (2 * this.h);
      const left2 = (centre - this.down2[k]) / (2 * this.h);
      const outer = Math.max(
        Math.abs(2 * right - right2 - value) + Math.abs(right - right2),
        Math.abs(2 * left - left2 - value) + Math.abs(left - left2),
      );
      if (outer > reach) reach = outer;
    }
    return [Math.max(error, reach), NOT_DIFFERENTIABLE];
  }
}

/**
 * The check's calls of F in a column pipeline: one request of both points (batched, async), or one
 * point per request with F's result in its `vector` (the sync loop).
 *
 * @example
 * ```ts
 * yield* checkSides(job, j, work.sides, work.list, work.listed, work.kept, request, pointwise);
 * ```
 */
export function* checkSides(
  job: JacobianJob,
  j: number,
  sides: KinkSides,
  list: Int32Array,
  listed: number,
  kept: { flags: Int8Array; step: Float64Array },
  request: PointRequest & { vector?: ArrayLike<number> },
  pointwise: boolean,
  room = Infinity,
): Generator<PointRequest, number, void> {
  const x = job.x0[j];
  const h = sides.step(list, listed, kept.flags, kept.step, x, job.o.lo[j], job.o.hi[j]);
  if (Number.isNaN(h)) return 0;
  const m = job.centre.length;
  const far = sides.reachesFar(x, h, job.o.lo[j], job.o.hi[j]) && room >= 4;
  const count = far ? 4 : 2;
  if (count > room) return noRoom(list, listed, kept.flags);
  if (pointwise) {
    for (let q = 0; q < count; q++) {
      request.reserve(1, m);
      request.points[0] = sidePoint(x, h, q);
      request.count = 1;
      request.evaluated = 1;
      request.prefix = false;
      yield request;
      sides.take(request.vector as ArrayLike<number>, 0, q % 2 === 0, q >= 2);
    }
  } else {
    request.reserve(count, m);
    for (let q = 0; q < count; q++) request.points[q] = sidePoint(x, h, q);
    request.count = count;
    request.evaluated = count;
    request.prefix = false;
    yield request;
    for (let q = 0; q < count; q++) sides.take(request.values, q * m, q % 2 === 0, q >= 2);
  }
  sides.h = h;
  sides.far = far;
  sides.ok = true;
  return count;
}

/**
 * Where the column's budget (jacobian-budget.ts) has no room for the check: its kinked entries are
 * flagged as the budget's (status "max-evaluations": the check might have found the kink). No call.
 */
function noRoom(list: Int32Array, listed: number, flags: Int8Array): number {
  for (let a = 0; a < listed; a++)
    if ((flags[list[a]] & COLUMN_FLAG.kink) !== 0) flags[list[a]] |= COLUMN_FLAG.budget;
  return 0;
}

/** The check's point q: x + h, x − h, x + 2h, x − 2h. */
function sidePoint(x: number, h: number, q: number): number {
  const s = q >= 2 ? 2 * h : h;
  return q % 2 === 0 ? x + s : x - s;
}

/**
 * {@link checkSides} for the sync column without generators: F through `source`.
 *
 * @example
 * ```ts
 * checkSidesNow(job, j, work.sides, work.list, work.listed, work.kept, source);
 * ```
 */
export function checkSidesNow(
  job: JacobianJob,
  j: number,
  sides: KinkSides,
  list: Int32Array,
  listed: number,
  kept: { flags: Int8Array; step: Float64Array },
  source: PointSource,
  room = Infinity,
): void {
  const x = job.x0[j];
  const h = sides.step(list, listed, kept.flags, kept.step, x, job.o.lo[j], job.o.hi[j]);
  if (Number.isNaN(h)) return;
  const far = sides.reachesFar(x, h, job.o.lo[j], job.o.hi[j]) && room >= 4;
  if ((far ? 4 : 2) > room) {
    noRoom(list, listed, kept.flags);
    return;
  }
  for (let q = 0; q < (far ? 4 : 2); q++) {
    const v = source.at(sidePoint(x, h, q));
    if (v === null) return;
    sides.take(v, 0, q % 2 === 0, q >= 2);
  }
  sides.h = h;
  sides.far = far;
  sides.ok = true;
}
