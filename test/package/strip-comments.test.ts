import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";
import { STRIP_OPTIONS, stripComments } from "../../scripts/strip-comments.js";

/** A module with comments where esbuild alone keeps them (inside an object literal and a call). */
const SOURCE = [
  "#!/usr/bin/env node",
  "/** The documented constant. */",
  "export const a = 1; // one",
  "export const b = {",
  "    // a comment inside an object literal",
  "    get c() { return a; },",
  "    d: f(/* an argument's comment */ 2),",
  "};",
  "function f(x) { return x + 1; }",
  "export const cache = new Map();",
  "",
].join("\n");

describe("stripComments (scripts/strip-comments.ts)", () => {
  it("drops every comment, those inside expressions too, and keeps the #! line and esbuild's marks", () => {
    const [first, ...rest] = stripComments(SOURCE).split("\n");
    expect(first).toBe("#!/usr/bin/env node");
    const code = rest.join("\n");
    expect(code.replaceAll("/* @__PURE__ */", "")).not.toMatch(/\/\/|\/\*/);
    expect(code).toContain("const cache = /* @__PURE__ */ new Map();");
  });

  it("reprints the same code: minified, before and after are the same bytes", () => {
    const minified = (code: string) => transformSync(code, { ...STRIP_OPTIONS, minifyWhitespace: true }).code;
    expect(minified(stripComments(SOURCE))).toBe(minified(SOURCE));
  });

  it("is idempotent (an incremental build strips the same files again)", () => {
    const once = stripComments(SOURCE);
    expect(stripComments(once)).toBe(once);
  });
});
