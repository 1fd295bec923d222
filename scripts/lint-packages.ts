/**
 * Lints every workspace package as published: `publint --strict` on its folder, then `npm pack` and
 * `attw --profile esm-only` (Are The Types Wrong) on its tarball. Run by `npm test` after the unit
 * tests, whose global setup built the packages (`npm run lint:package` builds first).
 *
 * ```sh
 * npm run lint:package
 * ```
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT, packWorkspaces, workspaces } from "./workspaces.js";

/**
 * Where the tarballs go (out/ is ignored by git).
 *
 * @example
 * ```ts
 * join(PACK_DIR, "numdiff-0.1.0.tgz"); // the numdiff tarball after a run
 * ```
 */
export const PACK_DIR = join(ROOT, "out/package");

const bin = (name: string): string => join(ROOT, "node_modules/.bin", name);

/** Runs a linter with its output shown; returns whether it passed. */
function passes(command: string, args: string[]): boolean {
  return spawnSync(command, args, { cwd: ROOT, stdio: "inherit" }).status === 0;
}

rmSync(PACK_DIR, { recursive: true, force: true });
mkdirSync(PACK_DIR, { recursive: true });
const failed: string[] = [];
for (const { dir, manifest } of workspaces()) {
  if (!passes(bin("publint"), ["--strict", dir])) failed.push(`publint ${manifest.name}`);
}
for (const packed of packWorkspaces(PACK_DIR)) {
  if (!passes(bin("attw"), ["--profile", "esm-only", join(PACK_DIR, packed.filename)])) {
    failed.push(`attw ${packed.name}`);
  }
}
if (failed.length > 0) {
  process.stderr.write(`lint-packages: failed: ${failed.join(", ")}\n`);
  process.exitCode = 1;
}
