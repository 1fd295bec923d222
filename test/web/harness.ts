/**
 * The browser tests' harness: build the page, serve web/dist on 127.0.0.1 from a tiny static server,
 * and drive Debian's Chromium with playwright-core (never a downloaded browser).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
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

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".map": "application/json",
};

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

/** A static server of one folder on 127.0.0.1 at a random free port. */
export interface StaticServer {
  url: string;
  /** Paths requested, in order (to check the page asks for nothing outside its folder). */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `root` (GET only, no directory listings, nothing outside `root`). */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    requests.push(path);
    const file = normalize(join(base, path.endsWith("/") ? path + "index.html" : path));
    if (!file.startsWith(base) || req.method !== "GET") {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream" });
        res.end(body);
      },
      () => res.writeHead(404).end("not found"),
    );
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
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
