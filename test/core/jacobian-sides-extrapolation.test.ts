import { describe, expect, it } from "vitest";
import { STATUSES, jacobian } from "../../src/core/index.js";

// A Jacobian entry whose column saw a kink gets the one-sided slopes at x ± h and x ± 2h and their
// Richardson extrapolations (jacobian-sides.ts); each extrapolation keeps an h² term that the change
// S(h) − S(2h) bounds, and the entry's interval now reaches that far too. At the scale of a large |x|
// the step is long (83 at −5320). A repro from the honesty scan (seed 1, jacobian m < 16 kink-near).

describe("a Jacobian entry beside a kink, checked on both sides", () => {
  it("holds the slope of x's own piece at a large |x| (was −0.27564 ± 0.27564, 1.6e-11 short of it)", () => {
    const c = -5320.314511268415; // the kink, 1.1e-7 above x
    const row = (x: Float64Array): number =>
      Math.atan(x[0]) - 0.551279109682863 * Math.max(0, x[0] - c) + Math.atan(x[1]);
    const F = (x: Float64Array): number[] => [row(x), 2 * Math.atan(x[1])];
    const x = [-5320.3145113796845, 4698.296786360066];
    const r = jacobian(F, x);
    const own = 1 / (1 + x[0] ** 2); // 3.5e-8: atan′ on x's side of the kink
    expect(STATUSES[r.statuses[0][0]]).toBe("not-differentiable"); // a kink within the steps' reach
    expect(Math.abs(r.value[0][0] - own)).toBeLessThanOrEqual(r.error[0][0]);
    expect(r.error[0][0]).toBeLessThan(0.28); // about half the gap
  });
});
