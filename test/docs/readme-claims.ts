/**
 * The README's code blocks as checks. Its convention is not the TSDoc one (test/docs/examples.ts): a
 * statement shows what it gives either on the lines after it, `// { value: 0.2, error: 6.4e-15, … }`
 * (an object or array literal, possibly over several `//` lines, then prose), or after it on the same
 * line, `expr; // 0.1999999999990898 (prose)`, or as a count, `expr; // 4 evaluations, …`.
 *
 * Numbers are compared at the precision they are printed with: `6.4e-15` holds for any value that
 * rounds to it at two significant digits, `0.1999999999990898` only for that double. `…` leaves the
 * rest of an object or array out, and `Float64Array [6, 8]` is any array-like with those items.
 */
import { readFileSync } from "node:fs";

/** One ```ts block of a markdown file, with the section it stands in. */
export interface MarkdownBlock {
  /** 1-based line of the block's first code line. */
  line: number;
  section: string;
  code: string[];
}

/** A statement and what the README says it gives. */
export interface ReadmeClaim {
  line: number;
  expression: string;
  /** The expected value as JavaScript source: numbers wrapped in `__printed("…")`. */
  expected: string;
}

/** The ```ts blocks of a markdown file. */
export function markdownBlocks(file: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let section = "";
  let current: MarkdownBlock | null = null;
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((text, i) => {
      if (current === null && /^#+ /.test(text)) section = text.replace(/^#+ /, "");
      if (current === null && /^```ts\s*$/.test(text)) current = { line: i + 2, section, code: [] };
      else if (current !== null && /^```\s*$/.test(text)) {
        blocks.push(current);
        current = null;
      } else if (current !== null) current.code.push(text);
    });
  return blocks;
}

/** The prefix of `text` up to where its first bracket closes again, or null if it never does. */
function balanced(text: string): string | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "{" || text[i] === "[") depth++;
    else if (text[i] === "}" || text[i] === "]") {
      depth--;
      if (depth === 0) return text.slice(0, i + 1);
    }
  }
  return null;
}

const NUMBER = /(?<![\w.])-?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?![\w.])/g;

/** A printed literal as source: `…` entries dropped, typed arrays as arrays, numbers as printed. */
export function expectedSource(literal: string): string {
  return literal
    .replace(/,\s*…/g, "")
    .replace(/…/g, "")
    .replace(/Float64Array \[/g, "[")
    .replace(NUMBER, (n) => `__printed(${JSON.stringify(n)})`);
}

/** What a line states on the same line: a number, a string, a boolean, an array, or a count. */
function sameLine(comment: string): string | null {
  const count = /^(\d+) evaluations\b/.exec(comment);
  if (count) return `{ evaluations: ${count[1]} }`;
  if (/^(Float64Array )?\[/.test(comment)) return balanced(comment);
  const scalar = /^(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?|"[^"]*"|true|false)(?=$|[\s,(])/.exec(comment);
  return scalar ? scalar[1] : null;
}

/** The claims of a block (statements followed by what they give). */
export function readmeClaims(block: MarkdownBlock): ReadmeClaim[] {
  const out: ReadmeClaim[] = [];
  block.code.forEach((text, i) => {
    const line = block.line + i;
    const inline = /^([^/].*?);\s*\/\/ (.*)$/.exec(text);
    if (inline) {
      const literal = sameLine(inline[2]);
      if (literal !== null) out.push({ line, expression: inline[1], expected: expectedSource(literal) });
      return;
    }
    const statement = /^([^/].*);\s*$/.exec(text);
    const next = block.code[i + 1] ?? "";
    if (!statement || !/^\/\/ [{[]/.test(next)) return;
    let comment = "";
    for (let k = i + 1; k < block.code.length && block.code[k].startsWith("//"); k++) {
      comment += " " + block.code[k].replace(/^\/\/\s*/, "");
      const literal = balanced(comment.trim());
      if (literal !== null) {
        out.push({ line, expression: statement[1], expected: expectedSource(literal) });
        return;
      }
    }
  });
  return out;
}

/** A number as printed in the README. */
export interface Printed {
  __printed: string;
}

export function __printed(text: string): Printed {
  return { __printed: text };
}

function isPrinted(v: unknown): v is Printed {
  return v !== null && typeof v === "object" && "__printed" in v;
}

/** Significant digits of a printed number (`6.4e-15` has 2, `0.0001` has 1, `120` has 3). */
export function significantDigits(text: string): number {
  const mantissa = text.replace(/^-/, "").replace(/e.*$/, "").replace(".", "");
  return Math.max(1, mantissa.replace(/^0+/, "").length);
}

/** Whether `actual` prints as `text` at `text`'s precision. */
export function printsAs(actual: number, text: string): boolean {
  const stated = Number(text);
  if (Object.is(actual, stated)) return true;
  if (!Number.isFinite(actual)) return false;
  return Number(actual.toPrecision(Math.min(100, significantDigits(text)))) === stated;
}

/** Where `actual` differs from the README's `expected`, or null. */
export function readmeDifference(actual: unknown, expected: unknown, path = ""): string | null {
  if (isPrinted(expected) && actual !== null && typeof actual === "object" && "length" in actual) {
    // `// 4 everywhere`: every item of an array-like prints as the one number
    const items = Array.from(actual as ArrayLike<unknown>);
    const bad = items.findIndex((v) => readmeDifference(v, expected) !== null);
    return bad < 0 ? null : readmeDifference(items[bad], expected, `${path}[${bad}]`);
  }
  if (isPrinted(expected)) {
    return typeof actual === "number" && printsAs(actual, expected.__printed)
      ? null
      : `${path}: the README shows ${expected.__printed}, got ${String(actual)}`;
  }
  if (Array.isArray(expected)) {
    const items =
      actual !== null && typeof actual === "object" && "length" in actual
        ? Array.from(actual as ArrayLike<unknown>)
        : null;
    if (items === null) return `${path}: the README shows an array, got ${String(actual)}`;
    if (items.length !== expected.length)
      return `${path}: the README shows ${expected.length} items, got ${items.length}`;
    for (let i = 0; i < items.length; i++) {
      const d = readmeDifference(items[i], expected[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object")
      return `${path}: the README shows an object, got ${String(actual)}`;
    for (const [key, value] of Object.entries(expected)) {
      const d = readmeDifference((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
      if (d !== null) return d;
    }
    return null;
  }
  return Object.is(actual, expected)
    ? null
    : `${path}: the README shows ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}
