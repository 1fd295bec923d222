/**
 * A result as plain data: typed arrays become arrays, so `JSON.stringify` writes `[6, 8]` rather
 * than `{"0":6,"1":8}`. A separate function rather than a `toJSON` on every result: results stay
 * plain objects with the typed arrays the engine fills (cheap, and the same in every layer), and a
 * caller that wants JSON asks for it once.
 */

/**
 * The plain form of a value: each Float64Array or Float32Array becomes `number[]`, arrays and objects
 * are mapped member by member, everything else is kept.
 *
 * @example
 * ```ts
 * import { gradient, toPlain, type Plain, type GradientResult } from "numdiff";
 * const plain: Plain<GradientResult> = toPlain(gradient((x) => x[0] * x[1], [3, 4], { step: 1e-3 }));
 * plain.value; // => [3.9999999999995595, 3.0000000000001137] (number[])
 * ```
 */
export type Plain<T> = T extends Float64Array | Float32Array
  ? number[]
  : T extends readonly (infer U)[]
    ? Plain<U>[]
    : T extends object
      ? { [K in keyof T]: Plain<T[K]> }
      : T;

/**
 * Converts a result (of `derivative`, `gradient`, `jacobian`, `hessian`, `checkGradient`, …) to
 * plain data for JSON: typed arrays to arrays, recursively; a new value, the result is not changed.
 * JSON has no NaN or ±Infinity: `JSON.stringify` writes them as `null` (an unknown `error` is NaN).
 *
 * @example
 * ```ts
 * import { hessian, toPlain } from "numdiff";
 * const r = hessian((x) => x[0] ** 2 * x[1], [1, 2], { step: 1e-3 });
 * JSON.stringify(r.value); // => '[{"0":3.9999999992268442,"1":1.999999999946489},{"0":1.999999999946489,"1":0}]'
 * JSON.stringify(toPlain(r).value); // => '[[3.9999999992268442,1.999999999946489],[1.999999999946489,0]]'
 * ```
 */
export function toPlain<T>(result: T): Plain<T> {
  return plainOf(result) as Plain<T>;
}

function plainOf(v: unknown): unknown {
  if (v instanceof Float64Array || v instanceof Float32Array) return Array.from(v);
  if (Array.isArray(v)) return v.map(plainOf);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(v)) out[key] = plainOf(member);
    return out;
  }
  return v;
}
