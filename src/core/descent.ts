/**
 * The adaptive method: a descending sequence of steps from h0 = s · INITIAL_STEP[n], a base stencil
 * per step, Richardson extrapolation over them (extrapolate.ts), and the entry with the smallest
 * estimated error. It skips ahead while the differences show no asymptotic behaviour, stops when
 * rounding starts to dominate, and goes one-sided on the good side when f is not finite on the other.
 */

import {
  CENTRAL_RETRIES,
  CENTRAL_SHRINK,
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
  /** 0 when every point is finite; else -1 or +1 for the side of the first non-finite point. */
  bad: number;
}

/**
 * Evaluates one stencil row. Stops at the first non-finite point (its side is all the caller needs,
 * and the points beyond it would only cost evaluations).
 */
function evaluateRow(sampler: Sampler, x: number, st: Stencil, h: number): Row {
  let sum = 0;
  let absSum = 0;
  for (let k = 0; k < st.offsets.length; k++) {
    const o = st.offsets[k];
    const v = sampler.at(x + o * h);
    if (!Number.isFinite(v)) return { d: NaN, rounding: NaN, bad: o < 0 ? -1 : 1 };
    sum += st.weights[k] * v;
    absSum += Math.abs(st.weights[k] * v);
  }
  // Each f value carries a relative rounding error of about EPS (more for f computed through many
  // operations; the factor 2 covers the subtraction and the division), and an absolute one of at
  // least the smallest subnormal: values that underflowed to 0 are not exact.
  const noise = 2 * EPS * absSum + Number.MIN_VALUE * st.weightSum;
  return {
    d: divideByPower(sum, h, st.order),
    rounding: divideByPower(noise, h, st.order),
    bad: 0,
  };
}

/**
 * Regime of the newest row from the column-0 differences: `rounding` when the last difference is
 * within the rounding noise; `asymptotic` when it shrank at least about as fast as the leading error
 * term c·h^p predicts, (t[n-2] - t[n-1]) / (t[n-3] - t[n-2]) with t = h^p; `unknown` before three rows.
 */
function regime(
  tab: Tableau,
  d: number,
  h: number,
  rounding: number,
  p: number,
): "rounding" | "asymptotic" | "far" | "unknown" {
  const n = tab.rows + 1;
  if (n < 2) return "unknown";
  const diff = Math.abs(d - tab.base[n - 2]);
  if (diff <= 2 * (rounding + tab.baseRounding[n - 2])) return "rounding";
  if (n < 3) return "unknown";
  const h0 = tab.steps[n - 3];
  const t1 = (tab.steps[n - 2] / h0) ** p;
  const t2 = (h / h0) ** p;
  const expected = (t1 - t2) / (1 - t1);
  const ratio = diff / Math.abs(tab.base[n - 2] - tab.base[n - 3]);
  return ratio <= Math.max(NON_ASYMPTOTIC_RATIO, 2 * expected) ? "asymptotic" : "far";
}

/**
 * Runs the adaptive descent at scale `s`. `kind` is the stencil to start with; with `canSwitch`,
 * a central stencil that meets a non-finite value on one side (even after CENTRAL_RETRIES cuts of
 * the step by CENTRAL_SHRINK) becomes one-sided on the other side, restarting from the first step.
 * With `probeOnly` (a second scale), a non-finite value ends the descent instead.
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
  probeOnly = false,
): Candidate {
  let st = baseStencil(kind, order);
  const reach = Math.max(...st.offsets.map(Math.abs), order + 1);
  const h0 = initialStep(s, order, x, reach);
  let h = h0;
  let tab = new Tableau(kind === "central" ? 2 : 1);
  let retries = 0;
  let lastGood: Candidate = { value: NaN, error: NaN, step: NaN, method: kind };
  let stalls = 0;

  for (let rows = 0; rows < MAX_ROWS;) {
    const hr = representableStep(x, h);
    if (!(hr > 0)) break;
    const row = evaluateRow(sampler, x, st, hr);
    if (row.bad !== 0) {
      // A second scale only checks whether larger steps do better; trouble within reach of them
      // means they cannot, and the first scale has explored the steps below.
      if (probeOnly) break;
      if (!Number.isFinite(sampler.at(x))) break; // f is not finite at x: nothing to differentiate
      if (kind === "central" && retries < CENTRAL_RETRIES) {
        retries++;
        h /= CENTRAL_SHRINK;
        continue;
      }
      if (kind !== "central" || !canSwitch) {
        // A one-sided stencil that meets trouble on its own side: the trouble is within reach·h.
        if (++retries > 2 * CENTRAL_RETRIES) break;
        h /= CENTRAL_SHRINK;
        continue;
      }
      kind = row.bad < 0 ? "forward" : "backward";
      st = baseStencil(kind, order);
      tab = new Tableau(1);
      stalls = 0;
      h = h0; // the good side was never the problem: start afresh from the first step
      continue;
    }
    rows++;
    const p = kind === "central" ? 2 : 1;
    const state = regime(tab, row.d, hr, row.rounding, p);
    // Asymptotic behaviour is monotone in h (until rounding takes over): a row far from it means
    // every earlier entry was far from it too, whatever its error estimate said.
    if (state === "far") tab.forgetBest();
    tab.push(row.d, hr, row.rounding, state === "asymptotic" || state === "rounding");
    lastGood = { value: row.d, error: NaN, step: hr, method: kind };
    const settled = state === "asymptotic" || state === "rounding";
    const sharp = tab.sharpened;
    if (sharp !== undefined && settled && sharp.error <= 2 * sharp.rounding) {
      return { value: sharp.value, error: sharp.error, step: sharp.step, method: kind };
    }
    const best = tab.best;
    if (tab.rows >= MIN_ROWS && settled) {
      if (best.error <= CONVERGED_RELATIVE_ERROR * Math.abs(best.value)) break;
      if (best.error <= 2 * best.rounding) break; // what is left is rounding: smaller steps only add to it
    }
    if (tab.lastRowError > DIVERGENCE_FACTOR * best.error && tab.rows - 1 > best.row) {
      if (++stalls >= 2 && settled) break;
    } else stalls = 0;
    h /= state === "far" ? FAST_STEP_RATIO : STEP_RATIO;
  }

  const best = tab.best;
  if (Number.isFinite(best.value) && best.error < Infinity) {
    return { value: best.value, error: best.error, step: best.step, method: kind };
  }
  return lastGood;
}
