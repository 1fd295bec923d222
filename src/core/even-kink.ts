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
 * The jump J of f′ at x and its rounding from two even parts `ea`, `eb` at steps `sa`, `sb` (rounding
 * `rounding` each) against the even part `ec` at the tiny step `sc` (rounding `checkRounding`): with
 * d = E − E(s_c) = J·(s − s_c)/2 + b·(s² − s_c²), the s² term eliminated.
 *
 * @example
 * ```ts
 * const E = (s: number) => 1 + 0.01 * s / 2 - 0.25 * s * s; // a jump of 0.01 beside f″ = −0.5
 * pairJump(E(0.01), 0.01, E(0.02), 0.02, E(1e-7), 1e-7, 0, 0)[0]; // ≈ 0.01
 * ```
 */
export function pairJump(
  ea: number,
  sa: number,
  eb: number,
  sb: number,
  ec: number,
  sc: number,
  rounding: number,
  checkRounding: number,
): [number, number] {
  const ua = sa - sc;
  const ub = sb - sc;
  const va = sa * sa - sc * sc;
  const vb = sb * sb - sc * sc;
  const det = ua * vb - ub * va;
  const jump = (2 * ((ea - ec) * vb - (eb - ec) * va)) / det;
  const round =
    (2 * ((Math.abs(va) + Math.abs(vb)) * rounding + Math.abs(vb - va) * checkRounding)) / Math.abs(det);
  return [jump, round];
}

/**
 * How far the jumps of the two pairs (rowsKink) may differ beyond their rounding, as a share of the
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
 * The uncertainty of the wider pair's jump `jo` (rounding `ro`) given the newer pair's `jn` (rounding
 * `rn`): its rounding plus their disagreement, or Infinity where they disagree beyond their rounding by
 * more than PAIRS_AGREEMENT of `jo` (not a kink's constant jump).
 *
 * @example
 * ```ts
 * pairsUncertainty(0.0101, 1e-4, 0.01, 5e-5); // ≈ 1.5e-4
 * pairsUncertainty(0.00125, 0, 0.01, 0); // => Infinity (an s⁴ term's 1/8)
 * ```
 */
export function pairsUncertainty(jn: number, rn: number, jo: number, ro: number): number {
  const gap = Math.abs(jn - jo);
  return gap > rn + ro + PAIRS_AGREEMENT * Math.abs(jo) ? Infinity : ro + gap;
}

/**
 * The jump J read from three rows (`rows` at `at` in the layout of ScalarEngine.evenRows: even parts
 * newest first, their steps, the newest Σ|w|·|f|) against the check's even part `ec` at step `sc`
 * (rounding `checkRounding`), with its uncertainty (pairsUncertainty): the wider pair's rounding plus the
 * two pairs' disagreement; `noise` is the bound of a known noise level on each even part (0: rounding only).
 * [NaN, NaN] without three rows.
 *
 * @example
 * ```ts
 * const E = (s: number) => 1 + 0.01 * s / 2 - 0.25 * s * s;
 * const rows = Float64Array.of(E(0.01), E(0.02), E(0.04), 0.01, 0.02, 0.04, 1);
 * rowsKink(rows, 0, E(1e-7), 1e-7, 0); // ≈ [0.01, 1e-15]
 * ```
 */
export function rowsKink(
  rows: Float64Array,
  at: number,
  ec: number,
  sc: number,
  checkRounding: number,
  noise = 0,
): [number, number] {
  const e0 = rows[at];
  const e1 = rows[at + 1];
  const e2 = rows[at + 2];
  const s0 = rows[at + 3];
  const s1 = rows[at + 4];
  const s2 = rows[at + 5];
  if (!(s0 > sc && s1 > s0 && s2 > s1) || !Number.isFinite(e0 + e1 + e2)) return [NaN, NaN];
  const rounding = F_ROUNDING * EPS * rows[at + 6] + noise;
  const [jn, rn] = pairJump(e0, s0, e1, s1, ec, sc, rounding, checkRounding);
  const [jo, ro] = pairJump(e1, s1, e2, s2, ec, sc, rounding, checkRounding);
  return [jo, pairsUncertainty(jn, rn, jo, ro)];
}

/**
 * Whether the even rows of the first scale's column or the probe's (`rows`, 2·EVEN_ROWS as
 * ScalarEngine.evenRows holds them) show a jump of f′ at x (rowsKink) beyond ROWS_KINK_SIGNAL times its
 * uncertainty, half of which the estimate's `error` does not cover; `ec`, `sc` and `checkRounding` are
 * the noise check's even part Σ|w|·f, its step and its rounding (or f(x)·Σ|w| at step 0), `noise` the
 * bound of a noise level on each even part.
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
  for (let at = 0; at < 2 * EVEN_ROWS; at += EVEN_ROWS) {
    const [jump, uncertainty] = rowsKink(rows, at, ec, sc, checkRounding, noise);
    if (Math.abs(jump) > ROWS_KINK_SIGNAL * uncertainty && Math.abs(jump) / 2 > error) return true;
  }
  return false;
}

/**
 * The rows' kink test (see the file comment) of a quiet central first derivative after its noise
 * checks: sets COLUMN_FLAG.kink where rowsShowKink holds for the engine's even rows and its last check.
 *
 * @example
 * ```ts
 * checkEvenKink(engine, n, est); // est.flags has kink where the rows show one
 * ```
 */
export function checkEvenKink(engine: ScalarEngine, n: number, est: Estimate): void {
  if (engine.o.order !== 1 || est.kind !== "central" || est.flags !== 0) return;
  if (Number.isNaN(engine.checkD) || !Number.isFinite(est.error)) return;
  const weights = stencilArrays("central", 1).weights;
  if (n !== weights.length) return;
  let ec = 0;
  let size = 0;
  for (let q = 0; q < n; q++) {
    const v = engine.checkValues[q];
    const aw = Math.abs(weights[q]);
    ec += aw * v;
    size += aw * Math.abs(v);
  }
  const checkRounding = F_ROUNDING * EPS * size;
  if (rowsShowKink(engine.evenRows, ec, engine.checkH, checkRounding, est.error))
    est.flags |= COLUMN_FLAG.kink;
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
 * The rows' kink test of a Jacobian entry (jacobian-column.ts, jacobian-common.ts): its column's last
 * three even parts `e0`, `e1`, `e2` (newest first) at steps `s0` < `s1` < `s2`, the newest Σ|w|·|F_k|
 * `evenAbs`, against F_k(x) (`centre`, the job's: no call), as {@link rowsShowKink} holds them against
 * the noise check. True where they show a jump of ∂F_k/∂x_j at x that the entry's `error` does not
 * cover: derivative()'s pipeline then computes the entry again, its one-sided columns deciding.
 *
 * @example
 * ```ts
 * const E = (s: number) => 1 + 0.01 * s / 2 - 0.25 * s * s; // F_k(x) = 1, a jump of 0.01
 * entryShowsKink(E(0.01), E(0.02), E(0.04), 0.01, 0.02, 0.04, 1, 1, 1e-6); // => true
 * entryShowsKink(E(0.01), E(0.02), E(0.04), 0.01, 0.02, 0.04, 1, 1, 0.01); // => false (covered)
 * ```
 */
export function entryShowsKink(
  e0: number,
  e1: number,
  e2: number,
  s0: number,
  s1: number,
  s2: number,
  evenAbs: number,
  centre: number,
  error: number,
): boolean {
  if (!(s0 > 0 && s1 > s0 && s2 > s1) || !Number.isFinite(e0 + e1 + e2 + centre + error)) return false;
  const rounding = F_ROUNDING * EPS * evenAbs;
  // Σ|w| = 1 for the central first difference: Σ|w|·F_k(x) is F_k(x).
  const centreRounding = F_ROUNDING * EPS * Math.abs(centre);
  const [jn, rn] = pairJump(e0, s0, e1, s1, centre, 0, rounding, centreRounding);
  const [jo, ro] = pairJump(e1, s1, e2, s2, centre, 0, rounding, centreRounding);
  const uncertainty = pairsUncertainty(jn, rn, jo, ro);
  return Math.abs(jo) > ROWS_KINK_SIGNAL * uncertainty && Math.abs(jo) / 2 > error;
}
