/**
 * Hostile and broken formulas, and valid ones against their analytic values, through `main(argv, io)`:
 * the same behaviour as the binary (binary.test.ts runs a few of these as a process) without starting
 * one process per case.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EXIT_OK, EXIT_USAGE } from "../../src/cli/main.js";
import { HOSTILE, VALID } from "./cases.js";
import { runInProcess } from "./run.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

describe("hostile and broken input (in-process)", () => {
  it.each(HOSTILE)("%s: exit 2, one line starting with numdiff:, no path or stack", async (_what, argv) => {
    const r = await runInProcess(argv);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.out).toBe("");
    expect(r.err).not.toMatch(/[\r\n]/);
    expect(r.err).toMatch(/^numdiff: /);
    for (const secret of [ROOT, process.env.HOME ?? ROOT, "node_modules", "node:internal"]) {
      expect(r.err).not.toContain(secret);
    }
    expect(r.err).not.toMatch(/\bat .*:\d+:\d+/);
    expect(r.err.length).toBeLessThan(400);
  });
});

describe("valid formulas (in-process)", () => {
  it.each(VALID)("d/dx %s at %d matches the analytic value", async (formula, x, exact) => {
    const r = await runInProcess(["derivative", formula, "--at", String(x), "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(EXIT_OK);
    const out = JSON.parse(r.out) as { value: number; error: number; exact: number };
    // The exact value is math.js's symbolic derivative evaluated in doubles: a few roundings (2 ulp).
    expect(Math.abs(out.exact - exact)).toBeLessThanOrEqual(4e-16 * Math.abs(exact));
    expect(Math.abs(out.value - exact)).toBeLessThanOrEqual(Math.max(out.error, 1e-13 * Math.abs(exact)));
  });

  it("gradient of numdifftools' 1/(exp(x0) + cos(x1) + 10) at (1, 2)", async () => {
    const r = await runInProcess(["gradient", "1/(exp(x0) + cos(x1) + 10)", "--at", "x0=1,x1=2", "--json"]);
    expect(r.code).toBe(EXIT_OK);
    const out = JSON.parse(r.out) as { value: number[]; exact: number[] };
    const expected = [-0.017961123762187736, 0.0060082083648822];
    out.exact.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(1e-17));
    out.value.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(1e-14));
  });
});
