import { describe, expect, it } from "vitest";
import { jacobian } from "../../src/core/index.js";
import { jacobianViaGeneral } from "../../src/core/jacobian.js";
import { markFlat } from "../../src/core/jacobian-common-flat.js";
import { JacobianCommonWork } from "../../src/core/jacobian-common-work.js";
import { VectorCaller } from "../../src/core/vector-caller.js";
import { EPS, F_ROUNDING, SMALL_X } from "../../src/core/constants.js";
import { bits } from "./jacobian-bits.js";

/** F with components flat along most coordinates: constants, zeros, huge values and one x_j each. */
const F = (x: Float64Array): number[] => [x[0] * x[1], 7, 0, -1e300, Math.exp(x[2]), x[1] ** 3];

describe("jacobian's common path: flat components found once per column (jacobian-common-flat.ts)", () => {
  it("marks the components flat over rows 0 and 1, with the driver's rounding as their error", () => {
    const caller = new VectorCaller((x) => [x[0] * x[0], 2, -3, x[0]], new Float64Array([1.5]));
    const w = new JacobianCommonWork(4);
    w.beginColumn(1.5, -Infinity, Infinity);
    w.beginScale(1.5 / 64);
    expect(w.evaluateFirstRows(caller, 0, false)).toBe(true);
    expect(markFlat(w, false)).toBe(2);
    expect(Array.from(w.flat)).toEqual([0, 1, 1, 0]);
    // (F_ROUNDING·EPS·Σ|w|·|f| + MIN_VALUE·Σ|w|) / h of row 1, Σ|w| = 1 for the central stencil.
    const h = w.hr[1];
    expect(w.flatError[1] / ((F_ROUNDING * EPS * 2) / h)).toBeCloseTo(1, 12);
    expect(w.flatError[2] / ((F_ROUNDING * EPS * 3) / h)).toBeCloseTo(1, 12);
  });

  it("marks none when the column has no row 1 (a step that is not positive)", () => {
    const caller = new VectorCaller(() => [1, 2], new Float64Array([1]));
    const w = new JacobianCommonWork(2);
    w.beginColumn(1, -Infinity, Infinity);
    w.beginScale(0); // no row: every component ends at once
    expect(w.evaluateFirstRows(caller, 0, true)).toBe(true);
    expect(Array.from(w.flat)).toEqual([0, 0]);
  });

  it("gives the general path's bits at every kind of scale: |x| > 1 (flat kept at once), |x| ≤ 1, tiny |x| (a probe at scale 1)", () => {
    for (const x of [
      [2.5, -3, 1.2],
      [0.5, 0.25, -0.75],
      [SMALL_X / 8, -SMALL_X / 3, 1e-9],
      [0, 1, -1],
      [1e-300, 3e7, 0.9],
    ]) {
      const r = jacobian(F, x);
      expect(bits(r)).toBe(bits(jacobianViaGeneral(F, x)));
      expect(r.value[1]).toEqual(new Float64Array(3)); // the constants: 0 exactly
      expect(r.value[0][0]).toBeCloseTo(x[1], 10);
      expect(r.value[0][2]).toBe(0);
    }
  });
});
