/**
 * Runs `numdiff` in-process for the command's tests: its exit status and what it wrote.
 */
import { expect } from "vitest";
import type { CliIO } from "../../src/cli/command.js";
import { EXIT_OK, main } from "../../src/cli/main.js";

/**
 * `run(...argv)` and `json(...argv)` for `numdiff` with files resolved against `dir`.
 * @example
 * ```ts
 * const { run, json } = inProcess(dir);
 * (await json("derivative", "x^2", "--at", "3")).exact; // 6
 * ```
 */
export function inProcess(dir: string) {
  async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir };
    const code = await main(argv, io);
    return { code, out: out.join("\n"), err: err.join("\n") };
  }
  async function json(...argv: string[]): Promise<Record<string, unknown>> {
    const r = await run(...argv, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(EXIT_OK);
    return JSON.parse(r.out) as Record<string, unknown>;
  }
  return { run, json };
}
