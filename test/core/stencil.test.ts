import { describe, expect, it } from "vitest";
import { stencil, stencilOffsets } from "../../src/core/index.js";

describe("stencil (Fornberg, exact then rounded once)", () => {
  const table: [string, number[], number, number[], number[]][] = [
    ["central first derivative", [-1, 0, 1], 1, [-1, 1], [-0.5, 0.5]],
    ["central second derivative", [-1, 0, 1], 2, [-1, 0, 1], [1, -2, 1]],
    ["central first, 4th order", [-2, -1, 0, 1, 2], 1, [-2, -1, 1, 2], [1 / 12, -2 / 3, 2 / 3, -1 / 12]],
    [
      "central second, 4th order",
      [-2, -1, 0, 1, 2],
      2,
      [-2, -1, 0, 1, 2],
      [-1 / 12, 4 / 3, -5 / 2, 4 / 3, -1 / 12],
    ],
    ["central third", [-2, -1, 0, 1, 2], 3, [-2, -1, 1, 2], [-0.5, 1, -1, 0.5]],
    ["central fourth", [-2, -1, 0, 1, 2], 4, [-2, -1, 0, 1, 2], [1, -4, 6, -4, 1]],
    ["forward first, 1st order", [0, 1], 1, [0, 1], [-1, 1]],
    ["forward first, 2nd order", [0, 1, 2], 1, [0, 1, 2], [-1.5, 2, -0.5]],
    ["backward first, 2nd order", [-2, -1, 0], 1, [-2, -1, 0], [0.5, -2, 1.5]],
    ["forward second", [0, 1, 2], 2, [0, 1, 2], [1, -2, 1]],
  ];
  for (const [name, offsets, order, keptOffsets, weights] of table) {
    it(`gives the known weights: ${name}`, () => {
      const s = stencil(offsets, order);
      expect(s.offsets).toEqual(keptOffsets);
      expect(s.weights).toEqual(weights);
    });
  }

  it("caches each (offsets, order) pair", () => {
    expect(stencil([-1, 0, 1], 1)).toBe(stencil([1, 0, -1], 1));
  });

  it("weights of a stencil of order n annihilate polynomials of degree < n and reproduce x^n/n!", () => {
    for (const [offsets, order] of [
      [[-3, -2, -1, 0, 1, 2, 3], 4],
      [[0, 1, 2, 3, 4, 5], 3],
    ] as [number[], number][]) {
      const s = stencil(offsets, order);
      for (let p = 0; p <= order; p++) {
        const m = s.offsets.reduce((acc, o, k) => acc + s.weights[k] * o ** p, 0);
        const fact = [1, 1, 2, 6, 24][order];
        expect(Math.abs(m - (p === order ? fact : 0))).toBeLessThan(1e-12);
      }
    }
  });

  it("stencilOffsets follows m = floor((n-1)/2) + p/2 for central and n + p points one-sided", () => {
    expect(stencilOffsets("central", 1, 2)).toEqual([-1, 0, 1]);
    expect(stencilOffsets("central", 2, 4)).toEqual([-2, -1, 0, 1, 2]);
    expect(stencilOffsets("central", 3, 2)).toEqual([-2, -1, 0, 1, 2]);
    expect(stencilOffsets("forward", 1, 2)).toEqual([0, 1, 2]);
    expect(stencilOffsets("backward", 2, 1)).toEqual([-2, -1, 0]);
  });

  it("refuses a negative order and repeated offsets", () => {
    expect(() => stencil([-1, 0, 1], -1)).toThrow(/invalid order/);
    expect(() => stencil([0, 0, 1], 1)).toThrow(/distinct/);
  });
});
