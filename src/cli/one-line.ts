/**
 * The one line the command writes on stderr for an error: nothing in it can move the cursor, change
 * the terminal's state, or break the line.
 */

/**
 * Longest one-line message, in characters; longer ones are cut and end in "...".
 *
 * @default 300
 * @example
 * ```ts
 * MAX_MESSAGE_LENGTH; // 300
 * ```
 */
export const MAX_MESSAGE_LENGTH = 300;

/**
 * Characters that are not printable text: Unicode's "other" category (C0 and C1 controls, DEL, NEL,
 * format characters such as bidirectional overrides and zero-width spaces, surrogates, private use,
 * unassigned) and the line and paragraph separators U+2028 and U+2029.
 */
const UNPRINTABLE = /[\p{C}\p{Zl}\p{Zp}]/gu;

/**
 * Every character outside printable text written as `\u{…}` (its code point in hex), so a formula or
 * title with control characters shows them instead of acting on the terminal.
 *
 * @example
 * ```ts
 * escapeUnprintable("a\u0001b\u2028c"); // "a\\u{1}b\\u{2028}c"
 * ```
 */
export function escapeUnprintable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`);
}

/**
 * A message as one line: line breaks (with the spaces around them) become one space, every other
 * unprintable character is escaped ({@link escapeUnprintable}), and the result is cut at
 * {@link MAX_MESSAGE_LENGTH}.
 *
 * @example
 * ```ts
 * oneLine("bad\n  input\u0085here"); // "bad input\\u{85}here"
 * ```
 */
export function oneLine(text: string): string {
  const line = escapeUnprintable(text.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, " ").trim());
  return line.length > MAX_MESSAGE_LENGTH ? line.slice(0, MAX_MESSAGE_LENGTH - 3) + "..." : line;
}
