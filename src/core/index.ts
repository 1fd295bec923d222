/**
 * The `numdiff` entry: the API only. The tuning constants are in `numdiff/constants`
 * (./all-constants.ts).
 */
export { NumdiffError, describeValue, invalid, type NumdiffErrorCode } from "./errors.js";
export { checkFunction } from "./validate.js";
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
  NoiseOption,
  OneSided,
  PointLike,
  Status,
  StencilKind,
  VecFn,
  BatchFn,
} from "./types.js";
export { stencil, stencilOffsets, type Stencil } from "./stencil.js";
export { derivative } from "./derivative.js";
export type { DerivativesResult } from "./many.js";
export { STATUSES, statusCode, worstStatus, fixedStatus } from "./status.js";
export type { MultiBounds, MultivariateOptions } from "./vector.js";
export { partial } from "./partial.js";
export { gradient, type GradientResult } from "./gradient.js";
export { directionalDerivative } from "./directional.js";
export { jacobian, type BatchVecFn, type JacobianOptions, type JacobianResult } from "./jacobian.js";
export { hessian, type HessianOptions, type HessianResult } from "./hessian.js";
export { MIXED_INITIAL_STEP } from "./mixed-partial.js";
export { checkGradient, type CheckGradientOptions, type GradientCheck } from "./check-gradient.js";
export { toPlain, type Plain } from "./plain.js";
export * from "./sampled/index.js";
export { toSparsityPattern, type SparsityInput, type SparsityPattern } from "./sparse/pattern.js";
export { columnColouring, type ColumnColouring } from "./sparse/colouring.js";
export { detectSparsity, DETECT_OFFSET, DETECT_POINTS, DETECT_SEED, DETECT_STEP } from "./sparse/detect.js";
export {
  sparseJacobian,
  type SparseJacobianOptions,
  type SparseJacobianResult,
} from "./sparse/sparse-jacobian.js";
export {
  sparseHessian,
  type SparseHessianOptions,
  type SparseHessianResult,
} from "./sparse/sparse-hessian.js";
export { toDenseRows } from "./sparse/dense-rows.js";
