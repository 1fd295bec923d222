/**
 * Error estimates of stencil derivatives of smooth data: the difference between two accuracy orders.
 */

import { ERROR_ACCURACY_STEP } from "./constants.js";
import type { SampledResult } from "./types.js";

/**
 * An error estimate: one value per sample (NaN where absent) and a note saying how it was made or why
 * it is absent.
 *
 * @example
 * ```ts
 * const e: ErrorEstimate = { error: new Float64Array(3).fill(NaN), note: "too few samples" };
 * ```
 */
export interface ErrorEstimate {
  error: Float64Array;
  note: string;
}

/**
 * |value − reference| per sample, where `reference` is the same derivative computed with a higher
 * accuracy order (`compute(accuracy)`), or NaN with a reason when there are too few samples for it.
 *
 * For data that resolve a smooth function, the truncation error of D_p is dominated by its leading
 * term, which D_p − D_{p+2} measures; for noisy or under-resolved data the difference measures the
 * noise amplified by the stencils, which is also a real error of the result.
 *
 * @example
 * ```ts
 * differenceEstimate(value, 2, 5, 1, (p) => stencilDerivative(p));
 * // { error: |D_2 − D_4|, note: "|D_2 − D_4|: difference from accuracy 4 (smooth data)" }
 * ```
 */
export function differenceEstimate(
  value: Float64Array,
  accuracy: number,
  n: number,
  order: number,
  compute: (accuracy: number) => Float64Array,
  label = `D_${accuracy}`,
): ErrorEstimate {
  const higher = accuracy + ERROR_ACCURACY_STEP;
  if (n < order + higher) {
    return {
      error: new Float64Array(value.length).fill(NaN),
      note: `absent: ${n} samples are too few for the accuracy-${higher} comparison (needs ${order + higher})`,
    };
  }
  const reference = compute(higher);
  const error = new Float64Array(value.length);
  for (let i = 0; i < value.length; i++) error[i] = Math.abs(value[i] - reference[i]);
  return {
    error,
    note: `|${label} − D_${higher}|: the difference from accuracy ${higher}, honest for smooth, resolved data`,
  };
}

/**
 * An absent estimate: NaN everywhere, with the reason.
 *
 * @example
 * ```ts
 * absentEstimate(3, "not requested").error; // Float64Array [NaN, NaN, NaN]
 * ```
 */
export function absentEstimate(length: number, reason: string): ErrorEstimate {
  return { error: new Float64Array(length).fill(NaN), note: `absent: ${reason}` };
}

/**
 * The result of a stencil derivative: its values, the error estimate and how it was made.
 *
 * @example
 * ```ts
 * stencilResult(value, differenceEstimate(value, 2, n, 1, compute), 1, 2).method; // "finite-difference"
 * ```
 */
export function stencilResult(
  value: Float64Array,
  estimate: ErrorEstimate,
  order: number,
  accuracy: number,
): SampledResult {
  return {
    value,
    error: estimate.error,
    errorNote: estimate.note,
    method: "finite-difference",
    order,
    accuracy,
  };
}
