/**
 * The explorer's data panel in headless Chromium: paste a CSV, drop a file, pick columns; the samples,
 * their derivative and (for noisy data) the smoothed derivative are drawn, under the page's CSP.
 */
import { rmSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPage, launchChromium, serveStatic, type StaticServer } from "./harness.js";

/**
 * How long the data page may take to show a result before the test gives up: a guard, not a
 * measurement (the checks poll and pass as soon as it shows; well under a second idle). 60 s, as the
 * explorer's (explorer.test.ts), for a 2-core machine at load average 10.
 */
const SETTLE_MS = 60_000;
let site: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = buildPage();
  server = await serveStatic(site);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

async function open(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(server.url);
  await page.getByTestId("data-input").waitFor();
  return { page, errors };
}

async function statusOf(page: Page, pattern: RegExp): Promise<string> {
  const status = page.getByTestId("data-status");
  const deadline = Date.now() + SETTLE_MS;
  let text = (await status.textContent()) ?? "";
  while (!pattern.test(text) && Date.now() < deadline) {
    await page.waitForTimeout(50);
    text = (await status.textContent()) ?? "";
  }
  expect(text).toMatch(pattern);
  return text;
}

describe("explorer: sampled data", () => {
  it("pasted smooth samples: the figure shows the samples and their derivative, no smoothing", async () => {
    const { page, errors } = await open();
    const rows = Array.from({ length: 50 }, (_, i) => `${i / 10},${((i / 10) ** 2).toFixed(6)}`);
    await page.getByTestId("data-input").fill("t,pos\n" + rows.join("\n"));
    await statusOf(page, /^50 samples; no smoothing/);
    const svg = page.locator('[data-testid="data-plot"] > svg');
    expect(await svg.textContent()).toContain("Samples and their first derivative");
    expect(await page.getByTestId("data-x").inputValue()).toBe("0");
    expect(await page.getByTestId("data-y").inputValue()).toBe("1");
    await page.getByTestId("data-order").selectOption("2");
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="data-plot"]')?.textContent?.includes("second derivative"),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the noisy example is smoothed: Savitzky–Golay with the window chosen by GCV, drawn with the raw derivative", async () => {
    const { page, errors } = await open();
    await page.getByTestId("data-example").click();
    const status = await statusOf(
      page,
      /Savitzky–Golay window \d+, degree 3 \(chosen by generalised cross-validation\)/,
    );
    expect(status).toMatch(/^400 samples, noise ≈ 0\.01/);
    expect(await page.locator('[data-testid="data-plot"]').textContent()).toContain("Savitzky–Golay, window");
    await page.getByTestId("data-smooth").selectOption("total-variation");
    await statusOf(page, /total variation, α = /);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a dropped file is read; a duplicate x is refused with the row, and nothing is drawn", async () => {
    const { page, errors } = await open();
    await page.getByTestId("data-input").evaluate((box) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(["x,v\n0,1\n1,2\n1,3\n2,5\n"], "bad.csv", { type: "text/csv" }));
      box.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    await statusOf(page, /^row 4: duplicate x = 1; x must be strictly increasing$/);
    expect(await page.locator('[data-testid="data-plot"] > svg').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
