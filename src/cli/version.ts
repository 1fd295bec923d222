/**
 * The version `numdiff --version` prints: the package's own, read from package.json (two folders up
 * from this file both in src/cli and in the built dist/cli).
 */
import { readFileSync } from "node:fs";

/**
 * The version in package.json, e.g. "0.1.0".
 *
 * @example
 * ```ts
 * packageVersion(); // "0.1.0"
 * ```
 */
export function packageVersion(): string {
  const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
  const version = (JSON.parse(text) as { version?: unknown }).version;
  return typeof version === "string" ? version : "unknown";
}
