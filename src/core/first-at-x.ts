/**
 * A second derivative exists only where the first does. Where f′ jumps at x (a kink of f), the
 * central second difference grows like J/h, and the growth tests (growth.ts, jump-changes.ts) see it
 * only where J/h clears the rounding of f at their steps. Beside a large f, as in a Hessian's diagonal
 * whose line through x carries the other coordinates' terms, they do not: tanh t + 0.07·|t| at 0
 * beside a term of 2.2e12 gave f″ = −0.205 ± 22, noise-limited, and runge + 0.0021·|t| beside 6.5e5
 * gave −8222 ± 19767, ok (the column ran on down to 5e-7, taking J/h for noise). The first derivative's
 * own pipeline, whose one-sided columns each settle at their best step, tells the kink apart far
 * better (it compares slopes: J against √(σ·|f″|), where the growth of f″'s differences needs J/h
 * above σ/h² over a range of steps). So an order-2 result that says little (noise-limited, or fewer
 * than two significant digits) asks the engine for f′ at x; where that says "not-differentiable" or
 * "discontinuous", f″ has no value at x either. Not where the caller gave a noise level: its results
 * are "noise-limited" by the caller's word, not by the engine's doubt (and a Hessian's second round,
 * run with the level its diagonal found, makes no call more for it).
 *
 * The same holds one order up: f‴ and f⁗ exist only where f″ does. Where f″ jumps by J at x (a C1
 * join: x|x|, the Huber loss at its threshold, max(0, t)²), the central third difference grows like
 * J/(2h), which beside a large f⁗ clears it only at steps where rounding rules (log t + 3.53·max(0, t −
 * c)² at c = 0.00139: J/(2h) passes f⁗·h/4 below h ≈ 1e-4·c): the column takes the growth for noise
 * and gives 7.43e8 ± 5.9e4, noise-limited, for a third derivative that does not exist. The second
 * derivative's pipeline compares f″'s two sides (odd-part-check.ts, anchored-jump.ts, side-checks.ts).
 * So an order-3 or order-4 result that says little asks the engine for f″ at x; where that says
 * "not-differentiable" or "discontinuous", the higher derivative is "discontinuous".
 */

import { bounded, type Pipeline, type Sampler } from "./sampler.js";
import { ScalarEngine } from "./scalar-column.js";
import type { DerivativeResult, Status } from "./types.js";
import type { ResolvedOptions } from "./validate.js";

/** Statuses of f′ at x that leave f″ no value there. */
const NO_FIRST: readonly Status[] = ["not-differentiable", "discontinuous"];

/**
 * The relative error from which an order-2 result "says little" ({@link saysLittle}): 1/100, fewer
 * than two significant digits. A smooth f″ ends far below it (1e-6 … 1e-12 relative; beside a term of
 * 1e9, whose rounding σ is 1e-7, about √σ ≈ 3e-4), where a jump in f beside a large term leaves a
 * column stopped early with a few percent (eᵗ + 1.8e-5·H(t − 1) beside 2.3e9: f″ = 2.724 ± 0.098, ok,
 * where f′ is "discontinuous").
 *
 * @default 0.01
 * @example
 * ```ts
 * FEW_DIGITS; // => 0.01
 * ```
 */
export const FEW_DIGITS = 0.01;

/**
 * The highest order whose result asks for a lower derivative at x ({@link saysLittle}): 4, the
 * highest order with a kink test (MAX_KINK_ORDER).
 *
 * @default 4
 * @example
 * ```ts
 * LOWER_CHECK_ORDER; // => 4
 * ```
 */
export const LOWER_CHECK_ORDER = 4;

/**
 * The order {@link firstBreaksAt} asks for below `order`: f′ below f″, f″ below f‴ and f⁗ (a jump of
 * f″, which leaves both without a value; the second derivative's pipeline asks for f′ in turn when its
 * own result says little).
 *
 * @example
 * ```ts
 * lowerOrder(2); // => 1
 * lowerOrder(4); // => 2
 * ```
 */
export function lowerOrder(order: number): number {
  return order <= 2 ? 1 : 2;
}

/**
 * Whether a result of order 2 to LOWER_CHECK_ORDER says little enough to ask for the lower derivative
 * at x ({@link lowerOrder}): status "noise-limited", or "ok" with fewer than two significant digits
 * (an error of at least FEW_DIGITS·|value|, or none) and a value other than 0. A smooth f's f″ ends
 * "ok" with a smaller error, or exactly 0 where f is linear along the line (x₀²x₁'s ∂²/∂x₁²), and asks
 * nothing, so its calls and bits are as before; a jump in f′ gives no 0 (its differences grow like
 * J/h).
 *
 * @example
 * ```ts
 * saysLittle({ value: -8222, error: 19767, status: "ok" }, 2); // => true
 * saysLittle({ value: 2.724, error: 0.098, status: "ok" }, 2); // => true
 * saysLittle({ value: 2, error: 1e-9, status: "ok" }, 2); // => false
 * saysLittle({ value: 2, error: 1e-9, status: "noise-limited" }, 1); // => false (order 1)
 * saysLittle({ value: 7.43e8, error: 5.9e4, status: "noise-limited" }, 3); // => true
 * saysLittle({ value: 0, error: 3e-13, status: "ok" }, 2); // => false
 * ```
 */
export function saysLittle(
  result: Pick<DerivativeResult, "value" | "error" | "status">,
  order: number,
): boolean {
  if (order < 2 || order > LOWER_CHECK_ORDER || !Number.isFinite(result.value)) return false;
  if (result.status === "noise-limited") return true;
  return (
    result.status === "ok" && result.value !== 0 && !(result.error < FEW_DIGITS * Math.abs(result.value))
  );
}

let spare: ScalarEngine | null = null;

/**
 * Whether a lower derivative's one-sided values, each with the measured noise's share in its error,
 * differ by more than SIDES_BEYOND_NOISE times their errors: noise alone does not part them so far.
 * sin t + 0.17·huber at its threshold −3490.8: f″'s sides −0.3312 ± 2.6e-4 and −0.4968 ± 2.8e-4 under
 * a level of 5.3e-9 (f's rounding at 4e6), where f‴ gave −16446.9 ± 396053, ok.
 */
function sidesBeyondNoise(r: Pick<DerivativeResult, "left" | "right">): boolean {
  const { left, right } = r;
  if (left === undefined || right === undefined) return false;
  return Math.abs(left.value - right.value) > SIDES_BEYOND_NOISE * (left.error + right.error);
}

/**
 * How many times their errors a lower derivative's sides must differ by for {@link firstBreaksAt} to
 * count them where noise was measured: 16, as far beyond the errors (which hold the noise's share) as
 * the noise check's signal (NOISE_CHECK_SIGNAL) stands above rounding.
 * @default 16
 * @example
 * ```ts
 * SIDES_BEYOND_NOISE; // => 16
 * ```
 */
export const SIDES_BEYOND_NOISE = 16;

/**
 * Whether the lower derivative at x ({@link lowerOrder} of the options' order: f′ for f″, f″ for f‴
 * and f⁗) has no value by the engine's own pipeline, `pipeline` (scalar-engine.ts, derivativeSteps,
 * passed in so that this file does not import the file that imports it; see the file comment): the
 * same sampler (its calls counted and budgeted with the rest), the same options at that order. False
 * where the budget leaves no room for it.
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * import { resolveOptions } from "./validate.js";
 * import { derivativeSteps } from "./scalar-engine.js";
 * const f = (t: number) => 1e9 + Math.tanh(t) + 0.07 * Math.abs(t);
 * runSync(firstBreaksAt(derivativeSteps, new Sampler(f), 0, resolveOptions({ order: 2 }, 0))); // => true
 * runSync(firstBreaksAt(derivativeSteps, new Sampler(Math.exp), 0, resolveOptions({ order: 2 }, 0))); // => false
 * ```
 */
export function* firstBreaksAt(
  pipeline: (
    engine: ScalarEngine,
    sampler: Sampler,
    x: number,
    o: ResolvedOptions,
  ) => Pipeline<Pick<DerivativeResult, "status" | "noise" | "left" | "right">>,
  sampler: Sampler,
  x: number,
  o: ResolvedOptions,
): Pipeline<boolean> {
  // One spare engine, taken while in use (an f that itself asks for a derivative gets its own).
  const engine = spare ?? new ScalarEngine();
  spare = null;
  try {
    const lower = { ...o, order: lowerOrder(o.order) };
    const first = yield* bounded(pipeline(engine, sampler, x, lower), () => null);
    if (first?.status === undefined || !NO_FIRST.includes(first.status)) return false;
    // Above order 2, only f″'s two sides, compared with no noise measured or differing far beyond the
    // errors its share gave them: noise makes f‴'s column say little by itself, and f″'s sides under
    // noise can differ by it alone; a "discontinuous" f″ is a
    // kink of f′, which the column of order 3 or 4 tells by itself (side-checks.ts, lowerJumps), and
    // asked here it flagged kinks of f′ beside x, where f‴ exists.
    return (
      o.order <= 2 ||
      (first.status === "not-differentiable" && (first.noise === undefined || sidesBeyondNoise(first)))
    );
  } finally {
    spare = engine;
  }
}
