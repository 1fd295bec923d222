/**
 * Every default and tolerance of the numerics, each with its formula and source.
 */

/**
 * Machine epsilon of IEEE-754 binary64, the gap between 1 and the next double.
 *
 * @default 2.220446049250313e-16 (2^-52)
 * @example
 * ```ts
 * 1 + EPS > 1; // => true
 * 1 + EPS / 2 === 1; // => true
 * ```
 */
export const EPS = 2 ** -52;

/**
 * The book's step, h = 1e-4 (Deep Learning from Scratch, ch. 4, `numerical_diff`): small enough for a
 * small truncation error, large enough that rounding in f(x±h) stays small (seed, "h must not be too small").
 *
 * @example
 * ```ts
 * import { derivative } from "numdiff";
 * import { BOOK_STEP } from "numdiff/constants";
 * derivative((x) => 0.01 * x ** 2 + 0.1 * x, 5, { method: "central", step: BOOK_STEP }).value;
 * // 0.1999999999990898
 * ```
 */
export const BOOK_STEP = 1e-4;

/**
 * Highest derivative order accepted. Rounding error of an n-th difference grows like EPS·|f|/h^n; past
 * order 10 no step gives a useful double-precision answer for ordinary functions.
 *
 * @default 10
 * @example
 * ```ts
 * import { derivative } from "numdiff";
 * derivative(Math.exp, 0, { order: MAX_ORDER }).value; // => 1 ± 1e-2
 * ```
 */
export const MAX_ORDER = 10;

/**
 * Truncation orders accepted by a fixed-step stencil (`accuracy`): central stencils have even orders
 * only; one-sided stencils accept these and also 1 ({@link ONE_SIDED_FIXED_ACCURACY}).
 *
 * @example
 * ```ts
 * import { derivative } from "numdiff";
 * derivative(Math.sin, 1, { step: 0.01, accuracy: 4 }).value; // => 0.5403023058681398 ± 1e-9 (cos 1)
 * ```
 */
export const SUPPORTED_ACCURACIES: readonly number[] = Object.freeze([2, 4, 6, 8]);

/**
 * Default truncation order of a fixed-step one-sided stencil: 1, the textbook forward difference
 * (f(x + h) − f(x)) / h that the seed contrasts with the central one (also scipy's `approx_fprime`);
 * a gradient shares f(x) between coordinates and so costs N + 1 calls.
 *
 * @default 1
 * @example
 * ```ts
 * import { gradient } from "numdiff";
 * gradient((x) => x[0] ** 2 + x[1] ** 2, [3, 4], { method: "forward", step: 1e-4 }).evaluations; // => 3
 * ```
 */
export const ONE_SIDED_FIXED_ACCURACY = 1;

/**
 * Default truncation order of a fixed-step central stencil: the book's central difference, error O(h²).
 *
 * @example
 * ```ts
 * DEFAULT_ACCURACY; // => 2
 * ```
 */
export const DEFAULT_ACCURACY = 2;

/**
 * Ratio between successive steps of the adaptive engine (h_{i+1} = h_i / STEP_RATIO). With central
 * differences each Richardson column then removes a factor STEP_RATIO² of the leading error term
 * (Richardson 1911; Ridders, Adv. Eng. Software 4 (1982) 75); a power of two keeps the steps exact.
 *
 * @default 2
 * @example
 * ```ts
 * STEP_RATIO; // => 2
 * ```
 */
export const STEP_RATIO = 2;

/**
 * Ratio used while the estimates show no sign of the asymptotic regime (consecutive differences not
 * shrinking by the expected factor): the step is far too large for the function's own scale (sin at
 * x = 1e10, a log near its pole), so the engine skips ahead.
 *
 * @default 16
 * @example
 * ```ts
 * FAST_STEP_RATIO; // => 16
 * ```
 */
export const FAST_STEP_RATIO = 16;

/**
 * Initial step of the adaptive engine, relative to the scale s of x, for derivative order n:
 * h0 = s · INITIAL_STEP[n]. Higher orders start larger because their rounding error grows like h^-n.
 * Index 0 is unused. First derivatives start at s/32 (s/8 in 0.1.0): on the reference set this keeps
 * every accuracy figure and saves two calls in the median (8 instead of 10), which pays for the noise
 * check (NOISE_CHECK_SIGNAL).
 *
 * @example
 * ```ts
 * INITIAL_STEP[1]; // => 0.03125
 * ```
 */
export const INITIAL_STEP: readonly number[] = Object.freeze([
  0,
  2 ** -5,
  2 ** -2,
  2 ** -2,
  2 ** -1,
  2 ** -1,
  1,
  1,
  1,
  1,
  1,
]);

/**
 * Fewest rows of the adaptive tableau before it may stop: two Richardson columns on top of the base
 * differences are needed before the error estimate means anything.
 *
 * @default 3
 * @example
 * ```ts
 * MIN_ROWS; // => 3
 * ```
 */
export const MIN_ROWS = 3;

/**
 * Most rows of one adaptive column. With the fast ratio this reaches 2^-60 of the starting scale.
 *
 * @default 24
 * @example
 * ```ts
 * MAX_ROWS; // => 24
 * ```
 */
export const MAX_ROWS = 24;

/**
 * Most Richardson columns kept (eliminating h², h⁴, …, h^{2·(MAX_COLUMNS-1)} for central stencils). More
 * columns amplify rounding error more than they remove truncation error.
 *
 * @default 5
 * @example
 * ```ts
 * MAX_COLUMNS; // => 5
 * ```
 */
export const MAX_COLUMNS = 5;

/**
 * The engine stops when the newest row's best error exceeds the best error so far by this factor
 * (Ridders' SAFE; Numerical Recipes `dfridr` uses 2): rounding now dominates.
 *
 * @default 2
 * @example
 * ```ts
 * DIVERGENCE_FACTOR; // => 2
 * ```
 */
export const DIVERGENCE_FACTOR = 2;

/**
 * The engine stops once the estimated error is below this relative level: the estimate cannot get
 * meaningfully better in double precision. 64·EPS ≈ 1.4e-14.
 *
 * @example
 * ```ts
 * CONVERGED_RELATIVE_ERROR; // => 1.4210854715202004e-14 (64·EPS)
 * ```
 */
export const CONVERGED_RELATIVE_ERROR = 64 * EPS;

/**
 * A column-0 difference ratio above this (the ideal is STEP_RATIO^-2 = 0.25 for central, 0.5 for
 * one-sided differences) means the step is not yet in the asymptotic regime.
 *
 * @default 0.7
 * @example
 * ```ts
 * NON_ASYMPTOTIC_RATIO; // => 0.7
 * ```
 */
export const NON_ASYMPTOTIC_RATIO = 0.7;

/**
 * A result whose estimated relative error is below this is accepted without trying a second scale
 * for x (used when |x| is far from 1, where the scale of f is unknown: exp at 1e-12 wants steps
 * near 1, log at 1e-12 steps near 1e-13). 2^-40 ≈ 9.1e-13.
 *
 * @example
 * ```ts
 * GOOD_RELATIVE_ERROR; // => 9.094947017729282e-13
 * ```
 */
export const GOOD_RELATIVE_ERROR = 2 ** -40;

/**
 * Below this |x| the first scale tried is |x| itself (then 1 if that is not good enough); at or
 * above it the scale is max(|x|, 1).
 *
 * @default 2^-6 = 0.015625
 * @example
 * ```ts
 * SMALL_X; // => 0.015625
 * ```
 */
export const SMALL_X = 2 ** -6;

/**
 * Smallest scale used for steps: 2^-969, so that steps down to scale · 2^-53 remain normal numbers
 * (2^-1022) with full precision. Subnormal x use this scale.
 *
 * @example
 * ```ts
 * MIN_SCALE; // => 2.0e-292 ± 1e-294
 * ```
 */
export const MIN_SCALE = 2 ** -969;

/**
 * Factor by which the step is cut while a central stencil straddles a point where f is not finite:
 * small enough that the first step that fits lies within a factor 4 of the distance to the trouble
 * (asin at 1 - 1e-6), where the rounding error of the difference is smallest.
 *
 * @default 4
 * @example
 * ```ts
 * CENTRAL_SHRINK; // => 4
 * ```
 */
export const CENTRAL_SHRINK = 4;

/**
 * How many times the step is cut by CENTRAL_SHRINK while a central stencil straddles a point where f
 * is not finite, before the engine goes one-sided on the good side.
 *
 * @default 16 (down to 4^-16 = 2^-32 of the first step)
 * @example
 * ```ts
 * CENTRAL_RETRIES; // => 16
 * ```
 */
export const CENTRAL_RETRIES = 16;

/**
 * Relative rounding error assumed for each value of f, in units of EPS: the last rounding of f itself
 * plus that of the weighted sum and the division by h^n. The noise of a difference quotient is then
 * F_ROUNDING · EPS · Σ|w_k f_k| / h^n (plus the smallest subnormal per point, for values that
 * underflowed).
 *
 * @default 2
 * @example
 * ```ts
 * F_ROUNDING; // => 2
 * ```
 */
export const F_ROUNDING = 2;

/**
 * Two quantities are "at the rounding level" when one is within this factor of the rounding error:
 * a change between successive differences no larger than ROUNDING_MARGIN times their noise is noise;
 * an extrapolated entry whose total error is at most ROUNDING_MARGIN times its rounding part has a
 * truncation error below its rounding error, so smaller steps cannot help.
 *
 * @default 2
 * @example
 * ```ts
 * ROUNDING_MARGIN; // => 2
 * ```
 */
export const ROUNDING_MARGIN = 2;

/**
 * A change of the base difference within rounding counts as convergence only when the change before
 * it, shrunk as the leading error term predicts, is at most this many times the rounding too. A
 * smooth f's changes shrink by the predicted factor (4 for central differences halving h; 16 where
 * f‴ = 0, 64 where f⁽⁵⁾ = 0 too); a float32 f's quantised differences can agree exactly by
 * coincidence right after a change a million times its double rounding (f32(tanh) at 0.5135: D(2⁻⁸)
 * = D(2⁻⁹) after a change of 1.9e-6, which read as converged with an error of 1.6e-13). The row is
 * then "far" (not trusted), not "rounding".
 *
 * @default 256
 * @example
 * ```ts
 * SUDDEN_CALM_RATIO; // => 256
 * ```
 */
export const SUDDEN_CALM_RATIO = 256;

/**
 * A change of a one-sided column's base difference this many times smaller than the change before it
 * is a chance calm, not convergence: D(h) = f⁽ⁿ⁾ + c₁h + c₂h² + … halving h shrinks the changes by 2
 * (by 4 where c₁ = 0, by 8 where c₂ = 0 too), and where the terms of opposite sign cancel the change
 * can be any size (cos⁗ forward at −0.0507: 3.1e-3 then 3.0e-6). The row after such a calm is judged
 * against the row before it (driver.ts, `pastCalm`): only one-sided columns the caller asked for.
 *
 * @default 16
 * @example
 * ```ts
 * CHANCE_CALM_RATIO; // => 16
 * ```
 */
export const CHANCE_CALM_RATIO = 16;

/**
 * Slack on the asymptotic-regime test: the newest column-0 difference may shrink this many times less
 * than the leading error term c·h^p predicts (and still at most by NON_ASYMPTOTIC_RATIO).
 *
 * @default 2
 * @example
 * ```ts
 * ASYMPTOTIC_SLACK; // => 2
 * ```
 */
export const ASYMPTOTIC_SLACK = 2;

/**
 * How many times a one-sided stencil that meets a non-finite value on its own side (the trouble is
 * within its reach) is shrunk by CENTRAL_SHRINK before the engine gives up: twice the central
 * retries, down to 4^-32 = 2^-64 of the first step.
 *
 * @default 32
 * @example
 * ```ts
 * ONE_SIDED_RETRIES; // => 32
 * ```
 */
export const ONE_SIDED_RETRIES = 2 * CENTRAL_RETRIES;

/**
 * The kink test of a first-derivative central column. The even part E(h) = Σ|w_q|·f(x + o_q·h) of the stencil
 * is blind to f′ but not to a jump J in it: for smooth f, E(h) = E₀ + c·h² + …, so successive changes
 * of E shrink by (1/2)² = 1/4 when h halves; at a kink E(h) = E₀ + J·h/2·Σ|w| + …, so they shrink by
 * 1/2. A ratio between the geometric midpoints √(1/8) and √(1/2) of 1/4, 1/2 and 1 marks a kink.
 * A second derivative's column tests its odd part over h, O(h)/h = 2f′ + J·h/2 + f‴·h²/3 + … where f″
 * jumps by J at x: the same powers, so the same band.
 *
 * @example
 * ```ts
 * KINK_RATIO_LOW; // 0.3535533905932738
 * ```
 */
export const KINK_RATIO_LOW = Math.SQRT1_2 / 2;

/**
 * The highest derivative order whose central columns run the kink test (driver.ts, kinkTest) on the
 * part of their values the stencil cancels: at orders 1 and 2 a flag sends the pipeline to the one-sided
 * comparison; at 3 and 4 it marks a jump in f′ or f″, which the differences of order n − 1 confirm.
 * @default 4
 * @example
 * ```ts
 * MAX_KINK_ORDER; // => 4
 * ```
 */
export const MAX_KINK_ORDER = 4;

/**
 * Upper end of the kink band of the even-part ratio (see {@link KINK_RATIO_LOW}): √(1/2).
 *
 * @example
 * ```ts
 * KINK_RATIO_HIGH; // 0.7071067811865476
 * ```
 */
export const KINK_RATIO_HIGH = Math.SQRT1_2;

/**
 * Rows a first-derivative central column of derivative() runs at least while its even part moves
 * beyond KINK_SIGNAL times rounding: the kink test's cleaned form (kink-test.ts, cleanedKink) needs
 * three changes of the even part to remove the h² term of a smooth part. A column whose odd part
 * converges in three rows (a quadratic or cubic f plus a kink: t² + 0.3·max(0, t − 5) at 5 gave 10.15 ±
 * 2e-13; cos t + 0.006·|t| at 0 gave 0 ± 4e-14) would end with a ratio test the h² term rules, so
 * it runs one more row (2 calls).
 *
 * @default 4
 * @example
 * ```ts
 * KINK_CLEAN_ROWS; // => 4
 * ```
 */
export const KINK_CLEAN_ROWS = 4;

/**
 * After three rows, a column may end when its even part's last change is within this share of what
 * f″ alone predicts ((t₁ − t₂)/(1 − t₁) of the change before, 1/4 when h halves): a smooth f's changes
 * are off that by O(h²), 1e-4 at the steps where three rows converge, while a kink adds J·h/2 to each
 * change and moves the ratio toward 1/2 (t² + 0.3·max(0, t − 5) at 5: 0.35; cos t + 0.006·|t| at 0,
 * where the two terms have opposite signs: 0.17). A kink below the band (J ≲ 1e-4·f″ at these steps)
 * goes unseen, as before; the band keeps the reference set's median at 10 calls.
 *
 * @default 0.01
 * @example
 * ```ts
 * KINK_SMOOTH_BAND; // => 0.01
 * ```
 */
export const KINK_SMOOTH_BAND = 0.01;

/**
 * Changes of the even part smaller than this many times its rounding error carry no information
 * about smoothness (the kink test is skipped).
 *
 * @default 16
 * @example
 * ```ts
 * KINK_SIGNAL; // 16
 * ```
 */
export const KINK_SIGNAL = 16;

/**
 * A jump J in f at x makes every difference quotient of order n grow like J/hⁿ: D(h)·hⁿ is then
 * constant. JUMP_ROWS rows whose successive D(h)·hⁿ agree within this relative tolerance, the last
 * far from the asymptotic regime, mark the column as diverging (f is discontinuous on the stencil's
 * side). A pre-asymptotic oscillation (cos(1000x) at h ≈ 0.1) agrees by chance on three rows, rarely
 * on four.
 *
 * @default 1/32
 * @example
 * ```ts
 * JUMP_TOLERANCE; // 0.03125
 * ```
 */
export const JUMP_TOLERANCE = 1 / 32;

/**
 * Rows needed by the jump test (see {@link JUMP_TOLERANCE}): four, so three successive agreements.
 *
 * @default 4
 * @example
 * ```ts
 * JUMP_ROWS; // 4
 * ```
 */
export const JUMP_ROWS = 4;

/**
 * A jump is confirmed only once the step is below this fraction of the scale: a kink at a distance
 * δ from x looks exactly like a jump of size |J|·δ while h > δ. 2^-40 ≈ 9.1e-13: kinks closer than
 * that to x are reported as jumps.
 *
 * @example
 * ```ts
 * JUMP_RESOLUTION; // 9.094947017729282e-13
 * ```
 */
export const JUMP_RESOLUTION = 2 ** -40;

/**
 * Step ratio while a jump awaits confirmation (see {@link JUMP_RESOLUTION}): 2^10, so the confirmation
 * costs a few rows.
 *
 * @default 1024
 * @example
 * ```ts
 * JUMP_STEP_RATIO; // 1024
 * ```
 */
export const JUMP_STEP_RATIO = 2 ** 10;

/**
 * Noise shows as differences that stop shrinking while h shrinks (noise/h doubles when h halves).
 * Right after NOISE_SETTLED_ROWS settled rows in a row, a row far from the asymptotic regime whose
 * change is more than NOISE_SIGNAL times the modelled rounding marks the column as noisy: it stops
 * there, keeping its best entry, and the noise level is estimated (noise.ts); a pre-asymptotic
 * function that trips this is told apart by the noise tables.
 *
 * @default 2
 * @example
 * ```ts
 * NOISE_SETTLED_ROWS; // 2
 * ```
 */
export const NOISE_SETTLED_ROWS = 2;

/**
 * Far rows in a row whose change grew (each above NOISE_SIGNAL times the rounding) that mark a column
 * as noisy even without settled rows before them: f with no truncation error (x² with noise) is
 * never settled, its changes only grow like noise/h. Two, so that the jump test (three agreements of
 * D·hⁿ) sees a jump first.
 *
 * @default 2
 * @example
 * ```ts
 * NOISE_GROWTH_ROWS; // 2
 * ```
 */
export const NOISE_GROWTH_ROWS = 2;

/**
 * See {@link NOISE_SETTLED_ROWS}: how far above the modelled rounding a growing change must be to
 * count as noise.
 *
 * @default 8
 * @example
 * ```ts
 * NOISE_SIGNAL; // 8
 * ```
 */
export const NOISE_SIGNAL = 8;

/**
 * Noise counts as noise, not rounding, when its level exceeds this many times the rounding model
 * F_ROUNDING·EPS·|f(x)|: below that, the engine's own rounding model already covers it.
 *
 * @default 4
 * @example
 * ```ts
 * NOISE_FLOOR; // 4
 * ```
 */
export const NOISE_FLOOR = 4;

/**
 * The noise tables are spaced 1/NOISE_PROBE_SPLIT of the step where the column noticed noise, and
 * 1/NOISE_PROBE_SPLIT of that (scalar-engine.ts): small enough that the smooth part of f no longer
 * shows in high differences, and two spacings to tell noise (the same at both) from a smooth part not
 * yet resolved (smaller at the smaller one).
 *
 * @default 16
 * @example
 * ```ts
 * NOISE_PROBE_SPLIT; // 16
 * ```
 */
export const NOISE_PROBE_SPLIT = 16;

/**
 * How many times the noise table may widen by NOISE_PROBE_SPLIT while its values are too few to tell.
 *
 * @default 2
 * @example
 * ```ts
 * NOISE_PROBE_RETRIES; // 2
 * ```
 */
export const NOISE_PROBE_RETRIES = 2;

/**
 * The noise level is a standard deviation σ (Moré and Wild's estimate, or the `noise` option); the
 * error model needs a bound on the noise of each value, taken as NOISE_COVERAGE·σ: 3σ covers 99.7% of
 * Gaussian noise and all of uniform noise (whose bound is √3·σ), as for rounding to a grid (float32).
 *
 * @default 3
 * @example
 * ```ts
 * NOISE_COVERAGE; // 3
 * ```
 */
export const NOISE_COVERAGE = 3;

/**
 * An estimate from steps longer than this (absolute) is checked at the unit scale even when its error
 * looks good: steps relative to a large |x| can alias a periodic f (sin at x = 100 with h ≈ 2π: the
 * differences at h and h/2 both cancel to almost nothing and agree). Where the two scales disagree
 * beyond their errors, the smaller steps win.
 *
 * @default 1
 * @example
 * ```ts
 * ALIAS_STEP; // 1
 * ```
 */
export const ALIAS_STEP = 1;

/**
 * The sharpened (Aitken-style) error estimate e²/e_prev ends a column only when the entry's own
 * Ridders error e is within this factor of its rounding error: sharpening assumes errors that fall
 * geometrically, and noise in f (a simulation's 1e-13, float32) makes e level off far above the
 * rounding model, where e²/e_prev would claim an accuracy the values do not have.
 *
 * @default 32
 * @example
 * ```ts
 * SHARP_TRUST; // 32
 * ```
 */
export const SHARP_TRUST = 32;

/**
 * The noise check of a result that looks smooth: one more base stencil at a tiny step
 * δ = s·2^round(log2(EPS^(1/(n+2))))/16, where the truncation error is far below the rounding error,
 * so D(δ) differs from the result by little more than f's own noise over δⁿ. A difference above
 * NOISE_CHECK_SIGNAL times the rounding model (plus the result's error) means f carries more noise
 * than rounding, too little to show at the engine's steps (a simulation's 1e-13, float32, a solver's
 * tolerance) but enough to spoil an error estimate there; the noise tables then measure it.
 *
 * @default 8
 * @example
 * ```ts
 * NOISE_CHECK_SIGNAL; // 8
 * ```
 */
export const NOISE_CHECK_SIGNAL = 8;

/**
 * Widest spacing of the first noise table (absolute): noise does not depend on the spacing, but a
 * periodic f sampled far apart looks like noise (sin at x = 1e5, where the column's steps are ~1e3).
 * Quantised f (float32 at large |x|) still widens the table past it when its values are too few.
 * 2^-10 ≈ 1e-3.
 *
 * @example
 * ```ts
 * NOISE_MAX_SPACING; // 0.0009765625
 * ```
 */
export const NOISE_MAX_SPACING = 2 ** -10;

/**
 * How far above the rounding model a change must be to count towards NOISE_GROWTH_ROWS: changes that
 * keep growing as h shrinks are noise even when only a few times the model (rounding inside f from a
 * cancellation, as in c − t² near a root of f, exceeds the model of 2·EPS·|f|).
 *
 * @default 2
 * @example
 * ```ts
 * NOISE_GROWTH_SIGNAL; // 2
 * ```
 */
export const NOISE_GROWTH_SIGNAL = 2;

/**
 * The most pipelines (points of `derivative(f, xs)`, coordinates of a gradient) that the batched and
 * async loops run in lockstep; a finished one makes room for the next. A round then holds at most
 * about this many stencil rows (2 to 11 points each). Measured for sin′ at 10⁵ points with a batched
 * f (bench/scale.ts): 64 in lockstep ran at 56k points/s of CPU with 9,305 calls, 512 at 24k with
 * 1,165 calls (the engines' state falls out of cache); 256 keeps a batch at about 500 points.
 *
 * @default 256
 * @example
 * ```ts
 * LOCKSTEP_PIPELINES; // 256
 * ```
 */
export const LOCKSTEP_PIPELINES = 256;

/**
 * The most numbers in one batch of points of a function of n variables (a row-major block of
 * points × n): the coordinates in lockstep are cut to fit, so a gradient at n = 10⁴ sends blocks of
 * at most 32 MB.
 *
 * @default 4194304 (2²²)
 * @example
 * ```ts
 * BATCH_BLOCK_NUMBERS; // 4194304
 * ```
 */
export const BATCH_BLOCK_NUMBERS = 2 ** 22;

/**
 * Calls of f in flight at once by default (an async f that is a remote service or a worker pool
 * should say how many it serves): enough to keep a small pool busy without flooding a service.
 *
 * @default 8
 * @example
 * ```ts
 * ASYNC_CONCURRENCY; // 8
 * ```
 */
export const ASYNC_CONCURRENCY = 8;

/**
 * Below NOISE_CHECK_SIGNAL, the noise check still scales the estimate's error: its difference at step δ
 * misses the estimate by g beyond the estimate's error, while the rounding model is
 * F_ROUNDING·EPS·Σ|wᵢfᵢ|/δ. Correctly rounded values (errors ≤ EPS·|f|/2) move a central difference by at
 * most a quarter of that, so g/model above 1/4 means f's values carry more error than rounding, which the
 * estimate's error (carried rounding, from the same values) shares. Two values show noise small by
 * chance (the difference of two uniform errors is below a quarter of its range one time in four), so
 * the factor is twice 4: the error is multiplied by 8·g/model when that exceeds 1. A simulation's noise
 * of 1e-13 (eˣ + 1e-13·noise at 1.487: 4.4254413526300 ± 5.7e-13, off by 1.2e-11) is then covered; a
 * correctly rounded f's error grows by 2× at most (exp′ at 1 keeps 5.2e-13). On the reference set the
 * median estimate/true error went from 28 to 32.
 *
 * @default 8
 * @example
 * ```ts
 * CHECK_EXCESS_SCALE; // => 8
 * ```
 */
export const CHECK_EXCESS_SCALE = 8;

/**
 * A quiet noise check whose gap beyond the estimate's error is above this many times its rounding
 * model takes a second check, at SECOND_CHECK_RATIO of its step. Correctly rounded values keep the gap
 * within a quarter of the model (see CHECK_EXCESS_SCALE), so they never pay for it (exp′, sin′ at 1: 10
 * calls); an f computed in several roundings sometimes does (the reference set's mean calls for f′
 * went from 14.82 to 14.94, its median stays 10). A gap of a quarter to NOISE_CHECK_SIGNAL models is also
 * what noise far above rounding shows when its two values happen to lie close: the difference of two
 * independent noise samples of σ = 450 ulps (a simulation's relative 1e-13) falls below
 * NOISE_CHECK_SIGNAL models about one time in 80, and such misses left errors 10 to 40 times below the
 * truth (atan t·(1 + 8e-14·noise) at −5: 1.3e-13 where the error is 3.0e-12). The second check's points
 * are new, so its noise sample is independent of the first: both miss about one time in 10⁴, and the
 * first alone (a gap below a quarter) one time in 10³.
 *
 * @default 0.25
 * @example
 * ```ts
 * NOISE_RECHECK_GAP; // => 0.25
 * ```
 */
export const NOISE_RECHECK_GAP = 0.25;

/**
 * The step of the second noise check (NOISE_RECHECK_GAP) as a fraction of the first's: half, a power of
 * two (so the step is exact at every scale) where the truncation is four times smaller still.
 *
 * @default 0.5
 * @example
 * ```ts
 * SECOND_CHECK_RATIO; // => 0.5
 * ```
 */
export const SECOND_CHECK_RATIO = 0.5;

/**
 * The noise level of last resort for f whose values lie on a coarse grid of step q (a float32 f), when
 * every noise table was below the grid's resolution: this many steps. Rounding to the grid alone is
 * uniform within ±q/2 (standard deviation q/√12); a float32 computation of several operations
 * (the sigmoid 1/(1 + e⁻ˣ)) rounds more than once, so one whole step is taken, which the error model's
 * NOISE_COVERAGE turns into a bound of 3q.
 *
 * @default 1
 * @example
 * ```ts
 * GRID_NOISE_STEPS; // => 1
 * ```
 */
export const GRID_NOISE_STEPS = 1;

/**
 * The error of an unsettled column's fallback (growth.ts, unsettledEstimate) in units of the change of
 * its difference from h to h/2: twice it. Where D's error grows like 1/h (noise, or f's rounding
 * jumping at x), D(h/2) is off by twice the change; where it shrinks like h², by a third of it.
 *
 * @default 2
 * @example
 * ```ts
 * UNSETTLED_FACTOR; // => 2
 * ```
 */
export const UNSETTLED_FACTOR = 2;

/**
 * The noise check's step is EPS^(1/(n+2)) of the scale (where truncation and rounding of an n-th
 * difference balance) divided by this: 16² = 256 times less truncation for a central stencil, so what
 * the check sees beyond rounding is noise.
 *
 * @default 16
 * @example
 * ```ts
 * NOISE_CHECK_SHRINK; // => 16
 * ```
 */
export const NOISE_CHECK_SHRINK = 16;

/**
 * The highest order whose one-sided derivative (method "forward" or "backward") gets the noise check.
 * Its step is h = EPS^(1/(n+1))/NOISE_CHECK_SHRINK of the scale, so its rounding, relative to |f|, is
 * F_ROUNDING·EPS·Σ|w|/hⁿ with Σ|w| = 2ⁿ (h a power of two): 9.5e-7 for n = 1, 7.8e-3 for n = 2, 8
 * for n = 3 and 512 for n = 4. Above order 2 it could only see noise larger than f itself, for n + 1
 * more calls (on the honesty scan's orders 3 and 4 it changed nothing but the calls: 4 more).
 *
 * @default 2
 * @example
 * ```ts
 * ONE_SIDED_CHECK_ORDER; // => 2
 * ```
 */
export const ONE_SIDED_CHECK_ORDER = 2;

/**
 * An unconfirmed first derivative (no error estimate) is tested for growth by comparing the difference
 * at its last step with the same difference at this many times that step: a derivative that is infinite at x (√x, ∛x at 0) makes
 * the quotient grow like h^(-α), α > 0, as h shrinks.
 *
 * @default 16
 * @example
 * ```ts
 * GROWTH_SHRINK; // => 16
 * ```
 */
export const GROWTH_SHRINK = 16;

/**
 * The growth that marks an infinite first derivative: the quotient at the last step exceeds this many
 * times the quotient at GROWTH_SHRINK times that step, with the same sign. 2 = 16^(1/4): every growth like h^(-α) with
 * α ≥ 1/4 (√x gives 4×, ∛x 6.3×); a finite derivative changes by its truncation error only.
 *
 * @default 2
 * @example
 * ```ts
 * GROWTH_FACTOR; // => 2
 * ```
 */
export const GROWTH_FACTOR = 2;
