import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const PLOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "plot");
const imports = (file: string): string[] =>
  [...readFileSync(join(PLOT, file), "utf8").matchAll(/^import [^;]*? from "([^"]+)";/gms)].map((m) => m[1]);

describe("@numdiff/plot layering", () => {
  const files = readdirSync(PLOT).filter((f) => f.endsWith(".ts"));

  it("only png.ts imports Node modules or resvg (the rest runs in browsers)", () => {
    for (const file of files.filter((f) => f !== "png.ts")) {
      const bad = imports(file).filter((m) => m.startsWith("node:") || m.startsWith("@resvg/"));
      expect(bad, file).toEqual([]);
    }
    expect(imports("png.ts")).toContain("@resvg/resvg-js");
  });

  it("index.ts does not re-export png.ts", () => {
    expect(readFileSync(join(PLOT, "index.ts"), "utf8")).not.toContain("png.js");
  });

  it("figures import only core, book, d3 and each other (never cli or expr)", () => {
    for (const file of files) {
      for (const m of imports(file)) {
        const ok =
          m.startsWith("./") ||
          m === "numdiff" ||
          m === "numdiff/constants" ||
          m === "numdiff/book" ||
          m.startsWith("d3-") ||
          (file === "png.ts" && (m.startsWith("node:") || m === "@resvg/resvg-js"));
        expect(ok, `${file} imports ${m}`).toBe(true);
      }
    }
  });
});
