import { derivative } from "./derivative.js";
import { invalid } from "./errors.js";
import { callNumber, checkInside, fixedStencil } from "./fixed-partial.js";
import { divideByPower } from "./step.js";
import { fixedStatus } from "./status.js";
import type { ArrayFnN, DerivativeResult, FnN, OneSided, PointLike, StencilKind } from "./types.js";
import { checkFunction } from "./validate.js";
import { resolveMultivariate, toPoint, type MultivariateOptions } from "./vector.js";

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
  f: ArrayFnN,
  x: ArrayLike<number>,
  direction: ArrayLike<number>,
  options?: MultivariateOptions,
): DerivativeResult {
  checkFunction(f, "f");
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
  const w = new Float64Array(n);
  const along = (t: number): number => {
    for (let i = 0; i < n; i++) w[i] = x0[i] + t * sigma * v[i];
    return callNumber(f, w);
  };
  const bounds: [number, number] | undefined = lo === -Infinity && hi === Infinity ? undefined : [lo, hi];
  if (bounds !== undefined && !(lo < hi)) {
    throw invalid(
      "INVALID_BOUNDS",
      "bounds",
      "bounds leaving room to move along the direction",
      options?.bounds,
    );
  }
  if (o.step !== undefined) {
    const kind: StencilKind = o.method === "auto" ? "central" : o.method;
    const st = fixedStencil(kind, o.order, o.accuracy);
    checkInside(st, 0, o.step, lo, hi, -1);
    let sum = 0;
    for (let k = 0; k < st.offsets.length; k++) sum += st.weights[k] * along(st.offsets[k] * o.step);
    const value = divideByPower(sum, o.step, o.order);
    const status = fixedStatus(value);
    return { value, error: NaN, step: o.step, evaluations: st.offsets.length, method: kind, status };
  }
  const r = derivative(along, 0, { ...o.engine, bounds });
  if (sigma === 1) return r;
  const factor = sigma ** o.order;
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
