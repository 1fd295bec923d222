/**
 * The kink test on a third or fourth derivative's stencil pairs. The base central stencils of orders 3
 * and 4 hold two pairs of points per row, x ± h and x ± 2h, so each row gives the part the stencil
 * cancels at two distances s = h and 2h: g(s) = f(x + s) + f(x − s) at order 3 (even: a jump J in f′
 * adds J·s), (f(x + s) − f(x − s))/s at order 4 (a jump J in f″ adds J·s/2, a jump in f itself J/s).
 * With steps that halve, g(2h) of a row is g(h) of the row before, so three rows give g at four
 * distances, h/4 … 2h: enough for the kink test's cleaned form (kink-test.ts, cleanedRatio), which
 * removes the s² term of the smooth part (f″ or f‴, which rules the changes at the steps where a
 * cubic's or a smooth f's column converges in three rows) and leaves J·s (a ratio of 1/2) or J/s (2),
 * where a smooth f leaves s⁴ (1/16). No call of f is added: the values are the column's own.
 * (t³ − 2t + 0.004·max(0, t − c) at c, order 3: the row test read the changes of f″ and let 6 ±
 * 3e-13 pass, where f′ jumps at c.)
 */

/**
 * Distances a pair history holds: the cleaned test's four.
 *
 * @example
 * ```ts
 * PAIR_DEPTH; // => 4
 * ```
 */
export const PAIR_DEPTH = 4;

/**
 * How far 2h of a row may be from the step of the row before (relative) for the two to be one distance:
 * steps made representable beside x (step.ts, representableStep) are off their halves by a few ulps of
 * x; any other ratio of steps starts the history again.
 *
 * @example
 * ```ts
 * PAIR_STEP_SLACK; // => 1e-9
 * ```
 */
export const PAIR_STEP_SLACK = 1e-9;

/**
 * The parts g at the last PAIR_DEPTH distances of each component (newest, the smallest distance,
 * first), with the rounding error of the newest.
 *
 * @example
 * ```ts
 * const p = new PairParts(1);
 * p.push(0, 0.5, 2.25, 3, 1e-16); // the row at h = 0.5: g(0.5) = 2.25, g(1) = 3
 * p.push(0, 0.25, 2.0625, 2.25, 1e-16); // h halved: four distances known after one more row
 * p.count[0]; // => 3
 * ```
 */
export class PairParts {
  /** g of component k at its PAIR_DEPTH newest distances in part[k·PAIR_DEPTH …], newest first. */
  readonly part: Float64Array;
  /** How many of those are known. */
  readonly count: Int8Array;
  /** The step of the component's last row, and the rounding error of its g(h). */
  readonly step: Float64Array;
  readonly rounding: Float64Array;

  /**
   * At order 2 (pushOne), the history as it stood when a row came at a step that was not half the
   * last one but shorter (the column's far row after settled ones, driver.ts): its parts (newest
   * first), how many, their newest step and rounding. farRowFlags (far-row-check.ts) holds the far
   * row's part against them. Null until such a row comes, and
   * for histories of more than one component.
   */
  before: { part: Float64Array; count: number; step: number; rounding: number } | null = null;

  constructor(readonly m: number) {
    this.part = new Float64Array(PAIR_DEPTH * m);
    this.count = new Int8Array(m);
    this.step = new Float64Array(m);
    this.rounding = new Float64Array(m);
  }

  /**
   * Copies component k's parts from `from` (another history of the same m): the scalar engine keeps
   * the parts of the column its estimate came from while a probe at another scale runs
   * (scalar-column.ts, keepPairs).
   *
   * @example
   * ```ts
   * const a = new PairParts(1);
   * a.pushOne(0, 0.5, 2.25, 1e-16);
   * const b = new PairParts(1);
   * b.copy(a, 0);
   * b.count[0]; // => 1
   * ```
   */
  copy(from: PairParts, k: number): void {
    const at = k * PAIR_DEPTH;
    for (let i = 0; i < PAIR_DEPTH; i++) this.part[at + i] = from.part[at + i];
    this.count[k] = from.count[k];
    this.step[k] = from.step[k];
    this.rounding[k] = from.rounding[k];
    this.before = from.before === null ? null : { ...from.before, part: from.before.part.slice() };
  }

  /** Forgets component k's parts (a new column, or a new scale). */
  forget(k: number): void {
    this.count[k] = 0;
    this.step[k] = NaN;
    this.before = null;
  }

  /**
   * Takes component k's row at step h: g(h), g(2h) and the rounding error of g(h); returns how many
   * distances are known, from h on.
   */
  push(k: number, h: number, gh: number, g2h: number, rounding: number): number {
    const at = k * PAIR_DEPTH;
    const p = this.part;
    const halved = Math.abs(2 * h - this.step[k]) <= PAIR_STEP_SLACK * h;
    if (halved) {
      for (let i = PAIR_DEPTH - 1; i >= 2; i--) p[at + i] = p[at + i - 1];
      this.count[k] = Math.min(PAIR_DEPTH, this.count[k] + 1);
    } else this.count[k] = 2;
    p[at] = gh;
    p[at + 1] = g2h;
    this.step[k] = h;
    this.rounding[k] = rounding;
    return this.count[k];
  }

  /**
   * Takes component k's row at step h of a stencil with one pair (order 2: x ± h): g(h) and its
   * rounding error; returns how many distances are known, from h on (odd-part-check.ts reads them).
   */
  pushOne(k: number, h: number, gh: number, rounding: number): number {
    const at = k * PAIR_DEPTH;
    const p = this.part;
    if (Math.abs(2 * h - this.step[k]) <= PAIR_STEP_SLACK * h) {
      p[at + 3] = p[at + 2];
      p[at + 2] = p[at + 1];
      p[at + 1] = p[at];
      const c = this.count[k];
      this.count[k] = c < PAIR_DEPTH ? c + 1 : PAIR_DEPTH;
    } else {
      if (this.m === 1 && this.count[k] >= 3 && h < this.step[k]) this.keepBefore(k);
      else this.before = null;
      this.count[k] = 1;
    }
    p[at] = gh;
    this.step[k] = h;
    this.rounding[k] = rounding;
    return this.count[k];
  }

  /** Copies component k's history aside as `before` (see there; the scalar engine has one component). */
  private keepBefore(k: number): void {
    const at = k * PAIR_DEPTH;
    this.before = {
      part: this.part.slice(at, at + PAIR_DEPTH),
      count: this.count[k],
      step: this.step[k],
      rounding: this.rounding[k],
    };
  }
}
