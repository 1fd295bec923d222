import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";

// A noise level the tables measured that the differences at the noise check's step carry none of:
// structure between the two scales (a staircase), and f near x is clean (clean-check.ts).

describe("a measured level absent at the check's step", () => {
  const cases: [number, number, number][] = [
    [0.1234565, 1e-9, 1e-6], // the red team's staircase: 1.001 ± 6.3e-8, noise-limited
    [0.5432105, 1e-9, 1e-6],
    [0.1234565, 1e-8, 1e-6],
    [2.2222225, 1e-9, 1e-5],
    [0.7777775, 1e-10, 1e-6],
    [0.12345678, 1e-9, 1e-6], // a stair 2.2e-7 from x, within the check's step
  ];
  for (const [x, J, P] of cases) {
    it(`t + ${J}·⌊t/${P}⌋ at ${x}: f′ = 1 between the stairs, to 1e-8`, () => {
      const r = derivative((t) => t + J * Math.floor(t / P), x);
      expect(Math.abs(r.value - 1)).toBeLessThanOrEqual(r.error);
      expect(r.error).toBeLessThan(1e-8);
    });
  }

  it("sin t + 1e-9·⌊1e6·t⌋ at 0.3000005: cos 0.3000005 to 1e-6", () => {
    const r = derivative((t) => Math.sin(t) + 1e-9 * Math.floor(t * 1e6), 0.3000005);
    expect(Math.abs(r.value - Math.cos(0.3000005))).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(1e-6);
  });
});
