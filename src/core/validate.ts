/**
 * Checks of setup arguments shared by every differentiation function. Comparisons are written negated
 * (`!(order >= 1)`) so that NaN fails them too.
 */

import { DEFAULT_ACCURACY, MAX_ORDER, ONE_SIDED_FIXED_ACCURACY, SUPPORTED_ACCURACIES } from "./constants.js";
import { invalid } from "./errors.js";
import { baseStencil } from "./driver.js";
import { stencilOffsets } from "./stencil.js";
import type { DerivativeOptions, Method } from "./types.js";

/**
 * Options after validation, with defaults filled in.
 *
 * @example
 * ```ts
 * resolveOptions({ order: 2, bounds: [0, 1] }, 0.5);
 * // { order: 2, method: "auto", step: undefined, accuracy: 2, lo: 0, hi: 1, noise: 0, noiseRelative: false,
 * //   rtol: 0, atol: 0, maxEvaluations: Infinity }
 * ```
 */
export interface ResolvedOptions {
  order: number;
  method: Method;
  step: number | undefined;
  accuracy: number;
  lo: number;
  hi: number;
  /** Absolute noise level, or relative to |f(x)| when `noiseRelative`; 0 when not given. */
  noise: number;
  noiseRelative: boolean;
  rtol: number;
  atol: number;
  maxEvaluations: number;
}

const METHODS: readonly Method[] = ["auto", "central", "forward", "backward"];

/**
 * The resolved options of `undefined`, shared by every call without options. Never changed (not
 * frozen: a frozen object has a map of its own, and the engine's reads of options would go polymorphic).
 */
const DEFAULTS: Readonly<ResolvedOptions> = {
  order: 1,
  method: "auto",
  step: undefined,
  accuracy: DEFAULT_ACCURACY,
  lo: -Infinity,
  hi: Infinity,
  noise: 0,
  noiseRelative: false,
  rtol: 0,
  atol: 0,
  maxEvaluations: Infinity,
};

/**
 * Validates `f` as a callable.
 *
 * @example
 * ```ts
 * checkFunction(Math.sin, "f"); // returns
 * checkFunction(3, "f"); // throws NumdiffError [INVALID_FUNCTION]
 * ```
 */
export function checkFunction(f: unknown, name: string): void {
  if (typeof f !== "function") throw invalid("INVALID_FUNCTION", name, "a function", f);
}

/**
 * Validates and completes the shared options. `x` (when given) must lie within `bounds`.
 *
 * @example
 * ```ts
 * resolveOptions({ order: 2 }).method; // => "auto"
 * resolveOptions({ step: 0 }); // throws NumdiffError [INVALID_STEP]
 * ```
 */
export function resolveOptions(options: DerivativeOptions | undefined, x?: number): ResolvedOptions {
  if (options === undefined) return DEFAULTS; // most calls: validated once, shared (never changed)
  if (options === null || typeof options !== "object") {
    throw invalid("INVALID_OPTION", "options", "an object or undefined", options);
  }
  const o = options;
  const order = o.order ?? 1;
  if (!(typeof order === "number" && Number.isInteger(order) && order >= 1 && order <= MAX_ORDER)) {
    throw invalid("INVALID_ORDER", "order", `an integer from 1 to ${MAX_ORDER}`, order);
  }
  const method = o.method ?? "auto";
  if (!METHODS.includes(method)) {
    throw invalid("INVALID_METHOD", "method", `one of ${METHODS.map((m) => `"${m}"`).join(", ")}`, method);
  }
  const step = o.step;
  if (step !== undefined && !(typeof step === "number" && step > 0 && step < Infinity)) {
    throw invalid("INVALID_STEP", "step", "a finite number > 0", step);
  }
  const oneSided = method === "forward" || method === "backward";
  const accuracy = o.accuracy ?? (oneSided ? ONE_SIDED_FIXED_ACCURACY : DEFAULT_ACCURACY);
  const allowed = oneSided ? [ONE_SIDED_FIXED_ACCURACY, ...SUPPORTED_ACCURACIES] : SUPPORTED_ACCURACIES;
  if (!(typeof accuracy === "number" && allowed.includes(accuracy))) {
    throw invalid("INVALID_ACCURACY", "accuracy", `one of ${allowed.join(", ")} for ${method}`, accuracy);
  }
  let lo = -Infinity;
  let hi = Infinity;
  if (o.bounds !== undefined) {
    const b = o.bounds as unknown;
    if (!(Array.isArray(b) && b.length === 2 && typeof b[0] === "number" && typeof b[1] === "number")) {
      throw invalid("INVALID_BOUNDS", "bounds", "a pair [lo, hi] of numbers", b);
    }
    [lo, hi] = b as [number, number];
    if (!(lo < hi)) {
      throw invalid("INVALID_BOUNDS", "bounds", "a non-empty interval [lo, hi] with lo < hi", b);
    }
    if (x !== undefined && !Number.isNaN(x) && !(x >= lo && x <= hi)) {
      throw invalid("INVALID_BOUNDS", "bounds", `an interval containing x = ${x}`, b);
    }
  }
  const [noise, noiseRelative] = resolveNoise(o.noise);
  const rtol = nonNegative(o.rtol, "rtol");
  const atol = nonNegative(o.atol, "atol");
  const maxEvaluations = o.maxEvaluations ?? Infinity;
  // One stencil: the fixed step's own (every point of it is evaluated), else the engine's first.
  const kind = method === "auto" ? "central" : method;
  const least =
    maxEvaluations === Infinity
      ? 0
      : step !== undefined
        ? stencilOffsets(kind, order, accuracy).length
        : baseStencil(kind, order).offsets.length;
  if (
    maxEvaluations !== Infinity &&
    !(typeof maxEvaluations === "number" && Number.isInteger(maxEvaluations) && maxEvaluations >= least)
  ) {
    throw invalid(
      "INVALID_OPTION",
      "maxEvaluations",
      `an integer >= ${least} (one stencil of order ${order})`,
      maxEvaluations,
    );
  }
  return { order, method, step, accuracy, lo, hi, noise, noiseRelative, rtol, atol, maxEvaluations };
}

/** A tolerance: a number >= 0 (default 0). */
function nonNegative(v: unknown, name: string): number {
  if (v === undefined) return 0;
  if (!(typeof v === "number" && v >= 0 && v < Infinity))
    throw invalid("INVALID_OPTION", name, "a finite number >= 0", v);
  return v;
}

/** `noise`: a number >= 0 (absolute) or `{ relative }` with a number >= 0. */
function resolveNoise(v: unknown): [number, boolean] {
  if (v === undefined) return [0, false];
  if (typeof v === "number") {
    if (!(v >= 0 && v < Infinity)) throw invalid("INVALID_OPTION", "noise", "a finite number >= 0", v);
    return [v, false];
  }
  const r = v !== null && typeof v === "object" ? (v as { relative?: unknown }).relative : undefined;
  if (!(typeof r === "number" && r >= 0 && r < 1)) {
    throw invalid("INVALID_OPTION", "noise", "a number >= 0 or { relative: r } with 0 <= r < 1", v);
  }
  return [r, true];
}
