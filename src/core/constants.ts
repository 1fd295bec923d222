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
 * Ratio between successive steps of the adaptive descent (h_{i+1} = h_i / STEP_RATIO). With central
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
 * x = 1e10, a log near its pole), so the descent skips ahead.
 *
 * @default 16
 * @example
 * ```ts
 * FAST_STEP_RATIO; // => 16
 * ```
 */
export const FAST_STEP_RATIO = 16;

/**
 * Initial step of the adaptive descent, relative to the scale s of x, for derivative order n:
 * h0 = s · INITIAL_STEP[n]. Higher orders start larger because their rounding error grows like h^-n.
 * Index 0 is unused.
 *
 * @example
 * ```ts
 * INITIAL_STEP[1]; // => 0.125
 * ```
 */
export const INITIAL_STEP: readonly number[] = Object.freeze([
  0,
  2 ** -3,
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
 * Most rows of one adaptive descent. With the fast ratio this reaches 2^-60 of the starting scale.
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
 * The descent stops when the newest row's best error exceeds the best error so far by this factor
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
 * The descent stops once the estimated error is below this relative level: the estimate cannot get
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
 * within its reach) is shrunk by CENTRAL_SHRINK before the descent gives up: twice the central
 * retries, down to 4^-32 = 2^-64 of the first step.
 *
 * @default 32
 * @example
 * ```ts
 * ONE_SIDED_RETRIES; // => 32
 * ```
 */
export const ONE_SIDED_RETRIES = 2 * CENTRAL_RETRIES;
