/**
 * derivative()'s stage for a first estimate that is quiet but for its rows' misfit (row-misfit.ts):
 * the long rows straddle jumps of f that the short ones do not, as in f computed by an algorithm that
 * stops at a tolerance. The level they imply is f's noise: the column runs again with it in its error
 * model (as with the `noise` option), and the result is "noise-limited" with that level.
 */

import { COLUMN_FLAG } from "./column-state.js";
import { noiseShare } from "./noise-check.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { firstRun, run, type Estimate, type ScalarEngine } from "./scalar-column.js";
import type { DerivativeResult } from "./types.js";

/**
 * Whether the first estimate calls for {@link settleMisfit} alone: a central f′ with default noise
 * whose rows misfit (ScalarEngine.rowMisfit) and that nothing else flagged (column flags but the first
 * order's tail, a jump the noise checks saw); other trouble takes the pipeline's own stages.
 *
 * @example
 * ```ts
 * misfitOnly(engine, est); // => false for a smooth f
 * ```
 */
export function misfitOnly(engine: ScalarEngine, first: Estimate): boolean {
  const o = engine.o;
  return (
    engine.rowMisfit > 0 &&
    o.order === 1 &&
    o.noise === 0 &&
    first.kind === "central" &&
    (first.flags & ~COLUMN_FLAG.firstOrder) === 0 &&
    !engine.checkJump &&
    Number.isFinite(first.value)
  );
}

/**
 * The column run again with the misfit's `level` as f's noise (stopping on it); where that run finds no
 * error, the first estimate with the level's share at its step. Status "noise-limited", `noise` the
 * level.
 *
 * @example
 * ```ts
 * const r = yield* settleMisfit(engine, sampler, first, engine.rowMisfit); // r.status: "noise-limited"
 * ```
 */
export function* settleMisfit(
  engine: ScalarEngine,
  sampler: Sampler,
  first: Estimate,
  level: number,
): Pipeline<Omit<DerivativeResult, "evaluations">> {
  const again = yield* run(engine, sampler, { ...firstRun(engine.o, level), stopOnNoise: true });
  const est = Number.isFinite(again.error)
    ? again
    : { ...first, error: first.error + noiseShare(first, level, 1) };
  return {
    value: est.value,
    error: est.error,
    step: est.step,
    method: est.kind,
    status: "noise-limited",
    noise: level,
  };
}
