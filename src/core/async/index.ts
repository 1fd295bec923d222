export {
  derivative,
  partial,
  gradient,
  type AsyncFn1,
  type AsyncFnN,
  type AsyncBatchFn,
} from "./functions.js";
export { ASYNC_CONCURRENCY, type AsyncOptions } from "./options.js";
export { jacobian, type AsyncVecFn } from "./jacobian.js";
