import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { COARSE_BITS, noiseFromTable, QUANTUM_SHARE } from "../../src/core/noise.js";
import { unresolvedNoise } from "../../src/core/noise-check.js";

const f32 = Math.fround;
const table = (f: (t: number) => number, x: number, d: number): Float64Array =>
  Float64Array.from({ length: 9 }, (_, i) => f(x + (i - 4) * d));

describe("noise tables below the resolution of a float32 f (noise.ts, quantised)", () => {
  it("a float32 table stepping evenly on its grid, with a one-ulp step here and there, is too small to tell", () => {
    // f32(x²) at a float32 x with many bits, spacing 2^-17: second differences 0 but for one ulp of f.
    const v = table((t) => f32(f32(t) * f32(t)), -0.4911280870437622, 2 ** -17);
    const d2 = Array.from({ length: 7 }, (_, i) => v[i + 2] - 2 * v[i + 1] + v[i]);
    expect(d2.filter((d) => d === 0).length).toBeGreaterThan(3.5);
    expect(noiseFromTable(v).verdict).toBe("too-small");
  });

  it("but a kink inside the table (a change of slope as large as the slope) is not a grid, nor is a linear double f", () => {
    expect(QUANTUM_SHARE).toBe(0.25);
    expect(noiseFromTable(table((t) => Math.max(0, t), -1e-9, 2 ** -15)).verdict).not.toBe("too-small");
    // A linear double f: at most its rounding (about 1e-17 here), never "too small".
    const linear = noiseFromTable(table((t) => 3 * t + 1e-9, 0.1, 1e-7));
    expect(linear.verdict).not.toBe("too-small");
    expect(linear.verdict === "too-large" || linear.level < 1e-16).toBe(true);
  });

  it("values on a coarse grid whose second differences are all 0 are too small to tell (COARSE_BITS)", () => {
    expect(COARSE_BITS).toBe(32);
    // f32 linear on its grid: every second difference exactly 0, every value a float32.
    const v = table((t) => f32(f32(t) * 0.75), 0.6845789477229118, 2 ** -20);
    expect(v.every((t) => f32(t) === t)).toBe(true);
    expect(noiseFromTable(v).verdict).toBe("too-small");
  });
});

describe("float32 functions at float32 numbers with many bits are noise-limited and honest", () => {
  const sigmoid = (t: number): number => 1 / (1 + Math.exp(-t));
  const cases: [string, (t: number) => number, number, number][] = [
    ["exp", (t) => f32(Math.exp(f32(t))), 0.6845789477229118, Math.exp(0.6845789477229118)],
    ["tanh", (t) => f32(Math.tanh(f32(t))), -0.7173938751220703, 1 - Math.tanh(-0.7173938751220703) ** 2],
    [
      "sigmoid",
      (t) => f32(1 / f32(1 + f32(Math.exp(-f32(t))))),
      1.8099174499511719,
      sigmoid(1.8099174499511719) * (1 - sigmoid(1.8099174499511719)),
    ],
    ["cos", (t) => f32(Math.cos(f32(t))), 1.6307430267333984, -Math.sin(1.6307430267333984)],
    ["cos", (t) => f32(Math.cos(f32(t))), 0.1409015655517578, -Math.sin(0.1409015655517578)],
    ["square", (t) => f32(f32(t) * f32(t)), -0.4911280870437622, 2 * -0.4911280870437622],
  ];
  for (const [name, f, x, truth] of cases) {
    it(`${name} at ${x}: the error covers the truth (before: value 0 or an error of 1e-13)`, () => {
      const r = derivative(f, x);
      expect(r.status).toBe("noise-limited");
      expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
      // Near float32's best: within 1e-4 of the truth, relative.
      expect(Math.abs(r.value - truth)).toBeLessThan(1e-4 * Math.abs(truth));
      expect(r.noise).toBeGreaterThan(1e-10);
    });
  }
});

describe("unresolvedNoise: the first estimate, with the noise the check showed", () => {
  it("takes ε = gap·h_c / Σ|w| and adds NOISE_COVERAGE·ε·Σ|w| / h to the error (central, order 1: Σ|w| = 1)", () => {
    const first = {
      value: 0.3125,
      error: 1e-12,
      step: 1e-3,
      kind: "central" as const,
      flags: 0,
      noisyStep: 1e-6,
    };
    const r = unresolvedNoise(first, 3e-4, 4.8e-7, 1);
    expect(r.status).toBe("noise-limited");
    expect(r.value).toBe(0.3125);
    expect(r.noise).toBeCloseTo(1.44e-10, 20);
    expect(r.error).toBeCloseTo(1e-12 + (3 * 1.44e-10) / 1e-3, 18);
  });
});

describe("an estimate of exactly 0 from small steps (noise-check.ts, zeroBelowResolution)", () => {
  it("is f below its resolution for a float32 f, and a zero derivative for cos at 0", async () => {
    const { runSync } = await import("../../src/core/column-steps.js");
    const { Sampler } = await import("../../src/core/sampler.js");
    const { RESOLUTION_WIDENINGS, zeroBelowResolution } = await import("../../src/core/noise-check.js");
    expect(RESOLUTION_WIDENINGS).toBe(3);
    const f32exp = (t: number): number => f32(Math.exp(f32(t)));
    expect(runSync(zeroBelowResolution(new Sampler(f32exp), 0.6845789477229118, 2, 1.9e-6))).toBe(true);
    expect(runSync(zeroBelowResolution(new Sampler(Math.cos), 0, 1, 1e-9))).toBe(false);
  });

  it("the second derivative of f32(eˣ) at 0.68… is noise-limited and covers e^x (before: 0 ± 1e-3, status ok)", () => {
    const x = 0.6845789477229118;
    const r = derivative((t) => f32(Math.exp(f32(t))), x, { order: 2 });
    expect(r.status).toBe("noise-limited");
    expect(Math.abs(r.value - Math.exp(x))).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(0.01);
  });

  it("cos′ at 0 is still exactly 0 with status ok", () => {
    const r = derivative(Math.cos, 0);
    expect(r.value).toBe(0);
    expect(r.status).toBe("ok");
  });
});
