/**
 * The odd-part check of a second derivative (and of a fourth): the part of the central stencil that
 * its weights cancel, O(s) = (f(x + s) − f(x − s))/s = 2f′ + f‴·s²/3 + f⁽⁵⁾·s⁴/60 + … for smooth f,
 * held at the noise check's tiny step s_c (noise-check.ts) against the column's last three or four
 * rows (steps halving: pair-parts.ts). A jump J in f″ at x adds J·s/2, and a jump in f whose value at
 * x is the midpoint (sign t) adds J/s: both cancel in the even stencil, which then converges to a
 * confident wrong answer (t³ − 2t + 0.0065·max(0, t)² at 0 gave f″ = 0.0065 ± 2e-14, where it is 0 on
 * the left and 0.013 on the right; t³ − 2t + 6e-4·sign(t − 4) at 4 gave 24 ± 6e-13). Where the column
 * converges in three rows (a cubic base, whose s² term rules the rows' changes), the kink test has too
 * few changes to see either; the check adds a distance with no call of its own.
 *
 * Two models are fitted through the rows: the smooth one, A + B·s² + D·s⁴ (+ F·s⁶ with four rows), and
 * the kink one, A + J·s + B·s² (+ D·s⁴), and each is extrapolated to s_c. A smooth f is missed by the
 * first only by its next even term and by the second by its s⁴ (s⁶) term; a kink is missed by the first
 * by about J·s/2 and fitted by the second up to its s³ term. So: the smooth model missing O(s_c) by
 * ODD_CHECK_SIGNAL times its rounding while the kink model fits ODD_CHECK_RATIO times better marks a
 * kink (at order 4 too: its pair test reads kinks only at the rows' wide distances, where f⁽⁵⁾'s s³
 * term can hide J·s/2: sin t + 0.0013·huber at its join gave f⁗ = 0.026 ± 4e-10, ok; a flag there is
 * a jump of f″ only once the third differences grow like one, side-checks.ts); O(s_c)
 * farther from the newest row than the rows were from each other marks growth like 1/s (a jump
 * cancelled by the stencil), as the kink test's pole flag does (atan t + 8e-4·sign t at 0 gave f⁗ =
 * 0 ± 4e-12 from three rows). The flags send the pipeline to the one-sided comparison, as the kink
 * test's would; a smooth f gets neither, and pays nothing. */

import { COLUMN_FLAG } from "./column-state.js";
import { CHECK_EXCESS_SCALE, EPS, F_ROUNDING, GROWTH_SHRINK, NOISE_COVERAGE } from "./constants.js";
import { JUMP_GROWTH_BAND, ROUNDED_SIGNAL } from "./growth.js";
import { noiseCheckStep, wideNoiseOnly } from "./noise-check.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { valueResolution } from "./noise.js";
import { representableStep } from "./step.js";
import type { Estimate, ScalarEngine } from "./scalar-column.js";
import type { PairParts } from "./pair-parts.js";
import { anchoredJump } from "./anchored-jump.js";

/**
 * How many times its rounding the smooth model must miss the check's odd part by: 16, as the kink
 * test's signal (KINK_SIGNAL).
 *
 * @default 16
 * @example
 * ```ts
 * ODD_CHECK_SIGNAL; // => 16
 * ```
 */
export const ODD_CHECK_SIGNAL = 16;

/**
 * How many times better the kink model must fit than the smooth one to mark a kink: 16. For smooth f
 * the kink model misses by the s⁴ term, the smooth one by the s⁶ term (s² ≈ 1/256 of the scale's
 * square at the steps where three rows converge), so the kink model fits worse; at a kink it fits to
 * the s³ term, below J·s by (s/scale)², where the smooth model misses by J·s/2.
 *
 * @default 16
 * @example
 * ```ts
 * ODD_CHECK_RATIO; // => 16
 * ```
 */
export const ODD_CHECK_RATIO = 16;

/**
 * How many times the rounding of the newest row's odd part the models' extrapolations carry: the
 * kink model's coefficients on the three rows sum to 6 in absolute value (the smooth one's to 1.9),
 * rounded up.
 *
 * @default 8
 * @example
 * ```ts
 * ROW_AMPLIFICATION; // => 8
 * ```
 */
export const ROW_AMPLIFICATION = 8;

/**
 * The powers of v in the smooth model and in the kink model, for three rows and for four (see the file
 * comment): with four rows each model has one more term, so a smooth f is missed by the smooth model by
 * its v⁸ term and by the kink model by its v⁶ term (log t at 0.037, whose s⁴ term at steps of 2e-3
 * spoilt the three-row kink model, is then told from 0.2·x|x| beside it).
 *
 * @example
 * ```ts
 * MODEL_POWERS[4].kink; // => [0, 1, 2, 4]
 * ```
 */
export const MODEL_POWERS: Readonly<
  Record<
    3 | 4,
    {
      /** The smooth model's powers of v: A + B·v² + D·v⁴ (+ F·v⁶), as O(s) of a smooth f. */
      smooth: readonly number[];
      /** The kink model's: A + J·v + B·v² (+ D·v⁴), a jump J of f″ at x adding J·s/2 to O(s). */
      kink: readonly number[];
    }
  >
> = Object.freeze({
  3: Object.freeze({ smooth: Object.freeze([0, 2, 4]), kink: Object.freeze([0, 1, 2]) }),
  4: Object.freeze({ smooth: Object.freeze([0, 2, 4, 6]), kink: Object.freeze([0, 1, 2, 4]) }),
});

/**
 * The inverse of the model's matrix [v_j^(p_i)] at the rows' distances v = 1, 2, 4 (, 8), row-major
 * (Gauss–Jordan elimination with partial pivoting, once per model when the module loads): the model's
 * coefficients are this times the rows' parts.
 */
function inverseAt(powers: readonly number[]): Float64Array {
  const n = powers.length;
  const a = Array.from({ length: n }, (_, j) => [
    ...powers.map((p) => DISTANCES[j] ** p),
    ...powers.map((_p, i) => (i === j ? 1 : 0)),
  ]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    [a[c], a[pivot]] = [a[pivot], a[c]];
    const d = a[c][c];
    for (let k = 0; k < 2 * n; k++) a[c][k] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r][c];
      for (let k = 0; k < 2 * n; k++) a[r][k] -= f * a[c][k];
    }
  }
  return Float64Array.from(a.flatMap((row) => row.slice(n)));
}

/** The rows' distances in units of the newest step. */
const DISTANCES: readonly number[] = Object.freeze([1, 2, 4, 8]);

/** Each model's powers and inverse, by its number of rows. */
const MODELS = [3, 4].map((n) => {
  const p = MODEL_POWERS[n as 3 | 4];
  return {
    smooth: { powers: Float64Array.from(p.smooth), inverse: inverseAt(p.smooth) },
    kink: { powers: Float64Array.from(p.kink), inverse: inverseAt(p.kink) },
  };
});

/** A model through the first n parts of `rows` (newest first) at u times the newest distance. */
function predict(
  model: { powers: Float64Array; inverse: Float64Array },
  rows: ArrayLike<number>,
  u: number,
): number {
  const n = model.powers.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let j = 0; j < n; j++) c += model.inverse[i * n + j] * rows[j];
    // u^p by multiplications (p ≤ 6): Math.pow costs more than the rest of the sum.
    for (let k = model.powers[i]; k > 0; k--) c *= u;
    sum += c;
  }
  return sum;
}

/**
 * The model of the given powers through the rows' parts (newest first: at the distances 1, 2, 4 (, 8)
 * times the newest) at v = u; `rows` has at least as many parts as the model has powers.
 *
 * @example
 * ```ts
 * modelAt([3, 6, 18], [0, 1, 2], 0); // => 2 (through 2 + 0·v + v² at v = 1, 2, 4)
 * ```
 */
export function modelAt(rows: ArrayLike<number>, powers: readonly number[], u: number): number {
  return predict({ powers: Float64Array.from(powers), inverse: inverseAt(powers) }, rows, u);
}

/**
 * The flags (COLUMN_FLAG.kink, COLUMN_FLAG.pole or 0) of the odd part O_c at the distance u·s (u ≪ 1)
 * against the odd parts of the last n = 3 or 4 rows at the distances s, 2s, 4s (and 8s), newest first
 * in `rows`, with `rounding` the rounding error of O_c and the models (see the file comment).
 *
 * @example
 * ```ts
 * const K = (s: number) => -4 + 2 * s * s + 0.0065 * s; // a cubic's odd part and a jump of f″
 * oddPartFlags([K(0.25), K(0.5), K(1)], 3, K(3e-5), 3e-5 / 0.25, 1e-11); // => 2 (COLUMN_FLAG.kink)
 * const S = (s: number) => (2 * Math.sin(s)) / s; // smooth
 * oddPartFlags([S(0.25), S(0.5), S(1)], 3, S(3e-5), 3e-5 / 0.25, 1e-11); // => 0
 * ```
 */
export function oddPartFlags(
  rows: ArrayLike<number>,
  n: number,
  oc: number,
  u: number,
  rounding: number,
): number {
  const models = MODELS[n >= 4 ? 1 : 0];
  const missSmooth = Math.abs(oc - predict(models.smooth, rows, u));
  if (!(missSmooth > ODD_CHECK_SIGNAL * rounding)) return 0;
  const missKink = Math.abs(oc - predict(models.kink, rows, u));
  if (ODD_CHECK_RATIO * missKink <= missSmooth) return COLUMN_FLAG.kink;
  const last = n >= 4 ? 3 : 2;
  return Math.abs(oc - rows[0]) > Math.abs(rows[last] - rows[0]) ? COLUMN_FLAG.pole : 0;
}

/**
 * The odd-part check of a second derivative's quiet central estimate (see the file comment), from the
 * noise check's n values in the engine (f(x − h_c), f(x), f(x + h_c)) and the odd parts the engine's
 * last column kept: sets COLUMN_FLAG.kink or COLUMN_FLAG.pole in `est.flags`, or nothing.
 *
 * @example
 * ```ts
 * import { ScalarEngine, type Estimate } from "./scalar-column.js";
 * import { resolveOptions } from "./validate.js";
 * const engine = new ScalarEngine().begin(4, resolveOptions({ order: 2 }, 4));
 * const est: Estimate = { value: 24, error: 6e-13, step: 0.5, kind: "central", flags: 0, noisyStep: NaN };
 * checkOddPart(engine, 3, est); // after checkNoise (here no column has run: nothing to hold it against)
 * est.flags; // => 0
 * ```
 */
export function checkOddPart(engine: ScalarEngine, n: number, est: Estimate): void {
  const pairs = engine.driver.pairParts;
  const order = engine.o.order;
  if (est.kind !== "central" || pairs === null || pairs.count[0] < 3) return;
  if ((est.flags & COLUMN_FLAG.noisy) !== 0 && !wideNoiseOnly(est, engine.o)) return;
  if (order === 3) {
    checkEvenPart(engine, n, est, pairs);
    const odd = engine.driver.oddParts;
    // The check's four points are x ± h_c at 1 and 2 (offsets −2, −1, 1, 2).
    if (odd !== null && n === 4) engine.secondJumps = anchoredSignal(engine, odd, est, 1, 2);
    return;
  }
  if (order !== 2 && order !== 4) return;
  // The check's pair x ± h_c: its stencil's points 0 … n − 1 are x + o·h_c for offsets −n/2 … n/2.
  const centre = (n - 1) / 2;
  if (!Number.isInteger(centre) || centre < 1) return;
  const lo = engine.checkValues[centre - 1];
  const hi = engine.checkValues[centre + 1];
  const h = engine.checkH;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(h > 0)) return;
  const oc = (hi - lo) / h;
  const rounding =
    (F_ROUNDING * EPS * (Math.abs(hi) + Math.abs(lo))) / h + ROW_AMPLIFICATION * pairs.rounding[0];
  // Component 0's parts (the scalar engine has one), newest first.
  const flags = oddPartFlags(pairs.part, pairs.count[0], oc, h / pairs.step[0], rounding);
  est.flags |= flags;
  if (order === 4) {
    engine.secondJumps = anchoredSignal(engine, pairs, est, centre - 1, centre + 1);
    return;
  }
  if (flags !== 0) return;
  // A jump of f″ that the rows show with O(s_c) as their anchor, beside a large f‴ (anchored-jump.ts).
  if (anchoredSignal(engine, pairs, est, centre - 1, centre + 1)) {
    est.flags |= COLUMN_FLAG.kink;
    return;
  }
  // A jump of f″ that the rows show by themselves, where O(s_c) is lost in rounding (see rowsJump).
  if (pairs.count[0] >= 4) {
    const j = rowsJump(pairs.part, pairs.step[0], pairs.rounding[0]);
    if (Math.abs(j.jump) > ROWS_JUMP_SIGNAL * j.uncertainty && Math.abs(j.jump) / 2 > est.error)
      est.flags |= COLUMN_FLAG.kink;
  }
}

/**
 * How many times its uncertainty the jump of f″ read from the rows anchored at the check's pair
 * (anchored-jump.ts) must be to mark a kink: 4. The uncertainty is the change of the jump when the
 * model loses its last term, plus the rounding the weights carry.
 *
 * @default 4
 * @example
 * ```ts
 * ANCHORED_JUMP_SIGNAL; // => 4
 * ```
 */
export const ANCHORED_JUMP_SIGNAL = 4;

/**
 * Whether the odd parts of the column's last rows (`odd`, newest first), anchored at the noise check's
 * pair (its values at `lo` and `hi` in the engine's checkValues, x ∓ h_c), show f″ jumping at x
 * (anchored-jump.ts) by more than ANCHORED_JUMP_SIGNAL times the jump's uncertainty; at order 2 the
 * jump must also be more than twice the estimate's error (else the estimate covers both sides). The
 * check's even part missing the estimate beyond its rounding model measures how far f's values there
 * stray from it (noise the check did not call noise): the anchor O(s_c) carries as much, its rounding
 * scaled as checkNoise scales an error (CHECK_EXCESS_SCALE).
 */
function anchoredSignal(
  engine: ScalarEngine,
  odd: PairParts,
  est: Estimate,
  lo: number,
  hi: number,
): boolean {
  const h = engine.checkH;
  const below = engine.checkValues[lo];
  const above = engine.checkValues[hi];
  if (odd.count[0] < 3 || !Number.isFinite(below) || !Number.isFinite(above) || !(h > 0)) return false;
  const oc = (above - below) / h;
  const excess = (CHECK_EXCESS_SCALE * engine.checkGap) / engine.checkRounding;
  const ocRounding =
    ((F_ROUNDING * EPS * (Math.abs(above) + Math.abs(below))) / h) * (excess > 1 ? excess : 1);
  const a = anchoredJump(
    odd.part,
    odd.count[0],
    odd.step[0],
    odd.rounding[0],
    oc,
    h / odd.step[0],
    ocRounding,
  );
  if (!(Math.abs(a.jump) > ANCHORED_JUMP_SIGNAL * a.uncertainty)) return false;
  return engine.o.order !== 2 || Math.abs(a.jump) / 2 > est.error;
}

/**
 * How many times its uncertainty the jump of f″ read from the rows (rowsJump) must be to mark a kink:
 * 2. The uncertainty is the size of the s³ term the estimate removed plus its rounding; a smooth f's
 * estimate is its s⁵ term, far below the s³ term at the rows' steps. In the honesty scan's Hessians
 * (C1 joins beside other coordinates' large terms) 2 took the confident wrong diagonals from 31 to
 * 22 with 3 more flags of joins near x, 1 and 4 took them to 19 and 24.
 *
 * @default 2
 * @example
 * ```ts
 * ROWS_JUMP_SIGNAL; // => 2
 * ```
 */
export const ROWS_JUMP_SIGNAL = 2;

/**
 * The jump J = f″₊ − f″₋ at x read from the odd parts of the column's last four rows alone (newest
 * first in `part`, at s, 2s, 4s, 8s, s = `step`; `rounding` that of the newest), with its uncertainty.
 * O(s) = 2f′ + J·s/2 + f‴·s²/3 + c·s⁴ + …, so j(s) = (−4·O(s) + 5·O(2s) − O(4s))/s = J − 180·c·s³ + …
 * (the constant and the s² term cancel, J·s/2 gives J), and (8·j(s) − j(2s))/7 removes the s³ term.
 * The uncertainty is that term's size, |j(2s) − j(s)|/7, plus the rounding, ROWS_ROUNDING·rounding/s.
 * The odd-part check holds the rows
 * against O(s_c) at the noise check's tiny step, where a large f's rounding can swamp J·s_c/2 (t³ − 2t
 * + 0.006·huber at its join, beside another coordinate's 1.4e7: f″ = −3.53789 ± 1.8e-5, ok, where the
 * sides are −3.54089 and −3.53488): the rows, at steps 8000 times wider, show it.
 *
 * @example
 * ```ts
 * const O = (s: number) => -4 + 0.0065 * s / 2 + (2 * s * s) / 3; // a cubic's odd part, f″ jumping by 0.0065
 * rowsJump([O(0.0625), O(0.125), O(0.25), O(0.5)], 0.0625, 1e-16).jump; // ≈ 0.0065
 * ```
 */
export function rowsJump(
  part: ArrayLike<number>,
  step: number,
  rounding: number,
): { jump: number; uncertainty: number } {
  const j1 = (-4 * part[0] + 5 * part[1] - part[2]) / step;
  const j2 = (-4 * part[1] + 5 * part[2] - part[3]) / (2 * step);
  return { jump: (8 * j1 - j2) / 7, uncertainty: Math.abs(j2 - j1) / 7 + (ROWS_ROUNDING * rounding) / step };
}

/**
 * The rounding {@link rowsJump}'s uncertainty counts, in units of r/s (r: the newest odd part's
 * rounding, s its step): 8, the sum of its weights on the parts' roundings, 7.96, rounded up. The
 * weights of J = (8·j(s) − j(2s))/7 on O(s) … O(8s) are −32/7, 6, −3/2 and 1/14, over s, and O(2ᵏs)
 * carries about r/2ᵏ (one |f|'s rounding over a step 2ᵏ times as long): 32/7 + 3 + 3/8 + 1/112 = 7.96.
 * (Until round 15 the comment gave 6.75, the sum for j(s) alone: 4 + 5/2 + 1/4.)
 *
 * @default 8
 * @example
 * ```ts
 * ROWS_ROUNDING; // => 8
 * ```
 */
export const ROWS_ROUNDING = 8;

/**
 * The even-part check of a third derivative, the mirror of the odd-part check: its stencil cancels the
 * even part g(s) = f(x + s) + f(x − s) = 2f + f″·s² + f⁗·s⁴/12 + … of smooth f, to which a jump J in f′
 * at x adds J·s. The pair test (pair-parts.ts) reads g only at the column's distances, where f⁗'s s⁴
 * term can hide J·s (cos t + 0.003·max(0, t − c) at c gave f‴ = sin c ± 6e-11, ok, from steps of 1/32:
 * its cleaned ratio there is 1.1, not 1/2). The noise check's pair x ± h_c (offsets ∓1 of its four
 * points) gives g at a distance where J·s rules: the smooth model through the rows misses it and the kink
 * model does not (oddPartFlags), which sets COLUMN_FLAG.kink; side-checks.ts then asks the second
 * differences to grow like that jump (lowerJumps) before it says "discontinuous".
 */
function checkEvenPart(engine: ScalarEngine, n: number, est: Estimate, pairs: PairParts): void {
  if (n !== 4) return;
  const lo = engine.checkValues[1];
  const hi = engine.checkValues[2];
  const h = engine.checkH;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(h > 0)) return;
  const rounding = F_ROUNDING * EPS * (Math.abs(hi) + Math.abs(lo)) + ROW_AMPLIFICATION * pairs.rounding[0];
  const flags = oddPartFlags(pairs.part, pairs.count[0], hi + lo, h / pairs.step[0], rounding);
  est.flags |= flags & COLUMN_FLAG.kink;
  if ((flags & COLUMN_FLAG.kink) === 0 && evenAnchoredKink(pairs, hi + lo, h, rounding))
    est.flags |= COLUMN_FLAG.kink;
}

/**
 * The jump of f′ at x read from the even parts g(s) of a third derivative's rows anchored at the check's
 * g(s_c) (anchored-jump.ts: the model A + J·v + B·v² + D·v⁴ (+ F·v⁶) through g(s_c) and the rows, the
 * same as O(s)'s with J·s for J·s/2), beyond ANCHORED_JUMP_SIGNAL times its uncertainty. Where the
 * rows are far from f's asymptotic regime (1/(1 + t²) at 0 from steps of 1/32 … 1/4, its s⁶ term 5e-4
 * at the longest) the unanchored kink model misses g(s_c) by its truncation, within ODD_CHECK_RATIO of
 * the smooth one: 1/(1 + t²) + 0.0015·|t| at 0 gave f‴ = 3.8e-14 ± 9.5e-13, ok, where f′ jumps by
 * 0.003; anchored, J reads 534 times its uncertainty (a smooth f's, −7e-7 ± 1.1e-5, reads nothing).
 * `rounding` is g(s_c)'s (its rows' share included, as oddPartFlags takes it).
 */
function evenAnchoredKink(pairs: PairParts, gc: number, h: number, rounding: number): boolean {
  const a = anchoredJump(
    pairs.part,
    pairs.count[0],
    pairs.step[0],
    pairs.rounding[0],
    gc,
    h / pairs.step[0],
    rounding,
  );
  return Math.abs(a.jump) > ANCHORED_JUMP_SIGNAL * a.uncertainty;
}

/**
 * Whether the central first difference (half the odd part) at x grows like J/(2h) over two ratios of
 * steps, 16h → h → h/16 from h = noiseCheckStep(1) at the scale of 1 (or of a smaller x): its changes
 * grow GROWTH_SHRINK times each (within JUMP_GROWTH_BAND), f′'s share cancelling in the changes, and
 * stand above the rounding of the narrowest by ROUNDED_SIGNAL. Then f jumps at x through the midpoint
 * of its sides, which the second difference cancels, and which one-sided columns from large steps
 * may miss or take for noise (t³ − 2t − 6.7e8·sign(t − c) at c = 23988 gave the sides 143277 ± 7717
 * and 144585 ± 7717 from steps of 375, and the central 143931 ± 2.5e-7, ok). A smooth f's changes
 * shrink by 1/256. At most six calls. With f's noise level σ (`noise`, absolute), the newest change must
 * also stand ROUNDED_SIGNAL times above the noise's share NOISE_COVERAGE·σ/h.
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * import { ScalarEngine } from "./scalar-column.js";
 * import { resolveOptions } from "./validate.js";
 * const sign = (t: number) => t * t * t + 1e-3 * Math.sign(t - 1);
 * const engine = new ScalarEngine().begin(1, resolveOptions({ order: 2 }, 2));
 * runSync(midpointJumps(engine, new Sampler(sign))); // => true
 * ```
 */
export function* midpointJumps(engine: ScalarEngine, sampler: Sampler, noise = 0): Pipeline<boolean> {
  const x = engine.x;
  const d = [NaN, NaN, NaN];
  const values = new Float64Array(6);
  let size = 0;
  let last = NaN;
  for (let i = 0, h = noiseCheckStep(1, Math.min(1, engine.scales[0])) * GROWTH_SHRINK; i < 3; i++) {
    const s = representableStep(x, h);
    if (!(s > 0)) return false;
    const hi = yield* sampler.one(x + s);
    const lo = yield* sampler.one(x - s);
    values[2 * i] = hi;
    values[2 * i + 1] = lo;
    d[i] = (hi - lo) / (2 * s);
    size = (Math.abs(hi) + Math.abs(lo)) / (2 * s);
    last = s;
    h /= GROWTH_SHRINK;
  }
  const c1 = d[1] - d[0];
  const c2 = d[2] - d[1];
  // The values' own grid where it is coarser than their rounding (noise.ts, valueResolution): a small
  // difference of large terms (−9.99999999998·t + 29.77 at 3, order 2) steps by the terms' last bit,
  // and its rounding grows like a jump's J/h.
  const grid = valueResolution(values) / last;
  // A noise level σ (`noise`) moves each difference by up to NOISE_COVERAGE·σ/s: its changes grow like a
  // jump's J/h too, so only a change far above that share counts.
  const noisy = (NOISE_COVERAGE * noise) / last;
  // Each value is also rounded to the subnormal grid (the driver's model): 1.6e-25·t at 5e-324, whose
  // values beside x are a few subnormal steps, "grew like a jump" (f″ discontinuous for f″ = 0).
  const subnormal = Number.MIN_VALUE / last;
  if (!(Math.abs(c2) > ROUNDED_SIGNAL * (F_ROUNDING * EPS * size + subnormal + grid + noisy))) return false;
  const ratio = c2 / c1;
  return ratio >= GROWTH_SHRINK / JUMP_GROWTH_BAND && ratio <= GROWTH_SHRINK * JUMP_GROWTH_BAND;
}
