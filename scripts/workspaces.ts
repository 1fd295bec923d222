/**
 * The packages of the repository (npm workspaces, one per layer), read from the root package.json, with
 * what the build, the package lint and the consumer smoke test need to know of each.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root.
 *
 * @example
 * ```ts
 * join(ROOT, "packages/numdiff"); // the numdiff package's folder
 * ```
 */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * A workspace package's manifest, as far as the scripts and tests read it.
 *
 * @example
 * ```ts
 * const m: Manifest = workspaces()[0].manifest; // m.name === "numdiff"
 * ```
 */
export interface Manifest {
  name: string;
  version: string;
  license: string;
  engines?: Record<string, string>;
  exports: Record<string, unknown>;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/**
 * One workspace: its folder (absolute) and manifest.
 *
 * @example
 * ```ts
 * const { dir, manifest }: Workspace = workspaces()[1]; // packages/expr, @numdiff/expr
 * ```
 */
export interface Workspace {
  dir: string;
  manifest: Manifest;
}

/**
 * The workspaces in the root package.json's order (each after the ones it depends on).
 *
 * @example
 * ```ts
 * workspaces().map((w) => w.manifest.name);
 * // ["numdiff", "@numdiff/expr", "@numdiff/plot", "@numdiff/parallel", "@numdiff/cli"]
 * ```
 */
export function workspaces(): Workspace[] {
  const root = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { workspaces: string[] };
  return root.workspaces.map((folder) => {
    const dir = join(ROOT, folder);
    return { dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest };
  });
}

/**
 * Every entry of a package as a consumer imports it (`exports` keys but the JSON ones).
 *
 * @example
 * ```ts
 * entriesOf({ name: "@numdiff/plot", exports: { ".": {}, "./png": {}, "./package.json": "" } } as Manifest);
 * // ["@numdiff/plot", "@numdiff/plot/png"]
 * ```
 */
export function entriesOf(manifest: Manifest): string[] {
  return Object.keys(manifest.exports)
    .filter((key) => !key.endsWith(".json"))
    .map((key) => manifest.name + key.slice(1));
}

/**
 * The npm installed beside this Node (never one that a dependency put in node_modules/.bin, which
 * `npm test` puts first on PATH), or the first on PATH.
 *
 * @example
 * ```ts
 * execFileSync(NPM, ["--version"], { encoding: "utf8" }); // "11.19.1\n"
 * ```
 */
export const NPM = existsSync(join(dirname(process.execPath), "npm"))
  ? join(dirname(process.execPath), "npm")
  : "npm";

/**
 * What `npm pack --json` says of one tarball (the fields read here).
 *
 * @example
 * ```ts
 * const [numdiff]: Packed[] = packWorkspaces("out/package"); // numdiff.unpackedSize ≈ 532,000
 * ```
 */
export interface Packed {
  name: string;
  version: string;
  filename: string;
  /** Bytes of the files once unpacked (what `npm i` puts on disk for this package alone). */
  unpackedSize: number;
  /** Bytes of the tarball. */
  size: number;
  files: { path: string }[];
}

/**
 * `npm pack` of every workspace as built (`--ignore-scripts`: packing never rebuilds dist/, which
 * `npm run build` or the tests' global setup made) into `dest`, in workspace order.
 *
 * @example
 * ```ts
 * packWorkspaces("out/package").map((p) => p.filename);
 * // ["numdiff-0.1.0.tgz", "numdiff-expr-0.1.0.tgz", "numdiff-plot-0.1.0.tgz", …]
 * ```
 */
export function packWorkspaces(dest: string): Packed[] {
  const out = execFileSync(
    NPM,
    ["pack", "--workspaces", "--ignore-scripts", "--json", "--pack-destination", dest],
    { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  return JSON.parse(out) as Packed[];
}
