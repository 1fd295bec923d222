import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { compareSides } from "../../src/core/smoothness.js";

describe("singular points the central difference cancels (f even about x)", () => {
  it("log|t| at 0 is not finite (before: 0 ± 1.7e-13, ok)", () => {
    for (const [name, f, x] of [
      ["log|t| at 0", (t: number) => Math.log(Math.abs(t)), 0],
      ["sin t + log|t − 1| at 1", (t: number) => Math.sin(t) + Math.log(Math.abs(t - 1)), 1],
    ] as const) {
      const r = derivative(f, x);
      expect(r.status, name).toBe("not-finite");
      expect(r.value, name).toBeNaN();
    }
  });

  it("cusps are not differentiable (before: √|t| at 0 gave 0 ± 5.6e-15, |t|^(2/3) 0 ± 2.8e-15, both ok)", () => {
    const cases: [string, (t: number) => number, number][] = [
      ["√|t| at 0", (t) => Math.sqrt(Math.abs(t)), 0],
      ["|t|^(2/3) at 0", (t) => Math.cbrt(t) ** 2, 0],
      ["|t|^0.7 + t at 0", (t) => Math.abs(t) ** 0.7 + t, 0],
      ["√|t − 1| + eᵗ at 1", (t) => Math.sqrt(Math.abs(t - 1)) + Math.exp(t), 1],
    ];
    for (const [name, f, x] of cases) {
      const r = derivative(f, x);
      expect(r.status, name).toBe("not-differentiable");
      expect(r.value, name).toBeNaN();
      expect(r.error, name).toBe(Infinity);
    }
  });

  it("a C1 power (|t|^1.5 at 0, derivative 0) and smooth even functions stay ok", () => {
    const r = derivative((t) => Math.abs(t) ** 1.5, 0);
    expect(r.status).toBe("ok");
    expect(Math.abs(r.value)).toBeLessThanOrEqual(r.error);
    const c = derivative(Math.cos, 0);
    expect(c.status).toBe("ok");
    expect(Math.abs(c.value)).toBeLessThanOrEqual(c.error);
    expect(c.evaluations).toBeLessThanOrEqual(12);
  });

  it("compareSides: an unbounded side makes the point not differentiable, with no number", () => {
    const v = compareSides(
      { value: -40, error: NaN, diverging: false, unbounded: true },
      { value: 40, error: NaN, diverging: false, unbounded: true },
    );
    expect(v).toMatchObject({ status: "not-differentiable", value: NaN, error: Infinity });
  });
});

describe("the common path and the pipeline agree at such points", () => {
  it("derivative(f, x) gives the pipeline's bits for log|t|, √|t|, |t|^(2/3) and eᵗ + log|t − 1|", async () => {
    const { derivativeSync } = await import("../../src/core/derivative-pipeline.js");
    const { ScalarEngine } = await import("../../src/core/scalar-engine.js");
    const { Sampler } = await import("../../src/core/sampler.js");
    const { resolveOptions } = await import("../../src/core/validate.js");
    const cases: [(t: number) => number, number][] = [
      [(t) => Math.log(Math.abs(t)), 0],
      [(t) => Math.sqrt(Math.abs(t)), 0],
      [(t) => Math.cbrt(t) ** 2, 0],
      [(t) => Math.exp(t) + Math.log(Math.abs(t - 1)), 1],
      [(t) => Math.abs(t) ** 0.7 + t, 0],
    ];
    for (const [f, x] of cases) {
      const common = derivative(f, x);
      const pipeline = derivativeSync(new ScalarEngine(), new Sampler(f), x, resolveOptions(undefined, 1));
      expect(common.status).toBe(pipeline.status);
      expect(Object.is(common.value, pipeline.value)).toBe(true);
      expect(common.evaluations).toBe(pipeline.evaluations);
    }
  });
});
