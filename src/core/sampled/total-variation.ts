/**
 * Total-variation-regularised differentiation (R. Chartrand, "Numerical differentiation of noisy,
 * nonsmooth data", ISRN Applied Mathematics 2011, 164564; after L. Rudin, S. Osher and E. Fatemi,
 * Physica D 60 (1992) 259-268). Chartrand's derivative u minimises α·TV(u) + ½‖A u − (y − y_0)‖², A the
 * integral. Written in the integral v = y_0 + A u instead, with u = v' the slopes of v between samples,
 * the same functional is
 *
 *   ½‖v − y‖² + α Σ_j √((u_{j+1} − u_j)² + ε),   u_j = (v_{j+1} − v_j)/(x_{j+1} − x_j),
 *
 * whose lagged-diffusivity normal equations (C. R. Vogel and M. E. Oman, SIAM J. Sci. Comput. 17 (1996)
 * 227-238) are pentadiagonal: each iteration is one O(n) solve. α is chosen by the discrepancy
 * principle: the RMS residual ‖v − y‖/√n equals the noise estimated from the data.
 */

import { solvePentadiagonal } from "./banded-solve.js";
import { noiseLevel } from "./noise-level.js";
import {
  TV_ALPHA_DECADES,
  TV_ALPHA_STEPS,
  TV_EPSILON,
  TV_ITERATIONS,
  TV_TOLERANCE,
} from "./smoothing-constants.js";
import type { ResolvedGrid } from "./validate.js";

/**
 * The result of {@link totalVariationLine}: the derivative at the samples, the α used, how it was
 * chosen, the noise estimate.
 *
 * @example
 * ```ts
 * const r: TotalVariationFit = { value: new Float64Array(3), alpha: 0.02, chosenBy: "discrepancy", noise: 0.01 };
 * ```
 */
export interface TotalVariationFit {
  value: Float64Array;
  alpha: number;
  chosenBy: "given" | "discrepancy";
  noise: number;
}

/**
 * The TV-regularised first derivative of `y` (n ≥ 4) on `grid`, with α given or chosen by the
 * discrepancy principle. The slopes between samples are carried to the samples by the weights of the
 * three-point derivative (interior) and taken as they are at the two ends.
 *
 * @example
 * ```ts
 * // |x − 0.5| with noise: the derivative is −1 then +1, with a sharp jump at 0.5
 * totalVariationLine(noisyKink, { h: 0.001, x: null }).value; // ≈ [-1, ..., -1, 1, ..., 1]
 * ```
 */
export function totalVariationLine(y: Float64Array, grid: ResolvedGrid, alpha?: number): TotalVariationFit {
  const n = y.length;
  const dx = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) dx[i] = grid.x === null ? (grid.h as number) : grid.x[i + 1] - grid.x[i];
  const noise = noiseLevel(y);
  const slopeScale = slopeScaleOf(y, dx);
  const fit = (a: number) => solveTv(y, dx, a, slopeScale);
  if (alpha !== undefined) return { value: atSamples(fit(alpha), dx), alpha, chosenBy: "given", noise };
  const scale = (n * Math.max(noise, Number.MIN_VALUE) ** 2) / slopeScale;
  let lo = Math.log(scale) - TV_ALPHA_DECADES * Math.LN10;
  let hi = Math.log(scale) + TV_ALPHA_DECADES * Math.LN10;
  if (noise > 0) {
    for (let step = 0; step < TV_ALPHA_STEPS; step++) {
      const mid = (lo + hi) / 2;
      if (rms(fit(Math.exp(mid)), y) > noise) hi = mid;
      else lo = mid;
    }
  }
  const chosen = noise > 0 ? Math.exp((lo + hi) / 2) : Math.exp(lo);
  return { value: atSamples(fit(chosen), dx), alpha: chosen, chosenBy: "discrepancy", noise };
}

/** The range of y over the range of x: the scale of the slopes, for ε and α. */
function slopeScaleOf(y: Float64Array, dx: Float64Array): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of y) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const span = dx.reduce((s, d) => s + d, 0);
  return hi > lo ? (hi - lo) / span : 1 / span;
}

/** Lagged diffusivity from v = y: returns the fitted v. */
function solveTv(y: Float64Array, dx: Float64Array, alpha: number, slopeScale: number): Float64Array {
  const n = y.length;
  const eps = (TV_EPSILON * slopeScale) ** 2;
  let v: Float64Array = Float64Array.from(y);
  const d = new Float64Array(n);
  const e = new Float64Array(n - 1);
  const f = new Float64Array(n - 2);
  for (let it = 0; it < TV_ITERATIONS; it++) {
    d.fill(1);
    e.fill(0);
    f.fill(0);
    for (let j = 0; j < n - 2; j++) {
      // (G v)_j = u_{j+1} − u_j with coefficients c0, c1, c2 on v_j, v_{j+1}, v_{j+2}
      const c0 = 1 / dx[j];
      const c2 = 1 / dx[j + 1];
      const c1 = -c0 - c2;
      const g = c0 * v[j] + c1 * v[j + 1] + c2 * v[j + 2];
      const w = alpha / Math.sqrt(g * g + eps);
      d[j] += w * c0 * c0;
      d[j + 1] += w * c1 * c1;
      d[j + 2] += w * c2 * c2;
      e[j] += w * c0 * c1;
      e[j + 1] += w * c1 * c2;
      f[j] += w * c0 * c2;
    }
    const next = solvePentadiagonal(d, e, f, y);
    let change = 0;
    let size = 0;
    for (let i = 0; i < n; i++) {
      change += (next[i] - v[i]) ** 2;
      size += next[i] ** 2;
    }
    v = next;
    if (change <= TV_TOLERANCE ** 2 * size) break;
  }
  return v;
}

function rms(v: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (v[i] - y[i]) ** 2;
  return Math.sqrt(s / y.length);
}

/** Slopes of v between samples, carried to the samples. */
function atSamples(v: Float64Array, dx: Float64Array): Float64Array {
  const n = v.length;
  const u = new Float64Array(n - 1);
  for (let j = 0; j < n - 1; j++) u[j] = (v[j + 1] - v[j]) / dx[j];
  const out = new Float64Array(n);
  out[0] = u[0];
  out[n - 1] = u[n - 2];
  for (let i = 1; i < n - 1; i++) out[i] = (dx[i] * u[i - 1] + dx[i - 1] * u[i]) / (dx[i - 1] + dx[i]);
  return out;
}
