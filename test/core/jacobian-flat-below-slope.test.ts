import { describe, expect, it } from "vitest";
import { derivative, jacobian } from "../../src/core/index.js";
import { flatBelowSlope } from "../../src/core/flat-below-slope.js";
import { expectLoopsAgree } from "./jacobian-bits.js";

const R = Math.fround;

/**
 * The honesty scan's small float32 Jacobian (bench/honesty/vector-apis.ts, seed 1, category
 * "float32"): row i is g_i(x_{i mod n}) + atan(x_{(i+1) mod n}), its float32 g_i a term near ±π/2 that
 * the double atan of the next coordinate cancels. The first row's long steps move it; the second
 * scale's steps of 1/64 do not (atan′ times them is below atan's float32 step 1.2e-7), and the column
 * kept 0 ± 1.5e-14 (truth 8.9e-8) and 0 ± 1.1e-8 (truth 2.2e-7), status ok: confidently wrong.
 */
const cases = [
  {
    x: [-3348.952343013083, 3332.663452788982],
    row: 2,
    col: 0,
    g: (t: number) => R(Math.atan(t)),
  },
  {
    x: [-70744.34375, -2124.7459224070476, 299.9582658201613],
    row: 4,
    col: 1,
    g: (t: number) => R(Math.atan(R(t))),
  },
];

/** Rows 0 to 4 of the scan's shape: smooth double rows around row `row`, the float32 one. */
function scanF(c: (typeof cases)[number]): (x: ArrayLike<number>) => number[] {
  const n = c.x.length;
  return (x) =>
    Array.from({ length: 5 }, (_, i) => {
      const t = x[i % n];
      const g = i === c.row ? c.g(t) : i % 2 === 0 ? Math.sin(t) : t * t;
      return g + Math.atan(x[(i + 1) % n]);
    });
}

describe("a noisy column's flat 0 at small steps after an odd first-row move", () => {
  for (const c of cases) {
    it(`is computed again: its error covers atan′ at ${c.x[c.col]}`, async () => {
      const F = scanF(c);
      const truth = 1 / (1 + c.x[c.col] ** 2);
      const r = jacobian(F, c.x);
      const v = r.value[c.row][c.col];
      const e = r.error[c.row][c.col];
      expect(Math.abs(v - truth)).toBeLessThanOrEqual(e);
      // No wider than float32's step of the term (1.2e-7) over the steps that resolve it.
      expect(e).toBeLessThan(1e-6);
      // The entry as derivative() gives it along x_j (its pipeline is the recheck).
      const d = derivative((t) => F(c.x.map((xi, i) => (i === c.col ? t : xi)))[c.row], c.x[c.col]);
      expect(v).toBe(d.value);
      const batched = (b: Float64Array): number[][] =>
        Array.from({ length: b.length / c.x.length }, (_, q) =>
          F(b.slice(q * c.x.length, (q + 1) * c.x.length)),
        );
      await expectLoopsAgree(F, batched, c.x);
    });
  }

  it("reads only odd moves: F flat beside a kink keeps its 0", () => {
    expect(flatBelowSlope(0, 1, -1.05e-5, 8.17e-6, -1.48e-6)).toBe(true);
    expect(flatBelowSlope(0, 1, 0, 2e-3, 0)).toBe(false); // max(0, t − x − 1e-3): one side moves
    expect(flatBelowSlope(0, 1, 2e-3, 2e-3, 0)).toBe(false); // max(0, |t − x| − 1e-3): an even move
    expect(flatBelowSlope(1e-9, 1, -1, 1, 0)).toBe(false); // not 0
    expect(flatBelowSlope(0, 0, -1, 1, 0)).toBe(false); // not flat at its last column
    const kink = jacobian((x) => [Math.max(0, x[0] - 1 - 1e-3), x[0] * x[1]], [1, 2]);
    expect(kink.value[0][0]).toBe(0);
  });
});
