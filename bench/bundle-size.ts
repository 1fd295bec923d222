/**
 * What the formula layer and the figures weigh (issue 11, item 4): the gzipped size of the formula
 * layer in a minified browser bundle, whether an app that imports math.js too gets one copy of it,
 * and the size of the figures' vendored font. Bundles are built with Vite's JS API (library mode,
 * ES module, minified, nothing written) and gzipped with node:zlib at its default level.
 *
 * ```sh
 * npx tsx bench/bundle-size.ts                 # writes bench/bundle-size-results.json, prints markdown
 * npx tsx bench/bundle-size.ts --expr DIR      # the same for another copy of src/expr (e.g. an old one)
 * ```
 *
 * Entries (each built alone):
 * - `expr`: everything the formula layer exports (`export *`), the most an app can take from it;
 * - `mathjs`: an app that uses math.js's `evaluate` and nothing of numdiff;
 * - `app`: that app importing the formula layer too. One copy of math.js means `app` − `mathjs` is
 *   the formula layer's own code, the parser's error text appears once, and no module comes from
 *   math.js's prebuilt bundles (lib/browser, lib/cjs).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Rollup } from "vite";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const RESULTS = join(ROOT, "bench", "bundle-size-results.json");
const FONTS = join(ROOT, "src", "plot", "fonts");
/** Where the entries are written: inside the repository, so that `mathjs` resolves from node_modules. */
const WORK = join(ROOT, "out", "bundle-size");

/** The targets of issue 11: the formula layer at most 100 KB gzipped, the font at most 150 KB. */
export const EXPR_TARGET_GZIP_BYTES = 100 * 1024;
export const FONT_TARGET_BYTES = 150 * 1024;

/** A sentence of math.js's parser (lib/esm/expression/parse.js) that appears once per copy. */
const PARSER_MARKER = "Unexpected end of expression";

/** One built bundle. */
export interface BundleFigures {
  /** Minified bytes. */
  bytes: number;
  /** Gzipped bytes (zlib's default level). */
  gzipBytes: number;
  /** Modules in the bundle, and how many of them are math.js's. */
  modules: number;
  mathjsModules: number;
  /** Modules taken from math.js's prebuilt single-file or CommonJS builds (a second copy). */
  prebuiltMathjsModules: string[];
  /** How many times the parser's error text appears: the copies of math.js's parser. */
  parserCopies: number;
}

async function bundle(name: string, source: string): Promise<BundleFigures> {
  const entry = join(WORK, `${name}.js`);
  writeFileSync(entry, source);
  const out = await build({
    configFile: false,
    logLevel: "silent",
    root: ROOT,
    cacheDir: join(WORK, ".vite"),
    build: { write: false, minify: true, lib: { entry, formats: ["es"], fileName: name } },
  });
  const results = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  const chunks = results.flatMap((r) => r.output).filter((o): o is Rollup.OutputChunk => o.type === "chunk");
  const code = chunks.map((c) => c.code).join("\n");
  const ids = chunks.flatMap((c) => Object.keys(c.modules));
  const mathjs = ids.filter((id) => id.includes("/node_modules/mathjs/"));
  return {
    bytes: Buffer.byteLength(code),
    gzipBytes: gzipSync(code).length,
    modules: ids.length,
    mathjsModules: mathjs.length,
    prebuiltMathjsModules: mathjs.filter((id) => /\/mathjs\/lib\/(browser|cjs)\//.test(id)),
    parserCopies: code.split(PARSER_MARKER).length - 1,
  };
}

/** Bytes of each font file shipped with the figures. */
function fonts(): Record<string, number> {
  let names: string[] = [];
  try {
    names = readdirSync(FONTS).filter((f) => /\.(ttf|otf|woff2?)$/.test(f));
  } catch {
    // no vendored fonts in this tree
  }
  return Object.fromEntries(names.map((f) => [f, statSync(join(FONTS, f)).size]));
}

/** The figures of one run. */
export interface BundleSizeResults {
  date: string;
  /** HEAD when the run was made (the working tree may hold changes on top of it). */
  commit: string;
  exprDir: string;
  vite: string;
  mathjs: string;
  expr: BundleFigures;
  mathjsApp: BundleFigures;
  app: BundleFigures;
  /** `app` − `mathjs`, gzipped: what the formula layer adds to an app that has math.js already. */
  appIncrementGzipBytes: number;
  /** True when `app` holds one copy of math.js: one parser and no module from a prebuilt build. */
  mathjsOnce: boolean;
  fonts: Record<string, number>;
}

/** Builds the three entries for the formula layer in `exprDir`. */
export async function bundleSizes(exprDir = join(ROOT, "src", "expr")): Promise<BundleSizeResults> {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const index = JSON.stringify(join(exprDir, "index.ts"));
  const expr = await bundle("expr", `export * from ${index};\n`);
  const app = `import { evaluate } from "mathjs";\nexport const run = (s) => evaluate(s);\n`;
  const mathjsApp = await bundle("mathjs", app);
  const both = await bundle("app", `${app}export * from ${index};\n`);
  const { createRequire } = await import("node:module");
  const version = (p: string) =>
    (createRequire(join(ROOT, "package.json"))(p) as { version: string }).version;
  return {
    date: new Date().toISOString(),
    commit: spawnSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim(),
    exprDir: relative(ROOT, exprDir),
    vite: version("vite/package.json"),
    mathjs: version("mathjs/package.json"),
    expr,
    mathjsApp,
    app: both,
    appIncrementGzipBytes: both.gzipBytes - mathjsApp.gzipBytes,
    mathjsOnce: both.parserCopies === 1 && both.prebuiltMathjsModules.length === 0,
    fonts: fonts(),
  };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** The results as a markdown table. */
export function bundleSizeTable(r: BundleSizeResults): string {
  const row = (what: string, b: BundleFigures) =>
    `| ${what} | ${kb(b.bytes)} | ${kb(b.gzipBytes)} | ${b.modules} (${b.mathjsModules} math.js) | ${b.parserCopies} |`;
  return [
    "| entry | minified | gzipped | modules | math.js parsers |",
    "| --- | ---: | ---: | ---: | ---: |",
    row("formula layer (`export *` of src/expr)", r.expr),
    row("an app using math.js's `evaluate`", r.mathjsApp),
    row("that app with the formula layer too", r.app),
    "",
    `The formula layer adds ${kb(r.appIncrementGzipBytes)} gzipped to an app that has math.js; ` +
      `math.js ${r.mathjsOnce ? "appears once" : "appears TWICE"} (target: the layer at most ` +
      `${kb(EXPR_TARGET_GZIP_BYTES)}). Vite ${r.vite}, math.js ${r.mathjs}.`,
    ...Object.entries(r.fonts).map(
      ([f, bytes]) =>
        `Vendored font src/plot/fonts/${f}: ${kb(bytes)} (target at most ${kb(FONT_TARGET_BYTES)}).`,
    ),
  ].join("\n");
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--expr");
  const dir = at > 0 ? resolve(process.argv[at + 1]) : undefined;
  const results = await bundleSizes(dir);
  if (dir === undefined) writeFileSync(RESULTS, JSON.stringify(results, null, 1) + "\n");
  console.log(bundleSizeTable(results));
}
