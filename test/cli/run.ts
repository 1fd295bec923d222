/**
 * Runs `numdiff` in-process through `main(argv, io)`, collecting what it writes: the command's
 * behaviour without a process start (fast and independent of how busy the machine is).
 */
import type { CliIO } from "../../src/cli/command.js";
import { main } from "../../src/cli/main.js";

/** What one in-process run gave: the exit status and the lines written to each stream. */
export interface InProcessRun {
  code: number;
  out: string;
  err: string;
}

/** `numdiff ...argv` in-process, with relative output paths resolved against `cwd`. */
export async function runInProcess(argv: string[], cwd = "."): Promise<InProcessRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), cwd };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}
