import { describe, expect, it } from "vitest";
import { parseOptions } from "../../src/cli/args.js";
import { NumdiffError } from "../../src/core/index.js";

const SPEC = {
  at: { type: "string" },
  output: { type: "string", short: "o" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

function refusal(argv: string[]): string {
  try {
    parseOptions(argv, SPEC);
  } catch (e) {
    expect(e).toBeInstanceOf(NumdiffError);
    return (e as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(argv)} to be refused`);
}

describe("parseOptions", () => {
  it("a short option takes the next argument as its value, like its long name (not as =value)", () => {
    for (const argv of [
      ["x^2", "-o", "fig.svg"],
      ["x^2", "--output", "fig.svg"],
      ["x^2", "--output=fig.svg"],
    ]) {
      expect(parseOptions(argv, SPEC)).toEqual({ values: { output: "fig.svg" }, positionals: ["x^2"] });
    }
    expect(parseOptions(["-o", "-x.svg", "x"], SPEC).values.output).toBe("-x.svg");
    expect(parseOptions(["x", "-o", "-1"], SPEC).values.output).toBe("-1");
  });

  it("--name=value keeps its value and leaves the next argument alone", () => {
    expect(parseOptions(["x^2", "--at=5"], SPEC)).toEqual({ values: { at: "5" }, positionals: ["x^2"] });
    expect(parseOptions(["--at=1", "x^2"], SPEC)).toEqual({ values: { at: "1" }, positionals: ["x^2"] });
    expect(parseOptions(["x^2", "--output=-x.svg"], SPEC).values.output).toBe("-x.svg");
  });

  it("only declared short options are options: -x, -x0 and -o without a declared -o are formulas", () => {
    expect(parseOptions(["-x", "--at", "-1"], SPEC)).toEqual({ values: { at: "-1" }, positionals: ["-x"] });
    expect(parseOptions(["-x0^2", "-h"], SPEC)).toEqual({ values: { help: true }, positionals: ["-x0^2"] });
    expect(parseOptions(["-o", "--at", "1"], { at: { type: "string" } }).positionals).toEqual(["-o"]);
  });

  it("a missing value names the option as it was typed", () => {
    expect(refusal(["x^2", "-o"])).toBe("missing value for -o");
    expect(refusal(["x^2", "--output"])).toBe("missing value for --output");
    expect(refusal(["x^2", "--at"])).toBe("missing value for --at");
  });
});
