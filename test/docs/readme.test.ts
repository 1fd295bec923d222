/**
 * What the README's code blocks say they give, they give: values at their printed precision,
 * errors, steps, statuses and evaluation counts (the convention is in test/docs/readme-claims.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  expectedSource,
  markdownBlocks,
  printsAs,
  readmeClaims,
  readmeDifference,
  type MarkdownBlock,
  type ReadmeClaim,
} from "./readme-claims.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const README = join(ROOT, "README.md");

/** The sections whose blocks run: the API tour. (The command, the explorer and Scale show shell
 * sessions, async code and worker pools; their figures are checked by their own tests.) */
const SECTIONS = [
  "A short tour",
  "Functions that are not smooth, or noisy",
  "Several variables",
  "Sparse Jacobians and Hessians",
  "Sampled data",
];

/** Names the README uses without defining them, and why (a statement using one is not run). */
const UNDEFINED: Record<string, string> = {
  simulation: "the reader's own simulation",
  noisy: "examples/sampled-data.ts's noisy sine",
  F: "the sparse section's tridiagonal F, described in words",
  n: "the sparse section's dimension (10,000)",
};

/** How the README's imports map onto the sources. */
const ENTRIES: Record<string, string> = {
  numdiff: "src/core/index.ts",
  "numdiff/book": "src/book/index.ts",
};

const DEFINITION = /^const (\w+)\b.*;\s*(\/\/.*)?$/;

const blocks = markdownBlocks(README).filter((b) => SECTIONS.includes(b.section));

function uses(text: string, name: string): boolean {
  return new RegExp(`(?<![\\w.])${name}(?![\\w:])`).test(text);
}

/** The block as a module: its imports mapped to the sources, the definitions it borrows from earlier
 * blocks, its own one-line definitions, and its claims as thunks. */
function program(block: MarkdownBlock, claims: ReadmeClaim[]): string {
  const earlier = blocks.filter((b) => b.line < block.line).flatMap((b) => b.code);
  const own = new Set(block.code.map((t) => DEFINITION.exec(t)?.[1]).filter((n) => n !== undefined));
  const borrowed = earlier.filter((t) => {
    const name = DEFINITION.exec(t)?.[1];
    return name !== undefined && !own.has(name) && block.code.some((c) => uses(c, name));
  });
  const sources = new Map<string, string>();
  for (const t of [...earlier, ...block.code]) {
    const m = /^import\s*\{([^}]*)\}\s*from\s+"([^"]+)";?\s*$/.exec(t);
    if (m) for (const name of m[1].split(",").map((s) => s.trim())) sources.set(name, m[2]);
  }
  const body = [...borrowed, ...block.code].join("\n");
  const imports = [...sources]
    .filter(([name]) => uses(body, name))
    .map(([name, from]) => `import { ${name} } from ${JSON.stringify(join(ROOT, ENTRIES[from] ?? from))};`);
  const definitions = block.code.filter((t) => DEFINITION.test(t) && !/^const \w+ = .*\);\s*\/\/ /.test(t));
  return [
    `import { __printed } from ${JSON.stringify(join(ROOT, "test/docs/readme-claims.ts"))};`,
    ...imports,
    ...new Set([...borrowed, ...definitions]),
    "export const claims: [number, () => unknown, () => unknown][] = [",
    ...claims.map((c) => `  [${c.line}, () => (${c.expression}), () => (${c.expected})],`),
    "];",
  ].join("\n");
}

const dir = mkdtempSync(join(tmpdir(), "numdiff-readme-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the README convention", () => {
  it("compares numbers at their printed precision", () => {
    expect(printsAs(6.43e-15, "6.4e-15")).toBe(true);
    expect(printsAs(6.46e-15, "6.4e-15")).toBe(false);
    expect(printsAs(0.1999999999990898, "0.1999999999990898")).toBe(true);
    expect(printsAs(0.19999999999909, "0.1999999999990898")).toBe(false);
    expect(printsAs(14, "14")).toBe(true);
    expect(printsAs(15, "14")).toBe(false);
  });
  it("reads objects over several lines, typed arrays, counts and prose", () => {
    const [a, b, c] = readmeClaims({
      line: 1,
      section: "",
      code: [
        "g(1);",
        '// { value: 0.5, status: "x",',
        "//   left: { value: 0 }, … }",
        "//   prose 1e-3",
        "h(2); // Float64Array [6, 8]  (prose)",
        "k(3); // 4 evaluations, error 4.5e-7",
      ],
    });
    expect(a).toEqual({
      line: 1,
      expression: "g(1)",
      expected: expectedSource('{ value: 0.5, status: "x", left: { value: 0 } }'),
    });
    expect(b.expected).toBe('[__printed("6"), __printed("8")]');
    expect(c.expected).toBe('{ evaluations: __printed("4") }');
    expect(
      readmeDifference({ value: 0.5, left: { value: 1 } }, { left: { value: { __printed: "0" } } }),
    ).toMatch(/left\.value/);
  });
});

let checked = 0;
describe("README.md", () => {
  for (const block of blocks) {
    const claims = readmeClaims(block).filter(
      (c) => !Object.keys(UNDEFINED).some((name) => uses(c.expression, name)),
    );
    if (claims.length === 0) continue;
    checked += claims.length;
    it(`the block at line ${block.line} (${block.section}) gives what it shows`, async () => {
      const path = join(dir, `readme-${block.line}.ts`);
      writeFileSync(path, program(block, claims));
      const mod = (await import(path)) as { claims: [number, () => unknown, () => unknown][] };
      const wrong = mod.claims
        .map(([line, actual, expected]) => {
          const d = readmeDifference(actual(), expected());
          return d === null ? null : `README.md:${line}${d}`;
        })
        .filter((d) => d !== null);
      expect(wrong).toEqual([]);
    });
  }
  it("checks the tour's claims, not none of them", () => {
    // 30 claims ran in these sections when this test was written; a parser that stopped reading
    // them would check nothing and pass.
    expect(checked).toBeGreaterThanOrEqual(30);
  });
});
