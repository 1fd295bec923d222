/**
 * Calls of a vector function F for the Jacobian: counts them, checks each result is an array of
 * numbers of the same length as the first one, and refuses points outside the bounds without calling F.
 */

import { NumdiffError, describeValue, invalid } from "./errors.js";
import type { VecFn } from "./types.js";

/**
 * The longest x that restore() copies number by number rather than by `set()` (a call into the runtime, which
 * copies a long x faster): 8 numbers copied by a loop cost about 6 ns less per call of F than `set()`.
 *
 * @default 16
 * @example
 * ```ts
 * LOOP_RESTORE_LENGTH; // => 16
 * ```
 */
export const LOOP_RESTORE_LENGTH = 16;

/**
 * A counting, checking view of F on a working point `w` (the caller nudges w and restores it).
 *
 * @example
 * ```ts
 * const c = new VectorCaller((x) => [x[0], 2 * x[0]], new Float64Array([1]));
 * c.call()[1]; // 2
 * c.m; // 2 (the length of the first result)
 * c.evaluations; // 1
 * ```
 */
export class VectorCaller {
  /** Calls of F made so far. */
  evaluations = 0;
  /** Length of F's results: fixed by the first call, -1 before it. */
  m = -1;

  /** The pristine point: w is restored from it before every call of F, so an F that writes into its
   * argument gets the answers of one that does not. */
  readonly x0: Float64Array;

  constructor(
    private readonly F: VecFn,
    readonly w: Float64Array,
  ) {
    // A loop, not slice(): slice() builds its result through the species protocol, slower for a short x.
    this.x0 = new Float64Array(w);
  }

  /** F(w), checked; w is the pristine point but for what the caller set since the last call. */
  call(): ArrayLike<number> {
    const v = this.F(this.w);
    this.evaluations++;
    // An array or a typed array: an object with a length (`{ length: 1e7 }`) would size the Jacobian.
    if (!(Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView)))) {
      throw new NumdiffError(
        "NON_NUMERIC_RESULT",
        "F",
        `invalid F; expected a function returning arrays of numbers, got ${describeValue(v)}`,
      );
    }
    if (this.m < 0) {
      if (v.length === 0) throw invalid("INCONSISTENT_OUTPUT", "F", "a non-empty array of numbers", v);
      this.m = v.length;
    } else if (v.length !== this.m) {
      throw invalid(
        "INCONSISTENT_OUTPUT",
        "F",
        `arrays of length ${this.m} on every call (the length of its first result)`,
        v,
      );
    }
    return v;
  }

  /**
   * F(w) with w[j] = t (restored from its saved value afterwards), or null without calling F when t
   * is outside [lo, hi] or not finite.
   */
  callAt(j: number, t: number, lo: number, hi: number): ArrayLike<number> | null {
    if (!(t >= lo && t <= hi) || !Number.isFinite(t)) return null;
    this.restore();
    this.w[j] = t;
    return this.call();
  }

  /**
   * Restores the working point w from the pristine x0 (before a caller sets one coordinate and calls).
   * A short x is copied by statements at fixed indices for its first 4 and 8 numbers: V8 (Node 20)
   * reloads both arrays' length and data at every step of a loop over typed arrays (about 26 machine
   * instructions per number), where straight code loads them once; measured on bench/overhead.ts's
   * Jacobian (n = 8), 180 instructions fewer per call of F (cachegrind), 8 ns.
   */
  restore(): void {
    const w = this.w;
    const x0 = this.x0;
    const n = x0.length;
    // set() is a call into the runtime, costlier than copying a few numbers.
    if (n > LOOP_RESTORE_LENGTH) {
      w.set(x0);
      return;
    }
    let i = 0;
    if (n >= 4) {
      w[0] = x0[0];
      w[1] = x0[1];
      w[2] = x0[2];
      w[3] = x0[3];
      i = 4;
    }
    if (n >= 8) {
      w[4] = x0[4];
      w[5] = x0[5];
      w[6] = x0[6];
      w[7] = x0[7];
      i = 8;
    }
    for (; i < n; i++) w[i] = x0[i];
  }
}

/**
 * Reads component k of a result of F, refusing non-numbers.
 *
 * @example
 * ```ts
 * component([1, 2], 1); // 2
 * ```
 */
export function component(v: ArrayLike<number>, k: number): number {
  const c = v[k];
  if (typeof c !== "number") {
    throw new NumdiffError(
      "NON_NUMERIC_RESULT",
      `F`,
      `invalid F; expected a function returning arrays of numbers, got ${describeValue(c)} at index ${k}`,
    );
  }
  return c;
}
