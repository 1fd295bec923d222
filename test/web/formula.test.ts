import { describe, expect, it } from "vitest";
import { FormulaError } from "../../src/expr/index.js";
import { loadFormula, modeOf } from "../../web/src/formula.js";

describe("explorer formulas", () => {
  it("x alone (or no variable) is the one-variable view, x0 and/or x1 the two-variable view", () => {
    expect(modeOf([])).toBe("1d");
    expect(modeOf(["x"])).toBe("1d");
    expect(modeOf(["x0"])).toBe("2d");
    expect(modeOf(["x0", "x1"])).toBe("2d");
  });

  it("mixing x with x0/x1, or any other name, is refused with a FormulaError", () => {
    expect(() => modeOf(["x", "x1"])).toThrow(FormulaError);
    expect(() => modeOf(["x", "x1"])).toThrow("use x alone, or x0 and x1, not both");
    expect(() => modeOf(["y"])).toThrow('unknown variable "y"');
  });

  it("the seed's formula gives the seed's function and its analytic derivative 0.02x + 0.1", () => {
    const g = loadFormula("0.01*x^2 + 0.1*x");
    expect(g.mode).toBe("1d");
    if (g.mode !== "1d") return;
    expect(g.f(5)).toBe(0.01 * 5 ** 2 + 0.1 * 5);
    expect(g.exact).not.toBeNull();
    expect(Math.abs(g.exact!(5) - 0.2)).toBeLessThanOrEqual(2 ** -52);
    // the text of f' is math.js's, simplified; it evaluates to the same function
    expect(g.exactSource).toMatch(/x/);
  });

  it("a constant formula is a one-variable function of x with derivative 0", () => {
    const g = loadFormula("3");
    expect(g.mode).toBe("1d");
    if (g.mode === "1d") expect(g.f(10)).toBe(3);
  });

  it("x0^2 + x1^2 is a function of (x0, x1) in that order, with analytic partials 2·x0 and 2·x1", () => {
    const g = loadFormula("x0^2 + 3*x1^2");
    expect(g.mode).toBe("2d");
    if (g.mode !== "2d") return;
    expect(g.f(Float64Array.of(1, 2))).toBe(13);
    expect(g.exact[0]!(Float64Array.of(1, 2))).toBe(2);
    expect(g.exact[1]!(Float64Array.of(1, 2))).toBe(12);
  });

  it("hostile formulas throw FormulaError before anything runs", () => {
    for (const text of [
      "import({}, {})",
      'cos.constructor("alert(1)")()',
      "x".repeat(20_000),
      "",
      "f(x) = 1",
    ]) {
      expect(() => loadFormula(text), text.slice(0, 30)).toThrow(FormulaError);
    }
  });
});
