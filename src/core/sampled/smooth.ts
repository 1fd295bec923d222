/**
 * The smoothing differentiators behind `differentiate(y, x, { smooth })`, for one dimension.
 */

import { invalid } from "../errors.js";
import { absentEstimate } from "./error-estimate.js";
import { chooseWindow } from "./gcv-window.js";
import { noiseLevel } from "./noise-level.js";
import { savitzkyGolayLine } from "./savitzky-golay.js";
import { DEGREE_ABOVE_ORDER, NEARLY_UNIFORM } from "./smoothing-constants.js";
import { nearlyCommonSpacing } from "./common-spacing.js";
import { totalVariationLine } from "./total-variation.js";
import type { DifferentiateOptions, SampledResult } from "./types.js";
import { checkCount, type ResolvedGrid } from "./validate.js";

const SMOOTHERS = ["auto", "savitzky-golay", "total-variation"];

/** Why a smoothed derivative has no error estimate. */
const NO_ESTIMATE =
  "a smoothed derivative's error is mostly bias that depends on the unknown function; the data cannot measure it honestly";

/**
 * Savitzky–Golay (`"auto"`, `"savitzky-golay"`) or total-variation derivative of one line, reporting
 * the window or the regularisation chosen. Coordinates uniform to within {@link NEARLY_UNIFORM} are
 * taken as uniform with their mean spacing.
 *
 * @throws NumdiffError (INVALID_OPTION, INVALID_ORDER, INVALID_SAMPLES) for bad setup.
 * @example
 * ```ts
 * smoothDerivative(noisySine, { h: 0.0063, x: null }, 1, { smooth: "auto" });
 * // { method: "savitzky-golay", window: 101, degree: 3, chosenBy: "gcv", ... }
 * ```
 */
export function smoothDerivative(
  y: Float64Array,
  grid: ResolvedGrid,
  order: number,
  o: DifferentiateOptions,
): SampledResult {
  if (!SMOOTHERS.includes(o.smooth as string)) {
    throw invalid(
      "INVALID_OPTION",
      "smooth",
      `"none", ${SMOOTHERS.map((s) => `"${s}"`).join(", ")}`,
      o.smooth,
    );
  }
  const n = y.length;
  const spacing = grid.x === null ? null : nearlyCommonSpacing(grid.x, NEARLY_UNIFORM);
  const line: ResolvedGrid = spacing === null ? grid : { h: spacing, x: null };
  if (o.smooth === "total-variation") {
    if (order !== 1) throw invalid("INVALID_ORDER", "order", '1 with smooth: "total-variation"', order);
    const alpha = o.regularization;
    if (alpha !== undefined && !(typeof alpha === "number" && alpha > 0 && Number.isFinite(alpha))) {
      throw invalid("INVALID_OPTION", "regularization", "a finite number > 0", alpha);
    }
    checkCount(n, 4, "y.length", "total variation");
    const fit = totalVariationLine(y, line, alpha);
    const { error, note } = absentEstimate(n, NO_ESTIMATE);
    return {
      value: fit.value,
      error,
      errorNote: note,
      method: "total-variation",
      order,
      regularization: fit.alpha,
      chosenBy: fit.chosenBy,
      noise: fit.noise,
    };
  }
  const degree = o.degree ?? order + DEGREE_ABOVE_ORDER;
  if (!(Number.isInteger(degree) && degree >= order && degree <= 8)) {
    throw invalid("INVALID_OPTION", "degree", `an integer from ${order} (the order) to 8`, degree);
  }
  let window = o.window;
  let chosenBy: "given" | "gcv" = "given";
  if (window === undefined) {
    checkCount(n, degree + 3, "y.length", `choosing a window for degree ${degree}`);
    window = chooseWindow(y, line, degree).window;
    chosenBy = "gcv";
  } else if (!(Number.isInteger(window) && window % 2 === 1 && window > degree && window <= n)) {
    throw invalid(
      "INVALID_OPTION",
      "window",
      `an odd integer from ${degree + 1 + (degree % 2)} to ${n}`,
      window,
    );
  }
  const value = new Float64Array(n);
  savitzkyGolayLine(y, line, window, degree, order, value);
  const { error, note } = absentEstimate(n, NO_ESTIMATE);
  return {
    value,
    error,
    errorNote: note,
    method: "savitzky-golay",
    order,
    window,
    degree,
    chosenBy,
    noise: noiseLevel(y),
  };
}
