import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { hashNoise } from "../fixtures/noise-hash.js";

// x on the flat side of a ReLU whose kink lies d beside it: f is exactly f(x) on one side at every
// step, so f′(x) = 0, and the kink must not pass for noise. Before, 13 of these 72 cases (all with x on
// the flat side, d from 1e-12 to 1e-5) gave the first rows' mean 0.5 ± 0.5 (noise-limited) or
// not-differentiable.
describe("a kink beside x with f constant on x's side", () => {
  const xs = [0, 1, -3];
  const ds = [1e-12, 1e-9, 1e-7, 1e-5];

  it("finds f′ = 0 for max(0, t − x − d) at x", () => {
    for (const x of xs) {
      for (const d of ds) {
        const r = derivative((t) => Math.max(0, t - x - d), x);
        expect(r.status, `x = ${x}, d = ${d}`).toBe("ok");
        expect(Math.abs(r.value), `x = ${x}, d = ${d}`).toBeLessThanOrEqual(r.error);
        expect(r.error, `x = ${x}, d = ${d}`).toBeLessThan(1e-10);
      }
    }
  });

  it("finds f′ = 0 for a hinge loss just past its hinge, max(0, 1 − t) at 1 + 1e-9", () => {
    const r = derivative((t) => Math.max(0, 1 - t), 1 + 1e-9);
    expect(r.status).toBe("ok");
    expect(Math.abs(r.value)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(1e-10);
  });

  it("is not fooled by noise on the other side: max(0, t − 1e-6)·(1 + 1e-8·noise) at 0", () => {
    const r = derivative((t) => Math.max(0, t - 1e-6) * (1 + 1e-8 * hashNoise(t, 3)), 0);
    expect(r.status).toBe("ok");
    expect(Math.abs(r.value)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(1e-10);
  });

  it("keeps the kink at x itself: max(0, t) at 0 is not differentiable", () => {
    const r = derivative((t) => Math.max(0, t), 0);
    expect(r.status).toBe("not-differentiable");
    expect(r.left?.value).toBe(0);
    expect(r.right?.value).toBeCloseTo(1, 12);
  });

  it("does not take a kink inside the wide noise table for noise: max(0, t + 3 + 1e-5) at −3", () => {
    // x on the slope, the kink 1e-5 to its left: the wide table (spacing 9e-5) holds the kink as one
    // spike, the narrow one is a line of distinct doubles. Before: "noise" of 1.3e-5, then
    // not-differentiable with left 0.0003 and right 1.
    const r = derivative((t) => Math.max(0, t + 3 + 1e-5), -3);
    expect(r.status).toBe("ok");
    expect(Math.abs(r.value - 1)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(1e-10);
  });
});
