import { describe, expect, it } from "vitest";
import { hessian } from "../../src/core/index.js";
import { FLOAT32_FLAT_FACTOR } from "../../src/core/float32.js";
import { mixedValue } from "../../src/core/mixed-partial.js";

const f32 = Math.fround;

describe("mixed Hessian entries of a float32 f carry float32's rounding", () => {
  it("0.25·atan x₀·atan x₁ + f32 terms: the mixed entry covers its truth (before: 0 ± 5.6e-7, ok)", () => {
    const f = (x: ArrayLike<number>) =>
      f32(0.25 * Math.atan(x[0]) * Math.atan(x[1]) + f32(Math.cos(f32(x[0]))) + f32(Math.exp(f32(x[1]))));
    const x = [0.07518711983019072, 2.819870710372925];
    const truth = 0.25 / (1 + x[0] ** 2) / (1 + x[1] ** 2); // 0.02777…
    const r = hessian(f, x);
    expect(Math.abs(r.value[0][1] - truth)).toBeLessThanOrEqual(r.error[0][1]);
    // float32's best for a mixed second difference is about 1e-3 relative here; the error says so.
    expect(r.error[0][1]).toBeLessThan(0.1 * truth);
  });

  it("mixedValue counts float32 values' size FLOAT32_FLAT_FACTOR times, doubles' once", () => {
    const pts = Float64Array.of(0, 0, 0, 1, 1); // scale 1, steps taken as nominal
    const m = new Float64Array(1);
    mixedValue(f32(0.7123456), f32(0.6987654), pts, m, 0);
    expect(m[0]).toBeCloseTo((f32(0.7123456) + f32(0.6987654)) * FLOAT32_FLAT_FACTOR, 6);
    mixedValue(0.7123456789012345, 0.6987654321098765, pts, m, 0);
    expect(m[0]).toBe(0.7123456789012345 + 0.6987654321098765);
  });
});
