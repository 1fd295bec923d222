/**
 * The one math.js instance numdiff uses: private to this package, configured for real numbers only,
 * with the functions that math.js's security notes name as the riskiest (import, createUnit, evaluate,
 * parse, compile, simplify, derivative, resolve and the like) replaced in its namespace by functions
 * that throw. numdiff itself only ever calls the parser and the symbolic derivative captured below,
 * and never evaluates a math.js node: formulas run through numdiff's own closure compiler
 * (./compile.ts) after the whitelist walk (./parse.ts). math.js >= 15.2.0 is required (earlier
 * versions have published code-execution holes in the expression parser).
 */
import type { MathNode } from "mathjs";
import { all, create } from "mathjs/number";

// The number-only build: no complex numbers, BigNumbers, fractions, matrices of those, or units exist in
// this instance at all, and it loads in about half the time of the full build.
const math = create(all, { predictable: true });

/** math.js's parser, captured before the namespace is locked. */
export const mathParse: (text: string) => MathNode = math.parse.bind(math) as (text: string) => MathNode;

const derivativeFn = math.derivative;
/** math.js's symbolic derivative, simplified or not, captured before the namespace is locked. */
export const mathDerivative = (node: MathNode, variable: string, simplify: boolean): MathNode =>
  derivativeFn(node, variable, { simplify });

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
// math.js resolves its functions lazily, each from its dependencies as they are when it is first read;
// reading every one now builds them all against the real functions, before the namespace is locked.
for (const name of namespace) void (math as unknown as Record<string, unknown>)[name];
math.import(Object.fromEntries(LOCKED.map((name) => [name, disabled(name)])), { override: true });

/**
 * Whether `name` is taken in math.js's namespace (a function, a constant such as `i`, `phi` or
 * `Infinity`, or anything else math.js defines) or on a plain object's prototype chain
 * (`constructor`, `__proto__`, `toString`).
 */
export function isReservedName(name: string): boolean {
  return namespace.has(name) || name in Object.prototype || name === "prototype";
}

/**
 * Common unit names of math.js's full build (its `Unit` list, without single letters, which numdiff
 * reads as variables: `2t`, `3s`). The number-only instance has no units at all; this list only lets
 * `5 cm` be refused as a unit rather than read as 5 times a variable `cm`.
 */
const UNITS = new Set(
  (
    "cm mm km um nm pm dm inch in ft yd mi li rd ch angstrom mil mg kg ug ton tonne lb lbs oz gr dr " +
    "min hr hour day week month year sec ms us ns rad deg grad cycle arcsec arcmin Hz kHz MHz GHz " +
    "mL ml cL dL kL liter litre gallon gal cup pint quart floz tsp tbsp N kN dyn lbf Pa kPa MPa bar " +
    "mbar atm torr mmHg psi J kJ MJ erg Wh kWh eV keV MeV BTU cal kcal W kW MW hp Ohm ohm mol mmol " +
    "cd degC degF degR kelvin celsius fahrenheit rankine bit byte kB MB GB kb Mb mph kph knot sqin " +
    "sqft sqyd sqmi acre hectare cuin cuft cuyd mA uA kV mV uF nF pF mH uH"
  ).split(" "),
);

/** Whether math.js's full build would read `name` as a unit (`cm`, `kg`, `rad`) after a number. */
export function isUnitName(name: string): boolean {
  return UNITS.has(name);
}
