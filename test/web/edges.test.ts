/**
 * The explorer at the edges a learner reaches (issue 14), in headless Chromium at 1280 and 390 px:
 * every figure's text inside its SVG box, no two labels overlapping, a curve drawn at a removable
 * singularity, a bad formula in a link, the step-h control. Screenshots of every case go to
 * test/web/screenshots/ for a person to look at. Waits are on conditions, never on time.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, useSite } from "./harness.js";

const SCREENSHOTS = join(REPO_ROOT, "test", "web", "screenshots");
const WIDTHS = { laptop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

const built = useSite();

beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

async function open(
  search: string,
  viewport: { width: number; height: number },
): Promise<{ page: Page; errors: string[] }> {
  const page = await built.browser.newPage({
    viewport,
    isMobile: viewport.width < 500,
    hasTouch: viewport.width < 500,
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(built.server.url + search);
  await page.waitForFunction(
    () => document.querySelector('[data-testid="numbers"] table, [data-testid="partials"] table') !== null,
  );
  // the error chart is drawn once the point rests
  await page.waitForFunction(
    () =>
      document.querySelector("#view-1d")?.hasAttribute("hidden") === true ||
      document.querySelector('[data-testid="error-curve"] svg') !== null,
  );
  return { page, errors };
}

interface TextBox {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every <text> of every visible figure, as its box on screen, with the figure's own box. */
async function figureTexts(page: Page): Promise<{ figure: TextBox; texts: TextBox[] }[]> {
  return page.evaluate(() => {
    const out: { figure: TextBox; texts: TextBox[] }[] = [];
    for (const svg of Array.from(
      document.querySelectorAll<SVGSVGElement>(".plot > svg:not(.overlay), .chart > svg"),
    )) {
      const f = svg.getBoundingClientRect();
      if (f.width === 0) continue;
      const texts = Array.from(svg.querySelectorAll("text"))
        .filter((t) => (t.textContent ?? "").trim() !== "")
        .map((t) => {
          const r = t.getBoundingClientRect();
          return { text: t.textContent ?? "", x: r.x, y: r.y, width: r.width, height: r.height };
        });
      out.push({
        figure: {
          text: svg.querySelector("title")?.textContent ?? "",
          x: f.x,
          y: f.y,
          width: f.width,
          height: f.height,
        },
        texts,
      });
    }
    return out;
  });
}

function overlap(a: TextBox, b: TextBox): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? Math.min(w, h) : 0;
}

async function expectTidyFigures(page: Page, name: string): Promise<void> {
  for (const { figure, texts } of await figureTexts(page)) {
    for (const t of texts) {
      const inside =
        t.x >= figure.x - 0.5 &&
        t.y >= figure.y - 0.5 &&
        t.x + t.width <= figure.x + figure.width + 0.5 &&
        t.y + t.height <= figure.y + figure.height + 0.5;
      expect(inside, `${name}: "${t.text}" sticks out of "${figure.text}"`).toBe(true);
    }
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        // a glyph's box includes its line spacing: overlaps of 1.5 px or less are not visible
        expect(
          overlap(texts[i], texts[j]),
          `${name}: "${texts[i].text}" overlaps "${texts[j].text}" in "${figure.text}"`,
        ).toBeLessThanOrEqual(1.5);
      }
    }
  }
}

const CASES: [string, string][] = [
  ["seed", ""],
  ["x2-at-1", "?f=x%5E2&x=1"],
  ["relu-at-0", "?f=max(0%2C%20x)&x=0"],
  ["log-at-1e-9", "?f=log(x)&x=1e-9"],
  ["exp-at-30", "?f=exp(x)&x=30"],
  ["xx-at-half", "?f=x%5Ex&x=0.5&range=0%3A20"],
  ["sinc-at-0", "?f=sin(x)%2Fx&x=0"],
  ["bowl-2d", "?f=x0%5E2%20%2B%20x1%5E2&x0=-3&x1=4"],
  ["rosenbrock-2d", "?f=(1%20-%20x0)%5E2%20%2B%20100*(x1%20-%20x0%5E2)%5E2&x0=-1&x1=2&lr=0.001&steps=200"],
];

describe("the explorer's figures hold at every edge, at 1280 and 390 px", () => {
  for (const [size, viewport] of Object.entries(WIDTHS)) {
    it.each(CASES)(
      `%s at ${size} width: text inside the figures, no labels overlapping`,
      async (name, search) => {
        const { page, errors } = await open(search, viewport);
        await page.screenshot({
          path: join(SCREENSHOTS, `edge-${name}-${viewport.width}.png`),
          fullPage: true,
        });
        await expectTidyFigures(page, `${name} at ${viewport.width}`);
        // numbers never wrap between digits: each number cell is one line high
        const tall = await page.evaluate(() => {
          const wrapped: string[] = [];
          // numbers only: the analytic partials written as formulas wrap on purpose
          const cells = document.querySelectorAll<HTMLElement>(
            '.numbers td.num:not([data-testid^="exact-partial-formula"])',
          );
          for (const td of Array.from(cells)) {
            const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
              const range = document.createRange();
              range.selectNodeContents(node);
              const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
              if (tops.size > 1) wrapped.push(node.textContent ?? "");
            }
          }
          return wrapped;
        });
        expect(tall).toEqual([]);
        if (size === "phone") {
          // figure text at least about 10 px on screen: tick labels are 13 SVG units
          const smallest = await page.evaluate(() => {
            const svg = document.querySelector<SVGSVGElement>(".plot > svg:not(.overlay)");
            if (svg === null) return Infinity;
            return (13 * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width;
          });
          expect(smallest).toBeGreaterThanOrEqual(10);
        }
        expect(errors).toEqual([]);
        await page.close();
      },
    );
  }
});

describe("removable singularities, bad links and the step control", () => {
  it("at ?f=sin(x)/x&x=0 the curve is drawn, with a hole at (0, 1), and the derivative is 0", async () => {
    const { page } = await open("?f=sin(x)%2Fx&x=0", WIDTHS.laptop);
    const curve = await page
      .locator('[data-testid="plot"] > svg:not(.overlay) path[stroke="#0072B2"]')
      .getAttribute("d");
    expect((curve ?? "").split("L").length).toBeGreaterThan(100);
    expect(await page.locator('[data-testid="plot"] > svg:not(.overlay) title').textContent()).toBe(
      "f(x) and its tangent at x = 0",
    );
    expect(await page.locator('[data-testid="plot"] circle[fill="#ffffff"]').count()).toBe(1);
    expect(Math.abs(Number(await page.getByTestId("derivative-value").textContent()))).toBeLessThan(1e-12);
    await page.close();
  });

  it("a bad formula in a link keeps the x field, shows the error and draws the panels", async () => {
    const { page } = await open("?f=sin(&x=2", WIDTHS.laptop);
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="expression-error"]')!.hasAttribute("hidden"),
    );
    expect(await page.getByTestId("point-input").inputValue()).toBe("2");
    expect(await page.getByTestId("expression-input").inputValue()).toBe("sin(");
    expect(await page.locator('[data-testid="plot"] > svg:not(.overlay)').count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, "edge-bad-link-1280.png"), fullPage: true });
    await page.close();
  });

  it("the step slider moves the difference quotient, the secant and the error chart's marker together", async () => {
    const { page } = await open("?f=exp(x)&x=1", WIDTHS.laptop);
    const slider = page.getByTestId("step-h-slider");
    await slider.evaluate((el: HTMLInputElement) => {
      el.value = "-1";
      el.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="step-h-value"]')?.textContent === "0.1",
    );
    // the book's central difference of exp at 1 with h = 0.1
    const expected = (Math.exp(1.1) - Math.exp(0.9)) / 0.2;
    await page.waitForFunction(
      (v) => Number(document.querySelector('[data-testid="step-value"]')?.textContent) === v,
      expected,
    );
    expect(await page.locator('[data-testid="plot"] > svg:not(.overlay)').innerHTML()).toContain(
      "secant, h = 0.1",
    );
    await page.waitForFunction(
      () => document.querySelector('[data-testid="error-curve"] svg')?.innerHTML.includes("h = 0.1") === true,
    );
    expect(page.url()).toContain("h=0.1");
    await page.screenshot({ path: join(SCREENSHOTS, "edge-step-h-1280.png"), fullPage: true });
    await page.close();
  });

  it("a new formula starts from its own view: x² at 1 after the seed is centred, not in [0, 20]", async () => {
    const { page } = await open("?x=1", WIDTHS.laptop);
    await page.getByTestId("expression-input").click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("x^2");
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="plot"] > svg:not(.overlay)')
          ?.getAttribute("data-frame")
          ?.split(" ")[4] === "-10",
    );
    await page.close();
  });
});
