/**
 * The build's declaration pruning: a package's `exports` map lets a consumer import its entry points
 * only, so TypeScript reads the entry points' .d.ts files and the ones they import, and no other.
 * Declarations of modules that no public type reaches (the engine's internals: driver.ts, the noise
 * stages, …) are never read by anyone, and they carry the longest TSDoc of all (the derivations of
 * the engine's constants): about a third of numdiff's declarations, 160 kB of a package that issue 11
 * wants "well under 1 MB". The build deletes them; the JavaScript of every module stays.
 *
 * ```sh
 * npm run build   # tsc -b tsconfig.build.json && tsx scripts/package-assets.ts (which calls this)
 * ```
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";

/** A relative module specifier in a declaration file: `from "./x.js"` or `import("../y.js")`. */
const RELATIVE_IMPORT = /(?:\bfrom|\bimport\()\s*["'](\.{1,2}\/[^"']+)["']/g;

/**
 * The declaration files a declaration file imports (relative specifiers only; `./x.js` is read as
 * `./x.d.ts`), as paths.
 *
 * @example
 * ```ts
 * importedDeclarations("dist/core/index.d.ts", 'export { a } from "./a.js";\nexport type { B } from "../b/index.js";');
 * // ["dist/core/a.d.ts", "dist/b/index.d.ts"]
 * ```
 */
export function importedDeclarations(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(RELATIVE_IMPORT))
    out.push(normalize(join(dirname(file), m[1].replace(/\.js$/, ".d.ts"))));
  return out;
}

/**
 * The declaration files reachable from `entries` (paths of .d.ts files) by their imports; those
 * imported but absent go into `missing` when given.
 *
 * @example
 * ```ts
 * reachableDeclarations(["packages/numdiff/dist/core/index.d.ts"]).size > 0; // true after tsc -b
 * ```
 */
export function reachableDeclarations(entries: readonly string[], missing: string[] = []): Set<string> {
  const seen = new Set<string>();
  const stack = entries.map((e) => normalize(e));
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    if (!existsSync(file)) {
      if (!missing.includes(file)) missing.push(file);
      continue;
    }
    seen.add(file);
    stack.push(...importedDeclarations(file, readFileSync(file, "utf8")));
  }
  return seen;
}

/**
 * The .d.ts files under a folder, recursively.
 *
 * @example
 * ```ts
 * declarationsUnder("packages/numdiff/dist").length > 0; // true after tsc -b
 * ```
 */
export function declarationsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...declarationsUnder(path));
    else if (name.endsWith(".d.ts")) out.push(normalize(path));
  }
  return out;
}

/**
 * The `types` files of a package's `exports` map (conditions nested at any depth), as paths under
 * the package folder `dir`.
 *
 * @example
 * ```ts
 * typesEntries("p", { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" }, "./package.json": "./package.json" });
 * // ["p/dist/index.d.ts"]
 * ```
 */
export function typesEntries(dir: string, exports: unknown): string[] {
  if (exports === null || typeof exports !== "object") return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(exports)) {
    if (key === "types" && typeof value === "string") out.push(normalize(join(dir, value)));
    else out.push(...typesEntries(dir, value));
  }
  return out;
}

/**
 * The declaration files that the package's `exports` types reach by their imports but that are absent
 * from `dir`/dist. An incremental build (`tsc -b`) re-emits only what changed, so a declaration an
 * earlier build pruned stays absent when a changed module starts to import it (the constants entry
 * exporting a new module's constant): the package must then be built afresh (package-assets.ts).
 *
 * @example
 * ```ts
 * missingDeclarations("packages/numdiff", manifest.exports); // [] after a complete build
 * ```
 */
export function missingDeclarations(dir: string, exports: unknown): string[] {
  const entries = typesEntries(dir, exports);
  const missing: string[] = [];
  if (entries.length > 0 && existsSync(join(dir, "dist"))) reachableDeclarations(entries, missing);
  return missing;
}

/**
 * Deletes the declaration files under `dir`/dist that the package's `exports` types do not reach
 * (see the file comment); returns how many. A package whose exports name no types keeps them all.
 *
 * @example
 * ```ts
 * pruneDeclarations("packages/numdiff", manifest.exports); // 63 (after tsc -b)
 * ```
 */
export function pruneDeclarations(dir: string, exports: unknown): number {
  const entries = typesEntries(dir, exports);
  const dist = join(dir, "dist");
  if (entries.length === 0 || !existsSync(dist)) return 0;
  const keep = reachableDeclarations(entries);
  let removed = 0;
  for (const file of declarationsUnder(dist)) {
    if (keep.has(file)) continue;
    rmSync(file);
    removed++;
  }
  return removed;
}
