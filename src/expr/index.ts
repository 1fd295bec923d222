export { FormulaError } from "./errors.js";
export {
  MAX_ANALYTIC_CONDITIONALS,
  MAX_ANALYTIC_NODES,
  MAX_FORMULA_LENGTH,
  MAX_NESTING,
  MAX_SIMPLIFY_NODES,
} from "./limits.js";
export { compareNames, compileFormula, type CompiledFormula } from "./compile.js";
export { analyticDerivative, analyticGradient, analyticHessian } from "./analytic.js";
