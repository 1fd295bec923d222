import { describe, expect, it } from "vitest";
import { accuracyReport, toleranceFor } from "../../bench/accuracy.js";
import { loadDerivativeCases } from "../../bench/fixtures.js";

// Issue 2's figures on the committed reference set (test/fixtures/derivative-cases.json, values from
// sympy/mpmath at 40 digits), with default options.
const report = accuracyReport(loadDerivativeCases());
const s = report.summary;

describe("derivative on the reference set, default options", () => {
  it("has at least 50 cases covering orders 1 to 4, none skipped", () => {
    expect(s.cases).toBeGreaterThanOrEqual(50);
    for (const order of [1, 2, 3, 4])
      expect(s.byOrder.find((o) => o.order === order)?.cases).toBeGreaterThan(0);
    expect(s.missingFunctions).toEqual([]);
  });

  it("first derivatives are within 1e-12 in at least 90% of cases", () => {
    expect(s.firstOrderShare).toBeGreaterThanOrEqual(0.9);
  });

  it("orders 2, 3, 4 are within 1e-10, 1e-8, 1e-6 in at least 90% of their cases", () => {
    for (const order of [2, 3, 4]) {
      const o = s.byOrder.find((b) => b.order === order)!;
      expect(o.tolerance).toBe(toleranceFor(order));
      expect(o.withinTolerance / o.cases).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("never returns NaN or ±Infinity where f is finite at x and on a side", () => {
    expect(s.nonFinite).toBe(0);
    expect(s.threw).toBe(0);
  });

  it("needs at most 12 evaluations for a first derivative in the median (scipy 11, numdifftools 30)", () => {
    expect(s.medianEvaluations).toBeLessThanOrEqual(12);
  });

  it("reports exactly the number of calls it made", () => {
    expect(s.evaluationMismatches).toBe(0);
  });

  it("error estimate covers the true error in at least 80% of cases, at most 100 times it in the median", () => {
    expect(s.estimateCovers).toBeGreaterThanOrEqual(0.8);
    expect(s.medianEstimateRatio).toBeLessThanOrEqual(100);
  });
});
