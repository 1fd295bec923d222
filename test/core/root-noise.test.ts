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
const cases: { name: string; f: (t: number) => number; truth: number }[] = [
  {
    name: "tanh, 4.4e-9",
    f: (t) => Math.tanh(t) * (1 + 4.407329164048774e-9 * hashNoise(t, 240225138)),
    truth: 1,
  },
  {
    name: "atan, 8.9e-11",
    f: (t) => Math.atan(t) * (1 + 8.909414819367281e-11 * hashNoise(t, 1537461468)),
    truth: 1,
  },
  {
    name: "t³ − 2t, 1.2e-14",
    f: (t) => (t * t * t - 2 * t) * (1 + 1.207338364871512e-14 * hashNoise(t, 1912089504)),
    truth: -2,
  },
  {
    name: "tanh, 1.8e-8",
    f: (t) => Math.tanh(t) * (1 + 1.8190642943092382e-8 * hashNoise(t, 42345784)),
    truth: 1,
  },
  {
    name: "sin, 3.4e-11",
    f: (t) => Math.sin(t) * (1 + 3.395073805637778e-11 * hashNoise(t, 969666409)),
    truth: 1,
  },
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
