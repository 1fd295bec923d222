/**
 * What the honesty scan knows about f at x for one derivative: a truth, a kink (two one-sided
 * values), or no derivative at all, and how such a spec is shifted by a smooth term added to f.
 */

/** The truth of one derivative of one case. */
export type Spec =
  | { kind: "truth"; truth: number }
  /** The k-th derivative has a jump at x: its one-sided values. */
  | { kind: "kink"; left: number; right: number }
  /**
   * No k-th derivative at x (f or a lower derivative jumps there, or f is infinite); `left` and
   * `right` are the one-sided k-th derivatives of the pieces where they exist (a jump).
   */
  | { kind: "none"; why: string; left?: number; right?: number };

/**
 * The spec of f + s where s is smooth with k-th derivative v at x.
 *
 * @example
 * ```ts
 * shiftSpec({ kind: "truth", truth: 1 }, 2); // { kind: "truth", truth: 3 }
 * ```
 */
export function shiftSpec(spec: Spec, v: number): Spec {
  if (v === 0) return spec;
  switch (spec.kind) {
    case "truth":
      return { kind: "truth", truth: spec.truth + v };
    case "kink":
      return { kind: "kink", left: spec.left + v, right: spec.right + v };
    default:
      return spec;
  }
}

/**
 * A truth spec.
 *
 * @example
 * ```ts
 * truthSpec(0.5).kind; // "truth"
 * ```
 */
export function truthSpec(truth: number): Spec {
  return { kind: "truth", truth };
}

/**
 * The spec of a partial derivative of a function whose value at x is `fx`: where fx is infinite, f is
 * infinite along every coordinate through x (a pole of one term of a sum at its x_k makes the sum
 * infinite whatever the other coordinates), so no partial derivative exists there, whatever the other
 * terms' derivatives (numdiff says "not-finite" for the whole row); else `spec` as it is.
 *
 * @example
 * ```ts
 * atValue(Infinity, truthSpec(0.5)).kind; // "none"
 * atValue(2, truthSpec(0.5)).kind; // "truth"
 * ```
 */
export function atValue(fx: number, spec: Spec): Spec {
  return fx === Infinity || fx === -Infinity ? { kind: "none", why: "f is infinite at x" } : spec;
}
