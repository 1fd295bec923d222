import { parseArgs } from "node:util";
import { NumdiffError } from "numdiff";
import { didYouMean } from "./suggest.js";

function usage(message: string, argument: string): NumdiffError {
  return new NumdiffError("INVALID_ARGUMENT", argument, message);
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?Infinity$/;

/**
 * A finite number from a command-line argument; decimal notation only (`5`, `-0.5`, `1e-4`).
 *
 * @param name - the option, for the message, e.g. `"--step"`.
 * @throws NumdiffError (INVALID_ARGUMENT) naming the option, what was expected and what was given.
 * @example
 * ```ts
 * parseNumber("--at", "1e-3"); // 0.001
 * parseNumber("--at", "five"); // throws: invalid --at; expected a finite number, got "five"
 * ```
 */
export function parseNumber(name: string, text: string): number {
  const t = text.trim();
  const value = NUMBER.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(value)) {
    throw usage(`invalid ${name}; expected a finite number, got ${JSON.stringify(text.slice(0, 40))}`, name);
  }
  return value;
}

/**
 * A point given on the command line: values, with names when they were given as `name=value`.
 * @example
 * ```ts
 * const p: Point = parsePoint("x=1,y=2"); // { names: ["x", "y"], values: [1, 2] }
 * ```
 */
export interface Point {
  /** The variable names, or null when the point was given as plain values (`3,4`). */
  readonly names: readonly string[] | null;
  /** The coordinates. */
  readonly values: readonly number[];
}

/**
 * A point: `x0=3,x1=4` (named) or `3,4` (in the order of the formula's variables, sorted by name).
 *
 * @throws NumdiffError (INVALID_ARGUMENT) for a malformed point, a repeated name or a non-number.
 * @example
 * ```ts
 * parsePoint("x0=3,x1=4"); // { names: ["x0", "x1"], values: [3, 4] }
 * parsePoint("3, 4"); // { names: null, values: [3, 4] }
 * ```
 */
export function parsePoint(text: string, name = "--at"): Point {
  const parts = text.split(",").map((p) => p.trim());
  if (parts.length === 0 || parts.some((p) => p === "")) {
    throw usage(
      `invalid ${name}; expected values like x0=3,x1=4 or 3,4, got ${JSON.stringify(text.slice(0, 40))}`,
      name,
    );
  }
  const named = parts.filter((p) => p.includes("="));
  if (named.length === 0) return { names: null, values: parts.map((p) => parseNumber(name, p)) };
  if (named.length !== parts.length) {
    throw usage(
      `invalid ${name}; name every coordinate or none, got ${JSON.stringify(text.slice(0, 40))}`,
      name,
    );
  }
  const names: string[] = [];
  const values: number[] = [];
  for (const p of parts) {
    const [key, value, extra] = p.split("=").map((s) => s.trim());
    if (extra !== undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      throw usage(`invalid ${name}; expected name=value, got ${JSON.stringify(p.slice(0, 40))}`, name);
    }
    if (names.includes(key)) throw usage(`invalid ${name}; "${key}" is given twice`, name);
    names.push(key);
    values.push(parseNumber(`${name} ${key}`, value));
  }
  return { names, values };
}

/**
 * A range `a:b` with a < b, both finite.
 *
 * @example
 * ```ts
 * parseRange("--x", "0:20"); // [0, 20]
 * parseRange("--x", "2:1"); // throws: invalid --x; expected a:b with a < b, got "2:1"
 * ```
 */
export function parseRange(name: string, text: string): [number, number] {
  const parts = text.split(":");
  if (parts.length !== 2)
    throw usage(`invalid ${name}; expected a:b with a < b, got ${JSON.stringify(text.slice(0, 40))}`, name);
  const [a, b] = parts.map((p) => parseNumber(name, p));
  if (!(a < b))
    throw usage(`invalid ${name}; expected a:b with a < b, got ${JSON.stringify(text.slice(0, 40))}`, name);
  return [a, b];
}

/**
 * The option specification `node:util` parseArgs takes.
 * @example
 * ```ts
 * const spec: OptionSpec = { output: { type: "string", short: "o" }, json: { type: "boolean" } };
 * ```
 */
export type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;

/**
 * The values {@link parseOptions} returns for an option specification: strings and booleans by option.
 * @example
 * ```ts
 * const v: OptionValues<{ at: { type: "string" }; json: { type: "boolean" } }> = { at: "3", json: true };
 * ```
 */
export type OptionValues<T extends OptionSpec> = {
  [K in keyof T]?: T[K]["type"] extends "boolean" ? boolean : string;
};

const OPTION = /^--?[A-Za-z][A-Za-z0-9-]*(?:=.*)?$/;

/**
 * Lets negative numbers and formulas that start with a minus through: `--at -1` becomes `--at=-1`, and
 * an argument like `-x^2` that cannot be an option stays a positional, in order. A short option with a
 * value is spelled out by its long name (`-o file` becomes `--output=file`: parseArgs would read the
 * value of `-o=file` as `=file`); `--name=value` is passed on as it is.
 */
function protectDashes(argv: readonly string[], options: OptionSpec): string[] {
  const out: string[] = [];
  const positionals: string[] = [];
  const seen = new Set<string>();
  const once = (name: string | undefined): void => {
    if (name === undefined || options[name]?.type !== "string" || options[name].multiple === true) return;
    if (seen.has(name)) {
      throw usage(
        `--${name} is given twice; give it once${name === "at" ? ", e.g. several points as --at 1,2,3" : ""}`,
        `--${name}`,
      );
    }
    seen.add(name);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const short = /^-([A-Za-z])$/.exec(a)?.[1];
    const shortName = Object.keys(options).find((k) => short !== undefined && options[k].short === short);
    if (!OPTION.test(a) || (!a.startsWith("--") && shortName === undefined)) {
      // Not an option: a value, or a formula such as -x or -x0^2 (only declared short options count).
      positionals.push(a);
      continue;
    }
    const long = /^--([A-Za-z][A-Za-z0-9-]*)$/.exec(a)?.[1];
    const name = long !== undefined && Object.prototype.hasOwnProperty.call(options, long) ? long : shortName;
    const withValue = /^--([A-Za-z][A-Za-z0-9-]*)=/.exec(a)?.[1];
    once(name ?? (withValue !== undefined && Object.hasOwn(options, withValue) ? withValue : undefined));
    const next = argv[i + 1];
    if (name === undefined || options[name].type !== "string") {
      // `--name=value`, a flag, or an unknown option (parseArgs refuses it).
      out.push(a);
    } else if (next === undefined) {
      throw usage(`missing value for ${a}`, a);
    } else if (!(next.startsWith("-") && OPTION.test(next))) {
      out.push(`--${name}=${next}`);
      i++;
    } else {
      out.push(a);
    }
  }
  return [...out, "--", ...positionals];
}

/**
 * node:util's parseArgs in strict mode, with its errors turned into one-line usage errors. Negative
 * numbers as option values (`--at -1`) and formulas starting with a minus (`-x`, `-x^2`) are accepted.
 *
 * @example
 * ```ts
 * parseOptions(["x^2", "--at", "3"], { at: { type: "string" } });
 * // { values: { at: "3" }, positionals: ["x^2"] }
 * ```
 */
export function parseOptions<T extends OptionSpec>(
  argv: string[],
  options: T,
): { values: OptionValues<T>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: protectDashes(argv, options),
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as never, positionals };
  } catch (e) {
    if (e instanceof NumdiffError) throw e;
    const message = e instanceof Error ? e.message.split("\n")[0] : "bad arguments";
    const unknown = /^Unknown option '(--?[^']*)'/.exec(message)?.[1];
    const hint =
      unknown === undefined
        ? ""
        : didYouMean(
            unknown,
            Object.keys(options).map((k) => `--${k}`),
          );
    throw usage(
      message
        .split(". ")[0]
        .replace(/\.$/, "")
        .replace(/^Unknown option/, "unknown option") + hint,
      "arguments",
    );
  }
}

/**
 * Most points one command computes at once (`--at a:b:n`): a table of 10,000 rows is already more
 * than anyone reads, and each point costs a derivative.
 *
 * @default 10000
 * @example
 * ```ts
 * MAX_POINTS; // 10000
 * ```
 */
export const MAX_POINTS = 10000;

/**
 * Several points of one variable: `1,2,3`, or `a:b:n` for n points evenly spaced from a to b, both
 * included (like numpy.linspace). Null for one plain or named point, which {@link parsePoint} reads.
 *
 * @throws NumdiffError (INVALID_ARGUMENT) for a malformed range or count.
 * @example
 * ```ts
 * parsePointList("--at", "1,2,3"); // [1, 2, 3]
 * parsePointList("--at", "0:1:5"); // [0, 0.25, 0.5, 0.75, 1]
 * parsePointList("--at", "5"); // null
 * parsePointList("--at", "x0=1,x1=2"); // null
 * ```
 */
export function parsePointList(name: string, text: string): number[] | null {
  if (text.includes(":")) {
    const parts = text.split(":");
    const n = parts.length === 3 ? Number(parts[2].trim()) : NaN;
    if (!(Number.isInteger(n) && n >= 2 && n <= MAX_POINTS)) {
      throw usage(
        `invalid ${name}; expected a:b:n with n from 2 to ${MAX_POINTS} points, e.g. 0:1:11, got ${JSON.stringify(text.slice(0, 40))}`,
        name,
      );
    }
    const [a, b] = [parseNumber(name, parts[0]), parseNumber(name, parts[1])];
    if (!(a < b))
      throw usage(
        `invalid ${name}; expected a:b:n with a < b, got ${JSON.stringify(text.slice(0, 40))}`,
        name,
      );
    return Array.from({ length: n }, (_, i) => (i === n - 1 ? b : a + ((b - a) * i) / (n - 1)));
  }
  if (text.includes("=") || !text.includes(",")) return null;
  const values = parsePoint(text, name).values;
  if (values.length > MAX_POINTS)
    throw usage(`invalid ${name}; at most ${MAX_POINTS} points, got ${values.length}`, name);
  return [...values];
}
