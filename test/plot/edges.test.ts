/**
 * The figures at the edges a learner reaches (issue 14): tick labels, framing, removable
 * singularities, kinks, equal aspect, dense paths, visible arrows.
 */
import { scaleLinear } from "d3-scale";
import { describe, expect, it } from "vitest";
import {
  curveSamples,
  descentFigure,
  equalAspect,
  gradientFieldFigure,
  MAX_TICK_LABEL,
  placeLabel,
  makeFrame,
  removableLimit,
  sparseMarkers,
  statusInWords,
  tangentDomain,
  tangentFigure,
  ticksOf,
  yExtent,
} from "../../src/plot/index.js";

const texts = (svg: string): string[] => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe("tick labels", () => {
  it.each([
    [[0, 2.2e17]],
    [[1e25, 3e25]],
    [[0.999999, 1.000001]],
    [[1e9, 1e9 + 10]],
    [[-2.5e6, 2.5e6]],
    [[0, 20]],
    [[-1e-9, 3e-9]],
  ])("over %j they are distinct and at most 8 characters", (domain) => {
    const { ticks } = ticksOf(scaleLinear().domain(domain).nice(), false);
    const labels = ticks.map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const l of labels) expect([...l].length).toBeLessThanOrEqual(MAX_TICK_LABEL);
  });

  it("d3's plain labels stay where they fit (the seed's 0 … 20)", () => {
    expect(ticksOf(scaleLinear().domain([0, 20]), false).ticks.map((t) => t.label)).toEqual([
      "0",
      "2",
      "4",
      "6",
      "8",
      "10",
      "12",
      "14",
      "16",
      "18",
      "20",
    ]);
  });

  it("ticks too close for any short label are offsets from a base, written on the axis", () => {
    const t = ticksOf(scaleLinear().domain([1e9, 1e9 + 10]), false);
    expect(t.base).toBe(1e9 + 5);
    expect(t.ticks.map((k) => k.label)).toContain("+5");
    const svg = tangentFigure({ f: (x) => x, x0: 1e9 + 5, domain: [1e9, 1e9 + 10] });
    expect(svg).toContain(">x − 1000000005</text>");
  });

  it("the exp-at-30 and x^x figures have no label longer than 8 characters on their axes", () => {
    for (const svg of [
      tangentFigure({ f: Math.exp, x0: 30, domain: [0, 40] }),
      tangentFigure({ f: (x) => x ** x, x0: 0.5, domain: [0, 20] }),
    ]) {
      const group = /<g font-size="13">(.*?)<\/g>/.exec(svg)![1];
      for (const label of texts(group)) expect([...label].length).toBeLessThanOrEqual(MAX_TICK_LABEL);
    }
  });
});

describe("framing and sampling", () => {
  it("the seed keeps its [0, 20); x² at 1 and ReLU at 0 are centred; a far point scales the range", () => {
    expect(tangentDomain((x) => 0.01 * x ** 2 + 0.1 * x, 5)).toEqual([0, 20]);
    expect(tangentDomain((x) => x * x, 1)).toEqual([-9, 11]);
    expect(tangentDomain((x) => Math.max(0, x), 0)).toEqual([-10, 10]);
    expect(tangentDomain((x) => Math.sin(x) / x, 0, 1, 0)).toEqual([-10, 10]);
  });

  it("the curve is sampled down toward a domain edge, and through the point itself", () => {
    const s = curveSamples(Math.log, [-1, 1], 200, 1e-9);
    expect(s.xs).toContain(1e-9);
    const smallest = Math.min(...s.xs.filter((x) => x > 0));
    expect(smallest).toBeLessThan(1e-12);
  });

  it("a pole does not set the y range; the point always does", () => {
    const grid = [...Array.from({ length: 199 }, (_, i) => i + 1), 1e12];
    const [lo, hi] = yExtent(grid, [0], []);
    expect(lo).toBe(0);
    expect(hi).toBeLessThan(1000);
  });
});

describe("removable singularities and kinks", () => {
  it("removableLimit fills sin(x)/x at 0 and refuses a pole, a jump and an oscillation", () => {
    expect(removableLimit((x) => Math.sin(x) / x, 0)).toBe(1);
    expect(removableLimit((x) => 1 / x, 0)).toBeNull();
    expect(removableLimit((x) => (x === 0 ? NaN : Math.sign(x)), 0)).toBeNull();
    expect(removableLimit((x) => Math.sin(1 / x), 0)).toBeNull();
  });

  it("sin(x)/x at 0 is drawn with a hole at (0, 1) and slope 0", () => {
    const svg = tangentFigure({ f: (x) => Math.sin(x) / x, x0: 0, domain: [-10, 10] });
    expect(svg).toContain("f(0) undefined, limit 1 · slope 0");
    expect(svg).toMatch(/<circle cx="[\d.]+" cy="[\d.]+" r="5.5" fill="#ffffff"/);
    expect(svg).not.toMatch(/NaN/);
  });

  it("at a kink both one-sided tangents are drawn and the status is written", () => {
    const note = statusInWords(
      { status: "not-differentiable", left: { value: 0, error: 0 }, right: { value: 1, error: 0 } },
      "x = 0",
    )!;
    expect(note).toBe("not differentiable at x = 0: left slope 0, right slope 1");
    const svg = tangentFigure({
      f: (x) => Math.max(0, x),
      x0: 0,
      domain: [-10, 10],
      sides: { left: 0, right: 1 },
      note,
    });
    expect(svg).toContain(">left tangent, slope 0</text>");
    expect(svg).toContain(">right tangent, slope 1</text>");
    expect(svg).toContain(note);
  });

  it("where the book's step leaves the domain numdiff's slope is used; where there is none it throws naming x0", () => {
    expect(tangentFigure({ f: Math.log, x0: 1e-9, domain: [-1, 1] })).toContain("leaves f's domain");
    expect(() => tangentFigure({ f: (x) => (x > 0 ? 1 / x : NaN), x0: -1, domain: [-2, 2] })).toThrow(/x0/);
  });
});

describe("labels inside the frame and clear of each other", () => {
  const frame = makeFrame({ width: 800, height: 600, x: { domain: [0, 20] }, y: { domain: [0, 6] } });

  it("a label at the right edge goes to the left of the point", () => {
    const p = placeLabel(frame, "(19.9, 5) · slope 0.3", 13, frame.x(19.9), frame.y(5), []);
    expect(p.anchor).toBe("end");
    expect(p.box.x + p.box.width).toBeLessThanOrEqual(frame.right);
  });

  it("the point label and the legend never overlap on the figures a learner reaches", () => {
    for (const [f, x0, domain] of [
      [(x: number) => x * x, 1, [-9, 11]],
      [(x: number) => Math.max(0, x), 0, [-10, 10]],
      [Math.log, 1e-9, [-1, 1]],
      [(x: number) => 0.01 * x ** 2 + 0.1 * x, 19.9, [0, 20]],
    ] as const) {
      const svg = tangentFigure({ f, x0, domain });
      const rect = /<g><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/
        .exec(svg)!
        .slice(1)
        .map(Number);
      const label = /<text x="([\d.]+)" y="([\d.]+)" text-anchor="(start|end)" font-size="13">([^<]*)</.exec(
        svg,
      )!;
      const [lx, ly] = [Number(label[1]), Number(label[2])];
      const w = [...label[4]].length * 13 * 0.6;
      const left = label[3] === "start" ? lx : lx - w;
      const overlap =
        left < rect[0] + rect[2] && rect[0] < left + w && ly - 13 < rect[1] + rect[3] && rect[1] < ly;
      expect(overlap).toBe(false);
      expect(left).toBeGreaterThanOrEqual(0);
      expect(left + w).toBeLessThanOrEqual(800);
    }
  });
});

describe("shapes", () => {
  it("equal aspect widens the shorter side only", () => {
    expect(equalAspect([-2, 2], [-2, 2], 800, 400)).toEqual([
      [-4, 4],
      [-2, 2],
    ]);
    expect(equalAspect([-2, 2], [-2, 2], 400, 800)).toEqual([
      [-2, 2],
      [-4, 4],
    ]);
  });

  it("the level circles of x0² + x1² are circles: one unit is as long on both axes", () => {
    const svg = descentFigure({ f: (x) => x[0] ** 2 + x[1] ** 2, start: [-3, 4] });
    const [l, r, t, b, xlo, xhi, ylo, yhi] = /data-frame="([^"]+)"/.exec(svg)![1].split(" ").map(Number);
    const dx = (r - l) / (xhi - xlo);
    const dy = (b - t) / (yhi - ylo);
    expect(Math.abs(dx - dy) / dx).toBeLessThan(1e-9);
  });

  it("a dense path (200 steps) gets markers at least 14 px apart, a short one a marker per step", () => {
    const line = Array.from({ length: 200 }, (_, i) => [i * 0.5, 0] as const);
    const sparse = sparseMarkers(line);
    expect(sparse.length).toBeLessThan(10);
    for (let i = 1; i < sparse.length; i++)
      expect(sparse[i][0] - sparse[i - 1][0]).toBeGreaterThanOrEqual(14);
    expect(sparseMarkers(line.slice(0, 20))).toHaveLength(20);
  });

  it("Rosenbrock's arrows are log-compressed so that most are longer than a speck", () => {
    const svg = gradientFieldFigure({ f: (x) => (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2 });
    expect(svg).toContain("log-compressed");
    const shafts = /<path d="([^"]+)" stroke="#666666"/.exec(svg)![1];
    const lengths = [...shafts.matchAll(/M([\d.-]+),([\d.-]+)L([\d.-]+),([\d.-]+)/g)].map((m) =>
      Math.hypot(Number(m[3]) - Number(m[1]), Number(m[4]) - Number(m[2])),
    );
    const visible = lengths.filter((l) => l >= 3).length;
    expect(visible / lengths.length).toBeGreaterThan(0.75);
  });
});
