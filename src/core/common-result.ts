/**
 * The {@link DerivativesResult} of the common path: its typed arrays as they are, and `results`
 * built on first access (most callers of derivative(f, xs) read the arrays only, and 10⁵ result
 * objects cost more than the derivatives).
 */

import type { CommonOutput } from "./common-path.js";
import type { DerivativesResult } from "./many.js";
import { STATUSES } from "./status.js";
import type { DerivativeResult } from "./types.js";

/**
 * A DerivativesResult over a common-path output, with `results` built when first read.
 *
 * @example
 * ```ts
 * import { derivativeCommon } from "./common-path.js";
 * const r = commonResult(derivativeCommon(Math.exp, new Float64Array([0]), undefined));
 * r.status; // => "ok"
 * r.results[0].method; // => "central" (the results are built here, on first access)
 * ```
 */
export function commonResult(out: CommonOutput): DerivativesResult {
  const n = out.value.length;
  let evaluations = 0;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    evaluations += out.evaluations[i];
    if (out.statuses[i] > worst) worst = out.statuses[i];
  }
  let results: DerivativeResult[] | null = null;
  const r = {
    value: out.value,
    error: out.error,
    step: out.step,
    statuses: out.statuses,
    status: STATUSES[worst],
    evaluations,
  };
  return Object.defineProperty(r, "results", {
    enumerable: true,
    configurable: true,
    get: (): DerivativeResult[] => (results ??= resultObjects(out)),
    // The documented shape is a plain, writable property: assigning it still works.
    set: (v: DerivativeResult[]): void => {
      results = v;
    },
  }) as DerivativesResult;
}

/** One DerivativeResult per point: the departed points' own, the others "ok" and central. */
function resultObjects(out: CommonOutput): DerivativeResult[] {
  const n = out.value.length;
  const results = new Array<DerivativeResult>(n);
  for (let i = 0; i < n; i++) {
    results[i] = out.departed.get(i) ?? {
      value: out.value[i],
      error: out.error[i],
      step: out.step[i],
      method: "central",
      status: "ok",
      evaluations: out.evaluations[i],
    };
  }
  return results;
}
