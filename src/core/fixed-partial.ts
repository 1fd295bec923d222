/**
 * The fixed-step partial derivative of the functions of several variables: one plain stencil along
 * coordinate i of a working copy w of x, allocation-free. Before every call of f the whole working copy
 * is restored from the pristine x (`w.set(x0)`), so an f that writes into its argument gets the same
 * answers as one that does not; a nudged coordinate is set from its saved value, never by subtracting h.
 */

import { NumdiffError, describeValue, invalid } from "./errors.js";
import { stencil, stencilOffsets, type Stencil } from "./stencil.js";
import { divideByPower } from "./step.js";
import type { FnN, StencilKind } from "./types.js";

/**
 * The fixed-step stencil of a kind, order and accuracy (accuracy 1 allowed for one-sided kinds).
 *
 * @example
 * ```ts
 * fixedStencil("central", 1, 2).offsets; // => [-1, 1]
 * fixedStencil("forward", 1, 1).offsets; // => [0, 1]
 * ```
 */
export function fixedStencil(kind: StencilKind, order: number, accuracy: number): Stencil {
  return stencil(stencilOffsets(kind, order, accuracy), order);
}

/**
 * Calls f at w and checks that the result is a number.
 *
 * @example
 * ```ts
 * callNumber((x) => x[0], new Float64Array([2])); // => 2
 * ```
 */
export function callNumber(f: FnN, w: Float64Array): number {
  const v = f(w);
  if (typeof v !== "number") {
    throw new NumdiffError(
      "NON_NUMERIC_RESULT",
      "f",
      `invalid f; expected a function returning numbers, got ${describeValue(v)}`,
    );
  }
  return v;
}

/**
 * Throws INVALID_STEP when the stencil at step h around `xi` leaves [lo, hi] (as `derivative` does).
 *
 * @example
 * ```ts
 * checkInside(fixedStencil("central", 1, 2), 0, 0.1, 0, 1, 0); // throws INVALID_STEP (x − h = −0.1 < 0)
 * ```
 */
export function checkInside(st: Stencil, xi: number, h: number, lo: number, hi: number, i: number): void {
  const first = xi + st.offsets[0] * h;
  const last = xi + st.offsets[st.offsets.length - 1] * h;
  if (!(first >= lo && last <= hi) && Number.isFinite(xi)) {
    throw invalid(
      "INVALID_STEP",
      "step",
      `a step whose stencil along ${i < 0 ? "the direction" : `x[${i}]`} stays inside bounds [${lo}, ${hi}] (it reaches [${first}, ${last}])`,
      h,
    );
  }
}

/**
 * Σ_k weights[k] · f(w with w[i] = w[i] + offsets[k]·h) / h^order, the value at offset 0 taken from
 * `centre` (f(w), computed once by the caller). Returns NaN without calling f when w[i] is not finite.
 * Calls f exactly once per nonzero offset, each time on w = x0 but for coordinate i (x0: the pristine
 * point, default a copy of w as given); w equals x0 again on return.
 *
 * @example
 * ```ts
 * const w = new Float64Array([3, 4]);
 * fixedPartial((x) => x[0] ** 2 + x[1] ** 2, w, 0, fixedStencil("central", 1, 2), 1e-4, NaN);
 * // 6.00000000000378, the book's bits
 * ```
 */
export function fixedPartial(
  f: FnN,
  w: Float64Array,
  i: number,
  st: Stencil,
  h: number,
  centre: number,
  x0: Float64Array = w.slice(),
): number {
  const saved = x0[i];
  if (!Number.isFinite(saved)) return NaN;
  const offsets = st.offsets;
  const weights = st.weights;
  let sum = 0;
  for (let k = 0; k < offsets.length; k++) {
    const o = offsets[k];
    let v = centre;
    if (o !== 0) {
      w.set(x0);
      w[i] = saved + o * h;
      v = f(w);
      if (typeof v !== "number") throw nonNumeric(v, i, saved + o * h);
    }
    sum += weights[k] * v;
  }
  w.set(x0);
  return st.order === 1 ? sum / h : divideByPower(sum, h, st.order);
}

function nonNumeric(v: unknown, i: number, at: number): NumdiffError {
  return new NumdiffError(
    "NON_NUMERIC_RESULT",
    "f",
    `invalid f; expected a function returning numbers, got ${describeValue(v)} at x[${i}] = ${at}`,
  );
}

/**
 * Calls of f one {@link fixedPartial} makes (offset 0 excluded: it is the shared centre).
 *
 * @example
 * ```ts
 * callsPerCoordinate(fixedStencil("forward", 1, 1)); // => 1
 * ```
 */
export function callsPerCoordinate(st: Stencil): number {
  return st.offsets.length - (st.offsets.includes(0) ? 1 : 0);
}
