import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

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
/**
 * Makes the built page a classic deferred script and plain stylesheet (no `type="module"`, no
 * `crossorigin`): browsers refuse module scripts and CORS-mode requests on file:// pages, and the
 * page must also open straight from its folder. The bundle is one IIFE, so nothing is lost.
 */
const classicScript: Plugin = {
  name: "numdiff-classic-script",
  apply: "build",
  enforce: "post",
  transformIndexHtml(html) {
    return html
      .replace(/<script type="module" crossorigin /g, "<script defer ")
      .replace(/ crossorigin(?=[ >])/g, "");
  },
};

export default defineConfig({
  plugins: [classicScript],
  root: webRoot,
  // The layers import each other by package name; tsconfig.json's `paths` map those names to src/.
  resolve: { tsconfigPaths: true },
  base: "./",
  publicDir: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // mathjs alone is ~600 kB minified; the page is one bundle on purpose (no runtime loading).
    chunkSizeWarningLimit: 2000,
    // A module-preload polyfill would be an inline script; the built page must run under script-src 'self'.
    modulePreload: { polyfill: false },
    rolldownOptions: { output: { format: "iife" } },
    // one stylesheet linked from the page (an IIFE bundle would otherwise inject a <style>, which the CSP forbids)
    cssCodeSplit: false,
  },
  server: {
    fs: { allow: [repoRoot] },
  },
});
