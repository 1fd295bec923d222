/**
 * The two-variable view: src/plot's gradient field and descent path over one shared region, each
 * with a layer that marks the point and takes clicks (set the point, start descent there) and the
 * wheel (zoom); the partial derivatives beside them.
 */
import { PALETTE, type Frame } from "../../src/plot/index.js";
import type { ComputeClient } from "./client.js";
import { zoomBox } from "./box.js";
import { parseSvg, svgEl, toSvgPoint } from "./dom.js";
import { BOX_ASPECT, boxFrame, fitFigure, frameFromMarkup, type Box } from "./geometry.js";
import { CLICK_SLOP_PX, SHIFT_STEP_FACTOR, WHEEL_LINE_PX } from "./one-d.js";
import type { Pair } from "./partials.js";
import { announcer } from "./announce.js";
import { partialSummary, partialTable } from "./tables.js";
import { wheelZoomFactor } from "./view.js";

/**
 * Arrow keys on a figure's point move it by this fraction of the region's width or height (Shift:
 * SHIFT_STEP_FACTOR times as far).
 *
 * @default 0.02
 * @example
 * ```ts
 * KEY_STEP_FRACTION_2D; // 0.02 (0.14 in x0 on the book's region)
 * ```
 */
export const KEY_STEP_FRACTION_2D = 0.02;

/**
 * Clicked points are rounded to 1/1000 of the region's width and height.
 *
 * @default 1000
 * @example
 * ```ts
 * snapToBox([1.23456, -2.34567], BOOK_BOX); // [1.235, -2.346]
 * ```
 */
export const POINTER_RESOLUTION_2D = 1000;

function snap(v: number, range: readonly [number, number]): number {
  const quantum = (range[1] - range[0]) / POINTER_RESOLUTION_2D;
  const decimals = Math.max(0, Math.min(20, -Math.floor(Math.log10(quantum))));
  const s = Number(v.toFixed(decimals));
  return Number.isFinite(s) ? s : v;
}

/**
 * A point rounded per axis to the decimal place of the region's size / {@link POINTER_RESOLUTION_2D}.
 *
 * @example
 * ```ts
 * snapToBox([1.23456, -2.34567], [[-3.5, 3.5], [-4.5, 4.5]]); // [1.235, -2.346]
 * ```
 */
export function snapToBox(p: Pair, box: Box): Pair {
  return [snap(p[0], box[0]), snap(p[1], box[1])];
}

/**
 * What the view tells the page.
 *
 * @example
 * ```ts
 * const events: TwoDEvents = {
 *   point: (p) => setPoint2(p), // the page decides the new state
 *   view: (b) => setBox(b),
 * };
 * new TwoDView(elements, events);
 * ```
 */
export interface TwoDEvents {
  /** The point was clicked or moved by keyboard. */
  point(p: Pair): void;
  /** The region was zoomed. */
  view(box: Box): void;
}

/**
 * The two-variable view's elements.
 *
 * @example
 * ```ts
 * const elements: TwoDElements = {
 *   field: byId("field", HTMLElement),
 *   descent: byId("descent", HTMLElement),
 *   numbers: byId("numbers-2d", HTMLElement),
 *   status: byId("plot2d-status", HTMLElement),
 *   summary: byId("summary-2d", HTMLElement),
 * };
 * new TwoDView(elements, events);
 * ```
 */
export interface TwoDElements {
  field: HTMLElement;
  descent: HTMLElement;
  numbers: HTMLElement;
  status: HTMLElement;
  /** The aria-live region that gets a one-sentence summary of the partial derivatives. */
  summary: HTMLElement;
}

/** One figure with its interactive layer. */
class Panel {
  readonly overlay: SVGSVGElement;
  private readonly area: SVGRectElement;
  private readonly marker: SVGGElement;
  private figure: SVGSVGElement | null = null;

  constructor(
    readonly host: HTMLElement,
    label: string,
    testid: string,
  ) {
    this.overlay = svgEl("svg", {
      class: "overlay clickable",
    });
    this.area = svgEl("rect", { fill: "transparent" });
    this.marker = svgEl("g", {
      class: "handle",
      tabindex: "0",
      role: "group",
      "aria-label": label,
      "data-testid": testid,
    });
    this.marker.append(
      svgEl("circle", {
        class: "handle-ring",
        r: "10",
        fill: "none",
        stroke: PALETTE.vermillion,
        "stroke-width": "2.5",
      }),
      svgEl("circle", { r: "3", fill: PALETTE.vermillion }),
    );
    this.overlay.append(this.area, this.marker);
    host.append(this.overlay);
  }

  get handle(): SVGGElement {
    return this.marker;
  }

  show(svg: string, frame: Frame, p: Pair): void {
    const figure = parseSvg(svg);
    this.overlay.setAttribute("viewBox", `0 0 ${frame.width} ${frame.height}`);
    this.figure?.remove();
    this.figure = figure;
    this.host.insertBefore(figure, this.overlay);
    this.area.setAttribute("x", String(frame.left));
    this.area.setAttribute("y", String(frame.top));
    this.area.setAttribute("width", String(frame.right - frame.left));
    this.area.setAttribute("height", String(frame.bottom - frame.top));
    this.marker.setAttribute("transform", `translate(${frame.x(p[0])},${frame.y(p[1])})`);
    this.marker.setAttribute("aria-label", `point (x0, x1) = (${p[0]}, ${p[1]}); arrow keys move it`);
  }
}

/**
 * The two-variable view; `render` redraws the field, the descent path and the partials. Clicks,
 * arrow keys and the wheel come back through `events`.
 *
 * @example
 * ```ts
 * const view = new TwoDView({ field, descent, numbers, status, summary }, { point: setPoint, view: setBox });
 * view.render(loadFormula("x0^2 + x1^2") as Formula2D, [-3, 4], 0.1, 20, BOOK_BOX);
 * // ∂f/∂x0 = −6, ∂f/∂x1 = 8; the path ends near (-0.0346, 0.0461)
 * ```
 */
export class TwoDView {
  private readonly panels: [Panel, Panel];
  private frame: Frame = boxFrame(
    [
      [-1, 1],
      [-1, 1],
    ],
    fitFigure(0, BOX_ASPECT),
  );
  private box: Box = [
    [-1, 1],
    [-1, 1],
  ];
  private p: Pair = [0, 0];
  private readonly say: (text: string) => void;

  constructor(
    private readonly elements: TwoDElements,
    private readonly events: TwoDEvents,
    private readonly client: ComputeClient,
  ) {
    this.panels = [
      new Panel(elements.field, "point on the gradient field", "field-handle"),
      new Panel(elements.descent, "start of gradient descent", "descent-handle"),
    ];
    for (const panel of this.panels) this.listen(panel);
    this.say = announcer(elements.summary);
  }

  /** Redraws both figures and the partial derivatives, computed by the worker. */
  async render(formula: string, p: Pair, lr: number, steps: number, box: Box): Promise<void> {
    this.p = p;
    this.box = box;
    // both figures share one size (their boxes are equally wide) and so one frame
    const size = fitFigure(this.elements.field.clientWidth, BOX_ASPECT);
    let reply;
    try {
      reply = await this.client.latest("2d", { kind: "2d", formula, p, lr, steps, box, size });
    } catch (e) {
      this.showProblems([`No figures at (${p[0]}, ${p[1]}): ${e instanceof Error ? e.message : String(e)}.`]);
      return;
    }
    if (reply === null || reply.kind !== "2d") return;
    // the figures widen the box for equal units: map pointers through the frame they drew
    this.frame = (reply.field === null ? null : frameFromMarkup(reply.field)) ?? boxFrame(box, size);
    if (reply.field !== null) this.panels[0].show(reply.field, this.frame, p);
    if (reply.descent !== null) this.panels[1].show(reply.descent, this.frame, p);
    this.elements.numbers.replaceChildren(partialTable(reply.numbers, p, reply.exactSource));
    this.say(partialSummary(reply.numbers, p));
    this.showProblems(reply.problems);
  }

  private showProblems(problems: readonly string[]): void {
    this.elements.status.textContent = problems.join(" ");
    this.elements.status.hidden = problems.length === 0;
  }

  private pointAt(panel: Panel, clientX: number, clientY: number): Pair {
    const q = toSvgPoint(panel.overlay, clientX, clientY);
    const { frame } = this;
    const px = Math.min(frame.right, Math.max(frame.left, q.x));
    const py = Math.min(frame.bottom, Math.max(frame.top, q.y));
    return [frame.x.invert(px), frame.y.invert(py)];
  }

  private listen(panel: Panel): void {
    let press: { id: number; x: number; y: number } | null = null;
    panel.overlay.addEventListener("pointerdown", (ev) => {
      if (ev.button !== 0) return;
      press = { id: ev.pointerId, x: ev.clientX, y: ev.clientY };
    });
    panel.overlay.addEventListener("pointerup", (ev) => {
      if (press === null || press.id !== ev.pointerId) return;
      const moved = Math.hypot(ev.clientX - press.x, ev.clientY - press.y);
      press = null;
      if (moved < CLICK_SLOP_PX)
        this.events.point(snapToBox(this.pointAt(panel, ev.clientX, ev.clientY), this.box));
    });
    panel.overlay.addEventListener(
      "wheel",
      (ev) => {
        ev.preventDefault();
        const delta = ev.deltaMode === WheelEvent.DOM_DELTA_LINE ? ev.deltaY * WHEEL_LINE_PX : ev.deltaY;
        this.events.view(
          zoomBox(this.box, this.pointAt(panel, ev.clientX, ev.clientY), wheelZoomFactor(delta)),
        );
      },
      { passive: false },
    );
    panel.handle.addEventListener("keydown", (ev) => {
      const k = KEY_STEP_FRACTION_2D * (ev.shiftKey ? SHIFT_STEP_FACTOR : 1);
      const dx = (this.box[0][1] - this.box[0][0]) * k;
      const dy = (this.box[1][1] - this.box[1][0]) * k;
      const moves: Record<string, Pair> = {
        ArrowRight: [dx, 0],
        ArrowLeft: [-dx, 0],
        ArrowUp: [0, dy],
        ArrowDown: [0, -dy],
      };
      const m = moves[ev.key];
      if (m === undefined) return;
      ev.preventDefault();
      this.events.point(snapToBox([this.p[0] + m[0], this.p[1] + m[1]], this.box));
    });
  }
}
