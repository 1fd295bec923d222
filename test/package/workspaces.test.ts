/**
 * The workspace packages' manifests: what publishing needs (licence, repository folder, keywords,
 * exports with types and default), versions in lockstep, and every bare import of a layer's sources
 * declared by the package built from them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, workspaces } from "../../scripts/workspaces.js";

const all = workspaces();
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

/** The .ts files under a folder. */
function tsFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? tsFiles(path) : name.endsWith(".ts") ? [path] : [];
  });
}

/** The package names a source file imports (statically, or dynamically outside comments). */
function bareImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found = [
    ...[...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gm)].map((m) => m[1]),
    ...[...text.matchAll(/^(?!\s*\*).*\bimport\("([^"]+)"\)/gm)].map((m) => m[1]),
  ];
  return found
    .filter((s) => !s.startsWith(".") && !s.startsWith("node:"))
    .map((s) => (s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0]));
}

describe("the workspace packages", () => {
  it("are numdiff and @numdiff/*, all at the repository's version", () => {
    expect(all.map((w) => w.manifest.name)).toEqual([
      "numdiff",
      "@numdiff/expr",
      "@numdiff/plot",
      "@numdiff/parallel",
      "@numdiff/cli",
    ]);
    for (const { manifest } of all) expect(manifest.version, manifest.name).toBe(VERSION);
  });

  it("depend on each other at exactly that version, and on numdiff as a peer (one copy of core)", () => {
    for (const { manifest } of all) {
      const own = { ...manifest.dependencies, ...manifest.peerDependencies };
      for (const [name, range] of Object.entries(own)) {
        if (name === "numdiff" || name.startsWith("@numdiff/"))
          expect(range, `${manifest.name} → ${name}`).toBe(VERSION);
      }
      if (manifest.name !== "numdiff" && manifest.name !== "@numdiff/cli") {
        expect(manifest.peerDependencies?.numdiff, manifest.name).toBe(VERSION);
        expect(manifest.dependencies?.numdiff, manifest.name).toBeUndefined();
      }
    }
  });

  it("each have a LICENSE, a repository folder, keywords, files, sideEffects and typed exports", () => {
    for (const { dir, manifest } of all) {
      const m = manifest as unknown as Record<string, unknown>;
      expect(existsSync(join(dir, "LICENSE")), manifest.name).toBe(true);
      expect(existsSync(join(dir, "README.md")), manifest.name).toBe(true);
      expect((m.repository as { directory: string }).directory).toBe(relative(ROOT, dir));
      expect((m.keywords as string[]).length, manifest.name).toBeGreaterThan(0);
      expect(m.files, manifest.name).toContain("dist");
      expect(m.sideEffects, manifest.name).toBe(false);
      expect(manifest.exports["./package.json"], manifest.name).toBe("./package.json");
      for (const [key, target] of Object.entries(manifest.exports)) {
        if (key === "./package.json") continue;
        expect(Object.keys(target as object), `${manifest.name} ${key}`).toEqual(["types", "default"]);
      }
    }
  });

  it("declare every package that the sources they are built from import", () => {
    for (const { dir, manifest } of all) {
      const tsconfig = JSON.parse(readFileSync(join(dir, "tsconfig.json"), "utf8")) as { include: string[] };
      const declared = new Set([
        manifest.name,
        ...Object.keys(manifest.dependencies ?? {}),
        ...Object.keys(manifest.peerDependencies ?? {}),
      ]);
      for (const folder of tsconfig.include.map((f) => resolve(dir, f))) {
        for (const file of tsFiles(folder)) {
          for (const name of bareImports(file)) {
            expect(
              declared.has(name),
              `${relative(ROOT, file)} imports ${name}, not in ${manifest.name}'s dependencies`,
            ).toBe(true);
          }
        }
      }
    }
  });

  it("only numdiff owns the numdiff binary", () => {
    const owners = all.filter((w) => Object.keys(w.manifest.bin ?? {}).includes("numdiff"));
    expect(owners.map((w) => w.manifest.name)).toEqual(["numdiff"]);
  });
});
