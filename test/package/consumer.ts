/**
 * The consumer projects of the package smoke test: fresh folders with the workspaces' packed tarballs,
 * their dependencies installed without the network, and the files that use every entry.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, entriesOf, workspaces, type Manifest, type Packed } from "../../scripts/workspaces.js";

export { NPM, ROOT, packWorkspaces, type Packed } from "../../scripts/workspaces.js";

interface LockEntry {
  version?: string;
  dev?: boolean;
  link?: boolean;
  dependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** Every entry of every package, as a consumer imports it (the JSON ones aside). */
export function entries(): string[] {
  return workspaces().flatMap((w) => entriesOf(w.manifest));
}

/** Entries that need Node: the PNG renderer (native), the parallel adapters and the command. */
export const NODE_ONLY: readonly string[] = ["@numdiff/plot/png", "@numdiff/parallel", "@numdiff/cli"];

/** Entries that run in browsers. */
export const browserEntries = (): string[] => entries().filter((e) => !NODE_ONLY.includes(e));

/** The lockfile entry of a package installed from its tarball. */
function tarballEntry(manifest: Manifest, tarball: string): LockEntry {
  const entry: LockEntry = {
    version: manifest.version,
    resolved: `file:${tarball}`,
    license: manifest.license,
  };
  for (const key of ["dependencies", "peerDependencies", "bin", "engines"] as const) {
    if (manifest[key] !== undefined) entry[key] = manifest[key];
  }
  return entry;
}

/**
 * The consumer's package.json and package-lock.json: every workspace package from its tarball,
 * @types/node (a Node consumer's types), and the exact versions the repository's lockfile resolved for
 * the packages' dependencies and for @types/node. With a lockfile, `npm ci --offline` takes every
 * package from the npm cache by its integrity, which the repository's own `npm ci` filled: no network
 * and no registry metadata are needed.
 */
export function writeProject(dir: string, packed: readonly Packed[]): void {
  const rootLock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, LockEntry>;
  };
  const typesNode = rootLock.packages["node_modules/@types/node"];
  const dependencies: Record<string, string> = { "@types/node": typesNode.version as string };
  const packages: Record<string, LockEntry> = { "": { name: "numdiff-consumer", dependencies } };
  for (const { manifest } of workspaces()) {
    const tarball = packed.find((p) => p.name === manifest.name)?.filename;
    if (tarball === undefined) throw new Error(`${manifest.name} was not packed`);
    dependencies[manifest.name] = `file:${tarball}`;
    packages[`node_modules/${manifest.name}`] = tarballEntry(manifest, tarball);
  }
  const wanted = new Set([
    "node_modules/@types/node",
    ...Object.keys(typesNode.dependencies ?? {}).map((d) => `node_modules/${d}`),
  ]);
  for (const [path, entry] of Object.entries(rootLock.packages)) {
    if (!path.startsWith("node_modules/")) continue;
    // Dev packages stay out, and so do links (the workspaces, and an override's local stand-in).
    if ((entry.dev === true && !wanted.has(path)) || entry.link === true) continue;
    const copy = { ...entry };
    delete copy.dev;
    delete copy.devOptional;
    packages[path] = copy;
  }
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "numdiff-consumer", private: true, type: "module", dependencies }, null, 2),
  );
  writeFileSync(
    join(dir, "package-lock.json"),
    JSON.stringify({ name: "numdiff-consumer", lockfileVersion: 3, requires: true, packages }, null, 2),
  );
}

/** A strict tsconfig that checks the declarations too (`skipLibCheck: false`). */
export function writeTsconfig(
  dir: string,
  name: string,
  options: Record<string, unknown>,
  files: string[],
): void {
  mkdirSync(dir, { recursive: true });
  const compilerOptions = {
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    target: "ES2022",
    lib: ["ES2022", "DOM"],
    ...options,
  };
  writeFileSync(join(dir, name), JSON.stringify({ compilerOptions, files }, null, 2));
}
