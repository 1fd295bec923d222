import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";

/**
 * f‴ where f′ has a kink at x: a "discontinuous" f″ under an f‴ that says little asks f′ at x
 * (first-at-x.ts, firstBreaksAt), whose sides differ there; a kink of f′ beside x leaves f′ at x its
 * value, and f‴ exists. Truths: cos‴ = sin.
 */
describe("f‴ at a kink of f′ at x has no value; beside it, it has (first-at-x.ts)", () => {
  it("cos t + 0.0014·|t − c| at c = −901.32, order 3: no derivative", () => {
    // On main: −0.309625 ± 0.0038, noise-limited.
    const c = -901.3222932066624;
    const r = derivative((t) => Math.cos(t) + 0.0014210923306671216 * Math.abs(t - c), c, { order: 3 });
    expect(["not-differentiable", "discontinuous"]).toContain(r.status);
    expect(r.error).toBe(Infinity);
  });

  it("cos t + 0.0014·|t − c| at c + 0.01, order 3: sin's value within the error", () => {
    const c = -901.3222932066624;
    const x = c + 0.01;
    const r = derivative((t) => Math.cos(t) + 0.0014210923306671216 * Math.abs(t - c), x, { order: 3 });
    expect(Number.isFinite(r.value)).toBe(true);
    expect(Math.abs(r.value - Math.sin(x))).toBeLessThanOrEqual(r.error + 1e-12);
  });
});
