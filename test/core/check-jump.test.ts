import { describe, expect, it } from "vitest";
import { derivative, gradient, STATUSES } from "../../src/core/index.js";
import { jumpAtChecks, jumpHolds } from "../../src/core/check-jump.js";
import { runSync } from "../../src/core/column-steps.js";
import { Sampler } from "../../src/core/sampler.js";

// A jump of f at x of some tens of f's last bits, beside a gradient's other terms (check-jump.ts):
// the honesty scan's repros, each a slice t ↦ f(x with x_k = t).

const H = (u: number): number => (u >= 0 ? 1 : 0);

describe("a jump at x beside large terms, told from the noise checks", () => {
  it("atan t − 2.07e-5·H(t) + 5.07e9 at 0 (21 last bits): discontinuous (was 0.99924 ± 0.012, ok)", () => {
    const r = derivative((t) => Math.atan(t) - 0.000020727048494461627 * H(t) + 5071504857.111481, 0);
    expect(r.status).toBe("discontinuous");
    expect(r.value).toBeNaN();
    expect(r.error).toBe(Infinity);
    // the sides that settled: slope 1 on each
    expect(Math.abs((r.left?.value ?? NaN) - 1)).toBeLessThanOrEqual(r.left?.error ?? 0);
    expect(Math.abs((r.right?.value ?? NaN) - 1)).toBeLessThanOrEqual(r.right?.error ?? 0);
  });

  it("the scan's gradient repro: tanh t − 1.1e-6·H(t + 4) beside 3.7e8 (18 last bits) at −4", () => {
    const terms = [
      (t: number) => t * t * t - 2 * t + -287139.7471766527 * Math.sign(t - 720.8519089879362),
      (t: number) => Math.sin(t) + 0.00013337888941420138 * Math.sign(t - -0.28695698159664124),
      (t: number) => Math.tanh(t) + -0.0000012046509535437726 * Math.sign(t - 14.903815433597499),
      (t: number) => Math.tanh(t) + -0.0000011126907346082112 * H(t - -4),
      (t: number) => 1 / (1 + t * t) + -0.003648111397002673 * H(t - 13.907961090884129),
    ];
    const f = (x: Float64Array): number => terms.reduce((s, g, k) => s + g(x[k]), 0);
    const x = [720.8519089879362, -0.28695698159664124, 14.903815433597499, -4, 13.907961090884129];
    const g = gradient(f, x);
    expect(STATUSES[g.statuses[3]]).toBe("discontinuous"); // was 0.0013008 ± 0.0034, ok
  });

  it("sin t + 0.089·sign(t − 5) beside 3.5e12 at 5, whose tables measured a level: discontinuous", () => {
    const r = derivative((t) => Math.sin(t) - 0.08943575722612428 * Math.sign(t - 5) + 3536957137923.0933, 5);
    expect(r.status).toBe("discontinuous"); // was −1.05 ± 18.4, noise-limited
  });

  it("no jump: a smooth f beside the same terms keeps its value, and a jump 1e-10 beside x is not at x", () => {
    const smooth = derivative((t) => Math.atan(t) + 5071504857.111481, 0);
    expect(smooth.status).toBe("ok");
    expect(Math.abs(smooth.value - 1)).toBeLessThanOrEqual(smooth.error);
    const sampler = new Sampler((t) => Math.atan(t) - 2.07e-5 * H(t - 1e-10) + 5071504857.111481);
    expect(runSync(jumpHolds(sampler, 0, 2 ** -21, 1, 2 ** -40))).toBe(false);
  });

  it("jumpAtChecks: equal parts far above rounding; not parts that halve (an error in the slope)", () => {
    const [h1, h2, r1] = [4.77e-7, 2.385e-7, 2.3e-6 / 4.77e-7];
    const jump = (h: number): number => 1 - 1.0015e-5 / h; // (D − 1)·h = −1.0015e-5 at both
    expect(jumpAtChecks(jump(h1), h1, jump(h2), h2, 1, r1)).toBe(true);
    const slope = 1 + 9e-6 / h1; // the estimate 9e-6/h₁ off: parts 9e-6 and 4.5e-6
    expect(jumpAtChecks(slope, h1, slope, h2, 1, r1)).toBe(false);
    expect(jumpAtChecks(jump(h1), h1, -jump(h2), h2, 1, r1)).toBe(false);
  });

  it("a float32 f crossing one quantum at x is not taken for a jump", () => {
    const f = (t: number): number => Math.fround(Math.fround(t) + 3);
    const r = derivative(f, 0);
    expect(r.status).not.toBe("discontinuous");
  });
});
