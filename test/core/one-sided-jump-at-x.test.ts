import { describe, expect, it } from "vitest";
import { derivative, type DerivativeOptions } from "../../src/core/index.js";
import { jumpPart } from "../../src/core/side-jump.js";
import { hashNoise } from "../fixtures/noise-hash.js";

/**
 * One-sided derivatives where f jumps at x (the honesty scan's jump-at cases): on the stencil's side
 * there is no derivative ("discontinuous"); on the other side, where f is continuous, there is one,
 * and the jump must not pass for noise in it. Truths are closed forms evaluated in double precision;
 * an estimate is honest when its true error is within its error estimate plus 8·EPS·|truth| (the
 * scan's rule).
 */
const TRUTH_SLACK = 8 * Number.EPSILON;

describe("a jump at x on the stencil's side is found where the first column took it for noise (other-side.ts, side-jump.ts)", () => {
  it.each([
    // [name, f, x, options] — on main: 1.02504e9 ± 2.1e6, 0.705765 ± 0.0028, 0.952377 ± 0.0035,
    // 7.49974 ± 0.026, −0.0098242 ± 0.037 and −0.0160137 ± 0.037, all "ok".
    [
      "t³ − 2t − 3.5e7·sign(t − c) backward at c = 18492.4",
      (t: number) => t * t * t - 2 * t - 35490237.67955266 * Math.sign(t - 18492.37525617289),
      18492.37525617289,
      { method: "backward" },
    ],
    [
      "cos t − 4.7e-6·sign(t − c) backward at c = −1251.1",
      (t: number) => Math.cos(t) - 0.0000047275988051058716 * Math.sign(t + 1251.138614064828),
      -1251.138614064828,
      { method: "backward" },
    ],
    [
      "sin t + 1.2e-5·sign(t − c) backward at c = −37988.5 (the slope hides the jump from the first rows)",
      (t: number) => Math.sin(t) + 0.00001224956567069255 * Math.sign(t + 37988.452084770775),
      -37988.452084770775,
      { method: "backward" },
    ],
    [
      "√t − 1.25e-6·sign(t − c) forward at c = 0.0044",
      (t: number) => Math.sqrt(t) - 0.0000012506489568169257 * Math.sign(t - 0.00443321980872204),
      0.00443321980872204,
      { method: "forward" },
    ],
    [
      "cos t − 1.4e-6·sign(t − c) forward at c = −18364.2, order 2",
      (t: number) => Math.cos(t) - 0.0000014087373214238611 * Math.sign(t + 18364.192775808107),
      -18364.192775808107,
      { method: "forward", order: 2 },
    ],
    [
      "cos t − 1.4e-6·sign(t − c) backward at c = −18364.2, order 2",
      (t: number) => Math.cos(t) - 0.0000014087373214238611 * Math.sign(t + 18364.192775808107),
      -18364.192775808107,
      { method: "backward", order: 2 },
    ],
  ] as const)("%s: discontinuous", (_name, f, x, o) => {
    const r = derivative(f, x, o as DerivativeOptions);
    expect(r.status).toBe("discontinuous");
    expect(r.value).toBeNaN();
    expect(r.error).toBe(Infinity);
  });

  it("the smooth f beside them keeps its one-sided derivative", () => {
    const c = -1251.138614064828;
    const r = derivative(Math.cos, c, { method: "backward" });
    expect(r.status).toBe("ok");
    expect(Math.abs(r.value + Math.sin(c))).toBeLessThanOrEqual(
      r.error + TRUTH_SLACK * Math.abs(Math.sin(c)),
    );
    expect(r.error).toBeLessThan(1e-10);
  });

  it("a residual g − c, whose differences repeat by whole steps of g's grid, is no jump", () => {
    // log t − c with c within 1e-8 of log 13.4: f(x + s) − f(x) = 2⁻³⁶, 2⁻⁴⁰, … at the test's steps,
    // their parts −0.06 of a grid step at each (the grid floor, not f's own rounding, rules them out).
    const x = 13.4;
    const c = Math.log(x) * (1 + 1.37e-8);
    for (const method of ["forward", "backward"] as const) {
      const r = derivative((t) => Math.log(t) - c, x, { method });
      expect(r.status).not.toBe("discontinuous");
      expect(Math.abs(r.value - 1 / x)).toBeLessThanOrEqual(r.error + TRUTH_SLACK / x);
    }
  });

  it("noise whose values repeat at close points is no jump (the parts stand above the noise's bound)", () => {
    // cos t + 1.4e-12·noise at 10603.7: the parts at the test's steps were 1.92e-12, 1.92e-12, 1.88e-12.
    const x = 10603.724587792029;
    const f = (t: number): number => Math.cos(t) + 1.4405680117993431e-12 * hashNoise(t, 1706236923);
    const truths = [-Math.sin(x), -Math.cos(x), Math.sin(x), Math.cos(x)];
    for (const order of [1, 2, 3, 4]) {
      const r = derivative(f, x, { method: "forward", order });
      expect(r.status).toBe("noise-limited");
      const truth = truths[order - 1];
      expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error + TRUTH_SLACK * Math.abs(truth));
    }
  });

  it("jumpPart takes the slope read from two rows out of a difference", () => {
    // f = 1e-6·[t > 0] + 0.5·t at 0: rows at 1e-6 and 1e-7 give the slope 0.5 and the part 1e-6.
    expect(jumpPart(1.5e-6, 1e-6, 1.05e-6, 1e-7)).toBeCloseTo(1e-6, 18);
    // A continuous f (0.5·t + t²): the part is −s₀·s, which shrinks with s.
    expect(Math.abs(jumpPart(0.5e-3 + 1e-6, 1e-3, 0.5e-4 + 1e-8, 1e-4) + 1e-7)).toBeLessThan(1e-18);
  });
});

describe("the other side's jump is not noise on this side (jump-as-noise.ts)", () => {
  it.each([
    // [f, x, f⁗(x)] — on main: −1.84e6 ± 7.7e6 and −886 ± 8.1e4, noise-limited.
    [0.0004968332779209274, 0.0035969367010951258],
    [-0.004130687750312048, 0.0022997126715024996],
  ])(
    "√t + %f·H(t − c) forward at c = %f, order 4: √t's f⁗, which the jump behind x does not touch",
    (J, c) => {
      const f = (t: number): number => Math.sqrt(t) + J * (t >= c ? 1 : 0);
      const truth = (-15 / 16) * c ** -3.5;
      const r = derivative(f, c, { method: "forward", order: 4 });
      expect(r.status).toBe("ok");
      expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error + TRUTH_SLACK * Math.abs(truth));
      // A claim with digits: the error is below a fifth of the value.
      expect(r.error).toBeLessThan(Math.abs(truth) / 5);
    },
  );
});
