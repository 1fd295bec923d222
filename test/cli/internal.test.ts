import { describe, expect, it, vi } from "vitest";
import type { CliIO } from "../../src/cli/command.js";
import { EXIT_INTERNAL, EXIT_USAGE, main } from "../../src/cli/main.js";
import { NumdiffError } from "../../src/core/index.js";

vi.mock("../../src/cli/commands/index.js", () => ({
  commands: [
    {
      name: "bug",
      summary: "throws a TypeError",
      usage: "Usage: numdiff bug",
      run() {
        throw new TypeError("cannot read properties of undefined\n    at somewhere (/secret/path.js:1:2)");
      },
    },
    {
      name: "refuse",
      summary: "throws a NumdiffError",
      usage: "Usage: numdiff refuse",
      run() {
        throw new NumdiffError("INVALID_POINT", "at", "invalid at;\nexpected a finite number, got NaN");
      },
    },
  ],
}));

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: "." };
  return { code: await main(argv, io), out, err };
}

describe("main's exit statuses", () => {
  it("an exception that is not a NumdiffError is an internal fault: exit 1, one line, no stack", async () => {
    const r = await run("bug");
    expect(r.code).toBe(EXIT_INTERNAL);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual(["numdiff: internal error (TypeError: cannot read properties of undefined)"]);
  });

  it("a NumdiffError is bad input: exit 2, its message on one line", async () => {
    const r = await run("refuse");
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toEqual(["numdiff: invalid at; expected a finite number, got NaN"]);
  });
});
