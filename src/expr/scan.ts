import { FormulaError } from "./errors.js";
import { FUNCTIONS, lookup } from "./functions.js";
import { MAX_FORMULA_LENGTH, MAX_NESTING } from "./limits.js";

/**
 * A token of a formula, as far as numdiff needs to know it before math.js parses the text.
 * @example
 * ```ts
 * scanFormula("x+1")[1]; // { kind: "+", text: "+", position: 1 }
 * ```
 */
export interface Token {
  /** `"number"`, `"name"` or the operator or bracket itself. */
  readonly kind: string;
  /** The text of the token. */
  readonly text: string;
  /** 0-based index of its first character in the formula. */
  readonly position: number;
}

const NUMBER = /(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

function matchAt(pattern: RegExp, text: string, i: number): string | null {
  pattern.lastIndex = i;
  const m = pattern.exec(text);
  return m ? m[0] : null;
}
const OPERATORS = ["<=", ">=", "==", "!=", "+", "-", "*", "/", "^", "<", ">", "?", ":", ",", "(", ")"];
/** An `=` that is not part of `==`, `<=`, `>=` or `!=`. */
const ASSIGNMENT = /(?:^|[^=<>!])=(?:[^=]|$)/;
const KEYWORD_OPERATORS = new Set(["and", "or", "xor", "not", "mod", "to", "in"]);

/** Why a character that never belongs in a formula is refused. */
const REFUSED: Record<string, string> = {
  '"': "strings are not allowed",
  "'": "strings and transposes are not allowed",
  "`": "strings are not allowed",
  "[": "matrices and indexing are not allowed",
  "]": "matrices and indexing are not allowed",
  "{": "objects are not allowed",
  "}": "objects are not allowed",
  "=": "assignments and function definitions are not allowed",
  ".": "property access is not allowed",
  ";": "only one expression is allowed",
  "\n": "only one expression is allowed (line break)",
  "\r": "only one expression is allowed (line break)",
  "#": "comments are not allowed",
  "%": 'operator "%" is not allowed',
  "!": 'operator "!" is not allowed',
  "&": 'operator "&" is not allowed',
  "|": 'operator "|" is not allowed',
  "~": 'operator "~" is not allowed',
  "@": 'character "@" is not allowed',
  $: 'character "$" is not allowed',
  "\\": 'character "\\" is not allowed',
};

function describeChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  return code >= 0x20 && code < 0x7f ? `"${c}"` : `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Refuses a number that math.js would read in a way its writer hardly means: a hexadecimal, binary or
 * octal number with anything written against it (`0xFFi8` is -1, a word size; `0x1.8` is 1.5), a
 * number followed by `e` that is not an exponent (`1e` is 1 times the constant e, `1e5e2` is 1e5
 * times a variable e2), and digit separators (`1_000` is 1 times a variable `_000`).
 */
function refuseSurprisingNumber(text: string, number: string, i: number): void {
  const next = text[i + number.length] ?? "";
  const shown = JSON.stringify(
    text.slice(i, i + number.length + 4).match(/^[0-9A-Za-z_.+-]*/)?.[0] ?? number,
  );
  if (/^0[xXbBoO]/.test(number) && /[0-9A-Za-z_.]/.test(next)) {
    const detail = /^i\d/.test(text.slice(i + number.length))
      ? "a word size (math.js reads 0xFFi8 as -1)"
      : `"${next}" written against it`;
    throw new FormulaError(
      `${shown} is a ${number[1].toLowerCase() === "x" ? "hexadecimal" : number[1].toLowerCase() === "b" ? "binary" : "octal"} number with ${detail}; write the value in decimal`,
      i,
    );
  }
  if (next === "e" || next === "E") {
    throw new FormulaError(
      `${shown} is not a number: an "${next}" after digits must start an exponent with its digits (1e3); write a product with the constant e as 2*e`,
      i,
    );
  }
  if (next === "_") {
    throw new FormulaError(`digit separators are not allowed (${shown}); write the digits together`, i);
  }
}

/** Nesting bookkeeping of one open parenthesis level. */
interface Level {
  /** Right-nested operators pending at this level (prefix signs, `^`). */
  run: number;
  /** Conditionals opened at this level (their false branches nest). */
  conditionals: number;
}

/**
 * Splits a formula into tokens and refuses, before math.js sees the text, everything that can be
 * refused from the characters alone: an empty or over-long text, characters outside the formula
 * alphabet (strings, brackets, assignments, property access, comments, `%`, `!`, `**`), calls of
 * functions outside the whitelist, ranges (a `:`
 * without its `?`), unbalanced parentheses and nesting deeper than {@link MAX_NESTING}. Linear time,
 * no recursion.
 *
 * @throws FormulaError naming the refused part and its column.
 * @example
 * ```ts
 * scanFormula("2*x^2").map((t) => t.text); // ["2", "*", "x", "^", "2"]
 * scanFormula("a.b"); // throws FormulaError: invalid formula; property access is not allowed (at column 2)
 * ```
 */
export function scanFormula(text: string): Token[] {
  if (typeof text !== "string") throw new FormulaError(`expected a string, got ${typeof text}`);
  if (text.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError(`expected at most ${MAX_FORMULA_LENGTH} characters, got ${text.length}`);
  }
  const tokens: Token[] = [];
  const levels: Level[] = [{ run: 0, conditionals: 0 }];
  let nesting = 0;
  let questions = 0;
  let colons = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    const rest = text.slice(i, i + 2);
    const number = matchAt(NUMBER, text, i);
    const name = number === null ? matchAt(NAME, text, i) : null;
    let kind: string;
    let t: string;
    if (number !== null) {
      kind = "number";
      t = number;
    } else if (name !== null) {
      t = name;
      kind = KEYWORD_OPERATORS.has(t) ? t : "name";
      const next = /[^ \t]/g;
      next.lastIndex = i + t.length;
      if (kind === "name" && next.exec(text)?.[0] === "(" && lookup(FUNCTIONS, t) === undefined) {
        const definition = ASSIGNMENT.test(text);
        throw new FormulaError(
          definition ? "function definitions are not allowed" : `function "${t}" is not allowed`,
          i,
        );
      }
    } else {
      if (c === "." && "*/^'".includes(text[i + 1] ?? "")) {
        throw new FormulaError("element-wise operators are not allowed", i);
      }
      if (rest === "**") throw new FormulaError('"**" is not an operator; use "^" for powers', i);
      t = OPERATORS.find((op) => rest.startsWith(op)) ?? "";
      if (t === "") {
        const whole = String.fromCodePoint(text.codePointAt(i) ?? 0);
        throw new FormulaError(REFUSED[c] ?? `character ${describeChar(whole)} is not allowed`, i);
      }
      kind = t;
    }
    if (kind === "number") refuseSurprisingNumber(text, t, i);
    if (kind === "number" && t.endsWith(".") && matchAt(NAME, text, i + t.length) !== null) {
      throw new FormulaError(REFUSED["."], i + t.length - 1);
    }
    const previous = tokens.length > 0 ? tokens[tokens.length - 1].kind : "(";
    const prefix = previous !== "number" && previous !== "name" && previous !== ")";
    const level = levels[levels.length - 1];
    if (kind === "(") {
      levels.push({ run: 0, conditionals: 0 });
      nesting += 1;
    } else if (kind === ")") {
      if (levels.length === 1) throw new FormulaError('unmatched ")"', i);
      const closed = levels.pop() as Level;
      nesting -= 1 + closed.run + closed.conditionals;
    } else if (kind === "^" || ((kind === "-" || kind === "+") && prefix)) {
      level.run += 1;
      nesting += 1;
    } else if (kind === "?") {
      questions += 1;
      level.conditionals += 1;
      nesting += 1;
    } else if (kind === ":") {
      colons += 1;
      if (colons > questions) throw new FormulaError("ranges are not allowed", i);
    } else if (kind !== "number" && kind !== "name") {
      nesting -= level.run;
      level.run = 0;
    }
    if (nesting > MAX_NESTING) throw new FormulaError(`nesting deeper than ${MAX_NESTING} levels`, i);
    tokens.push({ kind, text: t, position: i });
    i += t.length;
  }
  if (tokens.length === 0) throw new FormulaError("the formula is empty");
  if (levels.length > 1) throw new FormulaError('missing ")"', text.length);
  return tokens;
}
