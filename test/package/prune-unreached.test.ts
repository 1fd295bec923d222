import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { pruneDeclarations } from "../../scripts/prune-declarations.js";
import { declarationErrors, keptImport, pruneUnreached } from "../../scripts/prune-unreached.js";

const dir = mkdtempSync(join(tmpdir(), "numdiff-prune-unreached-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `files` (path under `root` → text). */
function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const read = (path: string) => readFileSync(join(dir, path), "utf8");
const EXPORTS = { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } };

/** A package whose entry reaches part of its internal declarations. */
const PACKAGE = {
  "dist/index.d.ts": 'export { pub, type Opts } from "./a.js";\nexport { K } from "./mid.js";\n',
  "dist/a.d.ts":
    'import type { Shown } from "./s.js";\nimport type { Hidden } from "./h.js";\n' +
    "/** Options. */\nexport interface Opts {\n    /** The shown part. */\n    s: Shown;\n}\n" +
    "/** pub */\nexport declare function pub(o: Opts): void;\n" +
    "/** An internal helper, documented at length. */\nexport declare function helper(h: Hidden): void;\n",
  "dist/s.d.ts": "/** A type a public one names. */\nexport type Shown = number;\n",
  "dist/h.d.ts": "/** Only the helper names it. */\nexport interface Hidden {\n    x: number;\n}\n",
  "dist/mid.d.ts": 'export { K, step } from "./k.js";\n',
  "dist/k.d.ts":
    "/** The constant; see {@link linked}. */\nexport declare const K = 1;\n" +
    "/** Linked from K's TSDoc. */\nexport declare function linked(): void;\n" +
    "/** An engine step. */\nexport declare function step(): void;\n",
};

describe("pruneUnreached (scripts/prune-unreached.ts)", () => {
  it("deletes the declarations no entry point reaches, with the imports and re-exports only they used", () => {
    write(dir, PACKAGE);
    const { removed } = pruneUnreached([{ dir, exports: EXPORTS }]);
    expect(removed.get(dir)).toBeGreaterThan(0);
    expect(read("dist/index.d.ts")).toBe(PACKAGE["dist/index.d.ts"]);
    expect(read("dist/a.d.ts")).toBe(
      'import type { Shown } from "./s.js";\n' +
        "/** Options. */\nexport interface Opts {\n    /** The shown part. */\n    s: Shown;\n}\n" +
        "/** pub */\nexport declare function pub(o: Opts): void;\n",
    );
    expect(read("dist/s.d.ts")).toBe(PACKAGE["dist/s.d.ts"]);
    expect(read("dist/mid.d.ts")).toBe('export { K } from "./k.js";\n');
    expect(read("dist/k.d.ts")).toBe(
      "/** The constant; see {@link linked}. */\nexport declare const K = 1;\n" +
        "/** Linked from K's TSDoc. */\nexport declare function linked(): void;\n",
    );
    expect(read("dist/h.d.ts")).toBe("\n");
  });

  it("leaves files that nothing imports any more to prune-declarations, and what is left type-checks", () => {
    expect(pruneDeclarations(dir, EXPORTS)).toBe(1);
    expect(existsSync(join(dir, "dist/h.d.ts"))).toBe(false);
    expect(declarationErrors([{ dir, exports: EXPORTS }])).toEqual(new Map());
    const again = pruneUnreached([{ dir, exports: EXPORTS }]);
    expect(again.removed.get(dir)).toBe(0);
  });

  it("reports a declaration that names one an earlier pruning deleted (an incremental build's trouble)", () => {
    write(dir, { "dist/a.d.ts": read("dist/a.d.ts") + 'export { step } from "./k.js";\n' });
    const errors = declarationErrors([{ dir, exports: EXPORTS }]).get(dir) ?? [];
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/a\.d\.ts:\d+: .*step/);
  });

  it("keeps an import's used names only, and drops an import nothing uses", () => {
    const file = ts.createSourceFile(
      "x.d.ts",
      'import { a, type B } from "./x.js";\nimport type { C } from "./y.js";\nimport "./z.js";\n',
      ts.ScriptTarget.ESNext,
      true,
    );
    const [ab, c, z] = file.statements as unknown as ts.ImportDeclaration[];
    const only = (name: string) => (n: ts.Identifier) => n.text === name;
    expect(keptImport(ab, only("B"))).toBe('import { type B } from "./x.js";');
    expect(keptImport(c, only("B"))).toBe("");
    expect(keptImport(c, only("C"))).toBe('import type { C } from "./y.js";');
    expect(keptImport(z, only("B"))).toBe('import "./z.js";');
  });
});
