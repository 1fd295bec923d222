import { Blob, Face } from "harfbuzzjs";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tangentFigure } from "../../src/plot/index.js";
import { FONT_FILE, renderSvg, svgToPng } from "../../src/plot/png.js";

const PLOT = fileURLToPath(new URL("../../src/plot/", import.meta.url));
const CLI = fileURLToPath(new URL("../../src/cli/", import.meta.url));
/** The bound on the vendored font (issue 11). */
const FONT_MAX_BYTES = 150 * 1024;

const seed = (x: number): number => 0.01 * x ** 2 + 0.1 * x;

/** Count of pixels darker than 100 in every channel (text is #222222) in a rectangle. */
function darkPixels(
  img: { pixels: Buffer; width: number },
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): number {
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 4;
      if (img.pixels[i] < 100 && img.pixels[i + 1] < 100 && img.pixels[i + 2] < 100) n++;
    }
  }
  return n;
}

describe("PNG rendering", () => {
  it("uses the vendored DejaVu Sans subset beside png.ts: at most 150 KB, with DejaVu's licence", () => {
    expect(FONT_FILE).toBe(join(PLOT, "fonts", "DejaVuSans-subset.ttf"));
    expect(statSync(FONT_FILE).size).toBeLessThanOrEqual(FONT_MAX_BYTES);
    const licence = readFileSync(join(dirname(FONT_FILE), "LICENSE"), "utf8");
    expect(licence).toContain("Bitstream Vera Fonts Copyright");
    expect(licence).toContain("Arev Fonts Copyright");
  });

  it("the font has a glyph for every character written in src/plot and src/cli, and for ASCII, Latin-1 and Greek", () => {
    const face = new Face(new Blob(readFileSync(FONT_FILE)));
    const has = new Set(face.collectUnicodes());
    const written = new Set<number>();
    for (const dir of [PLOT, CLI]) {
      for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) =>
        f.endsWith(".ts"),
      )) {
        for (const c of readFileSync(join(dir, file), "utf8")) {
          const code = c.codePointAt(0) as number;
          // the command's CJK is the book's title, printed to the terminal only (src/cli/demo.ts)
          if (code >= 0x20 && !(code >= 0x3000 && code <= 0x9fff)) written.add(code);
        }
      }
    }
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const wanted = [
      ...written,
      ...range(0x20, 0x7e),
      ...range(0xa0, 0xff),
      ...range(0x391, 0x3a1),
      ...range(0x3a3, 0x3c9),
    ];
    expect(wanted.filter((c) => !has.has(c)).map((c) => String.fromCodePoint(c))).toEqual([]);
    // and it is a subset: no CJK, no Cyrillic
    expect(has.has(0x6570)).toBe(false);
    expect(has.has(0x0416)).toBe(false);
  });

  it("the title is drawn: text-coloured pixels where the title is, none in the empty band above it", () => {
    const img = renderSvg(tangentFigure({ f: seed, x0: 5, domain: [0, 20] }));
    expect([img.width, img.height]).toEqual([800, 600]);
    // the title "f(x) and its tangent at x = 5" is centred at x ≈ 428, baseline y = 28, 20 px high.
    const inTitle = darkPixels(img, 300, 10, 560, 34);
    expect(inTitle).toBeGreaterThan(300);
    expect(darkPixels(img, 300, 0, 560, 8)).toBe(0);
  });

  it("an SVG whose only text is a title still shows it with no system fonts (font loaded from the file)", () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"><rect width="300" height="60" fill="#fff"/>' +
      '<text x="10" y="40" font-size="30" font-family="DejaVu Sans" fill="#222">Title</text></svg>';
    const img = renderSvg(svg);
    expect(darkPixels(img, 0, 0, 300, 60)).toBeGreaterThan(100);
  });

  it("svgToPng returns a PNG file, scaled to the width asked for", () => {
    const png = svgToPng(tangentFigure({ f: seed, x0: 5, domain: [0, 20] }), { width: 400 });
    expect(Array.from(png.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.readUInt32BE(16)).toBe(400); // IHDR width
    expect(png.readUInt32BE(20)).toBe(300); // IHDR height
  });

  it("a width outside 200…10000 throws INVALID_OPTION", () => {
    expect(() => svgToPng("<svg/>", { width: 5 })).toThrow(
      "invalid width; expected an integer from 200 to 10000, got 5",
    );
  });
});
