import { describe, expect, it } from "vitest";
import { numericalDiff, tangentLine } from "../../src/book/index.js";

const function1 = (x: number): number => 0.01 * x ** 2 + 0.1 * x;

describe("book layer", () => {
  it("numericalDiff gives the book's printed bits", () => {
    expect(numericalDiff(function1, 5)).toBe(0.1999999999990898);
    expect(numericalDiff(function1, 10)).toBe(0.2999999999986347);
    expect(numericalDiff((x0) => x0 * x0 + 4.0 ** 2.0, 3.0)).toBe(6.00000000000378);
    expect(numericalDiff((x1) => 3.0 ** 2.0 + x1 * x1, 4.0)).toBe(7.999999999999119);
  });

  it("tangentLine returns t => d*t + (f(x) - d*x)", () => {
    const tf = tangentLine(function1, 5);
    const d = 0.1999999999990898;
    const y = function1(5) - d * 5;
    for (const t of [0, 5, 10, 19.9]) expect(tf(t)).toBe(d * t + y);
    expect(Math.abs(tf(5) - 0.75)).toBeLessThan(1e-14);
  });
});
