/**
 * The non-smooth terms the honesty scan adds to a smooth base at a point c: kinks, C1 joins, jumps
 * and poles. Each is a function of u = t − c with its one-sided derivatives in closed form, so the
 * scan knows the truth on either side and which derivatives exist at c itself.
 */

/** A term s·φ(t − c) that is smooth on each side of u = 0. */
export interface Feature {
  name: string;
  /** φ(u), as f computes it. */
  phi: (u: number) => number;
  /** The k-th derivative of the left piece at u ≤ 0 (continued to u = 0). */
  left: (k: number, u: number) => number;
  /** The k-th derivative of the right piece at u ≥ 0 (continued to u = 0). */
  right: (k: number, u: number) => number;
  /**
   * The lowest order whose derivative jumps at u = 0: 0 for a jump, 1 for a kink, 2 for a C1 join;
   * Infinity for a pole (handled apart: f is infinite at c).
   */
  jumpOrder: number;
  /** Which piece φ(0) belongs to: "both" (continuous), "right" (a step), or "neither" (sign). */
  atZero: "both" | "right" | "neither";
  /** The term as a JavaScript expression of the text `u` (for repro lines). */
  text: string;
}

const poly = (coefs: readonly number[]) => (k: number, u: number) => {
  // the k-th derivative of Σ coefs[i]·u^i
  let s = 0;
  for (let i = k; i < coefs.length; i++) {
    let c = coefs[i];
    for (let j = 0; j < k; j++) c *= i - j;
    s += c * u ** (i - k);
  }
  return s;
};

/** |u|: a kink, slopes −1 and 1 (the central difference sees nothing). */
export const ABS: Feature = {
  name: "abs",
  phi: Math.abs,
  left: poly([0, -1]),
  right: poly([0, 1]),
  jumpOrder: 1,
  atZero: "both",
  text: "Math.abs(u)",
};

/** max(0, u): ReLU, slopes 0 and 1. */
export const RELU: Feature = {
  name: "relu",
  phi: (u) => Math.max(0, u),
  left: poly([0]),
  right: poly([0, 1]),
  jumpOrder: 1,
  atZero: "both",
  text: "Math.max(0, u)",
};

/** u·|u|: C1, second derivative −2 then 2. */
export const X_ABS_X: Feature = {
  name: "xAbsX",
  phi: (u) => u * Math.abs(u),
  left: poly([0, 0, -1]),
  right: poly([0, 0, 1]),
  jumpOrder: 2,
  atZero: "both",
  text: "u * Math.abs(u)",
};

/** max(0, u)²: C1, second derivative 0 then 2. */
export const RELU_SQUARED: Feature = {
  name: "reluSquared",
  phi: (u) => Math.max(0, u) ** 2,
  left: poly([0]),
  right: poly([0, 0, 1]),
  jumpOrder: 2,
  atZero: "both",
  text: "Math.max(0, u) ** 2",
};

/**
 * Huber's loss with threshold δ at its join, shifted so the join is at u = 0: (u+δ)²/2 for
 * −2δ ≤ u ≤ 0, then δ(u + δ/2) (C1; φ″ is 1 then 0). The scan takes δ = max(1, |c|), wider than any
 * distance it puts between x and c.
 *
 * @example
 * ```ts
 * huber(1).phi(0); // 0.5
 * ```
 */
export function huber(delta: number): Feature {
  return {
    name: "huber",
    phi: (u) => {
      const v = u + delta;
      return Math.abs(v) <= delta ? 0.5 * v * v : delta * (Math.abs(v) - 0.5 * delta);
    },
    left: poly([0.5 * delta * delta, delta, 0.5]),
    right: poly([0.5 * delta * delta, delta]),
    jumpOrder: 2,
    atZero: "both",
    text: `((v) => (Math.abs(v) <= ${delta} ? 0.5 * v * v : ${delta} * (Math.abs(v) - 0.5 * ${delta})))(u + ${delta})`,
  };
}

/** The step u ≥ 0 ? 1 : 0 (f(c) is the right value, as Math.floor's). */
export const STEP: Feature = {
  name: "step",
  phi: (u) => (u >= 0 ? 1 : 0),
  left: poly([0]),
  right: poly([1]),
  jumpOrder: 0,
  atZero: "right",
  text: "(u >= 0 ? 1 : 0)",
};

/** sign(u): a jump with f(c) between the sides. */
export const SIGN: Feature = {
  name: "sign",
  phi: Math.sign,
  left: poly([-1]),
  right: poly([1]),
  jumpOrder: 0,
  atZero: "neither",
  text: "Math.sign(u)",
};

const inverse = (p: number) => (k: number, u: number) => {
  // d^k/du^k u^(−p) = (−1)^k · p(p+1)…(p+k−1) · u^(−p−k)
  let c = 1;
  for (let j = 0; j < k; j++) c *= -(p + j);
  return c * u ** (-p - k);
};

/** 1/u: a pole with a sign change. */
export const POLE: Feature = {
  name: "pole",
  phi: (u) => 1 / u,
  left: inverse(1),
  right: inverse(1),
  jumpOrder: Infinity,
  atZero: "neither",
  text: "1 / u",
};

/** 1/u²: a pole without one. */
export const POLE2: Feature = {
  name: "pole2",
  phi: (u) => 1 / (u * u),
  left: inverse(2),
  right: inverse(2),
  jumpOrder: Infinity,
  atZero: "neither",
  text: "1 / (u * u)",
};
