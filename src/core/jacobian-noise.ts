/**
 * The share of F's measured noise in a Jacobian column's estimates (even-noise.ts). The driver measures
 * each component's noise in the even parts of its central rows (the spec's `evenNoise`); before the
 * column keeps the better of two scales (best-of-scales.ts, keepScale), each estimate's error gets the
 * share of the largest level seen in any scale of the column so far: the level is f's, not the
 * scale's, and a scale whose values happen to lie on a line (atan(t) + atan(c) at t = −6.9e4 on steps
 * of 1/32: equal differences on three rows, no σ to see) is then not preferred, on a rounding model
 * 1e5 times too small, to the scale that saw the noise. The kept estimate of an earlier scale gets the
 * share of a level found later too.
 */

import type { KeptEstimates } from "./best-of-scales.js";
import { stencilArrays } from "./base-stencil.js";
import type { ColumnState } from "./column-state.js";
import { NOISE_COVERAGE } from "./constants.js";
import { EVEN_NOISE_SHARE, EVEN_NOISE_SMALL, noiseShare } from "./even-noise.js";
import { divideByPower } from "./step.js";
import { QUIET_LIMITED_SHARE } from "./quiet-noise.js";
import { statusCode } from "./status.js";

/** Σ|w| of the first-derivative stencils, by ColumnState.kind (0 central, 1 forward, -1 backward). */
const CENTRAL_WEIGHTS = stencilArrays("central", 1).weightSum;
const FORWARD_WEIGHTS = stencilArrays("forward", 1).weightSum;
const NOISE_LIMITED = statusCode("noise-limited");

function weightsOf(kind: number): number {
  return kind === 0 ? CENTRAL_WEIGHTS : FORWARD_WEIGHTS;
}

/**
 * Adds the noise share (see the file comment) to the errors of the pending components' estimates of
 * scale i (`state`) and, where scale i found more noise than the scales before, to their kept ones;
 * call before keepScale. A component whose column measured no noise is left as it was, bit for bit.
 *
 * @example
 * ```ts
 * import { ColumnState } from "./column-state.js";
 * import { KeptEstimates } from "./best-of-scales.js";
 * const state = new ColumnState(1);
 * const kept = new KeptEstimates(1);
 * kept.pending[kept.pendingCount++] = 0;
 * state.value[0] = 2e-10;
 * state.error[0] = 1e-20;
 * state.step[0] = 0.01;
 * state.seenNoise[0] = 1e-16; // σ of its rows, far above EPS·|F_0|
 * addNoiseShares(state, kept, 0);
 * state.error[0]; // 4.00…e-14 (1e-20 + 4·1e-16/0.01)
 * ```
 */
export function addNoiseShares(state: ColumnState, kept: KeptEstimates, i: number): void {
  for (let a = 0; a < kept.pendingCount; a++) {
    const k = kept.pending[a];
    const seen = state.seenNoise[k];
    let level = kept.noise[k];
    if (seen > level) {
      const ke = kept.error[k];
      if (i > 0 && ke < Infinity)
        kept.error[k] = ke + noiseShare(seen - level, weightsOf(kept.kind[k]), kept.step[k]);
      level = kept.noise[k] = seen;
    }
    const e = state.error[k];
    if (level > 0 && e < Infinity)
      state.error[k] = e + noiseShare(level, weightsOf(state.kind[k]), state.step[k]);
  }
}

/**
 * Whether the kept estimate of component k is limited by noise: the share of the noise its column
 * measured, or of its row's level (`row`: σ measured before the columns, row-noise.ts, which the
 * column's rounding model carried as NOISE_COVERAGE·σ per value), is at least half the kept error
 * (status "noise-limited": the accuracy is set by F_k's own noise). `order`: the derivative's.
 *
 * @example
 * ```ts
 * import { KeptEstimates } from "./best-of-scales.js";
 * const kept = new KeptEstimates(1);
 * [kept.error[0], kept.step[0], kept.noise[0], kept.kind[0]] = [4.1e-14, 0.01, 1e-16, 0];
 * noiseLimited(kept, 0); // => true (the share is 4e-14)
 * noiseLimited(kept, 0, 0, 1); // => true (no row level: the same)
 * ```
 */
export function noiseLimited(kept: KeptEstimates, k: number, row = 0, order = 1): boolean {
  const level = kept.noise[k];
  const half = kept.error[k] / 2;
  if (level > 0 && noiseShare(level, weightsOf(kept.kind[k]), kept.step[k]) >= half) return true;
  if (!(row > 0)) return false;
  const kind = kept.kind[k] === 0 ? "central" : kept.kind[k] > 0 ? "forward" : "backward";
  const bound = NOISE_COVERAGE * row * stencilArrays(kind, order).weightSum;
  return divideByPower(bound, kept.step[k], order) >= half;
}

/**
 * The quiet floor of component k's kept estimate (quiet-noise.ts, withQuietShare, for a Jacobian
 * entry): noise relative to a term of F_k that vanishes at x, beside terms that do not, which the
 * even parts of its rows showed shrinking like h where F_k has no root (driver.ts, quietRow; the
 * column's `quietShare`, largest σ/h, and `quietSigma`, largest σ). It puts about σ/h into every
 * central first difference whatever its step; the row tables (row-noise.ts), about x where the term
 * is small, see only the other terms' rounding. EVEN_NOISE_SHARE·Σ|w| times the smaller of σ/h and
 * σ/h_r at the entry's step h_r, as derivative() adds; 0 for anything but a central first derivative,
 * and where that σ/h is more than EVEN_NOISE_SMALL (2⁻²⁰) of the entry: noise relative to a term g
 * puts ε·|g′| into each difference, ε·|J_kj| for an entry that is g′ (ε at most 2⁻²⁰, as noiseRules
 * takes a σ without the h⁴ law seen), while the even parts of a kink or a C1 join beside x also shrink
 * like h and their σ/h is a sizeable part of the slope (t³ − 2t + 0.004·max(0, t − c)² beside a join:
 * 0.0035767 ± 7e-13 would have been ± 8e-4).
 *
 * @example
 * ```ts
 * import { KeptEstimates } from "./best-of-scales.js";
 * const kept = new KeptEstimates(1);
 * [kept.step[0], kept.kind[0], kept.quietShare[0], kept.quietSigma[0]] = [0.004, 0, 8e-12, 4e-14];
 * kept.value[0] = 1;
 * quietFloor(kept, 0, 1); // => 3.2e-11 ± 1e-24 (4·8e-12)
 * quietFloor(kept, 0, 2); // => 0
 * kept.value[0] = 1e-6;
 * quietFloor(kept, 0, 1); // => 0 (σ/h beyond 2⁻²⁰ of the entry: shape, not noise)
 * ```
 */
export function quietFloor(kept: KeptEstimates, k: number, order: number): number {
  const share = kept.quietShare[k];
  if (!(share > 0) || order !== 1 || kept.kind[k] !== 0) return 0;
  const perDifference = Math.min(share, kept.quietSigma[k] / kept.step[k]);
  if (!(perDifference <= EVEN_NOISE_SMALL * Math.abs(kept.value[k]))) return 0;
  return EVEN_NOISE_SHARE * perDifference * CENTRAL_WEIGHTS;
}

/**
 * An entry's error `e` and status code `code` with the quiet floor `floor` ({@link quietFloor}) added:
 * "noise-limited" where the floor is at least QUIET_LIMITED_SHARE of the new error (quiet-noise.ts);
 * only an "ok" or "noise-limited" entry with a finite error, others as they are.
 *
 * @example
 * ```ts
 * withQuietFloor(1e-13, 0, 3.2e-11)[0]; // => 3.21e-11 ± 1e-24
 * withQuietFloor(1e-13, 0, 3.2e-11)[1]; // => 1 ("noise-limited")
 * withQuietFloor(1e-13, 0, 0); // => [1e-13, 0]
 * ```
 */
export function withQuietFloor(e: number, code: number, floor: number): [number, number] {
  if (!(floor > 0) || (code !== 0 && code !== NOISE_LIMITED) || !(e < Infinity)) return [e, code];
  const error = e + floor;
  return [error, floor >= QUIET_LIMITED_SHARE * error ? NOISE_LIMITED : code];
}
