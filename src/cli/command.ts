/**
 * The shape of a `numdiff` subcommand. Each subcommand lives in its own file under ./commands/ and is
 * registered with one line in ./commands/index.ts.
 */
import { NumdiffError } from "numdiff";

export { parseNumber, parsePoint, parseRange, parseOptions, type Point } from "./args.js";

/**
 * Where a command writes. `out` and `err` each take one line or several, without the final newline.
 * `cwd` is the directory relative paths (of files a command writes) resolve against.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * const io: CliIO = { out: (t) => lines.push(t), err: (t) => lines.push(t), cwd: process.cwd() };
 * ```
 */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** Standard input as text, for a formula given as `-`; default: the process's (file descriptor 0). */
  stdin?: () => string;
}

/**
 * A subcommand of `numdiff`.
 *
 * @example
 * ```ts
 * const hello: Command = {
 *   name: "hello", summary: "say hello", usage: "Usage: numdiff hello\n\nExample:\n  numdiff hello",
 *   run: (_argv, io) => io.out("hello"),
 * };
 * ```
 */
export interface Command {
  /** The word after `numdiff`, e.g. `"derivative"`. */
  name: string;
  /** One line for `numdiff --help`. */
  summary: string;
  /** The full help for `numdiff <name> --help`, with examples. */
  usage: string;
  /**
   * Runs the command on the arguments after its name. Throws {@link UsageError}, `NumdiffError` or
   * `FormulaError` for bad input (exit 2); anything else is an internal fault (exit 1).
   */
  run(argv: string[], io: CliIO): Promise<void> | void;
}

/**
 * Bad command-line usage: an unknown option, a missing argument, a value out of range. `numdiff` prints
 * its message on one line after `numdiff: ` and exits with status 2.
 *
 * @example
 * ```ts
 * throw new UsageError("missing --at; expected the point, e.g. --at 5");
 * ```
 */
export class UsageError extends NumdiffError {
  constructor(message: string, argument = "arguments") {
    super("INVALID_ARGUMENT", argument, message);
    this.name = "UsageError";
  }
}
