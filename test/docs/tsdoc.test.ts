import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SCANNED = ["src", "web/src"];

/** `export [default] [declare] [async] [abstract] function|class|const|let|interface|type|enum <Name>` */
const EXPORT =
  /^export\s+(?:default\s+)?(?:declare\s+)?(?:async\s+)?(?:abstract\s+)?(function\*?|class|const\s+enum|const|let|interface|type|enum)\s+([A-Za-z_$][\w$]*)/;

interface Declaration {
  name: string;
  kind: string;
  line: number;
}

/** The exported declarations of a source text, in order (0-based line numbers). */
function declarations(source: string): Declaration[] {
  const found: Declaration[] = [];
  source.split("\n").forEach((text, line) => {
    const m = EXPORT.exec(text);
    if (m) found.push({ kind: m[1].replace(/\*$/, ""), name: m[2], line });
  });
  return found;
}

/** The TSDoc block (`/** … *\/`) ending on the line right above `line`, or null. */
function docAbove(lines: readonly string[], line: number): string | null {
  const end = line - 1;
  if (end < 0 || !lines[end].trimEnd().endsWith("*/")) return null;
  for (let start = end; start >= 0; start--) {
    const open = lines[start].indexOf("/*");
    if (open >= 0) {
      if (lines[start].slice(open, open + 3) !== "/**") return null;
      return lines.slice(start, end + 1).join("\n");
    }
  }
  return null;
}

/**
 * Names of the exports of a source text whose TSDoc lacks `@example`. A run of overload signatures of
 * one function (consecutive `export function` declarations of the same name) is judged by the block
 * above its first signature.
 */
function exportsWithoutExample(source: string): string[] {
  const lines = source.split("\n");
  const missing: string[] = [];
  let previous: Declaration | undefined;
  for (const decl of declarations(source)) {
    const overload = decl.kind === "function" && previous?.kind === "function" && previous.name === decl.name;
    previous = decl;
    if (overload) continue;
    const doc = docAbove(lines, decl.line);
    if (doc === null || !/@example\b/.test(doc)) missing.push(decl.name);
  }
  return missing;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const files = SCANNED.flatMap((dir) => tsFiles(join(ROOT, dir))).sort();

describe("TSDoc house rule", () => {
  it("the scanner finds exports, follows overload runs and wants the block right above", () => {
    const source = [
      "/** Doc.",
      " * @example",
      " * ```ts",
      " * f(1); // 1",
      " * ```",
      " */",
      "export function f(x: number): number;",
      "export function f(x: string): string;",
      "export function f(x: unknown): unknown {",
      "  return x;",
      "}",
      "/** No example. */",
      "export interface I {}",
      "export type T = number;",
      "/** @example `g()` */",
      "",
      "export const g = () => 0;",
      "/* @example not TSDoc */",
      "export class C {}",
      "/** @example `E.A` */",
      "export enum E { A }",
      "/**",
      " * @example",
      " * ```ts",
      " * export let notAnExport = 1;",
      " * ```",
      " */",
      "export let h = 1;",
    ].join("\n");
    expect(declarations(source).map((d) => d.name)).toEqual(["f", "f", "f", "I", "T", "g", "C", "E", "h"]);
    expect(exportsWithoutExample(source)).toEqual(["I", "T", "g", "C"]);
    expect(files.length).toBeGreaterThan(50);
    const derivative = files.find((f) => f.endsWith(join("src", "core", "derivative.ts")));
    expect(derivative).toBeDefined();
    expect(declarations(readFileSync(derivative!, "utf8")).map((d) => d.name)).toContain("derivative");
  });

  it("every exported function, class, const, let, interface, type and enum in src/ and web/src/ has TSDoc with an @example right above it (or above the first of its overloads)", () => {
    const missing = files.flatMap((file) => {
      const names = exportsWithoutExample(readFileSync(file, "utf8"));
      return names.length ? [`${relative(ROOT, file)}: ${names.join(", ")}`] : [];
    });
    expect(missing).toEqual([]);
  });
});
