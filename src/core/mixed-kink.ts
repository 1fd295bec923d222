/**
 * A mixed Hessian entry beside a kink of one of f's first partials: the one-sided comparison of
 * mixed-partial.ts's stencil.
 *
 * The stencil's corners at step c, f₊₊, f₊₋, f₋₊, f₋₋ (signs of the offsets d_i = c·s_i and d_j = c·s_j),
 * give ∂f/∂x_j beside x on either side along x_i: D_j(±) = (f_±₊ − f_±₋)/(2d_j). The central mixed value
 * is (D_j(+) − D_j(−))/(2d_i); where ∂f/∂x_j has a kink along x_i at x (relu(x₀)·x₁ at x₀ = 0: ∂f/∂x₁ =
 * relu(x₀)), the forward and backward quotients (D_j(±) − D_j(0))/(±d_i) differ by the jump J of
 * ∂²f/∂x_i∂x_j, and the central one converges to their midpoint with no sign of it (0.5 ± 2.7e-15, ok,
 * where the sides are 0 and 1). Their difference is
 *
 *   Q_i(c) = (f₊₊ − f₊₋) + (f₋₊ − f₋₋) − 2·(f(x + d_j·e_j) − f(x − d_j·e_j)) = 2d_j·(D_j(+) + D_j(−) − 2D_j(0)),
 *
 * 2·d_i·d_j·J + O(c³) at a kink, O(c³) for smooth f (d_i²·∂³f/∂x_i²∂x_j), and exactly 0 for f = a(x_i) +
 * b(x_j), whatever a and b do; along x_j the same with the roles swapped (x₀·|x₁| at x₁ = 0).
 *
 * The first two terms are the column's own: the odd part of g(c) = f(x + c·u) − f(x + c·v)
 * (MixedSource), g(c) − g(−c), and with the sums S(c) = f(plus) + f(minus), S(c) − S(−c) along x_j. Both
 * are kept per row over halving steps, and a jump is first read from them alone, as the scalar engine
 * reads a jump of f″ from its rows (odd-part-check.ts, rowsJump; from three rows only where they lie on
 * a line, from two only on a line through the origin: jumpFromRows). They also move with f's dependence on x_j alone (a C1 join of b, or b at steps that are not
 * yet asymptotic), so they only ask: where one shows a jump of more than MIXED_ASK_SIGNAL times its
 * uncertainty and twice the entry's error, the two axis points of each of the three newest rows are
 * asked (6 calls, 4 with two rows; none for a smooth f whose rows show nothing) and Q_i/(2d_id_j) at those steps,
 * extrapolated to c = 0 (confirmedJump), decides: its jump above MIXED_JUMP_SIGNAL times its uncertainty
 * and twice the error makes the entry "not-differentiable" with an error that holds both sides.
 */

import { EPS, F_ROUNDING } from "./constants.js";
import { rowsJump } from "./odd-part-check.js";
import { PAIR_STEP_SLACK } from "./pair-parts.js";
import { representableStep } from "./step.js";

/**
 * How many times its uncertainty the jump a mixed entry's rows show must be to ask for the axis points
 * (MixedSides.asks): 16, as the kink test's KINK_SIGNAL. The rows move with f's dependence on one
 * coordinate alone, at steps scaled to |x| that need not be asymptotic for it (cos x₀ at x₀ = 167,
 * steps of 10): in the honesty scan's smooth Hessians 4 asked at 28 of 831 mixed entries (6 calls
 * each, none confirmed), 16 at none; a kink's rows show it at thousands of times their uncertainty
 * (relu(x₀)·sin x₁: 0.956 ± 2.3e-4; relu(x₀)·x₁: exactly, on a line).
 *
 * @default 16
 * @example
 * ```ts
 * MIXED_ASK_SIGNAL; // => 16
 * ```
 */
export const MIXED_ASK_SIGNAL = 16;

/**
 * How many times its uncertainty a mixed entry's confirmed jump must be to count (confirm): 4, as the
 * Hessian diagonal's anchored jump (ANCHORED_JUMP_SIGNAL).
 *
 * @default 4
 * @example
 * ```ts
 * MIXED_JUMP_SIGNAL; // => 4
 * ```
 */
export const MIXED_JUMP_SIGNAL = 4;

/**
 * The rounding of three rows' line test (jumpFromRows) in units of the newest part's rounding: the
 * residual O(4s) − 3·O(2s) + 2·O(s) has weights summing to 6 in absolute value.
 *
 * @default 6
 * @example
 * ```ts
 * LINE_ROUNDING; // => 6
 * ```
 */
export const LINE_ROUNDING = 6;

/**
 * Calls of f the confirmation of one direction makes at most: two axis points at each of three rows
 * (MixedSides.confirmCalls: two rows, where the column had only two).
 *
 * @default 6
 * @example
 * ```ts
 * CONFIRM_CALLS; // => 6
 * ```
 */
export const CONFIRM_CALLS = 6;

/** Rows a mixed column's history keeps (rowsJump reads four). */
const DEPTH = 4;

/**
 * A jump and its uncertainty.
 *
 * @example
 * ```ts
 * const j: Jump = { jump: 1, uncertainty: 1e-14 }; // relu(x₀)·x₁'s ∂²f/∂x₀∂x₁ at x₀ = 0: 0 → 1
 * ```
 */
export interface Jump {
  jump: number;
  uncertainty: number;
}

/**
 * A jump J of a second derivative read from odd parts O (newest first, at s, 2s, 4s (, 8s)), with its
 * uncertainty, in the units of the parts' g″: from four parts, odd-part-check.ts's rowsJump; from
 * three, the line through them, J = 2·(O(2s) − O(s))/s, its uncertainty the line's miss at the widest
 * part, |O(4s) − 3·O(2s) + 2·O(s)|, plus LINE_ROUNDING times the rounding, both times 2/s; from two,
 * the line through them and the origin, J = 2·O(s)/s, its uncertainty |O(2s) − 2·O(s)| (the line's
 * intercept: a smooth odd part is even in s, so it can pass through the origin only where it is 0) plus
 * the rounding, both times 2/s (x₀·|x₁| at (1, 0): g is 0, its column ends after two rows, and the sums'
 * odd part is 4·s_i·s_j·s). Fewer parts: no jump.
 *
 * @example
 * ```ts
 * const O = (s: number) => 3 + 0.5 * s; // a line: g″ jumps by 1
 * jumpFromRows([O(0.0625), O(0.125), O(0.25)], 3, 0.0625, 1e-16).jump; // => 1
 * ```
 */
export function jumpFromRows(part: ArrayLike<number>, count: number, step: number, rounding: number): Jump {
  if (count >= 4) return rowsJump(part, step, rounding);
  if (count < 2) return { jump: 0, uncertainty: Infinity };
  if (count === 2) {
    const intercept = Math.abs(part[1] - 2 * part[0]);
    return { jump: (2 * part[0]) / step, uncertainty: (2 * (intercept + LINE_ROUNDING * rounding)) / step };
  }
  const miss = Math.abs(part[2] - 3 * part[1] + 2 * part[0]);
  return {
    jump: (2 * (part[1] - part[0])) / step,
    uncertainty: (2 * (miss + LINE_ROUNDING * rounding)) / step,
  };
}

/**
 * The jump of ∂²f/∂x_i∂x_j at c = 0 from q(c) = Q(c)/(2d_id_j) at c = s, 2s, 4s (`q`, newest first;
 * see the file comment): q = J + M·c + N·c² + …, J = (8q(s) − 6q(2s) + q(4s))/3; its uncertainty the
 * change from the two-row value 2q(s) − q(2s), plus the spread |q(s) − q(2s)| + |q(2s) − q(4s)|, plus
 * `rounding` (that of q(s)) times the weights' sum, 5. From two rows (`q` of length 2): 2q(s) − q(2s), its
 * uncertainty |q(s) − q(2s)| plus 3 times the rounding.
 *
 * @example
 * ```ts
 * confirmedJump([1, 1, 1], 1e-16).jump; // => 1 (relu(x₀)·x₁: Q = 2d_id_j exactly)
 * confirmedJump([0.01, 0.02, 0.04], 1e-16).jump; // ≈ 0 (a smooth f: q ∝ c)
 * ```
 */
export function confirmedJump(q: ArrayLike<number>, rounding: number): Jump {
  // Each extrapolation carries its rows' rounding times the sum of its weights' sizes: |2| + |−1| = 3
  // for two rows, (|8| + |−6| + |1|)/3 = 5 for three.
  if (q.length === 2) return { jump: 2 * q[0] - q[1], uncertainty: Math.abs(q[0] - q[1]) + 3 * rounding };
  const three = (8 * q[0] - 6 * q[1] + q[2]) / 3;
  const two = 2 * q[0] - q[1];
  // A kink's q is J plus terms in c, which move q by M·c per row; noise scatters q at random, and its
  // spread, added, keeps a chance agreement of the extrapolations from passing (f with relative noise).
  const spread = Math.abs(q[0] - q[1]) + Math.abs(q[1] - q[2]);
  return { jump: three, uncertainty: Math.abs(three - two) + spread + 5 * rounding };
}

/**
 * The odd parts of a mixed entry's columns (see the file comment), row by row as the column's points
 * come (c < 0 before c > 0, as the central stencil's offsets −1, 0, 1), raw (before mixedValue's
 * rescaling), and those of the richest column over the scales (more rows at halving steps, then the
 * smaller steps, as the scalar engine's keepPairs), with its scales s_i, s_j.
 *
 * @example
 * ```ts
 * const sides = new MixedSides();
 * sides.clear();
 * sides.begin(1, 1, 0);
 * // sides.take(c, plus, minus) for each point of the column, then:
 * sides.end();
 * sides.asks(1e-15); // => [] (no rows: nothing to confirm)
 * ```
 */
export class MixedSides {
  // The current column's rows, newest first: step c, g(c) − g(−c), S(c) − S(−c), Σ|f| of the four.
  private readonly step = new Float64Array(DEPTH);
  private readonly oddI = new Float64Array(DEPTH);
  private readonly oddJ = new Float64Array(DEPTH);
  private readonly size = new Float64Array(DEPTH);
  private count = 0;
  // The kept column's.
  private readonly keptStep = new Float64Array(DEPTH);
  private readonly keptI = new Float64Array(DEPTH);
  private readonly keptJ = new Float64Array(DEPTH);
  private readonly keptSize = new Float64Array(DEPTH);
  private keptCount = 0;
  /** The kept column's scales and noise per value of g. */
  si = NaN;
  sj = NaN;
  private keptNoise = 0;
  private curI = NaN;
  private curJ = NaN;
  private noise = 0;
  /** The point at −c of the row in progress (NaN when none): g, S and Σ|f|. */
  private lowC = NaN;
  private lowG = 0;
  private lowS = 0;
  private lowSize = 0;

  /** Forgets every column (a new entry). */
  clear(): void {
    this.keptCount = 0;
    this.si = this.sj = NaN;
  }

  /** Starts the column of scales s_i, s_j with `noise` per value of g in its model. */
  begin(si: number, sj: number, noise: number): void {
    this.count = 0;
    this.curI = si;
    this.curJ = sj;
    this.noise = noise;
    this.lowC = NaN;
  }

  /** The values f(plus) and f(minus) of the column's point c (MixedSource, mixedRow). */
  take(c: number, plus: number, minus: number): void {
    if (!(Number.isFinite(plus) && Number.isFinite(minus))) {
      this.lowC = NaN;
      return;
    }
    const g = plus - minus;
    const s = plus + minus;
    const size = Math.abs(plus) + Math.abs(minus);
    if (c < 0) {
      [this.lowC, this.lowG, this.lowS, this.lowSize] = [c, g, s, size];
      return;
    }
    if (c > 0 && c === -this.lowC) this.push(c, g - this.lowG, s - this.lowS, size + this.lowSize);
    this.lowC = NaN;
  }

  private push(c: number, oddI: number, oddJ: number, size: number): void {
    const halved = this.count > 0 && Math.abs(2 * c - this.step[0]) <= PAIR_STEP_SLACK * c;
    // A run of halving rows that a longer stride ends is kept as a column's would be: a column that
    // strides on into noise (x₀·|x₁| under noise of 1e-8: rows at 1/4 … 1/16, then steps 16 times
    // smaller down to 2e-16) shows a jump only in its first rows.
    if (!halved && this.count >= 2) this.end();
    if (!halved) this.count = 0;
    for (let r = Math.min(this.count, DEPTH - 1); r > 0; r--) {
      this.step[r] = this.step[r - 1];
      this.oddI[r] = this.oddI[r - 1];
      this.oddJ[r] = this.oddJ[r - 1];
      this.size[r] = this.size[r - 1];
    }
    [this.step[0], this.oddI[0], this.oddJ[0], this.size[0]] = [c, oddI, oddJ, size];
    this.count = Math.min(this.count + 1, DEPTH);
  }

  /** A copy of the kept rows (what asks, axisPoints and confirm read), free of later columns. */
  keptCopy(): MixedSides {
    const c = new MixedSides();
    c.keptStep.set(this.keptStep);
    c.keptI.set(this.keptI);
    c.keptJ.set(this.keptJ);
    c.keptSize.set(this.keptSize);
    [c.keptCount, c.si, c.sj, c.keptNoise] = [this.keptCount, this.si, this.sj, this.keptNoise];
    return c;
  }

  /** Whether rows are kept (two or more, at halving steps): what asks, axisPoints and confirm read. */
  hasRows(): boolean {
    return this.keptCount >= 2;
  }

  /**
   * A copy of the kept rows read with `noise` per value of g where it exceeds their own: a first
   * run's rows, for the rerun with f's noise level in its model that left none (mixed-partial.ts).
   */
  withNoise(noise: number): MixedSides {
    const c = this.keptCopy();
    c.keptNoise = Math.max(c.keptNoise, noise);
    return c;
  }

  /** Ends the column: its rows are kept when richer than those kept. */
  end(): void {
    const n = this.count;
    if (n < 2 || !(this.keptCount < n || (this.keptCount === n && this.step[0] < this.keptStep[0]))) return;
    this.keptStep.set(this.step);
    this.keptI.set(this.oddI);
    this.keptJ.set(this.oddJ);
    this.keptSize.set(this.size);
    this.keptCount = n;
    [this.si, this.sj, this.keptNoise] = [this.curI, this.curJ, this.noise];
  }

  /**
   * The directions (0: along x_i, 1: along x_j) whose kept rows show a jump of the mixed partial of
   * more than MIXED_ASK_SIGNAL times its uncertainty and twice `error` (see the file comment).
   */
  asks(error: number): number[] {
    const n = this.keptCount;
    if (n < 2) return [];
    const s = this.keptStep[0];
    const rounding = (F_ROUNDING * EPS * this.keptSize[0] + 2 * this.keptNoise) / s;
    const out: number[] = [];
    for (const [d, odd] of [this.keptI, this.keptJ].entries()) {
      const parts = Array.from({ length: n }, (_, r) => odd[r] / this.keptStep[r]);
      const j = jumpFromRows(parts, n, s, rounding);
      // In the entry's units: g″ = 4·s_i·s_j·∂²f/∂x_i∂x_j (two divisions, as the entry's value).
      const jump = Math.abs(j.jump) / (4 * this.si) / this.sj;
      const uncertainty = j.uncertainty / (4 * this.si) / this.sj;
      if (jump > MIXED_ASK_SIGNAL * uncertainty && jump / 2 > error) out.push(d);
    }
    return out;
  }

  /** The rows a confirmation reads: the kept column's newest three (two where it has only two). */
  private confirmRows(): number {
    return Math.min(this.keptCount, 3);
  }

  /** Calls of f a confirmation of one direction makes: two axis points per row it reads. */
  confirmCalls(): number {
    return Math.min(CONFIRM_CALLS, 2 * this.confirmRows());
  }

  /**
   * The axis points of direction d at the kept column's three newest rows, [x_i, x_j] pairs in the
   * order plus, minus per row: (x_i, x_j ± d_j) along x_i, (x_i ± d_i, x_j) along x_j, with the steps
   * the corners took (mixedPoints: representableStep of s·c).
   */
  axisPoints(xi: number, xj: number, d: number): number[][] {
    const out: number[][] = [];
    for (let r = 0; r < this.confirmRows(); r++) {
      const c = this.keptStep[r];
      if (d === 0) {
        const dj = representableStep(xj, this.sj * c);
        out.push([xi, xj + dj], [xi, xj - dj]);
      } else {
        const di = representableStep(xi, this.si * c);
        out.push([xi + di, xj], [xi - di, xj]);
      }
    }
    return out;
  }

  /**
   * The jump of direction d confirmed by its axis values (`axis`, in axisPoints' order), in the
   * entry's units, or null where it is not above MIXED_JUMP_SIGNAL times its uncertainty and twice
   * `error` (or an axis value is not finite).
   */
  confirm(xi: number, xj: number, d: number, axis: ArrayLike<number>, error: number): Jump | null {
    const q = new Float64Array(this.confirmRows());
    let rounding = 0;
    for (let r = 0; r < q.length; r++) {
      const [plus, minus] = [axis[2 * r], axis[2 * r + 1]];
      if (!(Number.isFinite(plus) && Number.isFinite(minus))) return null;
      const c = this.keptStep[r];
      const di = representableStep(xi, this.si * c);
      const dj = representableStep(xj, this.sj * c);
      const odd = d === 0 ? this.keptI[r] : this.keptJ[r];
      const scale = 2 * di * dj;
      q[r] = (odd - 2 * (plus - minus)) / scale;
      if (r === 0) {
        const size = this.keptSize[0] + 2 * (Math.abs(plus) + Math.abs(minus));
        rounding = (F_ROUNDING * EPS * size + 4 * this.keptNoise) / scale;
      }
    }
    const j = confirmedJump(q, rounding);
    const jump = Math.abs(j.jump);
    return jump > MIXED_JUMP_SIGNAL * j.uncertainty && jump / 2 > error ? j : null;
  }
}

/**
 * The error of a mixed entry whose confirmed jumps (one per direction asked, null where not
 * confirmed) show ∂²f/∂x_i∂x_j jumping at x: half the larger jump plus its uncertainty plus the
 * error, so that the interval holds both sides; null where none was confirmed.
 *
 * @example
 * ```ts
 * kinkError(2.7e-15, [{ jump: 1, uncertainty: 1e-14 }, null]); // ≈ 0.5
 * kinkError(2.7e-15, [null]); // => null
 * ```
 */
export function kinkError(error: number, jumps: readonly (Jump | null)[]): number | null {
  let best: Jump | null = null;
  for (const j of jumps)
    if (j !== null && (best === null || Math.abs(j.jump) > Math.abs(best.jump))) best = j;
  return best === null ? null : Math.abs(best.jump) / 2 + best.uncertainty + error;
}
