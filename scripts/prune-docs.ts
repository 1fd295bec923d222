/**
 * The build's TSDoc pruning, after prune-declarations.ts: a declaration file that a public type reaches
 * may still declare functions that no entry point exports. The constants entry re-exports a few named
 * constants of the engine's modules (`export { FLAT_ROWS } from "./driver.js"`), so driver.d.ts is read,
 * but its functions cannot be imported (the `exports` map allows the entry points only), and their TSDoc
 * (the engine's derivations and examples) is shown to nobody. The build drops that TSDoc, about 100 kB
 * of a package issue 11 wants "well under 1 MB"; the declarations themselves, and every comment on a
 * constant, type or exported function, stay.
 *
 * ```sh
 * npm run build   # tsc -b tsconfig.build.json && tsx scripts/package-assets.ts (which calls this)
 * ```
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { reachableDeclarations, typesEntries } from "./prune-declarations.js";

/** `export { a, b as c } from "./x.js"` and `export type { T } from "../y.js"`. */
const NAMED_REEXPORT = /export\s+(?:type\s+)?\{([^}]*)\}\s*from\s*["'](\.{1,2}\/[^"']+)["']/g;
/** `export * from "./x.js"` and `export * as ns from "./x.js"`. */
const STAR_REEXPORT = /export\s*\*\s*(?:as\s+\w+\s*)?from\s*["'](\.{1,2}\/[^"']+)["']/g;
/** A TSDoc comment and the function declaration it documents (its name in group 1). */
const FUNCTION_DOC = /\/\*\*(?:(?!\*\/)[\s\S])*\*\/[ \t]*\n(?=export declare function (\w+)\b)/g;

/** The names each declaration file has re-exported by the others (`"*"`: all of them). */
export type Reexports = Map<string, Set<string> | "*">;

/**
 * What the declaration files (path → text) re-export from each other, by target path.
 *
 * @example
 * ```ts
 * reexports(new Map([["d/index.d.ts", 'export { a, b as c } from "./m.js";\nexport * from "./k.js";']]));
 * // Map { "d/m.d.ts" => Set { "a", "b" }, "d/k.d.ts" => "*" }
 * ```
 */
export function reexports(files: ReadonlyMap<string, string>): Reexports {
  const out: Reexports = new Map();
  const target = (file: string, spec: string) =>
    normalize(join(dirname(file), spec.replace(/\.js$/, ".d.ts")));
  for (const [file, text] of files) {
    for (const m of text.matchAll(STAR_REEXPORT)) out.set(target(file, m[1]), "*");
    for (const m of text.matchAll(NAMED_REEXPORT)) {
      const to = target(file, m[2]);
      const names = out.get(to);
      if (names === "*") continue;
      const set = names ?? new Set<string>();
      for (const item of m[1].split(",")) {
        const name = item
          .trim()
          .replace(/^type\s+/, "")
          .split(/\s+as\s+/)[0];
        if (name) set.add(name);
      }
      out.set(to, set);
    }
  }
  return out;
}

/**
 * `text` without the TSDoc of the functions it declares that `exported` (the names re-exported from
 * it, or `"*"`) leaves out and that no declaration refers to by `typeof`.
 *
 * @example
 * ```ts
 * withoutHiddenDocs("/** a *\/\nexport declare function a(): void;\n/** b *\/\nexport declare function b(): void;\n", new Set(["b"]), new Set());
 * // "export declare function a(): void;\n/** b *\/\nexport declare function b(): void;\n"
 * ```
 */
export function withoutHiddenDocs(
  text: string,
  exported: Set<string> | "*" | undefined,
  typeofNames: ReadonlySet<string>,
): string {
  if (exported === "*") return text;
  return text.replace(FUNCTION_DOC, (doc: string, name: string) =>
    exported?.has(name) || typeofNames.has(name) ? doc : "",
  );
}

/**
 * Drops, in the declaration files under `dir`/dist that the package's `exports` types reach, the TSDoc
 * of the functions no entry point exports (see the file comment); returns the bytes removed. The entry
 * points' own declarations keep theirs.
 *
 * @example
 * ```ts
 * pruneHiddenDocs("packages/numdiff", manifest.exports); // about 100,000 (after tsc -b)
 * ```
 */
export function pruneHiddenDocs(dir: string, exports: unknown): number {
  const entries = new Set(typesEntries(dir, exports));
  if (entries.size === 0) return 0;
  const files = new Map<string, string>();
  for (const file of reachableDeclarations([...entries])) files.set(file, readFileSync(file, "utf8"));
  const shared = reexports(files);
  const typeofNames = new Set<string>();
  for (const text of files.values())
    for (const m of text.matchAll(/\btypeof\s+(\w+)/g)) typeofNames.add(m[1]);
  let removed = 0;
  for (const [file, text] of files) {
    if (entries.has(file)) continue;
    const pruned = withoutHiddenDocs(text, shared.get(file), typeofNames);
    if (pruned.length === text.length) continue;
    writeFileSync(file, pruned);
    removed += text.length - pruned.length;
  }
  return removed;
}
