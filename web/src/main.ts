/**
 * The explorer page: reads the state from the URL, has the formula compiled and everything computed
 * by a Web Worker (client.ts, worker.ts: the page never freezes, and a runaway formula is stopped
 * after a time budget), shows the view it belongs in, and keeps the URL in step. A formula that
 * fails to compile shows its message beside the input and leaves the last good view in place.
 */
import { initialBox, followBox } from "./box.js";
import { byId } from "./dom.js";
import { ComputeClient } from "./client.js";
import ComputeWorker from "./worker.ts?worker&inline";
import type { Box } from "./geometry.js";
import { OneDView, POINTER_RESOLUTION } from "./one-d.js";
import type { Pair } from "./partials.js";
import {
  H_RANGE,
  MAX_DESCENT_STEPS,
  parseState,
  SEED_FORMULA,
  serializeState,
  type ExplorerState,
  type Mode,
} from "./state.js";
import { TwoDView } from "./two-d.js";
import { followPoint, initialView, type ViewRange } from "./view.js";
import { mountDataPanel } from "./data-panel.js";

/**
 * Delay after the last keystroke in the formula box before it is compiled and drawn: short enough
 * to feel live, long enough not to flash an error for every half-typed name.
 *
 * @default 150 (ms)
 * @example
 * ```ts
 * FORMULA_DEBOUNCE_MS; // 150
 * ```
 */
export const FORMULA_DEBOUNCE_MS = 150;

/**
 * Range of the learning-rate slider, in log10: 1e-4 to 10, so both the book's failures show (lr 10
 * diverges; small rates barely move) around its lr 0.1.
 *
 * @example
 * ```ts
 * LR_LOG10_RANGE; // [-4, 1]
 * ```
 */
export const LR_LOG10_RANGE: readonly [number, number] = Object.freeze([-4, 1]) as readonly [number, number];

/**
 * Positions on the slider: it moves in steps of this many, so each step is a factor 10^(5/100)
 * ≈ 1.12 in the learning rate.
 *
 * @default 100
 * @example
 * ```ts
 * LR_SLIDER_STEPS; // 100
 * ```
 */
export const LR_SLIDER_STEPS = 100;

const ui = {
  formula: byId("formula", HTMLInputElement),
  formulaError: byId("formula-error", HTMLElement),
  point: byId("point", HTMLInputElement),
  slider: byId("point-slider", HTMLInputElement),
  resetView: byId("reset-view", HTMLButtonElement),
  point1d: byId("point-1d", HTMLFieldSetElement),
  point2d: byId("point-2d", HTMLFieldSetElement),
  x0: byId("point-x0", HTMLInputElement),
  x1: byId("point-x1", HTMLInputElement),
  lr: byId("lr", HTMLInputElement),
  lrValue: byId("lr-value", HTMLOutputElement),
  steps: byId("steps", HTMLInputElement),
  h: byId("step-h", HTMLInputElement),
  hValue: byId("step-h-value", HTMLOutputElement),
  view1d: byId("view-1d", HTMLElement),
  view2d: byId("view-2d", HTMLElement),
  examples: Array.from(document.querySelectorAll<HTMLButtonElement>(".examples button")),
};

const state: ExplorerState = parseState(location.search);
/** The range the page was opened with (null: the formula's own first view). */
const LINKED_RANGE = state.range;
/** Computes off the page's thread (src/expr, src/core and src/plot run in the worker). */
const client = new ComputeClient(() => new ComputeWorker());
/** The view the shown formula belongs in, null until one has loaded. */
let mode: Mode | null = null;
/** The formula drawn: the one typed, or the seed's while a link's formula cannot be read. */
let shown = SEED_FORMULA;
/** The next one-variable render starts from the point's first view (computed with f by the worker). */
let resetView = LINKED_RANGE === null;
/** The point's first view for the shown formula, from the last reply (null before one came). */
let start1d: ViewRange | null = null;
let view1d: ViewRange = state.range ?? initialView(state.x);
let box: Box = state.box ?? initialBox([state.x0, state.x1]);

const oneD = new OneDView(
  {
    plot: byId("plot", HTMLElement),
    numbers: byId("numbers-1d", HTMLElement),
    errorChart: byId("error-curve", HTMLElement),
    status: byId("plot-status", HTMLElement),
    summary: byId("summary-1d", HTMLElement),
  },
  {
    point: (x, follow) => setPoint(x, follow),
    view: (v) => {
      view1d = v;
      resetView = false;
      draw();
    },
  },
  client,
);

const twoD = new TwoDView(
  {
    field: byId("field", HTMLElement),
    descent: byId("descent", HTMLElement),
    numbers: byId("numbers-2d", HTMLElement),
    status: byId("plot2d-status", HTMLElement),
    summary: byId("summary-2d", HTMLElement),
  },
  {
    point: (p) => setPoint2(p),
    view: (b) => {
      box = b;
      draw();
    },
  },
  client,
);

/**
 * Positions of the step slider per decade of h: 4, so it moves h by 10^(1/4) ≈ 1.78 a step, the
 * error chart's own spacing.
 *
 * @default 4
 * @example
 * ```ts
 * H_SLIDER_PER_DECADE; // 4
 * ```
 */
export const H_SLIDER_PER_DECADE = 4;

function lrFromSlider(): number {
  return Number((10 ** Number(ui.lr.value)).toPrecision(3));
}

function syncControls(): void {
  if (document.activeElement !== ui.point) ui.point.value = String(state.x);
  const [lo, hi] = view1d;
  ui.slider.min = String(lo);
  ui.slider.max = String(hi);
  ui.slider.step = String((hi - lo) / POINTER_RESOLUTION);
  ui.slider.value = String(state.x);
  ui.slider.setAttribute("aria-valuetext", `x = ${state.x}`);
  if (document.activeElement !== ui.x0) ui.x0.value = String(state.x0);
  if (document.activeElement !== ui.x1) ui.x1.value = String(state.x1);
  if (document.activeElement !== ui.lr) ui.lr.value = String(Math.log10(state.lr));
  ui.lrValue.textContent = String(state.lr);
  if (document.activeElement !== ui.steps) ui.steps.value = String(state.steps);
  if (document.activeElement !== ui.h) ui.h.value = String(Math.log10(state.h));
  ui.hValue.textContent = String(state.h);
  ui.h.setAttribute("aria-valuetext", `h = ${state.h}`);
}

function draw(): void {
  syncControls();
  if (mode === null) return;
  ui.view1d.hidden = mode !== "1d";
  ui.point1d.hidden = mode !== "1d";
  ui.view2d.hidden = mode !== "2d";
  ui.point2d.hidden = mode !== "2d";
  if (mode === "1d") {
    // a reset stays asked for until a figure drawn with it comes back (the point may move meanwhile)
    const ask = resetView ? null : view1d;
    void oneD.render(shown, state.x, ask, state.h).then((drawn) => {
      if (drawn === null) return;
      if (ask === null) resetView = false;
      view1d = drawn.view;
      start1d = drawn.start;
      syncControls();
      writeUrl();
    });
  } else {
    void twoD.render(shown, [state.x0, state.x1], state.lr, state.steps, box);
  }
  writeUrl();
}

/** The URL and the title follow the state; a range is named only where a link would not start anyway. */
function writeUrl(): void {
  if (mode === null) return;
  if (mode === "1d") state.range = start1d !== null && sameRanges([view1d], [start1d]) ? null : view1d;
  state.box = sameRanges(box, initialBox([state.x0, state.x1])) ? null : box;
  history.replaceState(null, "", serializeState(state, mode) + location.hash);
  document.title = `${mode === "1d" ? "f(x)" : "f(x0, x1)"} = ${state.formula} · numdiff explorer`;
}

function sameRanges(a: readonly ViewRange[], b: readonly ViewRange[]): boolean {
  return a.every((r, i) => r[0] === b[i][0] && r[1] === b[i][1]);
}

function setPoint(x: number, follow: boolean): void {
  if (!Number.isFinite(x)) return;
  state.x = x;
  if (follow) view1d = followPoint(view1d, x);
  draw();
}

function setPoint2(p: Pair): void {
  if (!(Number.isFinite(p[0]) && Number.isFinite(p[1]))) return;
  state.x0 = p[0];
  state.x1 = p[1];
  box = followBox(box, p);
  draw();
}

function showError(message: string): void {
  ui.formulaError.textContent = message;
  ui.formulaError.hidden = message === "";
  ui.formula.setAttribute("aria-invalid", message === "" ? "false" : "true");
}

function applyFormula(fresh = true): void {
  const text = ui.formula.value;
  client.latest("load", { kind: "load", formula: text }).then(
    (reply) => {
      if (reply === null || reply.kind !== "load") return;
      const first = mode === null;
      const changed = first || shown !== text;
      mode = reply.mode;
      shown = text;
      state.formula = text;
      showError("");
      // A new formula starts from its own first view; a link's range is kept when the page opens.
      if ((changed && fresh) || (first && LINKED_RANGE === null)) resetView = true;
      if (changed && fresh) box = initialBox([state.x0, state.x1]);
      draw();
    },
    (e: Error) => {
      showError(e.message || "this formula cannot be read");
      if (mode !== null) return;
      // A bad formula in a link: the panels show the seed's function meanwhile, the fields their values.
      mode = "1d";
      shown = SEED_FORMULA;
      draw();
    },
  );
}

/** A finite number typed in an input, or null while it is empty or half-typed. */
function typedNumber(input: HTMLInputElement): number | null {
  if (input.value.trim() === "") return null;
  const v = Number(input.value);
  return Number.isFinite(v) ? v : null;
}

let formulaTimer: ReturnType<typeof setTimeout> | undefined;
ui.formula.addEventListener("input", () => {
  clearTimeout(formulaTimer);
  formulaTimer = setTimeout(applyFormula, FORMULA_DEBOUNCE_MS);
});
ui.formula.addEventListener("keydown", (ev) => {
  if (ev.key === "Enter") {
    ev.preventDefault();
    clearTimeout(formulaTimer);
    applyFormula();
  }
});
byId("controls", HTMLFormElement).addEventListener("submit", (ev) => ev.preventDefault());

ui.point.addEventListener("input", () => {
  const v = typedNumber(ui.point);
  if (v !== null) setPoint(v, true);
});
ui.point.addEventListener("change", () => {
  if (typedNumber(ui.point) === null) ui.point.value = String(state.x);
});
ui.slider.addEventListener("input", () => setPoint(Number(ui.slider.value), false));
ui.resetView.addEventListener("click", () => {
  resetView = true;
  draw();
});

for (const [input, k] of [
  [ui.x0, 0],
  [ui.x1, 1],
] as const) {
  input.addEventListener("input", () => {
    const v = typedNumber(input);
    if (v === null) return;
    setPoint2(k === 0 ? [v, state.x1] : [state.x0, v]);
  });
  input.addEventListener("change", () => {
    if (typedNumber(input) === null) input.value = String(k === 0 ? state.x0 : state.x1);
  });
}
ui.lr.min = String(LR_LOG10_RANGE[0]);
ui.lr.max = String(LR_LOG10_RANGE[1]);
ui.lr.step = String((LR_LOG10_RANGE[1] - LR_LOG10_RANGE[0]) / LR_SLIDER_STEPS);
ui.lr.addEventListener("input", () => {
  state.lr = lrFromSlider();
  draw();
});
ui.h.min = String(Math.log10(H_RANGE[0]));
ui.h.max = String(Math.log10(H_RANGE[1]));
ui.h.step = String(1 / H_SLIDER_PER_DECADE);
ui.h.addEventListener("input", () => {
  state.h = Number((10 ** Number(ui.h.value)).toPrecision(3));
  draw();
});
ui.steps.max = String(MAX_DESCENT_STEPS);
ui.steps.addEventListener("input", () => {
  const v = typedNumber(ui.steps);
  if (v === null || !(v >= 1 && v <= MAX_DESCENT_STEPS)) return;
  state.steps = Math.round(v);
  draw();
});
ui.steps.addEventListener("change", () => {
  ui.steps.value = String(state.steps);
});

for (const button of ui.examples) {
  button.addEventListener("click", () => {
    ui.formula.value = button.dataset.formula ?? "";
    const data = button.dataset;
    const given = (name: string): number | null => {
      const v = Number(data[name]);
      return data[name] !== undefined && Number.isFinite(v) ? v : null;
    };
    const x = given("x");
    if (x !== null) {
      state.x = x;
      resetView = true;
    }
    const x0 = given("x0");
    const x1 = given("x1");
    if (x0 !== null && x1 !== null) {
      state.x0 = x0;
      state.x1 = x1;
      box = initialBox([x0, x1]);
    }
    state.lr = given("lr") ?? state.lr;
    state.steps = given("steps") ?? state.steps;
    applyFormula();
  });
}

// Figures are drawn at about the width of their box: redraw when a box's width changes.
const boxes = ["plot", "error-curve", "field"].map((id) => byId(id, HTMLElement));
let widths = "";
new ResizeObserver(() => {
  const now = boxes.map((b) => b.clientWidth).join(" ");
  if (now === widths) return;
  widths = now;
  draw();
}).observe(document.body);

ui.formula.value = state.formula;
applyFormula(false);
mountDataPanel(document.querySelector("main") ?? document.body);
