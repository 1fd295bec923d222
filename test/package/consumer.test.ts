/**
 * The package as an adopter gets it: `npm pack`, installed from the tarball into a fresh project
 * without the network, type-checked with `skipLibCheck: false` under `nodenext` and `bundler`, every
 * entry imported (and required, on Node ≥ 20.19), and the `numdiff` binary run.
 *
 * One process at a time; each step's guard is a large multiple of what it took on a loaded machine
 * (PACKAGE_STEP_MEASURED_MAX_MS).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NPM, ROOT, browserEntries, entries, pack, writeProject, writeTsconfig } from "./consumer.js";

/**
 * The slowest step measured: the nodenext type check (tsc reads mathjs's and Node's declarations in
 * full, as skipLibCheck false asks), 54 s in a full `.ci/run` on the 2-core machine beside two
 * CPU-bound processes and other jobs (load average 27); about 12 s idle.
 */
const PACKAGE_STEP_MEASURED_MAX_MS = 54_000;
/** A step still running after 5 times the measured worst case is hung: it is killed and fails. */
const STEP_GUARD_MS = 5 * PACKAGE_STEP_MEASURED_MAX_MS;

const dir = mkdtempSync(join(tmpdir(), "numdiff-consumer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { cwd: dir, encoding: "utf8", timeout: STEP_GUARD_MS, stdio: "pipe" });
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

beforeAll(() => {
  const tarball = pack(dir);
  writeProject(dir, tarball);
  run(NPM, ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel", "error"]);
}, 3 * STEP_GUARD_MS);

describe("the packed package in a fresh project", { timeout: 2 * STEP_GUARD_MS }, () => {
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

  it("runs the numdiff binary from node_modules/.bin", () => {
    const out = run(join(dir, "node_modules/.bin/numdiff"), ["derivative", "x^2", "--at", "3", "--json"]);
    expect((JSON.parse(out) as { exact: number }).exact).toBe(6);
  });
});

/** A Node consumer (nodenext): every entry, with the callback types people write. */
const USE_NODE = `import { derivative, gradient, hessian, jacobian, NumdiffError, type DerivativeResult } from "numdiff";
import { EPS, BOOK_STEP } from "numdiff/constants";
import { numericalDiff, numericalGradient } from "numdiff/book";
import { compileFormula } from "numdiff/expr";
import { tangentFigure } from "numdiff/plot";
import { svgToPng } from "numdiff/plot/png";
import pkg from "numdiff/package.json" with { type: "json" };

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
const name: string = pkg.name;
console.log(r.value, g, h, j, plain, ro, cols, book, bookGrad, f, png.length, e, name, EPS);
`;

/** A browser app (bundler resolution, no Node types): the entries that run in browsers. */
const USE_BROWSER = `import { derivative, partial, checkGradient } from "numdiff";
import { MAX_ORDER } from "numdiff/constants";
import { gradientDescent } from "numdiff/book";
import { compileFormula } from "numdiff/expr";
import { gradientFieldFigure } from "numdiff/plot";

const d: number = derivative((x) => x ** 3, 2, { order: 2 }).value;
const p: number = partial((x) => x[0] * x[1], [3, 4], 1).value;
const c: boolean = checkGradient((x) => x[0] ** 2, (x) => [2 * x[0]], [1]).pass;
const path = gradientDescent((x: Float64Array) => x[0] ** 2, new Float64Array([1]), { lr: 0.1, stepNum: 5 });
const fig: string = gradientFieldFigure({ f: (x) => x[0] ** 2 + x[1] ** 2, domain: [-2, 2] });
console.log(d, p, c, path, fig.length, MAX_ORDER, compileFormula("x").variables);
void ${JSON.stringify(browserEntries())};
`;
