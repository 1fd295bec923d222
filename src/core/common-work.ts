/**
 * The working state of one call of derivative(f, xs) on the common path (common-path.ts): the point's
 * cache of f values, the column's tableau rows and result, the kept estimate across scales, and the
 * engine for points that depart. One per call, never shared: an f that itself calls derivative(g, ys)
 * runs with its own (module-level buffers would be overwritten in the middle of a column).
 */

import { MAX_COLUMNS, MAX_ROWS } from "./constants.js";
import { PointCache } from "./point-cache.js";
import { MISFIT_ORDER } from "./row-misfit.js";
import { Sampler } from "./sampler.js";
import { ScalarEngine } from "./scalar-engine.js";
import type { Fn1 } from "./types.js";

/**
 * How many misfitting tableau entries (row-misfit.ts) a common column keeps for their levels: all a
 * column can have, one per entry from column MISFIT_ORDER to MAX_COLUMNS − 1 of each of MAX_ROWS rows,
 * so that the common column and the driver read the same ones.
 *
 * @example
 * ```ts
 * MISFIT_HITS; // => 48
 * ```
 */
export const MISFIT_HITS = (MAX_COLUMNS - MISFIT_ORDER) * MAX_ROWS;

/**
 * See the file comment.
 *
 * @example
 * ```ts
 * const w = new CommonWork();
 * w.column.length; // => 12 (value, error, step, flags; even parts, a size and steps; a misfit level)
 * ```
 */
export class CommonWork {
  readonly cache = new PointCache();
  /** The tableau's previous row (MAX_COLUMNS entries) and their rounding; t = (h/h₀)² of each row. */
  readonly prev = new Float64Array(MAX_COLUMNS);
  readonly prevRound = new Float64Array(MAX_COLUMNS);
  readonly t = new Float64Array(MAX_ROWS);
  /**
   * The last finished column: value, error, step and its COLUMN_FLAG bits (kink, pole); then the even
   * parts of its last two rows, newest first, and the newest row's Σ|w|·|f| (even-pole.ts); then the
   * even part of the row before them and the steps of the three (long-steps.ts); then the noise level
   * its rows' misfit implies (row-misfit.ts; 0: none).
   */
  readonly column = new Float64Array(12);
  /** The column's rows' rounding errors by row (row-misfit.ts, misfitLevelAt). */
  readonly rowRounding = new Float64Array(MAX_ROWS);
  /** The tableau entries a column found misfitting (common-column.ts): row, column, T[i][k] − T[i][k − 1]. */
  readonly hitRow = new Int32Array(MISFIT_HITS);
  readonly hitColumn = new Int32Array(MISFIT_HITS);
  readonly hitDelta = new Float64Array(MISFIT_HITS);
  /** The grid of the column's values (value-grid.ts, followGrid): seen, run, 2^seen, 2^−seen. */
  readonly gridState = new Float64Array(4);
  /** The even rows (long-steps.ts, EVEN_ROWS each) of the first scale's column, then the probe's. */
  readonly evenRows = new Float64Array(14);
  /** The kept estimate across the scales of x (KeptEstimates for one component): the same layout. */
  readonly kept = new Float64Array(4);
  /** The rounding model of the last noise check's difference (common-path.ts, checkGap). */
  checkRounding = NaN;
  /** The last check's central difference (common-path.ts, checkGap). */
  checkD = NaN;
  /** The last noise check's even part Σ|w|·f and its Σ|w|·|f| (even-pole.ts). */
  checkEven = NaN;
  checkAbs = NaN;
  /** Whether x is no float32 number and a noise check's value is one (float32-input.ts, float32Input). */
  checkFloat32 = false;
  /** The one point of derivative(f, x) on the common path (derivativeOne). */
  readonly one = new Float64Array(1);
  /** The scalar pipeline's state and sampler, for the points that depart. */
  readonly engine = new ScalarEngine();
  readonly sampler = new Sampler(null);
  private target: Fn1 = () => NaN;
  /**
   * The f of {@link CommonWork.replaying}: one closure per work, so that the sampler's call site sees
   * one function (a new closure per departed point made it megamorphic: a fifth slower).
   */
  private readonly replayed: Fn1 = (t) => this.cache.replay(this.target, t);

  /** f with the values in the cache answered from it (PointCache.replay), for a departed point. */
  replaying(f: Fn1): Fn1 {
    this.target = f;
    return this.replayed;
  }
}
