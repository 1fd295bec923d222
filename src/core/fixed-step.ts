/**
 * One plain stencil at exactly the given step: the book's method when `method: "central"`,
 * `step: 1e-4`. No extrapolation, no adjustment of h.
 */

import { invalid } from "./errors.js";
import { stencil, stencilOffsets } from "./stencil.js";
import { divideByPower } from "./step.js";
import type { DerivativeResult, StencilKind } from "./types.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { fixedStatus } from "./status.js";

/**
 * Σ w_k f(x + k·h) / h^n for the standard stencil of the given kind, order and accuracy, as a pipeline
 * (see sampler.ts): one request for the whole stencil. The error is NaN: a single stencil carries no
 * information about its own truncation error.
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * runSync(fixedStepSteps(new Sampler(Math.exp), 0, 1, "central", 1e-4, 2, -Infinity, Infinity)).value;
 * // 1.0000000016666385
 * ```
 */
export function* fixedStepSteps(
  sampler: Sampler,
  x: number,
  order: number,
  kind: StencilKind,
  h: number,
  accuracy: number,
  lo: number,
  hi: number,
): Pipeline<DerivativeResult> {
  const st = stencil(stencilOffsets(kind, order, accuracy), order);
  const first = x + st.offsets[0] * h;
  const last = x + st.offsets[st.offsets.length - 1] * h;
  if (!(x + h !== x)) {
    throw invalid(
      "INVALID_STEP",
      "step",
      `a step that moves x = ${x} (at least ${Math.abs(x) * Number.EPSILON}: smaller steps vanish in x + step)`,
      h,
    );
  }
  if (!(first >= lo && last <= hi)) {
    throw invalid(
      "INVALID_STEP",
      "step",
      `a step whose ${kind} stencil stays inside bounds [${lo}, ${hi}] (it reaches [${first}, ${last}])`,
      h,
    );
  }
  const n = st.offsets.length;
  const points = new Float64Array(n);
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) points[k] = x + st.offsets[k] * h;
  yield* sampler.fetch(points, n, false, values);
  let sum = 0;
  for (let k = 0; k < n; k++) sum += st.weights[k] * values[k];
  const value = divideByPower(sum, h, order);
  return {
    value,
    error: NaN,
    step: h,
    evaluations: sampler.evaluations,
    method: kind,
    status: fixedStatus(value),
  };
}
