/**
 * Names a formula may not use as variables, and math.js's unit names. The formula layer's math.js
 * instance holds only the parser (./mathjs.ts), so the names of the whole library come from a
 * generated list (./mathjs-names.ts, written by scripts/mathjs-names.ts).
 */
import { MATHJS_NAMES, UNIT_GROUPS } from "./mathjs-names.js";

const namespace = new Set<string>(MATHJS_NAMES);

/** Each unit with the set of prefixes it takes. */
const units = new Map<string, ReadonlySet<string>>();
for (const group of UNIT_GROUPS) {
  const prefixes = new Set(group.prefixes.split(" "));
  for (const unit of group.units.split(" ")) units.set(unit, prefixes);
}

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
 * Whether math.js reads `name` as a unit (`cm`, `kg`, `rad`): a unit's own name, or one of its
 * prefixes followed by it, as math.js's `Unit.isValuelessUnit` decides.
 * @example
 * ```ts
 * isUnitName("cm"); // true
 * isUnitName("x"); // false
 * ```
 */
export function isUnitName(name: string): boolean {
  if (units.has(name)) return true;
  for (const [unit, prefixes] of units) {
    if (name.length > unit.length && name.endsWith(unit)) {
      if (prefixes.has(name.slice(0, name.length - unit.length))) return true;
    }
  }
  return false;
}
