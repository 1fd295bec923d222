/**
 * The way out of the lockstep path: a point that departs (lockstep.ts) runs derivative()'s scalar
 * pipeline from scratch, with f wrapped so that the points the lockstep path already evaluated are
 * answered from its values. The pipeline asks for those same points first (the lockstep path is its
 * prefix), so the result and its count of evaluations are derivative()'s, and f is called once per point.
 */

import { runSync } from "./column-steps.js";
import { derivativePipeline } from "./derivative-pipeline.js";
import { LOCKSTEP_CACHE, type LockstepPoints } from "./lockstep-points.js";
import { Sampler } from "./sampler.js";
import type { ScalarEngine } from "./scalar-engine.js";
import type { DerivativeOptions, DerivativeResult, Fn1 } from "./types.js";
import { resolveOptions } from "./validate.js";

/**
 * derivative(f, x, options) for point p of `pts`, with the values in p's cache served without calling
 * f (see the file comment).
 *
 * @example
 * ```ts
 * replayDerivative(Math.abs, 0, undefined, points, 0, new ScalarEngine()).status; // "not-differentiable"
 * ```
 */
export function replayDerivative(
  f: Fn1,
  x: number,
  options: DerivativeOptions | undefined,
  pts: LockstepPoints,
  p: number,
  engine: ScalarEngine,
): DerivativeResult {
  const keys = pts.keys;
  const vals = pts.vals;
  const from = p * LOCKSTEP_CACHE;
  const to = from + pts.size[p];
  const replayed = (t: number): number => {
    for (let i = from; i < to; i++) if (keys[i] === t && (t !== 0 || Object.is(keys[i], t))) return vals[i];
    return f(t);
  };
  const opts = resolveOptions(options, x);
  const sampler = new Sampler(replayed, opts.lo, opts.hi);
  try {
    return runSync(derivativePipeline(engine, sampler, x, opts));
  } finally {
    sampler.release();
  }
}
