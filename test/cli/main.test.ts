import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { commands } from "../../src/cli/commands/index.js";
import { inProcess } from "./in-process.js";
import { EXIT_OK, EXIT_USAGE } from "../../src/cli/main.js";

const dir = mkdtempSync(join(tmpdir(), "numdiff-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { run, json } = inProcess(dir);

/** The seed's derivative by the book's method: 0.01x² + 0.1x at 5, central difference, h = 1e-4. */
const SEED_BY_THE_BOOK = [
  "derivative",
  "0.01*x^2 + 0.1*x",
  "--at",
  "5",
  "--method",
  "central",
  "--step",
  "1e-4",
];

describe("numdiff derivative", () => {
  it("--json prints exactly { value, error, evaluations, step, method, exact, status }", async () => {
    const r = await json(...SEED_BY_THE_BOOK);
    expect(Object.keys(r).sort()).toEqual([
      "error",
      "evaluations",
      "exact",
      "method",
      "status",
      "step",
      "value",
    ]);
    expect(r).toEqual({
      value: 0.1999999999990898,
      error: null,
      evaluations: 2,
      step: 1e-4,
      method: "central",
      exact: 0.2,
      status: "ok",
    });
  });

  it("the default method finds the derivative to within its error estimate", async () => {
    const r = await json("derivative", "sin(x)*exp(-x/3)", "--at", "1");
    const exact = Math.exp(-1 / 3) * (Math.cos(1) - Math.sin(1) / 3);
    expect(r.exact).toBeCloseTo(exact, 15);
    expect(Math.abs((r.value as number) - exact)).toBeLessThanOrEqual(r.error as number);
  });

  it("--order 2 and an analytic second derivative", async () => {
    const r = await json("derivative", "x^3", "--at", "2", "--order", "2");
    expect(r.exact).toBe(12);
    expect(Math.abs((r.value as number) - 12)).toBeLessThan(1e-9);
  });

  it("exact is null past the derivative's node budget, with the reason, and the numerical value is still given", async () => {
    const argv = ["derivative", "sqrt(1+x^2)*cosh(x)", "--at", "0.5", "--order", "10"];
    const r = await json(...argv);
    expect(r.exact).toBeNull();
    expect(r.exactUnknown).toMatch(/needs more than \d+ nodes/);
    expect(Number.isFinite(r.value)).toBe(true);
    const human = await run(...argv);
    expect(human.out).toMatch(/exact\s+unknown \(the exact derivative needs more than \d+ nodes\)/);
  });

  it("human output: value, status, estimated error, method and step, evaluations, exact and actual error, aligned", async () => {
    const r = await run(...SEED_BY_THE_BOOK);
    expect(r.code).toBe(EXIT_OK);
    const lines = r.out.split("\n");
    expect(lines).toEqual([
      "f(x)             0.01*x^2 + 0.1*x",
      "at               x = 5",
      "f'               0.1999999999990898",
      "status           ok",
      "estimated error  unknown",
      "method           central, step 0.0001",
      "evaluations      2",
      "exact            0.2  (0.02 * x + 0.1)",
      "actual error     9.1e-13",
    ]);
  });

  it("a constant formula is a function of x", async () => {
    expect((await json("derivative", "3", "--at", "1")).value).toBe(0);
  });

  it("negative points and formulas starting with a minus are read as such", async () => {
    const r = await json("derivative", "-x^2", "--at", "-1.5");
    expect(r.exact).toBe(3);
    expect((await json("derivative", "-x", "--at", "2")).exact).toBe(-1);
    expect((await json("jacobian", "-x0", "-x1*x0", "--at", "x0=2,x1=3")).exact).toEqual([
      [-1, 0],
      [-3, -2],
    ]);
  });
});

describe("numdiff partial, gradient, hessian, jacobian", () => {
  it("partial by the book's method gives the book's bits", async () => {
    const a = ["--at", "x0=3,x1=4", "--method", "central", "--step", "1e-4"];
    expect((await json("partial", "x0^2 + x1^2", ...a, "--wrt", "x0")).value).toBe(6.00000000000378);
    expect((await json("partial", "x0^2 + x1^2", ...a, "--wrt", "x1")).value).toBe(7.999999999999119);
  });

  it("partial --json has the keys of derivative", async () => {
    const r = await json("partial", "x*y^2", "--at", "x=1,y=2", "--wrt", "y");
    expect(Object.keys(r).sort()).toEqual([
      "error",
      "evaluations",
      "exact",
      "method",
      "status",
      "step",
      "value",
    ]);
    expect(r.exact).toBe(4);
  });

  it("gradient --json: { value, error, evaluations, exact } with arrays", async () => {
    const r = await json("gradient", "x0^2 + x1^2", "--at", "3,4");
    expect(Object.keys(r).sort()).toEqual(["error", "evaluations", "exact", "value"]);
    expect(r.exact).toEqual([6, 8]);
    (r.value as number[]).forEach((v, i) => expect(Math.abs(v - [6, 8][i])).toBeLessThan(1e-12));
    expect((r.error as number[]).length).toBe(2);
  });

  it("hessian --json: Rosenbrock at (1, 1) is [[802, -400], [-400, 200]]", async () => {
    const r = await json("hessian", "(1-x0)^2 + 100*(x1-x0^2)^2", "--at", "x0=1,x1=1");
    expect(r.exact).toEqual([
      [802, -400],
      [-400, 200],
    ]);
    const v = r.value as number[][];
    [802, -400, -400, 200].forEach((e, k) => expect(Math.abs(v[k >> 1][k & 1] - e)).toBeLessThan(1e-7));
  });

  it("jacobian --json: rows are formulas, columns variables", async () => {
    const r = await json("jacobian", "x0^2 + x1^2", "x0^3 + x1^3", "--at", "x0=3,x1=4");
    expect(r.exact).toEqual([
      [6, 8],
      [27, 48],
    ]);
    const v = r.value as number[][];
    expect(v.length).toBe(2);
    v.flat().forEach((x, k) => expect(Math.abs(x - [6, 8, 27, 48][k])).toBeLessThan(1e-10));
  });

  it("plain values of --at follow the variables sorted by name", async () => {
    const r = await json("gradient", "x10 - x2", "--at", "1,2");
    expect(r.exact).toEqual([-1, 1]);
  });
});

describe("bad input exits 2 with one line", () => {
  const CASES: [string[], RegExp][] = [
    [
      ["derivative", "1/x", "--at", "0"],
      /^numdiff: 1\/x is Infinity at x = 0; expected a finite value there$/,
    ],
    [
      ["derivative", "sqrt(-x)", "--at", "1"],
      /^numdiff: sqrt\(-x\) is NaN at x = 1; expected a finite value there$/,
    ],
    [["derivative", "x^2"], /^numdiff: missing --at/],
    [["derivative", "x^2", "--at"], /^numdiff: missing value for --at$/],
    [["derivative", "x^2", "--at", "five"], /^numdiff: invalid --at; expected a finite number, got "five"$/],
    [
      ["derivative", "x^2", "--at", "1", "--order", "0"],
      /^numdiff: invalid order; expected an integer from 1 to 10, got 0$/,
    ],
    [["derivative", "x^2", "--at", "1", "--method", "sideways"], /^numdiff: invalid --method/],
    [["derivative", "x^2", "--at", "1", "--step", "-1"], /^numdiff: invalid step/],
    [["derivative", "x^2", "--at", "1", "--bogus"], /^numdiff: unknown option '--bogus'$/],
    [["derivative", "x^2", "--at", "1", "--wrt", "x"], /^numdiff: unknown option --wrt for this command$/],
    [["derivative", "x + y", "--at", "1"], /^numdiff: --at has 1 value but the formula has 2 variables/],
    [["derivative", "x + y", "--at", "x=1,y=2"], /^numdiff: derivative takes a formula of one variable/],
    [["derivative"], /^numdiff: missing formula/],
    [["partial", "x + y", "--at", "x=1,y=2"], /^numdiff: missing --wrt; expected one of x, y$/],
    [["partial", "x + y", "--at", "x=1,y=2", "--wrt", "z"], /^numdiff: invalid --wrt/],
    [
      ["partial", "x + y", "--at", "x=1", "--wrt", "x"],
      /^numdiff: --at gives x but not y, which the formula uses; give every variable, e\.g\. --at x=1,y=1$/,
    ],
    [["gradient", "x + y", "--at", "x=1,x=2"], /^numdiff: invalid --at; "x" is given twice$/],
    [["frobnicate"], /^numdiff: unknown command "frobnicate"/],
  ];
  it.each(CASES)("%j", async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.out).toBe("");
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err).toMatch(message);
  });
});

describe("help", () => {
  it("numdiff --help lists every command with its summary and shows examples", async () => {
    const r = await run("--help");
    expect(r.code).toBe(EXIT_OK);
    for (const c of commands) expect(r.out).toContain(c.name);
    expect(r.out).toContain("Examples:");
  });

  it.each(["derivative", "partial", "gradient", "hessian", "jacobian"])(
    "numdiff %s --help shows usage with examples",
    async (name) => {
      const r = await run(name, "--help");
      expect(r.code).toBe(EXIT_OK);
      expect(r.out).toMatch(new RegExp(`^Usage: numdiff ${name} `));
      expect(r.out).toContain(`Examples:\n  numdiff ${name} `);
    },
  );
});

describe("the demo", () => {
  it("numdiff with no arguments prints the seed's values by the book's method, the default and analytically", async () => {
    const r = await run();
    expect(r.code).toBe(EXIT_OK);
    for (const v of ["0.1999999999990898", "0.2999999999986347", "6.00000000000378", "7.999999999999119"]) {
      expect(r.out).toContain(v);
    }
    expect(r.out).toMatch(/numdiff default\s+0\.2\s/);
    expect(r.out).toMatch(/analytic\s+0\.2\s/);
  });
});
