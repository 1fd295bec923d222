import { describe, expect, it } from "vitest";
import { launchChromium, serveStatic } from "./harness.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

describe("browser-test harness", () => {
  it("a missing Chromium fails the browser tests with the command that installs it (never a skip)", async () => {
    await expect(launchChromium("/nonexistent/chromium")).rejects.toThrow(
      "/nonexistent/chromium not found: the browser tests need Debian's Chromium. Install it with `apt-get update && apt-get install -y chromium`",
    );
  });

  it("the static server (vite preview) serves files of its folder on 127.0.0.1 and nothing outside it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "numdiff-serve-"));
    writeFileSync(join(dir, "index.html"), "<p>hi</p>");
    const server = await serveStatic(dir);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const index = await fetch(server.url);
      expect(index.status).toBe(200);
      expect(index.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await index.text()).toBe("<p>hi</p>");
      expect((await fetch(server.url + "missing.js")).status).toBe(404);
      expect((await fetch(server.url + "..%2f..%2f..%2fetc%2fpasswd")).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
