import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { all, create } from "mathjs";
import { describe, expect, it } from "vitest";
import { MATHJS_NAMES, MATHJS_VERSION, UNIT_GROUPS } from "../../src/expr/mathjs-names.js";
import { isReservedName, isUnitName } from "../../src/expr/names.js";

const full = create(all, { number: "number", predictable: true });
const Unit = full.Unit as unknown as {
  isValuelessUnit(name: string): boolean;
  UNITS: Record<string, unknown>;
  PREFIXES: Record<string, Record<string, unknown>>;
};
const EXPR = new URL("../../src/expr/", import.meta.url);

describe("the generated math.js names (scripts/mathjs-names.ts) match the installed math.js", () => {
  it("the version is the installed one", () => {
    const version = (createRequire(import.meta.url)("mathjs/package.json") as { version: string }).version;
    expect(MATHJS_VERSION).toBe(version);
  });

  it("the names are exactly those of a whole math.js instance", () => {
    expect([...MATHJS_NAMES]).toEqual(Object.keys(full).sort());
    expect(isReservedName("gamma")).toBe(true);
    expect(isReservedName("phi")).toBe(true);
    expect(isReservedName("x")).toBe(false);
  });

  it("a name is a unit exactly when math.js's Unit.isValuelessUnit says so, for every unit and prefix", () => {
    const prefixes = new Set<string>([""]);
    for (const group of Object.values(Unit.PREFIXES)) for (const p of Object.keys(group)) prefixes.add(p);
    const units = Object.keys(Unit.UNITS);
    expect(UNIT_GROUPS.flatMap((g) => g.units.split(" ")).sort()).toEqual([...units].sort());
    const candidates = [
      ...units.flatMap((u) => [...prefixes].map((p) => p + u)),
      ...MATHJS_NAMES,
      ...["x", "x0", "y", "t", "s", "h", "cmx", "kmm", "mm2", "xm", "dam", "Mim", "kib", "kibit"],
    ];
    const disagree = candidates.filter((name) => isUnitName(name) !== Unit.isValuelessUnit(name));
    expect(disagree).toEqual([]);
    expect(candidates.length).toBeGreaterThan(10_000);
  });
});

describe("the formula layer takes from math.js only the parser's factories", () => {
  const sources = readdirSync(EXPR)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => [f, readFileSync(new URL(f, EXPR), "utf8")] as const);

  it("value imports from math.js are only `create` and `*Dependencies` from mathjs/number, in mathjs.ts", () => {
    const imports = sources.flatMap(([file, text]) =>
      [...text.matchAll(/^import\s+(type\s+)?\{([^}]*)\}\s+from\s+"(mathjs[^"]*)";/gm)].map((m) => ({
        file,
        type: m[1] !== undefined,
        names: m[2].split(",").map((n) => n.trim()),
        from: m[3],
      })),
    );
    const values = imports.filter((i) => !i.type);
    expect(values.map((i) => [i.file, i.from])).toEqual([["mathjs.ts", "mathjs/number"]]);
    for (const name of values[0].names) expect(name).toMatch(/^(create|[a-z][A-Za-z]*Dependencies)$/);
    expect(imports.filter((i) => i.type).every((i) => i.from === "mathjs")).toBe(true);
  });

  it("nothing imports a math.js file by path, default or namespace (which would defeat tree shaking)", () => {
    for (const [file, text] of sources) {
      const other = [...text.matchAll(/^import\s+(?!type\s|\{)[^;]*from\s+"(mathjs[^"]*)"/gm)];
      expect(other.map((m) => `${file}: ${m[0]}`)).toEqual([]);
      expect(text).not.toMatch(/from\s+"mathjs\/lib\//);
    }
  });
});
