import { describe, expect, it } from "vitest";
import { differentiate, NumdiffError } from "../../src/core/index.js";
import { samplesFigure } from "../../src/plot/index.js";

describe("samplesFigure", () => {
  it("snapshot: 60 samples of sin with a deterministic ripple, the finite-difference and smoothed derivatives", async () => {
    const x = Array.from({ length: 60 }, (_, i) => i / 10);
    const y = x.map((t, i) => Math.sin(t) + 0.02 * Math.sin(i * 2.7));
    const plain = differentiate(y, x).value;
    const smooth = differentiate(y, x, { smooth: "savitzky-golay", window: 11, degree: 3 }).value;
    await expect(
      samplesFigure({
        x,
        y,
        derivative: plain,
        smoothed: smooth,
        smoothedLabel: "Savitzky–Golay, window 11",
      }),
    ).toMatchFileSnapshot("./snapshots/samples-sin.svg");
  });

  it("draws a line instead of markers past SAMPLE_MARKER_LIMIT samples, and names the order", () => {
    const x = Array.from({ length: 1000 }, (_, i) => i);
    const svg = samplesFigure({ x, y: x, derivative: x.map(() => 1), order: 2 });
    expect(svg).toContain("second derivative");
    expect(svg.match(/<circle/g) ?? []).toHaveLength(0);
  });

  it("refuses arrays of different lengths", () => {
    expect(() => samplesFigure({ x: [0, 1, 2], y: [0, 1], derivative: [0, 1, 2] })).toThrow(NumdiffError);
  });
});
