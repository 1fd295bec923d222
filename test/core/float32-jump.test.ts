import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";

// A float32 f that jumps at the edge of x's float32 cell: at float32 resolution the jump is at x
// (float32-jump.ts), which the jump tests, flat over the cell, did not see.

const f32 = Math.fround;

describe("a jump at x's float32 cell", () => {
  for (const [c, x] of [
    [0.75, 0.75], // the red team's f32-step: 0 ± 4.9e4, noise-limited
    [1.5, 1.5],
    [0.3, f32(0.3)],
    [2, 2],
    [0.75, 0.75 + 1e-8],
  ]) {
    it(`f32((t ≥ ${c})·eᵗ) at ${x}: discontinuous`, () => {
      const r = derivative((t) => f32(f32(t) >= c ? f32(Math.exp(f32(t))) : 0), x);
      expect(r.status).toBe("discontinuous");
      expect(r.error).toBe(Infinity);
    });
  }

  it("leaves a smooth float32 f alone: f32(eᵗ) at 0.75 covers e^0.75", () => {
    const r = derivative((t) => f32(Math.exp(f32(t))), 0.75);
    expect(r.status).not.toBe("discontinuous");
    expect(Math.abs(r.value - Math.exp(0.75))).toBeLessThanOrEqual(r.error);
  });
});
