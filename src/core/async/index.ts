export {
  derivative,
  partial,
  gradient,
  type AsyncFn1,
  type AsyncFnN,
  type AsyncBatchFn,
} from "./functions.js";
export { type AsyncOptions } from "./options.js";
export { ASYNC_CONCURRENCY } from "../constants.js";
export { jacobian, type AsyncVecFn } from "./jacobian.js";
export { hessian } from "./hessian.js";
export { directionalDerivative } from "./directional.js";
export { checkGradient } from "./check-gradient.js";
