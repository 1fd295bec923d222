/**
 * Running the peer scripts of bench/peers/ (python3) and reading their JSON.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Folder of the peer scripts. */
export const PEERS_DIR = fileURLToPath(new URL("./peers/", import.meta.url));

/** The Python interpreter used: $PYTHON, else `python3`. */
export const PYTHON = process.env.PYTHON ?? "python3";

/** Longest a peer script may run before it is stopped: 10 minutes (scipy's Jacobian at n = 2000 takes ~20 s). */
export const PYTHON_TIMEOUT_MS = 600_000;

/** A peer script's JSON, or why there is none. */
export type PythonOutcome<T> = { ok: true; data: T } | { ok: false; reason: string };

/**
 * Runs `python3 bench/peers/<script> ...args` and parses its standard output as JSON. A missing
 * interpreter, a failing script or bad JSON give `{ ok: false, reason }`, never a throw.
 *
 * @example
 * ```ts
 * const out = runPython<{ n: number }>("scipy_jacobian.py", ["100"]);
 * if (out.ok) console.log(out.data.n); // 100
 * ```
 */
export function runPython<T>(script: string, args: readonly string[] = []): PythonOutcome<T> {
  const r = spawnSync(PYTHON, [script, ...args], {
    cwd: PEERS_DIR,
    encoding: "utf8",
    timeout: PYTHON_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) return { ok: false, reason: `${PYTHON} could not run: ${r.error.message}` };
  if (r.status !== 0) {
    const tail = r.stderr.trim().split("\n").slice(-1)[0] ?? "";
    return { ok: false, reason: `${script} exited with ${r.status ?? r.signal}: ${tail}` };
  }
  try {
    return { ok: true, data: JSON.parse(r.stdout) as T };
  } catch (e) {
    return { ok: false, reason: `${script} printed no JSON: ${(e as Error).message}` };
  }
}

/** Versions of the Python side, each null when missing. */
export interface PythonVersions {
  python: string | null;
  numpy: string | null;
  scipy: string | null;
  numdifftools: string | null;
}

const VERSION_PROBE = `
import json, platform
out = {"python": platform.python_version(), "numpy": None, "scipy": None, "numdifftools": None}
for name in ("numpy", "scipy", "numdifftools"):
    try:
        out[name] = __import__(name).__version__
    except Exception:
        pass
print(json.dumps(out))
`;

/**
 * Which Python, NumPy, SciPy and numdifftools are installed (null for each one missing).
 *
 * @example
 * ```ts
 * pythonVersions().scipy; // "1.17.1", or null without scipy
 * ```
 */
export function pythonVersions(): PythonVersions {
  const r = spawnSync(PYTHON, ["-c", VERSION_PROBE], { encoding: "utf8", timeout: 60_000 });
  if (r.error || r.status !== 0) return { python: null, numpy: null, scipy: null, numdifftools: null };
  try {
    return JSON.parse(r.stdout) as PythonVersions;
  } catch {
    return { python: null, numpy: null, scipy: null, numdifftools: null };
  }
}

/**
 * Decodes a number written by the peer scripts (non-finite ones are strings "NaN", "Infinity",
 * "-Infinity"; JSON has no literal for them).
 *
 * @example
 * ```ts
 * decodeNumber("Infinity"); // Infinity
 * decodeNumber(1.5); // 1.5
 * ```
 */
export function decodeNumber(v: number | string | null | undefined): number {
  if (typeof v === "number") return v;
  if (v === "Infinity") return Infinity;
  if (v === "-Infinity") return -Infinity;
  return NaN;
}
