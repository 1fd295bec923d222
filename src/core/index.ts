export * from "./constants.js";
export { NumdiffError, describeValue, invalid, type NumdiffErrorCode } from "./errors.js";
export type { DerivativeOptions, DerivativeResult, Fn1, FnN, Method, StencilKind, VecFn } from "./types.js";
export { stencil, stencilOffsets, type Stencil } from "./stencil.js";
export { derivative } from "./derivative.js";
