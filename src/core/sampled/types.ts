/**
 * Options and results of the sampled-data differentiators.
 */

/**
 * The positions of the samples along one axis: a number (uniform spacing) or the coordinates
 * (strictly increasing, one per sample).
 *
 * @example
 * ```ts
 * const uniform: Grid = 0.1;
 * const nonUniform: Grid = [0, 0.1, 0.3, 0.7];
 * ```
 */
export type Grid = number | ArrayLike<number>;

/**
 * The grid of an array with a shape: one {@link Grid} for every axis, or one number shared by all axes.
 *
 * @example
 * ```ts
 * const grids: Grids = [0.1, [0, 1, 3]]; // axis 0 uniform, axis 1 non-uniform
 * ```
 */
export type Grids = number | readonly Grid[];

/**
 * The smoothing differentiators: `"none"` (plain stencils), `"auto"` (Savitzky–Golay with the window
 * chosen by generalised cross-validation), `"savitzky-golay"`, or `"total-variation"`.
 *
 * @example
 * ```ts
 * const s: Smoothing = "auto";
 * ```
 */
export type Smoothing = "none" | "auto" | "savitzky-golay" | "total-variation";

/**
 * How a sampled derivative was computed.
 *
 * @example
 * ```ts
 * differentiate([0, 1, 4], 1).method; // "finite-difference"
 * ```
 */
export type SampledMethod = "finite-difference" | "numpy-gradient" | "savitzky-golay" | "total-variation";

/**
 * Options of {@link differentiate}.
 *
 * @example
 * ```ts
 * const options: DifferentiateOptions = { order: 2, accuracy: 4 };
 * ```
 */
export interface DifferentiateOptions {
  /** Which derivative, an integer from 1 to {@link SAMPLED_MAX_ORDER}; default 1. */
  order?: number;
  /** Truncation order of the stencils, 2, 4, 6 or 8 (default 2); the same at the edges. */
  accuracy?: number;
  /** numpy.gradient's semantics: first derivative, second-order interior, edges of this order (1 or 2). */
  edgeOrder?: 1 | 2;
  /** The shape of a row-major array; default `[y.length]`. */
  shape?: readonly number[];
  /** The axis to differentiate along (default 0); negative counts from the end. */
  axis?: number;
  /** Smoothing differentiator for noisy data (one dimension only); default `"none"`. */
  smooth?: Smoothing;
  /** Savitzky–Golay: the window (odd number of samples); default chosen by GCV. */
  window?: number;
  /** Savitzky–Golay: the degree of the local polynomial; default order + 2. */
  degree?: number;
  /** Total variation: the regularisation weight α; default chosen by the discrepancy principle. */
  regularization?: number;
  /** Whether to estimate the error (costs a second stencil pass); default true. */
  errors?: boolean;
}

/**
 * A derivative of samples, with its error estimate where one can be honest.
 *
 * @example
 * ```ts
 * const r: SampledResult = differentiate([0, 1, 4, 9, 16], 1);
 * r.value; // Float64Array [0, 2, 4, 6, 8]  (accuracy 2 is exact for a quadratic, edges included)
 * r.error; // Float64Array [0, 0, 0, 0, 0]  (|D_2 − D_4|)
 * ```
 */
export interface SampledResult {
  /** The derivative at each sample, in the layout of y. */
  value: Float64Array;
  /** Estimated absolute error at each sample; NaN where there is no honest estimate (see `errorNote`). */
  error: Float64Array;
  /** Why `error` is NaN, or how it was estimated. */
  errorNote: string;
  /** How the derivative was computed. */
  method: SampledMethod;
  /** Which derivative. */
  order: number;
  /** Truncation order of the stencils (finite differences). */
  accuracy?: number;
  /** Savitzky–Golay: the window in samples, and the polynomial degree. */
  window?: number;
  /** The degree of the local polynomial (Savitzky–Golay), when one was fitted. */
  degree?: number;
  /** Total variation: the regularisation weight α used. */
  regularization?: number;
  /** How the window or the regularisation was chosen: `"given"`, `"gcv"` or `"discrepancy"`. */
  chosenBy?: "given" | "gcv" | "discrepancy";
  /** The noise level (standard deviation) estimated from the data, when a smoother used it. */
  noise?: number;
}
