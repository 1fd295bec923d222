/**
 * Writes the figures' vendored font, src/plot/fonts/DejaVuSans-subset.ttf, and its licence,
 * src/plot/fonts/LICENSE: DejaVu Sans cut down to the characters a figure can draw, with the
 * npm package `subset-font` (HarfBuzz's hb-subset). Re-runnable; the input is the `dejavu-fonts-ttf`
 * package, a dev dependency only (users of numdiff's figures get the subset, not the 12 MB package):
 *
 *   npx tsx scripts/subset-font.ts
 *
 * Kept: the characters of {@link RANGES} that DejaVu Sans has, with the glyphs its layout features
 * reach (ligatures, kerning), and the name table's copyright, family, licence and URL records. Dropped:
 * the hinting instructions (resvg rasterises outlines without them, so the PNGs are unchanged).
 * The family stays "DejaVu Sans", as the figures ask for it; the Bitstream Vera licence allows
 * modified copies under any name without "Bitstream" or "Vera" (and the Arev part, without
 * "Tavmjong Bah" or "Arev").
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import subsetFont from "subset-font";

const FONTS = fileURLToPath(new URL("../src/plot/fonts/", import.meta.url));
/** The file written, named so that nobody mistakes it for the whole font. */
const OUT = join(FONTS, "DejaVuSans-subset.ttf");

/**
 * The code-point ranges kept, inclusive: what the figures write (titles, tick labels with − and
 * superscript exponents, notes with ε ∝ ← →, legends with ′ · ×) and what a caller's own title or
 * label may reasonably hold (Latin-1 names, Greek letters, the mathematical operators).
 */
const RANGES: readonly (readonly [number, number, string])[] = [
  [0x0020, 0x007e, "ASCII"],
  [0x00a0, 0x00ff, "Latin-1 supplement"],
  [0x0370, 0x03ff, "Greek"],
  [0x2010, 0x205e, "general punctuation: dashes, quotes, …, ‰, primes"],
  [0x2070, 0x209f, "superscripts and subscripts"],
  [0x2100, 0x214f, "letterlike symbols: ℓ ℝ №"],
  [0x2190, 0x21ff, "arrows"],
  [0x2200, 0x22ff, "mathematical operators"],
  [0x2308, 0x230b, "ceiling and floor"],
  [0x25a0, 0x25cf, "squares, triangles and circles"],
  [0xfffd, 0xfffd, "replacement character"],
];

/** Name records kept: copyright, family, subfamily, unique id, full name, version, PostScript name,
 * licence description and licence URL. */
const NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14];

function packageFile(path: string): string {
  return createRequire(import.meta.url).resolve(path);
}

const input = packageFile("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const licence = join(dirname(input), "..", "LICENSE");
const version = (
  JSON.parse(readFileSync(packageFile("dejavu-fonts-ttf/package.json"), "utf8")) as { version: string }
).version;
const text = RANGES.map(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join(""),
).join("");

const font = readFileSync(input);
const subset = await subsetFont(font, text, {
  targetFormat: "truetype",
  preserveNameIds: NAME_IDS,
  noHinting: true,
});
mkdirSync(FONTS, { recursive: true });
writeFileSync(OUT, subset);
writeFileSync(
  join(FONTS, "LICENSE"),
  `DejaVuSans-subset.ttf is DejaVu Sans ${version} (https://dejavu-fonts.github.io/, the npm package\n` +
    "dejavu-fonts-ttf) cut down to fewer characters and without hinting by numdiff's\n" +
    "scripts/subset-font.ts. Its licence, unchanged:\n\n" +
    readFileSync(licence, "utf8"),
);
console.log(
  `wrote ${OUT}: ${subset.length} bytes (from ${font.length}), ${text.length} characters asked for`,
);
