/**
 * Mixed second partials ∂²f/∂x_i∂x_j (i ≠ j) by the central four-point stencil
 * D(h) = [f(x+h_i+h_j) − f(x+h_i−h_j) − f(x−h_i+h_j) + f(x−h_i−h_j)] / (4·h_i·h_j),
 * whose error expands in even powers of a common factor of h_i and h_j, so the Richardson tableau of
 * extrapolate.ts (in t = h²) applies. Steps are per coordinate: h_i = s_i · MIXED_INITIAL_STEP · 2^-k
 * with s_i the first scale of the one-variable rule (candidateScales).
 */

import {
  CENTRAL_RETRIES,
  CENTRAL_SHRINK,
  CONVERGED_RELATIVE_ERROR,
  DIVERGENCE_FACTOR,
  EPS,
  FAST_STEP_RATIO,
  GOOD_RELATIVE_ERROR,
  INITIAL_STEP,
  MAX_ROWS,
  MIN_ROWS,
  NON_ASYMPTOTIC_RATIO,
  STEP_RATIO,
} from "./constants.js";
import { Tableau } from "./extrapolate.js";
import { callNumber } from "./fixed-partial.js";
import { candidateScales, representableStep } from "./step.js";
import type { FnN } from "./types.js";

/**
 * First step of the mixed stencil, relative to each coordinate's scale: that of second derivatives
 * in the one-variable engine, INITIAL_STEP[2].
 *
 * @default 0.25
 * @example
 * ```ts
 * MIXED_INITIAL_STEP; // 0.25
 * ```
 */
export const MIXED_INITIAL_STEP = INITIAL_STEP[2];

/** A mixed partial estimate. */
export interface MixedEstimate {
  value: number;
  error: number;
  evaluations: number;
}

/**
 * f on a working point w with two coordinates set (both restored from their saved values after the
 * call), counting calls; points outside the bounds give NaN without a call.
 *
 * @example
 * ```ts
 * const p = new PairSampler((x) => x[0] * x[1], new Float64Array([1, 2]));
 * p.at(0, 3, 1, 4); // 12
 * p.evaluations; // 1
 * ```
 */
export class PairSampler {
  /** Calls of f made so far. */
  evaluations = 0;

  constructor(
    private readonly f: FnN,
    readonly w: Float64Array,
    private readonly lo?: Float64Array,
    private readonly hi?: Float64Array,
  ) {}

  /** f(w with w[i] = a, w[j] = b). */
  at(i: number, a: number, j: number, b: number): number {
    const { lo, hi, w } = this;
    if (lo !== undefined && hi !== undefined && !(a >= lo[i] && a <= hi[i] && b >= lo[j] && b <= hi[j])) {
      return NaN;
    }
    const si = w[i];
    const sj = w[j];
    w[i] = a;
    w[j] = b;
    this.evaluations++;
    try {
      return callNumber(this.f, w);
    } finally {
      w[i] = si;
      w[j] = sj;
    }
  }
}

/**
 * The mixed stencil at fixed steps h_i, h_j (no extrapolation): 4 calls of f.
 *
 * @example
 * ```ts
 * mixedStencil(new PairSampler((x) => x[0] * x[1], new Float64Array([1, 2])), 0, 1, 1e-3, 1e-3); // 1
 * ```
 */
export function mixedStencil(p: PairSampler, i: number, j: number, hi: number, hj: number): number {
  const xi = p.w[i];
  const xj = p.w[j];
  const pp = p.at(i, xi + hi, j, xj + hj);
  const pm = p.at(i, xi + hi, j, xj - hj);
  const mp = p.at(i, xi - hi, j, xj + hj);
  const mm = p.at(i, xi - hi, j, xj - hj);
  return (pp - pm - mp + mm) / (4 * hi) / hj;
}

/**
 * ∂²f/∂x_i∂x_j at w (i ≠ j) with an error estimate: the four-point stencil over a descending sequence
 * of steps, extrapolated (Richardson/Ridders, as for one variable), with the same regime tests and
 * stopping rules as the one-variable descent. A point where f is not finite (or outside the bounds)
 * shrinks the steps by CENTRAL_SHRINK, up to CENTRAL_RETRIES times; then the result is NaN.
 *
 * @example
 * ```ts
 * const w = new Float64Array([0, 0]);
 * const inf = new Float64Array([-Infinity, -Infinity]), sup = new Float64Array([Infinity, Infinity]);
 * mixedPartial((x) => Math.cos(x[0] - x[1]), w, 0, 1, inf, sup).value; // 0.9999999999998905 (error ≈ 3e-12)
 * ```
 */
export function mixedPartial(
  f: FnN,
  w: Float64Array,
  i: number,
  j: number,
  lo: Float64Array,
  hi: Float64Array,
): MixedEstimate {
  const xi = w[i];
  const xj = w[j];
  if (!Number.isFinite(xi) || !Number.isFinite(xj)) return { value: NaN, error: NaN, evaluations: 0 };
  // The scales of the one-variable rule, tried in turn (the second only when the first is not good
  // enough), as derivative() does: x ~ 1e-300 first at its own scale, then at scale 1.
  const scalesI = candidateScales(xi);
  const scalesJ = candidateScales(xj);
  const tries = Math.max(scalesI.length, scalesJ.length);
  const p = new PairSampler(f, w, lo, hi);
  let best = { value: NaN, error: NaN };
  for (let k = 0; k < tries; k++) {
    const si = scalesI[Math.min(k, scalesI.length - 1)] * MIXED_INITIAL_STEP;
    const sj = scalesJ[Math.min(k, scalesJ.length - 1)] * MIXED_INITIAL_STEP;
    const r = descendMixed(p, i, j, si, sj);
    if (
      k === 0 ||
      (Number.isFinite(r.value) &&
        (!Number.isFinite(best.value) || r.error < best.error || Number.isNaN(best.error)))
    ) {
      best = r;
    }
    if (best.error <= GOOD_RELATIVE_ERROR * Math.abs(best.value)) break;
  }
  return { value: best.value, error: best.error, evaluations: p.evaluations };
}

function descendMixed(
  p: PairSampler,
  i: number,
  j: number,
  si: number,
  sj: number,
): { value: number; error: number } {
  const xi = p.w[i];
  const xj = p.w[j];
  let c = 1; // common factor of the two steps
  const tab = new Tableau(2);
  let retries = 0;
  let stalls = 0;
  let lastValue = NaN;
  while (tab.rows < MAX_ROWS) {
    const hi_ = representableStep(xi, si * c);
    const hj = representableStep(xj, sj * c);
    if (!(hi_ > 0 && hj > 0)) break;
    const pp = p.at(i, xi + hi_, j, xj + hj);
    const pm = p.at(i, xi + hi_, j, xj - hj);
    const mp = p.at(i, xi - hi_, j, xj + hj);
    const mm = p.at(i, xi - hi_, j, xj - hj);
    if (!(Number.isFinite(pp) && Number.isFinite(pm) && Number.isFinite(mp) && Number.isFinite(mm))) {
      if (++retries > CENTRAL_RETRIES) break;
      c /= CENTRAL_SHRINK;
      continue;
    }
    // Two divisions, so that h_i·h_j cannot underflow on its own (x ~ 1e-300 has steps near 1e-300).
    const d = (pp - pm - mp + mm) / (4 * hi_) / hj;
    const noise =
      2 * EPS * (Math.abs(pp) + Math.abs(pm) + Math.abs(mp) + Math.abs(mm)) + 4 * Number.MIN_VALUE;
    const rounding = noise / (4 * hi_) / hj;
    // Regime from the base differences, as in descent.ts: rounding, asymptotic, far or unknown.
    const n = tab.rows + 1;
    let state: "unknown" | "rounding" | "asymptotic" | "far" = "unknown";
    if (n >= 2) {
      const diff = Math.abs(d - tab.base[n - 2]);
      if (diff <= 2 * (rounding + tab.baseRounding[n - 2])) state = "rounding";
      else if (n >= 3) {
        const h0 = tab.steps[n - 3];
        const t1 = (tab.steps[n - 2] / h0) ** 2;
        const t2 = (c / h0) ** 2;
        const expected = (t1 - t2) / (1 - t1);
        const ratio = diff / Math.abs(tab.base[n - 2] - tab.base[n - 3]);
        state = ratio <= Math.max(NON_ASYMPTOTIC_RATIO, 2 * expected) ? "asymptotic" : "far";
      }
    }
    if (state === "far") tab.forgetBest();
    const settled = state === "asymptotic" || state === "rounding";
    tab.push(d, c, rounding, settled);
    lastValue = d;
    const sharp = tab.sharpened;
    if (sharp !== undefined && settled && sharp.error <= 2 * sharp.rounding) {
      return { value: sharp.value, error: sharp.error };
    }
    const best = tab.best;
    if (tab.rows >= MIN_ROWS && settled) {
      if (best.error <= CONVERGED_RELATIVE_ERROR * Math.abs(best.value)) break;
      if (best.error <= 2 * best.rounding) break;
    }
    if (tab.lastRowError > DIVERGENCE_FACTOR * best.error && tab.rows - 1 > best.row) {
      if (++stalls >= 2 && settled) break;
    } else stalls = 0;
    c /= state === "far" ? FAST_STEP_RATIO : STEP_RATIO;
  }
  const best = tab.best;
  if (Number.isFinite(best.value) && best.error < Infinity) {
    return { value: best.value, error: best.error };
  }
  return { value: lastValue, error: NaN };
}
