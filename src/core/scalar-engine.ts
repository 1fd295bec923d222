/**
 * The honest derivative of a scalar function: the adaptive column (driver.ts) at each scale of x
 * (scalar-column.ts), then, when the column saw trouble, the noise level (settle-noise.ts), the
 * one-sided comparison (side-checks.ts) and the singular points (settle-singular.ts). Every outcome
 * carries a status.
 */

import { withQuietShare } from "./quiet-noise.js";
import { COLUMN_FLAG } from "./column-state.js";
import { EPS, F_ROUNDING, JUMP_RESOLUTION, NOISE_FLOOR, SECOND_CHECK_RATIO } from "./constants.js";
import { runSync } from "./column-steps.js";
import {
  checkNoise,
  checkNoiseAgain,
  needsNoiseCheck,
  noiseCheckPoints,
  noiseCheckStep,
} from "./noise-check.js";
import { checkOddPart } from "./odd-part-check.js";
import { rowsShowSecondJump } from "./noisy-second-jump.js";
import { checkFarRow } from "./far-row-check.js";
import { checkEvenPole } from "./even-pole.js";
import { checkEvenKink } from "./even-kink.js";
import { wideEvenKink } from "./wide-even-kink.js";
import { jumpHolds } from "./check-jump.js";
import { jumpResult } from "./jump-at-x.js";
import { representableStep } from "./step.js";
import { stencilArrays } from "./base-stencil.js";
import { firstOrderJoin, firstOrderTail } from "./first-order.js";
import { firstBreaksAt, LOWER_CHECK_ORDER, saysLittle } from "./first-at-x.js";
import { flatFloat32Error, FLOAT32_ELSEWHERE_ORDER, float32Values } from "./float32.js";
import { float32Floor, readsDoubleArgument } from "./float32-floor.js";
import { float32Input, inputRoundingError } from "./float32-input.js";
import { float32Jumped } from "./float32-jump.js";
import { bounded, type Pipeline, type Sampler } from "./sampler.js";
import { firstRun, run, runNow, type Estimate, type ScalarEngine } from "./scalar-column.js";
import { settleNoise } from "./settle-noise.js";
import { settleSingular } from "./settle-singular.js";
import { settleShape } from "./side-checks.js";
import { misfitOnly, settleMisfit } from "./settle-misfit.js";
import { heldToOtherSide } from "./other-side.js";
import { jumpHiddenFromEven } from "./blind-jump.js";
import { estimated, statusCode } from "./status.js";
import type { DerivativeResult } from "./types.js";
import type { ResolvedOptions } from "./validate.js";

// Where these lived before the split (scalar-column.ts, noise-check.ts), for importers of this file.
export { ScalarEngine, probeFlags, toleranceStep } from "./scalar-column.js";
export { noiseCheckStep } from "./noise-check.js";

/**
 * The adaptive derivative of the sampler's f at x with its status (see the file comment), as a
 * pipeline (see sampler.ts): every value of f it needs goes through `sampler`, which calls a sync f
 * itself or yields the points to a batched or async runner. The caller handles x not finite and the
 * fixed-step method. {@link derivativeNow} is the same pipeline for a sync f, without generators.
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * import { Sampler } from "./sampler.js";
 * import { runSync } from "./column-steps.js";
 * const o = resolveOptions(undefined, 1);
 * runSync(derivativeSteps(new ScalarEngine(), new Sampler(Math.exp), 1, o)).value; // 2.718281828459…
 * ```
 */
export function* derivativeSteps(
  engine: ScalarEngine,
  sampler: Sampler,
  x: number,
  o: ResolvedOptions,
): Pipeline<Omit<DerivativeResult, "evaluations">> {
  engine.begin(x, o);
  sampler.limit = o.maxEvaluations;
  const noise = initialNoise(o, o.noiseRelative ? yield* sampler.one(x) : NaN);
  const est = yield* run(engine, sampler, { ...firstRun(o, noise), evenNoise: true });
  checkFarRow(engine, est);
  if (firstOrderTail(est, o)) {
    const joined = yield* bounded(firstOrderJoin(engine, sampler, est), () => null);
    if (joined !== null) return joined;
  }
  const n = needsNoiseCheck(est, o) ? noiseCheckPoints(engine, x, o.order, engine.scales[0]) : 0;
  if (n > 0 && sampler.affords(engine.checkPoints, n)) {
    if (sampler.prepare(engine.checkPoints, n, true, engine.checkValues)) yield sampler.request;
    checkNoise(engine, sampler.complete(n, true, engine.checkValues), n, o.order, est);
    checkOddPart(engine, n, est);
    checkEvenPole(engine, n, est);
    if (engine.recheckExcess > 0) {
      // A second check (NOISE_RECHECK_GAP), at new points.
      const m = secondCheckPoints(engine, sampler, x, o);
      if (m > 0 && sampler.prepare(engine.checkPoints, m, true, engine.checkValues)) yield sampler.request;
      checkNoiseAgain(engine, m > 0 ? sampler.complete(m, true, engine.checkValues) : 0, m, o.order, est);
    }
    checkEvenKink(engine, n, est);
    yield* bounded(wideEvenKink(engine, sampler, est), () => false);
  }
  const result = withQuietShare(
    plainEnding(est, o, engine)
      ? plainResult(est)
      : flatZero(yield* bounded(settle(engine, sampler, est, noise), () => spentResult(est)), sampler, x, o),
    o.order,
    est.quietShare,
    est.quietSigma,
    [est.bandShare, est.bandSigma],
  );
  const held = oneSided(o)
    ? yield* bounded(heldToOtherSide(engine, sampler, result, noise, est.flags), () => result)
    : movedInput(result, sampler, engine, o);
  // A float32 f that jumps at x's float32 cell (float32-jump.ts), which the jump tests see as flat.
  const plain = float32Floored(held, sampler, x, o);
  const floored = asksFloat32Jump(plain, o)
    ? yield* bounded(float32Jumped(plain, sampler, x, o.order), () => plain)
    : plain;
  return sampler.short ? budgetStatus(floored) : floored;
}

/**
 * {@link derivativeSteps} for a sampler that calls a sync f itself: the first column (the costly part
 * of most derivatives) runs without generator objects, the rest through the same {@link settle}, so
 * the two return the same bits (test/core/sync-pipeline.test.ts checks it).
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./validate.js";
 * import { Sampler } from "./sampler.js";
 * derivativeNow(new ScalarEngine(), new Sampler(Math.exp), 1, resolveOptions(undefined, 1)).value;
 * // 2.718281828459…, as derivativeSteps
 * ```
 */
export function derivativeNow(
  engine: ScalarEngine,
  sampler: Sampler,
  x: number,
  o: ResolvedOptions,
): Omit<DerivativeResult, "evaluations"> {
  engine.begin(x, o);
  sampler.limit = o.maxEvaluations;
  const noise = initialNoise(o, o.noiseRelative ? sampler.at(x) : NaN);
  const est = runNow(engine, sampler, { ...firstRun(o, noise), evenNoise: true });
  checkFarRow(engine, est);
  if (firstOrderTail(est, o)) {
    const joined = runSync(bounded(firstOrderJoin(engine, sampler, est), () => null));
    if (joined !== null) return joined;
  }
  const n = needsNoiseCheck(est, o) ? noiseCheckPoints(engine, x, o.order, engine.scales[0]) : 0;
  if (n > 0 && sampler.affords(engine.checkPoints, n)) {
    checkNoise(engine, sampler.now(engine.checkPoints, n, true, engine.checkValues), n, o.order, est);
    checkOddPart(engine, n, est);
    checkEvenPole(engine, n, est);
    if (engine.recheckExcess > 0) {
      const m = secondCheckPoints(engine, sampler, x, o);
      checkNoiseAgain(
        engine,
        m > 0 ? sampler.now(engine.checkPoints, m, true, engine.checkValues) : 0,
        m,
        o.order,
        est,
      );
    }
    checkEvenKink(engine, n, est);
    runSync(bounded(wideEvenKink(engine, sampler, est), () => false));
  }
  const result = withQuietShare(
    plainEnding(est, o, engine)
      ? plainResult(est)
      : flatZero(
          runSync(bounded(settle(engine, sampler, est, noise), () => spentResult(est))),
          sampler,
          x,
          o,
        ),
    o.order,
    est.quietShare,
    est.quietSigma,
    [est.bandShare, est.bandSigma],
  );
  const held = oneSided(o)
    ? runSync(bounded(heldToOtherSide(engine, sampler, result, noise, est.flags), () => result))
    : movedInput(result, sampler, engine, o);
  const plain = float32Floored(held, sampler, x, o);
  const floored = asksFloat32Jump(plain, o)
    ? runSync(bounded(float32Jumped(plain, sampler, x, o.order), () => plain))
    : plain;
  return sampler.short ? budgetStatus(floored) : floored;
}

/**
 * Whether a result may be a float32 f's jump at x's cell (float32-jump.ts): a noise-limited first
 * derivative. Tested before the generator is made, which a plain result should not pay for.
 */
function asksFloat32Jump(result: Omit<DerivativeResult, "evaluations">, o: ResolvedOptions): boolean {
  return o.order === 1 && result.status === "noise-limited";
}

/**
 * The points of the second noise check (noiseCheckPoints at SECOND_CHECK_RATIO), or 0 where the budget
 * (maxEvaluations) has no room for them: then the first check's points and step are restored, and
 * checkNoiseAgain, given none, keeps the first check's verdict (its gap's excess scales the error).
 */
function secondCheckPoints(engine: ScalarEngine, sampler: Sampler, x: number, o: ResolvedOptions): number {
  const m = noiseCheckPoints(engine, x, o.order, engine.scales[0], SECOND_CHECK_RATIO);
  if (m === 0 || sampler.affords(engine.checkPoints, m)) return m;
  noiseCheckPoints(engine, x, o.order, engine.scales[0]);
  return 0;
}

/**
 * The estimate as it stood before a stage that the budget (maxEvaluations) did not let run: status
 * "max-evaluations", which says that the checks after the first estimate were not all made.
 */
function spentResult(est: Estimate): Omit<DerivativeResult, "evaluations"> {
  return { value: est.value, error: est.error, step: est.step, method: est.kind, status: "max-evaluations" };
}

/**
 * A result after the budget stopped a stage (Sampler.short): its status at least "max-evaluations"
 * (a stronger one, found before, stands), since what did not run might have changed the answer.
 */
function budgetStatus(result: Omit<DerivativeResult, "evaluations">): Omit<DerivativeResult, "evaluations"> {
  if (statusCode(result.status) < statusCode("max-evaluations")) result.status = "max-evaluations";
  return result;
}

/**
 * A result of exactly 0 whose stencil's values are a float32 f's (float32.ts, flatFloat32Error):
 * its error reaches the float32 rounding of those values at its step; status "noise-limited" where
 * that rounding is what sets it. Other results pass through.
 */
function flatZero(
  result: Omit<DerivativeResult, "evaluations">,
  sampler: Sampler,
  x: number,
  o: ResolvedOptions,
): Omit<DerivativeResult, "evaluations"> {
  if (result.value !== 0 || !estimated(result.status)) return result;
  const weightSum = stencilArrays(result.method, o.order).weightSum;
  const known = (t: number): number => sampler.known(t);
  // (f's other values count at orders 3 and 4 only: at orders 1 and 2 a float32 F's component constant
  // along one coordinate, f32(cos x₀ + atan x₁) at 0 in a Jacobian, keeps the double model's error.)
  const float32F = o.order >= FLOAT32_ELSEWHERE_ORDER && float32Values(sampler.knownValues());
  const error = flatFloat32Error(known, x, result.step, weightSum, o.order, result.error, float32F);
  return error === result.error ? result : { ...result, error, status: "noise-limited" };
}

/**
 * A central first derivative at an x that is no float32 number, where f's values at the noise check's
 * points are a float32 computation's (float32-input.ts): f may round its argument, which moves the
 * stencil's points; the error grows by what that adds (inputRoundingError, g″ from the even parts at
 * the result's step and at the check's). Other results pass through.
 */
function movedInput(
  result: Omit<DerivativeResult, "evaluations">,
  sampler: Sampler,
  engine: ScalarEngine,
  o: ResolvedOptions,
): Omit<DerivativeResult, "evaluations"> {
  const { x } = engine;
  if (o.order !== 1 || result.method !== "central" || !Number.isFinite(result.error)) return result;
  if (!estimated(result.status) || !Number.isFinite(result.value)) return result;
  const h1 = representableStep(x, noiseCheckStep(1, engine.scales[0]));
  if (!(float32Input(x, sampler.known(x + h1)) || float32Input(x, sampler.known(x - h1)))) return result;
  const known = (t: number): number => sampler.known(t);
  const h = result.step;
  const added = inputRoundingError(known, x, h, h1, result.value);
  return added > 0 ? { ...result, error: result.error + added } : result;
}

/**
 * A derivative whose stencil's values at its step are a float32 f's (float32-floor.ts, float32Floor):
 * its error is at least their float32 rounding there, grown by the tableau, with the move of f's
 * rounded argument. At order 1 only where the noise stage found f's values noisy (status
 * "noise-limited"): a double f's first derivative at dyadic points (t³ − 2t at 1, exact arithmetic
 * whose values are float32 numbers of up to 24 bits) would lose every digit past float32's, and the
 * common path (common-path.ts), which keeps quiet estimates, gives the same bits. Other results pass
 * through.
 */
function float32Floored(
  result: Omit<DerivativeResult, "evaluations">,
  sampler: Sampler,
  x: number,
  o: ResolvedOptions,
): Omit<DerivativeResult, "evaluations"> {
  if (!estimated(result.status) || (o.order === 1 && result.status !== "noise-limited")) return result;
  if (!Number.isFinite(result.value) || !Number.isFinite(result.error)) return result;
  const st = stencilArrays(result.method, o.order);
  const h = representableStep(x, result.step);
  const known = (t: number): number => sampler.known(t);
  const central = result.method === "central";
  const readsDouble = (): boolean => readsDoubleArgument(sampler.knownPoints(), sampler.knownValues());
  const error = float32Floor(known, x, h, st, central, o.order, result.value, result.error, readsDouble);
  return error === result.error ? result : { ...result, error };
}

/**
 * Whether the caller asked for a one-sided method, whose result is then held against the other side
 * (other-side.ts); the other methods make no generator for it.
 */
function oneSided(o: ResolvedOptions): boolean {
  return o.method === "forward" || o.method === "backward";
}

/** The noise level given in the options, absolute (relative ones scaled by |f(x)|; 0 if not finite). */
function initialNoise(o: ResolvedOptions, fx: number): number {
  const noise = o.noiseRelative ? o.noise * Math.abs(fx) : o.noise;
  return Number.isFinite(noise) ? noise : 0;
}

/**
 * Whether the estimate (after the noise check) is the result as it stands, status "ok": nothing
 * noticed (noise, a kink, a jump, a spent budget, a pole, rows that misfit: settle-misfit.ts), no noise
 * level given, an error estimate, an
 * odd order and a finite value other than exactly 0 (else {@link settle} may need f(x), or a wider
 * step to tell a zero derivative from f below its resolution).
 */
function plainEnding(est: Estimate, o: ResolvedOptions, engine: ScalarEngine): boolean {
  return (
    (est.flags & ~COLUMN_FLAG.firstOrder) === 0 &&
    !engine.secondJumps &&
    !misfitOnly(engine, est) &&
    est.value !== 0 &&
    o.noise === 0 &&
    o.order % 2 === 1 &&
    !Number.isNaN(est.error) &&
    Number.isFinite(est.value)
  );
}

/**
 * The result of a {@link plainEnding}, with a place for the evaluations that the caller fills (a
 * property added later would cost a map transition and a property store per result).
 */
function plainResult(est: Estimate): DerivativeResult {
  return {
    value: est.value,
    error: est.error,
    step: est.step,
    method: est.kind,
    status: "ok",
    evaluations: 0,
  };
}

/**
 * Whether the result asks for a lower derivative at x (first-at-x.ts): at order 2 where it says
 * little; at orders 3 and 4 where the rows' odd parts showed f″ jumping (odd-part-check.ts,
 * `secondJumps`); at order 3 also where it says little (a jump of f″ makes f‴'s differences grow like
 * J/(2h), which the column takes for noise), and at order 4 where it says little with no significant
 * digit, or "ok" with one or so (sin t + 0.55·huber at its threshold 90618: f⁗ = 0.76 ± 1.4e8, noise-limited; f″'s
 * sides there differ by 0.55, far beyond their errors). Not on the kink test's flag where the growth test did not
 * confirm it: it flags some smooth f (1/(1 + t²) at −0.59, whose f‴ and f⁗ then took 4 and 2 calls
 * more), and a smooth f pays nothing for these checks (test/core/higher-order-honesty.test.ts).
 */
function asksLower(engine: ScalarEngine, result: Omit<DerivativeResult, "evaluations">): boolean {
  const order = engine.o.order;
  if (order < 2 || order > LOWER_CHECK_ORDER) return false;
  if (order === 2) return saysLittle(result, order);
  if (engine.secondJumps || (order === 3 && saysLittle(result, order))) return true;
  // At order 4, a noise-limited result asks only where it has no significant digit: f″'s sides under
  // noise can differ by it alone (eᵗ·(1 + 3.6e-9·noise) at 0: f⁗ = 1.00002 ± 5.4e-4 became
  // "discontinuous"), while f⁗ where f″ jumps at a large |x| ends with an error far above its value.
  // An "ok" one asks where it has a digit or so: with none it is a cubic's 0 to rounding (t³ − 2t at
  // 0.3: −4.7e-15 ± 1.9e-12), which pays nothing for the check.
  const digit = result.error < Math.abs(result.value);
  return saysLittle(result, order) && (result.status === "ok") === digit;
}

/**
 * The pipeline after its first estimate and the noise check, when it is not a plain ending: the noise
 * stage (settle-noise.ts), the shape stage (side-checks.ts) and the singular stage
 * (settle-singular.ts), each doing work only when the estimate calls for it.
 */
function* settle(
  engine: ScalarEngine,
  sampler: Sampler,
  first: Estimate,
  given: number,
): Pipeline<Omit<DerivativeResult, "evaluations">> {
  const { x } = engine;
  if (misfitOnly(engine, first)) return yield* settleMisfit(engine, sampler, first, engine.rowMisfit);
  if (engine.checkJump) {
    // The noise checks' jump part (check-jump.ts), measured at shorter steps: a jump of f at x.
    const h1 = representableStep(x, noiseCheckStep(1, engine.scales[0]));
    const finest = JUMP_RESOLUTION * engine.scales[0];
    if (yield* jumpHolds(sampler, x, h1, first.value, finest))
      return yield* jumpResult(engine, sampler, first);
  }
  const stage = yield* settleNoise(engine, sampler, first, given);
  // A fourth derivative whose first column saw noise skipped the odd-part check: its rows still tell
  // a jump of f″ at x (noisy-second-jump.ts).
  if (
    (first.flags & COLUMN_FLAG.noisy) !== 0 &&
    stage.noiseUsed === undefined &&
    stage.est.kind === "central" &&
    rowsShowSecondJump(engine)
  )
    engine.secondJumps = true;
  if (stage.done !== null) return stage.done;
  const { est, noiseUsed } = stage;
  const noisy =
    noiseUsed !== undefined && noiseUsed > NOISE_FLOOR * F_ROUNDING * EPS * Math.abs(yield* sampler.one(x));
  const settled: Omit<DerivativeResult, "evaluations"> = {
    value: est.value,
    error: est.error,
    step: est.step,
    method: est.kind,
    status: noisy ? "noise-limited" : "ok",
  };
  const shape = yield* settleShape(engine, sampler, first, stage, settled);
  const result = shape.result;
  if (shape.done) return result;
  if ((est.flags & COLUMN_FLAG.budget) !== 0 && result.status === "ok") result.status = "max-evaluations";
  if (shape.noiseUsed !== undefined) result.noise = shape.noiseUsed;
  const noticed = (first.flags & COLUMN_FLAG.noisy) !== 0;
  const singular = yield* settleSingular(engine, sampler, est, result, shape.joined, noticed);
  // An f″ that says little where f′ has no value, an f‴ or f⁗ whose rows showed f″ jumping (or an f‴
  // that says little) where f″'s sides differ (first-at-x.ts): no value either.
  if (est.kind === "central" && engine.o.noise === 0 && asksLower(engine, singular)) {
    if (yield* firstBreaksAt(derivativeSteps, sampler, x, engine.o))
      return { ...singular, value: NaN, error: Infinity, status: "discontinuous" };
  }
  // A jump at x that f⁗'s stencil cancels (blind-jump.ts).
  if (
    est.kind === "central" &&
    engine.o.noise === 0 &&
    (yield* jumpHiddenFromEven(engine, sampler, singular))
  )
    return { ...singular, value: NaN, error: Infinity, status: "discontinuous" };
  return singular;
}
