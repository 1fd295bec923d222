/**
 * The real binary (packages/cli/dist/main.js, built once by test/global-setup.ts), for what only a
 * process can show: the shebang entry runs, exit statuses reach the shell, stderr is one line without the
 * environment's secrets or a stack trace, and the process's own stack survives a nesting bomb.
 * Everything else about the command is tested in-process (main.test.ts, hostile.test.ts).
 *
 * The cases run one after another (at most one numdiff process from this file at a time), so a busy
 * machine slows them down but cannot pile them up.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { nest } from "./cases.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(ROOT, "packages/cli/dist/main.js");

/**
 * The slowest start-to-exit time measured for one of these runs on the 2-core machine: 3.54 s, in a
 * full `.ci/run` beside two CPU-bound processes and other jobs (load average 27). A script spawning
 * the binary 20 times two at a time beside the same two processes (load average 9) gave a median of
 * 841 ms and a maximum of 991 ms; idle, 495 ms and 635 ms.
 */
export const SPAWN_MEASURED_MAX_MS = 3_600;
/**
 * A process still running after this long is hung: it is killed and the case fails. 20 times the
 * measured worst case, so only a hang (not a busy machine) reaches it.
 */
export const HANG_GUARD_MS = 20 * SPAWN_MEASURED_MAX_MS;
/** Each case waits for at most one process: the guard plus time to collect its output. */
const CASE_TIMEOUT_MS = HANG_GUARD_MS + 10_000;
/** A value placed in the child's environment: it must never appear in the output. */
const SECRET = "numdiff-secret-" + Math.random().toString(36).slice(2);

const work = mkdtempSync(join(tmpdir(), "numdiff-bin-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function numdiff(argv: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...argv],
      {
        cwd: work,
        timeout: HANG_GUARD_MS,
        env: { ...process.env, NUMDIFF_TEST_SECRET: SECRET },
        maxBuffer: 1 << 20,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : null;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** [what it tries, the arguments after `numdiff`]: one of each way the command refuses input. */
const REFUSED: [string, string[]][] = [
  ["a call outside the whitelist", ["derivative", 'evaluate("1+1")', "--at", "1"]],
  ["nesting bomb within the length (4,999 deep)", ["derivative", nest(4_999), "--at", "1"]],
  ["1/x at 0", ["derivative", "1/x", "--at", "0"]],
  ["unknown command", ["rm", "-rf", "/"]],
];

describe("the binary, one process at a time", () => {
  it.each(REFUSED)(
    "%s: exit 2, one line on stderr starting with numdiff:, nothing leaked",
    async (_what, argv) => {
      const r = await numdiff(argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.endsWith("\n")).toBe(true);
      expect(r.stderr.slice(0, -1)).not.toMatch(/[\r\n]/);
      expect(r.stderr).toMatch(/^numdiff: /);
      for (const secret of [SECRET, ROOT, work, process.env.HOME ?? ROOT, "node_modules", "node:internal"]) {
        expect(r.stderr).not.toContain(secret);
      }
      expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
      expect(r.stderr.length).toBeLessThan(400);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    "derivative --json prints the value on stdout and exits 0",
    async () => {
      const r = await numdiff(["derivative", "sin(x)*exp(-x/3)", "--at", "1", "--json"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { value: number; error: number };
      const exact = Math.exp(-1 / 3) * (Math.cos(1) - Math.sin(1) / 3);
      expect(Math.abs(out.value - exact)).toBeLessThanOrEqual(out.error);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    "numdiff with no arguments runs the demo and prints the seed's four values",
    async () => {
      const r = await numdiff([]);
      expect(r.code).toBe(0);
      for (const v of ["0.1999999999990898", "0.2999999999986347", "6.00000000000378", "7.999999999999119"]) {
        expect(r.stdout).toContain(v);
      }
    },
    CASE_TIMEOUT_MS,
  );

  it(
    "--help exits 0 and lists the commands",
    async () => {
      const r = await numdiff(["--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/derivative[\s\S]*partial[\s\S]*gradient[\s\S]*hessian[\s\S]*jacobian/);
    },
    CASE_TIMEOUT_MS,
  );
});
