/**
 * "Try each scale of x, keep the better": written once for derivative(), the Jacobian's columns and
 * the mixed partials. The first scale runs every requested component; later scales are probes (any
 * trouble ends them) run only for the components whose estimate is not yet good enough.
 */

import { ALIAS_STEP, GOOD_RELATIVE_ERROR } from "./constants.js";
import { COLUMN_FLAG, type ColumnState } from "./column-state.js";

/**
 * The kept estimate of each component across scales.
 *
 * @example
 * ```ts
 * const kept = new KeptEstimates(2);
 * kept.value; // Float64Array [NaN, NaN]
 * ```
 */
export class KeptEstimates {
  readonly value: Float64Array;
  readonly error: Float64Array;
  readonly step: Float64Array;
  readonly kind: Int8Array;
  /** The column flags (COLUMN_FLAG) of the kept estimate, and where it noticed noise. */
  readonly flags: Int8Array;
  readonly noisyStep: Float64Array;
  readonly noisyChange: Float64Array;
  /**
   * The largest noise per row the columns' even parts showed over the scales (ColumnState.seenShare,
   * σ/h; 0: none), and the largest σ that column's even parts ruled noise (ColumnState.seenNoise), the
   * level reported with it.
   */
  readonly evenShare: Float64Array;
  readonly evenLevel: Float64Array;
  /** The largest ColumnState.quietShare and quietSigma over the scales (0: none; quiet-noise.ts). */
  readonly quietShare: Float64Array;
  readonly quietSigma: Float64Array;
  /** The largest ColumnState.bandShare and bandSigma over the scales (0: none; quiet-noise.ts). */
  readonly bandShare: Float64Array;
  readonly bandSigma: Float64Array;
  /**
   * The noise level measured in the component's rows over the scales so far (even-noise.ts; 0: none),
   * whose share the kept error carries (jacobian-noise.ts).
   */
  readonly noise: Float64Array;
  /** Components still to improve: the first `pendingCount` entries. */
  readonly pending: Int32Array;
  pendingCount = 0;

  constructor(readonly m: number) {
    this.value = new Float64Array(m).fill(NaN);
    this.error = new Float64Array(m).fill(NaN);
    this.step = new Float64Array(m).fill(NaN);
    this.kind = new Int8Array(m);
    this.flags = new Int8Array(m);
    this.noisyStep = new Float64Array(m);
    this.noisyChange = new Float64Array(m);
    this.evenShare = new Float64Array(m);
    this.evenLevel = new Float64Array(m);
    this.quietShare = new Float64Array(m);
    this.quietSigma = new Float64Array(m);
    this.bandShare = new Float64Array(m);
    this.bandSigma = new Float64Array(m);
    this.noise = new Float64Array(m);
    this.pending = new Int32Array(m);
  }

  /** Forgets every kept estimate. */
  clear(): void {
    // A loop, not seven fill() calls: most callers have m = 1, where each call costs more than the work.
    for (let k = 0; k < this.m; k++) this.forget(k);
  }

  /** Forgets component k's kept estimate (a Jacobian column clears only the components it runs). */
  forget(k: number): void {
    this.value[k] = NaN;
    this.error[k] = NaN;
    this.step[k] = NaN;
    this.kind[k] = 0;
    this.flags[k] = 0;
    this.noisyStep[k] = NaN;
    this.noisyChange[k] = NaN;
    this.evenShare[k] = 0;
    this.evenLevel[k] = 0;
    this.quietShare[k] = 0;
    this.quietSigma[k] = 0;
    this.bandShare[k] = 0;
    this.bandSigma[k] = 0;
    this.noise[k] = 0;
  }
}

/**
 * Runs `run(i)` for scale i = 0, 1, … < tries (run must start and finish a column for the state's
 * active components, as a probe for i > 0) and keeps, per component, the better estimate: a finite value
 * beats a non-finite one, then the smaller error (an unknown error loses), except that of two scales
 * that disagree beyond both errors the one with the smaller steps wins. A component whose kept error
 * is at most GOOD_RELATIVE_ERROR·|value| (or within the caller's `tolerance`), from steps no longer than
 * ALIAS_STEP, is not run again. `rescale(i, v)` maps the column's
 * value and error of scale i (the mixed partial divides by 4·s_i·s_j); identity when absent.
 *
 * @example
 * ```ts
 * import { ColumnState } from "./column-state.js";
 * import { ColumnDriver } from "./driver.js";
 * import { runColumn } from "./run-column.js";
 * const state = new ColumnState(1);
 * const kept = new KeptEstimates(1);
 * const driver = new ColumnDriver(state);
 * const buf = new Float64Array(1);
 * const source = { at: (t: number) => ((buf[0] = Math.log(t)), buf), centre: () => [Math.log(5)] };
 * const scales = [5, 1]; // |x| first, then 1 as a probe
 * state.activateAll();
 * bestOfScales(state, kept, 2, (i) =>
 *   runColumn(driver, source, { x: 5, order: 1, scale: scales[i], start: "central", canSwitch: true, probeOnly: i > 0 }),
 * );
 * kept.value[0]; // ≈ 0.2 (log′(5))
 * ```
 */
export function bestOfScales(
  state: ColumnState,
  kept: KeptEstimates,
  tries: number,
  run: (i: number) => void,
  rescale?: (i: number, v: number) => number,
  tolerance?: { rtol: number; atol: number },
): void {
  beginScales(state, kept);
  for (let i = 0; i < tries && nextScale(state, kept); i++) {
    run(i);
    keepScale(state, kept, i, rescale, tolerance);
  }
}

/**
 * The first step of {@link bestOfScales}: every active component is pending.
 *
 * @example
 * ```ts
 * beginScales(state, kept); // then: while (nextScale(state, kept)) { run a column; keepScale(...) }
 * ```
 */
export function beginScales(state: ColumnState, kept: KeptEstimates): void {
  kept.pendingCount = 0;
  for (let a = 0; a < state.activeCount; a++) kept.pending[kept.pendingCount++] = state.active[a];
}

/**
 * Activates the pending components for the next scale; false when none is left.
 *
 * @example
 * ```ts
 * nextScale(state, kept); // true while some component is pending
 * ```
 */
export function nextScale(state: ColumnState, kept: KeptEstimates): boolean {
  if (kept.pendingCount === 0) return false;
  // A loop, not set(subarray()): the subarray is an object per call, costlier than copying 1 to m entries.
  const n = kept.pendingCount;
  for (let a = 0; a < n; a++) state.active[a] = kept.pending[a];
  state.activeCount = n;
  return true;
}

/**
 * Whether component k's kept central estimate, from steps longer than ALIAS_STEP, is left unconfirmed
 * by the unit scale's central estimate (v ± e) in a column that carries noise (a measured or given
 * level, or its noise flag): v is finite but less precise, or has no error at all (its column never
 * settled), so that their agreement says nothing of aliasing. Noise rules the short steps, and the long
 * ones may alias: f32(cos(f32 t))″ at 17880.7 gave −2.0e-7 ± 4.7e-8 from steps of 559, where f″ =
 * −0.329. Then the kept error becomes |v − kept value| + e (keepScale's `confirmLong`), with |v| for e
 * where the unit scale has none (no significant digit claimed): cos t − 3.4e-5·H(t − c) with c 1.4e-6
 * beside x = −57483.2 (a Hessian's diagonal) gave 7.94e-9 ± 2.8e-11 from steps of 898, where f″ =
 * 0.063, while the unit scale, whose steps straddle the jump, ended at 0.054 with no error; now ±
 * 0.109. A smooth f at a large x (log″ at 1e5, (t³)‴ at 3e4) carries no noise and keeps its long steps'
 * error.
 *
 * @example
 * ```ts
 * import { ColumnState } from "./column-state.js";
 * const kept = new KeptEstimates(1);
 * [kept.value[0], kept.error[0], kept.step[0], kept.kind[0]] = [0, 1e-4, 559, 0];
 * const state = new ColumnState(1);
 * state.noise[0] = 1e-7;
 * unconfirmed(kept, state, 0, -0.33, 3); // => true
 * ```
 */
export function unconfirmed(
  kept: KeptEstimates,
  state: ColumnState,
  k: number,
  v: number,
  e: number,
): boolean {
  const central = state.kind[k] === 0 && kept.kind[k] === 0;
  const noisy = state.noise[k] > 0 || ((state.flags[k] | kept.flags[k]) & COLUMN_FLAG.noisy) !== 0;
  return central && noisy && kept.step[k] > ALIAS_STEP && Number.isFinite(v) && !(e <= kept.error[k]);
}

/**
 * Keeps, per pending component, the better of the kept estimate and the column just run at scale i
 * (see {@link bestOfScales}), and leaves pending those not good enough yet. With `confirmLong`, a kept
 * estimate the unit scale could not confirm takes its error ({@link unconfirmed}; derivative()'s
 * higher orders).
 *
 * @example
 * ```ts
 * keepScale(state, kept, 0); // after the first column
 * ```
 */
export function keepScale(
  state: ColumnState,
  kept: KeptEstimates,
  i: number,
  rescale?: (i: number, v: number) => number,
  tolerance?: { rtol: number; atol: number },
  constantDone = false,
  confirmLong = false,
): void {
  const rtol = tolerance === undefined || tolerance.rtol === 0 ? GOOD_RELATIVE_ERROR : tolerance.rtol;
  const atol = tolerance?.atol ?? 0;
  let still = 0;
  for (let a = 0; a < kept.pendingCount; a++) {
    const k = kept.pending[a];
    const v = rescale === undefined ? state.value[k] : rescale(i, state.value[k]);
    const e = rescale === undefined ? state.error[k] : rescale(i, state.error[k]);
    const kv = kept.value[k];
    const ke = kept.error[k];
    // Two scales that disagree beyond both errors: the smaller steps (the later scale) sample f more
    // locally; the larger ones may have aliased a periodic f (sin at 100 with h ≈ 2π).
    const disagree = i > 0 && Math.abs(v - kv) > e + ke && state.step[k] < kept.step[k];
    if (Number.isFinite(v) && (!Number.isFinite(kv) || e < ke || Number.isNaN(ke) || disagree)) {
      kept.value[k] = v;
      kept.error[k] = e;
      kept.step[k] = state.step[k];
      kept.kind[k] = state.kind[k];
      kept.flags[k] = (kept.flags[k] & COLUMN_FLAG.noisy) | state.flags[k];
    } else {
      if (confirmLong && i > 0 && unconfirmed(kept, state, k, v, e)) {
        // Central steps longer than ALIAS_STEP that the unit scale could not confirm, its estimate
        // being less precise: the truth is known to within the unit scale's error of its value (its
        // value's own size where it has no error: no significant digit).
        kept.error[k] = Math.abs(v - kv) + (Number.isNaN(e) ? Math.abs(v) : e);
      }
      if (i === 0) kept.flags[k] = state.flags[k];
      else kept.flags[k] |= state.flags[k] & COLUMN_FLAG.noisy;
    }
    // Noise noticed at any scale counts: it stopped that scale early.
    if ((state.flags[k] & COLUMN_FLAG.noisy) !== 0 && !(kept.noisyStep[k] >= state.noisyStep[k])) {
      kept.noisyStep[k] = state.noisyStep[k];
      kept.noisyChange[k] = state.noisyChange[k];
    }
    if (state.seenShare[k] > kept.evenShare[k]) {
      kept.evenShare[k] = state.seenShare[k];
      kept.evenLevel[k] = state.seenNoise[k];
    }
    if (state.quietShare[k] > kept.quietShare[k]) kept.quietShare[k] = state.quietShare[k];
    if (state.quietSigma[k] > kept.quietSigma[k]) kept.quietSigma[k] = state.quietSigma[k];
    if (state.bandShare[k] > kept.bandShare[k]) kept.bandShare[k] = state.bandShare[k];
    if (state.bandSigma[k] > kept.bandSigma[k]) kept.bandSigma[k] = state.bandSigma[k];
    // Good enough, unless its steps were longer than ALIAS_STEP: then the unit scale checks them.
    const good = kept.error[k] <= atol + rtol * Math.abs(kept.value[k]) && !(kept.step[k] > ALIAS_STEP);
    // With `constantDone`: a component that took one value at every point (driver.ts, FLAT_ROWS) is
    // taken as constant along the column, not run again at a next scale of smaller steps (its rounding
    // error there would be larger, and not kept). Most entries of a large sparse Jacobian.
    const constant = constantDone && state.flat[k] === 1 && state.value[k] === 0 && kept.value[k] === 0;
    if (!good && !constant) kept.pending[still++] = k;
  }
  kept.pendingCount = still;
}
