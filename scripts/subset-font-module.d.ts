/**
 * The part of `subset-font` (2.x, which ships no types; @types/subset-font lags behind at 2.3 without
 * `noHinting`) that scripts/subset-font.ts uses. See the package's README.
 */
declare module "subset-font" {
  interface SubsetFontOptions {
    /** The output format; default the input's. */
    targetFormat?: "sfnt" | "woff" | "woff2" | "truetype";
    /** Name-table records to keep besides HarfBuzz's defaults. */
    preserveNameIds?: number[];
    /** Drop the hinting instructions. */
    noHinting?: boolean;
  }
  /** The font cut down to the glyphs of the characters in `text`. */
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: SubsetFontOptions,
  ): Promise<Buffer>;
}
