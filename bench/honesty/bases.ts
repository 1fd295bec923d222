/**
 * The smooth bases of the honesty scan (bench/honesty-scan.ts), each with its closed-form derivatives
 * of orders 0 to 4 evaluated in double precision. A closed form such as 24x(1 − x²)/(1 + x²)⁴ is
 * good to a few ulps of its size (Math.sin and Math.cos reduce their argument exactly, so sin⁽ⁿ⁾ at
 * 1e5 is as good as at 1): about 1e-15 relative, far below the errors the scan looks for (a result is
 * called dishonest only when its true error exceeds its estimate by more than
 * {@link TRUTH_SLACK}·|truth|, see verdict.ts).
 */
import { trigDerivative } from "../aliasing-scan.js";

/** A smooth function with derivatives 0..4 in closed form, and where it may be sampled. */
export interface Base {
  name: string;
  /** The function as f computes it (not d(0, ·): the repro text must be this, bit for bit). */
  f: (x: number) => number;
  /** f as a JavaScript expression of the text `t` (for repro lines). */
  text: string;
  /** d(k, x): the k-th derivative at x, k = 0..4. */
  d: (k: number, x: number) => number;
  /** The largest |x| the scan uses it at (exp overflows past 709; the others run to 1e5). */
  maxAbs: number;
  /** True when only x > 0 is in its domain (log, sqrt). */
  positive: boolean;
}

/**
 * How far a closed-form truth may be from the exact derivative, relative to its size: 8 ulps (a
 * closed form of a few operations, each rounded once).
 */
export const TRUTH_SLACK = 8 * Number.EPSILON;

const powers = (x: number, k: number): number => x ** k;

/** The derivatives of 1/(1 + x²) (Runge's function), orders 0..4. */
function runge(k: number, x: number): number {
  const q = 1 + x * x;
  switch (k) {
    case 0:
      return 1 / q;
    case 1:
      return (-2 * x) / (q * q);
    case 2:
      return (6 * x * x - 2) / powers(q, 3);
    case 3:
      return (24 * x * (1 - x * x)) / powers(q, 4);
    default:
      return (24 * (5 * x ** 4 - 10 * x * x + 1)) / powers(q, 5);
  }
}

/**
 * The derivatives of tanh, orders 0..4, from t = tanh x and s = 1 − t² = sech² x, with s computed as
 * 4e/(1 + e)², e = exp(−2|x|): 1 − t² cancels (relative error 2e-11 at x = 7, and 0 past x ≈ 19).
 */
function tanhD(k: number, x: number): number {
  const t = Math.tanh(x);
  const e = Math.exp(-2 * Math.abs(x));
  const s = (4 * e) / ((1 + e) * (1 + e));
  switch (k) {
    case 0:
      return t;
    case 1:
      return s;
    case 2:
      return -2 * t * s;
    case 3:
      return -2 * s * (1 - 3 * t * t);
    default:
      return 8 * t * s * (2 - 3 * t * t);
  }
}

const trig = (shift: number) => (k: number, x: number) => trigDerivative(shift, k, x);

const FACT = [1, 1, 2, 6, 24];

/**
 * The bases: exp, sin, cos, Runge's 1/(1+x²), atan, tanh, log, sqrt, and the cubic x³ − 2x.
 *
 * @example
 * ```ts
 * BASES.find((b) => b.name === "sin")!.d(1, 0); // 1
 * ```
 */
export const BASES: readonly Base[] = Object.freeze([
  {
    name: "exp",
    f: Math.exp,
    text: "Math.exp(t)",
    d: (_k: number, x: number) => Math.exp(x),
    maxAbs: 40,
    positive: false,
  },
  { name: "sin", f: Math.sin, text: "Math.sin(t)", d: trig(0), maxAbs: 1e5, positive: false },
  { name: "cos", f: Math.cos, text: "Math.cos(t)", d: trig(1), maxAbs: 1e5, positive: false },
  {
    name: "runge",
    f: (t: number) => 1 / (1 + t * t),
    text: "1 / (1 + t * t)",
    d: runge,
    maxAbs: 1e5,
    positive: false,
  },
  {
    name: "atan",
    f: Math.atan,
    text: "Math.atan(t)",
    d: (k: number, x: number) => (k === 0 ? Math.atan(x) : runge(k - 1, x)),
    maxAbs: 1e5,
    positive: false,
  },
  { name: "tanh", f: Math.tanh, text: "Math.tanh(t)", d: tanhD, maxAbs: 1e5, positive: false },
  {
    name: "log",
    f: Math.log,
    text: "Math.log(t)",
    d: (k: number, x: number) => (k === 0 ? Math.log(x) : ((-1) ** (k - 1) * FACT[k - 1]) / x ** k),
    maxAbs: 1e5,
    positive: true,
  },
  {
    name: "sqrt",
    f: Math.sqrt,
    text: "Math.sqrt(t)",
    d: (k: number, x: number) => [1, 0.5, -0.25, 0.375, -0.9375][k] * x ** (0.5 - k),
    maxAbs: 1e5,
    positive: true,
  },
  {
    name: "cubic",
    f: (t: number) => t * t * t - 2 * t,
    text: "t * t * t - 2 * t",
    d: (k: number, x: number) => [x * x * x - 2 * x, 3 * x * x - 2, 6 * x, 6, 0][k],
    maxAbs: 1e5,
    positive: false,
  },
]);

/**
 * A base by name.
 *
 * @example
 * ```ts
 * baseNamed("exp").d(3, 0); // 1
 * ```
 */
export function baseNamed(name: string): Base {
  const b = BASES.find((c) => c.name === name);
  if (b === undefined) throw new Error(`no base ${name}`);
  return b;
}

/**
 * Whether the base may be used at x.
 *
 * @example
 * ```ts
 * fits(baseNamed("log"), -1); // false
 * ```
 */
export function fits(b: Base, x: number): boolean {
  return Math.abs(x) <= b.maxAbs && (!b.positive || x > 0);
}
