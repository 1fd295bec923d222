/**
 * The build's comment stripping: every JavaScript file in the packages' dist/ is reprinted without its
 * comments. The TSDoc that users read lives in the .d.ts files next to it (tsc's `removeComments` would
 * drop it there too), so the comments in the .js were a second copy: half the numdiff package's size
 * (issue 11: "well under 1 MB"). Two printers, each doing what it does best: TypeScript's own (the
 * printer tsc emits with, `removeComments`) drops every comment, and esbuild reprints the result
 * compactly (two-space indents, as tsc's four-space output took more room). esbuild alone keeps the
 * comments inside expressions (an object literal's, a call's arguments': 39 kB of numdiff's
 * JavaScript). Nothing is minified or renamed: the code is reprinted as it is, without comments; the
 * `#!` line of a binary is kept, and esbuild's `/* @__PURE__ *\/` marks (for bundlers' tree-shaking).
 *
 * ```sh
 * npm run build   # tsc -b tsconfig.build.json && tsx scripts/package-assets.ts (which calls this)
 * ```
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";
import ts from "typescript";

/**
 * The esbuild options: ES modules as they are (no syntax lowered: the target is esnext), no legal
 * comments kept, nothing minified (so no name changes).
 *
 * @example
 * ```ts
 * STRIP_OPTIONS.legalComments; // "none"
 * ```
 */
export const STRIP_OPTIONS = {
  format: "esm",
  target: "esnext",
  legalComments: "none",
  keepNames: false,
  loader: "js",
} as const;

/**
 * The JavaScript files under a folder, recursively.
 *
 * @example
 * ```ts
 * scriptsUnder("packages/numdiff/dist").length > 0; // true after tsc -b
 * ```
 */
export function scriptsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...scriptsUnder(path));
    else if (name.endsWith(".js")) out.push(path);
  }
  return out;
}

/** TypeScript's printer with `removeComments`: the JavaScript as tsc would emit it without comments. */
const COMMENTLESS = ts.createPrinter({ removeComments: true });

/**
 * Strips the comments of one JavaScript source (see the file comment).
 *
 * @example
 * ```ts
 * stripComments("/** doc *\/\nexport const a = 1; // one\n"); // "export const a = 1;\n"
 * ```
 */
export function stripComments(code: string): string {
  const parsed = ts.createSourceFile("module.js", code, ts.ScriptTarget.ESNext, false, ts.ScriptKind.JS);
  return transformSync(COMMENTLESS.printFile(parsed), STRIP_OPTIONS).code;
}

/**
 * Strips every .js file under `dir` in place; returns the bytes before and after.
 *
 * @example
 * ```ts
 * stripFolder("packages/numdiff/dist"); // { before: 631019, after: 2xxxxx }
 * ```
 */
export function stripFolder(dir: string): { before: number; after: number } {
  let before = 0;
  let after = 0;
  for (const file of scriptsUnder(dir)) {
    const code = readFileSync(file, "utf8");
    const stripped = stripComments(code);
    before += Buffer.byteLength(code);
    after += Buffer.byteLength(stripped);
    if (stripped !== code) writeFileSync(file, stripped);
  }
  return { before, after };
}
