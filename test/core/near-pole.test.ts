import { describe, expect, it } from "vitest";
import { derivative as derivativeAsync } from "../../src/core/async/index.js";
import { derivative } from "../../src/core/index.js";
import { noiseFromTable } from "../../src/core/noise.js";

/** sin t + a/(t − c)ⁿ and its derivative. */
function poleCase(c: number, a: number, n: 1 | 2): [(t: number) => number, (t: number) => number] {
  const f = (t: number) => Math.sin(t) + a / (t - c) ** n;
  const d = (t: number) => Math.cos(t) - (n * a) / (t - c) ** (n + 1);
  return [f, d];
}

describe("a pole closer to x than the first steps (x is a regular point: the derivative exists)", () => {
  it("is found, not taken for noise (before: 2560 ± 5e8, noise-limited, where f′ = −5e13)", () => {
    for (const [gap, n] of [
      [1e-8, 1],
      [1e-7, 1],
      [1e-6, 1],
      [1e-8, 2],
      [-3e-7, 2],
      [1e-4, 1],
    ] as const) {
      const [f, d] = poleCase(1 + gap, 0.5, n);
      const r = derivative(f, 1);
      const name = `gap ${gap}, 1/uⁿ with n = ${n}`;
      expect(r.status, name).toBe("ok");
      // Honest, and good to 1e-9 relative: the pole costs steps, not accuracy.
      expect(Math.abs(r.value - d(1)), name).toBeLessThanOrEqual(r.error);
      expect(r.error, name).toBeLessThan(1e-9 * Math.abs(d(1)));
    }
  });

  it("a pole 1e-5 away (inside the first noise table, outside the second) gets an error that covers it", () => {
    const [f, d] = poleCase(1 + 1e-5, 0.5, 1);
    const r = derivative(f, 1);
    expect(Math.abs(r.value - d(1))).toBeLessThanOrEqual(r.error);
    // Pessimistic (the noise check's step is within 20 steps of the pole) but not useless.
    expect(r.error).toBeLessThan(0.5 * Math.abs(d(1)));
  });

  it("gives the same bits through the async pipeline", async () => {
    const [f] = poleCase(1 + 1e-7, 0.5, 1);
    const sync = derivative(f, 1);
    const asyncResult = await derivativeAsync(async (t: number) => f(t), 1);
    expect(asyncResult.value).toBe(sync.value);
    expect(asyncResult.error).toBe(sync.error);
  });

  it("a kink at x whose sides give no error from small steps is still flagged (|sin t − sin c|, cos c = 0.008)", () => {
    const c = -1.5627551078796387;
    const r = derivative((t) => Math.abs(Math.sin(t) - Math.sin(c)), c);
    expect(r.status).toBe("not-differentiable");
    expect(Math.abs(r.left!.value + Math.cos(c))).toBeLessThanOrEqual(r.left!.error + 1e-12);
    expect(Math.abs(r.right!.value - Math.cos(c))).toBeLessThanOrEqual(r.right!.error + 1e-12);
  });
});

describe("noiseFromTable: one value out of line at x", () => {
  it("is localised (a pole or a spike closer to x than the spacing), noise spread over the table is not", () => {
    const smooth = (i: number) => 1 + 0.1 * i + 0.01 * i * i;
    const spike = Float64Array.from({ length: 9 }, (_, i) => smooth(i) + (i === 4 ? -5e6 : 0));
    expect(noiseFromTable(spike).localised).toBe(true);
    // The same spike one point off the middle is not at x.
    const offCentre = Float64Array.from({ length: 9 }, (_, i) => smooth(i) + (i === 5 ? -5e6 : 0));
    expect(noiseFromTable(offCentre).localised).toBe(false);
    const noisy = Float64Array.from({ length: 9 }, (_, i) => smooth(i) + 1e-6 * Math.sin(1e4 * (i + 1)));
    expect(noiseFromTable(noisy).localised).toBe(false);
  });

  it("a pole just beyond the narrow table's reach is not noise (sin t + 0.048/(t − 1e-5)² at 0, before: 22 ± 4e10)", () => {
    const c = 0.000010021144043094775;
    const a = 0.04792640858300742;
    const r = derivative((t) => Math.sin(t) + a / ((t - c) * (t - c)), 0);
    const truth = 1 + (2 * a) / c ** 3; // 9.52e13
    expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(truth);
  });
});
