/**
 * Hostile and broken formulas through the real binary (dist/cli/main.js, built here by the project's
 * build), and valid ones against their analytic values.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(ROOT, "dist/cli/main.js");
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
/** A process still running after this long is hung: it is killed and the case fails. */
const HANG_GUARD_MS = 10_000;
/** A value placed in the child's environment: it must never appear in the output. */
const SECRET = "numdiff-secret-" + Math.random().toString(36).slice(2);

const work = mkdtempSync(join(tmpdir(), "numdiff-bin-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  // `npm run build` is `tsc -p tsconfig.build.json`; tsc emits even when files outside the CLI's import
  // graph have type errors, so the binary is judged by running it.
  spawnSync(process.execPath, [TSC, "-p", "tsconfig.build.json"], { cwd: ROOT, encoding: "utf8" });
  if (!existsSync(BIN)) throw new Error("the build did not produce dist/cli/main.js");
}, 180_000);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function numdiff(argv: string[]): Promise<Run> {
  const start = performance.now();
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...argv],
      {
        cwd: work,
        timeout: HANG_GUARD_MS,
        env: { ...process.env, NUMDIFF_TEST_SECRET: SECRET },
        maxBuffer: 1 << 20,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : null;
        done({ code, stdout, stderr, ms: performance.now() - start });
      },
    );
  });
}

const nest = (n: number) => "(".repeat(n) + "x" + ")".repeat(n);

/** [what it tries, the arguments after `numdiff`] */
const HOSTILE: [string, string[]][] = [
  ["import", ["derivative", "import({matrix: cos.constructor}, {override: true})", "--at", "1"]],
  ["import without arguments", ["derivative", "import", "--at", "1"]],
  ["createUnit", ["derivative", 'createUnit("foo")', "--at", "1"]],
  ["evaluate", ["derivative", 'evaluate("1+1")', "--at", "1"]],
  ["parse", ["derivative", 'parse("x").compile().evaluate()', "--at", "1"]],
  ["compile", ["derivative", "compile(x)", "--at", "1"]],
  ["simplify", ["derivative", "simplify(x)", "--at", "1"]],
  ["derivative", ["derivative", "derivative(x, x)", "--at", "1"]],
  ["resolve", ["derivative", "resolve(x)", "--at", "1"]],
  ["chain", ["derivative", "chain(x)", "--at", "1"]],
  ["typed", ["derivative", 'typed("f", {})', "--at", "1"]],
  ["config", ["derivative", "config({number: 'BigNumber'})", "--at", "1"]],
  ["reviver", ["derivative", "reviver(1, 2)", "--at", "1"]],
  ["a function outside the whitelist", ["derivative", "gamma(x)", "--at", "1"]],
  ["[].constructor", ["derivative", "[].constructor", "--at", "1"]],
  ["cos.constructor", ["derivative", 'cos.constructor("return process")()', "--at", "1"]],
  ["constructor as a name", ["derivative", "constructor", "--at", "1"]],
  ["__proto__", ["derivative", "__proto__", "--at", "1"]],
  ["prototype via indexing", ["derivative", 'x["constructor"]', "--at", "1"]],
  ["assignment", ["derivative", "f = cos", "--at", "1"]],
  ["function definition", ["derivative", "f(x) = x", "--at", "1"]],
  ["two statements", ["derivative", "x = 2; x", "--at", "1"]],
  ["property access", ["derivative", "a.b", "--at", "1"]],
  ["indexing", ["derivative", "a[1]", "--at", "1"]],
  ["string", ["derivative", '"abc"', "--at", "1"]],
  ["single-quoted string", ["derivative", "'abc'", "--at", "1"]],
  ["object", ["derivative", "{a: 1}", "--at", "1"]],
  ["matrix", ["derivative", "[1, 2]", "--at", "1"]],
  ["range", ["derivative", "1:3", "--at", "1"]],
  ["unit", ["derivative", "5 cm", "--at", "1"]],
  ["unit conversion", ["derivative", "5 cm to inch", "--at", "1"]],
  ["one-letter unit after a space", ["derivative", "10 s", "--at", "1"]],
  ["host global", ["derivative", "process", "--at", "1"]],
  ["JavaScript keyword", ["derivative", "this", "--at", "1"]],
  ["emoji", ["derivative", "x + \u{1F600}", "--at", "1"]],
  ["boolean", ["derivative", "true", "--at", "1"]],
  ["comment", ["derivative", "x # y", "--at", "1"]],
  ["line break", ["derivative", "x\ny", "--at", "1"]],
  ["length bomb (10,001 characters)", ["derivative", "x".repeat(10_001), "--at", "1"]],
  ["nesting bomb (10,000 deep)", ["derivative", nest(10_000), "--at", "1"]],
  ["nesting bomb within the length (4,999 deep)", ["derivative", nest(4_999), "--at", "1"]],
  ["nesting 201 deep", ["derivative", nest(201), "--at", "1"]],
  ["sign bomb", ["derivative", "-".repeat(9_999) + "x", "--at", "1"]],
  ["power bomb", ["derivative", "x^".repeat(4_999) + "x", "--at", "1"]],
  ["function bomb", ["derivative", "sin(".repeat(2_000) + "x" + ")".repeat(2_000), "--at", "1"]],
  ["unclosed parenthesis", ["derivative", "sin(x", "--at", "1"]],
  ["** (math.js has no such operator; ^ is power)", ["derivative", "x**2", "--at", "1"]],
  ["dangling operator", ["derivative", "x +", "--at", "1"]],
  ["empty formula", ["derivative", "", "--at", "1"]],
  ["a function used as a variable", ["derivative", "sin", "--at", "1"]],
  ["unknown name against --at", ["partial", "x + y", "--at", "x=1", "--wrt", "x"]],
  ["unknown name as a call", ["derivative", "foo(x)", "--at", "1"]],
  ["non-ASCII", ["derivative", "π*x", "--at", "1"]],
  ["hostile formula in a jacobian", ["jacobian", "x", 'evaluate("1")', "--at", "1"]],
  ["hostile --at", ["derivative", "x", "--at", "constructor"]],
  ["hostile --wrt", ["partial", "x", "--at", "x=1", "--wrt", "__proto__"]],
  ["1/x at 0", ["derivative", "1/x", "--at", "0"]],
  ["sqrt(-x) at 1", ["derivative", "sqrt(-x)", "--at", "1"]],
  ["unknown command", ["rm", "-rf", "/"]],
  ["unknown option", ["gradient", "x", "--at", "1", "--eval", "x"]],
];

describe("hostile and broken input through the binary", () => {
  it.concurrent.each(HOSTILE)(
    "%s: exit 2, one line on stderr starting with numdiff:, nothing leaked",
    async (_what, argv) => {
      const r = await numdiff(argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.endsWith("\n")).toBe(true);
      expect(r.stderr.slice(0, -1)).not.toMatch(/[\r\n]/);
      expect(r.stderr).toMatch(/^numdiff: /);
      for (const secret of [SECRET, ROOT, work, process.env.HOME ?? ROOT, "node_modules", "node:internal"]) {
        expect(r.stderr).not.toContain(secret);
      }
      expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
      expect(r.stderr.length).toBeLessThan(400);
    },
  );
});

/** [formula, point, exact derivative] */
const VALID: [string, number, number][] = [
  ["0.01*x^2 + 0.1*x", 5, 0.2],
  ["0.01*x^2 + 0.1*x", 10, 0.3],
  ["sin(x)*exp(-x/3)", 1, Math.exp(-1 / 3) * (Math.cos(1) - Math.sin(1) / 3)],
  ["x > 0 ? x^2 : -x", 0.5, 1],
  ["x > 0 ? x^2 : -x", -0.5, -1],
  ["log(x)", 1e-3, 1000],
  ["sqrt(x)", 1e-8, 0.5e4],
  ["exp(x)", 1, Math.E],
  ["x^3 + x^2", 1, 5],
];

describe("valid formulas through the binary", () => {
  it.concurrent.each(VALID)("d/dx %s at %d matches the analytic value", async (formula, x, exact) => {
    const r = await numdiff(["derivative", formula, "--at", String(x), "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { value: number; error: number; exact: number };
    expect(Math.abs(out.exact - exact)).toBeLessThanOrEqual(4e-16 * Math.abs(exact));
    expect(Math.abs(out.value - exact)).toBeLessThanOrEqual(Math.max(out.error, 1e-13 * Math.abs(exact)));
  });

  it("gradient of numdifftools' 1/(exp(x0) + cos(x1) + 10) at (1, 2)", async () => {
    const r = await numdiff(["gradient", "1/(exp(x0) + cos(x1) + 10)", "--at", "x0=1,x1=2", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { value: number[]; exact: number[] };
    const expected = [-0.017961123762187736, 0.0060082083648822];
    out.exact.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(1e-17));
    out.value.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(1e-14));
  });

  it("numdiff with no arguments runs the demo and prints the seed's four values", async () => {
    const r = await numdiff([]);
    expect(r.code).toBe(0);
    for (const v of ["0.1999999999990898", "0.2999999999986347", "6.00000000000378", "7.999999999999119"]) {
      expect(r.stdout).toContain(v);
    }
  });

  it("--help exits 0 and lists the commands", async () => {
    const r = await numdiff(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/derivative[\s\S]*partial[\s\S]*gradient[\s\S]*hessian[\s\S]*jacobian/);
  });
});
