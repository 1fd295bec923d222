/**
 * The consumer project of the package smoke test: a fresh folder with numdiff's packed tarball, its
 * dependencies installed without the network, and the files that use every entry.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The npm installed beside this Node (never one that a dependency put in node_modules/.bin, which
 * `npm test` puts first on PATH), or the first on PATH.
 */
export const NPM = existsSync(join(dirname(process.execPath), "npm"))
  ? join(dirname(process.execPath), "npm")
  : "npm";

/** The repository root. */
export const ROOT = new URL("../..", import.meta.url).pathname;

interface LockEntry {
  version?: string;
  dev?: boolean;
  dependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** Every entry in package.json's `exports`, as a consumer imports it (the JSON one aside). */
export function entries(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    exports: Record<string, unknown>;
  };
  return Object.keys(pkg.exports)
    .filter((key) => !key.endsWith(".json"))
    .map((key) => "numdiff" + key.slice(1));
}

/** Entries that run in browsers: all but the PNG renderer (native, Node only). */
export const browserEntries = (): string[] => entries().filter((e) => e !== "numdiff/plot/png");

/**
 * `npm pack` of the built package (dist/ is built by test/global-setup.ts; `--ignore-scripts` so
 * packing never rebuilds it under the other tests) into `dir`; returns the tarball's file name.
 */
export function pack(dir: string): string {
  const out = execFileSync(NPM, ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return (JSON.parse(out) as { filename: string }[])[0].filename;
}

/**
 * The consumer's package.json and package-lock.json: numdiff from the tarball, @types/node (a Node
 * consumer's types), and the exact versions numdiff's own lockfile resolved for its production
 * dependencies and for @types/node. With a lockfile, `npm ci --offline` takes every package from the
 * npm cache by its integrity, which the project's own `npm ci` filled: no network and no registry
 * metadata are needed.
 */
export function writeProject(dir: string, tarball: string): void {
  const rootLock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, LockEntry>;
  };
  const own = rootLock.packages[""] as LockEntry & { version: string };
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    version: string;
    dependencies: Record<string, string>;
    bin: Record<string, string>;
    engines: Record<string, string>;
    license: string;
  };
  const typesNode = rootLock.packages["node_modules/@types/node"];
  const dependencies = { numdiff: `file:${tarball}`, "@types/node": typesNode.version as string };
  const packages: Record<string, LockEntry> = {
    "": { name: "numdiff-consumer", dependencies },
    "node_modules/numdiff": {
      version: pkg.version,
      resolved: `file:${tarball}`,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  const wanted = new Set([
    "node_modules/@types/node",
    ...Object.keys(typesNode.dependencies ?? {}).map((d) => `node_modules/${d}`),
  ]);
  for (const [path, entry] of Object.entries(rootLock.packages)) {
    if (path === "" || !path.startsWith("node_modules/")) continue;
    // Dev packages stay out, and so do links (an override's local stand-in is one, and is never dev-flagged).
    if ((entry.dev === true && !wanted.has(path)) || entry.link === true) continue;
    const copy = { ...entry };
    delete copy.dev;
    delete copy.devOptional;
    packages[path] = copy;
  }
  void own;
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
