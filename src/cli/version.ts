/**
 * The version `numdiff --version` prints: the `@numdiff/cli` package's own, read from its package.json.
 * It is found by the package's name (a self-reference in the built package; the workspace's link to
 * packages/cli when running from src/), so one lookup serves both layouts.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** The package whose version this is. */
const OWN_PACKAGE = "@numdiff/cli";

/**
 * The version in package.json, e.g. "0.1.0".
 *
 * @example
 * ```ts
 * packageVersion(); // "0.1.0"
 * ```
 */
export function packageVersion(): string {
  const file = createRequire(import.meta.url).resolve(`${OWN_PACKAGE}/package.json`);
  const version = (JSON.parse(readFileSync(file, "utf8")) as { version?: unknown }).version;
  return typeof version === "string" ? version : "unknown";
}
