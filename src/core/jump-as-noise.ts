/**
 * A one-sided derivative whose "noise" was a jump of f at x on the other side. The noise stage's
 * tables lie about x, on both sides of it: a jump J there reads as a level of about J/2, and the
 * caller's side, on which f is smooth, is then run with that level in its error model, which holds a
 * long step's estimate with an error far too small (√t + 5e-4·H(t − c) forward at c = 0.0036, order 4:
 * −1.84e6 ± 7.7e6, noise-limited, where f⁗ = −3.36e8). Where f jumps at x on the other side and not on
 * this one, this side's column is run again without the level, on past the "noise" its long rows saw
 * (√t's own edge beside x): if it settles with an error below the share that level would put into a
 * difference at its step, f has no noise of that level on this side (its rows would scatter by that
 * share), and that column's estimate is the result (−3.34e8 ± 4.0e7), status "ok".
 */

import { noiseShare } from "./noise-check.js";
import { jumpsOnSide } from "./side-jump.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { firstRun, run, type ScalarEngine } from "./scalar-column.js";
import type { DerivativeResult, StencilKind } from "./types.js";

/** A result of derivative()'s pipeline before its evaluations are counted. */
type Settled = Omit<DerivativeResult, "evaluations">;

/**
 * The one-sided `result` ("noise-limited" at the noise stage's level, no level given) from this
 * side's column run again without that level, where f jumps at x on the `other` side only and the
 * column settles below the level's share at its step (see the file comment); null otherwise.
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * import { Sampler } from "./sampler.js";
 * import { runSync } from "./column-steps.js";
 * import { ScalarEngine } from "./scalar-column.js";
 * const c = 0.0036;
 * const f = (t: number) => Math.sqrt(t) + 5e-4 * (t >= c ? 1 : 0);
 * const engine = new ScalarEngine().begin(c, resolveOptions({ method: "forward", order: 4 }, c));
 * const given = { value: -1.8e6, error: 7.7e6, step: 0.0078, method: "forward", status: "noise-limited", noise: 1.8e-4 } as const;
 * runSync(cleanOfOtherJump(engine, new Sampler(f), given, "backward"))?.value; // ≈ −3.34e8 (f⁗ = −3.36e8)
 * ```
 */
export function* cleanOfOtherJump(
  engine: ScalarEngine,
  sampler: Sampler,
  result: Settled,
  other: StencilKind,
): Pipeline<Settled | null> {
  const { o } = engine;
  const level = result.noise ?? 0;
  if (!(level > 0) || !(yield* jumpsOnSide(engine, sampler, other, level))) return null;
  const clean = yield* run(engine, sampler, { ...firstRun(o, 0), stopOnNoise: false });
  if (!(clean.error < noiseShare(clean, level, o.order)) || !Number.isFinite(clean.value)) return null;
  return { value: clean.value, error: clean.error, step: clean.step, method: result.method, status: "ok" };
}
