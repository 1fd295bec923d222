/**
 * The build's second step, after `tsc -b tsconfig.build.json` has compiled each layer into its
 * package's dist/: copies the files that are not TypeScript next to the code that loads them, and makes
 * the binaries executable (for `npx numdiff` inside the repository; npm does it for installs), and strips
 * the comments from their JavaScript (strip-comments.ts: the TSDoc stays in the .d.ts files), and deletes
 * the declarations no public type reaches (prune-declarations.ts).
 *
 * - src/plot/fonts/* → packages/plot/dist/fonts/ (png.ts loads its font by `new URL("./fonts/…",
 *   import.meta.url)`, which must resolve both in src/plot and in the built package).
 *
 * ```sh
 * npm run build   # tsc -b tsconfig.build.json && tsx scripts/package-assets.ts
 * ```
 */
import { chmodSync, cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import { pruneDeclarations } from "./prune-declarations.js";
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
for (const { dir, manifest } of workspaces()) {
  if (existsSync(join(dir, "dist"))) stripFolder(join(dir, "dist"));
  pruneDeclarations(dir, manifest.exports);
  for (const file of Object.values(manifest.bin ?? {})) chmodSync(join(dir, file), 0o755);
}
