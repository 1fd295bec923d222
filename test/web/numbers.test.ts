import { describe, expect, it } from "vitest";
import { pointNumbers } from "../../web/src/numbers.js";
import { partialNumbers } from "../../web/src/partials.js";
import { snapToView } from "../../web/src/one-d.js";
import { snapToBox } from "../../web/src/two-d.js";

const seed = (x: number): number => 0.01 * x ** 2 + 0.1 * x;

describe("explorer numbers", () => {
  it("the seed at x = 5: the book's 0.1999999999990898, numdiff's 0.2, the actual errors against 0.2", () => {
    const n = pointNumbers(seed, 5, (x) => 0.02 * x + 0.1);
    expect(n.fx).toBe(0.75);
    expect(n.book).toBe(0.1999999999990898);
    expect(Math.abs(n.auto.value - 0.2)).toBeLessThanOrEqual(1e-15);
    expect(n.exact).toBe(0.2);
    expect(n.bookError).toBe(Math.abs(0.1999999999990898 - 0.2));
    expect(n.autoError).toBe(Math.abs(n.auto.value - 0.2));
  });

  it("without an analytic derivative (or a non-finite one) no actual error is claimed", () => {
    expect(pointNumbers(Math.sin, 1, null)).toMatchObject({ exact: null, bookError: null, autoError: null });
    expect(pointNumbers(Math.sqrt, 0, (x) => 0.5 / Math.sqrt(x)).exact).toBeNull();
    // log at −1: f is NaN, so its derivative formula 1/x (= −1) is not a derivative there
    expect(pointNumbers(Math.log, -1, (x) => 1 / x)).toMatchObject({ exact: null, autoError: null });
  });

  it("x0² + x1² at (3, 4): the book's 6.00000000000378 and 7.999999999999119, numdiff's 6 and 8", () => {
    const f = (x: Float64Array): number => x[0] * x[0] + x[1] * x[1];
    const n = partialNumbers(f, [3, 4], [(x) => 2 * x[0], (x) => 2 * x[1]]);
    expect(n.fx).toBe(25);
    expect(n.book).toEqual([6.00000000000378, 7.999999999999119]);
    expect(Math.abs(n.auto[0] - 6)).toBeLessThanOrEqual(1e-13);
    expect(Math.abs(n.auto[1] - 8)).toBeLessThanOrEqual(1e-13);
    expect(n.exact).toEqual([6, 8]);
    expect(n.bookActual[0]).toBe(Math.abs(6.00000000000378 - 6));
    expect(n.evaluations).toBeGreaterThan(0);
  });

  it("partial numbers never change the point they are given", () => {
    const p: [number, number] = [3, 4];
    partialNumbers((x) => x[0] * x[1], p, [null, null]);
    expect(p).toEqual([3, 4]);
  });

  it("pointer positions are rounded to 1/1000 of the visible width", () => {
    expect(snapToView(7.231946732, [0, 20])).toBe(7.23);
    expect(snapToView(1234.5678, [1000, 2000])).toBe(1235);
    expect(snapToView(0.123456789, [0, 0.01])).toBe(0.12346);
    expect(
      snapToBox(
        [1.23456, -2.34567],
        [
          [-3.5, 3.5],
          [-4.5, 4.5],
        ],
      ),
    ).toEqual([1.235, -2.346]);
  });
});
