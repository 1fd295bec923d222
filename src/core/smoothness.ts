/**
 * Whether f is smooth at x, from its one-sided derivatives. A kink (|x| at 0, ReLU) shows as left and
 * right derivatives that differ beyond their errors; a jump (floor at 1, sign at 0) as one-sided
 * difference quotients that grow like 1/hⁿ on at least one side (the column's diverging flag). The
 * central difference alone cannot see a kink: (f(h) − f(−h))/2h of ReLU is exactly 1/2 for every h.
 */

import type { OneSided, Status } from "./types.js";

/**
 * A one-sided estimate as the smoothness test needs it.
 *
 * @example
 * ```ts
 * const right: SideEstimate = { value: 1, error: 1e-16, diverging: false };
 * ```
 */
export interface SideEstimate {
  /** The one-sided derivative (NaN when none was found). */
  value: number;
  /** Its estimated error (NaN or ∞ when unknown). */
  error: number;
  /** Whether its differences grew like 1/hⁿ (f jumps on that side). */
  diverging: boolean;
  /** Whether its quotient grows without bound as h shrinks, slower than a jump's (a cusp: √|t| at 0). */
  unbounded?: boolean;
}

/**
 * The verdict of {@link compareSides}: a status, and the value and error that go with it.
 *
 * @example
 * ```ts
 * const v: SmoothnessVerdict = { status: "not-differentiable", value: 0.5, error: 0.5, left: { value: 0, error: 0 }, right: { value: 1, error: 0 } };
 * ```
 */
export interface SmoothnessVerdict {
  status: Status;
  value: number;
  error: number;
  left?: OneSided;
  right?: OneSided;
}

const usable = (s: SideEstimate): boolean =>
  !s.diverging && s.unbounded !== true && Number.isFinite(s.value) && Number.isFinite(s.error);
const oneSided = (s: SideEstimate): OneSided | undefined =>
  usable(s) ? { value: s.value, error: s.error } : undefined;

/**
 * Compares the one-sided derivatives. Returns null when they agree within their errors (f is smooth
 * enough at x: keep the central estimate), otherwise:
 * - "discontinuous" when either side diverges: value NaN, error ∞, and the sides that exist;
 * - "not-differentiable" with value NaN and error ∞ when either side grows without bound (a cusp);
 * - "not-differentiable" when both exist and differ beyond their errors: value their midpoint, error
 *   half their gap plus the larger of their errors, so [value − error, value + error] holds both.
 *
 * @example
 * ```ts
 * compareSides({ value: 0, error: 0, diverging: false }, { value: 1, error: 1e-16, diverging: false });
 * // { status: "not-differentiable", value: 0.5, error: 0.5000000000000001, left: { value: 0, error: 0 }, right: { value: 1, error: 1e-16 } }
 * compareSides({ value: 2, error: 1e-12, diverging: false }, { value: 2, error: 1e-12, diverging: false }); // null
 * ```
 */
export function compareSides(left: SideEstimate, right: SideEstimate): SmoothnessVerdict | null {
  if (left.diverging || right.diverging) {
    return {
      status: "discontinuous",
      value: NaN,
      error: Infinity,
      left: oneSided(left),
      right: oneSided(right),
    };
  }
  if (left.unbounded === true || right.unbounded === true) {
    // A one-sided derivative that is infinite (a cusp): f is continuous but not differentiable at x.
    return {
      status: "not-differentiable",
      value: NaN,
      error: Infinity,
      left: oneSided(left),
      right: oneSided(right),
    };
  }
  if (!usable(left) || !usable(right)) return null;
  const gap = Math.abs(right.value - left.value);
  if (!(gap > left.error + right.error)) return null;
  return {
    status: "not-differentiable",
    value: left.value + (right.value - left.value) / 2,
    error: gap / 2 + Math.max(left.error, right.error),
    left: oneSided(left),
    right: oneSided(right),
  };
}

/**
 * The one-sided derivatives joined, when both exist and agree within their errors: their midpoint,
 * with half their gap plus the larger of their errors. The estimate of a central column that found no
 * error (its rows never settled: a C1 join, where D(h) = f′ + c·h, read as noise) when the sides,
 * each smooth, converged. Null when either side is not usable or they disagree.
 *
 * @example
 * ```ts
 * joinSides({ value: 0.6319, error: 1e-9, diverging: false }, { value: 0.6319, error: 2e-9, diverging: false });
 * // { value: 0.6319, error: 2e-9 }
 * ```
 */
export function joinSides(left: SideEstimate, right: SideEstimate): { value: number; error: number } | null {
  if (!usable(left) || !usable(right)) return null;
  const gap = Math.abs(right.value - left.value);
  if (!(gap <= left.error + right.error)) return null;
  return {
    value: left.value + (right.value - left.value) / 2,
    error: gap / 2 + Math.max(left.error, right.error),
  };
}

/**
 * The error a central estimate needs where a one-sided estimate that converged disagrees with it
 * beyond both errors: the gap plus that side's error, so the interval holds it, the larger over the two
 * sides. Only one side may have converged (a kink just past x on the other side: tanh t −
 * 0.05·max(0, t − c) at c − 1.7e-5 gave the midpoint −0.0254 ± 3.4e-8, where the converged backward
 * side said 0), or both, agreeing with each other only within the wider one's error (a C1 join at x
 * beside a large term, where the central stencil gives the sides' mean whatever its step: a Hessian's
 * diagonal tanh t + 0.026·huber at its join, beside 7.5e8, gave −0.594918 ± 0.0021, ok, with the
 * sides −0.5819 ± 0.0057 and −0.61 ± 0.1, where they are −0.582057 and −0.607882). Where both
 * converged and agree with each other, their joined estimate ({@link joinSides}) counts as a side too:
 * two one-sided estimates that agree against the central one beyond both errors contradict its error
 * (a C1 join 1.6e-5 beside x, 1/(1 + t²) − 0.0076·huber: −0.0228018052 ± 5.5e-11, 77 times off, where
 * both sides said −0.0228018010). Null when no side converged, or every side that did agrees.
 *
 * @example
 * ```ts
 * coverSide({ value: -0.0254, error: 3.4e-8 }, { value: 0, error: 1e-17, diverging: false }, { value: -0.05, error: NaN, diverging: false });
 * // ≈ 0.0254
 * const left = { value: -0.022801801, error: 8.9e-10, diverging: false };
 * const right = { value: -0.0228018011, error: 1.35e-10, diverging: false };
 * coverSide({ value: -0.0228018052, error: 5.5e-11 }, left, right); // ≈ 5.1e-9
 * coverSide({ value: -0.5949, error: 0.0021 }, { value: -0.5819, error: 0.0057, diverging: false }, { value: -0.6133, error: 0.1, diverging: false });
 * // ≈ 0.0187 (the backward side, 0.013 away)
 * ```
 */
export function coverSide(
  central: { value: number; error: number },
  left: SideEstimate,
  right: SideEstimate,
): number | null {
  if (!Number.isFinite(central.error)) return null;
  // Sides that disagree with each other beyond their errors are the shape stage's verdict, not this.
  if (usable(left) && usable(right) && Math.abs(left.value - right.value) > left.error + right.error)
    return null;
  let need = 0;
  for (const side of [left, right]) {
    if (!usable(side)) continue;
    const gap = Math.abs(central.value - side.value);
    if (gap > central.error + side.error && gap + side.error > need) need = gap + side.error;
  }
  const joined = usable(left) && usable(right) ? joinSides(left, right) : null;
  if (joined !== null) {
    const gap = Math.abs(central.value - joined.value);
    if (gap > central.error + joined.error && gap + joined.error > need) need = gap + joined.error;
  }
  return need > 0 ? need : null;
}
