/**
 * A jump of f″ at x under a fourth derivative whose first column saw f's rounding as "noise"
 * (noisy-second-jump.ts): the odd-part check never came, and the column run on past the noise converged
 * to the even part's f⁗. Its rows' odd parts still read the jump, and f″'s sides confirm it.
 */
import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";

/** The Huber loss with threshold d: ½v² within d, d·(|v| − ½d) beyond (f″ jumps by 1 at |v| = d). */
const huber = (v: number, d: number): number =>
  Math.abs(v) <= d ? 0.5 * v * v : d * (Math.abs(v) - 0.5 * d);

describe("order 4: f″ jumping at x beside a large term, after a noisy first column", () => {
  it("cos t − 0.0082·huber at its join 45794 from 0 is discontinuous (before: −0.81348 ± 5.2e-4, ok)", () => {
    const d = 45794.37541269802;
    const f = (t: number) => Math.cos(t) - 0.008179140764840831 * huber(t + 2 * d, d);
    const r = derivative(f, -d, { order: 4 });
    expect(r.status).toBe("discontinuous");
    expect(r.value).toBeNaN();
  });

  it("a smooth f⁗ beside the same large term keeps its status: cos t + 1e7 at −45794.375", () => {
    const r = derivative((t) => Math.cos(t) + 1e7, -45794.37541269802, { order: 4 });
    expect(["ok", "noise-limited"]).toContain(r.status);
    expect(Math.abs(r.value - Math.cos(-45794.37541269802))).toBeLessThanOrEqual(r.error);
  });
});
