import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { LOCALISED_SHARE, noiseFromTable } from "../../src/core/noise.js";
import { hashNoise } from "../fixtures/noise-hash.js";

const table = (f: (t: number) => number, x: number, d: number): Float64Array =>
  Float64Array.from({ length: 9 }, (_, i) => f(x + (i - 4) * d));

describe("a jump or a kink at x is one spike in a noise table, not noise (noise.ts, localised)", () => {
  it("a step at x on a curved f is localised; noise on the same f is not", () => {
    expect(LOCALISED_SHARE).toBe(0.9);
    const c = 2.211759477853775;
    const step = (t: number): number => Math.sin(t) + (t < c ? 0 : 1e-4);
    expect(noiseFromTable(table(step, c, 6.75e-5)).localised).toBe(true);
    expect(noiseFromTable(table(step, c, 4.2e-6)).localised).toBe(true);
    const noisy = (t: number): number => Math.sin(t) * (1 + 1e-6 * hashNoise(t, 7));
    expect(noiseFromTable(table(noisy, c, 6.75e-5)).localised).toBe(false);
  });

  it("jumps of 1e-4 to 0.1 beside a curved smooth part are discontinuous (before: noise-limited with a finite value)", () => {
    for (const [J, c] of [
      [-0.09806840390939292, -2.211759477853775],
      [1e-4, 2.211759477853775],
      [0.05, 0.7],
    ] as const) {
      const r = derivative((t) => Math.exp(t) + (t < c ? 0 : J), c);
      // A jump of 1e-4 beside eˣ may read as a kink at the steps where it shows: not differentiable,
      // with both one-sided slopes; never a finite value with status ok or noise-limited.
      expect(["discontinuous", "not-differentiable"], `J = ${J} at ${c}`).toContain(r.status);
      if (Math.abs(J) > 1e-3) expect(r.status).toBe("discontinuous");
    }
  });

  it("noise stays noise: sin with relative noise 1e-6 at 1.056 is noise-limited and covered", () => {
    const x = 1.0558497905731201;
    const r = derivative((t) => Math.sin(t) * (1 + 1e-6 * hashNoise(t, 942501)), x);
    expect(r.status).toBe("noise-limited");
    expect(Math.abs(r.value - Math.cos(x))).toBeLessThanOrEqual(r.error);
  });
});

describe("a small jump through a middle value (sign(t − c) at c) is a jump, not noise", () => {
  it("a table about x: second differences ±J/2 flanking x, 0 at x, read as localised", () => {
    const v = Float64Array.from({ length: 9 }, (_, i) => 2 + 1e-3 * (i - 4) + 5e-6 * Math.sign(i - 4));
    expect(noiseFromTable(v).localised).toBe(true);
  });

  it("atan t + 5e-6·sign(t − 2) at 2 and two like it are discontinuous (before: 0.20019 ± 1.7e-4, noise-limited)", () => {
    const cases: [(t: number) => number, number][] = [
      [(t) => Math.atan(t) + 5e-6 * Math.sign(t - 2), 2],
      [
        (t) => Math.tanh(t) - 1.918027337016229e-6 * Math.sign(t + 0.030682169523330485),
        -0.030682169523330485,
      ],
      [(t) => Math.sin(t) - 1.934464472988917e-4 * Math.sign(t - 95.12085687531922), 95.12085687531922],
    ];
    for (const [f, x] of cases) {
      const r = derivative(f, x);
      expect(r.status, `at ${x}`).toBe("discontinuous");
      expect(r.value).toBeNaN();
      expect(r.error).toBe(Infinity);
    }
  });
});
