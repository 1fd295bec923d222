import { defineConfig } from "vitest/config";

/**
 * The longest single test measured on the 2-core CI machine while it was heavily loaded (two CPU-bound
 * processes beside the run and other jobs, load average 27): 33 s, the math.js-versus-numerical
 * property in test/expr/fuzz.test.ts (about 3 s idle). A test timeout is a hang guard, never a speed
 * check: it is set at about 5 times that.
 */
const LONGEST_TEST_MEASURED_MS = 33_000;

export default defineConfig({
  // The layers import each other by package name ("numdiff", "@numdiff/expr", …); tsconfig.json's
  // `paths` map those names to src/, so tests run the sources, never a built dist/.
  resolve: { tsconfigPaths: true },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Every property runs from a fixed seed (test/property-seed.ts); `npm run test:explore` draws new ones.
    setupFiles: ["test/property-seed.ts"],
    testTimeout: 5 * LONGEST_TEST_MEASURED_MS,
    hookTimeout: 5 * LONGEST_TEST_MEASURED_MS,
    // TensorFlow.js's ESM build imports directories, which Node's loader refuses; Vite resolves them.
    server: { deps: { inline: [/@tensorflow\//] } },
  },
});
