import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIO, Command } from "../../src/cli/command.js";
import { descent as descentCommand } from "../../src/cli/commands/descent.js";
import { errorCurve as errorCurveCommand } from "../../src/cli/commands/error-curve.js";
import { field as fieldCommand } from "../../src/cli/commands/field.js";
import { tangent as tangentCommand } from "../../src/cli/commands/tangent.js";
import { DEMO_FIGURE, runDemo } from "../../src/cli/demo.js";
import { NumdiffError } from "../../src/core/index.js";

const dir = mkdtempSync(join(tmpdir(), "numdiff-figures-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(command: Command, argv: string[]): { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir };
  void command.run(argv, io);
  return { out, err };
}

function expectUsage(command: Command, argv: string[], text: string): void {
  let caught: unknown;
  try {
    run(command, argv);
  } catch (e) {
    caught = e;
  }
  expect(caught, "expected a throw").toBeInstanceOf(NumdiffError);
  expect((caught as Error).message).toContain(text);
}

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

describe("figure commands", () => {
  it("tangent writes the seed's figure as SVG and prints the path", () => {
    const { out } = run(tangentCommand, ["0.01*x^2 + 0.1*x", "--at", "5", "-o", "tangent.svg"]);
    expect(out).toEqual([join(dir, "tangent.svg")]);
    const svg = readFileSync(join(dir, "tangent.svg"), "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("slope 0.1999999999990898");
    expect(svg).toContain("f over [0, 20)"); // the default range for a point in [0, 20)
  });

  it("tangent writes PNG for a .png (any case) file and uses --range", () => {
    run(tangentCommand, ["sin(x)", "--at", "1", "--range=-3:3", "-o", "t.PNG"]);
    const png = readFileSync(join(dir, "t.PNG"));
    expect(Array.from(png.subarray(0, 8))).toEqual(PNG_SIGNATURE);
  });

  it("tangent is framed around the point: x² at 1 is not in a corner, ReLU's kink is in the middle", () => {
    run(tangentCommand, ["x^2", "--at", "1", "-o", "t1.svg"]);
    expect(readFileSync(join(dir, "t1.svg"), "utf8")).toContain("f over [-9, 11)");
    run(tangentCommand, ["max(0, x)", "--at", "0", "-o", "relu.svg"]);
    expect(readFileSync(join(dir, "relu.svg"), "utf8")).toContain("f over [-10, 10)");
    run(tangentCommand, ["x^2", "--at", "50", "-o", "t50.svg"]);
    expect(readFileSync(join(dir, "t50.svg"), "utf8")).toContain("f over [0, 100)");
  });

  it("tangent of log at 1e-9 is drawn with numdiff's slope (the book's step leaves the domain)", () => {
    run(tangentCommand, ["log(x)", "--at", "1e-9", "-o", "log.svg"]);
    const svg = readFileSync(join(dir, "log.svg"), "utf8");
    expect(svg).toContain("the book's h = 1e-4 leaves f's domain");
    // no coordinate of the steep tangent is written far outside the figure
    expect(svg).not.toMatch(/[ML,]-?\d{6,}/);
  });

  it("error-curve measures against math.js's exact derivative when there is one", () => {
    run(errorCurveCommand, ["sin(x)", "--at", "1", "-o", "e.svg"]);
    expect(readFileSync(join(dir, "e.svg"), "utf8")).toContain(`against the exact derivative ${Math.cos(1)}`);
  });

  it("field without --range is the book's 18 × 18 grid over [-2, 2]² (17 × 17 inside)", () => {
    run(fieldCommand, ["x0^2 + x1^2", "-o", "field.svg"]);
    expect(readFileSync(join(dir, "field.svg"), "utf8")).toContain("17 × 17 arrows");
    run(fieldCommand, ["x0^2 + x1^2", "--range=-1:1", "--grid", "5", "-o", "field5.svg"]);
    expect(readFileSync(join(dir, "field5.svg"), "utf8")).toContain("5 × 5 arrows");
  });

  it("descent takes --start with names in any order, --lr and --steps, and ends where the book does", () => {
    run(descentCommand, [
      "x0^2 + x1^2",
      "--start",
      "x1=4,x0=-3",
      "--lr",
      "0.1",
      "--steps",
      "20",
      "-o",
      "d.svg",
    ]);
    expect(readFileSync(join(dir, "d.svg"), "utf8")).toContain("after 20 steps: (-0.03459, 0.04612)");
    run(descentCommand, ["x0^2 + x1^2", "--start=-3,4", "-o", "d2.png"]);
    expect(Array.from(readFileSync(join(dir, "d2.png")).subarray(0, 8))).toEqual(PNG_SIGNATURE);
  });

  it.each([
    ["tangent", tangentCommand, ["x^2", "--at", "1"]],
    ["error-curve", errorCurveCommand, ["sin(x)", "--at", "1"]],
    ["field", fieldCommand, ["x0^2 + x1^2", "--grid", "3"]],
    ["descent", descentCommand, ["x0^2 + x1^2", "--start", "1,1", "--steps", "2"]],
  ] as [string, Command, string[]][])(
    "%s writes to -o file, --output file and --output=file alike",
    (name, command, argv) => {
      const written = [
        ["-o", `${name}-short.svg`],
        ["--output", `${name}-long.svg`],
        [`--output=${name}-inline.svg`],
        ["-o", `-${name}-dash.svg`],
      ].map((output) => {
        const file = output[output.length - 1].replace(/^--output=/, "");
        expect(run(command, [...argv, ...output]).out).toEqual([join(dir, file)]);
        return readFileSync(join(dir, file), "utf8");
      });
      expect(written[0].startsWith("<svg")).toBe(true);
      expect(new Set(written).size).toBe(1);
    },
  );

  it("refuses other extensions and a missing -o with a usage error, before writing anything", () => {
    expectUsage(
      tangentCommand,
      ["x^2", "--at", "1", "-o", "t.jpg"],
      "expected a file ending in .svg or .png",
    );
    expect(existsSync(join(dir, "t.jpg"))).toBe(false);
    expectUsage(fieldCommand, ["x0^2"], "missing -o");
  });

  it("refuses missing or bad required options, naming them", () => {
    expectUsage(tangentCommand, ["x^2", "-o", "a.svg"], "missing --at");
    expectUsage(errorCurveCommand, ["x^2", "--at", "one", "-o", "a.svg"], "invalid --at");
    expectUsage(descentCommand, ["x0^2 + x1^2", "-o", "a.svg"], "missing --start");
    expectUsage(descentCommand, ["x0^2 + x1^2", "--start", "y=1,x0=2", "-o", "a.svg"], 'got "y"');
    expectUsage(descentCommand, ["x0^2 + x1^2", "--start", "1,2,3", "-o", "a.svg"], "expected 2 coordinates");
    expectUsage(fieldCommand, ["x0^2", "--range", "2:1", "-o", "a.svg"], "invalid --range");
    expectUsage(tangentCommand, ["x^2", "--at", "1", "--bogus", "-o", "a.svg"], "unknown option");
  });

  it("refuses a formula in the wrong variables", () => {
    expectUsage(tangentCommand, ["y^2", "--at", "1", "-o", "a.svg"], "y");
    expectUsage(fieldCommand, ["x^2", "-o", "a.svg"], "x");
  });

  it("the demo (npm start) writes the seed's tangent figure as PNG under cwd and prints its path", async () => {
    const out: string[] = [];
    await runDemo({ out: (t) => out.push(t), err: () => {}, cwd: dir });
    const file = join(dir, DEMO_FIGURE);
    expect(Array.from(readFileSync(file).subarray(0, 8))).toEqual(PNG_SIGNATURE);
    expect(out.some((line) => line.includes(file))).toBe(true);
  });
});
