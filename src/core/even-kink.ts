/**
 * A kink at x that the rows' kink test missed: the even part E(s) = Σ|w|·f(x ± s) of a central first
 * derivative is E₀ + J·s/2 + b·s² + … where f′ jumps by J at x. Beside a large term of f (a gradient's
 * other coordinates, |f| ≈ 1e9) J·s/2 is a few dozen times f's rounding at the column's steps, and the
 * kink test's ratio of changes, ruled by b·s² there, reads "smooth" (atan t + 0.0028·max(0, t − c) at c
 * beside 1.5e9: 0.491595 ± 1.4e-4, ok, where the slopes are 0.490207 and 0.492998). The noise check's
 * pair at its tiny step s_c gives E₀ (to J·s_c/2): against it, each pair of the column's rows gives J
 * with the s² term removed. A kink gives the same J from the two pairs of the last three rows; a smooth
 * f gives its s⁴ term, 8 times larger from the wider pair. Where J is well above its uncertainty and
 * half of it above the estimate's error, the kink flag sends the estimate to the one-sided columns
 * (side-checks.ts), which decide. No call of its own.
 */

import { COLUMN_FLAG } from "./column-state.js";
import { EPS, F_ROUNDING } from "./constants.js";
import { stencilArrays } from "./base-stencil.js";
import { EVEN_ROWS } from "./long-steps.js";
import type { Estimate, ScalarEngine } from "./scalar-column.js";

/**
 * How many times its uncertainty (its rounding and the two pairs' disagreement) the jump J read from
 * the rows must be to mark a kink: 2. A smooth f's pairs differ by 7/8 of the wider one's value, so it
 * never passes; rounding alone passes only where it is above twice its bound.
 *
 * @default 2
 * @example
 * ```ts
 * ROWS_KINK_SIGNAL; // => 2
 * ```
 */
export const ROWS_KINK_SIGNAL = 2;

/**
 * The jump J of f′ at x from two even parts `ea`, `eb` at steps `sa`, `sb` against the even part `ec`
 * at the tiny step `sc`: with d = E − E(s_c) = J·(s − s_c)/2 + b·(s² − s_c²), the s² term eliminated.
 *
 * @example
 * ```ts
 * const E = (s: number) => 1 + 0.01 * s / 2 - 0.25 * s * s; // a jump of 0.01 beside f″ = −0.5
 * pairJump(E(0.01), 0.01, E(0.02), 0.02, E(1e-7), 1e-7); // ≈ 0.01
 * ```
 */
export function pairJump(ea: number, sa: number, eb: number, sb: number, ec: number, sc: number): number {
  const va = sa * sa - sc * sc;
  const vb = sb * sb - sc * sc;
  return (2 * ((ea - ec) * vb - (eb - ec) * va)) / ((sa - sc) * vb - (sb - sc) * va);
}

/**
 * How far the jumps of the two pairs (rowsShowJump) may differ beyond their rounding, as a share of the
 * wider pair's: 1/4. At a kink they differ by rounding alone (and by a jump of f‴ times s², small at
 * the column's steps); a smooth f's s⁴ term makes them differ by 7/8 of the wider one, and a cusp's
 * part in s^(3/2) (|t|^1.5 at 0, differentiable) by 1 − √½ ≈ 0.29 of it.
 *
 * @default 0.25
 * @example
 * ```ts
 * PAIRS_AGREEMENT; // => 0.25
 * ```
 */
export const PAIRS_AGREEMENT = 0.25;

/**
 * The anchor of the rows' test, held in memory rather than passed (a double passed to a call that is
 * not inlined is boxed, and the common paths call it per point or entry): the even part it is held
 * against, its step, its rounding, the estimate's error and a noise bound on each even part.
 *
 * @example
 * ```ts
 * KINK_ANCHOR.length; // => 5
 * ```
 */
export const KINK_ANCHOR = new Float64Array(5);

/**
 * Where anchoredKink left a read undecided by rounding, or −1: the `at` of the first rows whose jump J
 * (the wider pair's, beyond twice the estimate's error) reached its uncertainty `ro` without passing
 * ROWS_KINK_SIGNAL times it. There rounding is all that holds the test back, and the rows one ladder
 * wider (wide-even-kink.ts) can decide. Reset by whoever reads it (checkEvenKink, the common path's
 * noisyAt) before its reads.
 *
 * @example
 * ```ts
 * KINK_UNDECIDED[0]; // -1 where no read was undecided
 * ```
 */
export const KINK_UNDECIDED = Int32Array.of(-1);

/**
 * The jump J of f′ that anchoredKink read where it last held (the wider pair's), for the engine to
 * keep with its kink flag (ScalarEngine.evenJump).
 *
 * @example
 * ```ts
 * KINK_READ[0]; // J where anchoredKink last returned true
 * ```
 */
export const KINK_READ = new Float64Array(1);

/**
 * Whether the three even rows at `at` in `rows` (even parts newest first, their steps, the newest
 * Σ|w|·|f|: the layout of ScalarEngine.evenRows) show a kink at x against {@link KINK_ANCHOR} that the
 * estimate's error does not cover: the wider pair's jump J (pairJump, written out) beyond
 * ROWS_KINK_SIGNAL times its uncertainty (its rounding plus the two pairs' gap), the pairs agreeing to
 * their rounding and PAIRS_AGREEMENT of J, and |J|/2 beyond the error. The cheap conditions first.
 *
 * @example
 * ```ts
 * const E = (s: number) => 1 + 0.01 * s / 2 - 0.25 * s * s; // a jump of 0.01 beside f″ = −0.5
 * KINK_ANCHOR.set([E(1e-7), 1e-7, 1e-16, 1e-4, 0]);
 * anchoredKink(Float64Array.of(E(0.01), E(0.02), E(0.04), 0.01, 0.02, 0.04, 1), 0); // => true
 * ```
 */
export function anchoredKink(rows: Float64Array, at: number): boolean {
  const ec = KINK_ANCHOR[0];
  const sc = KINK_ANCHOR[1];
  const error = KINK_ANCHOR[3];
  const s0 = rows[at + 3];
  const s1 = rows[at + 4];
  const s2 = rows[at + 5];
  if (!(s0 > sc && s1 > s0 && s2 > s1)) return false;
  const d1 = rows[at + 1] - ec;
  const d2 = rows[at + 2] - ec;
  const v1 = s1 * s1 - sc * sc;
  const v2 = s2 * s2 - sc * sc;
  const det12 = (s1 - sc) * v2 - (s2 - sc) * v1;
  const jo = (2 * (d1 * v2 - d2 * v1)) / det12;
  const size = Math.abs(jo);
  // (A NaN J, from values that are not finite, fails here.)
  if (!(size > 2 * error)) return false;
  const rounding = F_ROUNDING * EPS * rows[at + 6] + KINK_ANCHOR[4];
  const checkRounding = KINK_ANCHOR[2];
  const ro =
    (2 * ((Math.abs(v1) + Math.abs(v2)) * rounding + Math.abs(v2 - v1) * checkRounding)) / Math.abs(det12);
  if (!(size > ROWS_KINK_SIGNAL * ro)) {
    if (size >= ro && KINK_UNDECIDED[0] < 0) KINK_UNDECIDED[0] = at;
    return false;
  }
  const d0 = rows[at] - ec;
  const v0 = s0 * s0 - sc * sc;
  const det01 = (s0 - sc) * v1 - (s1 - sc) * v0;
  const jn = (2 * (d0 * v1 - d1 * v0)) / det01;
  const rn =
    (2 * ((Math.abs(v0) + Math.abs(v1)) * rounding + Math.abs(v1 - v0) * checkRounding)) / Math.abs(det01);
  const gap = Math.abs(jn - jo);
  if (gap > rn + ro + PAIRS_AGREEMENT * size) return false;
  if (!(size > ROWS_KINK_SIGNAL * (ro + gap))) return false;
  KINK_READ[0] = jo;
  return true;
}

/**
 * Whether the read that anchoredKink left undecided (KINK_UNDECIDED, with KINK_ANCHOR as it was set
 * for it) has the shape of a kink: the newer pair of those three even rows reads the older pair's
 * jump within PAIRS_AGREEMENT of it, rounding left out. A kink's pairs read one J; a smooth f's s⁴
 * term makes the newer pair read an eighth of the older's. Only such a read asks for the rows one
 * ladder wider (wide-even-kink.ts): where the rows look like a kink but for their rounding. In the
 * honesty scan's smooth gradients the undecided reads' pairs gave ratios of 0.09 … 0.17 (and −0.17
 * … 0.67, 2 and 5 where rounding ruled), its kinks 0.91 … 1.05. False where nothing was undecided.
 *
 * @example
 * ```ts
 * const E = (s: number) => 1 + 0.01 * s / 2 - 0.25 * s * s; // a jump of 0.01 beside f″ = −0.5
 * KINK_ANCHOR.set([E(1e-7), 1e-7, 1e-16, 1e-4, 0]);
 * KINK_UNDECIDED[0] = 0;
 * undecidedLikeKink(Float64Array.of(E(0.01), E(0.02), E(0.04), 0.01, 0.02, 0.04, 1)); // => true
 * ```
 */
export function undecidedLikeKink(rows: Float64Array): boolean {
  const at = KINK_UNDECIDED[0];
  if (at < 0) return false;
  const ec = KINK_ANCHOR[0];
  const sc = KINK_ANCHOR[1];
  const jo = pairJump(rows[at + 1], rows[at + 4], rows[at + 2], rows[at + 5], ec, sc);
  const jn = pairJump(rows[at], rows[at + 3], rows[at + 1], rows[at + 4], ec, sc);
  return Math.abs(jn - jo) <= PAIRS_AGREEMENT * Math.abs(jo);
}

/**
 * Whether the even rows of the first scale's column or the probe's (`rows`, 2·EVEN_ROWS as
 * ScalarEngine.evenRows holds them) show a jump of f′ at x (anchoredKink) against the even part `ec` at
 * step `sc` (rounding `checkRounding`: the noise check's, or f(x)·Σ|w| at step 0) that the estimate's
 * `error` does not cover; `noise` bounds a noise level's share of each even part.
 *
 * @example
 * ```ts
 * const E = (s: number) => 1 + 0.01 * s / 2 - 0.25 * s * s;
 * const rows = Float64Array.of(E(0.01), E(0.02), E(0.04), 0.01, 0.02, 0.04, 1, NaN, NaN, NaN, NaN, NaN, NaN, NaN);
 * rowsShowKink(rows, E(1e-7), 1e-7, 1e-16, 1e-4); // => true
 * ```
 */
export function rowsShowKink(
  rows: Float64Array,
  ec: number,
  sc: number,
  checkRounding: number,
  error: number,
  noise = 0,
): boolean {
  KINK_ANCHOR[0] = ec;
  KINK_ANCHOR[1] = sc;
  KINK_ANCHOR[2] = checkRounding;
  KINK_ANCHOR[3] = error;
  KINK_ANCHOR[4] = noise;
  return anchoredKink(rows, 0) || anchoredKink(rows, EVEN_ROWS);
}

/**
 * The rows' kink test (see the file comment) of a quiet central first derivative after its noise
 * checks: sets COLUMN_FLAG.kink where anchoredKink holds for the engine's even rows and its last check.
 *
 * @example
 * ```ts
 * checkEvenKink(engine, n, est); // est.flags has kink where the rows show one
 * ```
 */
export function checkEvenKink(engine: ScalarEngine, n: number, est: Estimate): void {
  KINK_UNDECIDED[0] = -1;
  if (engine.o.order !== 1 || est.kind !== "central" || est.flags !== 0 || n !== 2) return;
  if (Number.isNaN(engine.checkD) || !Number.isFinite(est.error)) return;
  // Σ|w|·f over the check's pair x ∓ h_c (the central first difference's weights ∓1/2).
  const lo = engine.checkValues[0];
  const hi = engine.checkValues[1];
  KINK_ANCHOR[0] = 0.5 * lo + 0.5 * hi;
  KINK_ANCHOR[1] = engine.checkH;
  KINK_ANCHOR[2] = F_ROUNDING * EPS * (0.5 * Math.abs(lo) + 0.5 * Math.abs(hi));
  KINK_ANCHOR[3] = est.error;
  KINK_ANCHOR[4] = 0;
  if (anchoredKink(engine.evenRows, 0) || anchoredKink(engine.evenRows, EVEN_ROWS)) {
    est.flags |= COLUMN_FLAG.kink;
    engine.evenJump = KINK_READ[0];
  }
}

/**
 * The rows' kink test for a first derivative that settle's noise stage left (noise-limited, or run
 * again past noise): its last columns' even rows against f(x), where the noise tables have it (no call),
 * their noise level in their rounding. A kink that the noise tables read as noise (cos t + 0.014·|t − c|
 * at c = −1042.7: −0.262527 ± 0.0125, noise-limited, where the slopes are −0.2765 and −0.2486) goes to
 * the one-sided columns.
 *
 * @example
 * ```ts
 * kinkBehindNoise(engine, sampler.known(x), result.error); // true where the rows show a kink
 * ```
 */
export function kinkBehindNoise(engine: ScalarEngine, fx: number, error: number): boolean {
  if (engine.o.order !== 1 || !Number.isFinite(fx) || !Number.isFinite(error)) return false;
  const weightSum = stencilArrays("central", 1).weightSum;
  const noise = engine.state.noise[0] * weightSum;
  const ec = fx * weightSum;
  return rowsShowKink(engine.evenRows, ec, 0, F_ROUNDING * EPS * Math.abs(ec) + noise, error, noise);
}

/**
 * The rows' kink test of Jacobian entry k (jacobian-column.ts, jacobian-common.ts): its column's last
 * three even parts (newest first), their steps and the newest Σ|w|·|F_k| at `at` in `rows` (7 floats),
 * against F_k(x) (`centres[k]`, the job's: no call) and the entry's error (`errors[k]`), as
 * {@link rowsShowKink} holds a derivative's rows against its noise check (sc = 0 here). True where they
 * show a jump of ∂F_k/∂x_j at x that the error does not cover: derivative()'s pipeline then computes the
 * entry again, its one-sided columns deciding. Arrays and indices only (a double passed to a call that
 * is not inlined is boxed: the anchor goes through KINK_ANCHOR).
 *
 * @example
 * ```ts
 * const E = (s: number) => 1 + 0.01 * s / 2 - 0.25 * s * s; // F_k(x) = 1, a jump of 0.01
 * const rows = Float64Array.of(E(0.01), E(0.02), E(0.04), 0.01, 0.02, 0.04, 1);
 * entryShowsKink(rows, 0, [1], Float64Array.of(1e-6), 0); // => true
 * entryShowsKink(rows, 0, [1], Float64Array.of(0.01), 0); // => false (covered)
 * ```
 */
export function entryShowsKink(
  rows: Float64Array,
  at: number,
  centres: ArrayLike<number>,
  errors: Float64Array,
  k: number,
): boolean {
  if (!(rows[at + 3] > 0)) return false; // fewer than three rows, or flat
  const centre = centres[k];
  // Σ|w| = 1 for the central first difference: Σ|w|·F_k(x) is F_k(x).
  KINK_ANCHOR[0] = centre;
  KINK_ANCHOR[1] = 0;
  KINK_ANCHOR[2] = F_ROUNDING * EPS * Math.abs(centre);
  KINK_ANCHOR[3] = errors[k];
  KINK_ANCHOR[4] = 0;
  return anchoredKink(rows, at);
}
