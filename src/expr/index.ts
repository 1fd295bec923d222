export { FormulaError } from "./errors.js";
export {
  MAX_ANALYTIC_DEPTH,
  MAX_ANALYTIC_NODES,
  MAX_ANALYTIC_WORK,
  MAX_FORMULA_LENGTH,
  MAX_NESTING,
  MAX_SOURCE_LENGTH,
  MAX_VARIABLES,
} from "./limits.js";
export { compareNames, compileFormula, type CompiledFormula } from "./compile.js";
export {
  analyticDerivative,
  analyticGradient,
  analyticHessian,
  exactDerivative,
  exactGradient,
  exactHessian,
  type Analytic,
} from "./analytic.js";
export { crossCheck, EXACT_AGREEMENT_FACTOR, EXACT_AGREEMENT_RTOL } from "./cross-check.js";
