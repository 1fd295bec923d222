/**
 * The adaptive method: a descending sequence of steps from h0 = s · INITIAL_STEP[n], a base stencil
 * per step, Richardson extrapolation over them (extrapolate.ts), and the entry with the smallest
 * estimated error. It skips ahead while the differences show no asymptotic behaviour, stops when
 * rounding starts to dominate, and goes one-sided on the good side when f is not finite on the other.
 */

import {
  CENTRAL_RETRIES,
  CONVERGED_RELATIVE_ERROR,
  DIVERGENCE_FACTOR,
  EPS,
  FAST_STEP_RATIO,
  MAX_ROWS,
  MIN_ROWS,
  NON_ASYMPTOTIC_RATIO,
  STEP_RATIO,
} from "./constants.js";
import { Tableau } from "./extrapolate.js";
import type { Sampler } from "./sampler.js";
import { stencil, stencilOffsets, type Stencil } from "./stencil.js";
import { divideByPower, initialStep, representableStep } from "./step.js";
import type { StencilKind } from "./types.js";

/** One adaptive estimate. */
export interface Candidate {
  value: number;
  error: number;
  step: number;
  method: StencilKind;
}

/** Base stencils: central O(h²) (even error expansion), one-sided O(h) (all powers). */
function baseStencil(kind: StencilKind, order: number): Stencil {
  return stencil(stencilOffsets(kind, order, kind === "central" ? 2 : 1), order);
}

interface Row {
  d: number;
  rounding: number;
  /** -1 when a point left of x is not finite, +1 right, 2 both, 0 none. */
  bad: number;
}

function evaluateRow(sampler: Sampler, x: number, st: Stencil, h: number): Row {
  let sum = 0;
  let absSum = 0;
  let badLeft = false;
  let badRight = false;
  for (let k = 0; k < st.offsets.length; k++) {
    const o = st.offsets[k];
    const v = sampler.at(x + o * h);
    if (!Number.isFinite(v)) {
      if (o < 0) badLeft = true;
      else if (o > 0) badRight = true;
      else badLeft = badRight = true;
      continue;
    }
    sum += st.weights[k] * v;
    absSum += Math.abs(st.weights[k] * v);
  }
  const bad = badLeft && badRight ? 2 : badLeft ? -1 : badRight ? 1 : 0;
  // Each f value carries a relative rounding error of about EPS (more for f computed through many
  // operations; the factor 2 covers the subtraction and the division).
  return { d: divideByPower(sum, h, st.order), rounding: divideByPower(2 * EPS * absSum, h, st.order), bad };
}

/**
 * Runs the adaptive descent at scale `s`. `kind` is the stencil to start with; with `canSwitch`,
 * a central stencil that meets a non-finite value on one side becomes one-sided on the other.
 *
 * @example
 * ```ts
 * const c = descend(new Sampler(Math.exp), 1, 1, 1, "central", true);
 * c.value; // 2.718281828459045 (error ≈ 1e-15)
 * ```
 */
export function descend(
  sampler: Sampler,
  x: number,
  order: number,
  s: number,
  kind: StencilKind,
  canSwitch: boolean,
): Candidate {
  let st = baseStencil(kind, order);
  const reach = Math.max(...st.offsets.map(Math.abs), order + 1);
  let h = initialStep(s, order, x, reach);
  let tab = new Tableau(kind === "central" ? 2 : 1);
  let retries = 0;
  let lastGood: Candidate = { value: NaN, error: NaN, step: NaN, method: kind };
  let stalls = 0;

  for (let iter = 0; iter < MAX_ROWS; iter++) {
    const hr = representableStep(x, h);
    if (!(hr > 0)) break;
    const row = evaluateRow(sampler, x, st, hr);
    if (row.bad !== 0) {
      const centre = sampler.at(x);
      if (!Number.isFinite(centre)) break; // f is not finite at x: nothing to differentiate
      if (kind === "central" && canSwitch && row.bad !== 2 && retries >= CENTRAL_RETRIES) {
        kind = row.bad < 0 ? "forward" : "backward";
        st = baseStencil(kind, order);
        tab = new Tableau(1);
        stalls = 0;
        continue; // same h, one-sided now
      }
      retries++;
      h /= FAST_STEP_RATIO;
      continue;
    }
    const n = tab.rows + 1;
    // Regime of the newest rows, from the column-0 differences.
    let roundingDominates = false;
    let asymptotic = n < 3; // unknown before three rows: keep the normal ratio
    if (n >= 2) {
      const diff = Math.abs(row.d - tab.base[n - 2]);
      roundingDominates = diff <= 2 * (row.rounding + tab.baseRounding[n - 2]);
      if (n >= 3 && !roundingDominates) {
        // Leading error term c·h^p: consecutive differences shrink like (t[n-2] - t[n-1]) / (t[n-3] - t[n-2]).
        const p = kind === "central" ? 2 : 1;
        const h0 = tab.steps[n - 3];
        const [t0, t1, t2] = [1, (tab.steps[n - 2] / h0) ** p, (hr / h0) ** p];
        const expected = (t1 - t2) / (t0 - t1);
        const ratio = diff / Math.abs(tab.base[n - 2] - tab.base[n - 3]);
        asymptotic = ratio <= Math.max(NON_ASYMPTOTIC_RATIO, 2 * expected);
      }
    }
    tab.push(row.d, hr, row.rounding, n >= 3 && (asymptotic || roundingDominates));
    lastGood = { value: row.d, error: NaN, step: hr, method: kind };
    if (n < 2) {
      h /= STEP_RATIO;
      continue;
    }

    const best = tab.best;
    if (n >= MIN_ROWS && (asymptotic || roundingDominates)) {
      if (best.error <= CONVERGED_RELATIVE_ERROR * Math.abs(best.value)) break;
      if (best.error <= 2 * best.rounding) break; // what is left is rounding: smaller steps only add to it
    }
    if (tab.lastRowError > DIVERGENCE_FACTOR * best.error && n - 1 > best.row) {
      stalls++;
      if (stalls >= 2 && (asymptotic || roundingDominates)) break;
    } else stalls = 0;

    h /= asymptotic || roundingDominates ? STEP_RATIO : FAST_STEP_RATIO;
  }

  const best = tab.best;
  if (Number.isFinite(best.value) && best.error < Infinity) {
    return { value: best.value, error: best.error, step: best.step, method: kind };
  }
  return lastGood;
}
