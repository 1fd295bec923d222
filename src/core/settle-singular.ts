/**
 * How far below the step it first grew from a first derivative's growth is measured again before it is
 * called infinite (settleSingular): 2⁻¹⁰. A pole a distance d beside x makes the central difference grow
 * like 1/h² for h > d and stop below d; first steps are 2⁻⁵…2⁻⁷ of the scale, so this resolves poles down
 * to about 1e-4 of it, while a derivative infinite at x (∛t at 0: h^(−2/3)) grows at every step.
 *
 * @default 2 ** -10
 * @example
 * ```ts
 * GROWTH_CONFIRM_RATIO; // => 0.0009765625
 * ```
 */
export const GROWTH_CONFIRM_RATIO = 2 ** -10;

/**
 * The singular stage of derivative()'s pipeline (scalar-engine.ts, settle): a pole at x (f(x)
 * infinite), differences that grow without bound as the step shrinks (an infinite derivative, a jump,
 * a cusp), a higher derivative read as noisy where a lower one jumps, and the fallbacks for a result
 * still without an error.
 */

import { estimated } from "./status.js";
import { COLUMN_FLAG } from "./column-state.js";
import {
  CENTRAL_RETRIES,
  CENTRAL_SHRINK,
  INITIAL_STEP,
  JUMP_RESOLUTION,
  NOISE_COVERAGE,
} from "./constants.js";
import { float32Result, float32Rounding } from "./float32.js";
import { growthAt, quotient, significantStep, unsettledEstimate } from "./growth.js";
import { lowerJumps, ranDownStep, vagueJumps, vagueSecond } from "./jump-changes.js";
import { noiseCheckStep } from "./noise-check.js";
import { midpointJumps } from "./odd-part-check.js";
import type { Pipeline, Sampler } from "./sampler.js";
import type { Estimate, ScalarEngine } from "./scalar-column.js";
import type { DerivativeResult } from "./types.js";

/** A result of derivative()'s pipeline before its evaluations are counted. */
type Settled = Omit<DerivativeResult, "evaluations">;

/**
 * The singular stage (see the file comment), from the result of the shape stage, the estimate behind
 * it, the sides joined there (or null) and whether the first column noticed "noise" (`noticed`).
 *
 * @example
 * ```ts
 * return yield* settleSingular(engine, sampler, est, shape.result, shape.joined);
 * ```
 */
export function* settleSingular(
  engine: ScalarEngine,
  sampler: Sampler,
  est: Estimate,
  settled: Settled,
  joined: { value: number; error: number } | null,
  noticed = false,
): Pipeline<Settled> {
  const { x, o } = engine;
  let result = settled;
  // A pole (f(x) infinite: 1/x at 0, 1/(x−1)² at 1) has no derivative, whatever the differences say;
  // f(x) NaN may be a removable singularity (sin(x)/x at 0), whose derivative the differences find.
  // f(x) costs a call only where the stencils did not need it and the even part grew.
  // No error estimate means no convergence: with f not finite at x, the last difference means nothing.
  const unknown = Number.isNaN(result.error);
  // Where the growth check found a pole beside x (below): the step its fallback starts from.
  let unsettledStep = 0;
  // A higher derivative with no significant digit, status ok, from a column that ran down to the
  // steps where a jump is confirmed (JUMP_RESOLUTION): its differences may be growing without bound
  // (|t|″ at 0 gave 9e15 ± 4e16, ok, from steps of 2e-16): the growth check says.
  const vague =
    o.order > 1 &&
    result.status === "ok" &&
    !(result.error < Math.abs(result.value)) &&
    result.step <= JUMP_RESOLUTION * Math.max(1, Math.abs(x));
  // Changes that grew like noise may be an odd pole's (eˣ + 1.7/(t − x) at x = 18.7: the scale of x
  // gave 1.28e8 ± 6e3, ok, its steps too long to see the pole, and the unit scale's grew without
  // bound); f(x) is in the noise tables' values then, so it costs no call.
  const mayBePole =
    noticed ||
    o.order % 2 === 0 ||
    (est.flags & (COLUMN_FLAG.pole | COLUMN_FLAG.probePole)) !== 0 ||
    !Number.isFinite(result.value) ||
    unknown ||
    vague;
  if ((result.status === "ok" || (unknown && result.status === "noise-limited")) && mayBePole) {
    const fx = yield* sampler.one(x);
    const pole = fx === Infinity || fx === -Infinity || (unknown && !Number.isFinite(fx));
    // No convergence (no error estimate) where the first difference keeps growing as h shrinks (√x
    // and ∛x at 0): the derivative is infinite, and the last difference would be a confident wrong answer.
    // Higher orders only from status "ok": a noisy f's n-th differences grow like 1/hⁿ too.
    // (A vague result's growth is measured from the first step where its difference stands above
    // rounding: one lost in rounding does not grow, a cubic's f″ at x = 1.6e-23 included.)
    const central = vague && est.kind === "central";
    const from = central ? yield* significantStep(sampler, x, result.step, o.order) : result.step;
    const grows = (unknown && (o.order === 1 || result.status === "ok")) || (vague && from > 0);
    // An even part that did not settle (the pole flag) where f(x) is finite: a cusp, whose one-sided
    // quotients grow without bound while the central ones cancel (√|t| at 0 gave 0 ± 6e-15, ok).
    const cusp =
      !pole && !grows && o.order === 1 && est.kind === "central" && (est.flags & COLUMN_FLAG.pole) !== 0;
    let growth = grows
      ? yield* growthAt(sampler, x, est.kind, from, o.order)
      : cusp
        ? yield* growthAt(sampler, x, "forward", result.step)
        : "bounded";
    // Growth that stops further down is a pole beside x, not at it: f32(1/(f32(t) − 0.5)) at 0.501,
    // whose first steps straddle the pole 1e-3 away, grew like 1/h² there and gave "not-finite" for
    // f′ = −1e6. A derivative infinite at x (∛t at 0) keeps growing at every step.
    if (growth === "infinite" && !pole && unknown && o.order === 1 && est.kind === "central") {
      const near = from * GROWTH_CONFIRM_RATIO;
      if ((yield* growthAt(sampler, x, est.kind, near, o.order)) === "bounded") {
        growth = "bounded";
        unsettledStep = near;
      }
    }
    // A cusp's one-sided quotient growing slower than a jump's: continuous, not differentiable.
    if (cusp && growth === "infinite")
      return { ...result, value: NaN, error: Infinity, status: "not-differentiable" };
    // A difference that grows like 1/h is a jump the one-sided test did not confirm (eˣ + 0.05·H(x − 0.7)).
    if (growth === "jump" && !pole)
      return { ...result, value: NaN, error: Infinity, status: "discontinuous" };
    if (!Number.isFinite(result.value) || pole || growth === "infinite") {
      // No value where the budget stopped a stage (Sampler.short) and f is finite: the budget's doing.
      const spent = sampler.short && !pole && growth !== "infinite";
      return { ...result, value: NaN, error: Infinity, status: spent ? "max-evaluations" : "not-finite" };
    }
  }
  // A higher derivative with no significant digit from a column that ran on far below where a smooth
  // f's truncation meets rounding (ranDownStep): its differences may have grown like a lower
  // derivative's jump, read as noise and run on past (f″ jumping at x, order 3: D ≈ J/h gave 4e8 ± 3e9,
  // ok, from steps of 6e-10). Not a 0, which no growth gives (tanh″ at 0 beside a large f).
  const ranDown =
    o.order > 1 &&
    result.status === "ok" &&
    result.value !== 0 &&
    !(result.error < Math.abs(result.value)) &&
    result.step < ranDownStep(engine);
  // An f″ with no significant digit that did not run down (jump-changes.ts, vagueSecond): beside a
  // large term, a join's or a kink's growth stands above rounding only at the longer steps.
  const vague2 = !ranDown && vagueSecond(o.order, result);
  if (o.order > 1 && est.kind === "central" && (result.status === "noise-limited" || ranDown || vague2)) {
    // A higher derivative read as noisy may be a lower one jumping at x (|t|″ at a large x): its
    // differences then grow like a jump's over two ratios of steps, where noise's grow like 1/hⁿ. (At
    // the scale of 1, whatever x: a jump J in f⁽ⁿ⁻¹⁾ must outgrow f⁽ⁿ⁾ there; at the scale of a
    // smaller x for a column that ran down, whose f may end within the scale of 1: log t at 0.0014.)
    const scale = ranDown ? Math.min(1, engine.scales[0]) : 1;
    // At an even order, f may jump through its midpoint at x, which the stencil cancels: the first
    // differences grow like J/h far above the noise's share (tanh t − 3.8e-5·sign(t − c) at c = −75.4
    // beside other terms of a Hessian's row: −1.7e-6 ± 6.3e-13, noise-limited, at a level of 1.1e-16).
    const midpoint = o.order % 2 === 0 && result.status === "noise-limited";
    const jumps =
      (vague2
        ? yield* vagueJumps(sampler, x, o.order)
        : yield* lowerJumps(sampler, x, noiseCheckStep(o.order, scale), o.order)) ||
      (midpoint && (yield* midpointJumps(engine, sampler, result.noise ?? 0)));
    if (jumps) {
      return { ...result, value: NaN, error: Infinity, status: "discontinuous" };
    }
  }
  if (joined !== null && Number.isNaN(result.error)) result = { ...result, ...joined };
  if (Number.isNaN(result.error) && est.kind === "central" && estimated(result.status)) {
    const fallback = yield* unsettledFallback(engine, sampler, est.flags, unsettledStep);
    if (fallback !== null) result = { ...result, ...fallback };
  }
  return result;
}

/**
 * Bounded, no jump, and still no error: the first rows' difference with an honest error (at any order:
 * log t beside a join of f″ 1.6e-11 from x gave f‴ = 402.78 ± NaN, noise-limited, where it is 326.69),
 * from the first step, or from `nearPole` (> 0) where the growth check found a pole beside x there.
 * `flags` are the first estimate's (COLUMN_FLAG). Null where no difference is finite.
 */
function* unsettledFallback(
  engine: ScalarEngine,
  sampler: Sampler,
  flags: number,
  nearPole: number,
): Pipeline<{ value: number; error: number; step: number } | null> {
  const { x, o } = engine;
  let h = nearPole > 0 ? nearPole : engine.scales[0] * INITIAL_STEP[o.order];
  let fallback = yield* unsettledEstimate(sampler, x, h, o.order);
  // A higher order's wider stencil may reach out of f's domain (log t at 0.18 from steps of 0.25):
  // its steps shrink as the column's did there (CENTRAL_SHRINK, CENTRAL_RETRIES times at most).
  for (let i = 0; i < CENTRAL_RETRIES && fallback === null && o.order > 1; i++) {
    h /= CENTRAL_SHRINK;
    fallback = yield* unsettledEstimate(sampler, x, h, o.order);
  }
  if (fallback === null) return null;
  let error = fallback.error;
  if (nearPole > 0) {
    // A float32 f's differences at power-of-two steps may agree exactly (its inputs x ± h are exact):
    // their changes say nothing of its rounding, which the error then holds (float32.ts), NOISE_COVERAGE
    // times the output's: a float32 computation rounds its intermediates too, each by up to half its
    // own last place (f32(1/(f32(t) − c)) beside its pole: t − c's rounding moved f′ as much as f's
    // did). f(x) is known: the pole check asked it.
    const fx = sampler.known(x);
    if (float32Result(fx)) error = Math.max(error, NOISE_COVERAGE * float32Rounding(fx, 1, h / 2, o.order));
  } else if (o.order === 1 && (flags & (COLUMN_FLAG.kink | COLUMN_FLAG.pole)) !== 0) {
    // A first column whose even part shrank like h (a kink) or did not settle (the pole flag) may have
    // straddled a kink beside x: the central difference is then the two slopes' midpoint, which its
    // changes do not question (max(0, t − x − 1e-6) under noise of 1e-12 gave 0.49997 ± 6.4e-5, ok,
    // for f′ = 0). Its error reaches both one-sided quotients at the same step (f(x) and f(x ± h/2),
    // known or two calls).
    const right = yield* quotient(sampler, x, "forward", h / 2);
    const left = yield* quotient(sampler, x, "backward", h / 2);
    const reach = Math.max(Math.abs(fallback.value - right), Math.abs(fallback.value - left));
    if (reach > error) error = reach; // (not where a quotient is not finite)
  }
  return { value: fallback.value, error, step: h / 2 };
}
