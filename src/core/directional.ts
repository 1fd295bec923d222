import { runBatched, type PointSpace } from "./batch.js";
import { derivative } from "./derivative.js";
import { derivativePipeline } from "./derivative-pipeline.js";
import { PointRequest, Sampler, type Pipeline } from "./sampler.js";
import { ScalarEngine } from "./scalar-engine.js";
import { invalid } from "./errors.js";
import { callNumber, checkInside, fixedStencil } from "./fixed-partial.js";
import { divideByPower } from "./step.js";
import { fixedStatus } from "./status.js";
import type { ArrayFnN, BatchFn, DerivativeResult, FnN, OneSided, PointLike, StencilKind } from "./types.js";
import { checkFunction, resolveOptions } from "./validate.js";
import {
  resolveMultivariate,
  toPoint,
  type MultivariateOptions,
  type ResolvedMultivariate,
} from "./vector.js";

/**
 * Scale factor σ of the direction in the default method: the engine differentiates
 * g(τ) = f(x + τ·σ·v) at τ = 0, where its steps are relative to 1, and divides by σ^order. σ makes a
 * unit of τ move the largest-moving coordinate by max(|x_i|, 1), so steps are relative to the scale
 * of x as for {@link partial}; it is rounded to a power of two so the final division is exact.
 *
 * @example
 * ```ts
 * directionScale(new Float64Array([1000, 1]), new Float64Array([1, 0])); // => 1024
 * directionScale(new Float64Array([0, 0]), new Float64Array([3, 4])); // => 0.25
 * ```
 */
export function directionScale(x: Float64Array, v: Float64Array): number {
  let scale = 1;
  let vmax = 0;
  for (let i = 0; i < x.length; i++) {
    if (v[i] === 0) continue;
    if (Math.abs(x[i]) > scale && Number.isFinite(x[i])) scale = Math.abs(x[i]);
    if (Math.abs(v[i]) > vmax) vmax = Math.abs(v[i]);
  }
  return 2 ** Math.round(Math.log2(scale / vmax));
}

/**
 * The directional derivative of f at x along v: dⁿ/dtⁿ f(x + t·v) at t = 0 (n = `order`, default 1),
 * with v used as given (not normalized: for a unit-direction derivative divide by |v|). For n = 1 it
 * equals ∇f(x)·v.
 *
 * By default the one-variable engine runs on t (steps relative to the scale of x, see
 * {@link directionScale}); with `step`, one plain stencil in t with exactly that h. Per-coordinate
 * `bounds` become the interval of t that keeps x + t·v inside them.
 *
 * @param f - f(x) for a Float64Array x, lent for the call.
 * @param x - the point; never changed.
 * @param direction - v, the same length as x, not all zeros, finite.
 * @param options - {@link MultivariateOptions} (`onProgress` is not used).
 * @throws NumdiffError for bad setup: INVALID_DIRECTION for a wrong length, all zeros, or non-finite v.
 * @example
 * ```ts
 * import { directionalDerivative } from "numdiff";
 * const rosen = (x: Float64Array) => (1 - x[0]) ** 2 + 105 * (x[1] - x[0] ** 2) ** 2;
 * directionalDerivative(rosen, [2, 3], [1, -1]).value; // => 1052 ± 1e-11 (divide by √2 for the unit direction: 743.876…)
 * ```
 */
export function directionalDerivative(
  f: FnN,
  x: PointLike,
  direction: PointLike,
  options?: MultivariateOptions,
): DerivativeResult;
export function directionalDerivative(
  f: ArrayFnN,
  x: PointLike,
  direction: PointLike,
  options?: MultivariateOptions,
): DerivativeResult;
export function directionalDerivative(
  f: BatchFn,
  x: PointLike,
  direction: PointLike,
  options: MultivariateOptions & { batch: true },
): DerivativeResult;
export function directionalDerivative(
  f: ArrayFnN | BatchFn,
  x: ArrayLike<number>,
  direction: ArrayLike<number>,
  options?: MultivariateOptions,
): DerivativeResult {
  checkFunction(f, "f");
  const d = directionSetup(x, direction, options);
  if (options?.batch === true) {
    const results: DerivativeResult[] = [];
    runBatched(1, () => directionalPipeline(d), 1, results, f as unknown as BatchFn, directionSpace(d));
    return results[0];
  }
  const { x0, v, sigma, o } = d;
  const g = f as FnN;
  const n = x0.length;
  const w = new Float64Array(n);
  const along = (t: number): number => {
    for (let i = 0; i < n; i++) w[i] = x0[i] + t * sigma * v[i];
    return callNumber(g, w);
  };
  if (o.step !== undefined) {
    const st = fixedStencil(d.kind, o.order, o.accuracy);
    let sum = 0;
    for (let k = 0; k < st.offsets.length; k++) sum += st.weights[k] * along(st.offsets[k] * o.step);
    return fixedDirectional(sum, st.offsets.length, d);
  }
  return scaleDirectional(derivative(along, 0, { ...o.engine, bounds: d.bounds }), sigma, o.order);
}

/**
 * A directional derivative's setup, validated: the point, the direction, its scale σ (1 with a fixed
 * step), the interval of τ that keeps x + τ·σ·v in the bounds, and the options.
 *
 * @example
 * ```ts
 * directionSetup([1000, 1], [1, 0], undefined).sigma; // => 1024
 * ```
 */
export interface DirectionSetup {
  readonly x0: Float64Array;
  readonly v: Float64Array;
  readonly sigma: number;
  readonly o: ResolvedMultivariate;
  /** The bounds of τ, or undefined when unbounded. */
  readonly bounds: [number, number] | undefined;
  /** The fixed step's stencil kind. */
  readonly kind: StencilKind;
}

/**
 * Validates x, the direction and the options of {@link directionalDerivative} (see {@link DirectionSetup}).
 *
 * @example
 * ```ts
 * directionSetup([1, 2], [0, 0], undefined); // throws INVALID_DIRECTION
 * ```
 */
export function directionSetup(
  x: ArrayLike<number>,
  direction: ArrayLike<number>,
  options: MultivariateOptions | undefined,
): DirectionSetup {
  const x0 = toPoint(x, "x");
  const n = x0.length;
  if (
    !(Array.isArray(direction) || direction instanceof Float64Array || direction instanceof Float32Array) ||
    direction.length !== n
  ) {
    throw invalid("INVALID_DIRECTION", "direction", `an array of ${n} numbers (the length of x)`, direction);
  }
  const v = new Float64Array(n);
  let nonzero = false;
  for (let i = 0; i < n; i++) {
    const vi = direction[i];
    if (!(typeof vi === "number" && Number.isFinite(vi))) {
      throw invalid("INVALID_DIRECTION", `direction[${i}]`, "a finite number", vi);
    }
    v[i] = vi;
    if (vi !== 0) nonzero = true;
  }
  if (!nonzero)
    throw invalid("INVALID_DIRECTION", "direction", "a direction with a nonzero component", direction);
  const o = resolveMultivariate(options, x0);
  const sigma = o.step === undefined ? directionScale(x0, v) : 1;
  // The interval of τ for which every coordinate of x + τ·σ·v stays in its bounds.
  let lo = -Infinity;
  let hi = Infinity;
  for (let i = 0; i < n; i++) {
    const s = sigma * v[i];
    if (s === 0 || !Number.isFinite(x0[i])) continue;
    const a = (o.lo[i] - x0[i]) / s;
    const b = (o.hi[i] - x0[i]) / s;
    lo = Math.max(lo, Math.min(a, b));
    hi = Math.min(hi, Math.max(a, b));
  }
  const bounds: [number, number] | undefined = lo === -Infinity && hi === Infinity ? undefined : [lo, hi];
  if (bounds !== undefined && !(lo < hi)) {
    throw invalid(
      "INVALID_BOUNDS",
      "bounds",
      "bounds leaving room to move along the direction",
      options?.bounds,
    );
  }
  const kind: StencilKind = o.method === "auto" ? "central" : o.method;
  if (o.step !== undefined) checkInside(fixedStencil(kind, o.order, o.accuracy), 0, o.step, lo, hi, -1);
  return { x0, v, sigma, o, bounds, kind };
}

/** The fixed-step result from the stencil's weighted sum. */
function fixedDirectional(sum: number, evaluations: number, d: DirectionSetup): DerivativeResult {
  const step = d.o.step as number;
  const value = divideByPower(sum, step, d.o.order);
  return { value, error: NaN, step, evaluations, method: d.kind, status: fixedStatus(value) };
}

/**
 * The engine's result in τ as a derivative along v: value and error divided by σ^order, the step
 * multiplied by σ (σ a power of two: exact).
 *
 * @example
 * ```ts
 * scaleDirectional({ value: 4, error: 0, step: 1, evaluations: 8, method: "central", status: "ok" }, 2, 1).value; // => 2
 * ```
 */
export function scaleDirectional(r: DerivativeResult, sigma: number, order: number): DerivativeResult {
  if (sigma === 1) return r;
  const factor = sigma ** order;
  const side = (s: OneSided | undefined): OneSided | undefined =>
    s === undefined ? undefined : { value: s.value / factor, error: s.error / factor };
  const out: DerivativeResult = {
    ...r,
    value: r.value / factor,
    error: r.error / factor,
    step: r.step * sigma,
  };
  if (r.left !== undefined) out.left = side(r.left);
  if (r.right !== undefined) out.right = side(r.right);
  if (r.noise !== undefined) out.noise = r.noise; // f's own noise: not scaled
  return out;
}

/**
 * The directional derivative as a pipeline in τ (sampler.ts), for the batched and async loops; its
 * points are the τ of x + τ·σ·v (see {@link directionSpace}).
 *
 * @example
 * ```ts
 * const d = directionSetup([1, 2], [1, 1], undefined);
 * const pipeline = directionalPipeline(d);
 * ```
 */
export function* directionalPipeline(d: DirectionSetup): Pipeline<DerivativeResult> {
  const o = d.o;
  if (o.step !== undefined) {
    const st = fixedStencil(d.kind, o.order, o.accuracy);
    const r = new PointRequest();
    r.reserve(st.offsets.length);
    for (let k = 0; k < st.offsets.length; k++) r.points[k] = st.offsets[k] * o.step;
    [r.count, r.evaluated, r.prefix] = [st.offsets.length, st.offsets.length, false];
    yield r;
    let sum = 0;
    for (let k = 0; k < st.offsets.length; k++) sum += st.weights[k] * r.values[k];
    return fixedDirectional(sum, st.offsets.length, d);
  }
  const opts = resolveOptions({ ...o.engine, bounds: d.bounds }, 0);
  const sampler = new Sampler(null, opts.lo, opts.hi);
  const r = yield* derivativePipeline(new ScalarEngine(), sampler, 0, opts);
  return scaleDirectional(r, d.sigma, o.order);
}

/**
 * Where τ lives: the point x + τ·σ·v, computed as the sync loop computes it.
 *
 * @example
 * ```ts
 * const space = directionSpace(directionSetup([1, 2], [1, 1], undefined));
 * ```
 */
export function directionSpace(d: DirectionSetup): PointSpace {
  const { x0, v, sigma } = d;
  const n = x0.length;
  return {
    x0,
    coordinate: () => -1,
    write(_task, r, q, out, at) {
      const t = r.points[q];
      for (let i = 0; i < n; i++) out[at + i] = x0[i] + t * sigma * v[i];
    },
  };
}
