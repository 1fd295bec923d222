/**
 * The build's second step, after `tsc -b tsconfig.build.json` has compiled each layer into its
 * package's dist/: copies the files that are not TypeScript next to the code that loads them, and makes
 * the binaries executable (for `npx numdiff` inside the repository; npm does it for installs), and strips
 * the comments from their JavaScript (strip-comments.ts: the TSDoc stays in the .d.ts files), and deletes
 * the declaration files no public type reaches (prune-declarations.ts), the TSDoc of functions no entry
 * point exports (prune-docs.ts) and, in the files left, the declarations no entry point reaches
 * (prune-unreached.ts), whose result the compiler then checks. A package whose build info is the one
 * it had when it was last pruned (nothing emitted since: PRUNED_STAMP) is left as it is.
 *
 * - src/plot/fonts/* → packages/plot/dist/fonts/ (png.ts loads its font by `new URL("./fonts/…",
 *   import.meta.url)`, which must resolve both in src/plot and in the built package).
 *
 * ```sh
 * npm run build   # tsc -b tsconfig.build.json && tsx scripts/package-assets.ts
 * ```
 */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { missingDeclarations, pruneDeclarations } from "./prune-declarations.js";
import { pruneHiddenDocs } from "./prune-docs.js";
import { declarationErrors, pruneUnreached } from "./prune-unreached.js";
import { stripFolder } from "./strip-comments.js";
import { ROOT, workspaces, type Workspace } from "./workspaces.js";

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

/**
 * Where each package's build info time is written once its dist/ is pruned and checked (out/ is ignored
 * by git): the next build leaves a package whose build info has not changed since (tsc emitted nothing)
 * as it is, instead of reading its declarations again (about 15 s for all packages).
 *
 * @example
 * ```ts
 * JSON.parse(readFileSync(PRUNED_STAMP, "utf8")); // { "/…/packages/numdiff": 1796108772123.4, … }
 * ```
 */
export const PRUNED_STAMP = join(ROOT, "out/build/pruned.json");

/** The modification time of a package's build info (NaN without one). */
function buildInfoTime(dir: string): number {
  const info = join(dir, "dist", "tsconfig.tsbuildinfo");
  return existsSync(info) ? statSync(info).mtimeMs : NaN;
}

/** Strips a package's JavaScript and prunes its declarations, file by file (see the file comment). */
function prepare({ dir, manifest }: Workspace): void {
  if (missingDeclarations(dir, manifest.exports).length > 0) rebuildAfresh(dir);
  if (existsSync(join(dir, "dist"))) stripFolder(join(dir, "dist"));
  pruneDeclarations(dir, manifest.exports);
  pruneHiddenDocs(dir, manifest.exports);
}

/**
 * Prunes the packages' declarations statement by statement, deletes the files that leaves unread, and
 * returns the compiler's errors in what is left, by package folder.
 */
function pruneAndCheck(packages: readonly Workspace[]): Map<string, string[]> {
  const prunable = packages.map(({ dir, manifest }) => ({ dir, exports: manifest.exports }));
  const { program } = pruneUnreached(prunable);
  for (const { dir, exports } of prunable) pruneDeclarations(dir, exports);
  return declarationErrors(prunable, program);
}

const stamps: Record<string, number> = existsSync(PRUNED_STAMP)
  ? (JSON.parse(readFileSync(PRUNED_STAMP, "utf8")) as Record<string, number>)
  : {};
const stale = workspaces().filter(({ dir }) => stamps[dir] !== buildInfoTime(dir));
for (const workspace of stale) prepare(workspace);
let errors = stale.length > 0 ? pruneAndCheck(stale) : new Map<string, string[]>();
if (errors.size > 0) {
  // An incremental build re-emits the changed modules only: a declaration an earlier pruning deleted
  // that a changed module now names is absent. Built afresh, those packages are pruned anew.
  const broken = stale.filter(({ dir }) => errors.has(dir));
  for (const workspace of broken) {
    rebuildAfresh(workspace.dir);
    prepare(workspace);
  }
  errors = pruneAndCheck(broken);
  if (errors.size > 0)
    throw new Error(`pruned declarations do not type-check:\n${[...errors.values()].flat().join("\n")}`);
}
for (const { dir } of stale) stamps[dir] = buildInfoTime(dir);
mkdirSync(dirname(PRUNED_STAMP), { recursive: true });
writeFileSync(PRUNED_STAMP, `${JSON.stringify(stamps, null, 2)}\n`);
for (const { dir, manifest } of workspaces()) {
  for (const file of Object.values(manifest.bin ?? {})) chmodSync(join(dir, file), 0o755);
}
