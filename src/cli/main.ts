#!/usr/bin/env node
/**
 * The `numdiff` command: `numdiff <command> [arguments]`, or no arguments for the demo.
 * Exit status 0 on success, 2 for bad input or usage (one line on stderr starting with `numdiff:`),
 * 1 for an internal fault.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { NumdiffError } from "numdiff";
import { scanFormula } from "@numdiff/expr/scan";
import { parseOptions } from "./args.js";
import type { CliIO, Command } from "./command.js";
import { DIFF_OPTIONS } from "./diff-options.js";
import { alignRows } from "./format.js";
import { oneLine } from "./one-line.js";
import { describeWriteError } from "./write-error.js";
import { withStdinFormula } from "./stdin.js";
import { didYouMean } from "./suggest.js";
import { packageVersion } from "./version.js";

/**
 * Exit status for success.
 * @example
 * ```ts
 * await main(["--help"], io); // EXIT_OK (0)
 * ```
 */
export const EXIT_OK = 0;
/**
 * Exit status for an internal fault (a bug in numdiff).
 * @example
 * ```ts
 * EXIT_INTERNAL; // 1
 * ```
 */
export const EXIT_INTERNAL = 1;
/**
 * Exit status for bad input or usage.
 * @example
 * ```ts
 * await main(["derivative", "import(1)", "--at", "1"], io); // EXIT_USAGE (2)
 * ```
 */
export const EXIT_USAGE = 2;

/** The subcommands whose positional arguments are all formulas. */
const FORMULA_COMMANDS: readonly string[] = ["derivative", "partial", "gradient", "hessian", "jacobian"];

/**
 * Refuses what can be refused from the text alone (length, nesting, characters, calls outside the
 * whitelist) before math.js is loaded: loading it takes most of the command's start-up time.
 */
function prescreen(name: string, argv: string[]): void {
  if (!FORMULA_COMMANDS.includes(name)) return;
  for (const formula of parseOptions(argv, DIFF_OPTIONS).positionals) scanFormula(formula);
}

/** The subcommands, loaded on demand (they bring in math.js). */
async function loadCommands(): Promise<Command[]> {
  return (await import("./commands/index.js")).commands;
}

function help(commands: readonly Command[]): string {
  return `Usage: numdiff <command> [arguments]    (no arguments: the seed demo)

Numerical derivatives of formulas, with error estimates and the exact values beside them.

Commands:
${alignRows(commands.map((c) => ["  " + c.name, c.summary]))}

Formulas: numbers, variables, + - * / ^, unary minus, parentheses, comparisons, c ? a : b, pi, e,
and sqrt cbrt exp expm1 log log1p log2 log10 sin cos tan asin acos atan atan2 sinh cosh tanh asinh
acosh atanh abs sign min max pow hypot floor ceil. Quote them for the shell.

Examples:
  numdiff derivative "0.01*x^2 + 0.1*x" --at 5
  numdiff partial "x0^2 + x1^2" --at x0=3,x1=4 --wrt x0
  numdiff gradient "x0^2 + x1^2" --at x0=3,x1=4 --json

numdiff help <command> (or numdiff <command> --help) shows the options of a command; a formula
given as - is read from standard input; numdiff --version prints the version.`;
}

/**
 * Runs `numdiff` in-process on the arguments after the program name and returns the exit status.
 *
 * @example
 * ```ts
 * const out: string[] = [];
 * await main(["derivative", "x^2", "--at", "3", "--json"], { out: (t) => out.push(t), err: () => {}, cwd: "." });
 * // 0; out[0] is {"value":6,...}
 * ```
 */
export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    if (argv.length === 0) {
      await (await import("./demo.js")).runDemo(io);
      return EXIT_OK;
    }
    const [name, ...given] = argv;
    if (name === "--version" || name === "-V" || name === "version") {
      io.out(`numdiff ${packageVersion()}`);
      return EXIT_OK;
    }
    const wantsHelp = given.includes("--help") || given.includes("-h");
    const rest = wantsHelp || name === "help" ? given : withStdinFormula(given, io.stdin);
    if (!wantsHelp) prescreen(name, rest);
    const commands = await loadCommands();
    const names = commands.map((c) => c.name);
    const unknown = (word: string): number => {
      const shown = JSON.stringify(word.length > 40 ? word.slice(0, 40) + "…" : word);
      const hint = didYouMean(word, names);
      io.err(
        oneLine(
          `numdiff: unknown command ${shown}${hint === "" ? `; expected one of ${names.join(", ")}` : hint} (see numdiff --help)`,
        ),
      );
      return EXIT_USAGE;
    };
    if (name === "--help" || name === "-h" || name === "help") {
      const topic = name === "help" ? rest.find((a) => !a.startsWith("-")) : undefined;
      if (topic === undefined) {
        io.out(help(commands));
        return EXIT_OK;
      }
      const about = commands.find((c) => c.name === topic);
      if (about === undefined) return unknown(topic);
      io.out(about.usage);
      return EXIT_OK;
    }
    const command = commands.find((c) => c.name === name);
    if (command === undefined) return unknown(name);
    if (wantsHelp) {
      io.out(command.usage);
      return EXIT_OK;
    }
    await command.run(rest, io);
    return EXIT_OK;
  } catch (e) {
    if (e instanceof NumdiffError) {
      io.err(`numdiff: ${oneLine(e.message)}`);
      return EXIT_USAGE;
    }
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      io.err("numdiff: the input is nested too deeply");
      return EXIT_USAGE;
    }
    // The first line of the message only: a stack trace, or a message that carries one, stays private.
    const what =
      e instanceof Error ? `${e.name}: ${e.message.split("\n")[0]}` : "a non-error value was thrown";
    io.err(`numdiff: internal error (${oneLine(what)})`);
    return EXIT_INTERNAL;
  }
}

function isEntry(): boolean {
  try {
    const script = process.argv[1];
    return script !== undefined && realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/**
 * Runs `numdiff` as the process: standard output and error, the exit status in `process.exitCode`,
 * and a closed pipe (`numdiff … | head`) taken as success. The `numdiff` launcher of the zero-dependency
 * package calls this when `@numdiff/cli` is installed beside it.
 *
 * @example
 * ```ts
 * await runAsProcess(["derivative", "x^2", "--at", "3"]); // prints the result; process.exitCode is 0
 * ```
 */
export async function runAsProcess(argv: string[]): Promise<void> {
  const io: CliIO = {
    out: (text) => void process.stdout.write(text + "\n"),
    err: (text) => void process.stderr.write(text + "\n"),
    cwd: process.cwd(),
  };
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    // A reader that went away (numdiff … | head) is not a failure; anything else (a full disk) is.
    if (e.code === "EPIPE") process.exit(EXIT_OK);
    process.stderr.write(`numdiff: cannot write the output: ${describeWriteError(e)}\n`);
    process.exit(EXIT_USAGE);
  });
  await main(argv, io).then(
    (code) => (process.exitCode = code),
    () => (process.exitCode = EXIT_INTERNAL),
  );
}

if (isEntry()) void runAsProcess(process.argv.slice(2));
