/**
 * The explorer's state and its URL form: `?f=<formula>&x=<number>` for one variable,
 * `?f=<formula>&x0=<number>&x1=<number>&lr=<number>&steps=<integer>` for two, plus `range=lo:hi`
 * (one variable) or `range=a:b,c:d` (two) once the view was zoomed or panned away from where it
 * starts for the point. A link reproduces a view.
 */
import type { Box } from "./geometry.js";
import type { ViewRange } from "./view.js";

/**
 * The seed's function, `function_1` of Deep Learning from Scratch ch. 4: shown when the page opens
 * with no parameters.
 *
 * @example
 * ```ts
 * SEED_FORMULA; // "0.01*x^2 + 0.1*x"
 * ```
 */
export const SEED_FORMULA = "0.01*x^2 + 0.1*x";

/**
 * The seed's point: the book differentiates `function_1` at x = 5 (and 10).
 *
 * @example
 * ```ts
 * SEED_POINT; // 5
 * ```
 */
export const SEED_POINT = 5;

/**
 * The book's two-variable function, `function_2` (ch. 4): x0² + x1².
 *
 * @example
 * ```ts
 * BOOK_FORMULA_2D; // "x0^2 + x1^2"
 * ```
 */
export const BOOK_FORMULA_2D = "x0^2 + x1^2";

/**
 * The book's descent start, `init_x = np.array([-3.0, 4.0])` (gradient_method.py).
 *
 * @example
 * ```ts
 * BOOK_START; // [-3, 4]
 * ```
 */
export const BOOK_START: readonly [number, number] = Object.freeze([-3, 4]) as readonly [number, number];

/**
 * The book's learning rate, `lr=0.1` (gradient_method.py).
 *
 * @example
 * ```ts
 * BOOK_LEARNING_RATE; // 0.1
 * ```
 */
export const BOOK_LEARNING_RATE = 0.1;

/**
 * The book's number of descent steps in its figure, `step_num=20` (gradient_method.py).
 *
 * @example
 * ```ts
 * BOOK_DESCENT_STEPS; // 20
 * ```
 */
export const BOOK_DESCENT_STEPS = 20;

/**
 * Most descent steps accepted from a URL or the control: each step costs one gradient (a few dozen
 * formula evaluations), so 1000 steps stay well under a frame's budget on a phone.
 *
 * @example
 * ```ts
 * MAX_DESCENT_STEPS; // 1000
 * ```
 */
export const MAX_DESCENT_STEPS = 1000;

/**
 * Longest formula kept from a URL. The formula layer refuses anything over 10,000 characters with a
 * clear message; a URL longer than twice that is cut here so the page never holds an unbounded string.
 *
 * @example
 * ```ts
 * MAX_URL_FORMULA_LENGTH; // 20000
 * ```
 */
export const MAX_URL_FORMULA_LENGTH = 20_000;

/**
 * The book's step, `h = 1e-4` (numerical_diff): where the step control starts.
 *
 * @example
 * ```ts
 * BOOK_STEP_H; // 0.0001
 * ```
 */
export const BOOK_STEP_H = 1e-4;

/**
 * The steps the control offers: 1e-16 (below it x ± h = x for x near 1) to 1 (the error chart's range).
 *
 * @example
 * ```ts
 * H_RANGE; // [1e-16, 1]
 * ```
 */
export const H_RANGE: readonly [number, number] = Object.freeze([1e-16, 1]) as readonly [number, number];

/**
 * Everything a link reproduces. Which of the points is used follows the formula's variables.
 *
 * @example
 * ```ts
 * const s: ExplorerState = parseState("?f=sin(x)&x=1");
 * // { formula: "sin(x)", x: 1, x0: -3, x1: 4, lr: 0.1, steps: 20, h: 0.0001, range: null, box: null }
 * serializeState({ ...defaultState(), x: 1 }, "1d"); // "?f=0.01*x%5E2+%2B+0.1*x&x=1"
 * ```
 */
export interface ExplorerState {
  /** The formula as typed, in x (one variable) or in x0, x1 (two variables). */
  formula: string;
  /** The point of the one-variable view. */
  x: number;
  /** The point of the two-variable view: where the partial derivatives are taken and descent starts. */
  x0: number;
  x1: number;
  /** Gradient-descent learning rate (> 0). */
  lr: number;
  /** Gradient-descent steps (integer, 1 to {@link MAX_DESCENT_STEPS}). */
  steps: number;
  /** The step h of the secant and of the book's difference quotient (the step control). */
  h: number;
  /** The one-variable view's x-range, or null for the first view of the point. */
  range: ViewRange | null;
  /** The two-variable region, or null for the first region of the point. */
  box: Box | null;
}

/**
 * Which view a formula belongs in: one variable `x` or two variables `x0`, `x1`.
 *
 * @example
 * ```ts
 * const mode: Mode = modeOf(["x0", "x1"]); // "2d"
 * serializeState(defaultState(), mode); // "?f=0.01*x%5E2+%2B+0.1*x&x0=-3&x1=4&lr=0.1&steps=20"
 * ```
 */
export type Mode = "1d" | "2d";

/**
 * The state a page with no parameters shows: the seed's function at x = 5, and the book's descent
 * setup for the two-variable view.
 *
 * @example
 * ```ts
 * defaultState().formula; // "0.01*x^2 + 0.1*x"
 * defaultState().x; // 5
 * ```
 */
export function defaultState(): ExplorerState {
  return {
    formula: SEED_FORMULA,
    x: SEED_POINT,
    x0: BOOK_START[0],
    x1: BOOK_START[1],
    lr: BOOK_LEARNING_RATE,
    steps: BOOK_DESCENT_STEPS,
    h: BOOK_STEP_H,
    range: null,
    box: null,
  };
}

function rangeOf(text: string): ViewRange | null {
  const parts = text.split(":");
  if (parts.length !== 2 || parts.some((p) => p.trim() === "")) return null;
  const [lo, hi] = parts.map(Number);
  return Number.isFinite(lo) && Number.isFinite(hi) && lo < hi ? [lo, hi] : null;
}

function finiteParam(params: URLSearchParams, name: string, fallback: number): number {
  const text = params.get(name);
  if (text === null || text.trim() === "") return fallback;
  const value = Number(text);
  return Number.isFinite(value) ? value : fallback;
}

/**
 * Reads a state from a query string; anything missing or not a finite number falls back to
 * {@link defaultState}. A two-variable link without `f` opens the book's x0² + x1².
 *
 * @example
 * ```ts
 * parseState("?f=sin(x)&x=1"); // { formula: "sin(x)", x: 1, x0: -3, x1: 4, lr: 0.1, steps: 20, h: 0.0001, range: null, box: null }
 * parseState("?f=sin(x)&x=1&range=0:2").range; // [0, 2]
 * parseState("").formula; // "0.01*x^2 + 0.1*x"
 * parseState("?x0=1&x1=2").formula; // "x0^2 + x1^2"
 * ```
 */
export function parseState(search: string): ExplorerState {
  const params = new URLSearchParams(search);
  const state = defaultState();
  const formula = params.get("f");
  if (formula !== null) state.formula = formula.slice(0, MAX_URL_FORMULA_LENGTH);
  else if (params.has("x0") || params.has("x1")) state.formula = BOOK_FORMULA_2D;
  state.x = finiteParam(params, "x", state.x);
  state.x0 = finiteParam(params, "x0", state.x0);
  state.x1 = finiteParam(params, "x1", state.x1);
  const lr = finiteParam(params, "lr", state.lr);
  if (lr > 0) state.lr = lr;
  const steps = Math.round(finiteParam(params, "steps", state.steps));
  if (steps >= 1 && steps <= MAX_DESCENT_STEPS) state.steps = steps;
  const h = finiteParam(params, "h", state.h);
  if (h >= H_RANGE[0] && h <= H_RANGE[1]) state.h = h;
  const range = params.get("range");
  if (range !== null) {
    const axes = range.split(",").map(rangeOf);
    if (axes.length === 1 && axes[0] !== null) state.range = axes[0];
    if (axes.length === 2 && axes[0] !== null && axes[1] !== null) state.box = [axes[0], axes[1]];
  }
  return state;
}

/**
 * Writes the parameters of one view as a query string (with its leading `?`); numbers in their
 * shortest round-trip form, so a link reproduces the exact point and range.
 *
 * @example
 * ```ts
 * serializeState(defaultState(), "1d"); // "?f=0.01*x%5E2+%2B+0.1*x&x=5"
 * serializeState({ ...defaultState(), formula: "x0^2 + x1^2" }, "2d");
 * // "?f=x0%5E2+%2B+x1%5E2&x0=-3&x1=4&lr=0.1&steps=20"
 * serializeState({ ...defaultState(), range: [2.5, 12.5] }, "1d"); // "?f=…&x=5&range=2.5%3A12.5"
 * ```
 */
export function serializeState(state: ExplorerState, mode: Mode): string {
  const params = new URLSearchParams({ f: state.formula });
  const range = (r: ViewRange): string => `${r[0]}:${r[1]}`;
  if (mode === "1d") {
    params.set("x", String(state.x));
    if (state.h !== BOOK_STEP_H) params.set("h", String(state.h));
    if (state.range !== null) params.set("range", range(state.range));
  } else {
    params.set("x0", String(state.x0));
    params.set("x1", String(state.x1));
    params.set("lr", String(state.lr));
    params.set("steps", String(state.steps));
    if (state.box !== null) params.set("range", `${range(state.box[0])},${range(state.box[1])}`);
  }
  return `?${params.toString()}`;
}
