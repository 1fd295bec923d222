/**
 * The TSDoc examples as programs. Convention, for a line of a ```ts block under `@example`:
 *
 * - `expr; // => EXPECTED` is checked: `EXPECTED` is a JavaScript literal (numbers, strings, arrays,
 *   objects, `NaN`, `Infinity`, `Float64Array [a, b]` for a typed array), compared exactly (`Object.is`
 *   on every number) unless it ends in `± tol`, the absolute tolerance on every number. An object
 *   checks the keys it names, so `{ value: 1, … }` leaves the others out. Text after the literal in
 *   parentheses is prose: `// => 12 (the second derivative of x³ at 2)`.
 * - `expr; // throws CODE` is checked: `expr` throws a NumdiffError with that code.
 * - Any other comment is prose and not checked; the line still runs.
 */
import { readFileSync } from "node:fs";

/** One ```ts block of an `@example`, with where it is. */
export interface ExampleBlock {
  file: string;
  /** 1-based line of the block's first code line. */
  line: number;
  code: string[];
}

/** The ```ts blocks of the `@example` sections of a source file's doc comments. */
export function exampleBlocks(file: string): ExampleBlock[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const blocks: ExampleBlock[] = [];
  let inExample = false;
  let current: ExampleBlock | null = null;
  lines.forEach((raw, i) => {
    const text = raw.replace(/^\s*\*( |$)/, "");
    if (/^\s*\/\*\*/.test(raw)) inExample = false;
    if (/@example\b/.test(raw)) inExample = true;
    else if (/^\s*\*\s*@\w+/.test(raw)) inExample = false;
    if (!inExample) return;
    if (current === null && /^```(ts|typescript)\s*$/.test(text)) {
      current = { file, line: i + 2, code: [] };
    } else if (current !== null && /^```\s*$/.test(text)) {
      blocks.push(current);
      current = null;
    } else if (current !== null) {
      current.code.push(text);
    }
  });
  return blocks;
}

/** A checked line: the expression, what the comment states, and where. */
export interface Claim {
  line: number;
  expression: string;
  kind: "value" | "throws";
  /** The expected literal as source text (value), or the error code (throws). */
  expected: string;
  tolerance: number;
}

const VALUE = /^(.*?);?\s*\/\/ => (.*)$/;
const THROWS = /^(.*?);?\s*\/\/ throws (?:NumdiffError )?\[?([A-Z_]+)\]?/;

/** The literal part of an expected value: up to a parenthesised remark, with its `± tol`. */
export function splitExpected(text: string): { literal: string; tolerance: number } {
  let literal = text.replace(/\s+\(.*\)\s*$/, "").trim();
  let tolerance = 0;
  const pm = /\s*±\s*([0-9.eE+-]+)$/.exec(literal);
  if (pm) {
    tolerance = Number(pm[1]);
    literal = literal.slice(0, pm.index).trim();
  }
  return { literal, tolerance };
}

/** The claims of a block, in order. */
export function claims(block: ExampleBlock): Claim[] {
  const out: Claim[] = [];
  block.code.forEach((text, i) => {
    const v = VALUE.exec(text);
    if (v) {
      const { literal, tolerance } = splitExpected(v[2]);
      out.push({
        line: block.line + i,
        expression: v[1].trim(),
        kind: "value",
        expected: literal,
        tolerance,
      });
      return;
    }
    const t = THROWS.exec(text);
    if (t)
      out.push({
        line: block.line + i,
        expression: t[1].trim(),
        kind: "throws",
        expected: t[2],
        tolerance: 0,
      });
  });
  return out;
}

/**
 * `Float64Array [1, 2]` (as printed by Node) to `__typed("Float64Array", [1, 2])`, an expression
 * that the checker reads as "a Float64Array with these elements"; `…` (more keys) is dropped.
 */
export function literalSource(literal: string): string {
  let out = literal.replace(/,?\s*…\s*(?=[}\]])/g, " ");
  const open = /\b(Float64Array|Float32Array)\s*(?:\(\d+\)\s*)?\[/;
  for (let m = open.exec(out); m !== null; m = open.exec(out)) {
    let depth = 0;
    let end = m.index + m[0].length - 1;
    for (; end < out.length; end++) {
      if (out[end] === "[") depth++;
      else if (out[end] === "]" && --depth === 0) break;
    }
    const inner = out.slice(m.index + m[0].length - 1, end + 1);
    out = out.slice(0, m.index) + `__typed(${JSON.stringify(m[1])}, ${inner})` + out.slice(end + 1);
  }
  return out;
}

/** The names a block declares or imports itself (kept out of the file's own exports). */
export function ownNames(code: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const line of code) {
    for (const m of line.matchAll(/\b(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g))
      names.add(m[1]);
    const imp = /^import\s+(?:type\s+)?\{([^}]*)\}/.exec(line.trim());
    if (imp) {
      for (const part of imp[1].split(",")) {
        const name = part
          .trim()
          .replace(/^type\s+/, "")
          .split(/\s+as\s+/)
          .pop()!
          .trim();
        if (name) names.add(name);
      }
    }
  }
  return names;
}

/** A checked line rewritten as a call of the checker (a declaration keeps its name and checks it). */
export function checkedLine(claim: Claim, where: string): string {
  const decl = /^((?:const|let)\s+([A-Za-z_$][\w$]*)(?:\s*:\s*[^=]+)?\s*=\s*[\s\S]*)$/.exec(claim.expression);
  const target = decl ? decl[2] : `(${claim.expression})`;
  const prefix = decl ? `${decl[1]}; ` : "";
  if (claim.kind === "throws") {
    return `${prefix}__throws(() => ${target}, ${JSON.stringify(claim.expected)}, ${JSON.stringify(where)});`;
  }
  return `${prefix}__check(() => ${target}, () => (${literalSource(claim.expected)}), ${claim.tolerance}, ${JSON.stringify(where)});`;
}
