import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { runSync } from "../../src/core/column-steps.js";
import { levelAtStencil } from "../../src/core/level-reach.js";
import { Sampler } from "../../src/core/sampler.js";
import { hashNoise } from "../fixtures/noise-hash.js";

// Relative noise at a root of f: the noise tables near x read a level far below what the column's
// stencil, reaching larger values of f, carries (level-reach.ts).
describe("the noise level at the column's stencil (levelAtStencil)", () => {
  it("scales the level by the stencil's largest |f| over the table's, beyond LEVEL_REACH_GROWTH only", () => {
    const s = new Sampler(Math.sin);
    for (const t of [-0.5, -0.25, 0.25, 0.5]) runSync(s.one(t));
    // |sin 0.5| / 0.01 = 47.94…: the level 1e-12 becomes 4.794e-11.
    expect(levelAtStencil(s, 0, "central", 3, 0.25, 1e-12, 0.01)).toBeCloseTo(4.794255386e-11, 18);
    // A table whose values were as large as the stencil's keeps its level.
    expect(levelAtStencil(s, 0, "central", 3, 0.25, 1e-12, 0.3)).toBe(1e-12);
    // A point the sampler does not know: no call is made, the level stands.
    expect(levelAtStencil(s, 0, "central", 3, 0.125, 1e-12, 0.01)).toBe(1e-12);
    expect(s.evaluations).toBe(4);
  });

  it("tanh t·(1 + 1.9e-8·noise) at 0: f‴ honest (before: −1.999985 ± 2.0e-6 for −2)", () => {
    const f = (t: number) => Math.tanh(t) * (1 + 1.945583616164729e-8 * hashNoise(t, 568950600));
    const r = derivative(f, 0, { order: 3 });
    expect(r.status).toBe("noise-limited");
    expect(Math.abs(r.value + 2)).toBeLessThanOrEqual(r.error);
    // Honest, not vacuous: within 1e-3 relative.
    expect(r.error).toBeLessThan(2e-3);
  });

  it("sin t·(1 + 1e-9·noise) at 0: f″ and f⁗ cover 0, and f′ keeps its own floor", () => {
    const f = (t: number) => Math.sin(t) * (1 + 1e-9 * hashNoise(t, 11));
    for (const order of [2, 4]) {
      const r = derivative(f, 0, { order });
      expect(Math.abs(r.value), `order ${order}`).toBeLessThanOrEqual(r.error);
    }
    const r1 = derivative(f, 0);
    expect(Math.abs(r1.value - 1)).toBeLessThanOrEqual(r1.error);
    expect(r1.error).toBeLessThan(1e-6);
  });
});
