import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const webRoot = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/**
 * The explorer's build: `web/` is the root, the page imports the project's own `src/`, and the static
 * site goes to `web/dist/` with relative asset paths (`base: "./"`), so it opens from any folder or
 * static host.
 *
 * @example
 * ```sh
 * npm run build:web   # writes web/dist/index.html and web/dist/assets/*
 * npm run web         # development server
 * ```
 */
export default defineConfig({
  root: webRoot,
  base: "./",
  publicDir: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // mathjs alone is ~600 kB minified; the page is one bundle on purpose (no runtime loading).
    chunkSizeWarningLimit: 2000,
    // A module-preload polyfill would be an inline script; the built page must run under script-src 'self'.
    modulePreload: { polyfill: false },
  },
  server: {
    fs: { allow: [repoRoot] },
  },
});
