/**
 * The browser tests' harness: build the page, serve it on 127.0.0.1 with Vite's `preview()`,
 * and drive Debian's Chromium with playwright-core (never a downloaded browser).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { preview } from "vite";
import { afterAll, beforeAll } from "vitest";

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Debian's Chromium (package `chromium`); `.ci/run` installs it when missing. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Flags for a quiet headless Chromium in a container: no sandbox (we run as root), no GPU, and no
 * background traffic (updates, sync, QUIC), so the only requests are the page's own.
 */
export const CHROMIUM_ARGS: readonly string[] = Object.freeze([
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]);

/**
 * Builds the page with the project's own config (`vite build --config web/vite.config.ts`) into a
 * fresh temporary folder, so test runs started at the same time in one working tree never serve each
 * other's half-written files; returns that folder.
 */
export function buildPage(): string {
  const outDir = mkdtempSync(join(tmpdir(), "numdiff-web-"));
  const vite = join(REPO_ROOT, "node_modules", "vite", "bin", "vite.js");
  const args = [
    vite,
    "build",
    "--config",
    "web/vite.config.ts",
    "--outDir",
    outDir,
    "--emptyOutDir",
    "--logLevel",
    "warn",
  ];
  const run = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: "utf8" });
  if (run.status !== 0) {
    throw new Error(`vite build failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  if (!existsSync(join(outDir, "index.html"))) throw new Error(`vite build wrote no ${outDir}/index.html`);
  return outDir;
}

/** A static server of one folder on 127.0.0.1 at a free port. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the built folder `root` with Vite's own static server (`preview()`), as `vite preview` does,
 * on 127.0.0.1 at a port the system picks. `appType: "mpa"` makes a missing file a 404 rather than the
 * single-page fallback to index.html; no config file is read, so the server is only this folder.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server = await preview({
    configFile: false,
    root,
    appType: "mpa",
    logLevel: "silent",
    build: { outDir: "." },
    preview: { host: "127.0.0.1", port: 0, strictPort: true, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error(`vite preview of ${root} gave no local URL`);
  return { url, close: () => server.close() };
}

/**
 * Launches Debian's Chromium headless. Fails, never skips, when it is missing: CI installs it.
 */
export async function launchChromium(executablePath = CHROMIUM_PATH): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `${executablePath} not found: the browser tests need Debian's Chromium. ` +
        "Install it with `apt-get update && apt-get install -y chromium` (.ci/run does this).",
    );
  }
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
}

/** The built page, its server and the browser, shared by the tests of one file. */
export interface Site {
  /** The folder the page was built into. */
  dir: string;
  server: StaticServer;
  browser: Browser;
}

/**
 * Builds the page, serves it and launches Chromium before the file's tests, and undoes all of it
 * after them (vitest's beforeAll and afterAll); the returned object is filled in by then.
 */
export function useSite(): Site {
  const site = {} as Site;
  beforeAll(async () => {
    site.dir = buildPage();
    site.server = await serveStatic(site.dir);
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
    if (site.dir) rmSync(site.dir, { recursive: true, force: true });
  });
  return site;
}
