/**
 * The packages as an adopter gets them: `npm pack` of every workspace, installed from the tarballs
 * into a fresh project without the network, type-checked with `skipLibCheck: false` under `nodenext`
 * and `bundler`, every entry imported (and required, on Node ≥ 20.19), and the `numdiff` binary run
 * through `npx`. A second project installs the `numdiff` tarball alone, as `npm i numdiff` would: one
 * package, no dependencies, well under 1 MB.
 *
 * One process at a time; each step's guard is a large multiple of what it took on a loaded machine
 * (PACKAGE_STEP_MEASURED_MAX_MS).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  NPM,
  ROOT,
  browserEntries,
  entries,
  packWorkspaces,
  writeProject,
  writeTsconfig,
  type Packed,
} from "./consumer.js";

/**
 * The slowest step measured: the nodenext type check (tsc reads mathjs's and Node's declarations in
 * full, as skipLibCheck false asks), 54 s in a full `.ci/run` on the 2-core machine beside two
 * CPU-bound processes and other jobs (load average 27); about 12 s idle.
 */
const PACKAGE_STEP_MEASURED_MAX_MS = 54_000;
/** A step still running after 5 times the measured worst case is hung: it is killed and fails. */
const STEP_GUARD_MS = 5 * PACKAGE_STEP_MEASURED_MAX_MS;
/**
 * What `npm i numdiff` may put on disk: "well under 1 MB" (issue 11). The package is about 0.84 MB
 * unpacked (round 2: JavaScript without comments, declarations with their TSDoc, no source maps; with
 * the comments left in the JavaScript it had reached 1.01 MB, and with the declarations no public type
 * reaches, 1.005 MB: scripts/prune-declarations.ts deletes those). Round 14's engine brought it to 1.002 MB;
 * scripts/prune-docs.ts now drops the TSDoc of the functions no entry point exports (about 108 kB).
 * Round 15 re-exported every tuning constant from numdiff/constants (16 more modules' declarations):
 * 0.89 → 0.95 MB; with round 15's new engine files, 0.96 MB (963.5 kB). Round 16 deletes the declarations
 * no entry point reaches inside the files a public type reaches (scripts/prune-unreached.ts) and the
 * comments esbuild had kept inside expressions: 969.5 → 804.5 kB.
 */
const NUMDIFF_MAX_UNPACKED_BYTES = 1_000_000;
/**
 * How far the README's "… MB unpacked" may be from the package's size, in MB: the README rounds to
 * 0.01 MB, and a round's engine files add about 0.01 MB each; past 0.03 MB the README is out of date.
 */
const README_SIZE_SLACK_MB = 0.03;
/** npx beside this Node, like {@link NPM}. */
const NPX = NPM === "npm" ? "npx" : join(dirname(NPM), "npx");

const dir = mkdtempSync(join(tmpdir(), "numdiff-consumer-"));
/** A project with the `numdiff` tarball alone (outside `dir`, so nothing there resolves from it). */
const alone = mkdtempSync(join(tmpdir(), "numdiff-alone-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(alone, { recursive: true, force: true });
});

function run(command: string, args: string[], cwd = dir): string {
  return execFileSync(command, args, { cwd, encoding: "utf8", timeout: STEP_GUARD_MS, stdio: "pipe" });
}

const TSC = join(ROOT, "node_modules/typescript/bin/tsc");

/** Runs the project's TypeScript on a consumer tsconfig; fails with tsc's own report. */
function typecheck(tsconfig: string): void {
  const r = spawnSync(process.execPath, [TSC, "-p", tsconfig], {
    cwd: dir,
    encoding: "utf8",
    timeout: STEP_GUARD_MS,
  });
  expect(r.status, `tsc -p ${tsconfig}:\n${r.stdout}${r.stderr}`).toBe(0);
}

/** Whether this Node can `require()` an ES module without a flag (20.19+, 22.12+). */
function requiresEsm(): boolean {
  const [major, minor] = process.versions.node.split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19);
}

/** The folders under a project's node_modules that are packages (scoped ones counted one by one). */
function installed(project: string): string[] {
  const top = join(project, "node_modules");
  return readdirSync(top)
    .filter((name) => !name.startsWith("."))
    .flatMap((name) =>
      name.startsWith("@") ? readdirSync(join(top, name)).map((n) => `${name}/${n}`) : [name],
    );
}

let packed: Packed[] = [];
const VERSION = (
  JSON.parse(readFileSync(join(ROOT, "packages/numdiff/package.json"), "utf8")) as { version: string }
).version;

beforeAll(() => {
  packed = packWorkspaces(dir);
  writeProject(dir, packed);
  run(NPM, ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel", "error"]);
  writeFileSync(join(alone, "package.json"), JSON.stringify({ name: "alone", private: true }));
  const numdiff = packed.find((p) => p.name === "numdiff") as Packed;
  run(
    NPM,
    ["install", "--offline", "--no-audit", "--no-fund", "--loglevel", "error", join(dir, numdiff.filename)],
    alone,
  );
}, 3 * STEP_GUARD_MS);

describe("npm i numdiff: the zero-dependency package", { timeout: 2 * STEP_GUARD_MS }, () => {
  it("has no dependencies of any kind and unpacks to well under 1 MB", () => {
    const numdiff = packed.find((p) => p.name === "numdiff") as Packed;
    const manifest = JSON.parse(
      readFileSync(join(alone, "node_modules/numdiff/package.json"), "utf8"),
    ) as Record<string, unknown>;
    for (const key of ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies"]) {
      expect(manifest[key], key).toBeUndefined();
    }
    expect(installed(alone)).toEqual(["numdiff"]);
    expect(numdiff.unpackedSize).toBeGreaterThan(0);
    expect(numdiff.unpackedSize, `numdiff unpacks to ${numdiff.unpackedSize} bytes`).toBeLessThan(
      NUMDIFF_MAX_UNPACKED_BYTES,
    );
  });

  it("unpacks to the size the README's package table says", () => {
    const numdiff = packed.find((p) => p.name === "numdiff") as Packed;
    const claim = /zero dependencies, (\d+\.\d+) MB unpacked/.exec(
      readFileSync(join(ROOT, "README.md"), "utf8"),
    );
    expect(claim, "the README's numdiff row").not.toBeNull();
    const mb = numdiff.unpackedSize / 1e6;
    expect(Math.abs(mb - Number(claim?.[1])), `numdiff unpacks to ${mb} MB`).toBeLessThanOrEqual(
      README_SIZE_SLACK_MB,
    );
  });

  it("answers numdiff --version itself", () => {
    expect(run(NPX, ["--offline", "numdiff", "--version"], alone).trim()).toBe(`numdiff ${VERSION}`);
  });

  it("runs the command through npm exec when @numdiff/cli is not installed, saying so on stderr", () => {
    // Offline, npm cannot fetch @numdiff/cli: the launcher's notice and npm's failure are what show.
    const r = spawnSync(join(alone, "node_modules/.bin/numdiff"), ["derivative", "x^2", "--at", "3"], {
      cwd: alone,
      encoding: "utf8",
      timeout: STEP_GUARD_MS,
      env: { ...process.env, npm_config_offline: "true" },
    });
    expect(r.stderr).toContain(`running @numdiff/cli@${VERSION} through npm exec`);
    expect(r.status).not.toBe(0);
  });
});

describe("the packed packages in a fresh project", { timeout: 2 * STEP_GUARD_MS }, () => {
  it("type-checks under nodenext with skipLibCheck false, every entry used", () => {
    writeFileSync(join(dir, "use.mts"), USE_NODE);
    writeTsconfig(
      dir,
      "tsconfig.nodenext.json",
      { module: "nodenext", moduleResolution: "nodenext", types: ["node"] },
      ["use.mts"],
    );
    typecheck("tsconfig.nodenext.json");
  });

  it("type-checks under bundler with skipLibCheck false and no Node types (the browser entries)", () => {
    writeFileSync(join(dir, "use-bundler.ts"), USE_BROWSER);
    writeTsconfig(
      dir,
      "tsconfig.bundler.json",
      { module: "esnext", moduleResolution: "bundler", types: [] },
      ["use-bundler.ts"],
    );
    typecheck("tsconfig.bundler.json");
  });

  it("imports every entry from Node", () => {
    const script = `for (const e of ${JSON.stringify(entries())}) { const m = await import(e); if (Object.keys(m).length === 0) throw new Error(e + " is empty"); }
const { derivative } = await import("numdiff");
console.log(derivative((x) => 0.01 * x ** 2 + 0.1 * x, 5, { method: "central", step: 1e-4 }).value);`;
    writeFileSync(join(dir, "import.mjs"), script);
    expect(run(process.execPath, ["import.mjs"]).trim()).toBe("0.1999999999990898");
  });

  it.runIf(requiresEsm())("requires every entry with require() (Node 20.19+)", () => {
    const script = `for (const e of ${JSON.stringify(entries())}) { const m = require(e); if (Object.keys(m).length === 0) throw new Error(e + " is empty"); }
console.log(require("numdiff").derivative((x) => 0.01 * x ** 2 + 0.1 * x, 5, { method: "central", step: 1e-4 }).value);
console.log(require("numdiff/package.json").name);`;
    writeFileSync(join(dir, "require.cjs"), script);
    expect(run(process.execPath, ["require.cjs"]).trim().split("\n")).toEqual([
      "0.1999999999990898",
      "numdiff",
    ]);
  });

  it("runs npx numdiff: --version from the launcher, a command from @numdiff/cli", () => {
    expect(run(NPX, ["--offline", "numdiff", "--version"]).trim()).toBe(`numdiff ${VERSION}`);
    const out = run(NPX, ["--offline", "numdiff", "derivative", "x^2", "--at", "3", "--json"]);
    expect((JSON.parse(out) as { exact: number }).exact).toBe(6);
  });

  it("installs one copy of numdiff, which the other packages share", () => {
    expect(installed(dir).filter((name) => name === "numdiff" || name.startsWith("@numdiff/"))).toEqual([
      "@numdiff/cli",
      "@numdiff/expr",
      "@numdiff/parallel",
      "@numdiff/plot",
      "numdiff",
    ]);
    for (const name of ["expr", "plot", "parallel", "cli"]) {
      expect(() => readdirSync(join(dir, "node_modules/@numdiff", name, "node_modules/numdiff"))).toThrow();
    }
  });
});

/** A Node consumer (nodenext): every entry, with the callback types people write. */
const USE_NODE = `import { derivative, gradient, hessian, jacobian, NumdiffError, type DerivativeResult } from "numdiff";
import { EPS, BOOK_STEP } from "numdiff/constants";
import { numericalDiff, numericalGradient } from "numdiff/book";
import { derivative as derivativeAsync } from "numdiff/async";
import { compileFormula } from "@numdiff/expr";
import { scanFormula } from "@numdiff/expr/scan";
import { tangentFigure } from "@numdiff/plot";
import { svgToPng } from "@numdiff/plot/png";
import { threadPool, type ThreadPool } from "@numdiff/parallel";
import { main, EXIT_OK } from "@numdiff/cli";
import pkg from "numdiff/package.json" with { type: "json" };
import plotPkg from "@numdiff/plot/package.json" with { type: "json" };

const r: DerivativeResult = derivative(Math.sin, 1, { step: BOOK_STEP });
const g: Float64Array = gradient((x) => x[0] ** 2 + x[1], [1, 2]).value;
const h: Float64Array[] = hessian((x) => x[0] * x[1], [1, 2]).value;
const j: Float64Array[] = jacobian((x) => [x[0], x[1]], [1, 2]).value;
const plain: number = gradient((x: number[]) => x[0] * x[1], [1, 2]).value[0];
const ro: number = hessian((x: readonly number[]) => x[0] ** 2, new Float32Array([1])).value[0][0];
const cols = jacobian((x: number[]) => [x[0]], [1], { step: 1e-3, accuracy: 4 }).value;
const book: number = numericalDiff((x: number) => x * x, 3);
const bookGrad = numericalGradient((x: Float64Array) => x[0] ** 2, new Float64Array([3]));
const f = compileFormula("x^2");
const svg: string = tangentFigure({ f: Math.sin, x0: 1, domain: [0, 3] });
const png: Uint8Array = svgToPng(svg);
const e: unknown = new NumdiffError("INVALID_POINT", "x", "bad");
const name: string = pkg.name + plotPkg.name;
const later: Promise<number> = derivativeAsync(async (x: number) => x * x, 3).then((d) => d.value);
const tokens: number = scanFormula("x + 1").length;
const pool: (m: URL) => ThreadPool = (m) => threadPool(m, { dimension: 2 });
const code: Promise<number> = main(["--version"], { out: console.log, err: console.error, cwd: "." });
console.log(r.value, g, h, j, plain, ro, cols, book, bookGrad, f, png.length, e, name, EPS, later, tokens, pool, code, EXIT_OK);
`;

/** A browser app (bundler resolution, no Node types): the entries that run in browsers. */
const USE_BROWSER = `import { derivative, partial, checkGradient } from "numdiff";
import { MAX_ORDER } from "numdiff/constants";
import { gradient as gradientAsync } from "numdiff/async";
import { gradientDescent } from "numdiff/book";
import { compileFormula } from "@numdiff/expr";
import { scanFormula } from "@numdiff/expr/scan";
import { gradientFieldFigure } from "@numdiff/plot";

const d: number = derivative((x) => x ** 3, 2, { order: 2 }).value;
const p: number = partial((x) => x[0] * x[1], [3, 4], 1).value;
const c: boolean = checkGradient((x) => x[0] ** 2, (x) => [2 * x[0]], [1]).pass;
const path = gradientDescent((x: Float64Array) => x[0] ** 2, new Float64Array([1]), { lr: 0.1, stepNum: 5 });
const fig: string = gradientFieldFigure({ f: (x) => x[0] ** 2 + x[1] ** 2, domain: [-2, 2] });
const g = gradientAsync(async (x) => x[0] * x[1], [1, 2]);
console.log(d, p, c, path, fig.length, MAX_ORDER, compileFormula("x").variables, scanFormula("x").length, g);
void ${JSON.stringify(browserEntries())};
`;
