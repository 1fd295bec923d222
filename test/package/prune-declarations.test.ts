import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { missingDeclarations, pruneDeclarations, typesEntries } from "../../scripts/prune-declarations.js";

const dir = mkdtempSync(join(tmpdir(), "numdiff-prune-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `files` (path under dir → text). */
function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

describe("pruneDeclarations (scripts/prune-declarations.ts)", () => {
  it("keeps the declarations the exports' types reach and deletes the others, JavaScript untouched", () => {
    write({
      "dist/index.d.ts": 'export { a } from "./a.js";\nexport type { T } from "./sub/t.js";\n',
      "dist/a.d.ts": 'export declare function a(): import("./b.js").B;\n',
      "dist/b.d.ts": "export interface B { x: number }\n",
      "dist/sub/t.d.ts": 'import type { B } from "../b.js";\nexport type T = B;\n',
      "dist/internal.d.ts": 'export declare const k = 1;\nexport { a } from "./a.js";\n',
      "dist/internal.js": "export const k = 1;\n",
    });
    const exports = {
      ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./package.json": "./package.json",
    };
    expect(typesEntries(dir, exports)).toEqual([join(dir, "dist/index.d.ts")]);
    expect(pruneDeclarations(dir, exports)).toBe(1);
    for (const kept of ["index", "a", "b", "sub/t"])
      expect(existsSync(join(dir, `dist/${kept}.d.ts`))).toBe(true);
    expect(existsSync(join(dir, "dist/internal.d.ts"))).toBe(false);
    expect(existsSync(join(dir, "dist/internal.js"))).toBe(true);
  });

  it("names the reachable declarations an earlier pruning left absent (for package-assets' fresh build)", () => {
    // An incremental tsc -b does not re-emit a pruned declaration that a changed entry now imports.
    write({
      "stale/dist/index.d.ts": 'export { a } from "./a.js";\nexport { c } from "./c.js";\n',
      "stale/dist/a.d.ts": "export declare const a: number;\n",
      "stale/dist/c.js": "export const c = 1;\n",
    });
    const exports = { ".": { types: "./dist/index.d.ts" } };
    expect(missingDeclarations(join(dir, "stale"), exports)).toEqual([join(dir, "stale/dist/c.d.ts")]);
    write({ "stale/dist/c.d.ts": "export declare const c: number;\n" });
    expect(missingDeclarations(join(dir, "stale"), exports)).toEqual([]);
  });

  it("keeps everything of a package whose exports name no types", () => {
    write({ "other/dist/x.d.ts": "export declare const x: number;\n" });
    expect(pruneDeclarations(join(dir, "other"), { ".": "./dist/x.js" })).toBe(0);
    expect(existsSync(join(dir, "other/dist/x.d.ts"))).toBe(true);
  });
});
