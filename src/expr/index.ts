export { FormulaError } from "./errors.js";
export { MAX_ANALYTIC_CONDITIONALS, MAX_FORMULA_LENGTH, MAX_NESTING } from "./limits.js";
export { compileFormula, type CompiledFormula } from "./compile.js";
