/**
 * The adaptive engine as a row protocol. A {@link ColumnDriver} runs the descending sequence of
 * stencils for the active components of one column (a function of one variable t with m components):
 * `nextPoints()` says which points t it needs next (one stencil row, or f at x alone), the caller
 * evaluates them in any way it likes (a loop, a batch, Promises, workers) and hands their values to
 * `accept()`. The sync, batched and async loops all drive this one object, so they return the same bits.
 *
 * Per row: the base difference D(h) = Σ w_q F(x + o_q·h) / hⁿ and its rounding error, the regime test
 * (regime.ts), the Richardson/Neville tableau (tableau.ts), and the stopping rules:
 * - an entry whose sharpened error (Aitken-style, from two rows whose errors fall geometrically) is at
 *   the rounding level ends the component;
 * - after MIN_ROWS rows in a settled regime: the best error is below CONVERGED_RELATIVE_ERROR·|value|
 *   or within ROUNDING_MARGIN of its rounding part;
 * - the row error has exceeded DIVERGENCE_FACTOR times the best twice (rounding took over).
 * The step is halved (STEP_RATIO), or cut by FAST_STEP_RATIO while every component is far from the
 * asymptotic regime. A central stencil that meets a non-finite value is retried with steps cut by
 * CENTRAL_SHRINK (CENTRAL_RETRIES times), then goes one-sided on the good side when allowed.
 */

import {
  JUMP_RESOLUTION,
  JUMP_ROWS,
  JUMP_STEP_RATIO,
  JUMP_TOLERANCE,
  KINK_RATIO_HIGH,
  KINK_RATIO_LOW,
  KINK_CLEAN_ROWS,
  MAX_KINK_ORDER,
  KINK_SIGNAL,
  NOISE_GROWTH_ROWS,
  NOISE_GROWTH_SIGNAL,
  NOISE_SETTLED_ROWS,
  NOISE_SIGNAL,
  CENTRAL_RETRIES,
  CENTRAL_SHRINK,
  CHANCE_CALM_RATIO,
  CONVERGED_RELATIVE_ERROR,
  DIVERGENCE_FACTOR,
  EPS,
  F_ROUNDING,
  INITIAL_STEP,
  FAST_STEP_RATIO,
  MAX_COLUMNS,
  MAX_ROWS,
  MIN_ROWS,
  ONE_SIDED_RETRIES,
  ROUNDING_MARGIN,
  SHARP_TRUST,
  STEP_RATIO,
} from "./constants.js";
import { COLUMN_FLAG, ColumnState, GRID_SLOT } from "./column-state.js";
import {
  cleanedKink,
  cleanedRatio,
  FIRST_ORDER_ROWS,
  cleanedFirstOrderTail,
  firstOrderRow,
  runTail,
  kinkBandScale,
  needsCleanRow,
} from "./kink-test.js";
import { PAIR_DEPTH, PairParts } from "./pair-parts.js";
import { evenNoise, flaggedNoise, noiseRules, truncationLaw } from "./even-noise.js";
import { belowSixthLaw, quietDrop, quietNoise } from "./quiet-noise.js";
import { faintDrop, faintNoise } from "./faint-noise.js";
import { MISFIT_ORDER, misfitLevelAt } from "./row-misfit.js";
import { classifyRow, REGIME } from "./regime.js";
import { stencilArrays, type StencilArrays } from "./base-stencil.js";
import { divideByPower, initialStep, representableStep } from "./step.js";
import type { StencilKind } from "./types.js";
import {
  GRID_POWER_ZERO,
  GRID_POWERS,
  GRID_RESOLVED,
  GRID_ROWS,
  GRID_SCRATCH,
  GRID_SPREAD,
  HIGH_WORD,
  lastBitOfWords,
  LOW_WORD,
  NO_GRID,
} from "./value-grid.js";
import { GRID_EXCESS } from "./noise.js";

const gridBits = GRID_SCRATCH.bits;
const SLOT_SEEN = GRID_SLOT.seen;
const SLOT_RUN = GRID_SLOT.run;
const SLOT_AT = GRID_SLOT.at;
const SLOT_DOUBLE = GRID_SLOT.double;
const gridWords = GRID_SCRATCH.words;

/**
 * What one column computes.
 *
 * @example
 * ```ts
 * const spec: ColumnSpec = { x: 1, order: 1, scale: 1, start: "central", canSwitch: true, probeOnly: false };
 * ```
 */
export interface ColumnSpec {
  /** The point. */
  x: number;
  /** Which derivative. */
  order: number;
  /** The scale s of x: the first step is s · INITIAL_STEP[order]. */
  scale: number;
  /** The stencil to start with. */
  start: StencilKind;
  /** Whether a central stencil may go one-sided at a domain edge. */
  canSwitch: boolean;
  /** A second scale, which only checks whether other steps do better: trouble ends it. */
  probeOnly: boolean;
  /** End a component whose changes grow like noise (see NOISE_SETTLED_ROWS); default true. */
  stopOnNoise?: boolean;
  /**
   * Run the kink test (KINK_RATIO_LOW), which sets COLUMN_FLAG.kink and COLUMN_FLAG.pole and nothing
   * else: a caller that reads neither (the Jacobian) saves a tenth of its time; default true.
   */
  kinks?: boolean;
  /**
   * Keep a component running until the kink test has KINK_CLEAN_ROWS rows while its even part moves
   * beyond rounding (derivative()'s columns; default false: the Jacobian's stop where they converge).
   */
  kinkRows?: boolean;
  /**
   * Measure each component's noise from the even parts of its central rows (even-noise.ts) into
   * ColumnState.seenNoise, for the caller to add its share to the error (the Jacobian's columns);
   * default false. Nothing else in the column changes.
   */
  evenNoise?: boolean;
  /** The first step, in place of scale · INITIAL_STEP[order] (tolerance mode). */
  firstStep?: number;
  /** Stop a component once its estimated error is at most atol + rtol·|value| (0 and 0: never). */
  rtol?: number;
  atol?: number;
  /** The most points this column may request (cached points count too); default ∞. */
  budget?: number;
  /**
   * A one-sided column the caller asked for (method "forward" or "backward"): its tableau entries'
   * errors also count their distance to the same column of the row before (Tableau.allPowers); default
   * false (central columns, and the one-sided comparison's sides, keep Ridders' estimate alone).
   */
  allPowers?: boolean;
}

/**
 * A column spec with every field set (x = 0, order 1, scale 1, central, no switching, no probe, every
 * option at its default), for an owner that rewrites one spec for each of its columns.
 *
 * @example
 * ```ts
 * columnSpec().budget; // => Infinity
 * ```
 */
export function columnSpec(): ColumnSpec {
  return {
    x: 0,
    order: 1,
    scale: 1,
    start: "central",
    canSwitch: false,
    probeOnly: false,
    stopOnNoise: true,
    evenNoise: false,
    rtol: 0,
    atol: 0,
    firstStep: undefined,
    budget: Infinity,
    allPowers: false,
  };
}

/**
 * Rows after which a component whose stencil values were all bit for bit the same is taken as
 * constant along the column (derivative 0, error the rounding level) instead of running MIN_ROWS rows:
 * two rows are four distinct points (central), which a non-constant smooth function does not hit
 * exactly.
 *
 * @default 2
 * @example
 * ```ts
 * FLAT_ROWS; // 2
 * ```
 */
export const FLAT_ROWS = 2;

/**
 * Room for the widest stencil of the engine (central, order MAX_ORDER, truncation order 2: 2·5 + 1
 * points), with margin.
 *
 * @default 32
 * @example
 * ```ts
 * MAX_POINTS; // => 32
 * ```
 */
export const MAX_POINTS = 32;

/** r^p for the truncation orders of the base stencils (1 or 2), without Math.pow; exact as before. */
function power(r: number, p: number): number {
  return p === 2 ? r * r : p === 1 ? r : r ** p;
}

/** d·hⁿ, by n multiplications (the jump test's invariant). */
function scaledBy(d: number, h: number, n: number): number {
  for (let i = 0; i < n; i++) d *= h;
  return d;
}

export { baseStencil } from "./base-stencil.js";

/** The code of a stencil kind in ColumnState.kind (a conditional, not a keyed lookup by string). */
function kindCode(kind: StencilKind): number {
  return kind === "central" ? 0 : kind === "forward" ? 1 : -1;
}

/**
 * One column of the adaptive engine, driven by the row protocol (see the file comment).
 *
 * @example
 * ```ts
 * import { ColumnState } from "./column-state.js";
 * const state = new ColumnState(1);
 * const d = new ColumnDriver(state);
 * state.activateAll();
 * d.start({ x: 1, order: 1, scale: 1, start: "central", canSwitch: true, probeOnly: false });
 * for (let n = d.nextPoints(); n > 0; n = d.nextPoints()) {
 *   for (let q = 0; q < n; q++) d.values[q] = Math.exp(d.points[q]);
 *   d.accept();
 * }
 * state.value[0]; // 2.718281828459056 (error ≈ 5.2e-13)
 * ```
 */
export class ColumnDriver {
  /** The points t of the current request. */
  readonly points = new Float64Array(MAX_POINTS);
  /** Their stencil offsets (0: the point x itself). */
  readonly offsets = new Float64Array(MAX_POINTS);
  /** Values to fill before `accept()`: component k at point q in values[q·m + k] (NaN: no value). */
  readonly values: Float64Array;
  /**
   * For sources whose values are themselves differences of f values (the mixed stencil): the size
   * of the f values behind each value, same layout, used by the rounding model when `useMagnitudes`.
   */
  readonly magnitudes: Float64Array;
  useMagnitudes = false;
  /**
   * A Jacobian column's first clean row, per component k: F_k(x − h) in [2k] and F_k(x + h) in [2k + 1]
   * (float32-beside.ts); null unless its caller asks for it. Taken by the first `accept()` of a clean
   * row after `firstPending` is set, which it clears.
   */
  firstValues: Float64Array | null = null;
  firstPending = false;
  /**
   * For sources whose values are rescaled differences of f values (the mixed stencil's g(c), times the
   * nominal over the actual step product): the differences before the rescaling, same layout, which
   * the values' grid is read from (readGrid); null where the values themselves are (every other source).
   * The rescaling multiplies by a number a few ulps from 1 and smears the last bits that show the grid.
   */
  gridValues: Float64Array | null = null;
  private spec: ColumnSpec = columnSpec();
  private kind: StencilKind = "central";
  private st: StencilArrays = stencilArrays("central", 1);
  private h0 = 0;
  private h = 0;
  private hr = 0;
  private rows = 0;
  private retries = 0;
  private finished = true;
  /** 1 while the current request is f at x alone (to decide a non-finite row). */
  private askingCentre = false;
  private centreKnown = false;
  private count = 0;
  private rtol = 0;
  private atol = 0;
  private budget = Infinity;
  private requested = 0;
  /** A component's differences look like a jump not yet confirmed: skip ahead by JUMP_STEP_RATIO. */
  private jumpPending = false;
  // The spec's fields read on every row, copied by start(): one object shape, whatever the caller's spec.
  private x = 0;
  private order = 1;
  private probeOnly = false;
  private kinks = true;
  private kinkRows = false;
  private allPowers = false;
  private evenNoise = false;
  /** The parts of the stencil pairs at orders 2 to 4 (pair-parts.ts), made when first needed. */
  private pairs: PairParts | null = null;
  /** At order 3, the odd parts of the same pairs (the pairs' parts above are their even parts). */
  private odd: PairParts | null = null;
  /** Whether this column keeps them (see pushPairs). */
  private pairsOn = false;

  /** How many rows the current (or last) column has taken since its start or its last switch of side. */
  get rowCount(): number {
    return this.rows;
  }

  /**
   * The cancelled parts of the last rows at the newest distances (pair-parts.ts): at orders 3 and 4,
   * and at order 2 in derivative()'s columns (ColumnSpec.kinkRows); null before the first.
   */
  get pairParts(): PairParts | null {
    return this.pairs;
  }

  /**
   * The odd parts (f(x + s) − f(x − s))/s of the last rows at the newest distances: the pairs' parts
   * themselves at orders 2 and 4, a history of their own at order 3 (whose pairs' parts are even);
   * odd-part-check.ts reads a jump of f″ in them (anchored-jump.ts).
   */
  get oddParts(): PairParts | null {
    return this.order === 3 ? this.odd : this.pairs;
  }

  constructor(readonly state: ColumnState) {
    this.values = new Float64Array(MAX_POINTS * state.m);
    this.magnitudes = new Float64Array(MAX_POINTS * state.m);
  }

  /** Starts a column for the active components of the state. */
  start(spec: ColumnSpec): void {
    this.spec = spec;
    this.kind = spec.start;
    this.st = stencilArrays(this.kind, spec.order);
    this.x = spec.x;
    this.order = spec.order;
    this.probeOnly = spec.probeOnly;
    this.kinks = spec.kinks !== false;
    this.kinkRows = spec.kinkRows === true;
    this.evenNoise = spec.evenNoise === true;
    this.h0 = spec.firstStep ?? initialStep(spec.scale, spec.order, spec.x, this.st.reach);
    if (this.kind === "central" && spec.canSwitch && !(this.h0 > 0)) {
      // x at the edge of the doubles (±MAX_VALUE): no central stencil fits, the inward side does.
      this.kind = spec.x > 0 ? "backward" : "forward";
      this.st = stencilArrays(this.kind, spec.order);
      this.h0 = spec.firstStep ?? spec.scale * INITIAL_STEP[spec.order];
    }
    this.allPowers = spec.allPowers === true && this.kind !== "central";
    this.state.tableau.allPowers = this.allPowers;
    this.rtol = spec.rtol ?? 0;
    this.atol = spec.atol ?? 0;
    this.budget = spec.budget ?? Infinity;
    this.requested = 0;
    this.h = this.h0;
    this.rows = 0;
    this.retries = 0;
    this.finished = false;
    this.askingCentre = false;
    this.centreKnown = false;
    // Only active components' centres are ever read: O(active), not O(m) (a Jacobian column).
    for (let a = 0; a < this.state.activeCount; a++) this.state.centre[this.state.active[a]] = NaN;
    // A probe's first σ of the even parts is compared with the last of the scale before (even-noise.ts).
    if (!spec.probeOnly) this.state.forgetEven();
    this.pairsOn =
      this.kinks && spec.order >= 2 && spec.order <= MAX_KINK_ORDER && (spec.order > 2 || this.kinkRows);
    if (this.pairs !== null)
      for (let a = 0; a < this.state.activeCount; a++) this.pairs.forget(this.state.active[a]);
    if (this.odd !== null)
      for (let a = 0; a < this.state.activeCount; a++) this.odd.forget(this.state.active[a]);
    this.state.reset();
  }

  /** The number of points needed next (their t in `points`), or 0 when the column is finished. */
  nextPoints(): number {
    const s = this.state;
    if (this.finished) return 0;
    if (this.askingCentre) {
      if (this.requested + 1 > this.budget) return this.spent();
      this.points[0] = this.x;
      this.offsets[0] = 0;
      this.requested++;
      return (this.count = 1);
    }
    if (!(this.rows < MAX_ROWS && s.activeCount > 0)) return this.end();
    const x = this.x;
    const hr = representableStep(x, this.h);
    if (!(hr > 0)) return this.end();
    this.hr = hr;
    const offs = this.st.offsets;
    if (this.requested + offs.length > this.budget) return this.spent();
    this.requested += offs.length;
    for (let q = 0; q < offs.length; q++) {
      this.offsets[q] = offs[q];
      this.points[q] = offs[q] === 0 ? x : x + offs[q] * hr;
    }
    return (this.count = offs.length);
  }

  /**
   * Ends the column where its budget has no room for the next points (the last `nextPoints()`, which a
   * caller that counts the calls itself found do not fit, included): every active component flagged.
   */
  endOnBudget(): void {
    this.spent();
  }

  /** {@link endOnBudget}, returning 0 points for `nextPoints()`. */
  private spent(): number {
    const s = this.state;
    for (let a = 0; a < s.activeCount; a++) s.flags[s.active[a]] |= COLUMN_FLAG.budget;
    return this.end();
  }

  /**
   * Takes the values of the points of the last `nextPoints()`. A sync caller may stop early, once every
   * active component has met a non-finite value, and pass how many points (a prefix) it evaluated.
   */
  accept(evaluated = this.count): void {
    this.count = evaluated;
    const s = this.state;
    if (this.askingCentre) {
      for (let a = 0; a < s.activeCount; a++) s.centre[s.active[a]] = this.values[s.active[a]];
      this.centreKnown = true;
      this.askingCentre = false;
      this.handleTrouble();
      return;
    }
    const firstBadSide = this.sumRow();
    if (firstBadSide !== 0) {
      this.troubleSide = firstBadSide;
      if (!this.centreKnown && !this.probeOnly) {
        this.askingCentre = true;
        return;
      }
      this.handleTrouble();
      return;
    }
    if (this.firstPending) this.keepFirst();
    if (this.pairsOn && this.kind === "central") this.pushPairs();
    this.extendRows();
  }

  /** Copies the clean row's values at offsets −1 and +1 into `firstValues` (see there). */
  private keepFirst(): void {
    this.firstPending = false;
    const first = this.firstValues;
    if (first === null) return;
    const s = this.state;
    const m = s.m;
    for (let q = 0; q < this.count; q++) {
      const o = this.offsets[q];
      if (o !== -1 && o !== 1) continue;
      const side = o < 0 ? 0 : 1;
      for (let a = 0; a < s.activeCount; a++) {
        const k = s.active[a];
        first[2 * k + side] = this.values[q * m + k];
      }
    }
  }

  private troubleSide = 0;

  /** Σ w_q F_k(x + o_q·h) for every active component; returns the side of the first non-finite value. */
  private sumRow(): number {
    const s = this.state;
    const m = s.m;
    const st = this.st;
    let firstBadSide = 0;
    for (let a = 0; a < s.activeCount; a++) {
      const k = s.active[a];
      s.sum[k] = 0;
      s.absSum[k] = 0;
      s.evenSum[k] = 0;
      s.evenAbs[k] = 0;
      s.bad[k] = 0;
    }
    // The kink test's part of the row: the even part Σ|w|·f for odd orders, the odd part Σ sign(o)·|w|·f
    // for even ones (see kinkPart).
    const odd = this.order % 2 === 0;
    for (let q = 0; q < this.count; q++) {
      const o = this.offsets[q];
      const wt = st.weights[q];
      const aw = Math.abs(wt);
      const pw = odd ? Math.sign(o) * aw : aw;
      if (o === 0) this.centreKnown = true;
      for (let a = 0; a < s.activeCount; a++) {
        const k = s.active[a];
        const fk = this.values[q * m + k];
        if (o === 0) s.centre[k] = fk;
        if (s.bad[k] !== 0) continue;
        if (!Number.isFinite(fk)) {
          s.bad[k] = o < 0 ? -1 : 1;
          if (firstBadSide === 0) firstBadSide = s.bad[k];
          continue;
        }
        if (Number.isNaN(s.ref[k])) s.ref[k] = fk;
        else if (fk !== s.ref[k]) s.flat[k] = 0;
        s.sum[k] += wt * fk;
        s.evenSum[k] += pw * fk;
        const size = this.useMagnitudes && o !== 0 ? this.magnitudes[q * m + k] : Math.abs(fk);
        s.absSum[k] += aw * size;
        s.evenAbs[k] += aw * size;
      }
    }
    // The grid is followed while it could count (readGrid): from the first row, and while
    // 2^seen·Σ|w| > GRID_EXCESS·EPS·Σ|wf|; a double f with no cancellation leaves it, and costs this test.
    const grid = s.grid;
    const weightSum = st.weightSum;
    if (s.gridOn) {
      for (let a = 0; a < s.activeCount; a++) {
        const k = s.active[a];
        const g = m + 4 * k;
        if (
          grid[g + SLOT_SEEN] === NO_GRID ||
          grid[g + SLOT_AT] * weightSum > GRID_EXCESS * EPS * s.absSum[k]
        )
          this.readGrid(k);
        else grid[k] = 0;
      }
    }
    return firstBadSide;
  }

  /**
   * The grid of component k's values (value-grid.ts) after a row that follows it (sumRow): its
   * rounding per value in `grid` (0 where none counts), added to the noise level in the rounding model of the row, the kink test and
   * the pairs. The grid counts once GRID_ROWS rows in a row lay on the grid of the rows before them,
   * once a value showed that f is a double computation, where f is not constant along the column and
   * no noise level is known.
   */
  private readGrid(k: number): void {
    const s = this.state;
    // value-grid.ts's lastBitExponent, gridRunAfter and gridNoise, written out (no double crosses a
    // call), over the differences of the row's values from its first; 2^seen kept in gridAt.
    if (s.bad[k] !== 0) return;
    const m = s.m;
    const grid = s.grid;
    const g = m + 4 * k;
    const v = this.gridValues ?? this.values;
    const first = v[k];
    if (grid[g + SLOT_DOUBLE] === 0 && Math.fround(first) !== first) grid[g + SLOT_DOUBLE] = 1;
    const weightSum = this.st.weightSum;
    const seen = grid[g + SLOT_SEEN];
    let row = NO_GRID;
    let largest = 0;
    for (let q = 1; q < this.count; q++) {
      const change = v[q * m + k] - first;
      gridBits[0] = change;
      const e = lastBitOfWords(gridWords[LOW_WORD], gridWords[HIGH_WORD]);
      if (e < row) row = e;
      if (Math.abs(change) > largest) largest = Math.abs(change);
    }
    if (row < seen) {
      if (grid[g + SLOT_RUN] < GRID_ROWS || seen === NO_GRID) grid[g + SLOT_RUN] = 0;
      grid[g + SLOT_SEEN] = row;
      grid[g + SLOT_AT] = GRID_POWERS[GRID_POWER_ZERO + row];
    } else if (row < NO_GRID) {
      if (row - seen > GRID_SPREAD) grid[g + SLOT_RUN] = 0;
      else if (largest >= GRID_RESOLVED * grid[g + SLOT_AT]) grid[g + SLOT_RUN]++;
    }
    // A noise level given or measured (settle-noise.ts's rerun) is the values' scatter itself, the
    // rounding of g's grid included: the grid's model (F_ROUNDING per value) would count it again.
    const at = grid[g + SLOT_AT];
    const counts =
      s.flat[k] === 0 &&
      grid[g + SLOT_DOUBLE] === 1 &&
      s.noise[k] === 0 &&
      grid[g + SLOT_RUN] >= GRID_ROWS &&
      at * weightSum > GRID_EXCESS * EPS * s.absSum[k];
    grid[k] = counts ? F_ROUNDING * at : 0;
  }

  /**
   * A row met non-finite values. Components not finite at x (or, for a probe, any in trouble) are
   * finished; the rest retry with smaller steps together, then go one-sided together.
   */
  private handleTrouble(): void {
    const s = this.state;
    const firstBadSide = this.troubleSide;
    const probeOnly = this.probeOnly;
    let kept = 0;
    let conflict = false;
    for (let a = 0; a < s.activeCount; a++) {
      const k = s.active[a];
      if (s.bad[k] !== 0 && (probeOnly || !Number.isFinite(s.centre[k]))) {
        this.finish(k);
        continue;
      }
      if (s.bad[k] !== 0 && s.bad[k] !== firstBadSide) conflict = true;
      s.active[kept++] = k;
    }
    s.activeCount = kept;
    if (probeOnly) return;
    if (this.kind === "central" && this.retries < CENTRAL_RETRIES) {
      this.retries++;
      this.h /= CENTRAL_SHRINK;
      return;
    }
    if (this.kind !== "central" || !this.spec.canSwitch) {
      if (++this.retries > ONE_SIDED_RETRIES) this.end();
      else this.h /= CENTRAL_SHRINK;
      return;
    }
    if (conflict) {
      // Trouble on both sides for different components: those on the other side end here.
      kept = 0;
      for (let a = 0; a < s.activeCount; a++) {
        const k = s.active[a];
        if (s.bad[k] !== 0 && s.bad[k] !== firstBadSide) this.finish(k);
        else s.active[kept++] = k;
      }
      s.activeCount = kept;
    }
    this.kind = firstBadSide < 0 ? "forward" : "backward";
    this.st = stencilArrays(this.kind, this.order);
    this.rows = 0;
    s.reset();
    this.h = this.h0; // the good side was never the problem: start afresh from the first step
  }

  /** A row with finite values: regime, tableau and stopping rules for every active component. */
  private extendRows(): void {
    const s = this.state;
    const tab = s.tableau;
    const order = this.order;
    const hr = this.hr;
    const i = this.rows++;
    const n = this.rows;
    const p = this.kind === "central" ? 2 : 1;
    s.steps[i] = hr;
    tab.t[i] = power(hr / s.steps[0], p);
    const weightSum = this.st.weightSum;
    const noiseWeight = Number.MIN_VALUE * weightSum;
    const kinkTest = this.kinks && this.kind === "central" && order <= MAX_KINK_ORDER;
    const s1 = n >= 3 ? s.steps[n - 2] / s.steps[n - 3] : NaN;
    const s2 = n >= 3 ? hr / s.steps[n - 3] : NaN;
    const t1 = power(s1, p);
    const t2 = power(s2, p);
    let allFar = true;
    let kept = 0;
    for (let a = 0; a < s.activeCount; a++) {
      const k = s.active[a];
      const d = order === 1 ? s.sum[k] / hr : divideByPower(s.sum[k], hr, order);
      const noise = F_ROUNDING * EPS * s.absSum[k] + (s.noise[k] + s.grid[k]) * weightSum + noiseWeight;
      const rounding = order === 1 ? noise / hr : divideByPower(noise, hr, order);
      if (n >= FLAT_ROWS && s.flat[k] === 1) {
        // F_k took exactly the same value at every point of FLAT_ROWS rows: it does not depend on t
        // here (most entries of a large sparse Jacobian). Its derivative is 0, to rounding.
        s.bestValue[k] = 0;
        s.bestError[k] = rounding;
        s.bestStep[k] = hr;
        this.finish(k);
        continue;
      }
      let state = classifyRow(n, d, s.base1[k], s.base2[k], rounding, s.round1[k], t1, t2);
      if (state === REGIME.far && this.allPowers && n >= 4) state = this.pastCalm(k, n, d, rounding);
      if (state === REGIME.far) s.settledFrom = i + 1; // (row-misfit.ts reads the rows after it)
      s.rowRounding[i] = rounding; // (and their rounding; m = 1 where the tableau watches)
      // The tail of the row before where it and the one before that changed like h (kink-test.ts,
      // runTail): a row whose rounding breaks the h law still carries the h term.
      const carried = runTail(s.firstOrderRun[k], s.settledRows[k], s.rowTail[k]);
      const run =
        p === 2 && n >= 3 && firstOrderRow(d, s.base1[k], s.base2[k], s1, s2) ? s.firstOrderRun[k] + 1 : 0;
      s.firstOrderRun[k] = run;
      // Where c·h and b·h² cancel in the changes, the h term with the h² term removed: one test on
      // four rows, as the plain test's two in a row are.
      s.rowTail[k] =
        run >= FIRST_ORDER_ROWS
          ? Math.abs(d - s.base1[k])
          : p === 2 && n >= 4
            ? cleanedFirstOrderTail(
                d,
                s.base1[k],
                s.base2[k],
                s.base3[k],
                hr,
                s.steps[n - 2],
                s.steps[n - 3],
                s.steps[n - 4],
                rounding,
              )
            : 0;
      if (s.rowTail[k] === 0) s.rowTail[k] = carried;
      // The jump test's invariant D·hⁿ: how many rows in a row it has stayed put.
      const g = scaledBy(d, hr, order);
      const gPrevious = s.jumpScaled[k];
      const gChange = Math.abs(g - gPrevious);
      s.jumpRun[k] = g !== 0 && gChange <= JUMP_TOLERANCE * Math.abs(g) ? s.jumpRun[k] + 1 : 0;
      // D·hⁿ settling on a nonzero limit (its changes at least halve, as h·f′ does beside a jump, while
      // it keeps its size; where f is smooth D·hⁿ shrinks with h):
      // growing differences are then a jump still to be confirmed, not noise.
      s.jumpSettling[k] =
        g !== 0 &&
        gChange <= s.jumpChange[k] / 2 &&
        gChange < Math.abs(g) &&
        Math.abs(g) >= Math.abs(gPrevious) / 2
          ? 1
          : 0;
      s.jumpChange[k] = gChange;
      s.jumpScaled[k] = g;
      if (state === REGIME.far && this.troubleEnds(k, n, d, rounding)) {
        this.finish(k);
        continue;
      }
      if (state === REGIME.far) s.forgetBest(k);
      const settled = state === REGIME.rounding || state === REGIME.asymptotic;
      s.settledRows[k] = settled ? s.settledRows[k] + 1 : 0;
      if (kinkTest) {
        this.kinkTest(k, n);
        // The even part (odd orders; even orders keep the odd part there): first derivatives only.
        if (this.evenNoise && order === 1 && n >= 3) this.measureNoise(k, n, settled);
      }
      const cols = tab.extend(k, i, d, rounding);
      if (tab.misfitMask !== 0) this.misfitRow(i);
      if (settled) {
        for (let c = 1; c <= cols; c++) {
          const e = tab.curError[c];
          if (e < s.bestError[k]) {
            s.bestValue[k] = tab.cur[c];
            s.bestError[k] = e;
            s.bestStep[k] = hr;
            s.bestRow[k] = i;
            s.bestRound[k] = tab.curRound[c];
            s.bestTail[k] = s.rowTail[k];
          }
        }
      }
      let done = this.rowDone(k, n, settled);
      // (At order 3 only where the estimate has no significant digit: there the stencil cancelled f's
      // even part, and with it a kink at x, 1/(1 + t²) + 0.0014·|t| at 0, and the even part is all
      // that shows it; a smooth f‴ with a digit takes the calls it took.)
      const cleanRows =
        kinkTest &&
        this.kinkRows &&
        (order <= 2 || (order === 3 && Math.abs(s.bestValue[k]) <= s.bestError[k]));
      if (done && cleanRows && n < KINK_CLEAN_ROWS && this.rtol === 0 && this.atol === 0) {
        if (this.untested(k, n, (t1 - t2) / (1 - t1))) done = false;
      }
      s.base3[k] = s.base2[k];
      s.base2[k] = s.base1[k];
      s.base1[k] = d;
      s.round1[k] = rounding;
      s.lastGood[k] = d;
      s.lastStep[k] = hr;
      if (done) this.finish(k);
      else {
        s.active[kept++] = k;
        if (state !== REGIME.far) allFar = false;
      }
    }
    s.activeCount = kept;
    this.h /= this.jumpPending ? JUMP_STEP_RATIO : allFar ? FAST_STEP_RATIO : STEP_RATIO;
    this.jumpPending = false;
  }

  /**
   * The noise level of the rows that misfit at row i (the tableau's misfitMask; row-misfit.ts), kept
   * in the state's `misfit` (the smallest over the column), for rows j after the last far row. The
   * tableau watches only for derivative()'s columns, whose state has one component.
   */
  private misfitRow(i: number): void {
    const s = this.state;
    const tab = s.tableau;
    for (let c = MISFIT_ORDER; c <= Math.min(i, MAX_COLUMNS - 1); c++) {
      if ((tab.misfitMask & (1 << c)) === 0 || i - c < s.settledFrom) continue;
      const level = misfitLevelAt(tab.t, s.steps[0], s.rowRounding, i - c, i, tab.misfitDelta[c]);
      if (level > 0 && !(level >= s.misfit && s.misfit > 0)) s.misfit = level;
    }
  }

  /**
   * The regime of a far row of a one-sided column the caller asked for (ColumnSpec.allPowers), judged
   * again against the row before last: with error terms in every power of h the previous change can be
   * small by chance (its leading terms cancelled, see Tableau.allPowers), and the row after such a calm
   * looks far though the column is asymptotic (cos⁗ forward at −0.0507 forgot its best entry there,
   * then ended on rounding with 1.0105 ± 0.14, where f⁗ = 0.99872). Only after a chance calm
   * (CHANCE_CALM_RATIO): a far row after an ordinary one stays far.
   */
  private pastCalm(k: number, n: number, d: number, rounding: number): number {
    const s = this.state;
    const h3 = s.steps[n - 4];
    const calm = CHANCE_CALM_RATIO * Math.abs(s.base1[k] - s.base2[k]) <= Math.abs(s.base2[k] - s.base3[k]);
    if (!calm) return REGIME.far;
    return classifyRow(
      n,
      d,
      s.base1[k],
      s.base3[k],
      rounding,
      s.round1[k],
      s.steps[n - 2] / h3,
      this.hr / h3,
    );
  }

  /**
   * A far row may be a jump or noise rather than a step too large (see JUMP_TOLERANCE and
   * NOISE_SETTLED_ROWS): flags component k and returns true when the column should end for it.
   */
  private troubleEnds(k: number, n: number, d: number, rounding: number): boolean {
    const s = this.state;
    if (s.jumpRun[k] >= JUMP_ROWS - 1) {
      // A kink at a distance δ from x looks like a jump while h > δ (|t − 1e-9| at 0): confirm down to
      // JUMP_RESOLUTION of the scale, skipping ahead by JUMP_STEP_RATIO meanwhile.
      if (this.hr <= JUMP_RESOLUTION * this.spec.scale) {
        s.flags[k] |= COLUMN_FLAG.diverging;
        return true;
      }
      this.jumpPending = true;
      return false;
    }
    // Noise: a far row right after settled ones, or changes that grew twice in a row (f with no
    // truncation error at all, x² with noise, is never settled).
    const change = Math.abs(d - s.base1[k]);
    const model = rounding + s.round1[k];
    const signal = change > NOISE_SIGNAL * model;
    // Changes that keep growing are noise even a few times above the rounding model: rounding inside
    // f (cancellation, as in c − t² near a root) exceeds the model, and a smooth f never does this.
    const grew = change > NOISE_GROWTH_SIGNAL * model && n >= 3 && change > Math.abs(s.base1[k] - s.base2[k]);
    s.growRun[k] = grew && s.jumpSettling[k] === 0 ? s.growRun[k] + 1 : 0;
    // A far row whose change is within rounding is a sudden calm (SUDDEN_CALM_RATIO): f's resolution.
    // Only a column that stops on noise reads it (the Jacobian's run on and recheck what they flag).
    const calm = this.spec.stopOnNoise !== false && change <= ROUNDING_MARGIN * model;
    if ((signal && s.settledRows[k] >= NOISE_SETTLED_ROWS) || s.growRun[k] >= NOISE_GROWTH_ROWS || calm) {
      // A column that runs on past noise (stopOnNoise false: the Jacobian's) keeps the flag and the
      // step where it first showed, for its caller to measure the noise there (jacobian-recheck.ts).
      this.flagNoise(k, this.hr, change);
      return this.spec.stopOnNoise !== false;
    }
    return false;
  }

  /** Flags noise in component k at step h (its change there), unless it was flagged before. */
  private flagNoise(k: number, h: number, change: number): void {
    const s = this.state;
    if ((s.flags[k] & COLUMN_FLAG.noisy) !== 0) return;
    s.flags[k] |= COLUMN_FLAG.noisy;
    s.noisyStep[k] = h;
    s.noisyChange[k] = change;
  }

  /** The noise bound of component k's kink-test part (over h at even orders, as the part is; see kinkTest). */
  private kinkNoise(k: number): number {
    const noise = (this.state.noise[k] + this.state.grid[k]) * this.st.weightSum;
    return this.order % 2 === 0 ? noise / this.hr : noise;
  }

  /**
   * The kink test of a central row (see KINK_RATIO_LOW) on the part of the stencil's values that its
   * weights cancel: the even part at odd orders (a term in |h| where f′ jumps at x), the odd part over h
   * at even ones (a term in h where f″ jumps: 2f′ + J·h/2 + f‴·h²/3 at order 2). Sets or clears the
   * kink flag, and the pole flag when that part does not settle.
   */
  private kinkTest(k: number, n: number): void {
    // Locals and one flag store, and no double arguments (boxed when the call is not inlined).
    const s = this.state;
    if (this.order % 2 === 0) {
      // The odd part over h changes as the even part of a first derivative does: tested in that form.
      s.evenSum[k] /= this.hr;
      s.evenAbs[k] /= this.hr;
    }
    const noise = this.kinkNoise(k);
    const e0 = s.evenSum[k];
    const e1 = s.even0[k];
    const e2 = s.even1[k];
    const e3 = s.even2[k];
    s.even2[k] = e2;
    s.even1[k] = e1;
    s.even0[k] = e0;
    if (n < 3) return;
    const rounding = F_ROUNDING * EPS * s.evenAbs[k] + noise;
    const c1 = Math.abs(e0 - e1);
    const c2 = Math.abs(e1 - e2);
    const ratio = c1 / c2;
    const signal = c1 > KINK_SIGNAL * rounding && c2 > KINK_SIGNAL * rounding;
    let flags = s.flags[k] & ~(COLUMN_FLAG.kink | COLUMN_FLAG.pole);
    // (Orders 2 to 4: the band follows steps that did not halve, kink-test.ts.)
    const band = this.order >= 2 ? kinkBandScale(s.steps[n - 1], s.steps[n - 2], s.steps[n - 3]) : 1;
    if (signal && ratio > KINK_RATIO_LOW * band && ratio < KINK_RATIO_HIGH * band) flags |= COLUMN_FLAG.kink;
    else if (n >= 4 && cleanedKink(e0, e1, e2, e3, rounding)) flags |= COLUMN_FLAG.kink;
    // An even part whose changes grow as h shrinks: f itself grows without bound at x (a pole).
    if (signal && ratio >= KINK_RATIO_HIGH) flags |= COLUMN_FLAG.pole;
    s.flags[k] = flags;
  }

  /**
   * The parts of a good central row's stencil pairs (pair-parts.ts) for every active component, kept
   * apart from the row's own work: at orders 3 and 4, g(h) and g(2h), which pairFlags tests when the
   * component ends; at order 2, in derivative()'s columns (ColumnSpec.kinkRows), the odd part over h,
   * for the odd-part check against the noise check's stencil (odd-part-check.ts). The rounding of each
   * is that of its pair (with the centre at order 2, as the kink test's), over h at even orders, with
   * the noise level and the subnormal grid as in the row's model.
   */
  private pushPairs(): void {
    const s = this.state;
    const m = s.m;
    const pairs = (this.pairs ??= new PairParts(m));
    const v = this.values;
    const h = this.hr;
    // The base central stencils' points: order 2 at −1, 0, 1; order 3 at −2, −1, 1, 2; order 4 at
    // −2 … 2 (base-stencil.ts).
    const order = this.order;
    for (let a = 0; a < s.activeCount; a++) {
      const k = s.active[a];
      if (order === 2) {
        const lo = v[k];
        const hi = v[2 * m + k];
        const size = Math.abs(lo) + 2 * Math.abs(v[m + k]) + Math.abs(hi);
        pairs.pushOne(
          k,
          h,
          (hi - lo) / h,
          (F_ROUNDING * EPS * size + (s.noise[k] + s.grid[k]) * this.st.weightSum) / h,
        );
        continue;
      }
      const hiAt = order === 3 ? 2 : 3;
      const farLo = v[k];
      const nearLo = v[m + k];
      const nearHi = v[hiAt * m + k];
      const farHi = v[(hiAt + 1) * m + k];
      const size = Math.max(Math.abs(nearLo) + Math.abs(nearHi), Math.abs(farLo) + Math.abs(farHi));
      const rounding = F_ROUNDING * EPS * size + 2 * (s.noise[k] + s.grid[k] + Number.MIN_VALUE);
      if (order === 3) {
        pairs.push(k, h, nearHi + nearLo, farHi + farLo, rounding);
        (this.odd ??= new PairParts(m)).push(
          k,
          h,
          (nearHi - nearLo) / h,
          (farHi - farLo) / (2 * h),
          rounding / h,
        );
      } else pairs.push(k, h, (nearHi - nearLo) / h, (farHi - farLo) / (2 * h), rounding / h);
    }
  }

  /**
   * The kink or pole flag of component k's pairs at orders 3 and 4 when it ends (see pushPairs): the
   * kink test's bands on the cleaned ratio of its parts at the last four distances (pair-parts.ts).
   */
  private pairFlags(k: number): number {
    const pairs = this.pairs;
    if (pairs === null || this.order < 3 || pairs.count[k] < PAIR_DEPTH) return 0;
    const p = pairs.part;
    const at = k * PAIR_DEPTH;
    const q = cleanedRatio(p[at], p[at + 1], p[at + 2], p[at + 3], pairs.rounding[k]);
    return q > KINK_RATIO_LOW && q < KINK_RATIO_HIGH
      ? COLUMN_FLAG.kink
      : q >= KINK_RATIO_HIGH
        ? COLUMN_FLAG.pole
        : 0;
  }

  /**
   * The noise of component k seen in the even parts of its last three rows (even-noise.ts, after
   * kinkTest has shifted them): the largest σ that noise rules is kept in `seenNoise`.
   */
  private measureNoise(k: number, n: number, settled: boolean): void {
    const s = this.state;
    const steps = s.steps;
    const sigma = evenNoise(s.even2[k], s.even1[k], s.even0[k], steps[n - 3], steps[n - 2], steps[n - 1]);
    const h = steps[n - 1];
    const previous = s.evenSigma[k];
    const previousStep = s.evenStep[k];
    s.evenSigma[k] = sigma;
    s.evenStep[k] = h;
    const lawSeen = s.evenLaw[k] === 1 || s.seenNoise[k] > 0;
    const rules = noiseRules(sigma, previous, h, previousStep, s.evenAbs[k], settled, lawSeen);
    const stops = this.spec.stopOnNoise !== false;
    if (rules && sigma > s.seenNoise[k]) {
      s.seenNoise[k] = sigma;
      // A column that stops on noise (derivative()'s) flags it for the noise stages, and runs on; the
      // change it records is the row's noise per difference, σ/h (settle-noise.ts, explainsChange).
      if (stops && flaggedNoise(sigma, previous, h, previousStep, s.even0[k], s.evenAbs[k])) {
        s.seenShare[k] = Math.max(s.seenShare[k], sigma / h);
        this.flagNoise(k, h, sigma / h);
      }
    }
    if (n >= 4 && (stops || s.gridOn)) {
      // Such noise with no root of f at x is not flagged: its share per difference is a floor
      // (quiet-noise.ts), from the fourth row on (σ of the row before this column's own, not a longer
      // scale's); so is the row before's where this σ fell below truncation's law from it (below the h⁴
      // law only, not the h⁶ one, where f⁗(x) = 0 would let truncation fall so, kept apart: a floor only
      // where f shows noise otherwise, quiet-noise.ts, belowSixthLaw). A large F's
      // Jacobian column (it runs on past noise and follows the values' grid: no common path's bits to
      // give) keeps it too, and fainter noise (faint-noise.ts), for its entries' floor (jacobian-noise.ts,
      // quietFloor); the h⁴ law's drop test, not (atan at 1, whose f⁗ vanishes, would pass it).
      if (rules && quietNoise(sigma, previous, h, previousStep, s.even0[k], s.evenAbs[k]))
        this.quietRow(k, sigma, h);
      if (stops && settled && quietDrop(sigma, previous, h, previousStep, s.even0[k], s.evenAbs[k]))
        this.quietRow(
          k,
          previous,
          previousStep,
          !belowSixthLaw(sigma, previous, h, previousStep, s.evenAbs[k]),
        );
      if (!stops) this.faintRows(k, sigma, previous, h, previousStep, settled);
    }
    if (truncationLaw(sigma, previous, h, previousStep)) s.evenLaw[k] = 1;
  }

  /** Keeps a faint row's σ (faint-noise.ts) as a quiet one: this row's, or the row before's. */
  private faintRows(
    k: number,
    sigma: number,
    previous: number,
    h: number,
    previousStep: number,
    settled: boolean,
  ): void {
    const s = this.state;
    const level = s.noise[k] + s.grid[k];
    if (faintNoise(sigma, previous, h, previousStep, s.evenAbs[k], level, settled))
      this.quietRow(k, sigma, h);
    if (settled && faintDrop(sigma, previous, h, previousStep, s.evenAbs[k], level))
      this.quietRow(k, previous, previousStep);
  }

  /**
   * Keeps a quiet row's σ at step h for component k (quiet-noise.ts): the largest σ/h and σ; in the
   * band between the h⁴ and h⁶ laws' drops where `band` (ColumnState.bandShare).
   */
  private quietRow(k: number, sigma: number, h: number, band = false): void {
    const s = this.state;
    const share = band ? s.bandShare : s.quietShare;
    const most = band ? s.bandSigma : s.quietSigma;
    share[k] = Math.max(share[k], sigma / h);
    most[k] = Math.max(most[k], sigma);
  }

  /**
   * Whether component k's even part moved beyond rounding in its last row (kinkTest has shifted it)
   * other than f″ alone would move it: a kink the test could not yet tell from f″ (KINK_CLEAN_ROWS).
   */
  private untested(k: number, n: number, expected: number): boolean {
    const s = this.state;
    const rounding = F_ROUNDING * EPS * s.evenAbs[k] + this.kinkNoise(k);
    return needsCleanRow(s.even0[k], s.even1[k], s.even2[k], rounding, n, expected);
  }

  /** The stopping rules for component k after row n (see the file comment). */
  private rowDone(k: number, n: number, settled: boolean): boolean {
    const s = this.state;
    // The newest row's best entry, read here: doubles passed to a call that is not inlined are boxed.
    const tab = s.tableau;
    const rowValue = tab.rowValue;
    const rowError = tab.rowError;
    const rowRound = tab.rowRound;
    // Sharpened estimate of the newest row's best entry: when row errors fall geometrically
    // (e_{i-1} -> e_i), the entry is off by about e_i^2/e_{i-1}, the next term (cf. Aitken's Δ²).
    // Not for a one-sided column the caller asked for (allPowers): its row errors fall by a factor that
    // changes as the best entry moves between columns (sin″ forward at −29.855: 1.5e-4, 1.8e-6, 1.5e-8,
    // while the last entry's true error was 1.0e-9, not the 1.2e-10 the fall predicted), and where f's
    // values carry noise or cancellation the fall is luck (honesty scan, order 1 on f with
    // cancellation, backward: 258 → 88 dishonest of 1000 without it).
    let sharpError = NaN;
    if (rowError < Infinity && settled && s.rbTrusted[k] === 1 && !this.allPowers) {
      const ePrev = s.rbError[k] - s.rbRound[k];
      const e = rowError - rowRound;
      if (e < ePrev) sharpError = (e * e) / ePrev + rowRound;
    }
    if (rowError < Infinity) {
      s.rbValue[k] = rowValue;
      s.rbError[k] = rowError;
      s.rbRound[k] = rowRound;
      s.rbTrusted[k] = settled ? 1 : 0;
    } else s.rbTrusted[k] = -1;
    // The sharpened estimate assumes errors that fall geometrically; noise does not. It may end the
    // component only when the entry's own error is already within SHARP_TRUST of its rounding.
    if (sharpError <= ROUNDING_MARGIN * rowRound && rowError <= SHARP_TRUST * rowRound) {
      s.bestValue[k] = rowValue;
      s.bestError[k] = sharpError;
      s.bestStep[k] = this.hr;
      s.bestTail[k] = s.rowTail[k];
      return true;
    }
    if (this.rtol > 0 || this.atol > 0) {
      // Tolerance mode: the first estimate within atol + rtol·|value| ends the component, even from
      // two rows whose regime is not known yet (the two-row Richardson error is then the estimate).
      if (!(s.bestError[k] < Infinity) && n >= 2 && rowError <= this.atol + this.rtol * Math.abs(rowValue)) {
        s.bestValue[k] = rowValue;
        s.bestError[k] = rowError;
        s.bestStep[k] = this.hr;
        return true;
      }
      if (s.bestError[k] <= this.atol + this.rtol * Math.abs(s.bestValue[k])) return true;
    }
    const be = s.bestError[k];
    if (n >= MIN_ROWS && settled) {
      if (be <= CONVERGED_RELATIVE_ERROR * Math.abs(s.bestValue[k])) return true;
      if (be <= ROUNDING_MARGIN * s.bestRound[k]) return true;
    }
    if (rowError > DIVERGENCE_FACTOR * be && n - 1 > s.bestRow[k]) {
      if (++s.stalls[k] >= 2 && settled) {
        // Rounding or noise took over: the newer rows' best entries scatter around the best one by as
        // much as that noise moves an estimate, which the best entry's own error need not show.
        s.bestError[k] = Math.max(be, Math.abs(rowValue - s.bestValue[k]));
        // Far above the rounding the model expects: noise, for a caller that does not stop on it (the
        // Jacobian rechecks the entry, jacobian-recheck.ts); derivative() has its noise check for this.
        if (this.spec.stopOnNoise === false && be > NOISE_SIGNAL * s.bestRound[k])
          this.flagNoise(k, this.hr, be);
        return true;
      }
    } else s.stalls[k] = 0;
    return false;
  }

  /** Finishes every active component; returns 0 (no more points). */
  private end(): number {
    const s = this.state;
    for (let a = 0; a < s.activeCount; a++) this.finish(s.active[a]);
    s.activeCount = 0;
    this.finished = true;
    return 0;
  }

  private finish(k: number): void {
    const s = this.state;
    if (this.pairsOn && this.kind === "central") s.flags[k] |= this.pairFlags(k);
    s.kind[k] = kindCode(this.kind);
    if (Number.isFinite(s.bestValue[k]) && s.bestError[k] < Infinity) {
      s.value[k] = s.bestValue[k];
      // A first-order tail (C1 f: D(h) = f′ + c·h) is as large as the last change of D, which the
      // tableau's h² error model does not see.
      s.error[k] = Math.max(s.bestError[k], s.bestTail[k]);
      if (s.bestTail[k] > 0) s.flags[k] |= COLUMN_FLAG.firstOrder;
      s.step[k] = s.bestStep[k];
    } else {
      s.value[k] = s.lastGood[k];
      s.error[k] = NaN;
      s.step[k] = s.lastStep[k];
    }
  }
}
