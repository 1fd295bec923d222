import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { runSync } from "../../src/core/column-steps.js";
import { jumpBesideX } from "../../src/core/jump-beside.js";
import { Sampler } from "../../src/core/sampler.js";

// A jump that the jump tests confirm at x (down to 2⁻⁴⁰ of the scale) but that lies some doubles beside
// it: f(x) is on its own side's branch, and f′ is that side's slope (jump-beside.ts).

const derivatives: Record<string, (t: number) => number> = {
  atan: (t) => 1 / (1 + t * t),
  exp: Math.exp,
  sin: Math.cos,
  log: (t) => 1 / t,
};

describe("a jump within 2⁻⁴⁰ of the scale beside x", () => {
  const cases: [(t: number) => number, number, number, number][] = [
    [Math.atan, -20.555415, 1.9757698e-12, -6.3480565e-6], // the red team's s-jumpnear-atan
    [Math.atan, 3.3, 2e-12, 1e-3],
    [Math.exp, 1.7, -3e-13, 2e-5],
    [Math.sin, 0.7, 5e-13, -0.1],
    [Math.log, 12.5, -4e-12, 1e-6],
  ];
  for (const [g, x, d, J] of cases) {
    it(`${g.name} + ${J}·H(t − c), c = x ${d > 0 ? "+" : "−"} ${Math.abs(d)}: f′ from x's side, ok`, () => {
      const c = x + d;
      const r = derivative((t) => g(t) + (t >= c ? J : 0), x);
      expect(r.status).toBe("ok");
      expect(r.method).toBe(d > 0 ? "backward" : "forward");
      // The side's own error (about 1e-12 here) covers the truth.
      expect(Math.abs(r.value - derivatives[g.name](x))).toBeLessThanOrEqual(r.error);
      expect(r.error).toBeLessThan(1e-10);
    });
  }

  it("keeps a jump at x discontinuous, whichever side holds f(x), and one a double away", () => {
    for (const f of [
      (t: number) => Math.atan(t) + (t >= 3.3 ? 1e-3 : 0),
      (t: number) => Math.atan(t) + (t > 3.3 ? 1e-3 : 0),
      (t: number) => Math.atan(t) + (t >= 3.3000000000000003 ? 1e-3 : 0),
    ])
      expect(derivative(f, 3.3).status).toBe("discontinuous");
  });

  it("tells a jump from a kink beside x (a part between the two is no jump)", () => {
    const c = 3.3 + 2e-12;
    const kink = (t: number) => Math.atan(t) + 1e3 * Math.max(0, t - c);
    expect(runSync(jumpBesideX(new Sampler(kink), 3.3, 1, 1 / (1 + 3.3 ** 2), 1e-12, 3.3))).toBe(false);
    const jump = (t: number) => Math.atan(t) + (t >= c ? 1e-3 : 0);
    expect(runSync(jumpBesideX(new Sampler(jump), 3.3, 1, 1 / (1 + 3.3 ** 2), 1e-12, 3.3))).toBe(true);
  });
});
