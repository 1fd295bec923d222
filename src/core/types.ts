/** A real function of one real variable. */
export type Fn1 = (x: number) => number;

/** A real function of several variables. The array is lent for the call only: do not keep it. */
export type FnN = (x: Float64Array) => number;

/** A vector function of several variables. The array is lent for the call only: do not keep it. */
export type VecFn = (x: Float64Array) => ArrayLike<number>;

/** The finite-difference stencil behind a value. */
export type StencilKind = "central" | "forward" | "backward";

/** How to difference: `"auto"` (adaptive, extrapolated, goes one-sided at domain edges) or a fixed kind. */
export type Method = "auto" | StencilKind;

/** Options shared by every differentiation function. */
export interface DerivativeOptions {
  /** Which derivative: 1 (default) to {@link MAX_ORDER}. */
  order?: number;
  /** `"auto"` (default), `"central"`, `"forward"` or `"backward"`. */
  method?: Method;
  /**
   * A fixed step h: one plain stencil with exactly this h, no extrapolation, no adjustment.
   * Without it, steps are chosen adaptively relative to the scale of x.
   */
  step?: number;
  /** Truncation order of the fixed-step stencil: 2 (default), 4, 6 or 8. */
  accuracy?: number;
  /** `[lo, hi]`: f is never evaluated outside. */
  bounds?: readonly [number, number];
}

/** The result of a one-dimensional derivative estimate. */
export interface DerivativeResult {
  /** The estimate. */
  value: number;
  /** Estimated absolute error (an upper bound in the vast majority of cases); NaN if unknown. */
  error: number;
  /** The step behind the returned value. */
  step: number;
  /** Calls of f actually made, exactly. */
  evaluations: number;
  /** The stencil behind the returned value. */
  method: StencilKind;
}
