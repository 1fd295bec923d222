/**
 * The working state of one small Jacobian on the common path (jacobian-common.ts): the rows of F's
 * values of the column in flight (shared by its components, each row evaluated once, by the first
 * component that needs it), every point evaluated in the column in the order F was called (for the
 * general path to replay when the column departs), one component's tableau and result, and the kept
 * estimate of each component across the scales of x_j.
 */

import { MAX_COLUMNS, MAX_ROWS, STEP_RATIO } from "./constants.js";
import type { PointSource } from "./run-column.js";
import { baseStencil } from "./driver.js";
import { evenNorm } from "./even-noise.js";
import { GridCandidates } from "./even-grid.js";
import { markFlat } from "./jacobian-common-flat.js";
import { CommonLongRows } from "./jacobian-common-long.js";
import { representableStep } from "./step.js";
import type { VectorCaller } from "./vector-caller.js";

const EMPTY = new Float64Array(0);
/** The rows every component of a column reads (see evaluateFirstRows). */
const FIRST_ROWS = 2;
const CENTRAL = baseStencil("central", 1);
const O0 = CENTRAL.offsets[0];
const O1 = CENTRAL.offsets[1];

/**
 * Points one column may evaluate: two per row (central first derivative), MAX_ROWS + 1 rows at each of
 * the two scales of x (candidateScales).
 *
 * @default 100
 * @example
 * ```ts
 * COLUMN_POINTS; // => 100 (2 · (24 + 1) · 2)
 * ```
 */
export const COLUMN_POINTS = 2 * (MAX_ROWS + 1) * 2;

/**
 * See the file comment. One per Jacobian in flight, never shared: an F that itself calls jacobian()
 * runs with its own.
 *
 * @example
 * ```ts
 * const w = new JacobianCommonWork(4);
 * w.m; // => 4
 * ```
 */
export class JacobianCommonWork {
  /** The coordinate x_j of the column, and its bounds. */
  x = 0;
  /** F(x), whose component k the rows' kink test reads (jacobian-common-column.ts). */
  centreValues: Float64Array = EMPTY;
  /**
   * The components of the column whose rows passed the rows' kink test's first half (their J beyond
   * its rounding): 0 spares the column the second half (jacobian-common.ts, kinkShown).
   */
  kinkCandidates = 0;
  /** The components of the column whose even rows passed the rows' grid gate, and their rows (even-grid.ts). */
  readonly gridRows: GridCandidates;
  /**
   * Per component, the wider pair's J (times its determinant) where its rows passed that first half,
   * NaN where they did not, and the determinant (jacobian-common.ts, kinkShown).
   */
  readonly kinkJump: Float64Array;
  readonly kinkDet: Float64Array;
  lo = -Infinity;
  hi = Infinity;
  /** Rows of the current scale: unrounded step, representable step and first point (-1: not evaluated). */
  readonly h = new Float64Array(MAX_ROWS + 1);
  readonly hr = new Float64Array(MAX_ROWS + 1);
  readonly rowPoint = new Int32Array(MAX_ROWS + 1);
  rowCount = 0;
  /** Per point: 1 when every component of F there is a finite number. */
  readonly clean = new Uint8Array(COLUMN_POINTS);
  /** Points evaluated in the column, in order: t, and F's m components at t (point p at p·m). */
  readonly t = new Float64Array(COLUMN_POINTS);
  readonly values: Float64Array;
  size = 0;
  /** Points whose result held a non-number: a copy of it, for the general path to read (and refuse). */
  readonly odd = new Map<number, unknown[]>();
  private oddCount = 0;
  /** One component's tableau: previous row and its rounding. */
  readonly prev = new Float64Array(MAX_COLUMNS);
  readonly prevRound = new Float64Array(MAX_COLUMNS);
  /**
   * Each row's step geometry, the same for every component of the column: computed once per row (by
   * pushRow) with the arithmetic each component's column would repeat (driver.ts), so the components
   * share its divisions bit for bit. t = (hr/hr₀)²; the tableau's denominators t_{r−c}/t_r − 1 (row r,
   * column c at r·MAX_COLUMNS + c); and from row 2, with s₁ = hr_{r−1}/hr_{r−2} and s₂ = hr_r/hr_{r−2},
   * the regime's expected ratio (s₁² − s₂²)/(1 − s₁²) (classifyExpected), the first-order one
   * (s₁ − s₂)/(1 − s₁) (kink-test.ts, firstOrderRow) and the even parts' norm (evenNorm). Rows 0 and 1
   * leave the last three as they were: nothing reads them there.
   */
  readonly ratio = new Float64Array(MAX_ROWS + 1);
  readonly tableau = new Float64Array((MAX_ROWS + 1) * MAX_COLUMNS);
  readonly expected = new Float64Array(MAX_ROWS + 1);
  readonly firstOrder = new Float64Array(MAX_ROWS + 1);
  readonly evenNorm = new Float64Array(MAX_ROWS + 1);
  /**
   * Per component, 1 when it took one finite value at the four points of rows 0 and 1 of the current
   * scale, and then its column's error (jacobian-common-flat.ts, markFlat).
   */
  readonly flat: Uint8Array;
  readonly flatError: Float64Array;
  /**
   * The last component column: value, error, step, flat (1: one value at every point), and how many
   * rows it ran (jacobian-common-long.ts, COLUMN_ROWS).
   */
  readonly column = new Float64Array(5);
  /** The long-steps test's rows (jacobian-common-long.ts). */
  readonly longRows: CommonLongRows;
  /** The kept estimate of each component across scales: value, error, step. */
  readonly keptValue: Float64Array;
  readonly keptError: Float64Array;
  readonly keptStep: Float64Array;
  /** Per component, 1 when its last column run took one value at every point (its `column[3]`). */
  readonly keptFlat: Uint8Array;
  /**
   * Per component, 7 floats: the even parts of the last three rows of the last column it ran in, their
   * steps and the newest Σ|w|·|F_k| (jacobian-kinks.ts); written only where the rows' kink test's
   * first half passed (its kinkJump not NaN), stale elsewhere.
   */
  readonly evenRows: Float64Array;
  /** The three above as the kept estimates that needsRecheck (jacobian-recheck.ts) reads. */
  readonly kept: { value: Float64Array; error: Float64Array; step: Float64Array };
  /**
   * The components to run at the next scale: every one (`every`, never written) at a column's first,
   * then those not good enough yet after it. The lists are not copied between scales: the current
   * scale's becomes `members` and `pending` takes the other of `lists` (see beginMembers).
   */
  pending: Int32Array;
  pendingCount = 0;
  readonly every: Int32Array;
  private readonly lists: readonly [Int32Array, Int32Array];
  /** The components of the current scale, and what is known of each (COMPONENT_STATE). */
  members: Int32Array;
  memberCount = 0;
  readonly state: Int8Array;
  /** Of a stuck component: the row it stopped after, and whether it was far there (1). */
  readonly stuckRow: Int32Array;
  readonly stuckFar: Uint8Array;
  /** The components that stopped (stuck) in a round of the current scale, run again in the next. */
  readonly stuck: Int32Array;
  /** The general path's source for a departed column: the points above replayed, then F. */
  readonly replay: PointSource;
  private cursor = 0;
  private caller: VectorCaller | null = null;
  private j = 0;
  private centre: ArrayLike<number> = EMPTY;
  private readonly buffer: Float64Array;

  constructor(readonly m: number) {
    this.values = new Float64Array(COLUMN_POINTS * m);
    this.keptValue = new Float64Array(m);
    this.keptError = new Float64Array(m);
    this.keptStep = new Float64Array(m);
    this.keptFlat = new Uint8Array(m);
    this.gridRows = new GridCandidates(m);
    this.flat = new Uint8Array(m);
    this.flatError = new Float64Array(m);
    this.evenRows = new Float64Array(7 * m).fill(NaN);
    this.kinkJump = new Float64Array(m).fill(NaN);
    this.kinkDet = new Float64Array(m);
    this.longRows = new CommonLongRows(m);
    this.kept = { value: this.keptValue, error: this.keptError, step: this.keptStep };
    this.every = new Int32Array(m);
    for (let k = 0; k < m; k++) this.every[k] = k;
    this.lists = [new Int32Array(m), new Int32Array(m)];
    this.pending = this.every;
    this.members = this.every;
    this.state = new Int8Array(m);
    this.stuckRow = new Int32Array(m);
    this.stuckFar = new Uint8Array(m);
    this.stuck = new Int32Array(m);
    this.buffer = new Float64Array(m);
    this.replay = { at: (t) => this.replayAt(t), centre: () => this.centre };
  }

  /** Starts column j at x_j = x within [lo, hi]: no rows, no points, every component pending. */
  beginColumn(x: number, lo: number, hi: number, centre: Float64Array = EMPTY): void {
    this.x = x;
    this.centreValues = centre;
    this.kinkCandidates = 0;
    this.gridRows.count = 0;
    this.lo = lo;
    this.hi = hi;
    this.size = 0;
    this.pending = this.every;
    this.pendingCount = this.m;
    if (this.oddCount > 0) this.odd.clear();
    this.oddCount = 0;
  }

  /**
   * Makes the pending components the current scale's members, nothing known of them yet, and starts an
   * empty pending list (in the list the members are not in) for the scale after.
   */
  beginMembers(): void {
    const members = this.pending;
    this.members = members;
    const count = this.pendingCount;
    this.memberCount = count;
    const state = this.state; // (locals: V8 reloads a field at each use in a loop that stores)
    for (let a = 0; a < count; a++) state[members[a]] = 0; // COMPONENT_STATE.unknown
    this.pending = members === this.lists[0] ? this.lists[1] : this.lists[0];
    this.pendingCount = 0;
  }

  /** Which scale of the column runs: 0 for |x_j| (or 1 alone), 1 for the probe at scale 1. */
  scaleIndex = 0;

  /** Starts scale i of the column, whose first step is h0: row 0 only, not evaluated. */
  beginScale(h0: number, i = 0): void {
    this.scaleIndex = i;
    this.rowCount = 0;
    this.h[0] = h0;
    this.pushRow();
  }

  /**
   * Adds the row after the last, its step the last one's over `divisor` (its points evaluated by the
   * first component that reads it). The divisor, not the step, is passed: a double passed to a call
   * that is not inlined is boxed.
   */
  addRow(divisor: number): void {
    this.h[this.rowCount] = this.h[this.rowCount - 1] / divisor;
    this.pushRow();
  }

  /**
   * Makes the row whose unrounded step is in `h[rowCount]` the newest (no double crosses the call), with
   * its step geometry.
   */
  private pushRow(): void {
    const r = this.rowCount++;
    const hrs = this.hr;
    const hr = representableStep(this.x, this.h[r]); // the driver's nextPoints: the step x ± hr see
    hrs[r] = hr;
    this.rowPoint[r] = -1;
    const r0 = hr / hrs[0];
    const t = r0 * r0;
    const ratio = this.ratio;
    const tableau = this.tableau;
    ratio[r] = t;
    const cols = Math.min(r, MAX_COLUMNS - 1);
    for (let c = 1; c <= cols; c++) tableau[r * MAX_COLUMNS + c] = ratio[r - c] / t - 1;
    if (r < 2) return;
    const h1 = hrs[r - 1];
    const h2 = hrs[r - 2];
    const s1 = h1 / h2;
    const s2 = hr / h2;
    const t1 = s1 * s1;
    const t2 = s2 * s2;
    this.expected[r] = (t1 - t2) / (1 - t1);
    this.firstOrder[r] = (s1 - s2) / (1 - s1);
    this.evenNorm[r] = evenNorm(h2, h1, hr);
  }

  /**
   * Whether row r was evaluated and every component is finite at both its points: then no component
   * of the general path met trouble there, and its next row is the one the step rule gives.
   */
  rowClean(r: number): boolean {
    const p = this.rowPoint[r];
    return p >= 0 && this.clean[p] === 1 && this.clean[p + 1] === 1;
  }

  /**
   * Evaluates rows 0 and 1 of the scale just begun, which every component reads (none ends before
   * row 1: a component's first row cannot end it, and a clean row 0 is followed by row 1 at half its
   * step, STEP_RATIO). A point is evaluated only where the sync loop evaluates it: x_j + hr after
   * x_j − hr only when every component is finite there (else the column departs, as the driver would
   * take another way). Returns false when the column departs (also for a point outside the bounds).
   * Then marks the components flat over the two rows, and keeps them where `keepFlat`
   * (jacobian-common-flat.ts, markFlat).
   */
  evaluateFirstRows(caller: VectorCaller, j: number, keepFlat: boolean): boolean {
    for (let r = 0; r < FIRST_ROWS; r++) {
      if (r > 0) {
        if (!this.rowClean(r - 1)) return false;
        this.addRow(STEP_RATIO);
      }
      const hr = this.hr[r];
      if (!(hr > 0)) break; // no row: every component ends here (the driver's end())
      const p = this.evaluateRowAt(caller, j, r, -1);
      if (p < 0) return false;
      this.rowPoint[r] = p;
    }
    markFlat(this, keepFlat);
    return true;
  }

  /**
   * Evaluates the points of the last row in order, as the sync loop asks for them: x_j + hr only when
   * component k, which needs the row, is finite at x_j − hr (then not every running component is in
   * trouble there). Returns the row's first point, or -1 when the column departs: a point outside the
   * bounds or not finite (not evaluated), or component k not finite at x_j − hr.
   */
  evaluateRow(caller: VectorCaller, j: number, k: number): number {
    const r = this.rowCount - 1;
    const p = this.evaluateRowAt(caller, j, r, k);
    if (p >= 0) this.rowPoint[r] = p;
    return p;
  }

  /**
   * F at row r's two points, x_j − hr then x_j + hr, each with the rest of x restored first and its
   * components copied as point `size`; x_j + hr only when x_j − hr shows what the sync loop needs to go
   * on there: component k finite, or (k < 0) every component finite. Returns the row's first point,
   * or -1 when the column departs: that test failed, or a point is outside the bounds or not finite
   * (not evaluated, without calling F: the general path then has no value there). Both points in one
   * call: the work's fields are read once per row rather than once per point (bench/overhead.ts). The
   * row is passed rather than hr: a double passed to a call that is not inlined is boxed, an
   * allocation per row.
   */
  private evaluateRowAt(caller: VectorCaller, j: number, r: number, k: number): number {
    const x = this.x;
    const hr = this.hr[r];
    const lo = this.lo;
    const hi = this.hi;
    const m = this.m;
    const values = this.values;
    const clean = this.clean;
    const first = this.size;
    for (let side = 0; side < 2; side++) {
      const t = x + (side === 0 ? O0 : O1) * hr;
      if (!(t >= lo && t <= hi) || !Number.isFinite(t)) return -1;
      caller.restore();
      caller.w[j] = t;
      const v = caller.call();
      const p = first + side;
      this.size = p + 1;
      this.t[p] = t;
      const base = p * m;
      let odd = false;
      let zero = 0; // Σ 0·F_k: 0 while every component is finite, NaN from a non-finite one on
      for (let c = 0; c < m; c++) {
        const f = v[c];
        if (typeof f === "number") {
          values[base + c] = f;
          zero += 0 * f;
        } else {
          values[base + c] = NaN;
          zero = NaN;
          odd = true; // not a number: kept as F gave it, for the general path to read (and refuse)
        }
      }
      clean[p] = zero === 0 ? 1 : 0;
      if (odd) {
        this.odd.set(p, Array.from(v as ArrayLike<unknown>));
        this.oddCount++;
      }
      if (side === 0 && (k < 0 ? zero !== 0 : !Number.isFinite(values[base + k]))) return -1;
    }
    return first;
  }

  /** Drops the references a replay took (F's caller and F(x)), once the Jacobian has finished. */
  release(): void {
    this.caller = null;
    this.centre = EMPTY;
  }

  /**
   * Starts replaying this column's points to the general path, which calls F past them (and reads
   * F(x) as `centre`).
   */
  replaying(caller: VectorCaller, j: number, centre: ArrayLike<number>): PointSource {
    this.caller = caller;
    this.j = j;
    this.centre = centre;
    this.cursor = 0;
    return this.replay;
  }

  /**
   * The general path's F at t: the next point evaluated here if it is t (the general path asks for
   * them in the order they were evaluated: the common path is its prefix), else a call of F.
   */
  private replayAt(t: number): ArrayLike<number> | null {
    if (!(t >= this.lo && t <= this.hi) || !Number.isFinite(t)) return null;
    const p = this.cursor;
    if (p < this.size && this.t[p] === t) {
      this.cursor++;
      const odd = this.odd.get(p);
      if (odd !== undefined) return odd as ArrayLike<number>;
      const m = this.m;
      for (let k = 0; k < m; k++) this.buffer[k] = this.values[p * m + k];
      return this.buffer;
    }
    this.cursor = this.size; // past the replayed prefix: F from here on
    return (this.caller as VectorCaller).callAt(this.j, t, this.lo, this.hi);
  }
}
