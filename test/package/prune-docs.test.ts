import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pruneHiddenDocs, reexports, withoutHiddenDocs } from "../../scripts/prune-docs.js";

const dir = mkdtempSync(join(tmpdir(), "numdiff-prune-docs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("pruneHiddenDocs (scripts/prune-docs.ts)", () => {
  it("reads named and star re-exports by their target file", () => {
    const got = reexports(
      new Map([["d/index.d.ts", 'export { a, b as c, type T } from "./m.js";\nexport * from "./k.js";\n']]),
    );
    expect(got.get(join("d", "m.d.ts"))).toEqual(new Set(["a", "b", "T"]));
    expect(got.get(join("d", "k.d.ts"))).toBe("*");
  });

  it("drops only the TSDoc of functions nothing exports or names by typeof", () => {
    const text =
      "/** hidden */\nexport declare function h(): void;\n/** shown */\nexport declare function s(): void;\n" +
      "/** used by typeof */\nexport declare function t(): void;\n/** a constant */\nexport declare const K = 1;\n";
    expect(withoutHiddenDocs(text, new Set(["s"]), new Set(["t"]))).toBe(
      "export declare function h(): void;\n/** shown */\nexport declare function s(): void;\n" +
        "/** used by typeof */\nexport declare function t(): void;\n/** a constant */\nexport declare const K = 1;\n",
    );
    expect(withoutHiddenDocs(text, "*", new Set())).toBe(text);
  });

  it("prunes the reachable internal files of a package, never an entry point", () => {
    mkdirSync(join(dir, "dist"), { recursive: true });
    const index = '/** pub */\nexport declare function pub(): void;\nexport { K } from "./internal.js";\n';
    writeFileSync(join(dir, "dist/index.d.ts"), index);
    writeFileSync(
      join(dir, "dist/internal.d.ts"),
      "/** the constant */\nexport declare const K = 1;\n/** engine step */\nexport declare function step(): void;\n",
    );
    const exports = { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } };
    expect(pruneHiddenDocs(dir, exports)).toBe("/** engine step */\n".length);
    expect(readFileSync(join(dir, "dist/internal.d.ts"), "utf8")).toBe(
      "/** the constant */\nexport declare const K = 1;\nexport declare function step(): void;\n",
    );
    expect(readFileSync(join(dir, "dist/index.d.ts"), "utf8")).toBe(index);
  });
});
