/**
 * Everything the explorer computes from a formula, as plain functions from a request to a reply of
 * plain data (numbers and SVG markup): the Web Worker runs them off the page's thread, and the
 * page runs them itself only where a worker cannot start.
 */
import {
  descentFigure,
  errorCurveFigure,
  gradientFieldFigure,
  statusInWords,
  tangentFigure,
} from "../../src/plot/index.js";
import { loadFormula, type LoadedFormula } from "./formula.js";
import type { Box, FigureSize } from "./geometry.js";
import { pointNumbers, stepNumbers, type PointNumbers, type StepNumbers } from "./numbers.js";
import { partialNumbers, type Pair, type PartialNumbers } from "./partials.js";
import type { Mode } from "./state.js";
import { initialView, type ViewRange } from "./view.js";

/**
 * Formulas kept compiled between requests: dragging the point sends the same formula many times.
 *
 * @default 8
 * @example
 * ```ts
 * FORMULA_CACHE_SIZE; // 8
 * ```
 */
export const FORMULA_CACHE_SIZE = 8;

/**
 * What the page asks for.
 *
 * @example
 * ```ts
 * const r: ComputeRequest = { kind: "load", formula: "sin(x)" };
 * compute(r); // { kind: "load", mode: "1d" }
 * ```
 */
export type ComputeRequest =
  | { kind: "load"; formula: string }
  | { kind: "1d"; formula: string; x: number; view: ViewRange | null; h: number; size: FigureSize }
  | { kind: "chart"; formula: string; x: number; h: number; size: FigureSize }
  | { kind: "2d"; formula: string; p: Pair; lr: number; steps: number; box: Box; size: FigureSize };

/**
 * The one-variable view's data: the tangent figure (or why there is none) and the numbers.
 *
 * @example
 * ```ts
 * const r = compute({ kind: "1d", formula: "sin(x)", x: 1, view: null, h: 1e-4, size: { width: 800, height: 560 } }) as OneDReply;
 * r.view; // [-9, 11] (the first view of sin at 1)
 * r.numbers.auto.value; // cos(1) to 1e-15
 * ```
 */
export interface OneDReply {
  kind: "1d";
  /** The range drawn: the request's, or (for a request without one) the point's first view. */
  view: ViewRange;
  /** The point's first view for this formula (what a link without a range opens on). */
  start: ViewRange;
  markup: string | null;
  message: string;
  numbers: PointNumbers;
  step: StepNumbers;
  exactSource: string | null;
}

/**
 * The error-versus-step chart, or why there is none.
 *
 * @example
 * ```ts
 * const r = compute({ kind: "chart", formula: "sin(x)", x: 1, h: 1e-4, size: { width: 800, height: 600 } }) as ChartReply;
 * r.markup?.startsWith("<svg"); // true
 * ```
 */
export interface ChartReply {
  kind: "chart";
  markup: string | null;
  message: string;
}

/**
 * The two-variable view's data.
 *
 * @example
 * ```ts
 * const r = compute({ kind: "2d", formula: "x0^2 + x1^2", p: [3, 4], lr: 0.1, steps: 20, box: [[-3.5, 3.5], [-4.5, 4.5]], size: { width: 800, height: 680 } }) as TwoDReply;
 * r.numbers.auto; // [6, 8]
 * ```
 */
export interface TwoDReply {
  kind: "2d";
  field: string | null;
  descent: string | null;
  problems: string[];
  numbers: PartialNumbers;
  exactSource: readonly [string | null, string | null];
}

/**
 * Any reply.
 *
 * @example
 * ```ts
 * const r: ComputeReply = compute({ kind: "load", formula: "x0*x1" }); // { kind: "load", mode: "2d" }
 * ```
 */
export type ComputeReply = { kind: "load"; mode: Mode } | OneDReply | ChartReply | TwoDReply;

const cache = new Map<string, LoadedFormula>();

function formulaOf(text: string): LoadedFormula {
  const known = cache.get(text);
  if (known !== undefined) return known;
  const loaded = loadFormula(text);
  if (cache.size >= FORMULA_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(text, loaded);
  return loaded;
}

const why = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function oneD(request: Extract<ComputeRequest, { kind: "1d" }>): OneDReply {
  const formula = formulaOf(request.formula);
  if (formula.mode !== "1d") throw new Error("this formula is in x0 and x1, not x");
  const { f, exact } = formula;
  const { x, h, size } = request;
  const start = initialView(x, f);
  const view = request.view ?? start;
  const numbers = pointNumbers(f, x, exact);
  const { auto } = numbers;
  const sides =
    auto.left !== undefined && auto.right !== undefined
      ? { left: auto.left.value, right: auto.right.value }
      : undefined;
  const note = statusInWords(auto, `x = ${x}`) ?? undefined;
  let markup: string | null = null;
  let message = "";
  try {
    markup = tangentFigure({ f, x0: x, domain: view, sides, note, secant: h, ...size });
  } catch (e) {
    message = `No tangent at x = ${x}: ${Number.isFinite(f(x)) ? why(e) : "f(x) is not finite there"}.`;
  }
  return {
    kind: "1d",
    view,
    start,
    markup,
    message,
    numbers,
    step: stepNumbers(f, x, h, numbers.exact),
    exactSource: formula.exactSource,
  };
}

function chart(request: Extract<ComputeRequest, { kind: "chart" }>): ChartReply {
  const formula = formulaOf(request.formula);
  if (formula.mode !== "1d") throw new Error("this formula is in x0 and x1, not x");
  const { f, exact } = formula;
  const e = exact === null || !Number.isFinite(f(request.x)) ? NaN : exact(request.x);
  try {
    const markup = errorCurveFigure({
      f,
      x0: request.x,
      exact: Number.isFinite(e) ? e : undefined,
      markStep: request.h,
      ...request.size,
    });
    return { kind: "chart", markup, message: "" };
  } catch (err) {
    return { kind: "chart", markup: null, message: `No error chart at x = ${request.x}: ${why(err)}.` };
  }
}

function twoD(request: Extract<ComputeRequest, { kind: "2d" }>): TwoDReply {
  const formula = formulaOf(request.formula);
  if (formula.mode !== "2d") throw new Error("this formula is in x, not x0 and x1");
  const { f } = formula;
  const { p, lr, steps, box, size } = request;
  const problems: string[] = [];
  let field: string | null = null;
  let descent: string | null = null;
  try {
    field = gradientFieldFigure({ f, domain: box, ...size });
  } catch (e) {
    problems.push(`No gradient field: ${why(e)}.`);
  }
  try {
    descent = descentFigure({ f, start: p, lr, steps, domain: box, ...size });
  } catch (e) {
    problems.push(`No descent path: ${why(e)}.`);
  }
  return {
    kind: "2d",
    field,
    descent,
    problems,
    numbers: partialNumbers(f, p, formula.exact),
    exactSource: formula.exactSource,
  };
}

/**
 * Answers one request. A formula that cannot be read throws its FormulaError (the worker sends its
 * message back).
 *
 * @throws FormulaError for a refused formula; Error for a formula in the wrong view.
 * @example
 * ```ts
 * compute({ kind: "load", formula: "x0^2 + x1^2" }); // { kind: "load", mode: "2d" }
 * compute({ kind: "load", formula: "import(1)" }); // throws FormulaError
 * ```
 */
export function compute(request: ComputeRequest): ComputeReply {
  switch (request.kind) {
    case "load":
      return { kind: "load", mode: formulaOf(request.formula).mode };
    case "1d":
      return oneD(request);
    case "chart":
      return chart(request);
    case "2d":
      return twoD(request);
  }
}
