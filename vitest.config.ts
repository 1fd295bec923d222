import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // TensorFlow.js's ESM build imports directories, which Node's loader refuses; Vite resolves them.
    server: { deps: { inline: [/@tensorflow\//] } },
  },
});
