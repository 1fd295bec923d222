/**
 * derivative()'s stage for a first estimate that is quiet but for its rows' misfit (row-misfit.ts):
 * the long rows straddle jumps of f that the short ones do not, as in f computed by an algorithm that
 * stops at a tolerance. The level they imply is f's noise: the column runs again with it in its error
 * model (as with the `noise` option), and the result is "noise-limited" with that level.
 */

import { noiseShare } from "./noise-check.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { firstRun, run, type Estimate, type ScalarEngine } from "./scalar-column.js";
import type { DerivativeResult } from "./types.js";

/**
 * Whether the first estimate calls for {@link settleMisfit} alone: a central f′ with default noise
 * whose rows misfit (ScalarEngine.rowMisfit) and that nothing else flagged (column flags, the first
 * order's tail of a C1 join at x among them, a jump the noise checks saw); other trouble takes the
 * pipeline's own stages.
 *
 * @example
 * ```ts
 * import { ScalarEngine } from "./scalar-column.js";
 * const est = { value: 1, error: 1e-15, step: 0.03125, kind: "central", flags: 0, noisyStep: NaN } as const;
 * misfitOnly(new ScalarEngine(), est); // => false (no misfit level: a smooth f's rows)
 * ```
 */
export function misfitOnly(engine: ScalarEngine, first: Estimate): boolean {
  const o = engine.o;
  return (
    engine.rowMisfit > 0 &&
    o.order === 1 &&
    o.noise === 0 &&
    first.kind === "central" &&
    first.flags === 0 &&
    !engine.checkJump &&
    Number.isFinite(first.value)
  );
}

/**
 * The first estimate with the error that noise of the misfit's `level` implies: the column run again
 * with the level in its error model (stopping on it, as with the `noise` option) gives that error at the
 * steps the level allows; the result keeps the first value and takes the larger of its error and the
 * run's interval reaching it, |v_run − v| + e_run (where the run finds no error, the level's share at
 * the first estimate's step). The error only grows: a first estimate that covered the truth still does,
 * whatever the misfit was. Status "noise-limited", `noise` the level.
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
  const reach = Number.isFinite(again.error)
    ? Math.abs(again.value - first.value) + again.error
    : first.error + noiseShare(first, level, 1);
  return {
    value: first.value,
    error: Math.max(first.error, reach),
    step: first.step,
    method: first.kind,
    status: "noise-limited",
    noise: level,
  };
}
