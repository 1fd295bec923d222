import { describe, expect, it } from "vitest";
import { derivative, gradient } from "../../src/core/index.js";
import { COLUMN_FLAG } from "../../src/core/column-state.js";
import { firstOrderProbeError } from "../../src/core/first-order-probe.js";

// f″ jumps at x (a C1 join) beside a large term: the first scale's rows agree by chance where the
// first-order and h² terms cancel, and a probe at shorter steps converged like h (first-order-probe.ts).

const join = (t: number): number => Math.cos(t) + -0.0023575537119803263 * Math.max(0, t + 5) ** 2;
const truth = Math.sin(5); // f′(−5) = −sin(−5): the join adds nothing at x

describe("a kept estimate held to a first-order probe", () => {
  it("cos t − 0.00236·max(0, t + 5)² + 43578 at −5: the error covers the truth (was off 160 times)", () => {
    const r = derivative((t) => join(t) + 43577.73974245236, -5);
    expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
    // the kept value (1.9e-6 off) with an error of the probe's size, not its own 1.2e-8
    expect(r.error).toBeLessThan(2e-5);
  });

  it("the same slice as a gradient's coordinate (the honesty scan's checkGradient repro) passes", () => {
    const f = (x: Float64Array): number => join(x[0]) + 43577.73974245236 + Math.sin(x[1]);
    const g = gradient(f, [-5, 0.5]);
    expect(Math.abs(g.value[0] - truth)).toBeLessThanOrEqual(g.error[0]);
    expect(Math.abs(g.value[1] - Math.cos(0.5))).toBeLessThanOrEqual(g.error[1]);
  });

  it("without the large term the first scale resolves the join: its result as before", () => {
    const r = derivative(join, -5);
    expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(1e-7);
  });

  it("firstOrderProbeError: only a first-order probe at shorter steps with the larger error", () => {
    const first = COLUMN_FLAG.firstOrder;
    const grown = firstOrderProbeError(-0.9589261944, 1.2e-8, 0.0024, 0, -0.958924293, 5.1e-6, 3.8e-6, first);
    expect(grown).toBeCloseTo(1.9014e-6 + 5.1e-6, 12);
    // the probe did not converge like h; the kept column did too; the probe's steps are longer
    expect(firstOrderProbeError(1, 1e-8, 1e-3, 0, 1.1, 1e-6, 1e-6, 0)).toBe(1e-8);
    expect(firstOrderProbeError(1, 1e-8, 1e-3, first, 1.1, 1e-6, 1e-6, first)).toBe(1e-8);
    expect(firstOrderProbeError(1, 1e-8, 1e-3, 0, 1.1, 1e-6, 1e-2, first)).toBe(1e-8);
    // no value or no error from the probe: nothing to hold to
    expect(firstOrderProbeError(1, 1e-8, 1e-3, 0, NaN, 1e-6, 1e-6, first)).toBe(1e-8);
    expect(firstOrderProbeError(1, 1e-8, 1e-3, 0, 1.1, NaN, 1e-6, first)).toBe(1e-8);
  });
});
