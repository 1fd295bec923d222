/**
 * The one-sided check of a Jacobian entry whose column saw a kink (the driver's kink test: the even
 * part changed like h). The central difference of F_k along x_j at a kink is the midpoint of its two
 * one-sided slopes, and converges as if F_k were smooth (ReLU at 0: 0.5, error 4e-16). For such a
 * column F is called once more at x ± h·e_j (h the smallest step a flagged entry kept); each flagged
 * entry gets the one-sided slopes R = (F_k(x + h) − F_k(x))/h and L = (F_k(x) − F_k(x − h))/h, and
 * when they differ beyond its error, status "not-differentiable" and an error that holds both:
 * |R − L|/2 + |(R + L)/2 − value|, as derivative() gives it.
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
  h = NaN;
  ok = false;

  constructor(m: number) {
    this.up = new Float64Array(m);
    this.down = new Float64Array(m);
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

  /** Keeps F's values at x + h (`up`) or x − h. */
  take(v: ArrayLike<number>, base: number, up: boolean): void {
    const out = up ? this.up : this.down;
    for (let k = 0; k < out.length; k++) out[k] = component(v, base + k);
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
    return [Math.max(error, gap / 2 + Math.abs((right + left) / 2 - value)), NOT_DIFFERENTIABLE];
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
): Generator<PointRequest, void, void> {
  const x = job.x0[j];
  const h = sides.step(list, listed, kept.flags, kept.step, x, job.o.lo[j], job.o.hi[j]);
  if (Number.isNaN(h)) return;
  const m = job.centre.length;
  if (pointwise) {
    for (const up of [true, false]) {
      request.reserve(1, m);
      request.points[0] = up ? x + h : x - h;
      request.count = 1;
      request.evaluated = 1;
      request.prefix = false;
      yield request;
      sides.take(request.vector as ArrayLike<number>, 0, up);
    }
  } else {
    request.reserve(2, m);
    request.points[0] = x + h;
    request.points[1] = x - h;
    request.count = 2;
    request.evaluated = 2;
    request.prefix = false;
    yield request;
    sides.take(request.values, 0, true);
    sides.take(request.values, m, false);
  }
  sides.h = h;
  sides.ok = true;
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
): void {
  const x = job.x0[j];
  const h = sides.step(list, listed, kept.flags, kept.step, x, job.o.lo[j], job.o.hi[j]);
  if (Number.isNaN(h)) return;
  const up = source.at(x + h);
  if (up === null) return;
  sides.take(up, 0, true);
  const down = source.at(x - h);
  if (down === null) return;
  sides.take(down, 0, false);
  sides.h = h;
  sides.ok = true;
}
