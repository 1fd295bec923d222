/**
 * Defaults and limits of the sampled-data differentiators, each with its formula or source.
 */

/**
 * Accuracy orders accepted for stencils on samples: the even orders 2 to 8, as findiff's `acc`
 * (M. Baer, findiff) and numdiff's engine ({@link SUPPORTED_ACCURACIES}).
 *
 * @default [2, 4, 6, 8]
 * @example
 * ```ts
 * SAMPLED_ACCURACIES.includes(4); // true
 * ```
 */
export const SAMPLED_ACCURACIES: readonly number[] = Object.freeze([2, 4, 6, 8]);

/**
 * The accuracy order used when none is given: the truncation error is O(h²), as numpy.gradient's
 * interior and findiff's default.
 *
 * @default 2
 * @example
 * ```ts
 * differentiate([0, 1, 4, 9], 1).accuracy; // SAMPLED_DEFAULT_ACCURACY (2)
 * ```
 */
export const SAMPLED_DEFAULT_ACCURACY = 2;

/**
 * Highest derivative order of sampled data. An n-th difference amplifies the rounding of the samples by
 * about 2^n/h^n; past 16 no double-precision data carries a usable answer.
 *
 * @default 16
 * @example
 * ```ts
 * differentiate(y, 1, { order: SAMPLED_MAX_ORDER + 1 }); // throws NumdiffError [INVALID_ORDER]
 * ```
 */
export const SAMPLED_MAX_ORDER = 16;

/**
 * Increase of the accuracy order used for the error estimate of smooth data: the estimate is
 * |D_p − D_{p+2}|, the leading truncation term of D_p when the data resolve the function.
 *
 * @default 2
 * @example
 * ```ts
 * differentiate(y, h, { accuracy: 4 }).error; // |D_4 − D_6| at each sample
 * ```
 */
export const ERROR_ACCURACY_STEP = 2;
