/**
 * The command at the edges a learner reaches (issue 14): --version, help <command>, typos, a formula
 * from standard input, several points, messages that blame the real culprit, removable singularities,
 * and the engine's status (stubbed where the engine does not give one yet).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/command.js";
import { commands } from "../../src/cli/commands/index.js";
import { printResult, resultJson, type Exact } from "../../src/cli/commands/one-result.js";
import { EXIT_OK, EXIT_USAGE, main } from "../../src/cli/main.js";
import { editDistance, suggest } from "../../src/cli/suggest.js";
import type { DerivativeResult } from "../../src/core/index.js";

const dir = mkdtempSync(join(tmpdir(), "numdiff-edges-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    cwd: dir,
    stdin: () => {
      if (stdin === undefined) throw new Error("stdin read without a reason");
      return stdin;
    },
  };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

function oneLineError(r: { code: number; out: string; err: string }): string {
  expect(r.code).toBe(EXIT_USAGE);
  expect(r.err.split("\n")).toHaveLength(1);
  return r.err;
}

describe("version, help and typos", () => {
  it("--version prints the package's version", async () => {
    const version = (JSON.parse(readFileSync("packages/cli/package.json", "utf8")) as { version: string })
      .version;
    for (const flag of ["--version", "-V", "version"]) {
      expect(await run([flag])).toEqual({ code: EXIT_OK, out: `numdiff ${version}`, err: "" });
    }
  });

  it("help <command> prints that command's usage, not the top-level help", async () => {
    for (const c of commands) {
      const r = await run(["help", c.name]);
      expect(r.code).toBe(EXIT_OK);
      expect(r.out).toBe(c.usage);
    }
  });

  it("a mistyped command or option gets a 'did you mean'", async () => {
    expect(oneLineError(await run(["derivativ", "x", "--at", "1"]))).toBe(
      'numdiff: unknown command "derivativ"; did you mean "derivative"? (see numdiff --help)',
    );
    expect(oneLineError(await run(["help", "gradeint"]))).toMatch(/did you mean "gradient"\?/);
    expect(oneLineError(await run(["derivative", "x", "--at", "1", "--stpe", "1e-4"]))).toBe(
      "numdiff: unknown option '--stpe'; did you mean \"--step\"?",
    );
    expect(oneLineError(await run(["frobnicate"]))).toMatch(/expected one of derivative, partial/);
  });

  it("edit distance and suggestions", () => {
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(suggest("hesian", ["hessian", "jacobian"])).toBe("hessian");
    expect(suggest("xyz", ["hessian", "jacobian"])).toBeNull();
  });
});

describe("formula from standard input", () => {
  it("- reads the formula from standard input", async () => {
    const r = await run(["derivative", "-", "--at", "1", "--json"], "sin(x)\n");
    expect(r.code).toBe(EXIT_OK);
    expect(JSON.parse(r.out).exact).toBe(Math.cos(1));
  });

  it("an empty standard input is refused naming the formula", async () => {
    expect(oneLineError(await run(["derivative", "-", "--at", "1"], "  \n"))).toMatch(
      /^numdiff: no formula on standard input/,
    );
  });

  it("a - that is an option's value stays a value", async () => {
    const r = await run(["tangent", "x^2", "--at", "1", "--title", "-", "-o", "t.svg"]);
    expect(r.code).toBe(EXIT_OK);
    expect(readFileSync(join(dir, "t.svg"), "utf8")).toContain("<title>-</title>");
  });
});

describe("several points at once", () => {
  it("--at 1,2,3 gives one row per point in a table", async () => {
    const r = await run(["derivative", "x^2", "--at", "1,2,3"]);
    expect(r.code).toBe(EXIT_OK);
    const lines = r.out.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^x\s+f'\s+estimated error\s+exact\s+actual error\s+status$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[3])).toEqual(["2", "4", "6"]);
  });

  it("--at a:b:n is n points from a to b, both included, and --format csv is machine-readable", async () => {
    const r = await run(["derivative", "exp(x)", "--at", "0:1:5", "--format", "csv"]);
    expect(r.code).toBe(EXIT_OK);
    const [head, ...rows] = r.out.split("\n");
    expect(head).toBe("x,value,error,exact,actual_error,status,evaluations");
    expect(rows.map((l) => Number(l.split(",")[0]))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    for (const l of rows) {
      const [x, value, , exact] = l.split(",").map(Number);
      expect(exact).toBe(Math.exp(x));
      expect(Math.abs(value - exact)).toBeLessThan(1e-13 * exact);
    }
  });

  it("--json with several points prints an array of the single-point objects with x", async () => {
    const r = await run(["derivative", "sin(x)", "--at", "1,2", "--json"]);
    const rows = JSON.parse(r.out) as { x: number; exact: number; value: number }[];
    expect(rows.map((o) => o.x)).toEqual([1, 2]);
    expect(rows.map((o) => o.exact)).toEqual([Math.cos(1), Math.cos(2)]);
  });

  it("a point without a derivative is printed, then the command exits 2 naming it", async () => {
    const r = await run(["derivative", "log(x)", "--at", "-1,1", "--format", "csv"]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.out.split("\n")).toHaveLength(3);
    expect(r.err).toBe("numdiff: the derivative is not finite at x = -1");
  });

  it("bad ranges and formats are refused", async () => {
    expect(oneLineError(await run(["derivative", "x", "--at", "0:1"]))).toMatch(/expected a:b:n/);
    expect(oneLineError(await run(["derivative", "x", "--at", "1:0:3"]))).toMatch(/a < b/);
    expect(oneLineError(await run(["derivative", "x", "--at", "1", "--format", "xml"]))).toMatch(
      /invalid --format; expected one of table, csv, json/,
    );
  });
});

describe("messages that blame the real culprit", () => {
  it("a point missing a variable blames --at, not the formula", async () => {
    expect(oneLineError(await run(["partial", "x0^2 + x1^2", "--at", "x0=3"]))).toBe(
      "numdiff: --at gives x0 but not x1, which the formula uses; give every variable, e.g. --at x0=3,x1=1",
    );
  });

  it("--accuracy without --step is refused, not silently ignored", async () => {
    expect(oneLineError(await run(["derivative", "x^2", "--at", "1", "--accuracy", "4"]))).toMatch(
      /^numdiff: --accuracy needs --step/,
    );
    const r = await run(["derivative", "exp(x)", "--at", "0", "--step", "1e-2", "--accuracy", "4", "--json"]);
    expect(r.code).toBe(EXIT_OK);
  });

  it("an option given twice is refused, not silently the last", async () => {
    expect(oneLineError(await run(["derivative", "x^2", "--at", "1", "--at", "2"]))).toBe(
      "numdiff: --at is given twice; give it once, e.g. several points as --at 1,2,3",
    );
    expect(oneLineError(await run(["derivative", "x^2", "--at=1", "--at", "2"]))).toMatch(/given twice/);
  });

  it("tangent at a removable singularity draws it; where there is no tangent it blames --at, not x0", async () => {
    expect((await run(["tangent", "sin(x)/x", "--at", "0", "-o", "s.svg"])).code).toBe(EXIT_OK);
    const bad = oneLineError(await run(["tangent", "1/x", "--at", "0", "-o", "p.svg"]));
    expect(bad).toMatch(/--at/);
    expect(bad).not.toMatch(/x0/);
  });
});

describe("removable singularities", () => {
  it("derivative of sin(x)/x at 0 is 0 (f(0) is NaN but f tends to 1), with a note", async () => {
    const r = await run(["derivative", "sin(x)/x", "--at", "0"]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toMatch(/^note\s+f is NaN at x = 0 but tends to 1/m);
    const j = JSON.parse((await run(["derivative", "sin(x)/x", "--at", "0", "--json"])).out) as {
      value: number;
      error: number;
    };
    expect(Math.abs(j.value)).toBeLessThanOrEqual(j.error);
    expect(j.error).toBeLessThan(1e-12);
  });

  it("a pole is still refused", async () => {
    expect(oneLineError(await run(["derivative", "1/x", "--at", "0"]))).toBe(
      "numdiff: 1/x is Infinity at x = 0; expected a finite value there",
    );
  });
});

describe("the engine's status (stubbed results until the engine gives it)", () => {
  const kink: DerivativeResult = {
    value: 0.5,
    error: 0.5,
    step: 1e-3,
    evaluations: 20,
    method: "central",
    status: "not-differentiable",
    left: { value: 0, error: 1e-16 },
    right: { value: 1, error: 2e-16 },
  };

  const UNKNOWN: Exact = { value: null, reason: "there is none at a kink" };

  it("the human output has a status line and both one-sided slopes", () => {
    const out: string[] = [];
    const io: CliIO = { out: (t) => out.push(t), err: () => {}, cwd: dir };
    printResult(io, [["f(x)", "max(0, x)"]], "f'", kink, UNKNOWN, "x = 0");
    const lines = out.join("\n").split("\n");
    expect(lines).toContain("status           not differentiable at x = 0: left slope 0, right slope 1");
    expect(lines).toContain("left slope       0  (estimated error 1.0e-16)");
    expect(lines).toContain("right slope      1  (estimated error 2.0e-16)");
  });

  it("--json carries status, left and right", () => {
    expect(resultJson(kink, UNKNOWN)).toEqual({
      value: 0.5,
      error: 0.5,
      evaluations: 20,
      step: 1e-3,
      method: "central",
      exact: null,
      exactUnknown: "there is none at a kink",
      status: "not-differentiable",
      left: { value: 0, error: 1e-16 },
      right: { value: 1, error: 2e-16 },
    });
  });

  it("a result without a status prints no status line", () => {
    const { status: _, left: __, right: ___, ...plain } = kink;
    expect(Object.keys(resultJson(plain, { value: 2, source: "2" }))).toEqual([
      "value",
      "error",
      "evaluations",
      "step",
      "method",
      "exact",
    ]);
  });
});
