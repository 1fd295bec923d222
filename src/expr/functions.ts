/**
 * The functions a formula may call, each with its arity and its real-number meaning (JavaScript's
 * `Math`, so results are IEEE-754 doubles: a square root of a negative number is NaN).
 */

/**
 * A function a formula may call.
 * @example
 * ```ts
 * FUNCTIONS.hypot.max; // Infinity
 * ```
 */
export interface FormulaFunction {
  /** Fewest arguments. */
  readonly min: number;
  /** Most arguments (Infinity for min, max, hypot). */
  readonly max: number;
  /** The real function. */
  readonly apply: (...args: number[]) => number;
}

function fixed(n: number, apply: (...args: number[]) => number): FormulaFunction {
  return { min: n, max: n, apply };
}

/**
 * The whitelist of elementary functions. `log(x, b)` is the logarithm of x to base b, as in math.js.
 *
 * @example
 * ```ts
 * FUNCTIONS.sqrt.apply(-1); // NaN
 * FUNCTIONS.log.apply(8, 2); // 3
 * ```
 */
export const FUNCTIONS: Readonly<Record<string, FormulaFunction>> = Object.freeze({
  sqrt: fixed(1, Math.sqrt),
  cbrt: fixed(1, Math.cbrt),
  exp: fixed(1, Math.exp),
  expm1: fixed(1, Math.expm1),
  log: {
    min: 1,
    max: 2,
    apply: (x: number, b?: number) => (b === undefined ? Math.log(x) : Math.log(x) / Math.log(b)),
  },
  log1p: fixed(1, Math.log1p),
  log2: fixed(1, Math.log2),
  log10: fixed(1, Math.log10),
  sin: fixed(1, Math.sin),
  cos: fixed(1, Math.cos),
  tan: fixed(1, Math.tan),
  asin: fixed(1, Math.asin),
  acos: fixed(1, Math.acos),
  atan: fixed(1, Math.atan),
  atan2: fixed(2, Math.atan2),
  sinh: fixed(1, Math.sinh),
  cosh: fixed(1, Math.cosh),
  tanh: fixed(1, Math.tanh),
  asinh: fixed(1, Math.asinh),
  acosh: fixed(1, Math.acosh),
  atanh: fixed(1, Math.atanh),
  abs: fixed(1, Math.abs),
  sign: fixed(1, Math.sign),
  min: { min: 1, max: Infinity, apply: Math.min },
  max: { min: 1, max: Infinity, apply: Math.max },
  pow: fixed(2, Math.pow),
  hypot: { min: 1, max: Infinity, apply: Math.hypot },
  floor: fixed(1, Math.floor),
  ceil: fixed(1, Math.ceil),
});

/**
 * The named constants: `pi` and `e`.
 *
 * @example
 * ```ts
 * CONSTANTS.pi; // 3.141592653589793
 * ```
 */
export const CONSTANTS: Readonly<Record<string, number>> = Object.freeze({ pi: Math.PI, e: Math.E });

/**
 * Own-property lookup, so `constructor` or `__proto__` never resolve to anything.
 * @example
 * ```ts
 * lookup(FUNCTIONS, "sin") !== undefined; // true
 * lookup(FUNCTIONS, "constructor"); // undefined
 * ```
 */
export function lookup<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}
