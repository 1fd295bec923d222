import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";

// A small fast component (f = smooth + A·sin(ωt) with A·ω of order 0.1) is invisible to the column's
// first steps, which average it out. The noise check sees a gap at its step; where the narrow noise
// table resolves the wide one's wiggles as a smooth part (they shrink like a power of the spacing, not
// like noise), f has structure finer than the column's steps, and the column runs again from within
// that table's reach (noise-check.ts smoothBelow, settle-noise.ts).
describe("structure finer than the column's steps (NoiseSeen.smoothBelow)", () => {
  it("sin t + 1e-8·sin(1e7·t) at 0.9: f′ = 0.52190 (before: 0.62161 ± 7.6e-6, ok)", () => {
    const f = (t: number) => Math.sin(t) + 1e-8 * Math.sin(1e7 * t);
    const truth = Math.cos(0.9) + 0.1 * Math.cos(9e6);
    const r = derivative(f, 0.9);
    expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
    // Resolved, not merely covered: within 1e-7 of f′ (the column's rounding at steps of 1.5e-8).
    expect(r.error).toBeLessThan(1e-7);
  });

  it("cos t + 1e-8·sin(1e7·t) at 0.3: the same mechanism on another f and x", () => {
    const f = (t: number) => Math.cos(t) + 1e-8 * Math.sin(1e7 * t);
    const truth = -Math.sin(0.3) + 0.1 * Math.cos(3e6);
    const r = derivative(f, 0.3);
    expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(1e-7);
  });

  it("a smooth f keeps its long-step answer: sin at 0.9 is cos 0.9 within 1e-14 in at most 10 calls", () => {
    const r = derivative(Math.sin, 0.9);
    expect(Math.abs(r.value - Math.cos(0.9))).toBeLessThan(1e-14);
    expect(r.evaluations).toBeLessThanOrEqual(10);
  });
});
