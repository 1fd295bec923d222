/**
 * Issue 12 through the command: exact values that are exact or shown unknown with the reason, work
 * that stays bounded with the numerical value kept, output failures as one line and exit 2, and
 * messages with every unprintable character escaped.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { inProcess } from "./in-process.js";
import { EXIT_OK, EXIT_USAGE } from "../../src/cli/main.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const dir = mkdtempSync(join(tmpdir(), "numdiff-exact-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { run, json } = inProcess(dir);

describe("exact values are exact", () => {
  it.each([
    ["1e-15*x^2", "1", 2e-15],
    ["6.62607015e-34*x^2", "1", 1.32521403e-33],
    ["1e-30*sin(x)", "0", 1e-30],
    ["(x^2)^(1/2)", "-2", -1],
    ["(x^2)^1.5", "-2", -12],
    ["cbrt(x)", "-8", 1 / 12],
  ])("derivative %s at %s: exact %d", async (formula, at, exact) => {
    const r = await json("derivative", formula, "--at", at);
    expect(Math.abs((r.exact as number) - exact)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.abs(exact));
  });

  it("a variable named like an old internal placeholder is just a variable", async () => {
    const name = "__numdiff_piecewise_constant_0";
    const r = await json("partial", `${name}*x+floor(x)`, "--at", `x=2.5,${name}=7`, "--wrt", "x");
    expect(r.exact).toBe(7);
  });

  it("where the exact formula and the number disagree beyond both errors, exact is unknown and says why", async () => {
    // d/dx cbrt(x^3) = 3x^2 / (3 cbrt(x^3)^2) is 0/0 at 0; the function is x there, slope 1.
    const r = await json("derivative", "cbrt(x^3)", "--at", "0");
    expect(Math.abs((r.value as number) - 1)).toBeLessThan(1e-6);
    expect(r.exact).toBeNull();
    expect(r.exactUnknown).toMatch(/^the exact formula gives NaN where the numerical value is finite$/);
    const human = await run("derivative", "cbrt(x^3)", "--at", "0");
    expect(human.out).toMatch(
      /exact\s+unknown \(the exact formula gives NaN where the numerical value is finite\)/,
    );
  });
});

describe("work stays bounded and the numerical value is kept", () => {
  it("max of 24 arguments (108 s and a V8 abort before)", async () => {
    const formula = `max(${Array.from({ length: 24 }, (_, i) => `${i + 1}*x`).join(",")})`;
    const r = await json("derivative", formula, "--at", "1");
    expect(r.exact).toBe(24);
  });

  it("x+x+… with 1,300 terms (a stack overflow before)", async () => {
    const r = await json("derivative", Array(1300).fill("x").join("+"), "--at", "1");
    expect(r.value).toBeCloseTo(1300, 6);
    expect(r.exact).toBe(1300);
  });

  it("a 10th derivative past the budget: exact unknown because of its size, the number still printed", async () => {
    const r = await run("derivative", "sqrt(1+x^2)*cosh(x)", "--at", "0.5", "--order", "10");
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toMatch(/^f\^\(10\)\s+-?\d/m);
    expect(r.out).toMatch(/exact\s+unknown \(the exact derivative needs more than 200000 nodes\)/);
  });

  it("more variables than MAX_VARIABLES are refused in one line", async () => {
    const at = Array.from({ length: 300 }, (_, i) => `x${i}=1`).join(",");
    const r = await run("hessian", "x0^2", "--at", at);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toBe("numdiff: invalid formula; expected at most 100 variables, got 300");
  });
});

describe("output failures exit 2 with one plain line", () => {
  it("-o naming a directory", async () => {
    mkdirSync(join(dir, "d.svg"));
    const r = await run("tangent", "x^2", "--at", "1", "-o", "d.svg");
    expect(r).toMatchObject({ code: EXIT_USAGE, out: "" });
    expect(r.err).toBe('numdiff: cannot write -o "d.svg": it is a directory (EISDIR)');
  });

  it("-o in a missing directory", async () => {
    const r = await run("tangent", "x^2", "--at", "1", "-o", "missing/t.png");
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toBe('numdiff: cannot write -o "missing/t.png": its directory does not exist (ENOENT)');
  });

  it.runIf(existsSync("/dev/full"))("-o to a full device, and a full stdout (--json > /dev/full)", () => {
    const cli = (argv: string[], stdout: "pipe" | number) =>
      spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...argv], {
        cwd: ROOT,
        stdio: ["ignore", stdout, "pipe"],
        encoding: "utf8",
        timeout: 60_000,
      });
    const full = openSync("/dev/full", "w");
    try {
      const r = cli(["derivative", "x^2", "--at", "1", "--json"], full);
      expect(r.status).toBe(EXIT_USAGE);
      expect(r.stderr).toBe("numdiff: cannot write the output: no space left on the device (ENOSPC)\n");
    } finally {
      closeSync(full);
    }
  });
});

describe("messages and titles cannot act on the terminal or break the XML", () => {
  it("C0 and C1 controls, NEL, U+2028 and U+2029 are escaped in the one-line message", async () => {
    const r = await run("frob\u0001\u001b[2J\u0085\u009b\u2028\u2029");
    expect(r.code).toBe(EXIT_USAGE);
    // eslint-disable-next-line no-control-regex -- no control character may remain
    expect(r.err).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(r.err).toContain("\\u{85}\\u{9B}\\u{2028}\\u{2029}");
  });

  it("a title with a control character gives a well-formed SVG", async () => {
    const r = await run("tangent", "x^2", "--at", "1", "--title", "a\u0001b<&>", "-o", "t.svg");
    expect(r.code).toBe(EXIT_OK);
    const svg = readFileSync(join(dir, "t.svg"), "utf8");
    expect(svg).toContain("a\uFFFDb&lt;&amp;&gt;");
    // eslint-disable-next-line no-control-regex -- no control character may remain
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});

describe("surprising literals are refused with what was meant", () => {
  it.each([
    ["0xFFi8*x", /"0xFFi8" is a hexadecimal number with a word size \(math\.js reads 0xFFi8 as -1\)/],
    ["1e", /"1e" is not a number: an "e" after digits must start an exponent/],
    ["1_000", /digit separators are not allowed \("1_000"\)/],
  ])("%s", async (formula, message) => {
    const r = await run("derivative", formula, "--at", "1");
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toMatch(message);
  });
});

describe("descent --lr follows the explorer's rule", () => {
  it.each(["-1", "0"])("--lr %s is refused", async (lr) => {
    const r = await run("descent", "x0^2 + x1^2", "--start", "1,1", "--lr", lr, "-o", "d.svg");
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toBe(`numdiff: invalid --lr; expected a finite number greater than 0, got ${lr}`);
  });
});
