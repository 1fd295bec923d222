import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { float32Floor } from "../../src/core/float32-floor.js";

// A derivative of order 2 or more from a float32 f: quantised rows can agree by chance where the
// values' float32 rounding rules them, and the engine's double model gives each value 2²⁷ times less
// rounding (float32-floor.ts, float32Floor).

const f32exp = (t: number): number => Math.fround(Math.exp(Math.fround(t)));
const f32atan = (t: number): number => Math.fround(Math.atan(Math.fround(t)));

describe("a float32 f's rounding under a higher derivative", () => {
  it("f32(eᵗ) at −0.0142, order 2: the error covers f″ (was 0.98436 ± 4.2e-8, 37,000 times off)", () => {
    const x = -0.014195650024350994;
    const r = derivative(f32exp, x, { order: 2 });
    expect(Math.abs(r.value - Math.exp(x))).toBeLessThanOrEqual(r.error);
    // The values' rounding at the step, 0.075, times the tableau's gain at order 2 (1.58): 0.12.
    expect(r.error).toBeLessThan(0.15);
  });

  it("f32(atan) at 70725.34, order 2: below the values' resolution, no digit is claimed", () => {
    const x = 70725.33738533389;
    const r = derivative(f32atan, x, { order: 2 });
    const truth = (-2 * x) / (1 + x * x) ** 2;
    expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
  });

  it("a double f keeps its error", () => {
    const r = derivative(Math.exp, -0.014195650024350994, { order: 2 });
    expect(r.error).toBeLessThan(1e-6);
    const st = { offsets: [-1, 0, 1], weightSum: 4 };
    expect(float32Floor(Math.exp, -0.0142, 0.0018, st, true, 2, 1, 4.2e-8)).toBe(4.2e-8);
  });

  it("float32Floor: at least 2⁻²⁴·max|f|·Σ|w|/hⁿ where the values are float32 results", () => {
    const f = (t: number): number => Math.fround(Math.exp(t));
    const h = 0.0018;
    const st = { offsets: [-1, 0, 1], weightSum: 4 };
    const e = float32Floor(f, -0.0142, h, st, true, 2, 1, 4.2e-8);
    const size = Math.max(f(-0.0142 - h), f(-0.0142), f(-0.0142 + h));
    expect(e).toBeGreaterThanOrEqual((2 ** -24 * size * 4) / h ** 2);
  });
});
