import { describe, expect, it } from "vitest";
import { derivative as derivativeAsync } from "../../src/core/async/index.js";
import { derivative } from "../../src/core/index.js";
import { pairedError, pairedSidesMissed } from "../../src/core/paired-sides.js";
import { Sampler } from "../../src/core/sampler.js";

/**
 * One-sided derivatives whose long steps straddle a pole beside x (paired-sides.ts): the honesty scan's
 * repros (seed 1, category "pole"), t³ − 2t + a/(t − c)ᵏ with f″ = 6t + a·k(k + 1)/(t − c)^(k+2).
 */
function cubicPole(a: number, c: number, k: 1 | 2): (t: number) => number {
  return k === 1
    ? (t) => t * t * t - 2 * t + a / (t - c)
    : (t) => t * t * t - 2 * t + a / ((t - c) * (t - c));
}

function secondDerivative(a: number, c: number, k: 1 | 2, x: number): number {
  return 6 * x + (a * k * (k + 1)) / (x - c) ** (k + 2);
}

describe("one-sided long steps that straddle a pole beside x (paired-sides.ts)", () => {
  // [a, k, c, x, method]: each gave f″ ≈ 6x with an error 1e4 to 1e10 times below the pole's share.
  const cases: [number, 1 | 2, number, number, "forward" | "backward"][] = [
    [0.032977926995917506, 1, -11394.507790980851, -11394.506771125745, "forward"],
    [0.032977926995917506, 1, -11394.507790980851, -11394.506771125745, "backward"],
    [0.043364147328118635, 2, 24242.64044246563, 24242.5752360459, "backward"],
    [0.027495570780571986, 1, -6797.877962996183, -6797.9446148858215, "forward"],
    [0.027495570780571986, 1, -6797.877962996183, -6797.9446148858215, "backward"],
  ];
  for (const [a, k, c, x, method] of cases) {
    it(`covers the pole's share of f″, ${method} at ${x} (c ${Math.abs(x - c).toPrecision(2)} away)`, () => {
      const r = derivative(cubicPole(a, c, k), x, { order: 2, method });
      const truth = secondDerivative(a, c, k, x);
      // The value is the long steps' (6x), the error now reaches past the unit probe's interval.
      expect(r.value).toBeCloseTo(6 * x, 2);
      expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
      expect(r.status).toBe("ok");
    });
  }

  it("does the same for an async f", async () => {
    const [a, k, c, x] = cases[0];
    const r = await derivativeAsync(async (t: number) => cubicPole(a, c, k)(t), x, {
      order: 2,
      method: "forward",
    });
    expect(Math.abs(r.value - secondDerivative(a, c, k, x))).toBeLessThanOrEqual(r.error);
  });

  it("covers structure finer than the long steps as well (cos t + t³ forward at 9771.65)", () => {
    // The long steps alias cos's share of f″ away: 58629.89996 ± 4.7e-5 for 6x − cos x, 5800 errors off.
    const x = 9771.65;
    const r = derivative((t) => Math.cos(t) + t * t * t, x, { order: 2, method: "forward" });
    expect(Math.abs(r.value - (6 * x - Math.cos(x)))).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(4); // the unit probe's interval
  });

  it("leaves a smooth f at a large |x| with its long steps' error, at no call", () => {
    // t³ − 2t at 48333.3: f″ = 6x to the long steps' rounding (±5e-7, relative 2e-12), both sides.
    for (const method of ["forward", "backward"] as const) {
      const r = derivative((t) => t * t * t - 2 * t, 48333.31141118529, { order: 2, method });
      expect(Math.abs(r.value - 6 * 48333.31141118529)).toBeLessThanOrEqual(r.error);
      expect(r.error).toBeLessThan(1e-5);
    }
    const r3 = derivative((t) => t * t * t - 2 * t, -48333.31141118529, { order: 3, method: "backward" });
    expect(r3.value).toBeCloseTo(6, 9);
    expect(r3.error).toBeLessThan(1e-9);
  });
});

describe("pairedSidesMissed", () => {
  const known = (f: (t: number) => number, ts: number[]): Sampler => {
    const s = new Sampler(f);
    for (const t of ts) s.at(t);
    return s;
  };
  const ts = [0, 1, -1, 2, -2, 4, -4];

  it("holds f(x ± h) at h, 2h, 4h against f(x)", () => {
    // A cubic with f(0) moved by 1: the sums extrapolate to 0, f(0) is 1.
    expect(
      pairedSidesMissed(
        known((t) => t ** 3 + (t === 0 ? 1 : 0), ts),
        0,
        1,
      ),
    ).toBe(true);
    expect(
      pairedSidesMissed(
        known((t) => t ** 3 + t * t, ts),
        0,
        1,
      ),
    ).toBe(false);
    // cos: the sums' h⁴ term, which the three-step against the two-step value measures.
    expect(pairedSidesMissed(known(Math.cos, ts), 0, 1)).toBe(false);
  });

  it("counts a noise level given with the values", () => {
    const f = (t: number) => t ** 3 + (t === 0 ? 1e-6 : 0);
    expect(pairedSidesMissed(known(f, ts), 0, 1)).toBe(true);
    expect(pairedSidesMissed(known(f, ts), 0, 1, 1e-7)).toBe(false);
  });

  it("is false where a point was not asked for (no call of f)", () => {
    const s = known((t) => t ** 3, [0, 1, -1, 2, -2, 4]);
    const calls = s.evaluations;
    expect(pairedSidesMissed(s, 0, 1)).toBe(false);
    expect(s.evaluations).toBe(calls);
  });

  it("pairs points a few units in the last place of x off x ± h", () => {
    const x = -11394.506771125745;
    const f = (t: number) => t * t * t + (t === x ? 64 : 0);
    const up = x + 1424.3133463907216;
    const s = known(f, [
      x,
      x + 356.0783365976804,
      x - 356.0783365976804,
      x + 712.1566731953608,
      x - 712.1566731953608,
    ]);
    s.at(up + 2 ** -38); // two units in the last place of x (2⁻³⁹ there) beyond x + 4h
    s.at(x - 1424.3133463907216);
    expect(pairedSidesMissed(s, x, 356.0783365976804)).toBe(true);
  });
});

describe("pairedError", () => {
  it("reaches past a shorter-step probe's interval, ∞ where the probe has none", () => {
    expect(pairedError(290000, 1e-5, 1510, 290012, 546, 0.03125)).toBe(558);
    expect(pairedError(-68367, 0.008, 356, -60287, NaN, 0.0625)).toBe(Infinity);
    expect(pairedError(2, 1e-9, 0.01, 5, 1, 0.1)).toBe(1e-9);
  });
});
