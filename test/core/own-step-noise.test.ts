import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";

// A column run on far below the noise tables settles where no table looked (own-step-noise.ts):
// sin(a·t) carries its argument's rounding, |a·cos(a·t)|·ulp(a·t)/2, which along the column's dyadic
// points can be one shared shift; a table at the column's own step, off that lattice, measures it.

/** a·cos(a·x) with a·x taken exactly (Dekker's product), as the truth. */
function fastCos(a: number, x: number): number {
  const split = (v: number): [number, number] => {
    const c = 134217729 * v;
    const hi = c - (c - v);
    return [hi, v - hi];
  };
  const p = a * x;
  const [ah, al] = split(a);
  const [xh, xl] = split(x);
  const e = ah * xh - p + ah * xl + al * xh + al * xl;
  return a * (Math.cos(p) - Math.sin(p) * e);
}

describe("noise at a run-on column's own steps", () => {
  const cases: [number, number][] = [
    [1e6, 0.0012345], // the red team's fast-sin: −989373.592125 ± 1.8e-7, ok, was 7.7e-6 off
    [2e6, 0.00077], // 1628221.912066 ± 1.4e-6, ok, was 3.9e-5 off
    [1e5, 0.3141], // 93707.18948594 ± 8.6e-9, ok, was 3.4e-8 off
    [3e5, 0.0217],
    [1e6, 0.0456],
  ];
  for (const [a, x] of cases) {
    it(`sin(${a}·t) at ${x}: the error covers the argument's rounding, noise-limited`, () => {
      const r = derivative((t) => Math.sin(a * t), x);
      const truth = fastCos(a, x);
      expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
      expect(r.status).toBe("noise-limited");
      // Still far within the smooth pass rule (1e-6 of |f′|): the level is some 1e-13.
      expect(r.error).toBeLessThan(1e-6 * Math.abs(truth));
    });
  }

  it("leaves a smooth f's result alone (sin at 0.3141: ok, 1e-15 relative)", () => {
    const r = derivative(Math.sin, 0.3141);
    expect(r.status).toBe("ok");
    expect(Math.abs(r.value - Math.cos(0.3141))).toBeLessThan(1e-15);
  });
});
