import { beforeAll, describe, expect, it } from "vitest";
import { caseError, scoreCase, toleranceFor } from "../../bench/accuracy.js";
import { pickNumber, runExternal } from "../../bench/external.js";
import { loadDerivativeCases } from "../../bench/fixtures.js";
import { decodeNumber } from "../../bench/python.js";
import { renderMarkdown } from "../../bench/report.js";
import { projectPeak, runBenchmarks, type BenchResults } from "../../bench/run.js";
import { median } from "../../bench/stats.js";
import { throughputPoints } from "../../bench/throughput.js";

// The smoke test runs the quick benchmark's own code at tiny sizes, in process, without Python or the
// external modules, so the benchmark cannot rot unnoticed. It checks structure and consistency, never speed.

const allCases = loadDerivativeCases();
// A small slice with every order 1..4 represented, so the per-order and f′-only summaries have content.
const cases = [1, 2, 3, 4].flatMap((order) => allCases.filter((c) => c.order === order).slice(0, 3));

describe("bench scoring rules", () => {
  it("caseError is relative to |exact|, absolute against max(1, |f(x)|) for a zero derivative", () => {
    // powers of two, so every expected value is exact
    expect(caseError(2 + 2 ** -40, { exact: 2, fx: 1, tags: [] })).toBe(2 ** -41);
    expect(caseError(2 ** -40, { exact: 0, fx: 8, tags: [] })).toBe(2 ** -43);
    expect(caseError(2 ** -40, { exact: 0, fx: 0.5, tags: [] })).toBe(2 ** -40);
    // tagged zero-derivative: zero but for the rounding of x (cos″ at the double nearest π/2)
    expect(caseError(0, { exact: -6e-17, fx: 6e-17, tags: ["zero-derivative"] })).toBe(6e-17);
    expect(caseError(NaN, { exact: 1, fx: 1, tags: [] })).toBe(Infinity);
  });

  it("tolerances are 1e-12, 1e-10, 1e-8, 1e-6 for orders 1 to 4 and the last entry past the table", () => {
    expect([1, 2, 3, 4].map(toleranceFor)).toEqual([1e-12, 1e-10, 1e-8, 1e-6]);
    expect(toleranceFor(10)).toBe(toleranceFor(6));
  });

  it("scoreCase flags an estimate below the true error and a value outside tolerance", () => {
    const c = { id: "t", fn: "t", x: 1, order: 1, exact: 1, fx: 1, tags: [] };
    const raw = { evaluations: 4, reportedEvaluations: 4, method: "central" };
    const good = scoreCase(c, { ...raw, value: 1 + 1e-13, estimate: 1e-12 });
    expect(good.withinTolerance).toBe(true);
    expect(good.estimateCovers).toBe(true);
    expect(good.estimateRatio).toBeCloseTo(10, 1);
    const bad = scoreCase(c, { ...raw, value: 1 + 1e-9, estimate: 1e-12 });
    expect(bad.withinTolerance).toBe(false);
    expect(bad.estimateCovers).toBe(false);
    const nan = scoreCase(c, { ...raw, value: 1, estimate: NaN });
    expect(nan.estimateCovers).toBe(false);
  });

  it("median ignores NaN and averages the middle pair", () => {
    expect(median([3, NaN, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  it("projectPeak fits a + b·n² through the last two sizes", () => {
    expect(
      projectPeak(
        [
          { n: 1000, peakRssMiB: 900 },
          { n: 2000, peakRssMiB: 3300 },
        ],
        10_000,
      ),
    ).toBeCloseTo(100 + 0.0008 * 1e8, 6);
    expect(projectPeak([{ n: 1000, peakRssMiB: 900 }], 10_000)).toBeNull();
  });

  it("pickNumber finds a figure under any of the keys, nested objects included", () => {
    expect(pickNumber({ ratio: { median: 1.02 } }, ["medianRatio", "median"])).toBe(1.02);
    expect(pickNumber({ a: "x" }, ["a"])).toBeNull();
  });

  it("runExternal reports a missing module as a reason, not a throw", () => {
    const r = runExternal("no-such-benchmark", true);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain("bench/no-such-benchmark.ts does not exist");
  });

  it("decodeNumber reads the peers' spelled-out non-finite numbers", () => {
    expect(decodeNumber("Infinity")).toBe(Infinity);
    expect(decodeNumber("-Infinity")).toBe(-Infinity);
    expect(Number.isNaN(decodeNumber("NaN"))).toBe(true);
    expect(decodeNumber(0.5)).toBe(0.5);
  });

  it("throughput points are -10 + 20·i/(n-1), the doubles the scipy script uses", () => {
    expect(Array.from(throughputPoints(5))).toEqual([-10, -5, 0, 5, 10]);
  });
});

describe("the quick benchmark at tiny sizes", () => {
  let results: BenchResults;
  beforeAll(async () => {
    results = await runBenchmarks({
      quick: true,
      python: false,
      external: false,
      cases,
      throughputPoints: 200,
      throughputRepeats: 1,
    });
  });

  it("has every pinned field of results.json", () => {
    const json = JSON.parse(JSON.stringify(results)) as Record<string, unknown>;
    for (const key of ["cases", "withinTolerance", "nonFinite", "medianEvaluations", "medianRelativeError"]) {
      expect(results.accuracy).toHaveProperty(key);
    }
    expect(results.accuracy).toHaveProperty("estimateCovers");
    expect(json).toHaveProperty("gradientOverhead");
    expect(results.commit === null || /^[0-9a-f]{40}(-dirty)?$/.test(results.commit)).toBe(true);
    expect(results.jacobian).toHaveProperty("n");
    expect(results.jacobian).toHaveProperty("seconds");
    expect(results.jacobian).toHaveProperty("peakRssMiB");
    expect(results.throughput).toHaveProperty("numdiff");
    expect(results.throughput).toHaveProperty("scipy");
    expect(json).toHaveProperty("peers.scipy");
    expect(json).toHaveProperty("peers.numdifftools");
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.versions.node).toMatch(/^v\d+/);
  });

  it("accuracy figures are finite and their counts consistent", () => {
    const a = results.accuracy;
    expect(a.cases).toBe(cases.length);
    expect(a.withinTolerance).toBeLessThanOrEqual(a.cases);
    expect(a.nonFinite).toBeLessThanOrEqual(a.cases);
    expect(a.byOrder.reduce((s, b) => s + b.cases, 0)).toBe(a.cases);
    expect(a.byOrder.reduce((s, b) => s + b.withinTolerance, 0)).toBe(a.withinTolerance);
    expect(a.failures.length).toBe(a.cases - a.withinTolerance);
    expect(a.firstOrder.cases).toBe(cases.filter((c) => c.order === 1).length);
    for (const v of [a.medianEvaluations, a.medianRelativeError, a.estimateCovers, a.medianEstimateRatio]) {
      expect(Number.isFinite(v)).toBe(true);
    }
    expect(a.estimateCovers).toBeGreaterThanOrEqual(0);
    expect(a.estimateCovers).toBeLessThanOrEqual(1);
  });

  it("the calls counted by wrapping f equal result.evaluations on every case", () => {
    expect(results.accuracy.evaluationMismatches).toBe(0);
    expect(results.accuracy.threw).toBe(0);
  });

  it("the multivariate section has every kind, with consistent counts and exact evaluation counts", () => {
    expect(results.multivariate.map((s) => s.kind)).toEqual([
      "gradient",
      "hessian",
      "jacobian",
      "directional",
    ]);
    for (const s of results.multivariate) {
      expect(s.cases).toBeGreaterThan(0);
      expect(s.withinTolerance).toBe(s.cases - s.failures.length);
      expect(Number.isFinite(s.medianError)).toBe(true);
      expect(s.evaluationMismatches).toBe(0);
    }
  });

  it("throughput checks every point and reports a finite rate", () => {
    const t = results.throughput;
    expect(t.points).toBe(200);
    expect(t.numdiffDetail.points).toBe(200);
    expect(t.numdiffDetail.withinTolerance).toBeLessThanOrEqual(200);
    expect(Number.isFinite(t.numdiff) && t.numdiff > 0).toBe(true);
    expect(t.scipy).toBeNull();
  });

  it("without Python the peer sections are null and the notes say why", () => {
    expect(results.peers.scipy).toBeNull();
    expect(results.peers.numdifftools).toBeNull();
    expect(results.jacobian.scipy).toEqual([]);
    expect(results.notes.some((n) => n.includes("Python peers not run"))).toBe(true);
  });

  it("RESULTS.md has the machine, each section and the accuracy figures", () => {
    const md = renderMarkdown(results);
    expect(md).toContain(`(quick run) on ${results.date}, commit ${results.commit ?? "unknown"}.`);
    for (const heading of [
      "## Accuracy and cost",
      "## Gradient overhead and Jacobian scale",
      "## Throughput",
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toContain(results.machine.cpu);
    expect(md).toContain(`| cases | ${results.accuracy.cases} | ${results.accuracy.firstOrder.cases} |`);
  });
});
