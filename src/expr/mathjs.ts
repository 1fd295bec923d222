/**
 * The one math.js instance numdiff uses: private to this package, configured for real numbers only,
 * with the functions that math.js's security notes name as the riskiest (import, createUnit, evaluate,
 * parse, compile, simplify, derivative, resolve and the like) replaced in its namespace by functions
 * that throw. numdiff itself only ever calls the parser and the symbolic derivative captured below,
 * and never evaluates a math.js node: formulas run through numdiff's own closure compiler
 * (./compile.ts) after the whitelist walk (./parse.ts). math.js >= 15.2.0 is required (earlier
 * versions have published code-execution holes in the expression parser).
 */
import { all, create, type MathNode } from "mathjs";

const math = create(all, { number: "number", predictable: true });

/** math.js's parser, captured before the namespace is locked. */
export const mathParse: (text: string) => MathNode = math.parse.bind(math) as (text: string) => MathNode;

/** math.js's symbolic derivative (with simplification), captured before the namespace is locked. */
const derivativeFn = math.derivative;
export const mathDerivative: (node: MathNode, variable: string) => MathNode = (node, variable) =>
  derivativeFn(node, variable);

/** Node constructors for the rewrites that prepare a tree for the symbolic derivative. */
export const nodes = {
  ConditionalNode: math.ConditionalNode,
  ConstantNode: math.ConstantNode,
  FunctionNode: math.FunctionNode,
  OperatorNode: math.OperatorNode,
  ParenthesisNode: math.ParenthesisNode,
  RelationalNode: math.RelationalNode,
  SymbolNode: math.SymbolNode,
};

const isValuelessUnit = math.Unit.isValuelessUnit.bind(math.Unit);
const namespace = new Set<string>(Object.keys(math));

function disabled(name: string): () => never {
  return () => {
    throw new Error(`function ${name} is disabled`);
  };
}

const LOCKED = [
  "import",
  "createUnit",
  "evaluate",
  "parse",
  "compile",
  "simplify",
  "simplifyCore",
  "derivative",
  "resolve",
  "rationalize",
  "parser",
  "reviver",
  "chain",
  "typed",
  "config",
];
math.import(Object.fromEntries(LOCKED.map((name) => [name, disabled(name)])), { override: true });

/**
 * Whether `name` is taken in math.js's namespace (a function, a constant such as `i`, `phi` or
 * `Infinity`, or anything else math.js defines) or on a plain object's prototype chain
 * (`constructor`, `__proto__`, `toString`).
 */
export function isReservedName(name: string): boolean {
  return namespace.has(name) || name in Object.prototype || name === "prototype";
}

/** Whether math.js reads `name` as a unit (`cm`, `kg`, `rad`) when it follows a number. */
export function isUnitName(name: string): boolean {
  return isValuelessUnit(name);
}
