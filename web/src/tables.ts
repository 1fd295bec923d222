/**
 * The numbers panels as tables: built with textContent only, each number with a `data-testid`.
 */
import { el } from "./dom.js";
import { formatError, formatValue } from "./format.js";
import type { PointNumbers, StepNumbers } from "./numbers.js";
import { statusInWords } from "../../src/plot/index.js";
import type { PartialNumbers } from "./partials.js";

function cell(text: string, testid?: string, extra: Record<string, string> = {}): HTMLTableCellElement {
  const td = el("td", { class: "num", ...extra }, text);
  if (testid !== undefined) td.dataset.testid = testid;
  return td;
}

function row(label: string, cells: HTMLTableCellElement[], note?: string): HTMLTableRowElement {
  const tr = el("tr");
  const th = el("th", { scope: "row" }, label);
  if (note !== undefined) th.append(el("br"), el("span", { class: "hint" }, note));
  tr.append(th, ...cells);
  return tr;
}

function errorCell(lines: readonly [string, string, string | undefined][]): HTMLTableCellElement {
  const td = el("td", { class: "num" });
  lines.forEach(([label, text, testid], i) => {
    if (i > 0) td.append(el("br"));
    const span = el("span", { class: "error-line" }, `${label} `);
    span.append(el("span", { class: "nowrap" }, text));
    if (testid !== undefined) span.dataset.testid = testid;
    td.append(span);
  });
  return td;
}

function head(labels: readonly string[]): HTMLTableSectionElement {
  const thead = el("thead");
  const tr = el("tr");
  for (const label of labels) tr.append(el("th", { scope: "col" }, label));
  thead.append(tr);
  return thead;
}

const actual = (e: number | null): string => (e === null ? "n/a" : formatError(e));

/**
 * Longest derivative formula shown in full; longer ones are cut with "…" (math.js's derivative of a
 * long formula can run to thousands of characters).
 *
 * @default 120
 * @example
 * ```ts
 * shortFormula("x".repeat(200)).length; // 121
 * ```
 */
export const MAX_SHOWN_FORMULA = 120;

/**
 * A formula cut to {@link MAX_SHOWN_FORMULA} characters.
 *
 * @example
 * ```ts
 * shortFormula("0.02 * x + 0.1"); // "0.02 * x + 0.1"
 * ```
 */
export function shortFormula(text: string): string {
  return text.length > MAX_SHOWN_FORMULA ? text.slice(0, MAX_SHOWN_FORMULA) + "…" : text;
}

/**
 * The one-variable panel: f(x), the book's derivative, numdiff's default with its error estimate
 * and evaluations, the analytic value, and each method's actual error.
 *
 * @example
 * ```ts
 * panel.replaceChildren(pointTable(pointNumbers(f, 5, exact), 5, "0.02 * x + 0.1"));
 * ```
 */
export function pointTable(
  n: PointNumbers,
  x: number,
  exactSource: string | null = null,
  step: StepNumbers | null = null,
): HTMLTableElement {
  const table = el("table");
  table.append(el("caption", { class: "visually-hidden" }, `Derivative of f at x = ${x}`));
  table.append(head(["", "value", "error", "calls"]));
  const body = el("tbody");
  body.append(
    row(`f(${formatValue(x)})`, [cell(formatValue(n.fx), "fx-value"), cell(""), cell("1")]),
    row(
      "book: central difference",
      [
        cell(formatValue(n.book), "book-value"),
        errorCell([["actual", actual(n.bookError), "book-actual-error"]]),
        cell("2"),
      ],
      "h = 1e-4, the seed's method",
    ),
    row(
      "numdiff default",
      [
        cell(formatValue(n.auto.value), "derivative-value"),
        errorCell([
          ["estimated", formatError(n.auto.error), "derivative-error"],
          ["actual", actual(n.autoError), "derivative-actual-error"],
        ]),
        cell(String(n.auto.evaluations), "derivative-evaluations"),
      ],
      `adaptive, ${n.auto.method}`,
    ),
  );
  const status = statusInWords(n.auto, formatValue(x));
  if (status !== null) {
    const tr = row("status", [cell(status, "derivative-status", { colspan: "3" })]);
    tr.classList.add("status-row");
    body.append(tr);
  }
  if (step !== null) {
    body.append(
      row(
        "your step",
        [
          cell(formatValue(step.value), "step-value"),
          errorCell([["actual", actual(step.error), "step-actual-error"]]),
          cell("2"),
        ],
        `central difference, h = ${step.h}`,
      ),
    );
  }
  body.append(
    row(
      "analytic",
      [cell(n.exact === null ? "not available" : formatValue(n.exact), "exact-value"), cell(""), cell("")],
      exactSource === null ? "math.js gives no derivative here" : `f′(x) = ${shortFormula(exactSource)}`,
    ),
  );
  table.append(body);
  return table;
}

/**
 * The two-variable panel: f at the point and both partial derivatives three ways.
 *
 * @example
 * ```ts
 * panel.replaceChildren(partialTable(partialNumbers(f, [3, 4], exact), [3, 4]));
 * ```
 */
export function partialTable(
  n: PartialNumbers,
  p: readonly [number, number],
  exactSource: readonly [string | null, string | null] = [null, null],
): HTMLTableElement {
  const table = el("table");
  const at = `(${formatValue(p[0])}, ${formatValue(p[1])})`;
  table.append(el("caption", { class: "visually-hidden" }, `Partial derivatives of f at ${at}`));
  table.append(head(["", "∂f/∂x0", "∂f/∂x1"]));
  const body = el("tbody");
  const pair = (values: readonly [string, string], testid: string) => [
    cell(values[0], `${testid}-x0`),
    cell(values[1], `${testid}-x1`),
  ];
  body.append(
    row(`f${at}`, [cell(formatValue(n.fx), "fx2-value", { colspan: "2" })]),
    row(
      "book",
      pair([formatValue(n.book[0]), formatValue(n.book[1])], "book-partial"),
      "numerical_gradient, h = 1e-4",
    ),
    row(
      "book: actual error",
      pair([actual(n.bookActual[0]), actual(n.bookActual[1])], "book-partial-actual"),
    ),
    row(
      "numdiff default",
      pair([formatValue(n.auto[0]), formatValue(n.auto[1])], "partial"),
      `${n.evaluations} calls of f in all`,
    ),
    row(
      "numdiff: estimated error",
      pair([formatError(n.autoError[0]), formatError(n.autoError[1])], "partial-error"),
    ),
    row("numdiff: actual error", pair([actual(n.autoActual[0]), actual(n.autoActual[1])], "partial-actual")),
    row(
      "analytic",
      pair(
        [
          n.exact[0] === null ? "not available" : formatValue(n.exact[0]),
          n.exact[1] === null ? "not available" : formatValue(n.exact[1]),
        ],
        "exact-partial",
      ),
    ),
    row(
      "analytic, as formulas",
      pair(
        [
          exactSource[0] === null ? "none" : shortFormula(exactSource[0]),
          exactSource[1] === null ? "none" : shortFormula(exactSource[1]),
        ],
        "exact-partial-formula",
      ),
      "math.js symbolic derivative",
    ),
  );
  table.append(body);
  return table;
}

/**
 * One sentence for screen readers (the page's aria-live region) saying what the one-variable table
 * shows; the table itself is not live, so moving the point does not read out a whole table.
 *
 * @example
 * ```ts
 * pointSummary(pointNumbers(f, 5, exact), 5);
 * // "At x = 5: f(x) = 0.75. Derivative by numdiff 0.2, estimated error 1.6e-15, 6 calls of f; by the book's
 * //  central difference 0.1999999999990898; analytic 0.2."
 * ```
 */
export function pointSummary(n: PointNumbers, x: number): string {
  const exact = n.exact === null ? "no analytic value" : `analytic ${formatValue(n.exact)}`;
  return (
    `At x = ${formatValue(x)}: f(x) = ${formatValue(n.fx)}. ` +
    `Derivative by numdiff ${formatValue(n.auto.value)}, estimated error ${formatError(n.auto.error)}, ` +
    `${n.auto.evaluations} calls of f; by the book's central difference ${formatValue(n.book)}; ${exact}.`
  );
}

/**
 * The screen-reader sentence for the two-variable table.
 *
 * @example
 * ```ts
 * partialSummary(partialNumbers(f, [3, 4], exact), [3, 4]);
 * // "At (3, 4): f = 25. Partial derivatives by numdiff 6 and 8; by the book's central difference
 * //  6.00000000000378 and 7.999999999999119."
 * ```
 */
export function partialSummary(n: PartialNumbers, p: readonly [number, number]): string {
  return (
    `At (${formatValue(p[0])}, ${formatValue(p[1])}): f = ${formatValue(n.fx)}. ` +
    `Partial derivatives by numdiff ${formatValue(n.auto[0])} and ${formatValue(n.auto[1])}; ` +
    `by the book's central difference ${formatValue(n.book[0])} and ${formatValue(n.book[1])}.`
  );
}
