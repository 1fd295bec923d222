import { describe, expect, it } from "vitest";
import { gradientDescent, numericalGradient } from "../../src/book/index.js";
import { NumdiffError } from "../../src/core/index.js";

const function2 = (x: ArrayLike<number>): number => x[0] ** 2 + x[1] ** 2;

describe("numericalGradient (the book's numerical_gradient)", () => {
  it("gives the book's bits at (3, 4): [6.00000000000378, 7.999999999999119]", () => {
    expect(Array.from(numericalGradient(function2, [3, 4]))).toEqual([6.00000000000378, 7.999999999999119]);
  });

  it("at (0, 2) and (3, 0) gives what numpy prints as [0. 4.] and [6. 0.]", () => {
    const a = numericalGradient(function2, Float64Array.of(0, 2));
    const b = numericalGradient(function2, Float64Array.of(3, 0));
    expect(Array.from(a)).toEqual([0, 4.000000000004]);
    expect(Array.from(b)).toEqual([6.000000000012662, 0]);
    // numpy's default print rounds to 8 significant digits
    expect(Array.from(a, (v) => Number(v.toPrecision(8)))).toEqual([0, 4]);
    expect(Array.from(b, (v) => Number(v.toPrecision(8)))).toEqual([6, 0]);
  });

  it("perturbs x in place and restores it, so f may ignore its argument", () => {
    const W = Float64Array.of(0.5, -1.25, 3);
    const seen: number[][] = [];
    const g = numericalGradient(() => {
      seen.push(Array.from(W));
      return W[0] * W[1] + W[2] ** 2;
    }, W);
    expect(Array.from(W)).toEqual([0.5, -1.25, 3]);
    expect(seen).toHaveLength(6);
    expect(seen[0]).toEqual([0.5 + 1e-4, -1.25, 3]);
    expect(seen[1]).toEqual([0.5 - 1e-4, -1.25, 3]);
    expect(Math.abs(g[0] + 1.25)).toBeLessThan(1e-10);
    expect(Math.abs(g[2] - 6)).toBeLessThan(1e-8);
  });

  it("gives a gradient per row for a batch, each row the same bits as alone", () => {
    const rows = [
      [3, 4],
      [0, 2],
      [3, 0],
    ];
    const g = numericalGradient(function2, rows);
    expect(g).toHaveLength(3);
    rows.forEach((r, i) => expect(g[i]).toEqual(numericalGradient(function2, r)));
    expect(rows).toEqual([
      [3, 4],
      [0, 2],
      [3, 0],
    ]);
  });

  it("refuses integer typed arrays (x + h would be truncated: the book's own pitfall)", () => {
    expect(() => numericalGradient(function2, Int32Array.of(3, 4) as unknown as number[])).toThrow(
      NumdiffError,
    );
    expect(() => numericalGradient(function2, Int32Array.of(3, 4) as unknown as number[])).toThrow(
      /truncate/,
    );
  });
});

describe("gradientDescent (the book's gradient_descent)", () => {
  it("from (-3, 4) with lr 0.1 and 100 steps gives [-6.111107928998789e-10, 8.148143905314271e-10] exactly", () => {
    const r = gradientDescent(function2, [-3, 4], { lr: 0.1, stepNum: 100 });
    expect(Array.from(r.x)).toEqual([-6.111107928998789e-10, 8.148143905314271e-10]);
  });

  it("diverges with lr 10 to the book's [-2.58983747e+13, -1.29524862e+12] (8 printed digits)", () => {
    const { x } = gradientDescent(function2, [-3, 4], { lr: 10, stepNum: 100 });
    expect(Array.from(x, (v) => Number(v.toPrecision(9)))).toEqual([-2.58983747e13, -1.29524862e12]);
  });

  it("barely moves with lr 1e-10: the book's [-2.99999994, 3.99999992]", () => {
    const { x } = gradientDescent(function2, [-3, 4], { lr: 1e-10, stepNum: 100 });
    expect(Array.from(x, (v) => Number(v.toFixed(8)))).toEqual([-2.99999994, 3.99999992]);
  });

  it("20 steps with lr 0.1 reach the book's [-0.03458765, 0.04611686] with a 20-point history", () => {
    const { x, history } = gradientDescent(function2, [-3, 4], { lr: 0.1, stepNum: 20 });
    expect(Array.from(x, (v) => Number(v.toFixed(8)))).toEqual([-0.03458765, 0.04611686]);
    expect(history).toHaveLength(20);
    expect(Array.from(history[0])).toEqual([-3, 4]);
    // each step is x - lr * grad: history[1] = [-3, 4] - 0.1 * numericalGradient at [-3, 4]
    const g = numericalGradient(function2, [-3, 4]);
    expect(Array.from(history[1])).toEqual([-3 - 0.1 * g[0], 4 - 0.1 * g[1]]);
  });

  it("defaults to lr 0.01 and 100 steps, and leaves initX unchanged", () => {
    const init = [-3, 4];
    const r = gradientDescent(function2, init);
    expect(r.history).toHaveLength(100);
    expect(init).toEqual([-3, 4]);
    expect(r.x).toEqual(gradientDescent(function2, [-3, 4], { lr: 0.01, stepNum: 100 }).x);
  });

  it("refuses a non-finite lr and a negative or fractional stepNum", () => {
    expect(() => gradientDescent(function2, [1, 1], { lr: NaN })).toThrow(NumdiffError);
    expect(() => gradientDescent(function2, [1, 1], { stepNum: -1 })).toThrow(NumdiffError);
    expect(() => gradientDescent(function2, [1, 1], { stepNum: 1.5 })).toThrow(NumdiffError);
  });
});
