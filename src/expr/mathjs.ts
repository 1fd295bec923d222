/**
 * The one math.js instance numdiff uses: private to this package, configured for real numbers only
 * (`number: "number"`, `predictable: true`: a square root of a negative number is NaN, never complex),
 * with the functions that math.js's security notes name as the riskiest (import, createUnit, evaluate,
 * parse, compile, simplify, derivative, resolve and the like) replaced in its namespace by functions
 * that throw. numdiff itself only ever calls the parser captured below, and never evaluates a math.js
 * node (derivatives are numdiff's own, ./derive.ts): formulas run through numdiff's own closure compiler
 * (./compile.ts) after the whitelist walk (./parse.ts). math.js >= 15.2.0 is required (earlier
 * versions have published code-execution holes in the expression parser).
 */
import type { MathNode } from "mathjs";
import mathjs from "mathjs/lib/browser/math.js";

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
