/**
 * A first derivative whose central column converged like h: where f″ jumps at x (the Huber loss at
 * its threshold, x|x| at 0, a spline's C1 join), D(h) = f′ + J·h/4 + c·h² + …, and the tableau, which
 * removes h², h⁴, …, leaves the h term: the column runs on to steps where J·h meets rounding, and its
 * error is the last change (kink-test.ts, firstOrderRow), about 1e-8. Each one-sided column sees one
 * smooth piece, which it resolves to every power of h: where the two agree, their join is the
 * estimate, before the noise check (whose tiny step the h term moves too, like noise: smoothstep(t) +
 * 0.3t at 1 gave 0.30000002798 ± 4.7e-8; now 0.3 ± 1.4e-12).
 */

import { COLUMN_FLAG } from "./column-state.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { quietSide } from "./quiet-side.js";
import type { Estimate, ScalarEngine } from "./scalar-column.js";
import { joinSides } from "./smoothness.js";
import type { DerivativeResult } from "./types.js";
import type { ResolvedOptions } from "./validate.js";

/** A result of derivative()'s pipeline before its evaluations are counted. */
type Settled = Omit<DerivativeResult, "evaluations">;

/**
 * Whether the first estimate has a first-order tail to improve on: a central first derivative whose
 * column flagged it (COLUMN_FLAG.firstOrder) and nothing else, with a finite value and error, and no
 * noise level or tolerance asked for.
 *
 * @example
 * ```ts
 * import { COLUMN_FLAG } from "./column-state.js";
 * import { resolveOptions } from "./validate.js";
 * const est = { value: 0.3, error: 4.7e-8, step: 1e-8, kind: "central", flags: COLUMN_FLAG.firstOrder, noisyStep: NaN } as const;
 * firstOrderTail(est, resolveOptions(undefined, 1)); // true
 * ```
 */
export function firstOrderTail(est: Estimate, o: ResolvedOptions): boolean {
  return (
    o.order === 1 &&
    est.kind === "central" &&
    est.flags === COLUMN_FLAG.firstOrder &&
    Number.isFinite(est.value) &&
    Number.isFinite(est.error) &&
    o.noise === 0 &&
    o.rtol === 0 &&
    o.atol === 0
  );
}

/**
 * The estimate as the two sides joined (smoothness.ts, joinSides) where they agree and the join's
 * error is below the column's, status "ok"; else null, and the pipeline goes on as for any first
 * estimate. Sides that jump or show noise give null too; so do C1 pieces joined beside x rather than
 * at it, whose sides differ by J times its distance.
 *
 * @example
 * ```ts
 * import { COLUMN_FLAG } from "./column-state.js";
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * import { ScalarEngine } from "./scalar-column.js";
 * import { resolveOptions } from "./validate.js";
 * const engine = new ScalarEngine().begin(1, resolveOptions(undefined, 1));
 * const step = (t: number) => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t)) + 0.3 * t; // f″ jumps at 1
 * const est = { value: 0.30000002798, error: 4.7e-8, step: 1e-8, kind: "central", flags: COLUMN_FLAG.firstOrder, noisyStep: NaN } as const;
 * runSync(firstOrderJoin(engine, new Sampler(step), est))?.value; // => 0.3 ± 1e-10 (its error ≈ 1.3e-12)
 * ```
 */
export function* firstOrderJoin(
  engine: ScalarEngine,
  sampler: Sampler,
  est: Estimate,
): Pipeline<Settled | null> {
  const backward = yield* quietSide(engine, sampler, "backward");
  if (backward === null) return null;
  const forward = yield* quietSide(engine, sampler, "forward");
  if (forward === null) return null;
  const joined = joinSides(backward, forward);
  if (joined === null || !(joined.error < est.error)) return null;
  return { value: joined.value, error: joined.error, step: est.step, method: est.kind, status: "ok" };
}
