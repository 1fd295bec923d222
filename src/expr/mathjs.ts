/**
 * The one math.js instance numdiff uses: built from math.js's ES-module factories with only the parser
 * and what it needs (the node classes, `typed`, `numeric`), configured for real numbers only
 * (`number: "number"`, `predictable: true`). numdiff only ever calls the parser captured below and never
 * evaluates a math.js node (derivatives are numdiff's own, ./derive.ts): formulas run through numdiff's
 * own closure compiler (./compile.ts) after the whitelist walk (./parse.ts). The names math.js's
 * security notes call the riskiest (import, createUnit, evaluate, …) are locked in its namespace all
 * the same. math.js >= 15.2.0 is required (earlier versions have published code-execution holes in the
 * expression parser).
 *
 * Why `mathjs/number` and named factories: a bundler keeps only the parser (about 43 KB gzipped instead
 * of the whole library's 190 KB; bench/bundle-size.ts), and an app that imports math.js itself shares
 * these same modules (one copy: the factories are the same files in both of math.js's entries).
 */
import type { MathNode } from "mathjs";
import { create, parseDependencies } from "mathjs/number";

const math = create({ parseDependencies }, { number: "number", predictable: true });

/**
 * math.js's parser, captured before the namespace is locked.
 * @example
 * ```ts
 * mathParse("x^2 + 1").toString(); // "x ^ 2 + 1"
 * ```
 */
export const mathParse: (text: string) => MathNode = math.parse.bind(math) as (text: string) => MathNode;

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
