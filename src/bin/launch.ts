/**
 * The `numdiff` command of the zero-dependency `numdiff` package. The command itself (formulas,
 * figures: math.js, d3, a PNG renderer) is the `@numdiff/cli` package; this launcher runs it when it is
 * installed beside `numdiff`, and otherwise fetches it once through `npm exec` at the same version, so
 * `npx numdiff …` works out of the box while `npm i numdiff` stays free of dependencies. `--version`
 * is answered here, without either.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * The package that holds the command.
 *
 * @example
 * ```ts
 * await import(CLI_PACKAGE); // the command's module, when it is installed
 * ```
 */
export const CLI_PACKAGE = "@numdiff/cli";
/**
 * The command's binary in {@link CLI_PACKAGE} (the name `numdiff` belongs to this launcher).
 *
 * @example
 * ```ts
 * CLI_BIN; // "numdiff-cli": npm exec --package @numdiff/cli@0.1.0 -- numdiff-cli --help
 * ```
 */
export const CLI_BIN = "numdiff-cli";
/**
 * Exit status when npm cannot be run to fetch the command (as the command's own internal fault).
 *
 * @example
 * ```ts
 * EXIT_NO_NPM; // 1
 * ```
 */
export const EXIT_NO_NPM = 1;

/**
 * The version of the `numdiff` package, e.g. "0.1.0" (found by its name, so it reads the same file
 * from the built package and from the workspace's sources).
 *
 * @example
 * ```ts
 * launcherVersion(); // "0.1.0"
 * ```
 */
export function launcherVersion(): string {
  const file = createRequire(import.meta.url).resolve("numdiff/package.json");
  const version = (JSON.parse(readFileSync(file, "utf8")) as { version?: unknown }).version;
  return typeof version === "string" ? version : "unknown";
}

/**
 * Whether the arguments ask only for the version (`--version`, `-V` or `version`), as the command does.
 *
 * @example
 * ```ts
 * asksVersion(["--version"]); // true
 * asksVersion(["derivative", "x^2", "--at", "1"]); // false
 * ```
 */
export function asksVersion(argv: readonly string[]): boolean {
  return argv.length >= 1 && ["--version", "-V", "version"].includes(argv[0]);
}

/**
 * The process that runs the command through npm when it is not installed: `npm exec --yes --package
 * @numdiff/cli@<version> -- numdiff-cli <argv>`. `npmCli` is npm's own script when npm started this
 * process (`npm_execpath`, set by npx and npm scripts), run with this Node; otherwise `npm` from PATH.
 *
 * @example
 * ```ts
 * fallbackCommand("0.1.0", ["--help"], undefined);
 * // { command: "npm", args: ["exec", "--yes", "--package", "@numdiff/cli@0.1.0", "--", "numdiff-cli", "--help"] }
 * ```
 */
export function fallbackCommand(
  version: string,
  argv: readonly string[],
  npmCli: string | undefined,
): { command: string; args: string[] } {
  const args = ["exec", "--yes", "--package", `${CLI_PACKAGE}@${version}`, "--", CLI_BIN, ...argv];
  if (npmCli !== undefined && /\.[cm]?js$/.test(npmCli)) {
    return { command: process.execPath, args: [npmCli, ...args] };
  }
  return { command: "npm", args };
}

/**
 * Whether `error` (from `import("@numdiff/cli")`) says that the package itself is not installed, as
 * opposed to a fault inside an installed one, which is not hidden.
 *
 * @example
 * ```ts
 * isMissing(Object.assign(new Error("Cannot find package '@numdiff/cli' imported from …"), { code: "ERR_MODULE_NOT_FOUND" })); // true
 * ```
 */
export function isMissing(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return (
    e !== null &&
    typeof e === "object" &&
    e.code === "ERR_MODULE_NOT_FOUND" &&
    String(e.message).includes(`'${CLI_PACKAGE}'`)
  );
}

/** What the command package exports for this launcher (src/cli/main.ts). */
interface CliModule {
  runAsProcess(argv: string[]): Promise<void>;
}

/**
 * Runs `numdiff <argv>` as this process: the version here, the command from `@numdiff/cli` when it
 * resolves, or else through `npm exec` (said on stderr). `load` imports the command package.
 *
 * @example
 * ```ts
 * await launch(["--version"], () => import("@numdiff/cli")); // prints "numdiff 0.1.0"
 * ```
 */
export async function launch(argv: string[], load: () => Promise<unknown>): Promise<void> {
  if (asksVersion(argv)) {
    process.stdout.write(`numdiff ${launcherVersion()}\n`);
    return;
  }
  let cli: CliModule;
  try {
    cli = (await load()) as CliModule;
  } catch (e) {
    if (!isMissing(e)) throw e;
    const version = launcherVersion();
    process.stderr.write(
      `numdiff: ${CLI_PACKAGE} is not installed; running ${CLI_PACKAGE}@${version} through npm exec (npm i ${CLI_PACKAGE} installs it)\n`,
    );
    const { command, args } = fallbackCommand(version, argv, process.env.npm_execpath);
    const run = spawnSync(command, args, { stdio: "inherit", shell: process.platform === "win32" });
    if (run.error !== undefined) {
      process.stderr.write(`numdiff: cannot run npm (${run.error.message}); npm i ${CLI_PACKAGE}\n`);
    }
    process.exitCode = run.status ?? EXIT_NO_NPM;
    return;
  }
  await cli.runAsProcess(argv);
}
