/**
 * Builds dist/ once before any test file runs (`tsc -p tsconfig.build.json` and the figures' font
 * copied to dist/plot/fonts: the project's `npm run build`), for
 * the tests that use the built package: the real binary (test/cli/binary.test.ts) and the consumer
 * smoke test (test/package/consumer.test.ts). Building once here means no two test files write dist/
 * at the same time.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export default function setup(): void {
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  // tsc emits even when a file outside the package's import graph has a type error (the type check in
  // `npm test` reports those), so the build is judged by its output.
  if (!existsSync(join(ROOT, "dist/cli/main.js")) || !existsSync(join(ROOT, "dist/core/index.js"))) {
    throw new Error(`the build did not produce dist/ (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  cpSync(join(ROOT, "src/plot/fonts"), join(ROOT, "dist/plot/fonts"), { recursive: true });
}
