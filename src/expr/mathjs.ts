/**
 * The one math.js instance numdiff uses: private to this package, configured for real numbers only
 * (`number: "number"`, `predictable: true`: a square root of a negative number is NaN, never complex),
 * with the functions that math.js's security notes name as the riskiest (import, createUnit, evaluate,
 * parse, compile, simplify, derivative, resolve and the like) replaced in its namespace by functions
 * that throw. numdiff itself only ever calls the parser and the symbolic derivative captured below,
 * and never evaluates a math.js node: formulas run through numdiff's own closure compiler
 * (./compile.ts) after the whitelist walk (./parse.ts). math.js >= 15.2.0 is required (earlier
 * versions have published code-execution holes in the expression parser).
 */
import type { MathNode } from "mathjs";
import mathjs from "mathjs/lib/browser/math.js";
import { DERIVATIVE_FUNCTIONS, FUNCTIONS } from "./functions.js";

// The single-file build: it loads in about 60 ms where the ES-module tree takes 400 ms or more, which
// is most of the command's start-up time.
const math = mathjs.create({ number: "number", predictable: true });

/**
 * math.js's parser, captured before the namespace is locked.
 * @example
 * ```ts
 * mathParse("x^2 + 1").toString(); // "x ^ 2 + 1"
 * ```
 */
export const mathParse: (text: string) => MathNode = math.parse.bind(math) as (text: string) => MathNode;

const derivativeFn = math.derivative;
/**
 * math.js's symbolic derivative, simplified or not, captured before the namespace is locked.
 * @example
 * ```ts
 * mathDerivative(mathParse("x^2"), "x", true).toString(); // "2 * x"
 * ```
 */
export const mathDerivative = (node: MathNode, variable: string, simplify: boolean): MathNode =>
  derivativeFn(node, variable, { simplify });

const simplifyFn = math.simplify;
/**
 * math.js's simplify, captured before the namespace is locked.
 * @example
 * ```ts
 * mathSimplify(mathParse("2 * x * 3")).toString(); // "6 * x"
 * ```
 */
export const mathSimplify = (node: MathNode): MathNode => simplifyFn(node);

/**
 * Node constructors for the rewrites that prepare a tree for the symbolic derivative.
 * @example
 * ```ts
 * new nodes.SymbolNode("x").toString(); // "x"
 * ```
 */
export const nodes = {
  ConditionalNode: math.ConditionalNode,
  ConstantNode: math.ConstantNode,
  FunctionNode: math.FunctionNode,
  OperatorNode: math.OperatorNode,
  ParenthesisNode: math.ParenthesisNode,
  RelationalNode: math.RelationalNode,
  SymbolNode: math.SymbolNode,
};

const namespace = new Set<string>(Object.keys(math));
const isValuelessUnit = math.Unit.isValuelessUnit.bind(math.Unit);

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
];
// math.js builds its functions lazily, each from its dependencies as they are when it is first read.
// The symbolic derivative's constant folding reads the functions of the tree it simplifies; build those
// now, against the real functions, before the namespace is locked. The locked names are ones nothing
// numdiff uses depends on (typed and config, which everything depends on, stay).
const FOLDED = [
  ...Object.keys(FUNCTIONS),
  ...Object.keys(DERIVATIVE_FUNCTIONS),
  ...["add", "subtract", "multiply", "divide", "pow", "unaryMinus", "unaryPlus"],
  ...["larger", "smaller", "largerEq", "smallerEq", "equal", "unequal"],
];
for (const name of FOLDED) void (math as unknown as Record<string, unknown>)[name];
math.import(Object.fromEntries(LOCKED.map((name) => [name, disabled(name)])), { override: true });

/**
 * JavaScript's keywords and the globals through which code reaches the host. Harmless as variable
 * names in numdiff's own compiler, but refused so that a formula never even names them.
 */
const JAVASCRIPT_NAMES = new Set(
  (
    "prototype this super new delete typeof instanceof void function return class extends yield await " +
    "async var let const with eval arguments globalThis window self global document process require " +
    "module exports Function Object Reflect Proxy Symbol Promise setTimeout setInterval fetch " +
    "undefined null true false NaN Infinity"
  ).split(" "),
);

/**
 * Whether `name` is taken in math.js's namespace (a function, a constant such as `i`, `phi` or
 * `Infinity`, or anything else math.js defines), on a plain object's prototype chain (`constructor`,
 * `__proto__`, `toString`), or a JavaScript keyword or host global (`this`, `process`, `require`).
 * @example
 * ```ts
 * isReservedName("gamma"); // true
 * isReservedName("x0"); // false
 * ```
 */
export function isReservedName(name: string): boolean {
  return namespace.has(name) || name in Object.prototype || JAVASCRIPT_NAMES.has(name);
}

/**
 * Whether math.js reads `name` as a unit (`cm`, `kg`, `rad`).
 * @example
 * ```ts
 * isUnitName("cm"); // true
 * isUnitName("x"); // false
 * ```
 */
export function isUnitName(name: string): boolean {
  return isValuelessUnit(name);
}
