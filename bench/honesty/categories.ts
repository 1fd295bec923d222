/**
 * The honesty scan's categories of functions, and the random one-variable cases drawn from each: a
 * smooth base (bases.ts), then noise, float32 rounding or a non-smooth term (features.ts) at or near
 * the point. Each case knows its truth for any order, at its point and near it (spec.ts).
 */
import type { StencilKind } from "../../src/core/index.js";
import { hashNoise } from "../../test/fixtures/noise-hash.js";
import { BASES, fits, type Base } from "./bases.js";
import { ABS, POLE, POLE2, RELU, RELU_SQUARED, SIGN, STEP, X_ABS_X, huber } from "./features.js";
import type { Feature } from "./features.js";
import { logUniform, pick, randomSign, uniform, type Rng } from "./random.js";
import { truthSpec, type Spec } from "./spec.js";

/**
 * The categories, in report order.
 *
 * @example
 * ```ts
 * CATEGORIES.includes("kink-at"); // true
 * ```
 */
export const CATEGORIES = [
  "smooth",
  "cancellation",
  "noise-relative",
  "noise-absolute",
  "float32",
  "c1",
  "kink-at",
  "kink-near",
  "jump-at",
  "jump-near",
  "pole",
] as const;

/** A category name. */
export type Category = (typeof CATEGORIES)[number];

/** One random function of one variable and the point it was drawn for. */
export interface Case {
  category: Category;
  /** f(t); `salt` mixes the other coordinates into hash noise when the case is a term of a sum. */
  f: (t: number, salt: number) => number;
  /** The point. */
  x: number;
  /** f as `t => …` JavaScript (hashNoise is test/fixtures/noise-hash.ts), for repro lines. */
  text: string;
  /** The truth of the `order`-th derivative at t with the given stencil kind ("central" for auto). */
  spec: (t: number, order: number, method: StencilKind) => Spec;
  /** Whether a sum of such terms is rounded to float32 as a whole (a float32 computation). */
  float32: boolean;
  /** Base and term names, for grouping failures ("sin+abs", "exp f32in@f32"). */
  tag: string;
}

/** Relative distances of "near" points: 1e-12 … 1e-3 times max(1, |x|) (issue 10's near kinks). */
export const NEAR_DECADES: readonly [number, number] = [-12, -3];

/** Noise levels, relative or absolute: 1e-14 … 1e-6. */
export const NOISE_DECADES: readonly [number, number] = [-14, -6];

/**
 * A random point: 10% 0, 10% a small integer, 50% |x| in 1e-3…1e2, 30% |x| in 1e2…1e5, either sign.
 *
 * @example
 * ```ts
 * Math.abs(drawPoint(rngFor(1, "p"))) <= 1e5; // true
 * ```
 */
export function drawPoint(r: Rng): number {
  const u = r.next();
  if (u < 0.1) return 0;
  if (u < 0.2) return randomSign(r) * Math.ceil(uniform(r, 0, 5));
  return randomSign(r) * (u < 0.7 ? logUniform(r, -3, 2) : logUniform(r, 2, 5));
}

/**
 * A random base usable at x (sin and cos always are).
 *
 * @example
 * ```ts
 * fits(drawBase(rngFor(1, "b"), -3), -3); // true
 * ```
 */
export function drawBase(r: Rng, x: number): Base {
  return pick(
    r,
    BASES.filter((b) => fits(b, x)),
  );
}

/** How close the constant of a "cancellation" case is to g(x), relatively: 1e-12 … 1e-2. */
export const CANCELLATION_DECADES: readonly [number, number] = [-12, -2];

/**
 * g(t) − C with C within 1e-12…1e-2 (relative) of g(x): |f(x)| is far below the size of the numbers
 * f subtracts, so f's rounding error is about EPS·|g(x)|, not EPS·|f(x)| (a residual, or a loss minus
 * its value at a reference point).
 */
function cancellationCase(r: Rng, g: Base, x: number): Case {
  const gx = g.f(x);
  const C =
    gx === 0
      ? randomSign(r) * logUniform(r, ...CANCELLATION_DECADES)
      : gx * (1 + randomSign(r) * logUniform(r, ...CANCELLATION_DECADES));
  return {
    category: "cancellation",
    f: (t) => g.f(t) - C,
    x,
    text: `t => ${g.text} - ${C}`,
    spec: (t, k) => truthSpec(g.d(k, t)),
    float32: false,
    tag: `${g.name} f(x)/g(x)=1e${Math.round(Math.log10(Math.abs((gx - C) / (gx === 0 ? 1 : gx))))}`,
  };
}

const SALTED = (seed: number, salt: number): number => (seed ^ salt) >>> 0;

function smoothCase(category: Category, g: Base, x: number): Case {
  return {
    category,
    f: (t) => g.f(t),
    x,
    text: `t => ${g.text}`,
    spec: (t, k) => truthSpec(g.d(k, t)),
    float32: false,
    tag: g.name,
  };
}

function noisyCase(category: Category, g: Base, x: number, level: number, seed: number): Case {
  const relative = category === "noise-relative";
  return {
    category,
    f: relative
      ? (t, salt) => g.f(t) * (1 + level * hashNoise(t, SALTED(seed, salt)))
      : (t, salt) => g.f(t) + level * hashNoise(t, SALTED(seed, salt)),
    x,
    text: relative
      ? `t => (${g.text}) * (1 + ${level} * hashNoise(t, ${seed}))`
      : `t => ${g.text} + ${level} * hashNoise(t, ${seed})`,
    spec: (t, k) => truthSpec(g.d(k, t)),
    float32: false,
    tag: `${g.name} ${relative ? "rel" : "abs"} 1e${Math.round(Math.log10(level))}`,
  };
}

const f32 = Math.fround;

function float32Case(g: Base, x: number, variant: number): Case {
  // 0: f32(g(f32 t)) at a float32 x; 1: the same at a double x; 2: f32(g(t)) at a double x
  const inner = variant < 2;
  const at = variant === 0 ? f32(x) : x;
  return {
    category: "float32",
    f: inner ? (t) => f32(g.f(f32(t))) : (t) => f32(g.f(t)),
    x: at,
    text: inner ? `t => Math.fround(((t) => ${g.text})(Math.fround(t)))` : `t => Math.fround(${g.text})`,
    spec: (t, k) => truthSpec(g.d(k, t)),
    float32: true,
    tag: `${g.name} ${["f32in@f32", "f32in@double", "f32out"][variant]}`,
  };
}

/**
 * The spec of g(t) + s·φ(t − c) (rules in the module comment of honesty-scan.ts): off c, the piece's
 * derivative; at c, a truth below the feature's jump order, a kink at it, none above; one-sided
 * stencils see one piece when φ(c) belongs to it.
 */
function featureSpec(g: Base, phi: Feature, s: number, c: number) {
  return (t: number, k: number, method: StencilKind): Spec => {
    const u = t - c;
    const gk = g.d(k, t);
    if (u !== 0) return truthSpec(gk + s * (u < 0 ? phi.left(k, u) : phi.right(k, u)));
    if (phi.jumpOrder === Infinity) return { kind: "none", why: "pole at x" };
    const left = gk + s * phi.left(k, 0);
    const right = gk + s * phi.right(k, 0);
    if (method === "forward")
      return phi.atZero === "neither" ? { kind: "none", why: "jump at x" } : truthSpec(right);
    if (method === "backward")
      return phi.atZero === "both" ? truthSpec(left) : { kind: "none", why: "jump at x" };
    if (k < phi.jumpOrder) return truthSpec(left);
    if (k === phi.jumpOrder) return { kind: "kink", left, right };
    const why = phi.jumpOrder === 0 ? "jump at x" : `derivative ${phi.jumpOrder} jumps at x`;
    return { kind: "none", why, left, right };
  };
}

function featureCase(category: Category, g: Base, phi: Feature, s: number, c: number, x: number): Case {
  return {
    category,
    f: (t) => g.f(t) + s * phi.phi(t - c),
    x,
    text: `t => ${g.text} + ${s} * ((u) => ${phi.text})(t - ${c})`,
    spec: featureSpec(g, phi, s, c),
    float32: false,
    tag: `${g.name}+${phi.name}${c === x ? "@x" : ` d=1e${Math.round(Math.log10(Math.abs(c - x) / Math.max(1, Math.abs(x))))}`}`,
  };
}

/** A centre at relative distance 10^NEAR_DECADES from x, never x itself. */
function nearCentre(r: Rng, x: number, decades: readonly [number, number] = NEAR_DECADES): number {
  const d = randomSign(r) * logUniform(r, decades[0], decades[1]) * Math.max(1, Math.abs(x));
  const c = x + d;
  return c !== x ? c : x + Math.sign(d) * Math.max(Number.MIN_VALUE, Math.abs(x) * Number.EPSILON);
}

/** A feature placed at c (Huber's threshold grows with |c|). */
type Place = (c: number) => Feature;

const C1_FEATURES: readonly Place[] = [
  () => X_ABS_X,
  () => RELU_SQUARED,
  (c) => huber(Math.max(1, Math.abs(c))),
];
const KINK_FEATURES: readonly Place[] = [() => ABS, () => RELU];
const JUMP_FEATURES: readonly Place[] = [() => STEP, () => SIGN];

function pieceCase(r: Rng, category: Category, g: Base, x: number, features: readonly Place[]): Case {
  const at = category.endsWith("-at") || (category === "c1" && r.next() < 0.5);
  const c = at ? x : nearCentre(r, x);
  const phi = pick(r, features)(c);
  const size = (v: number) => Math.max(1, Math.abs(v));
  const s = category.startsWith("jump")
    ? randomSign(r) * logUniform(r, -6, 0) * size(g.f(c))
    : randomSign(r) * logUniform(r, -3, 0) * size(g.d(1, c));
  return featureCase(category, g, phi, s, c, x);
}

function poleCase(r: Rng, g: Base, x: number): Case {
  const c = r.next() < 0.1 ? x : nearCentre(r, x, [-8, 0]);
  const a = randomSign(r) * logUniform(r, -2, 1);
  return featureCase("pole", g, pick(r, [POLE, POLE2]), a, c, x);
}

/**
 * A random case of the category at x (drawn when not given); the base is one usable at x.
 *
 * @example
 * ```ts
 * const c = drawCase(rngFor(1, "k"), "kink-at", 2);
 * c.spec(2, 1, "central").kind; // "kink"
 * ```
 */
export function drawCase(r: Rng, category: Category, x: number = drawPoint(r)): Case {
  if (category === "float32") {
    const variant = Math.floor(r.next() * 3);
    const at = variant === 0 ? f32(x) : x;
    return float32Case(drawBase(r, at), x, variant);
  }
  const g = drawBase(r, x);
  switch (category) {
    case "smooth":
      return smoothCase(category, g, x);
    case "cancellation":
      return cancellationCase(r, g, x);
    case "noise-relative":
    case "noise-absolute":
      return noisyCase(category, g, x, logUniform(r, ...NOISE_DECADES), Math.floor(r.next() * 2 ** 31));
    case "c1":
      return pieceCase(r, category, g, x, C1_FEATURES);
    case "kink-at":
    case "kink-near":
      return pieceCase(r, category, g, x, KINK_FEATURES);
    case "jump-at":
    case "jump-near":
      return pieceCase(r, category, g, x, JUMP_FEATURES);
    default:
      return poleCase(r, g, x);
  }
}
