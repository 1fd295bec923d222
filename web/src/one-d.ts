/**
 * The one-variable view: src/plot's tangent figure with an interactive layer on top (drag the point,
 * arrow keys, wheel zoom, drag to pan, click to move the point), the numbers, and the error chart.
 */
import { PALETTE, type Frame } from "../../src/plot/index.js";
import type { ComputeClient } from "./client.js";
import type { OneDReply } from "./compute.js";
import { parseSvg, svgEl, toSvgPoint } from "./dom.js";
import {
  ERROR_ASPECT,
  ERROR_MIN_WIDTH,
  fitFigure,
  frameFromMarkup,
  TANGENT_ASPECT,
  tangentFrame,
  type FigureSize,
} from "./geometry.js";
import { announcer } from "./announce.js";
import { pointSummary, pointTable } from "./tables.js";
import { panView, wheelZoomFactor, zoomView, type ViewRange } from "./view.js";

/**
 * Arrow keys move the point by this fraction of the visible width (Shift: ten times as far).
 *
 * @default 0.01
 * @example
 * ```ts
 * KEY_STEP_FRACTION; // 0.01 (0.2 on the seed's [0, 20] view)
 * ```
 */
export const KEY_STEP_FRACTION = 0.01;

/**
 * Shift with an arrow key moves this many times as far (the usual slider convention of a large step).
 *
 * @default 10
 * @example
 * ```ts
 * SHIFT_STEP_FACTOR; // 10 (Shift+→ moves 2 on the seed's [0, 20] view)
 * ```
 */
export const SHIFT_STEP_FACTOR = 10;

/**
 * The + and − keys (with the point focused) zoom in and out by this factor about the point.
 *
 * @default 1.5
 * @example
 * ```ts
 * KEY_ZOOM_FACTOR; // 1.5 ([0, 20] about 5 becomes [1.67, 15])
 * ```
 */
export const KEY_ZOOM_FACTOR = 1.5;

/**
 * Pixels per wheel line, for wheels that report deltas in lines (`deltaMode` 1, as Firefox does for
 * a mouse wheel, three lines a notch): 3 × 33 ≈ 100 px, so a notch zooms by about
 * WHEEL_ZOOM_PER_NOTCH (view.ts) either way.
 *
 * @default 33
 * @example
 * ```ts
 * WHEEL_LINE_PX; // 33
 * ```
 */
export const WHEEL_LINE_PX = 33;

/**
 * The error chart is redrawn this long after the point last moved: a drag then redraws only the
 * tangent figure each frame, and the chart follows as soon as the point rests.
 *
 * @default 80 (ms)
 * @example
 * ```ts
 * ERROR_CHART_DELAY_MS; // 80
 * ```
 */
export const ERROR_CHART_DELAY_MS = 80;

/**
 * A pointer that moves less than this many CSS pixels between press and release clicked rather
 * than dragged (the usual platform slop).
 *
 * @default 4
 * @example
 * ```ts
 * CLICK_SLOP_PX; // 4
 * ```
 */
export const CLICK_SLOP_PX = 4;

/**
 * Points set with the mouse are rounded to 1/1000 of the visible width (a fraction of a pixel),
 * so they read as 7.23 rather than 7.231946732.
 *
 * @default 1000
 * @example
 * ```ts
 * snapToView(7.231946732, [0, 20]); // 7.23
 * ```
 */
export const POINTER_RESOLUTION = 1000;

/**
 * x rounded to the decimal place of width/{@link POINTER_RESOLUTION}.
 *
 * @example
 * ```ts
 * snapToView(5.123456, [0, 20]); // 5.12
 * snapToView(1234.5678, [1000, 2000]); // 1235
 * ```
 */
export function snapToView(x: number, view: ViewRange): number {
  const quantum = (view[1] - view[0]) / POINTER_RESOLUTION;
  const decimals = Math.max(0, Math.min(20, -Math.floor(Math.log10(quantum))));
  const snapped = Number(x.toFixed(decimals));
  return Number.isFinite(snapped) ? snapped : x;
}

/**
 * What the view tells the page.
 *
 * @example
 * ```ts
 * const events: OneDEvents = {
 *   point: (x, follow) => setPoint(x, follow), // the page decides the new state
 *   view: (v) => setView(v),
 * };
 * new OneDView(elements, events);
 * ```
 */
export interface OneDEvents {
  /** The point moved by pointer (`follow` false: the range stays) or keyboard (`follow` true). */
  point(x: number, follow: boolean): void;
  /** The visible range changed by wheel, pan or keyboard zoom. */
  view(view: ViewRange): void;
}

/**
 * The one-variable view's elements.
 *
 * @example
 * ```ts
 * const elements: OneDElements = {
 *   plot: byId("plot", HTMLElement),
 *   numbers: byId("numbers-1d", HTMLElement),
 *   errorChart: byId("error-curve", HTMLElement),
 *   status: byId("plot-status", HTMLElement),
 *   summary: byId("summary-1d", HTMLElement),
 * };
 * new OneDView(elements, events);
 * ```
 */
export interface OneDElements {
  plot: HTMLElement;
  numbers: HTMLElement;
  errorChart: HTMLElement;
  status: HTMLElement;
  /** The aria-live region that gets a one-sentence summary of the numbers. */
  summary: HTMLElement;
}

/**
 * The one-variable view; `render` redraws it for a formula, a point and a range. Pointer and
 * keyboard input come back through `events`; the page decides what the new state is.
 *
 * @example
 * ```ts
 * const view = new OneDView(
 *   { plot, numbers, errorChart, status, summary },
 *   { point: (x, follow) => setPoint(x, follow), view: (v) => setView(v) },
 * );
 * view.render(loadFormula("sin(x)") as Formula1D, 1, [0, 20]); // tangent at 1, cos(1) in the table
 * ```
 */
export class OneDView {
  private readonly overlay: SVGSVGElement;
  private readonly panArea: SVGRectElement;
  private readonly handle: SVGGElement;
  private readonly ring: SVGCircleElement;
  private readonly hit: SVGCircleElement;
  private figure: SVGSVGElement | null = null;
  private size: FigureSize = fitFigure(0, TANGENT_ASPECT);
  private frame: Frame = tangentFrame([0, 20], this.size);
  private x = 0;
  private chartTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly say: (text: string) => void;
  private view: ViewRange = [0, 20];

  constructor(
    private readonly elements: OneDElements,
    private readonly events: OneDEvents,
    private readonly client: ComputeClient,
  ) {
    const o = svgEl("svg", { class: "overlay" });
    this.panArea = svgEl("rect", { class: "pan-area", fill: "transparent" });
    this.handle = svgEl("g", {
      class: "handle",
      tabindex: "0",
      role: "slider",
      "aria-label": "x, the point where the tangent touches",
      "aria-orientation": "horizontal",
      "data-testid": "plot-handle",
    });
    this.hit = svgEl("circle", { r: "28", fill: "transparent" });
    this.ring = svgEl("circle", {
      class: "handle-ring",
      r: "11",
      fill: "none",
      stroke: PALETTE.vermillion,
      "stroke-width": "2.5",
    });
    this.handle.append(this.hit, this.ring);
    o.append(this.panArea, this.handle);
    this.overlay = o;
    elements.plot.append(o);
    this.say = announcer(elements.summary);
    this.listen();
  }

  /**
   * Redraws the figure, the numbers and (once the point rests) the error chart for a formula, a
   * point, a range (null: the point's first view) and the secant's step h, all computed by the
   * worker. Resolves with the range drawn and the point's first view, or null when a newer render
   * replaced this one before it was computed.
   */
  async render(
    formula: string,
    x: number,
    view: ViewRange | null,
    h: number,
  ): Promise<{ view: ViewRange; start: ViewRange } | null> {
    this.x = x;
    if (view !== null) this.view = view;
    clearTimeout(this.chartTimer);
    const size = fitFigure(this.elements.plot.clientWidth, TANGENT_ASPECT);
    let reply: OneDReply | null;
    try {
      reply = (await this.client.latest("1d", { kind: "1d", formula, x, view, h, size })) as OneDReply | null;
    } catch (e) {
      this.showStatus(`No plot at x = ${x}: ${e instanceof Error ? e.message : String(e)}.`);
      return null;
    }
    if (reply === null) return null;
    this.view = reply.view;
    let message = reply.message;
    if (reply.markup !== null) {
      const svg = parseSvg(reply.markup);
      this.figure?.remove();
      this.figure = svg;
      this.elements.plot.insertBefore(svg, this.overlay);
      this.size = size;
      this.frame = frameFromMarkup(reply.markup) ?? tangentFrame(reply.view, size);
      this.overlay.setAttribute("viewBox", `0 0 ${size.width} ${size.height}`);
    } else if (this.figure !== null) {
      message += " The last plot is kept.";
    }
    this.placeHandle();
    this.elements.numbers.replaceChildren(pointTable(reply.numbers, x, reply.exactSource, reply.step));
    this.say(pointSummary(reply.numbers, x));
    this.showStatus(message);
    // The error chart (the heaviest SVG) is redrawn once the point rests, not on every frame of a drag.
    clearTimeout(this.chartTimer);
    this.chartTimer = setTimeout(() => this.drawErrorChart(formula, x, h), ERROR_CHART_DELAY_MS);
    return { view: reply.view, start: reply.start };
  }

  private drawErrorChart(formula: string, x: number, h: number): void {
    const size = fitFigure(this.elements.errorChart.clientWidth, ERROR_ASPECT, ERROR_MIN_WIDTH);
    this.client.latest("chart", { kind: "chart", formula, x, h, size }).then(
      (reply) => {
        // a chart for a point that has moved on since is not shown (nor its trouble)
        if (reply === null || reply.kind !== "chart" || x !== this.x) return;
        if (reply.markup !== null) this.elements.errorChart.replaceChildren(parseSvg(reply.markup));
        else if (this.elements.status.hidden) this.showStatus(reply.message);
      },
      (e: Error) => {
        if (x === this.x && this.elements.status.hidden) {
          this.showStatus(`No error chart at x = ${x}: ${e.message}.`);
        }
      },
    );
  }

  private showStatus(message: string): void {
    this.elements.status.textContent = message;
    this.elements.status.hidden = message === "";
  }

  private placeHandle(): void {
    const { frame } = this;
    this.panArea.setAttribute("x", String(frame.left));
    this.panArea.setAttribute("y", String(frame.top));
    this.panArea.setAttribute("width", String(frame.right - frame.left));
    this.panArea.setAttribute("height", String(frame.bottom - frame.top));
    const px = frame.x(this.x);
    const py = this.markerY(px) ?? (frame.top + frame.bottom) / 2;
    for (const c of [this.hit, this.ring]) {
      c.setAttribute("cx", String(px));
      c.setAttribute("cy", String(py));
    }
    const [lo, hi] = frame.x.domain();
    this.handle.setAttribute("aria-valuemin", String(lo));
    this.handle.setAttribute("aria-valuemax", String(hi));
    this.handle.setAttribute("aria-valuenow", String(this.x));
    this.handle.setAttribute("aria-valuetext", `x = ${this.x}`);
  }

  /** The y of the figure's own point marker (a circle centred at px), if the figure has one. */
  private markerY(px: number): number | null {
    if (this.figure === null) return null;
    for (const c of Array.from(this.figure.querySelectorAll("circle"))) {
      // the figure rounds coordinates to 0.01 (src/plot's COORDINATE_DECIMALS)
      if (Math.abs(Number(c.getAttribute("cx")) - px) < 0.02) return Number(c.getAttribute("cy"));
    }
    return null;
  }

  private xAt(clientX: number, clientY: number): number {
    const p = toSvgPoint(this.overlay, clientX, clientY);
    const { frame } = this;
    const px = Math.min(frame.right, Math.max(frame.left, p.x));
    return frame.x.invert(px);
  }

  private listen(): void {
    let drag: {
      kind: "point" | "pan";
      id: number;
      startX: number;
      startView: ViewRange;
      moved: boolean;
    } | null = null;
    let pending: number | null = null;
    let nextX = 0;

    this.overlay.addEventListener("pointerdown", (ev) => {
      if (ev.button !== 0) return;
      const kind = ev.target instanceof Element && this.handle.contains(ev.target) ? "point" : "pan";
      drag = { kind, id: ev.pointerId, startX: ev.clientX, startView: this.view, moved: false };
      this.overlay.setPointerCapture(ev.pointerId);
      this.overlay.classList.add("dragging");
      if (kind === "point") this.handle.focus();
      ev.preventDefault();
    });

    this.overlay.addEventListener("pointermove", (ev) => {
      if (drag === null || ev.pointerId !== drag.id) return;
      const dx = ev.clientX - drag.startX;
      if (Math.abs(dx) >= CLICK_SLOP_PX) drag.moved = true;
      if (drag.kind === "point") {
        nextX = snapToView(this.xAt(ev.clientX, ev.clientY), this.view);
        if (pending === null) {
          pending = requestAnimationFrame(() => {
            pending = null;
            this.events.point(nextX, false);
          });
        }
      } else if (drag.moved && this.figure !== null) {
        // Preview the pan by sliding the picture; the figure is redrawn for the new range on release.
        this.figure.style.transform = `translateX(${dx}px)`;
      }
    });

    const finish = (ev: PointerEvent): void => {
      if (drag === null || ev.pointerId !== drag.id) return;
      const d = drag;
      drag = null;
      this.overlay.classList.remove("dragging");
      if (d.kind === "pan") {
        if (this.figure !== null) this.figure.style.transform = "";
        if (!d.moved) {
          this.events.point(snapToView(this.xAt(ev.clientX, ev.clientY), this.view), false);
          return;
        }
        const box = this.overlay.getBoundingClientRect();
        const [lo, hi] = this.frame.x.domain();
        const unitsPerCssPx =
          ((hi - lo) / (this.frame.right - this.frame.left)) * (this.size.width / box.width);
        this.events.view(panView(d.startView, -(ev.clientX - d.startX) * unitsPerCssPx));
      }
    };
    this.overlay.addEventListener("pointerup", finish);
    // A cancelled pointer (the browser took a vertical swipe for scrolling) changes nothing.
    this.overlay.addEventListener("pointercancel", (ev) => {
      if (drag === null || ev.pointerId !== drag.id) return;
      drag = null;
      this.overlay.classList.remove("dragging");
      if (this.figure !== null) this.figure.style.transform = "";
    });

    this.overlay.addEventListener(
      "wheel",
      (ev) => {
        ev.preventDefault();
        const anchor = this.xAt(ev.clientX, ev.clientY);
        const delta = ev.deltaMode === WheelEvent.DOM_DELTA_LINE ? ev.deltaY * WHEEL_LINE_PX : ev.deltaY;
        this.events.view(zoomView(this.view, anchor, wheelZoomFactor(delta)));
      },
      { passive: false },
    );

    this.handle.addEventListener("keydown", (ev) => {
      const width = this.view[1] - this.view[0];
      const step = width * KEY_STEP_FRACTION * (ev.shiftKey ? SHIFT_STEP_FACTOR : 1);
      const move = (x: number): void => this.events.point(snapToView(x, this.view), true);
      switch (ev.key) {
        case "ArrowRight":
        case "ArrowUp":
          move(this.x + step);
          break;
        case "ArrowLeft":
        case "ArrowDown":
          move(this.x - step);
          break;
        case "PageUp":
          move(this.x + width / 10);
          break;
        case "PageDown":
          move(this.x - width / 10);
          break;
        case "Home":
          move(this.view[0]);
          break;
        case "End":
          move(this.view[1]);
          break;
        case "+":
        case "=":
          this.events.view(zoomView(this.view, this.x, 1 / KEY_ZOOM_FACTOR));
          break;
        case "-":
        case "_":
          this.events.view(zoomView(this.view, this.x, KEY_ZOOM_FACTOR));
          break;
        default:
          return;
      }
      ev.preventDefault();
    });
  }
}
