/**
 * Runs one benchmark module in its own process, so its timing and peak memory are its own:
 *
 * ```sh
 * node --import tsx bench/child.ts bench/jacobian-scale.ts [--quick]
 * ```
 *
 * Imports the module, calls its `run({ quick })`, and prints one JSON line:
 * `{ "result": <what run returned>, "maxRssMiB": <peak resident set size of this process> }`.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

interface BenchModule {
  run: (options: { quick?: boolean }) => unknown;
}

async function main(argv: readonly string[]): Promise<void> {
  const path = argv[0];
  if (path === undefined) throw new Error("usage: child.ts <module> [--quick]");
  const mod = (await import(pathToFileURL(resolve(path)).href)) as Partial<BenchModule>;
  if (typeof mod.run !== "function") throw new Error(`${path} exports no run(options)`);
  const result = await mod.run({ quick: argv.includes("--quick") });
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`\n${JSON.stringify({ result, maxRssMiB })}\n`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
