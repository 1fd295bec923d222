import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/command.js";
import { EXIT_OK, EXIT_USAGE, main } from "../../src/cli/main.js";

const dir = mkdtempSync(join(tmpdir(), "numdiff-data-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir };
  const code = await main(["data", ...argv], io);
  return { code, out, err };
}

const quadratic = file("quadratic.csv", "t,pos\n0,0\n1,1\n2,4\n3,9\n4,16\n5,25\n");

describe("numdiff data", () => {
  it("writes CSV with the derivative column and its error (x² is differentiated exactly)", async () => {
    const { code, out } = await run([quadratic, "--x", "t", "--y", "pos"]);
    expect(code).toBe(EXIT_OK);
    const lines = out.join("\n").split("\n");
    expect(lines[0]).toBe("t,pos,dpos/dt,error");
    expect(lines.slice(1).map((l) => Number(l.split(",")[2]))).toEqual([0, 2, 4, 6, 8, 10]);
  });

  it("--order 2 names the column d2pos/dt2; --json gives the rows and how they were made", async () => {
    const { out } = await run([quadratic, "--x", "t", "--y", "pos", "--order", "2", "--json"]);
    const j = JSON.parse(out[0]);
    expect(j.columns).toEqual(["t", "pos", "d2pos/dt2", "error"]);
    expect(j.rows.map((r: number[]) => r[2])).toEqual([2, 2, 2, 2, 2, 2]);
    expect([j.method, j.order, j.accuracy]).toEqual(["finite-difference", 2, 2]);
  });

  it("--smooth auto reports the window chosen; the error column is empty (no honest estimate)", async () => {
    let seed = 5;
    const uniform = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const gauss = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    const rows = Array.from({ length: 300 }, (_, i) => `${i / 50},${Math.sin(i / 50) + 0.01 * gauss()}`);
    const noisy = file("noisy.csv", "t,pos\n" + rows.join("\n") + "\n");
    const { out } = await run([noisy, "--x", "t", "--y", "pos", "--smooth", "auto", "--json"]);
    const j = JSON.parse(out[0]);
    expect(j.method).toBe("savitzky-golay");
    expect(j.chosenBy).toBe("gcv");
    expect(j.window).toBeGreaterThan(5);
    expect(j.rows[10][3]).toBeNull();
    const csv = await run([noisy, "--x", "t", "--y", "pos", "--smooth", "auto"]);
    expect(csv.out[0].split("\n")[1].endsWith(",")).toBe(true);
  });

  it("-o writes the file (JSON by extension) and --plot the figure", async () => {
    const { code, out } = await run([quadratic, "--x", "t", "--y", "pos", "-o", "q.json", "--plot", "q.svg"]);
    expect(code).toBe(EXIT_OK);
    expect(out).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, "q.json"), "utf8")).rows).toHaveLength(6);
    expect(readFileSync(join(dir, "q.svg"), "utf8")).toContain("Samples and their first derivative");
  });

  it("without --x, x is the row number", async () => {
    const { out } = await run([quadratic, "--y", "pos"]);
    expect(out[0].split("\n")[0]).toBe("row,pos,dpos/drow,error");
  });

  it.each([
    [
      "a missing column",
      "t,pos\n0,1\n1,2\n2,3\n",
      ["--x", "t", "--y", "vel"],
      'no column "vel" for --y; the header has "t", "pos"',
    ],
    [
      "a non-numeric cell",
      "t,pos\n0,1\n1,abc\n2,3\n",
      ["--x", "t", "--y", "pos"],
      'row 3, column "pos": expected a number, got "abc"',
    ],
    [
      "an empty cell",
      "t,pos\n0,1\n1,\n2,3\n",
      ["--x", "t", "--y", "pos"],
      'row 3, column "pos": expected a number, got an empty cell',
    ],
    [
      "x not increasing",
      "t,pos\n0,1\n2,2\n1,3\n",
      ["--x", "t", "--y", "pos"],
      "row 4: t = 1 after 2 (x must be strictly increasing",
    ],
    ["a duplicate x", "t,pos\n0,1\n1,2\n1,3\n", ["--x", "t", "--y", "pos"], "row 4: duplicate t = 1"],
    [
      "too few rows for the stencil",
      "t,pos\n0,1\n1,2\n",
      ["--x", "t", "--y", "pos", "--order", "2"],
      "invalid y.length; expected >= 4 (order 2 with accuracy 2), got 2",
    ],
    [
      "a header only",
      "t,pos\n",
      ["--x", "t", "--y", "pos"],
      "expected a header row and at least one row of samples",
    ],
  ])("%s: one line, exit 2, nothing written", async (name, text, args, message) => {
    const csv = file(`bad-${name.replace(/\W+/g, "-")}.csv`, text);
    const before = readdirSync(dir).length;
    const { code, out, err } = await run([csv, ...args, "-o", "never.csv", "--plot", "never.svg"]);
    expect(code).toBe(EXIT_USAGE);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(message);
    expect(err[0]).toMatch(/^numdiff: /);
    expect(readdirSync(dir).length).toBe(before);
    expect(existsSync(join(dir, "never.csv"))).toBe(false);
  });

  it("refuses a missing file, a missing --y and bad option values with one line and exit 2", async () => {
    for (const [args, message] of [
      [["nope.csv", "--y", "pos"], 'cannot read "nope.csv" (ENOENT)'],
      [[quadratic, "--x", "t"], "missing --y"],
      [[quadratic, "--y", "pos", "--smooth", "magic"], "invalid --smooth"],
      [[quadratic, "--y", "pos", "--accuracy", "3"], "invalid accuracy; expected one of 2, 4, 6, 8, got 3"],
      [[quadratic, "--y", "pos", "-o", "x.txt"], "invalid -o; expected a file ending in .csv or .json"],
      [[quadratic, "--y", "pos", "--plot", "x.jpg"], "invalid --plot"],
    ] as const) {
      const { code, err } = await run([...args]);
      expect(code).toBe(EXIT_USAGE);
      expect(err).toHaveLength(1);
      expect(err[0]).toContain(message);
    }
  });
});
