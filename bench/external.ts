/**
 * The benchmark modules written beside this one by the multivariate work (bench/gradient-overhead.ts,
 * bench/jacobian-scale.ts): each exports `run({ quick })` returning a plain object. They are run in a
 * child process (bench/child.ts) when their file exists; otherwise the section records null.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Repository root (the child resolves `tsx` from here). */
export const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Longest an external module may run: 15 minutes. */
export const EXTERNAL_TIMEOUT_MS = 900_000;

/** What an external module returned, with the child's peak memory, or why there is nothing. */
export type ExternalOutcome =
  { ok: true; result: Record<string, unknown>; maxRssMiB: number } | { ok: false; reason: string };

/**
 * Runs `bench/<name>.ts`'s `run({ quick })` in a child process.
 *
 * @example
 * ```ts
 * const r = runExternal("jacobian-scale", true);
 * if (r.ok) console.log(r.result, r.maxRssMiB);
 * ```
 */
export function runExternal(name: string, quick: boolean): ExternalOutcome {
  const file = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  if (!existsSync(file)) return { ok: false, reason: `bench/${name}.ts does not exist yet` };
  const child = fileURLToPath(new URL("./child.ts", import.meta.url));
  const args = ["--import", "tsx", child, file, ...(quick ? ["--quick"] : [])];
  const r = spawnSync(process.execPath, args, {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout: EXTERNAL_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) return { ok: false, reason: `bench/${name}.ts could not run: ${r.error.message}` };
  if (r.status !== 0) {
    const tail = r.stderr.trim().split("\n").slice(-3).join(" | ");
    return { ok: false, reason: `bench/${name}.ts failed (${r.status ?? r.signal}): ${tail}` };
  }
  const last = r.stdout.trim().split("\n").pop() ?? "";
  try {
    const parsed = JSON.parse(last) as { result: unknown; maxRssMiB: number };
    const result =
      parsed.result !== null && typeof parsed.result === "object"
        ? (parsed.result as Record<string, unknown>)
        : { value: parsed.result };
    return { ok: true, result, maxRssMiB: parsed.maxRssMiB };
  } catch (e) {
    return { ok: false, reason: `bench/${name}.ts printed no result: ${(e as Error).message}` };
  }
}

/**
 * The first finite number found under any of `keys` (searched depth-first, nested objects included),
 * or null. The external modules' field names are theirs; this picks the figure we pin.
 *
 * @example
 * ```ts
 * pickNumber({ ratio: { median: 1.02 } }, ["medianRatio", "median"]); // 1.02
 * ```
 */
export function pickNumber(obj: unknown, keys: readonly string[]): number | null {
  if (obj === null || typeof obj !== "object") return null;
  const rec = obj as Record<string, unknown>;
  for (const k of keys) {
    const v = rec[k];
    if (typeof v === "number" && Number.isFinite(v)) return v;
  }
  for (const v of Object.values(rec)) {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const found = pickNumber(v, keys);
      if (found !== null) return found;
    }
  }
  return null;
}
