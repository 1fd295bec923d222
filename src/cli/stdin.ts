/**
 * A formula read from standard input: `-` in the place of a formula, as many Unix tools do
 * (`echo "sin(x)" | numdiff derivative - --at 1`).
 */
import { readFileSync } from "node:fs";
import { UsageError } from "./command.js";

/**
 * Options whose value may follow them as the next argument are all but these flags: a `-` right after
 * one of them is a value, not a formula.
 *
 * @example
 * ```ts
 * FLAG_OPTIONS.includes("--json"); // true
 * ```
 */
export const FLAG_OPTIONS: readonly string[] = Object.freeze(["--json", "--csv", "--help", "-h", "--"]);

/**
 * Standard input as text (all of it; the formula layer refuses anything too long).
 *
 * @example
 * ```ts
 * readStdin(); // "sin(x)\n" after `echo "sin(x)" | numdiff …`
 * ```
 */
export function readStdin(): string {
  return readFileSync(0, "utf8");
}

/**
 * The arguments with a formula `-` replaced by standard input (read once, trimmed). A `-` that is the
 * value of an option (`--title -`) stays.
 *
 * @throws UsageError when standard input is empty.
 * @example
 * ```ts
 * withStdinFormula(["-", "--at", "1"], () => "sin(x)\n"); // ["sin(x)", "--at", "1"]
 * ```
 */
export function withStdinFormula(argv: readonly string[], read: () => string = readStdin): string[] {
  let text: string | null = null;
  return argv.map((a, i) => {
    const before = argv[i - 1];
    const isValue =
      before !== undefined &&
      before.startsWith("-") &&
      !before.includes("=") &&
      !FLAG_OPTIONS.includes(before) &&
      before !== "-";
    if (a !== "-" || isValue) return a;
    if (text === null) {
      text = read().trim();
      if (text === "")
        throw new UsageError("no formula on standard input (the formula was given as -)", "formula");
    }
    return text;
  });
}
