/**
 * The build's second step, after `tsc -b tsconfig.build.json` has compiled each layer into its
 * package's dist/: copies the files that are not TypeScript next to the code that loads them, and makes
 * the binaries executable (for `npx numdiff` inside the repository; npm does it for installs), and strips
 * the comments from their JavaScript (strip-comments.ts: the TSDoc stays in the .d.ts files), and deletes
 * the declarations no public type reaches (prune-declarations.ts) and the TSDoc of functions no entry
 * point exports (prune-docs.ts).
 *
 * - src/plot/fonts/* → packages/plot/dist/fonts/ (png.ts loads its font by `new URL("./fonts/…",
 *   import.meta.url)`, which must resolve both in src/plot and in the built package).
 *
 * ```sh
 * npm run build   # tsc -b tsconfig.build.json && tsx scripts/package-assets.ts
 * ```
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { missingDeclarations, pruneDeclarations } from "./prune-declarations.js";
import { pruneHiddenDocs } from "./prune-docs.js";
import { stripFolder } from "./strip-comments.js";
import { ROOT, workspaces } from "./workspaces.js";

/**
 * [source folder, destination folder], relative to the root; a missing source is skipped.
 *
 * @example
 * ```ts
 * ASSETS[0]; // ["src/plot/fonts", "packages/plot/dist/fonts"]
 * ```
 */
export const ASSETS: readonly [string, string][] = [["src/plot/fonts", "packages/plot/dist/fonts"]];

for (const [from, to] of ASSETS) {
  if (existsSync(join(ROOT, from))) cpSync(join(ROOT, from), join(ROOT, to), { recursive: true });
}
/**
 * Builds the package in `dir` afresh (its build info deleted, so that `tsc -b` emits every file): for
 * declarations an earlier build pruned that a changed module now imports (missingDeclarations).
 *
 * @example
 * ```ts
 * rebuildAfresh("packages/numdiff"); // tsc -b packages/numdiff/tsconfig.json, every file emitted
 * ```
 */
export function rebuildAfresh(dir: string): void {
  rmSync(join(dir, "dist", "tsconfig.tsbuildinfo"), { force: true });
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-b", join(dir, "tsconfig.json")], { stdio: "inherit" });
  if (run.status !== 0) throw new Error(`tsc -b ${join(dir, "tsconfig.json")} failed (exit ${run.status})`);
}

for (const { dir, manifest } of workspaces()) {
  if (missingDeclarations(dir, manifest.exports).length > 0) rebuildAfresh(dir);
  if (existsSync(join(dir, "dist"))) stripFolder(join(dir, "dist"));
  pruneDeclarations(dir, manifest.exports);
  pruneHiddenDocs(dir, manifest.exports);
  for (const file of Object.values(manifest.bin ?? {})) chmodSync(join(dir, file), 0o755);
}
