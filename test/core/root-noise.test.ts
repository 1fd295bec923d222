import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { EVEN_NOISE_SHRINK, EVEN_ROOT_SHARE, flaggedNoise } from "../../src/core/even-noise.js";
import { hashNoise } from "../fixtures/noise-hash.js";

/**
 * Noise relative to f at a root of f (driver.ts, measureNoise; settle-noise.ts): every central first
 * difference carries about ε·|f′|, whatever its step, and the noise check and tables about x, where f is
 * small, see little of it. The cases are the honesty scan's (seed 1), whose errors fell 1.2 to 5 times
 * short of the truth before the rows' even parts were read.
 */
/** g·(1 + level·noise): noise relative to g's values, from a hash of t's bits. */
function relative(g: (t: number) => number, level: number, seed: number): (t: number) => number {
  return (t) => g(t) * (1 + level * hashNoise(t, seed));
}
const cube = (t: number): number => t * t * t - 2 * t;
const cases: { name: string; f: (t: number) => number; truth: number }[] = [
  { name: "tanh, 4.4e-9", f: relative(Math.tanh, 4.407329164048774e-9, 240225138), truth: 1 },
  { name: "atan, 8.9e-11", f: relative(Math.atan, 8.909414819367281e-11, 1537461468), truth: 1 },
  { name: "t³ − 2t, 1.2e-14", f: relative(cube, 1.207338364871512e-14, 1912089504), truth: -2 },
  { name: "tanh, 1.8e-8", f: relative(Math.tanh, 1.8190642943092382e-8, 42345784), truth: 1 },
  { name: "sin, 3.4e-11", f: relative(Math.sin, 3.395073805637778e-11, 969666409), truth: 1 },
];

describe("relative noise at a root of f (first derivative)", () => {
  for (const { name, f, truth } of cases) {
    it(`${name} at 0: the error covers the truth, within 100 times it, noise-limited`, () => {
      const r = derivative(f, 0);
      const trueError = Math.abs(r.value - truth);
      expect(r.status).toBe("noise-limited");
      expect(r.error).toBeGreaterThanOrEqual(trueError);
      expect(r.error).toBeLessThan(100 * Math.max(trueError, 1e-15 * Math.abs(truth)));
      expect(r.noise).toBeGreaterThan(0);
    });
  }

  it("leaves a clean f at its root as it was: sin′(0) = 1 within 1e-15, ok", () => {
    const r = derivative(Math.sin, 0);
    expect(r.status).toBe("ok");
    expect(Math.abs(r.value - 1)).toBeLessThan(1e-15);
    expect(r.error).toBeLessThan(1e-14);
  });

  it("gives derivative(f, xs) the same bits as derivative() at each point", () => {
    const { f } = cases[0];
    const xs = [0, 1e-3, -2e-3];
    const many = derivative(f, xs);
    xs.forEach((x, i) => {
      const one = derivative(f, x);
      expect(many.value[i]).toBe(one.value);
      expect(many.error[i]).toBe(one.error);
    });
  });
});

describe("flaggedNoise", () => {
  it("flags σ that shrank like h at a root, not like h³ (a C1 join) or away from a root", () => {
    expect(flaggedNoise(1e-12, 2e-12, 0.01, 0.02, 1e-5, 0.01)).toBe(true);
    expect(flaggedNoise(1e-12, 8e-12, 0.01, 0.02, 1e-5, 0.01)).toBe(false);
    expect(flaggedNoise(1e-12, 2e-12, 0.01, 0.02, 1, 1)).toBe(false);
    expect(flaggedNoise(1e-12, 2e-12, 2, 4, 1e-5, 0.01)).toBe(false); // steps beyond ALIAS_STEP
  });

  it("has its boundaries at EVEN_NOISE_SHRINK·h/h′ and EVEN_ROOT_SHARE", () => {
    const bound = EVEN_NOISE_SHRINK * 0.5; // steps halving
    expect(flaggedNoise(bound, 1, 0.01, 0.02, 0, 1)).toBe(true);
    expect(flaggedNoise(bound * 0.99, 1, 0.01, 0.02, 0, 1)).toBe(false);
    expect(flaggedNoise(1, 1, 0.01, 0.02, EVEN_ROOT_SHARE, 1)).toBe(true);
    expect(flaggedNoise(1, 1, 0.01, 0.02, EVEN_ROOT_SHARE * 1.01, 1)).toBe(false);
  });
});
