import { EPS } from "numdiff/constants";
import { derivative } from "numdiff";
import { invalid } from "numdiff";
import type { Fn1 } from "numdiff";
import { checkFunction } from "numdiff";
import { checkFinite, checkInteger } from "./validate.js";

/**
 * Steps of the error curve per decade of h: 4 (h = 10^(k/4)) shows the V shape smoothly with 65
 * points from 1e-16 to 1, i.e. 65·3 + the default method's calls of f.
 *
 * @default 4
 * @example
 * ```ts
 * STEPS_PER_DECADE; // 4
 * ```
 */
export const STEPS_PER_DECADE = 4;

/**
 * Exponent range of h on the error curve: 10^-16 (below the unit roundoff of x ≈ 1, where
 * f(x + h) = f(x)) to 10^0 (where truncation error dominates for any ordinary f).
 *
 * @example
 * ```ts
 * STEP_EXPONENTS; // [-16, 0]
 * ```
 */
export const STEP_EXPONENTS: readonly [number, number] = Object.freeze([-16, 0]) as readonly [number, number];

/**
 * Errors are clamped from below to EPS/4 · |reference| (half the unit roundoff of the reference):
 * a nonzero difference of doubles near the reference cannot be smaller, so everything below is an
 * exact 0, which a log axis cannot show.
 *
 * @default EPS / 4 ≈ 5.55e-17
 * @example
 * ```ts
 * ERROR_FLOOR_RELATIVE; // 5.551115123125783e-17
 * ```
 */
export const ERROR_FLOOR_RELATIVE = EPS / 4;

/**
 * The floor used when the reference derivative is exactly 0 (cos at 0): an absolute 1e-20, below any
 * error a finite difference of a function of ordinary size makes.
 *
 * @default 1e-20
 * @example
 * ```ts
 * ZERO_REFERENCE_FLOOR; // 1e-20
 * ```
 */
export const ZERO_REFERENCE_FLOOR = 1e-20;

/**
 * Options of {@link errorCurveData}.
 *
 * @example
 * ```ts
 * errorCurveData({ f: Math.exp, x0: 0, exact: 1, stepsPerDecade: 1 }).h.length; // 17 (1e-16 … 1)
 * ```
 */
export interface ErrorCurveDataOptions {
  /** The function whose derivative is taken. */
  f: Fn1;
  /** The point where it is taken. */
  x0: number;
  /** The exact f′(x0); without it, numdiff's default `derivative(f, x0)` is the reference. */
  exact?: number;
  /** Steps per decade of h, default {@link STEPS_PER_DECADE}. */
  stepsPerDecade?: number;
}

/**
 * The data behind the error-versus-step figure.
 *
 * @example
 * ```ts
 * const d = errorCurveData({ f: Math.exp, x0: 0, exact: 1, stepsPerDecade: 1 });
 * d.h[12]; // 0.0001
 * d.central[12]; // 1.6668897373506297e-9 (the book's step)
 * d.forward[8]; // 6.07747097092215e-9 (h = 1e-8)
 * d.referenceSource; // "exact"
 * d.floor; // 5.551115123125783e-17
 * ```
 */
export interface ErrorCurveData {
  /** The steps, ascending: 10^(k/stepsPerDecade) to 12 significant digits (whole decades exact). */
  h: number[];
  /** |(f(x0 + h) − f(x0))/h − reference|, unclamped (NaN where f was not finite). */
  forward: number[];
  /** |(f(x0 + h) − f(x0 − h))/(2h) − reference|, the book's central difference, unclamped. */
  central: number[];
  /** The value errors are measured against. */
  reference: number;
  /** Where the reference came from. */
  referenceSource: "exact" | "default";
  /** numdiff's default `derivative(f, x0)`: its value and its estimated error. */
  auto: {
    /** The estimate. */
    value: number;
    /** Its estimated absolute error. */
    error: number;
  };
  /** The error shown for the default method: |auto − exact| with `exact`, else its estimated error. */
  autoError: number;
  /** Errors below this are drawn at it (see {@link ERROR_FLOOR_RELATIVE}). */
  floor: number;
}

/**
 * The actual error of the two-point forward difference and of the book's central difference as h
 * runs over 10^-16 … 1, against the exact derivative or, without one, numdiff's default estimate.
 *
 * @example
 * ```ts
 * const d = errorCurveData({ f: Math.sin, x0: 1, exact: Math.cos(1) });
 * d.h.length; // 65
 * d.h[d.forward.indexOf(Math.min(...d.forward))]; // ≈ 1e-8 (√ε: rounding ε/h meets truncation h)
 * d.h[d.central.indexOf(Math.min(...d.central))]; // ≈ 1e-5 (∛ε: rounding ε/h meets truncation h²)
 * ```
 */
export function errorCurveData(options: ErrorCurveDataOptions): ErrorCurveData {
  const { f } = options;
  checkFunction(f, "f");
  const x0 = checkFinite(options.x0, "x0", "INVALID_POINT");
  const perDecade = checkInteger(options.stepsPerDecade ?? STEPS_PER_DECADE, "stepsPerDecade", 1, 100);
  const auto = derivative(f, x0);
  const hasExact = options.exact !== undefined;
  const reference = hasExact ? checkFinite(options.exact, "exact", "INVALID_OPTION") : auto.value;
  if (!Number.isFinite(reference)) {
    throw invalid("INVALID_POINT", "x0", "a point where numdiff's default derivative is finite", x0);
  }
  const fx = f(x0);
  const h: number[] = [];
  const forward: number[] = [];
  const central: number[] = [];
  const [k0, k1] = STEP_EXPONENTS;
  for (let k = k0 * perDecade; k <= k1 * perDecade; k++) {
    // rounded to 12 digits so that whole decades are exact decimals: 1e-4 is the book's h, bit for bit.
    const step = Number((10 ** (k / perDecade)).toPrecision(12));
    const fp = f(x0 + step);
    h.push(step);
    forward.push(Math.abs((fp - fx) / step - reference));
    central.push(Math.abs((fp - f(x0 - step)) / (2 * step) - reference));
  }
  return {
    h,
    forward,
    central,
    reference,
    referenceSource: hasExact ? "exact" : "default",
    auto: { value: auto.value, error: auto.error },
    autoError: hasExact ? Math.abs(auto.value - reference) : auto.error,
    floor: reference !== 0 ? ERROR_FLOOR_RELATIVE * Math.abs(reference) : ZERO_REFERENCE_FLOOR,
  };
}
