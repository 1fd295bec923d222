/**
 * A mixed Hessian entry beside a kink of one of f's first partials: the one-sided comparison of
 * mixed-partial.ts's stencil, read from the column's own values (no call of f).
 *
 * The stencil's four corners at step c, f₊₊, f₊₋, f₋₊, f₋₋ (signs of the offsets c·s_i and c·s_j), give
 * ∂f/∂x_j beside x on either side along x_i: D_j(±) = (f_±₊ − f_±₋)/(2c·s_j). The central mixed value is
 * (D_j(+) − D_j(−))/(2c·s_i); where ∂f/∂x_j has a kink along x_i at x (relu(x₀)·x₁ at x₀ = 0: ∂f/∂x₁ =
 * relu(x₀)), the forward and backward quotients differ by the jump J of ∂²f/∂x_i∂x_j, and the central
 * one converges to their midpoint with no sign of it (0.5 ± 2.7e-15, ok, where the sides are 0 and 1).
 * The quotients' sum is in the odd part of g(c) = f(x + c·u) − f(x + c·v) (mixed-partial.ts's
 * MixedSource): O_i(c) = (g(c) − g(−c))/c = 2g′(0) + J·c·4s_is_j/2 + g‴(0)·c²/3 + …, a term linear in c
 * that a smooth g cannot have. The same corners summed the other way, S(c) = f₊₊ + f₊₋ at c > 0 and
 * f₋₋ + f₋₊ at c < 0, give O_j(c) = (S(c) − S(−c))/c, whose linear term is a jump along x_j (x₀·|x₁|
 * at x₁ = 0). Both are kept per row as pair-parts.ts's odd parts, over halving steps, and the jump is
 * read from them as the scalar engine reads a jump of f″ from its rows (odd-part-check.ts, rowsJump):
 * from four rows with its uncertainty; from three rows only where they lie on a line to within their
 * rounding (A + J·c/2: piecewise polynomials such as relu(x₀)·x₁, whose even part converges in three
 * rows), since three values of a smooth odd part fit the line only by chance at a step ratio of 2 (A +
 * B·c² steps 4 times more per row at the wider pair). The corners straddle x_j at either sign of c, so
 * O_i also moves with a jump of ∂²f/∂x_j² across x_j (and O_j with one of ∂²f/∂x_i² across x_i): the
 * diagonal entries' own sides take that share out (mixedKinkError). A jump still above MIXED_JUMP_SIGNAL
 * times its uncertainty and more than twice the entry's error makes the entry "not-differentiable"
 * with an error that covers both sides (hessian.ts, settleMixedKinks).
 */

import { EPS, F_ROUNDING } from "./constants.js";
import { rowsJump } from "./odd-part-check.js";
import { PAIR_DEPTH, PairParts } from "./pair-parts.js";
import type { OneSided } from "./types.js";

/**
 * How many times its uncertainty a mixed entry's jump must be to count: 4, as the Hessian diagonal's
 * anchored jump (ANCHORED_JUMP_SIGNAL), twice the diagonal's rows-only signal (ROWS_JUMP_SIGNAL): a
 * mixed entry has no one-sided columns to confirm a flag, so the flag alone decides.
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
 * A jump J of a second derivative read from odd parts (newest first, at s, 2s, 4s (, 8s)), with its
 * uncertainty, in the units of the parts' g″: from four parts, odd-part-check.ts's rowsJump; from
 * three, the line through them, J = 2·(O(2s) − O(s))/s, its uncertainty the line's miss at the widest
 * part, |O(4s) − 3·O(2s) + 2·O(s)|, plus LINE_ROUNDING times the rounding, both times 2/s. Fewer parts:
 * no jump.
 *
 * @example
 * ```ts
 * const O = (s: number) => 3 + 0.5 * s; // a line: g″ jumps by 1
 * jumpFromRows([O(0.0625), O(0.125), O(0.25)], 3, 0.0625, 1e-16).jump; // => 1
 * ```
 */
export function jumpFromRows(
  part: ArrayLike<number>,
  count: number,
  step: number,
  rounding: number,
): { jump: number; uncertainty: number } {
  if (count >= 4) return rowsJump(part, step, rounding);
  if (count < 3) return { jump: 0, uncertainty: Infinity };
  const miss = Math.abs(part[2] - 3 * part[1] + 2 * part[0]);
  return {
    jump: (2 * (part[1] - part[0])) / step,
    uncertainty: (2 * (miss + LINE_ROUNDING * rounding)) / step,
  };
}

/**
 * The odd parts O_i and O_j of a mixed entry's columns (see the file comment), row by row as the
 * column's points come (c < 0 before c > 0, as the central stencil's offsets −1, 0, 1), and those of
 * the richest column over the scales (more rows at halving steps, then the smaller steps, as the
 * scalar engine's keepPairs).
 *
 * @example
 * ```ts
 * const sides = new MixedSides();
 * sides.clear();
 * sides.begin(1, 1, 0);
 * // sides.take(c, plus, minus, factor) for each point of the column, then:
 * sides.end();
 * sides.jump(); // => { jump: 0, uncertainty: Infinity } (no rows)
 * ```
 */
export class MixedSides {
  /** The current column's parts: component 0 is O_i, component 1 is O_j. */
  private readonly parts = new PairParts(2);
  /** The richest column's parts, and its s_i and s_j. */
  private readonly kept = new PairParts(2);
  private keptI = NaN;
  private keptJ = NaN;
  private si = NaN;
  private sj = NaN;
  private noise = 0;
  /** The point at −c of the row in progress (c = NaN when none): g, S and Σ|f|, rescaled. */
  private lowC = NaN;
  private lowG = 0;
  private lowS = 0;
  private lowSize = 0;

  /** Forgets every column (a new entry). */
  clear(): void {
    this.kept.forget(0);
    this.kept.forget(1);
    this.keptI = this.keptJ = NaN;
  }

  /** Starts the column of scales s_i, s_j with `noise` per value of g in its model. */
  begin(si: number, sj: number, noise: number): void {
    this.parts.forget(0);
    this.parts.forget(1);
    this.si = si;
    this.sj = sj;
    this.noise = noise;
    this.lowC = NaN;
  }

  /**
   * The values f(plus) and f(minus) of the column's point c (MixedSource), `factor` the rescaling of
   * the representable steps to the nominal ones (mixedPoints' out[3]), NaN where a step vanished.
   */
  take(c: number, plus: number, minus: number, factor: number): void {
    if (!(Number.isFinite(plus) && Number.isFinite(minus) && Number.isFinite(factor))) {
      this.lowC = NaN;
      return;
    }
    const g = (plus - minus) * factor;
    const s = (plus + minus) * factor;
    const size = (Math.abs(plus) + Math.abs(minus)) * factor;
    if (c < 0) {
      [this.lowC, this.lowG, this.lowS, this.lowSize] = [c, g, s, size];
      return;
    }
    if (c > 0 && c === -this.lowC) {
      const rounding = (F_ROUNDING * EPS * (size + this.lowSize) + 2 * this.noise) / c;
      this.parts.pushOne(0, c, (g - this.lowG) / c, rounding);
      this.parts.pushOne(1, c, (s - this.lowS) / c, rounding);
    }
    this.lowC = NaN;
  }

  /** Ends the column: its parts are kept when richer than those kept. */
  end(): void {
    const a = this.parts;
    const b = this.kept;
    if (a.count[0] < 3) return;
    if (b.count[0] < a.count[0] || (b.count[0] === a.count[0] && a.step[0] < b.step[0])) {
      b.copy(a, 0);
      b.copy(a, 1);
      this.keptI = this.si;
      this.keptJ = this.sj;
    }
  }

  /**
   * The jumps the kept rows show along x_i (from O_i) and along x_j (from O_j), in the entry's units
   * (see {@link MixedJumps}); each { 0, Infinity } without three rows.
   */
  jumps(): MixedJumps {
    const p = this.kept;
    const [i, j] = [0, 1].map((k) => {
      if (p.count[k] < 3) return { jump: 0, uncertainty: Infinity };
      const at = k * PAIR_DEPTH;
      const r = jumpFromRows(p.part.subarray(at, at + PAIR_DEPTH), p.count[k], p.step[k], p.rounding[k]);
      // Two divisions, as the entry's value (mixed-partial.ts): 4·s_i·s_j could underflow.
      return {
        jump: r.jump / (4 * this.keptI) / this.keptJ,
        uncertainty: r.uncertainty / (4 * this.keptI) / this.keptJ,
      };
    });
    return { i, j, ratio: this.keptJ / this.keptI };
  }
}

/** A jump and its uncertainty. */
export interface Jump {
  jump: number;
  uncertainty: number;
}

/**
 * What a mixed entry's rows show (MixedSides.jumps), in the entry's units: `i` from O_i, the jump of
 * ∂²f/∂x_i∂x_j across x_i plus `ratio`/2 times a jump of ∂²f/∂x_j² across x_j; `j` from O_j, the jump
 * across x_j plus 1/(2·ratio) times a jump of ∂²f/∂x_i² across x_i; `ratio` = s_j/s_i of the kept
 * column. (The stencil's corners at c > 0 straddle x_j, at c < 0 too, so a join of f along x_j alone,
 * x₀ + max(0, x₁)², moves O_i as much as a jump of the mixed partial: the diagonal entries tell them
 * apart, see {@link mixedKinkError}.)
 */
export interface MixedJumps {
  i: Jump;
  j: Jump;
  ratio: number;
}

/** What a diagonal entry says of its own sides: a status code, an error, one-sided values if any. */
export interface DiagonalSides {
  code: number;
  error: number;
  left?: OneSided;
  right?: OneSided;
}

/**
 * The jump of a diagonal entry with its uncertainty: right − left where it gave both, 0 ± 2·error
 * where it claims a second derivative ("ok", "noise-limited" or "max-evaluations" with an error: each
 * side within its error), null where it says nothing usable (not finite, discontinuous, no sides).
 *
 * @example
 * ```ts
 * diagonalJump({ code: 0, error: 1e-12 }); // => { jump: 0, uncertainty: 2e-12 }
 * diagonalJump({ code: 4, error: Infinity }); // => null
 * ```
 */
export function diagonalJump(d: DiagonalSides): Jump | null {
  if (d.left !== undefined && d.right !== undefined)
    return { jump: d.right.value - d.left.value, uncertainty: d.left.error + d.right.error };
  if (d.code <= MAX_CLAIM_CODE && Number.isFinite(d.error)) return { jump: 0, uncertainty: 2 * d.error };
  return null;
}

/** The highest status code that still claims a number with an error (STATUSES: max-evaluations). */
const MAX_CLAIM_CODE = 2;

/**
 * The error of a mixed entry (value, error) whose rows (`m`) show ∂²f/∂x_i∂x_j jumping at x, or
 * null: each direction's jump less the diagonal's share (see {@link MixedJumps}; `dii`, `djj` the
 * diagonal entries (i, i) and (j, j)), with both uncertainties; where one is above MIXED_JUMP_SIGNAL
 * times its uncertainty and its half above the error, the entry is "not-differentiable" and its error
 * half the larger jump plus its uncertainty plus the error, so that it holds both sides.
 *
 * @example
 * ```ts
 * const m = { i: { jump: 1, uncertainty: 1e-14 }, j: { jump: 0, uncertainty: 1e-14 }, ratio: 1 };
 * const ok = { code: 0, error: 1e-13 };
 * mixedKinkError(0.5, 2.7e-15, m, { code: 4, error: Infinity }, ok); // ≈ 0.5 (relu(x₀)·x₁ at (0, 1))
 * ```
 */
export function mixedKinkError(
  value: number,
  error: number,
  m: MixedJumps,
  dii: DiagonalSides,
  djj: DiagonalSides,
): number | null {
  if (!Number.isFinite(value)) return null;
  let best: Jump | null = null;
  const sides: [Jump, DiagonalSides, number][] = [
    [m.i, djj, m.ratio / 2],
    [m.j, dii, 1 / (2 * m.ratio)],
  ];
  for (const [own, diagonal, share] of sides) {
    const d = diagonalJump(diagonal);
    if (d === null || !(own.uncertainty < Infinity)) continue;
    const jump = own.jump - share * d.jump;
    const uncertainty = own.uncertainty + Math.abs(share) * d.uncertainty;
    if (!(Math.abs(jump) > MIXED_JUMP_SIGNAL * uncertainty && Math.abs(jump) / 2 > error)) continue;
    if (best === null || Math.abs(jump) > Math.abs(best.jump)) best = { jump, uncertainty };
  }
  return best === null ? null : Math.abs(best.jump) / 2 + best.uncertainty + error;
}

/** What {@link settleMixedKinks} reads of an entry: a diagonal one's sides, a mixed one's jumps. */
export interface KinkEntry extends DiagonalSides {
  value: number;
  jumps?: MixedJumps;
}

/**
 * The Hessian's mixed entries held against the jumps their rows show (see {@link mixedKinkError}),
 * after every entry has run (the diagonal's sides known): entry k of the upper triangle t ("ok", with
 * jumps) whose rows show ∂²f/∂x_i∂x_j jumping gets `set(k, error)`, its new error, and becomes
 * "not-differentiable". The sync, batched and async Hessians call it on the same entries.
 *
 * @example
 * ```ts
 * const m = { i: { jump: 1, uncertainty: 1e-14 }, j: { jump: 0, uncertainty: 1e-14 }, ratio: 1 };
 * const entries = [
 *   { value: NaN, error: Infinity, code: 4 },
 *   { value: 0.5, error: 2.7e-15, code: 0, jumps: m },
 *   { value: 0, error: 1e-300, code: 0 },
 * ];
 * settleMixedKinks({ rows: Int32Array.of(0, 0, 1), cols: Int32Array.of(0, 1, 1) }, entries, (k, e) => {
 *   // k = 1, e ≈ 0.5
 * });
 * ```
 */
export function settleMixedKinks(
  t: { rows: Int32Array; cols: Int32Array },
  entries: readonly KinkEntry[],
  set: (k: number, error: number) => void,
): void {
  const n = t.rows.length === 0 ? 0 : t.rows[t.rows.length - 1] + 1;
  const diagonal: KinkEntry[] = new Array<KinkEntry>(n);
  for (let k = 0; k < t.rows.length; k++) if (t.rows[k] === t.cols[k]) diagonal[t.rows[k]] = entries[k];
  for (let k = 0; k < t.rows.length; k++) {
    const e = entries[k];
    if (e.jumps === undefined || e.code !== 0) continue;
    const error = mixedKinkError(e.value, e.error, e.jumps, diagonal[t.rows[k]], diagonal[t.cols[k]]);
    if (error !== null) set(k, error);
  }
}
