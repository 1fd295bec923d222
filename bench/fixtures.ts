/**
 * The project's one-variable reference set (test/fixtures/derivative-cases.json, mpmath at 40 digits)
 * as typed data for the benchmarks.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** One case of test/fixtures/derivative-cases.json (see test/fixtures/README.md for the fields). */
export interface DerivativeCase {
  id: string;
  fn: string;
  formula: string;
  x: number;
  order: number;
  exact: number;
  exactString: string;
  fx: number;
  tags: string[];
  source: string;
}

/** Path of the committed one-variable reference set. */
export const DERIVATIVE_CASES_PATH = fileURLToPath(
  new URL("../test/fixtures/derivative-cases.json", import.meta.url),
);

/**
 * Reads the one-variable reference cases.
 *
 * @example
 * ```ts
 * const cases = loadDerivativeCases();
 * cases[0].id; // "exp@1#1"
 * ```
 */
export function loadDerivativeCases(path: string = DERIVATIVE_CASES_PATH): DerivativeCase[] {
  const data = JSON.parse(readFileSync(path, "utf8")) as { cases: DerivativeCase[] };
  return data.cases;
}
