/**
 * A jump of f at x that an even order's central stencil cancels. The stencil of f⁗ (and f″) weighs
 * x + o·h and x − o·h alike, so it sees only f's even part about x, and a jump at x through its middle
 * value (sign t) is odd: sin t + 2e-4·sign t at 0 gave f⁗ = −4.7e-15 ± 3.8e-12, ok, where f has no
 * derivative at all. A result other than 0 that has no significant digit (its error at least its
 * value, as a cubic's 0 to rounding also has), "ok" or "noise-limited" (the noise tables about x take
 * such a jump for noise: √t − 4.5e-6·sign(t − c) at c = 0.019, −9.2e5 ± 3.5e6), asks the side jump test (side-jump.ts) on each side: f jumping at x
 * on either side has no derivative of any order there. f″ asks for f′ at x where it says little
 * (first-at-x.ts), which finds such a jump; f⁗ "ok" without a digit does not, and pays this test
 * instead: a smooth f's differences shrink with the step, and the test ends after two calls a side.
 * Where the noise check's values (no call) show f's odd part growing like a slope's, an "ok" result
 * asks nothing (`smoothAtCheck`).
 */

import { EPS, F_ROUNDING, KINK_SIGNAL } from "./constants.js";
import { noiseCheckStep } from "./noise-check.js";
import type { Pipeline, Sampler } from "./sampler.js";
import type { ScalarEngine } from "./scalar-column.js";
import { jumpsOnSide } from "./side-jump.js";
import { representableStep } from "./step.js";
import { estimated } from "./status.js";
import type { DerivativeResult } from "./types.js";

/**
 * Whether a central result of an even order from 4 on, with no significant digit, sits on a jump
 * of f at x (see the file comment); false for every other result, with no call.
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * import { Sampler } from "./sampler.js";
 * import { runSync } from "./column-steps.js";
 * import { ScalarEngine } from "./scalar-column.js";
 * const engine = new ScalarEngine().begin(0, resolveOptions({ order: 4 }, 0));
 * const f = (t: number) => Math.sin(t) + 2e-4 * Math.sign(t);
 * const r = { value: -4.7e-15, error: 3.8e-12, step: 0.125, method: "central", status: "ok" } as const;
 * runSync(jumpHiddenFromEven(engine, new Sampler(f), r)); // => true
 * ```
 */
export function* jumpHiddenFromEven(
  engine: ScalarEngine,
  sampler: Sampler,
  result: Omit<DerivativeResult, "evaluations">,
): Pipeline<boolean> {
  const { o } = engine;
  if (o.order < 4 || o.order % 2 !== 0 || result.method !== "central" || !estimated(result.status))
    return false;
  // (Not an exact 0: f even about x, sin t at 0, whose odd jump would leave its rounding.)
  if (!Number.isFinite(result.value) || result.value === 0 || result.error < Math.abs(result.value))
    return false;
  // (A noise-limited result runs the test whatever the check showed: its values hold the noise.)
  if (result.status === "ok" && smoothAtCheck(engine, sampler)) return false;
  const noise = result.noise ?? 0;
  return (
    (yield* jumpsOnSide(engine, sampler, "backward", noise)) ||
    (yield* jumpsOnSide(engine, sampler, "forward", noise))
  );
}

/**
 * How far below 2 the ratio of the noise check's odd parts, O(2h)/O(h) with O(h) = (f(x + h) −
 * f(x − h))/2, must fall for the check to show a jump: a smooth f's is 2 where f′ rules O (8 where
 * f‴ does), a jump J's is 1 where J rules (J + 2f′h over J + f′h beside a slope); 1.9 leaves a
 * twentieth of the slope's share for rounding and f‴. A smooth f falls below it only where f′ is
 * within about f‴·h² of 0 (there the test runs, as without the screen).
 *
 * @default 1.9
 * @example
 * ```ts
 * JUMP_PART_RATIO; // => 1.9
 * ```
 */
export const JUMP_PART_RATIO = 1.9;

/**
 * Whether the noise check's values (no call: read from the sampler) show f smooth about x, so that the
 * side jump test need not run: their odd parts at h and 2h grow like a slope's (ratio at least
 * JUMP_PART_RATIO, or below 0), or stand within KINK_SIGNAL roundings of 0. False where the check's
 * values are not all known (no check ran): the test runs then.
 */
function smoothAtCheck(engine: ScalarEngine, sampler: Sampler): boolean {
  const { x, o } = engine;
  const s = representableStep(x, noiseCheckStep(o.order, engine.scales[0]));
  const near = sampler.known(x + s) - sampler.known(x - s);
  const far = sampler.known(x + 2 * s) - sampler.known(x - 2 * s);
  if (!Number.isFinite(near) || !Number.isFinite(far)) return false;
  const rounding = F_ROUNDING * EPS * Math.abs(sampler.known(x + 2 * s)) * 2;
  if (Math.abs(near) <= KINK_SIGNAL * rounding) return Math.abs(far) <= KINK_SIGNAL * rounding;
  const ratio = far / near;
  return !(ratio > 0 && ratio < JUMP_PART_RATIO);
}
