/**
 * Building blocks of an SVG document as strings: elements with escaped, rounded attributes, and the
 * document itself. No DOM, so it runs in Node and in browsers alike.
 */
import { FONT_FAMILY, TEXT_COLOR } from "./constants.js";
import { round } from "./round.js";

/**
 * Attribute values: numbers are rounded with {@link round}; `undefined` and `""` drop the attribute.
 *
 * @example
 * ```ts
 * const a: Attributes = { x: 1.23456, fill: "#fff", stroke: undefined };
 * element("rect", a); // '<rect x="1.23" fill="#fff"/>'
 * ```
 */
export type Attributes = Record<string, string | number | undefined>;

/**
 * Escapes text for SVG content and attribute values; characters XML 1.0 forbids become U+FFFD.
 *
 * @example
 * ```ts
 * escapeXml('a < b & "c"'); // "a &lt; b &amp; &quot;c&quot;"
 * ```
 */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(NOT_XML, "\uFFFD");
}

/**
 * Characters XML 1.0 does not allow at all, not even as a character reference: C0 controls other
 * than tab, line feed and carriage return, U+FFFE, U+FFFF and unpaired surrogates. A title holding
 * one would make the SVG ill-formed (and the PNG renderer refuse it); they become U+FFFD.
 */
/* eslint-disable no-control-regex -- matching the control characters is the point */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

/**
 * One SVG element as a string, attributes in the order given, numbers rounded. `children` is
 * already-built markup (use {@link escapeXml} for text).
 *
 * @example
 * ```ts
 * element("circle", { cx: 1.23456, cy: 2, r: 3 }); // '<circle cx="1.23" cy="2" r="3"/>'
 * element("text", { x: 0, y: 10 }, escapeXml("a<b")); // '<text x="0" y="10">a&lt;b</text>'
 * ```
 */
export function element(name: string, attributes: Attributes, children?: string): string {
  let out = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === "") continue;
    out += ` ${key}="${typeof value === "number" ? round(value) : escapeXml(value)}"`;
  }
  return children === undefined ? `${out}/>` : `${out}>${children}</${name}>`;
}

/**
 * What {@link svgDocument} needs.
 *
 * @example
 * ```ts
 * const doc = svgDocument({
 *   width: 100,
 *   height: 50,
 *   title: "dot",
 *   description: "one dot",
 *   body: [element("circle", { cx: 50, cy: 25, r: 5 })],
 * });
 * doc.includes("<desc>one dot</desc>\n<rect width=\"100\" height=\"50\" fill=\"#ffffff\"/>\n<circle"); // true
 * ```
 */
export interface SvgDocumentOptions {
  /** Width in px. */
  width: number;
  /** Height in px. */
  height: number;
  /** Accessible title (the `<title>` element). */
  title: string;
  /** Accessible description (the `<desc>` element), optional. */
  description?: string;
  /** Markup of the content, in drawing order. */
  body: readonly string[];
  /** Extra attributes of the root element (e.g. `data-frame`, which the explorer reads). */
  attributes?: Attributes;
}

/**
 * A complete, standalone SVG document on a white background, in the house font, one element per line.
 *
 * @example
 * ```ts
 * svgDocument({ width: 100, height: 50, title: "empty", body: [] });
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50" …>\n<title>empty</title>…</svg>\n'
 * ```
 */
export function svgDocument(options: SvgDocumentOptions): string {
  const { width, height } = options;
  const head = element("svg", {
    xmlns: "http://www.w3.org/2000/svg",
    width,
    height,
    viewBox: `0 0 ${round(width)} ${round(height)}`,
    "font-family": FONT_FAMILY,
    fill: TEXT_COLOR,
    ...options.attributes,
  }).replace(/\/>$/, ">");
  const lines = [
    head,
    element("title", {}, escapeXml(options.title)),
    ...(options.description === undefined ? [] : [element("desc", {}, escapeXml(options.description))]),
    element("rect", { width, height, fill: "#ffffff" }),
    ...options.body,
    "</svg>",
  ];
  return lines.join("\n") + "\n";
}
