/**
 * The `numdiff` command as one ES-module file, out/cli-bundle/main.js, with the figures' font beside
 * it: a proposal for the command's build, not wired into it. Node resolves and evaluates math.js's
 * ES-module entry (hundreds of files) on every start, which the formula layer's factory build made
 * dearer than math.js's old single-file build; a bundled command loads one file and only the parser.
 *
 *   npx tsx scripts/bundle-cli.ts && node out/cli-bundle/main.js derivative "x^2" --at 3
 *
 * Measured (bench/RESULTS.md, "Bundle size and the figures' font"): 0.12 s of CPU per start, against
 * 0.77 s for dist/cli/main.js and 0.46 s before the factory build. The native PNG renderer and the
 * optional parallel adapters stay external.
 */
import { cpSync } from "node:fs";
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = `${ROOT}out/cli-bundle`;

await build({
  configFile: false,
  logLevel: "warn",
  root: ROOT,
  ssr: { noExternal: true },
  build: {
    ssr: "src/cli/main.ts",
    outDir: OUT,
    emptyOutDir: true,
    minify: false,
    target: "node20",
    rolldownOptions: {
      external: [/^node:/, ...builtinModules, "@resvg/resvg-js", "piscina", "bullmq", "ioredis"],
      output: { format: "es", codeSplitting: false },
    },
  },
});
// png.ts finds its font at new URL("./fonts/…", import.meta.url): beside the bundle.
cpSync(`${ROOT}src/plot/fonts`, `${OUT}/fonts`, { recursive: true });
console.log(`wrote ${OUT}/main.js and ${OUT}/fonts/`);
