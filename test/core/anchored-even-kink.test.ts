/**
 * A jump of f′ at x under a third derivative whose rows are far from f's asymptotic regime
 * (odd-part-check.ts, evenAnchoredKink): the even parts g(s) = f(x + s) + f(x − s) of the rows, anchored
 * at the noise check's g(s_c), read J·s where the unanchored models missed by their truncation. Both
 * cases gave a number with "ok" before (honesty scan, derivative order 3, kink-at); f‴ does not exist.
 */
import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";

describe("order 3: a kink at x read from the rows' even parts anchored at the check", () => {
  it("1/(1 + t²) + 0.0015·|t| at 0 is discontinuous (before: 3.8e-14 ± 9.5e-13, ok)", () => {
    const r = derivative((t) => 1 / (1 + t * t) + 0.001513392067800135 * Math.abs(t), 0, { order: 3 });
    expect(r.status).toBe("discontinuous");
    expect(r.value).toBeNaN();
  });

  it("1/(1 + t²) + 0.0011·max(0, t) at 0 is discontinuous (before: 7.6e-14 ± 6.0e-11, ok)", () => {
    const r = derivative((t) => 1 / (1 + t * t) + 0.0011279489489226316 * Math.max(0, t), 0, { order: 3 });
    expect(r.status).toBe("discontinuous");
    expect(r.value).toBeNaN();
  });

  it("smooth f‴ keep their bits and calls: 1/(1 + t²) at 0 and at −0.59", () => {
    const at0 = derivative((t) => 1 / (1 + t * t), 0, { order: 3 });
    expect([at0.value, at0.error, at0.status, at0.evaluations]).toEqual([0, 9.077456735002881e-13, "ok", 18]);
    const at59 = derivative((t) => 1 / (1 + t * t), -0.59, { order: 3 });
    expect([at59.value, at59.error, at59.evaluations]).toEqual([
      -2.7948326046735716, 2.2093960650505146e-7, 23,
    ]);
  });
});
