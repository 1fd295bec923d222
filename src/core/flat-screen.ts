/**
 * The screen of a Jacobian column: which components of F do not move along x_j. The column's first
 * FLAT_ROWS stencil rows (two different steps, four distinct points for central differences) are
 * evaluated once for every component; a component whose value at each of those points equals F_k(x)
 * bit for bit is settled there (derivative 0, error the rounding level of that row, exactly as the
 * driver settles it: driver.ts, FLAT_ROWS), and only the others go on to the driver with a tableau.
 * A component flat at one step but not at the other (a kink, a flat spot) is not settled: it runs
 * the whole column, its first rows served from what the screen kept.
 */

import { ColumnDriver, FLAT_ROWS, MAX_POINTS, baseStencil, type ColumnSpec } from "./driver.js";
import { ColumnState } from "./column-state.js";
import { EPS, F_ROUNDING } from "./constants.js";
import { component } from "./vector-caller.js";
import type { Stencil } from "./stencil.js";

/**
 * The points of a column's first FLAT_ROWS rows, as the driver asks for them: found by running a
 * driver on one component that never moves, so the plan is the driver's own step rule.
 *
 * @example
 * ```ts
 * const plan = new ColumnPlan();
 * plan.make({ x: 1, order: 1, scale: 1, start: "central", canSwitch: true, probeOnly: false }); // true
 * plan.count; // 4: x ± h₀ and x ± h₀/2
 * ```
 */
export class ColumnPlan {
  readonly points = new Float64Array(FLAT_ROWS * MAX_POINTS);
  readonly offsets = new Float64Array(FLAT_ROWS * MAX_POINTS);
  /** The end (exclusive) of each row's points. */
  readonly rowEnd = new Int32Array(FLAT_ROWS);
  count = 0;
  rows = 0;
  /** The step of the last planned row: the step a settled component reports. */
  step = NaN;

  /**
   * Plans spec's column; false when its first rows are not the base stencil of `spec.start` at two
   * steps (x at the edge of the doubles, steps below the spacing of x): such a column is not screened.
   */
  make(spec: ColumnSpec): boolean {
    const d = planner();
    d.state.activateAll();
    d.start(spec);
    this.count = 0;
    this.rows = 0;
    for (let c = d.nextPoints(); c > 0; c = d.nextPoints()) {
      if (this.rows === FLAT_ROWS || this.count + c > this.points.length) return false;
      for (let q = 0; q < c; q++) {
        this.points[this.count + q] = d.points[q];
        this.offsets[this.count + q] = d.offsets[q];
        d.values[q] = 0;
      }
      this.count += c;
      this.rowEnd[this.rows++] = this.count;
      d.accept();
    }
    this.step = d.state.step[0];
    const offs = baseStencil(spec.start, spec.order).offsets;
    if (this.rows !== FLAT_ROWS || this.count !== FLAT_ROWS * offs.length) return false;
    for (let p = 0; p < this.count; p++) if (this.offsets[p] !== offs[p % offs.length]) return false;
    return true;
  }

  /** The index of the planned point t (offset `offset`) among the first `upTo`, or -1. */
  find(t: number, offset: number, upTo: number): number {
    for (let p = 0; p < upTo; p++) if (this.points[p] === t && this.offsets[p] === offset) return p;
    return -1;
  }
}

/** The driver that plans columns (one component, run to its end inside `make`): shared by all plans. */
let plannerDriver: ColumnDriver | null = null;

function planner(): ColumnDriver {
  return (plannerDriver ??= new ColumnDriver(new ColumnState(1)));
}

/** firstDiff of a component that matched F(x) at every screened point. */
const NEVER = 0x7fffffff;

/**
 * What the screen saw of each component: the first planned point where it differed from F_k(x)
 * (or was not finite), and its values from there on (before it, its values were F_k(x)).
 *
 * @example
 * ```ts
 * const screen = new FlatScreen(3);
 * screen.begin(4);
 * screen.take(0, [1, 5, 3], 0, Float64Array.of(1, 2, 3)); // 0: every value finite
 * screen.isFlat(0); // true: F_0 matched F_0(x) so far
 * screen.isFlat(1); // false
 * ```
 */
export class FlatScreen {
  private readonly firstDiff: Int32Array;
  private seen = new Float64Array(0);
  /** The components that differed (the first `movedCount`), in the order found. */
  private readonly moved: Int32Array;
  private movedCount = 0;
  /** Planned points evaluated and taken so far (the ones a replay may read). */
  taken = 0;

  constructor(readonly m: number) {
    this.firstDiff = new Int32Array(m).fill(NEVER);
    this.moved = new Int32Array(m);
  }

  /** Starts a column of `count` planned points. */
  begin(count: number): void {
    // Only the components that moved in the last column need forgetting: O(moved), not O(m).
    for (let i = 0; i < this.movedCount; i++) this.firstDiff[this.moved[i]] = NEVER;
    this.movedCount = 0;
    this.taken = 0;
    if (this.seen.length < count * this.m) this.seen = new Float64Array(count * this.m);
  }

  /**
   * Takes the values of planned point p (component k at v[offset + k]; v null: no value, outside the
   * bounds). Returns 0 when every value was finite, 1 when some were not, 2 when none was.
   */
  take(p: number, v: ArrayLike<number> | null, offset: number, centre: Float64Array): number {
    this.taken = p + 1;
    if (v === null) {
      for (let k = 0; k < this.m; k++) this.differs(p, k, NaN);
      return 2;
    }
    // Numbers checked once (a typed array needs no check), then one tight loop over the components.
    const values = v instanceof Float64Array ? v.subarray(offset, offset + this.m) : this.checked(v, offset);
    return this.finiteCentre(centre)
      ? this.compareFinite(p, values, centre)
      : this.compare(p, values, centre);
  }

  /**
   * The comparison when F(x) is finite everywhere: a component equal to F_k(x) is then finite, so the
   * loop over all components only compares; what moved is stored and checked in a pass of its own.
   */
  private compareFinite(p: number, values: Float64Array, centre: Float64Array): number {
    const { m, firstDiff, moved, seen } = this;
    for (let k = 0; k < m; k++) {
      if (values[k] !== centre[k] && firstDiff[k] === NEVER) {
        firstDiff[k] = p;
        moved[this.movedCount++] = k;
      }
    }
    const base = p * m;
    let bad = 0;
    for (let i = 0; i < this.movedCount; i++) {
      const fk = values[moved[i]];
      seen[base + moved[i]] = fk;
      if (!Number.isFinite(fk)) bad++;
    }
    return bad === 0 ? 0 : bad === m ? 2 : 1;
  }

  /** Whether every component of F(x) is finite (remembered for the last centre seen). */
  private finiteCentre(centre: Float64Array): boolean {
    if (centre !== this.lastCentre) {
      this.lastCentre = centre;
      this.centreIsFinite = centre.every(Number.isFinite);
    }
    return this.centreIsFinite;
  }

  private lastCentre: Float64Array | null = null;
  private centreIsFinite = false;

  /** The comparison of one point's values with F(x) (see take), any F(x). */
  private compare(p: number, values: Float64Array, centre: Float64Array): number {
    const { m, firstDiff, seen } = this;
    const base = p * m;
    let bad = 0;
    for (let k = 0; k < m; k++) {
      const fk = values[k];
      if (fk - fk !== 0) bad++; // not finite (NaN or ±∞)
      if (firstDiff[k] > p) {
        if (fk !== centre[k]) {
          firstDiff[k] = p;
          this.moved[this.movedCount++] = k;
          seen[base + k] = fk;
        }
      } else seen[base + k] = fk;
    }
    return bad === 0 ? 0 : bad === m ? 2 : 1;
  }

  private differs(p: number, k: number, fk: number): void {
    if (this.firstDiff[k] === NEVER) this.moved[this.movedCount++] = k;
    if (this.firstDiff[k] > p) this.firstDiff[k] = p;
    this.seen[p * this.m + k] = fk;
  }

  /** v[offset..offset + m) as checked numbers (component() refuses what is not a number). */
  private checked(v: ArrayLike<number>, offset: number): Float64Array {
    if (this.scratch.length < this.m) this.scratch = new Float64Array(this.m);
    for (let k = 0; k < this.m; k++) this.scratch[k] = component(v, offset + k);
    return this.scratch;
  }

  private scratch = new Float64Array(0);

  /** Whether component k matched F_k(x) at every point taken. */
  isFlat(k: number): boolean {
    return this.firstDiff[k] === NEVER;
  }

  /** Component k's value at planned point p (p < taken). */
  value(p: number, k: number, centre: Float64Array): number {
    return p < this.firstDiff[k] ? centre[k] : this.seen[p * this.m + k];
  }

  /** Makes the components that moved the active ones of `state`, in increasing order; returns how many. */
  activateMoved(state: ColumnState): number {
    const count = this.movedCount;
    if (count > this.m >>> 3) {
      // Many: one pass over the components is cheaper than sorting them.
      let a = 0;
      for (let k = 0; k < this.m; k++) if (this.firstDiff[k] !== NEVER) state.active[a++] = k;
    } else {
      state.active.set(this.moved.subarray(0, count));
      state.active.subarray(0, count).sort();
    }
    state.activeCount = count;
    return count;
  }
}

/**
 * The noise term of the rounding error of a row whose stencil values all equal c, before the
 * division by hⁿ: F_ROUNDING·EPS·Σ|w_q|·|c| + MIN_VALUE·Σ|w_q|, summed in the order of the driver's
 * rounding model (driver.ts, extendRows), so a settled component reports the driver's bits.
 *
 * @example
 * ```ts
 * import { baseStencil } from "./driver.js";
 * flatNoise(2, baseStencil("central", 1)); // => 8.881784197001252e-16
 * ```
 */
export function flatNoise(c: number, st: Stencil): number {
  const size = Math.abs(c);
  let absSum = 0;
  for (let q = 0; q < st.weights.length; q++) absSum += Math.abs(st.weights[q]) * size;
  return F_ROUNDING * EPS * absSum + Number.MIN_VALUE * st.weightSum;
}
