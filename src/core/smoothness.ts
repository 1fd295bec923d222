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
 * The error a central estimate needs when only one side converged and it disagrees with the central
 * value beyond both errors: the gap plus that side's error, so the interval holds it (a kink just past
 * x on the other side: tanh t − 0.05·max(0, t − c) at c − 1.7e-5 gave the midpoint −0.0254 ± 3.4e-8,
 * where the converged backward side said 0). Where both converged and agree with each other, their
 * joined estimate ({@link joinSides}) takes that side's place: two one-sided estimates that agree
 * against the central one beyond both errors contradict its error (a C1 join 1.6e-5 beside x, 1/(1 +
 * t²) − 0.0076·huber: −0.0228018052 ± 5.5e-11, 77 times off, where both sides said −0.0228018010).
 * Null when neither side converged, or the central value is within reach.
 *
 * @example
 * ```ts
 * coverSide({ value: -0.0254, error: 3.4e-8 }, { value: 0, error: 1e-17, diverging: false }, { value: -0.05, error: NaN, diverging: false });
 * // ≈ 0.0254
 * const left = { value: -0.022801801, error: 8.9e-10, diverging: false };
 * const right = { value: -0.0228018011, error: 1.35e-10, diverging: false };
 * coverSide({ value: -0.0228018052, error: 5.5e-11 }, left, right); // ≈ 5.1e-9
 * ```
 */
export function coverSide(
  central: { value: number; error: number },
  left: SideEstimate,
  right: SideEstimate,
): number | null {
  if (!Number.isFinite(central.error)) return null;
  const side = usable(left) && usable(right) ? joinSides(left, right) : usable(left) ? left : right;
  if (side === null || !(usable(left) || usable(right))) return null;
  const gap = Math.abs(central.value - side.value);
  return gap > central.error + side.error ? gap + side.error : null;
}
