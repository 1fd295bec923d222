import { invalid } from "numdiff";

/**
 * Whether `lr` is a learning rate the descent accepts: a finite number greater than 0. The one rule
 * for the command (`numdiff descent --lr`), the figure ({@link descentFigure}) and the explorer's
 * `lr` parameter. 0 never moves and a negative rate climbs instead of descending; both are refused
 * rather than drawn as something that is not gradient descent. Large rates are allowed: the book
 * shows lr = 10 diverging.
 *
 * @example
 * ```ts
 * isLearningRate(0.1); // true
 * isLearningRate(-1); // false
 * isLearningRate(NaN); // false
 * ```
 */
export function isLearningRate(lr: unknown): lr is number {
  return typeof lr === "number" && Number.isFinite(lr) && lr > 0;
}

/**
 * `lr` if it is a learning rate ({@link isLearningRate}), else a NumdiffError naming it.
 *
 * @throws NumdiffError (INVALID_OPTION): "invalid lr; expected a finite number greater than 0, got -1".
 * @example
 * ```ts
 * checkLearningRate(0.1); // 0.1
 * checkLearningRate(-1); // throws NumdiffError: invalid lr; expected a finite number greater than 0, got -1
 * ```
 */
export function checkLearningRate(lr: unknown, argument = "lr"): number {
  if (!isLearningRate(lr)) throw invalid("INVALID_OPTION", argument, "a finite number greater than 0", lr);
  return lr;
}
