import { describe, expect, it } from "vitest";
import { derivative, gradient } from "../../src/core/index.js";
import { EVEN_ROOT_SHARE, shrankLikeNoise } from "../../src/core/even-noise.js";
import { quietNoise, withQuietShare } from "../../src/core/quiet-noise.js";
import { hashNoise } from "../fixtures/noise-hash.js";

/**
 * Noise relative to a term of f that vanishes at x, beside a term that does not (quiet-noise.ts):
 * g(t)·(1 + ε·noise) + c with g(0) = 0 and c ≠ 0. Every central first difference carries about ε·|g′|
 * whatever its step, while the noise check and tables about x see c's rounding only, and f has no root
 * at x for the root test (even-noise.ts, flaggedNoise). Before (main 8e11347) each case below was "ok"
 * with an error the truth exceeded 19 to 274 times; a survey of 400 such f (5 terms, ε 1e-13…1e-7,
 * 4 offsets) went from 94 dishonest (23 by 10 times or more) to 32 (5), with the same calls.
 */
function offsetNoise(
  g: (t: number) => number,
  level: number,
  seed: number,
  c: number,
): (t: number) => number {
  return (t) => g(t) * (1 + level * hashNoise(t, seed)) + c;
}
const cube = (t: number): number => t * t * t - 2 * t;
const cases: { name: string; f: (t: number) => number; slope: number; level: number }[] = [
  // 1.0000000000055 ± 2.9e-13, ok
  {
    name: "atan·(1 + 1e-11·noise) + 1.503",
    f: offsetNoise(Math.atan, 1e-11, 1002, 1.503),
    slope: 1,
    level: 1e-11,
  },
  // −1.9999999999010 ± 3.6e-13, ok
  {
    name: "(t³ − 2t)·(1 + 1e-9·noise) + 1.527",
    f: offsetNoise(cube, 1e-9, 1018, 1.527),
    slope: -2,
    level: 1e-9,
  },
  // 1.0000000000061 ± 1.6e-13, ok
  {
    name: "tanh·(1 + 1e-11·noise) − 0.82005",
    f: offsetNoise(Math.tanh, 1e-11, 1065, -0.82005),
    slope: 1,
    level: 1e-11,
  },
  // 0.99999999969 ± 8.2e-12, ok
  {
    name: "sin·(1 + 1e-9·noise) + 0.05055",
    f: offsetNoise(Math.sin, 1e-9, 1011, 0.05055),
    slope: 1,
    level: 1e-9,
  },
  // 1.0000000000207 ± 8.0e-14, ok
  {
    name: "sin·(1 + 1e-10·noise) + 0.05855",
    f: offsetNoise(Math.sin, 1e-10, 1171, 0.05855),
    slope: 1,
    level: 1e-10,
  },
];

describe("relative noise in a term with a root at x, beside an offset (first derivative)", () => {
  for (const { name, f, slope, level } of cases) {
    it(`${name} at 0: the error covers the truth, within 20·ε·|g′|, noise-limited`, () => {
      const r = derivative(f, 0);
      expect(r.status).toBe("noise-limited");
      expect(r.error).toBeGreaterThanOrEqual(Math.abs(r.value - slope));
      // each difference carries up to ε·|g′|: the floor is 4 of the rows' σ/h, a few ε·|g′|
      expect(r.error).toBeLessThan(20 * level * Math.abs(slope));
    });
  }

  it("gives derivative(f, xs) the same bits as derivative() at each point", () => {
    const { f } = cases[2];
    const xs = [0, 1e-3, -2e-3];
    const many = derivative(f, xs);
    xs.forEach((x, i) => {
      const one = derivative(f, x);
      expect(many.value[i]).toBe(one.value);
      expect(many.error[i]).toBe(one.error);
    });
  });

  it("covers a gradient's component the same way (the term's offset is the other coordinate's)", () => {
    const f = (x: Float64Array): number => cases[2].f(x[0]) + Math.cos(x[1]);
    const r = gradient(f, [0, 0.5]);
    const one = derivative(cases[2].f, 0);
    expect(Math.abs(r.value[0] - 1)).toBeLessThanOrEqual(r.error[0]);
    expect(r.error[0]).toBeLessThan(20 * 1e-11);
    expect(Math.abs(r.value[1] + Math.sin(0.5))).toBeLessThanOrEqual(r.error[1]);
    expect(one.error).toBeGreaterThan(0);
  });

  it("leaves smooth f beside an offset as it was: tanh + 0.7 and exp at 0, ok, sharp", () => {
    const a = derivative((t) => Math.tanh(t) + 0.7, 0);
    expect(a.status).toBe("ok");
    expect(Math.abs(a.value - 1)).toBeLessThanOrEqual(a.error);
    expect(a.error).toBeLessThan(1e-12);
    const b = derivative(Math.exp, 0);
    expect(b.status).toBe("ok");
    expect(Math.abs(b.value - 1)).toBeLessThanOrEqual(b.error);
    expect(b.error).toBeLessThan(1e-12);
    expect(b.evaluations).toBeLessThanOrEqual(12);
  });
});

describe("quietNoise", () => {
  it("counts σ that shrank like h where f has no root, not like h³ nor at a root (flagged instead)", () => {
    expect(quietNoise(1e-12, 2e-12, 0.01, 0.02, 0.8, 0.8)).toBe(true);
    expect(quietNoise(1e-12, 8e-12, 0.01, 0.02, 0.8, 0.8)).toBe(false);
    expect(quietNoise(1e-12, 2e-12, 0.01, 0.02, 1e-5, 0.8)).toBe(false);
    expect(quietNoise(1e-12, 2e-12, 2, 4, 0.8, 0.8)).toBe(false); // steps beyond ALIAS_STEP
  });

  it("has its root boundary at EVEN_ROOT_SHARE, the complement of flaggedNoise's", () => {
    expect(quietNoise(1, 1, 0.01, 0.02, EVEN_ROOT_SHARE, 1)).toBe(false);
    expect(quietNoise(1, 1, 0.01, 0.02, EVEN_ROOT_SHARE * 1.01, 1)).toBe(true);
    expect(shrankLikeNoise(1, 1, 0.01, 0.02)).toBe(true);
  });
});

describe("withQuietShare", () => {
  const r = { value: 1, error: 1e-13, step: 0.004, method: "central" as const, status: "ok" as const };

  it("adds 4 times the share to a central first derivative's error, noise-limited where it rules", () => {
    const q = withQuietShare(r, 1, 8e-12, 4e-14);
    expect(q.error).toBeCloseTo(1e-13 + 3.2e-11, 24);
    expect(q.status).toBe("noise-limited");
    expect(withQuietShare(r, 1, 1e-15, 1e-17).status).toBe("ok"); // 4e-15 of 1.04e-13: rounding rules
  });

  it("leaves other orders, one-sided results, statuses without a derivative and share 0 alone", () => {
    expect(withQuietShare(r, 2, 8e-12, 4e-14)).toBe(r);
    expect(withQuietShare({ ...r, method: "forward" as const }, 1, 8e-12, 4e-14).error).toBe(1e-13);
    expect(withQuietShare({ ...r, status: "not-differentiable" as const }, 1, 8e-12, 4e-14).error).toBe(
      1e-13,
    );
    expect(withQuietShare(r, 1, 0, 0)).toBe(r);
    expect(withQuietShare(r, 1, undefined, undefined)).toBe(r);
  });
});
