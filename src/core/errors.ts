/**
 * Stable error codes of {@link NumdiffError}. A code never changes meaning once released.
 *
 * @example
 * ```ts
 * import { derivative, NumdiffError } from "numdiff";
 * try { derivative(Math.sin, 1, { order: 0 }); }
 * catch (e) { if (e instanceof NumdiffError) console.log(e.code); } // "INVALID_ORDER"
 * ```
 */
export type NumdiffErrorCode =
  | "INVALID_FUNCTION"
  | "INVALID_POINT"
  | "INVALID_ORDER"
  | "INVALID_METHOD"
  | "INVALID_STEP"
  | "INVALID_ACCURACY"
  | "INVALID_BOUNDS"
  | "INVALID_INDEX"
  | "INVALID_DIRECTION"
  | "INVALID_OPTION"
  | "INVALID_SPARSITY"
  | "NON_NUMERIC_RESULT"
  | "INCONSISTENT_OUTPUT"
  | "INVALID_FORMULA"
  | "INVALID_ARGUMENT"
  | "INVALID_SAMPLES"
  | "INVALID_GRID"
  | "INVALID_SHAPE";

/**
 * The one error numdiff throws for bad setup. Its message names the argument, the allowed range and
 * the value received; `code` is stable and meant for programs, the message for people.
 *
 * Numerical trouble (a function that is NaN near x, an estimate that did not converge) is never an
 * exception: it shows in the result as `error: NaN` or a one-sided `method`.
 *
 * @example
 * ```ts
 * import { derivative } from "numdiff";
 * derivative(Math.sin, 1, { step: -1 }); // throws NumdiffError [INVALID_STEP]
 * // the message: "invalid step; expected a finite number > 0, got -1"
 * ```
 */
export class NumdiffError extends Error {
  /** The stable, machine-readable code. */
  readonly code: NumdiffErrorCode;
  /** The argument or option at fault, e.g. `"order"` or `"x[2]"`. */
  readonly argument: string;

  constructor(code: NumdiffErrorCode, argument: string, message: string) {
    super(message);
    this.name = "NumdiffError";
    this.code = code;
    this.argument = argument;
  }
}

/**
 * Formats a received value for an error message: numbers and strings as they are, arrays briefly,
 * everything else by its type, so a message never dumps a large object.
 *
 * @example
 * ```ts
 * describeValue(-1); // => "-1"
 * describeValue("x"); // => '"x"'
 * describeValue([2, 1]); // => "[2, 1]"
 * describeValue(() => 1); // => "a function"
 * ```
 */
export function describeValue(value: unknown): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value);
  if (typeof value === "function") return "a function";
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const arr = value as ArrayLike<unknown>;
    if (arr.length <= 8 && Array.from(arr).every((v) => typeof v === "number")) {
      return `[${Array.from(arr, (v) => describeValue(v)).join(", ")}]`;
    }
    return `an array of length ${arr.length}`;
  }
  return `a value of type ${typeof value}`;
}

/**
 * Builds a {@link NumdiffError} with the house message shape:
 * `invalid <argument>; expected <range>, got <value>`.
 *
 * @example
 * ```ts
 * invalid("INVALID_ORDER", "order", "an integer >= 1", 0).message;
 * // "invalid order; expected an integer >= 1, got 0"
 * ```
 */
export function invalid(
  code: NumdiffErrorCode,
  argument: string,
  range: string,
  value: unknown,
): NumdiffError {
  return new NumdiffError(
    code,
    argument,
    `invalid ${argument}; expected ${range}, got ${describeValue(value)}`,
  );
}
