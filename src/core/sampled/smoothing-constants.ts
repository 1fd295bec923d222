/**
 * Defaults of the smoothing differentiators, each with its formula or source.
 */

/**
 * Order of the differences used to estimate the noise of samples: the k-th differences of a smooth,
 * densely sampled function are tiny, those of white noise have variance σ²·C(2k, k).
 *
 * @default 3
 * @example
 * ```ts
 * noiseLevel(noisySine); // ≈ 0.01 for noise of standard deviation 0.01
 * ```
 */
export const NOISE_DIFFERENCE_ORDER = 3;

/**
 * Median of |Z| for a standard normal Z, Φ⁻¹(3/4): the median absolute value divided by it estimates
 * σ robustly (F. R. Hampel, J. Amer. Statist. Assoc. 69 (1974) 383-393).
 *
 * @default 0.6744897501960817
 * @example
 * ```ts
 * MAD_NORMAL; // 0.6744897501960817
 * ```
 */
export const MAD_NORMAL = 0.6744897501960817;

/**
 * Number of candidate windows tried by generalised cross-validation, spread geometrically from the
 * smallest window the degree allows to {@link MAX_WINDOW_FRACTION} of the samples.
 *
 * @default 40
 * @example
 * ```ts
 * differentiate(y, x, { smooth: "auto" }).window; // one of 40 candidates
 * ```
 */
export const GCV_CANDIDATES = 40;

/**
 * Largest window GCV considers, as a fraction of the number of samples: a window wider than half the
 * data fits one polynomial to most of it.
 *
 * @default 0.5
 * @example
 * ```ts
 * MAX_WINDOW_FRACTION * 1000; // windows up to 500 samples for 1,000 samples
 * ```
 */
export const MAX_WINDOW_FRACTION = 0.5;

/**
 * Largest window GCV considers, in samples, whatever the number of samples: the cost of one candidate
 * is n·window multiply-adds, so 10^5 samples stay under a second for all candidates.
 *
 * @default 501
 * @example
 * ```ts
 * MAX_WINDOW; // 501
 * ```
 */
export const MAX_WINDOW = 501;

/**
 * Relative spread of the spacings below which Savitzky–Golay treats a grid as uniform with the mean
 * spacing (one set of weights for the whole interior instead of a least-squares fit per sample): the
 * coordinates of a CSV written from linspace differ from uniform by ~1e-15 relative, and a relative
 * change of 1e-9 in the abscissae changes a smoothed derivative by about as much.
 *
 * @default 1e-9
 * @example
 * ```ts
 * NEARLY_UNIFORM; // 1e-9
 * ```
 */
export const NEARLY_UNIFORM = 1e-9;

/**
 * Polynomial degree of Savitzky–Golay fits above the derivative order: order + 2 keeps the bias of
 * the derivative at O(window^(order+2)) while the noise it passes stays moderate.
 *
 * @default 2
 * @example
 * ```ts
 * differentiate(y, x, { smooth: "auto" }).degree; // 3 for the first derivative
 * ```
 */
export const DEGREE_ABOVE_ORDER = 2;

/**
 * Lagged-diffusivity iterations of total-variation differentiation (C. R. Vogel and M. E. Oman, SIAM
 * J. Sci. Comput. 17 (1996) 227-238; as used by R. Chartrand, ISRN Appl. Math. 2011, 164564).
 *
 * @default 30
 * @example
 * ```ts
 * TV_ITERATIONS; // 30
 * ```
 */
export const TV_ITERATIONS = 30;

/**
 * Relative change of the derivative below which the lagged-diffusivity iteration stops early.
 *
 * @default 1e-6
 * @example
 * ```ts
 * TV_TOLERANCE; // 1e-6
 * ```
 */
export const TV_TOLERANCE = 1e-6;

/**
 * Smoothing of |u'| in the total variation, sqrt(u'² + ε) with ε = (TV_EPSILON · slope scale)², where
 * the slope scale is the range of y over the range of x per sample: keeps the functional differentiable
 * (Chartrand uses ε = 1e-6 in scaled units).
 *
 * @default 1e-4
 * @example
 * ```ts
 * TV_EPSILON; // 1e-4
 * ```
 */
export const TV_EPSILON = 1e-4;

/**
 * Bisection steps on log α for the discrepancy principle (V. A. Morozov, 1966): α is chosen so that the
 * RMS residual of the integrated derivative equals the estimated noise. 20 halvings of the bracket of
 * 2·{@link TV_ALPHA_DECADES} decades locate α to a factor 10^(12/2^20) ≈ 1.00003.
 *
 * @default 20
 * @example
 * ```ts
 * TV_ALPHA_STEPS; // 20
 * ```
 */
export const TV_ALPHA_STEPS = 20;

/**
 * Half-width, in decades, of the bracket searched for α around the scale n·σ²/(slope scale).
 *
 * @default 6
 * @example
 * ```ts
 * TV_ALPHA_DECADES; // 6: α in [10^-6, 10^6] times the scale
 * ```
 */
export const TV_ALPHA_DECADES = 6;
