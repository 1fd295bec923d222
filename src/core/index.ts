/**
 * The `numdiff` entry: the API only. The tuning constants are in `numdiff/constants`
 * (./all-constants.ts).
 */
export { NumdiffError, describeValue, invalid, type NumdiffErrorCode } from "./errors.js";
export type {
  Accuracy,
  ArrayFnN,
  ArrayVecFn,
  DerivativeOptions,
  DerivativeResult,
  Fn1,
  FnN,
  LentArray,
  Method,
  OneSided,
  PointLike,
  Status,
  StencilKind,
  VecFn,
} from "./types.js";
export { stencil, stencilOffsets, type Stencil } from "./stencil.js";
export { derivative } from "./derivative.js";
export type { MultiBounds, MultivariateOptions } from "./vector.js";
export { partial } from "./partial.js";
export { gradient, type GradientResult } from "./gradient.js";
export { directionalDerivative } from "./directional.js";
export { jacobian, type JacobianOptions, type JacobianResult } from "./jacobian.js";
export { hessian, type HessianOptions, type HessianResult } from "./hessian.js";
export { checkGradient, type CheckGradientOptions, type GradientCheck } from "./check-gradient.js";
export { toPlain, type Plain } from "./plain.js";
