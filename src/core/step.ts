/**
 * Step rules: the scales tried for x, and steps that are exactly representable offsets of x.
 */

import { INITIAL_STEP, MIN_SCALE, SMALL_X } from "./constants.js";

/**
 * The step actually taken when asking for x + h: h' = (x + h) - x, so that x + h' is exact and the
 * difference quotient divides by the true distance (Numerical Recipes §5.7; Sterbenz's lemma makes
 * the subtraction exact).
 *
 * @example
 * ```ts
 * representableStep(1, 1e-4); // 0.00009999999999998899
 * representableStep(1e300, 1e-4); // 0 (below the spacing of doubles at 1e300)
 * representableStep(Number.MAX_VALUE, 1e307); // 9.979201547673599e306, measured below x
 * ```
 */
export function representableStep(x: number, h: number): number {
  const up = x + h;
  // Beside ±MAX_VALUE x + h may overflow while x − h does not: measure the step on that side.
  return up === Infinity || up === -Infinity ? x - (x - h) : up - x;
}

/**
 * The scales of x tried by the adaptive method, in order. The step rule is h0 = s · INITIAL_STEP[n].
 * For |x| ≥ SMALL_X the scale is max(|x|, 1), and for |x| > 1 also 1 (an oscillating f at large x).
 * For tiny nonzero |x| the scale is |x| first (log, sqrt, 1/x near their pole), then 1 (exp, cos),
 * the second tried only when the first is not good enough.
 *
 * @example
 * ```ts
 * candidateScales(5);     // [5, 1]
 * candidateScales(0.5);   // [1]
 * candidateScales(0);     // [1]
 * candidateScales(1e-12); // [1e-12, 1]
 * ```
 */
export function candidateScales(x: number): number[] {
  const ax = Math.abs(x);
  if (!(ax > 0)) return doubles(1);
  if (ax < SMALL_X) return doubles(Math.max(ax, MIN_SCALE), 1);
  return ax > 1 ? doubles(ax, 1) : doubles(1);
}

// INITIAL_STEP as a typed array: it is frozen, and V8's optimizing compiler reads a frozen array's
// elements through its generic keyed load.
const FIRST_STEPS = Float64Array.from(INITIAL_STEP);

/**
 * [a] or [a, b] as an array of doubles, whatever a is: V8 stores [1] or [5, 1] as small integers and
 * [0.5, 1] as doubles, and the engine's reads of arrays of both kinds convert each array of integers
 * at run time (a quarter of a microsecond per derivative).
 */
function doubles(a: number, b?: number): number[] {
  const out = b === undefined ? [0.5] : [0.5, b];
  out[0] = a;
  return out;
}

/**
 * First step of the adaptive engine for derivative `order` at scale `s`, shrunk when the widest stencil
 * point x ± reach·h would overflow (x = ±1e300 and beyond).
 *
 * @example
 * ```ts
 * initialStep(1, 1, 0, 1);        // 0.125
 * initialStep(1e308, 1, 1e308, 1) < 1e308; // true: x + h stays finite
 * ```
 */
export function initialStep(s: number, order: number, x: number, reach: number): number {
  let h = s * FIRST_STEPS[order];
  const room = (Number.MAX_VALUE - Math.abs(x)) / (2 * reach);
  if (h > room) h = room;
  return h;
}

/**
 * v / h^n computed as n successive divisions, so that h^n cannot overflow or underflow on its own
 * (h = 1e299 with n = 4, h = 1e-200 with n = 2). For n = 1 it is exactly v / h.
 *
 * @example
 * ```ts
 * divideByPower(1, 1e200, 2); // 1e-400 underflows to 0, but:
 * divideByPower(1e300, 1e200, 2); // 1e-100
 * ```
 */
export function divideByPower(v: number, h: number, n: number): number {
  for (let k = 0; k < n; k++) v /= h;
  return v;
}
