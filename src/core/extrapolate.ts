/**
 * Richardson extrapolation over a descending sequence of steps, as a Neville tableau in t = h^p
 * (p = 2 for central differences, whose error expands in even powers of h; p = 1 for one-sided ones).
 * Each entry's error is estimated as in Ridders' method (C. J. F. Ridders, "Accurate computation of
 * F'(x) and F'(x)F''(x)", Adv. Eng. Software 4 (1982) 75-76; Numerical Recipes §5.7 `dfridr`): the
 * larger of its distances to its two parents, plus the rounding error it inherits from the f values.
 */

import { MAX_COLUMNS } from "./constants.js";

/** The best entry of a tableau so far. */
export interface TableauBest {
  value: number;
  error: number;
  /** The smallest step among the rows behind the entry. */
  step: number;
  /** Row of the entry. */
  row: number;
  /** The part of `error` that comes from rounding in the f values. */
  rounding: number;
}

/**
 * A Neville-Richardson tableau. Push a base difference per step, read the best entry.
 *
 * @example
 * ```ts
 * const tab = new Tableau(2);
 * for (const h of [0.1, 0.05, 0.025]) tab.push((Math.sin(1 + h) - Math.sin(1 - h)) / (2 * h), h, 1e-15);
 * tab.best.value; // ≈ cos(1) = 0.5403023058681398, error ≈ 1e-10
 * ```
 */
export class Tableau {
  /** Rows pushed so far. */
  rows = 0;
  /** Best (smallest-error) entry of column ≥ 1 so far; error Infinity until two rows exist. */
  best: TableauBest = { value: NaN, error: Infinity, step: NaN, row: -1, rounding: NaN };
  /** Smallest error of an entry in the newest row. */
  lastRowError = Infinity;
  /**
   * The newest row's best entry with a sharper error estimate, or undefined when the newest two rows
   * are not both trusted. Ridders' estimate is the error of the entry's lower-order parent; when the
   * row errors fall geometrically (e_{i-1} → e_i), the entry itself is off by about e_i²/e_{i-1}
   * (the next term of that geometric sequence; cf. Aitken's Δ² estimate). The rounding part is kept.
   */
  sharpened: TableauBest | undefined = undefined;
  private rowBest: (TableauBest & { trusted: boolean }) | undefined = undefined;
  private readonly t: number[] = [];
  /** Steps of the rows, newest last. */
  readonly steps: number[] = [];
  private prev: number[] = [];
  private prevRound: number[] = [];
  /** Base differences (column 0), newest last. */
  readonly base: number[] = [];
  /** Rounding error of each base difference. */
  readonly baseRounding: number[] = [];

  constructor(private readonly power: number) {}

  /** Drops the best entry so far (its rows turned out not to be in the asymptotic regime). */
  forgetBest(): void {
    this.best = { value: NaN, error: Infinity, step: NaN, row: -1, rounding: NaN };
    this.rowBest = undefined;
  }

  /**
   * Adds the base difference `d` at step `h` with rounding error `rounding`. Entries of the row
   * become candidates for `best` only when `trusted` (the caller has seen the differences behave
   * asymptotically there); otherwise two garbage values that agree by chance could win.
   */
  push(d: number, h: number, rounding: number, trusted = true): void {
    const i = this.rows++;
    // t is taken relative to the first step: only ratios matter, and h² overflows for h near 1e300.
    this.t.push((h / (this.steps[0] ?? h)) ** this.power);
    this.steps.push(h);
    this.base.push(d);
    this.baseRounding.push(rounding);
    const cur = [d];
    const curRound = [rounding];
    let rowError = Infinity;
    let rowBest: TableauBest | undefined;
    const cols = Math.min(i, MAX_COLUMNS - 1);
    for (let j = 1; j <= cols; j++) {
      const q = this.t[i - j] / this.t[i] - 1;
      const v = cur[j - 1] + (cur[j - 1] - this.prev[j - 1]) / q;
      const r = curRound[j - 1] + (curRound[j - 1] + this.prevRound[j - 1]) / q;
      cur.push(v);
      curRound.push(r);
      const e = Math.max(Math.abs(v - cur[j - 1]), Math.abs(v - this.prev[j - 1])) + r;
      if (e < rowError) {
        rowError = e;
        rowBest = { value: v, error: e, step: h, row: i, rounding: r };
      }
      if (trusted && e < this.best.error) this.best = { value: v, error: e, step: h, row: i, rounding: r };
    }
    this.lastRowError = rowError;
    const before = this.rowBest;
    this.sharpened = undefined;
    if (rowBest !== undefined && trusted && before !== undefined && before.trusted) {
      const ePrev = before.error - before.rounding;
      const e = rowBest.error - rowBest.rounding;
      if (e < ePrev) this.sharpened = { ...rowBest, error: (e * e) / ePrev + rowBest.rounding };
    }
    this.rowBest = rowBest === undefined ? undefined : { ...rowBest, trusted };
    this.prev = cur;
    this.prevRound = curRound;
  }
}
