/**
 * The explorer's data panel: paste or drop a CSV, pick the columns, and see the samples, their
 * derivative and, for noisy data, the smoothed derivative (numdiff's `differentiate`, drawn by
 * `samplesFigure`). It builds its own section, so the page needs only one call to mount it.
 */
import { differentiate, noiseLevel, NumdiffError, type SampledResult } from "../../src/core/index.js";
import { samplesFigure } from "../../src/plot/index.js";
import { noisyExample, parseTable, sampleProblem, type DataTable } from "./data-csv.js";
import "./data-panel.css";
import { el, parseSvg } from "./dom.js";

/**
 * Noise, relative to the range of the samples, above which "when noisy" smooths: far above the
 * rounding of printed data (6 significant digits give ~1e-6), well below the 1% noise of real sensors.
 *
 * @default 1e-4
 * @example
 * ```ts
 * NOISY_FRACTION; // 1e-4
 * ```
 */
export const NOISY_FRACTION = 1e-4;

const SMOOTHING = [
  ["when-noisy", "smooth when noisy"],
  ["none", "no smoothing"],
  ["auto", "Savitzky–Golay (window by GCV)"],
  ["total-variation", "total variation"],
] as const;

/** The controls and outputs of the panel. */
interface Panel {
  text: HTMLTextAreaElement;
  file: HTMLInputElement;
  x: HTMLSelectElement;
  y: HTMLSelectElement;
  order: HTMLSelectElement;
  smooth: HTMLSelectElement;
  status: HTMLElement;
  figure: HTMLElement;
}

function select(
  id: string,
  label: string,
  options: readonly (readonly [string, string])[],
): [HTMLElement, HTMLSelectElement] {
  const field = el("div", { class: "field" });
  field.append(el("label", { for: id }, label));
  const s = el("select", { id, "data-testid": id });
  for (const [value, text] of options) s.append(el("option", { value }, text));
  field.append(s);
  return [field, s];
}

function build(parent: Element): Panel {
  const section = el("section", {
    id: "data-view",
    class: "view data-view",
    "aria-labelledby": "data-title",
  });
  section.append(el("h2", { id: "data-title" }, "Sampled data"));
  section.append(
    el(
      "p",
      { class: "hint" },
      "Paste a CSV with a header row (or drop a file on the box), choose the columns, and see the derivative of the samples.",
    ),
  );
  const text = el("textarea", {
    id: "data-text",
    rows: "6",
    spellcheck: "false",
    "data-testid": "data-input",
    "aria-label": "CSV samples",
  });
  const file = el("input", {
    type: "file",
    accept: ".csv,text/csv,text/plain",
    "data-testid": "data-file",
    "aria-label": "CSV file",
  });
  const example = el("button", { type: "button", "data-testid": "data-example" }, "Noisy example");
  const [xField, x] = select("data-x", "x column", []);
  const [yField, y] = select("data-y", "y column", []);
  const [orderField, order] = select("data-order", "derivative", [
    ["1", "first"],
    ["2", "second"],
    ["3", "third"],
  ]);
  const [smoothField, smooth] = select("data-smooth", "smoothing", SMOOTHING);
  const controls = el("div", { class: "data-controls" });
  controls.append(xField, yField, orderField, smoothField, file, example);
  const status = el("p", { class: "data-status", role: "status", "data-testid": "data-status" });
  const figure = el("div", { class: "chart", "data-testid": "data-plot" });
  section.append(text, controls, status, figure);
  parent.append(section);
  example.addEventListener("click", () => {
    text.value = noisyExample();
    text.dispatchEvent(new Event("input"));
  });
  return { text, file, x, y, order, smooth, status, figure };
}

function fillColumns(p: Panel, names: readonly string[]): void {
  for (const [s, pick] of [
    [p.x, 0],
    [p.y, Math.min(1, names.length - 1)],
  ] as const) {
    const keep = names.indexOf(s.value);
    s.replaceChildren(...names.map((n, i) => el("option", { value: String(i) }, n)));
    s.value = String(keep >= 0 ? keep : pick);
  }
}

/** The derivative and, when asked or when the data are noisy, the smoothed one. */
function compute(
  x: number[],
  y: number[],
  order: number,
  mode: string,
): { plain: SampledResult; smoothed: SampledResult | null } {
  const plain = differentiate(y, x, { order });
  let range = 0;
  for (const v of y) range = Math.max(range, Math.abs(v - y[0]));
  const noisy = noiseLevel(Float64Array.from(y)) > NOISY_FRACTION * range;
  const smoothing = mode === "when-noisy" ? (noisy ? "auto" : "none") : mode;
  if (smoothing === "none" || (smoothing === "total-variation" && order !== 1))
    return { plain, smoothed: null };
  return { plain, smoothed: differentiate(y, x, { order, smooth: smoothing as "auto" | "total-variation" }) };
}

function describe(n: number, r: SampledResult | null): string {
  if (r === null) return `${n} samples; no smoothing (the data look smooth).`;
  if (r.method === "savitzky-golay") {
    return `${n} samples, noise ≈ ${r.noise?.toPrecision(2)}; Savitzky–Golay window ${r.window}, degree ${r.degree} (chosen by generalised cross-validation).`;
  }
  return `${n} samples, noise ≈ ${r.noise?.toPrecision(2)}; total variation, α = ${r.regularization?.toPrecision(3)} (discrepancy principle).`;
}

function render(p: Panel, table: DataTable | null): void {
  if (table === null) return;
  const xi = Number(p.x.value);
  const yi = Number(p.y.value);
  const x = table.columns[xi];
  const y = table.columns[yi];
  const problem = sampleProblem(x, y, table.names[xi], table.names[yi]);
  if (problem !== null) {
    p.figure.replaceChildren();
    p.status.textContent = problem;
    p.status.classList.add("error");
    return;
  }
  try {
    const order = Number(p.order.value);
    const { plain, smoothed } = compute(x, y, order, p.smooth.value);
    const width = Math.max(400, Math.min(1000, Math.round(p.figure.clientWidth || 800)));
    const svg = samplesFigure({
      x,
      y,
      derivative: plain.value,
      smoothed: smoothed?.value,
      smoothedLabel:
        smoothed === null
          ? undefined
          : smoothed.method === "savitzky-golay"
            ? `Savitzky–Golay, window ${smoothed.window}`
            : "total variation",
      order,
      xLabel: table.names[xi],
      yLabel: table.names[yi],
      width,
      height: Math.round(width * 0.7),
    });
    p.figure.replaceChildren(parseSvg(svg));
    p.status.textContent = describe(x.length, smoothed);
    p.status.classList.remove("error");
  } catch (e) {
    if (!(e instanceof NumdiffError)) throw e;
    p.figure.replaceChildren();
    p.status.textContent = e.message;
    p.status.classList.add("error");
  }
}

/**
 * Builds the data panel at the end of `parent` and wires it: typing or pasting in the box, dropping
 * a file on it or choosing one, and every control redraw the figure.
 *
 * @example
 * ```ts
 * mountDataPanel(document.querySelector("main") ?? document.body);
 * ```
 */
export function mountDataPanel(parent: Element): void {
  const p = build(parent);
  let table: DataTable | null = null;
  const load = () => {
    const parsed = parseTable(p.text.value);
    if ("error" in parsed) {
      table = null;
      p.figure.replaceChildren();
      p.status.textContent = p.text.value.trim() === "" ? "" : parsed.error;
      p.status.classList.toggle("error", p.text.value.trim() !== "");
      return;
    }
    table = parsed;
    fillColumns(p, parsed.names);
    render(p, table);
  };
  const readFile = (file: File | undefined) => {
    if (file === undefined) return;
    void file.text().then((t) => {
      p.text.value = t;
      load();
    });
  };
  p.text.addEventListener("input", load);
  p.text.addEventListener("dragover", (e) => e.preventDefault());
  p.text.addEventListener("drop", (e) => {
    e.preventDefault();
    readFile(e.dataTransfer?.files[0]);
  });
  p.file.addEventListener("change", () => readFile(p.file.files?.[0]));
  for (const s of [p.x, p.y, p.order, p.smooth]) s.addEventListener("change", () => render(p, table));
}
