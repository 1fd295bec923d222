/**
 * One derivative as a pipeline (see sampler.ts): what derivative() runs at one point, in a form the
 * sync, batched and async loops all drive.
 */

import { fixedStepSteps } from "./fixed-step.js";
import { runSync } from "./column-steps.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { derivativeNow, derivativeSteps, type ScalarEngine } from "./scalar-engine.js";
import type { DerivativeResult, StencilKind } from "./types.js";
import type { ResolvedOptions } from "./validate.js";

/**
 * `derivative` at one point as a pipeline (see sampler.ts), for the sync, batched and async
 * loops: x not finite, a fixed step, or the adaptive engine.
 *
 * @example
 * ```ts
 * const o = resolveOptions(undefined, 1);
 * runSync(derivativePipeline(new ScalarEngine(), new Sampler(Math.exp), 1, o)).evaluations; // 12
 * ```
 */
export function* derivativePipeline(
  engine: ScalarEngine,
  sampler: Sampler,
  x: number,
  opts: ResolvedOptions,
): Pipeline<DerivativeResult> {
  const startKind: StencilKind = opts.method === "auto" ? "central" : opts.method;
  if (!Number.isFinite(x)) {
    return { value: NaN, error: NaN, step: NaN, evaluations: 0, method: startKind, status: "not-finite" };
  }
  if (opts.step !== undefined) {
    return yield* fixedStepSteps(
      sampler,
      x,
      opts.order,
      startKind,
      opts.step,
      opts.accuracy,
      opts.lo,
      opts.hi,
    );
  }
  // Completed in place: a spread of the result cost a fifth of a derivative's overhead.
  const r = (yield* derivativeSteps(engine, sampler, x, opts)) as DerivativeResult;
  r.evaluations = sampler.evaluations;
  return r;
}

/**
 * {@link derivativePipeline} run to its end with a sampler that calls a sync f itself: the adaptive
 * engine without generator objects on its common path (derivativeNow), the same bits.
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * import { Sampler } from "./sampler.js";
 * import { ScalarEngine } from "./scalar-engine.js";
 * const o = resolveOptions(undefined, 1);
 * derivativeSync(new ScalarEngine(), new Sampler(Math.exp), 1, o).evaluations; // 12
 * ```
 */
export function derivativeSync(
  engine: ScalarEngine,
  sampler: Sampler,
  x: number,
  opts: ResolvedOptions,
): DerivativeResult {
  if (!Number.isFinite(x) || opts.step !== undefined) {
    return runSync(derivativePipeline(engine, sampler, x, opts));
  }
  const r = derivativeNow(engine, sampler, x, opts) as DerivativeResult;
  r.evaluations = sampler.evaluations;
  return r;
}
