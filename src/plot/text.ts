/**
 * Text in the figures: font sizes, and widths estimated without measuring (no DOM in Node).
 */

/**
 * Font sizes in px: readable at 800×600 and when the PNG is shown at half size in a README.
 *
 * @example
 * ```ts
 * FONT_SIZES.title; // 20
 * FONT_SIZES.tick; // 13
 * ```
 */
export const FONT_SIZES = Object.freeze({
  /** The figure's title. */
  title: 20,
  /** The line under the title. */
  subtitle: 14,
  /** Axis labels. */
  label: 16,
  /** Tick labels. */
  tick: 13,
  /** Notes inside the plot area. */
  note: 13,
});

/**
 * Average advance of a DejaVu Sans glyph as a fraction of the font size (its digits and Latin lower
 * case average about 0.6 em): text widths are estimated with it.
 *
 * @default 0.6
 * @example
 * ```ts
 * GLYPH_WIDTH_EM; // 0.6
 * ```
 */
export const GLYPH_WIDTH_EM = 0.6;

/**
 * The estimated width in px of a text at a font size ({@link GLYPH_WIDTH_EM} per character).
 *
 * @example
 * ```ts
 * textWidth("0.25", 13); // 31.2
 * ```
 */
export function textWidth(text: string, size: number): number {
  return [...text].length * size * GLYPH_WIDTH_EM;
}
