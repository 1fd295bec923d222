/**
 * Honest Jacobian entries for a float32 or noisy F. A Jacobian column runs past noise (its spec's
 * stopOnNoise is false) and has no noise check, so a component of F that carries noise, or is computed
 * in float32, may end confidently wrong: f32(tanh(f32(t))) at −0.717 gave 0 ± 1e-6, status ok, where
 * the truth is 0.625. The column's own rows tell such an entry from a smooth one without calling F
 * (see {@link needsRecheck}); each entry they flag is computed again by derivative()'s pipeline
 * (scalar-engine.ts: the noise check, Moré–Wild noise tables, the rerun with the noise level in the
 * error model, the one-sided test) on its own component along x_j, with F's values shared by the
 * column's flagged entries (column-points.ts). Its value, error and status (often "noise-limited")
 * replace the column's. A column with no flagged entry calls F no more than before.
 */

import { stencilArrays } from "./base-stencil.js";
import { COLUMN_FLAG } from "./column-state.js";
import { float32Rounding } from "./float32.js";
import { SCREEN_COMPONENTS } from "./jacobian-column.js";
import { ColumnPoints } from "./column-points.js";
import { derivativePipeline } from "./derivative-pipeline.js";
import type { JacobianJob } from "./jacobian-job.js";
import type { PointSource } from "./run-column.js";
import { Sampler, type PointRequest } from "./sampler.js";
import { ScalarEngine } from "./scalar-column.js";
import { statusCode } from "./status.js";
import { coordinateOptions } from "./vector.js";
import { ALIAS_STEP, NOISE_COVERAGE } from "./constants.js";
import { float32Hidden, float32Size } from "./jacobian-float32.js";
import { termGrid } from "./difference-grid.js";
import { flatBelowSlope } from "./flat-below-slope.js";
import { evenRowsOnGrid } from "./even-grid.js";
import { float32Beside } from "./float32-beside.js";
import { firstOrderKept } from "./recheck-hold.js";
import { ROW_NOISE_AGREEMENT } from "./row-noise.js";
import { divideByPower } from "./step.js";
import { rowNoiseSeen } from "./small-row-noise.js";
import type { DerivativeResult } from "./types.js";

/**
 * Whether entry (k, j), as its column left it (`kept`: value, error and step per component; `flags`:
 * k's COLUMN_FLAG bits; `noisyStep`: the step where its column first saw noise), is computed again by
 * derivative()'s pipeline:
 * - its column saw noise (COLUMN_FLAG.noisy: a far row right after settled ones, or changes that kept
 *   growing as h shrank, which a smooth F does not do), unless its estimate is exactly 0 from rows
 *   that settled again at smaller steps: that is F flat beside a kink near x (max(0, t − x − 1e-3):
 *   the rows inside its flat part give 0; derivative()'s noise tables take that kink for noise), where
 *   noise scatters the small steps' differences ever more widely (a float32 F's values, which settle
 *   on 0 below its grid, are caught below);
 * - it has no error estimate although F_k is finite at x (the column never converged: its last
 *   difference is a guess);
 * - `float32`: F_k(x) looks like a float32 result (float32.ts) and F_k moved along the column (a
 *   component equal to F_k(x) at every point is constant there, as the screen of a large F settles
 *   it), and the entry is exactly 0 or its error is below what float32 rounding allows at its step
 *   (float32Rounding): the column's rounding model is double's, and two rows quantised alike pass for
 *   convergence (f32(eˣ)′ at 1.01 gave 2.7523193359375 ± 9e-13, 8e-6 off).
 * On a smooth double F none of these holds but where the column failed anyway.
 *
 * @example
 * ```ts
 * import { COLUMN_FLAG } from "./column-state.js";
 * const kept = { value: Float64Array.of(0), error: Float64Array.of(1e-6), step: Float64Array.of(1e-3), flags: Int8Array.of(COLUMN_FLAG.noisy) };
 * needsRecheck(kept, 0, kept.flags[0], 1e-3, 0.6, 1, false); // => true (noise at the estimate's step)
 * needsRecheck(kept, 0, kept.flags[0], 1e-2, 0.6, 1, false); // => false (settled again below the noise)
 * needsRecheck(kept, 0, 0, NaN, 0.6, 1, true); // => true (a float32 F_k and a value of exactly 0)
 * ```
 */
export function needsRecheck(
  kept: { value: Float64Array; error: Float64Array; step: Float64Array },
  k: number,
  flags: number,
  noisyStep: number,
  centre: number,
  order: number,
  float32: boolean,
): boolean {
  const value = kept.value[k];
  const error = kept.error[k];
  if ((flags & COLUMN_FLAG.noisy) !== 0 && !(value === 0 && kept.step[k] < noisyStep)) return true;
  if (!Number.isFinite(value) || !Number.isFinite(centre)) return false;
  if (Number.isNaN(error)) return true;
  if (!float32) return false;
  // The central stencil's Σ|w| (1 for the first derivative; one-sided ones are larger, so this is a floor).
  const weightSum = stencilArrays("central", order).weightSum;
  return value === 0 || error < float32Rounding(centre, weightSum, kept.step[k], order);
}

/**
 * The kept estimates of a Jacobian column (best-of-scales.ts, KeptEstimates) that the recheck reads.
 *
 * @example
 * ```ts
 * import { KeptEstimates } from "./best-of-scales.js";
 * const kept: ColumnKept = new KeptEstimates(2);
 * ```
 */
export interface ColumnKept {
  value: Float64Array;
  error: Float64Array;
  step: Float64Array;
  flags: Int8Array;
  noisyStep: Float64Array;
  /** The noise level its column measured in its rows' even parts (jacobian-noise.ts). */
  noise: Float64Array;
}

/**
 * {@link needsRecheck} for entry (k, j) of a job's column as the column's state left it: `kept`, and
 * `flat` (1 where F_k took F_k(x) at every point of the last column it ran in). With `screened` (the
 * column's screen ran, flat-screen.ts) every component the driver ran moved in the screen's rows: a
 * float32 F_k that is flat at the last scale only (f32(atan(f32(t))) at t = 3719, whose steps of 1/32
 * at scale 1 fall within one float32 step of t: 0 ± 1.3e-10 for 7.2e-8) is below its resolution there,
 * not constant. `xj`: x_j, for a large F's float32 rows (jacobian-float32.ts, float32Hidden).
 *
 * @example
 * ```ts
 * columnNeedsRecheck(job, work.kept, work.state.flat, k, false, undefined, job.x0[j]); // work: the column's state (jacobian-column.ts)
 * ```
 */
export function columnNeedsRecheck(
  job: JacobianJob,
  kept: ColumnKept,
  flat: Int8Array,
  k: number,
  screened = false,
  kinks?: Uint8Array,
  xj = NaN,
  first: Float64Array | null = null,
  evenRows: Float64Array | null = null,
): boolean {
  // A large F's row that missed its columns' slopes (row-check.ts): each of its entries again.
  if (job.recheckRows !== null && job.recheckRows[k] === 1) return Number.isFinite(kept.value[k]);
  // Rows that show a kink the entry's error does not cover (jacobian-kinks.ts).
  if (kinks !== undefined && kinks[k] === 1) return true;
  // A small F's rows on a grid far coarser than their rounding (even-grid.ts; a large F's columns read it).
  if (
    evenRows !== null &&
    job.centre.length < SCREEN_COMPONENTS &&
    job.o.order === 1 &&
    flat[k] === 0 &&
    Number.isFinite(kept.value[k]) &&
    evenRowsOnGrid(evenRows, k, job.centre[k], kept.error[k], kept.step[k])
  )
    return true;
  const float32 = job.float32 !== null && job.float32[k] === 1 && (screened || flat[k] === 0);
  if (job.centre.length >= SCREEN_COMPONENTS) {
    // A float32 row: its values' and its float32 inputs' rounding through the tableau (jacobian-float32.ts).
    // (A float32 term cancelled by a larger part steps F_k by its own grid: difference-grid.ts.)
    const terms = float32 && first !== null ? termGrid(first[2 * k], first[2 * k + 1], job.centre[k]) : 0;
    if (float32 && float32Hidden(kept, k, xj, job.centre[k], job.o.order, terms)) return true;
    // Long steps whose even parts saw "noise" that the row's tables did not: a feature.
    if (longStepsNoiseUnseen(job, kept, k)) return true;
    // A column that converged like h (f″ jumps at x): derivative()'s one-sided join (recheck-hold.ts).
    if (firstOrderKept(kept, k, job.o.order)) return true;
  }
  if (!float32 && job.float32 !== null && zeroRowOfFloat32(job.centre[k], kept.value[k], flat[k])) {
    // F_k(x) = 0 has no bits to tell float32 by; its values beside x, about value·h, have.
    const beside = Math.abs(kept.value[k]) * kept.step[k] ** job.o.order;
    return needsRecheck(kept, k, kept.flags[k], kept.noisyStep[k], beside, job.o.order, true);
  }
  // A flat 0 at the column's last steps where its first row moved F_k oddly (flat-below-slope.ts).
  if (first !== null && flatBelowSlope(kept.value[k], flat[k], first[2 * k], first[2 * k + 1], job.centre[k]))
    return true;
  // F_k(x) has no float32 bits (0, or short) but its first row's values have (float32-beside.ts).
  const beside = !float32 && first !== null && besideFloat32(job, k, first[2 * k], first[2 * k + 1]);
  const f32 = float32 || beside;
  const size = f32 ? float32Size(job.centre[k], kept.value[k], kept.step[k], job.o.order) : job.centre[k];
  return needsRecheck(kept, k, kept.flags[k], kept.noisyStep[k], size, job.o.order, f32);
}

/**
 * Whether entry (k, j) of a large F (SCREEN_COMPONENTS components or more) is a kept estimate from
 * long steps, beyond ALIAS_STEP (the scale of a large |x_j|), whose column measured a noise level in
 * its rows' even parts (even-noise.ts, kept.noise) more than ROW_NOISE_AGREEMENT times the level its
 * row's noise tables measured along every coordinate (row-noise.ts; 0 where they found none): what the
 * even parts took for noise is then f's shape where the steps are long, such as a pole near x that
 * they straddle, not noise. t³ − 2t − 0.026/(t − c) at 11954.56, c 0.0136 away, gave 428734829.6 ±
 * 0.46, noise-limited, from steps of 23, where the truth is 428734972.07: the unit scale's probe had
 * taken the pole's even part for noise (σ = 2.7 in values of 1.7e12) and stopped short, and its share
 * at the long step was the error. derivative()'s pipeline along x_j (its noise tables, the probe's
 * descent, the pole check) computes such an entry again: 428734971.8 ± 4.7. Only where the tables ran
 * (`job.rowTable.d`) and the estimate is finite.
 *
 * @example
 * ```ts
 * longStepsNoiseUnseen(job, work.kept, k); // => false for a smooth F (no noise seen)
 * ```
 */
export function longStepsNoiseUnseen(job: JacobianJob, kept: ColumnKept, k: number): boolean {
  if (job.rowTable.d === null || !(kept.step[k] > ALIAS_STEP) || !Number.isFinite(kept.value[k]))
    return false;
  const level = job.rowNoise === null ? 0 : job.rowNoise[k];
  return kept.noise[k] > 0 && kept.noise[k] > ROW_NOISE_AGREEMENT * level;
}

/**
 * Whether component k of a first-derivative Jacobian, its F_k(x) quiet (job.quiet: no float32 bits of
 * its own), is float32 by its column's first row, F_k(x_j − h) and F_k(x_j + h) (float32-beside.ts).
 * Both paths ask this at a column's end, of the quiet components only.
 *
 * @example
 * ```ts
 * besideFloat32(job, 0, Math.fround(-0.0078), Math.fround(0.0078)); // => true where F_0(x) = 0
 * ```
 */
export function besideFloat32(job: JacobianJob, k: number, below: number, above: number): boolean {
  if (job.quiet === null || job.quiet[k] !== 1 || job.o.order !== 1) return false;
  return float32Beside(job.centre[k], below, above);
}

/**
 * Whether a component of a float32 F (one whose other rows are float32 results, jacobian-job.ts
 * float32) that is exactly 0 at x (`centre`) is to be read as float32 too: it moved along the column
 * (`flat` 0) to a non-zero estimate. F_k(x) = 0 has no bits to tell float32 by, and a float32 odd
 * function at 0 (f32(tanh(f32(t))) + atan(t) at 0) is exactly linear at the tables' tiny steps, its
 * rounding showing only at the column's: 1.0000000198682149 ± 8.4e-16 for a truth of 1. An F computed in
 * float32 computes every row so; its values beside x, about value·h, carry the bits.
 *
 * @example
 * ```ts
 * zeroRowOfFloat32(0, 1.0000000198682149, 0); // => true
 * zeroRowOfFloat32(0.5, 1, 0); // => false (F_k(x) has bits of its own)
 * ```
 */
export function zeroRowOfFloat32(centre: number, value: number, flat: number): boolean {
  return centre === 0 && value !== 0 && flat === 0;
}

/**
 * What a column's recheck needs, kept with the column's state for later columns: derivative()'s engine
 * and sampler, F's values along the column, and each component's outcome.
 *
 * @example
 * ```ts
 * const r = new EntryRecheck(3);
 * r.code[0]; // => -1 (not rechecked)
 * ```
 */
export class EntryRecheck {
  readonly engine = new ScalarEngine();
  readonly sampler = new Sampler(null);
  readonly points: ColumnPoints;
  /** Per component: the status code of its recheck, -1 when it was not rechecked (then value, error unused). */
  readonly code: Int16Array;
  readonly value: Float64Array;
  readonly error: Float64Array;
  /** The points of one request that F must be called at. */
  private misses = new Float64Array(16);

  constructor(readonly m: number) {
    this.points = new ColumnPoints(m);
    this.code = new Int16Array(m).fill(-1);
    this.value = new Float64Array(m);
    this.error = new Float64Array(m);
  }

  /**
   * The points of `req` not known yet (neither x_j itself nor kept), each once, in `misses`; returns
   * how many.
   */
  missing(req: PointRequest, xj: number): number {
    if (this.misses.length < req.count) this.misses = new Float64Array(req.count);
    let count = 0;
    for (let q = 0; q < req.count; q++) {
      const t = req.points[q];
      if (Object.is(t, xj) || this.points.find(t) >= 0) continue;
      let seen = false;
      for (let i = 0; i < count && !seen; i++) seen = Object.is(this.misses[i], t);
      if (!seen) this.misses[count++] = t;
    }
    return count;
  }

  /** Miss i of the last {@link missing}. */
  miss(i: number): number {
    return this.misses[i];
  }
}

/**
 * The recheck of column j (see the file comment) as a pipeline of F's points: for each listed
 * component that {@link needsRecheck}, derivative()'s pipeline along x_j on that component, its
 * points served from the column's cache or asked of F (one point per request with `pointwise`, F's
 * result in the request's `vector`; else every missing point of a request at once). Outcomes go to
 * `recheck`'s arrays; the kink flag of a rechecked entry is cleared (derivative() has run the
 * one-sided test itself). Starts at the `from`-th listed component (a column resumed, below). Returns
 * -1 when done, or where to resume: it stops after an entry whose pipeline measured noise while the job
 * watches for a small F's row noise (small-row-noise.ts, rowNoiseSeen), and the column is put aside.
 *
 * @example
 * ```ts
 * yield* recheckColumn(job, j, work); // => -1 (work: the column's state, jacobian-column.ts)
 * ```
 */
export function* recheckColumn(
  job: JacobianJob,
  j: number,
  work: {
    recheck: EntryRecheck;
    list: Int32Array;
    listed: number;
    kept: ColumnKept;
    state: { flat: Int8Array };
    request: PointRequest & { vector?: ArrayLike<number> };
    pointwise: boolean;
    screened?: boolean;
    kinkRows?: { marked: Uint8Array; rows: Float64Array };
    /** The column's first clean row (driver.ts, firstValues). */
    driver?: { firstValues: Float64Array | null };
    calls: number;
    budget: number;
  },
  from = 0,
): Generator<PointRequest, number, void> {
  const { recheck, kept } = work;
  const xj = job.x0[j];
  // Resumed (from > 0): the entries before `from` are done, F's values along x_j kept.
  let started = from > 0;
  let stop = -1;
  for (let a = from; a < work.listed && stop < 0; a++) {
    const k = work.list[a];
    recheck.code[k] = -1;
    const first = work.driver?.firstValues ?? null;
    const rows = work.kinkRows?.rows ?? null;
    if (
      !columnNeedsRecheck(
        job,
        kept,
        work.state.flat,
        k,
        work.screened,
        work.kinkRows?.marked,
        xj,
        first,
        rows,
      )
    )
      continue;
    if (!started) {
      recheck.points.clear();
      started = true;
    }
    const opts = coordinateOptions(job.o, j);
    const pipeline = derivativePipeline(
      recheck.engine,
      recheck.sampler.reset(null, opts.lo, opts.hi),
      xj,
      opts,
    );
    for (let step = pipeline.next(); ; step = pipeline.next()) {
      if (step.done === true) {
        const r = step.value;
        recheck.value[k] = r.value;
        recheck.error[k] = r.error;
        recheck.code[k] = statusCode(r.status);
        // A small F's row noise on demand (small-row-noise.ts): noise along x_j ends the column.
        if (rowNoiseSeen(job, r.noise)) stop = a + 1;
        if (job.rowNoise !== null) holdRowNoise(recheck, k, r, job.rowNoise[k], job.o.order);
        kept.flags[k] &= ~COLUMN_FLAG.kink;
        break;
      }
      if (!(yield* serve(job, j, work, step.value, k))) {
        // The column's budget has no room for the recheck: the column's estimate, "max-evaluations".
        kept.flags[k] |= COLUMN_FLAG.budget;
        break;
      }
    }
  }
  if (started) recheck.sampler.reset(null);
  return stop;
}

/**
 * A recheck's result (derivative()'s pipeline along x_j) held to F_k's row noise (row-noise.ts): where
 * its own noise tables saw less than the row's level σ (along x_j they may miss it), its error is at
 * least the share of σ at its step, NOISE_COVERAGE·σ·Σ|w|/hⁿ, and an ok entry that share rules is
 * noise-limited. Results without a derivative (a jump, a kink, no finite value) are left as they are.
 */
function holdRowNoise(
  recheck: EntryRecheck,
  k: number,
  r: DerivativeResult,
  level: number,
  order: number,
): void {
  const code = recheck.code[k];
  if (!(level > 0) || (r.noise ?? 0) >= level || (code !== OK && code !== NOISE_LIMITED)) return;
  const share = divideByPower(
    NOISE_COVERAGE * level * stencilArrays(r.method, order).weightSum,
    r.step,
    order,
  );
  if (!(share > recheck.error[k])) return;
  recheck.error[k] = share;
  recheck.code[k] = NOISE_LIMITED;
}

const OK = statusCode("ok");
const NOISE_LIMITED = statusCode("noise-limited");

/** Answers a request of component k's pipeline (see {@link recheckColumn}): F at its missing points first. */
function* serve(
  job: JacobianJob,
  j: number,
  work: {
    recheck: EntryRecheck;
    request: PointRequest & { vector?: ArrayLike<number> };
    pointwise: boolean;
    calls: number;
    budget: number;
  },
  req: PointRequest,
  k: number,
): Generator<PointRequest, boolean, void> {
  const { recheck, request } = work;
  const { points } = recheck;
  const m = job.centre.length;
  const xj = job.x0[j];
  const misses = recheck.missing(req, xj);
  if (work.calls + misses > work.budget) return false;
  work.calls += misses;
  if (work.pointwise) {
    for (let i = 0; i < misses; i++) {
      request.reserve(1, m);
      request.points[0] = recheck.miss(i);
      request.count = 1;
      request.evaluated = 1;
      request.prefix = false;
      yield request;
      points.add(recheck.miss(i), request.vector ?? null, 0);
    }
  } else if (misses > 0) {
    request.reserve(misses, m);
    for (let i = 0; i < misses; i++) request.points[i] = recheck.miss(i);
    request.count = misses;
    request.evaluated = misses;
    request.prefix = false;
    yield request;
    for (let i = 0; i < misses; i++) points.add(recheck.miss(i), request.values, i * m);
  }
  for (let q = 0; q < req.count; q++) {
    const t = req.points[q];
    req.values[q] = Object.is(t, xj) ? job.centre[k] : points.value(points.find(t), k);
  }
  req.evaluated = req.count;
  return true;
}

/**
 * {@link recheckColumn} for the sync loop without a pipeline of its own: F through `source`, one point
 * at a time (the work is pointwise), from the `from`-th listed component. Returns what recheckColumn
 * returns.
 *
 * @example
 * ```ts
 * recheckColumnNow(job, j, work, source); // => -1
 * ```
 */
export function recheckColumnNow(
  job: JacobianJob,
  j: number,
  work: Parameters<typeof recheckColumn>[2],
  source: PointSource,
  from = 0,
): number {
  const pipeline = recheckColumn(job, j, work, from);
  let r = pipeline.next();
  for (; r.done !== true; r = pipeline.next()) {
    (r.value as PointRequest & { vector?: ArrayLike<number> | null }).vector =
      source.at(r.value.points[0]) ?? undefined;
  }
  return r.value;
}
