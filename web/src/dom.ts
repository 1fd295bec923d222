/**
 * Small DOM helpers. Text always goes in as text (textContent), never as markup; the only markup the
 * page inserts is the SVG built by src/plot, parsed as XML.
 */

/**
 * The element with this id, of the expected class; a missing element is a bug in index.html.
 *
 * @example
 * ```ts
 * const input = byId("formula", HTMLInputElement);
 * ```
 */
export function byId<T extends Element>(id: string, kind: abstract new (...args: never[]) => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof kind)) throw new Error(`index.html has no #${id} of the expected kind`);
  return found;
}

/**
 * An element with attributes and text content.
 *
 * @example
 * ```ts
 * el("td", { class: "num" }, "0.2"); // <td class="num">0.2</td>
 * ```
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * An SVG element with attributes.
 *
 * @example
 * ```ts
 * svgEl("circle", { cx: "10", cy: "10", r: "5" });
 * ```
 */
export function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/**
 * Parses an SVG document string (from src/plot) into an element of this document. Parsed as XML, so
 * nothing in it is treated as HTML; the page's CSP forbids scripts in any case.
 *
 * @example
 * ```ts
 * parseSvg('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>').tagName; // "svg"
 * ```
 */
export function parseSvg(markup: string): SVGSVGElement {
  const doc = new DOMParser().parseFromString(markup, "image/svg+xml");
  const root = doc.documentElement;
  if (root.nodeName !== "svg" || doc.getElementsByTagName("parsererror").length > 0) {
    throw new Error("the figure is not a well-formed SVG document");
  }
  return document.importNode(root, true) as unknown as SVGSVGElement;
}

/**
 * Converts a pointer position to the user coordinates of an SVG drawn with a viewBox (the figures
 * scale to the width of their box, keeping their aspect ratio).
 *
 * @example
 * ```ts
 * toSvgPoint(svg, event.clientX, event.clientY); // { x: 412.5, y: 230 }
 * ```
 */
export function toSvgPoint(svg: SVGSVGElement, clientX: number, clientY: number): { x: number; y: number } {
  const box = svg.getBoundingClientRect();
  const view = svg.viewBox.baseVal;
  return {
    x: view.x + ((clientX - box.left) * view.width) / box.width,
    y: view.y + ((clientY - box.top) * view.height) / box.height,
  };
}
