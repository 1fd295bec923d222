/**
 * Builds the packages once before any test file runs (`npm run build`: `tsc -b tsconfig.build.json`
 * into packages/<name>/dist, then scripts/package-assets.ts), for the tests that use the built
 * packages: the real binary (test/cli/binary.test.ts) and the consumer smoke test
 * (test/package/consumer.test.ts). Building once here means no two test files write dist/ at the same
 * time.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Files the build must have produced (one per package that the tests run). */
const BUILT = [
  "packages/numdiff/dist/core/index.js",
  "packages/numdiff/dist/bin/numdiff.js",
  "packages/cli/dist/main.js",
];

export default function setup(): void {
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  const tsx = join(ROOT, "node_modules/tsx/dist/cli.mjs");
  const build = spawnSync(process.execPath, [tsc, "-b", "tsconfig.build.json"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const assets = spawnSync(process.execPath, [tsx, "scripts/package-assets.ts"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  // A type error fails the type check in `npm test`; here the build is judged by its output.
  if (!BUILT.every((file) => existsSync(join(ROOT, file))) || assets.status !== 0) {
    throw new Error(
      `the build did not produce the packages (tsc exit ${build.status}, assets exit ${assets.status}):\n` +
        `${build.stdout}\n${build.stderr}\n${assets.stderr}`,
    );
  }
}
