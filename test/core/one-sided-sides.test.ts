import { describe, expect, it } from "vitest";
import { derivative, type DerivativeOptions } from "../../src/core/index.js";
import { OTHER_SIDE_TRIES } from "../../src/core/other-side.js";

/**
 * Truths are closed forms evaluated in double precision (a few ulps); an estimate is honest when its
 * true error is within its error estimate plus that slack, 8·EPS·|truth| (the honesty scan's rule).
 */
const TRUTH_SLACK = 8 * Number.EPSILON;

/** tanh″ = −2·tanh·sech², written with cosh (0 where cosh overflows: sech² underflows there too). */
const tanh2 = (t: number): number => (-2 * Math.tanh(t)) / Math.cosh(t) ** 2;

/** f = g + s·φ(t − c): a smooth g and a kink or a join at c (the honesty scan's C1 and kink terms). */
function joined(g: (t: number) => number, s: number, phi: (u: number) => number, c: number) {
  return (t: number): number => g(t) + s * phi(t - c);
}
const relu = (u: number): number => Math.max(0, u);
const reluSquared = (u: number): number => Math.max(0, u) ** 2;
const xAbsX = (u: number): number => u * Math.abs(u);

describe("one-sided derivatives beside a kink or a join are honest (other-side.ts)", () => {
  // The honesty scan's confident misses on main (off by 4e14, 1.5e14, 2.5e9 and 4.1e7 times the
  // error): each one-sided column saw only the far piece of f, or a mix of both, and converged.
  // [name, f, x, options, truth (the derivative of the piece that holds x), gap between the sides]
  type Case = [string, (t: number) => number, number, DerivativeOptions, number, number];
  const unresolved: Case[] = [
    [
      // x|x| 2.8e-6 ahead of x at −19314: the column's steps see only its right piece (f″ = +2s); the
      // stencil [x, x + 2h] clears the join only below h = 1.4e-6, where a second difference's rounding
      // (2·EPS·4·|f|/h² ≈ 9e-4) is a fifth of the gap 4s: too coarse to settle on either piece.
      "tanh t + s·u|u| forward, order 2, the join 2.8e-6 ahead",
      joined(Math.tanh, 0.0012111295951729637, xAbsX, -19314.11697677271),
      -19314.116979536248,
      { method: "forward", order: 2 },
      tanh2(-19314.116979536248) - 2 * 0.0012111295951729637,
      4 * 0.0012111295951729637,
    ],
    [
      // x 3.1e-9 beyond the join of max(0, u)²: the backward stencil sees the flat piece (f″ = 0).
      "tanh t + s·max(0, u)² backward, order 2, x 3.1e-9 beyond the join",
      joined(Math.tanh, 0.3778736213188245, reluSquared, -17.29462890875912),
      -17.29462890561231,
      { method: "backward", order: 2 },
      tanh2(-17.29462890561231) + 2 * 0.3778736213188245,
      2 * 0.3778736213188245,
    ],
  ];
  // [… , the kink's place]
  const resolved: [...Case, number][] = [
    [
      // ReLU 4.9e-9 ahead at 1574.92, where tanh′ underflows to 0: the forward value was the mean
      // of the two slopes, 0.00142 ± 5.7e-13.
      "tanh t + s·max(0, u) forward, the kink 4.9e-9 ahead",
      joined(Math.tanh, 0.0028446576452692955, relu, 1574.9203536774526),
      1574.9203536725581,
      { method: "forward" },
      1 / Math.cosh(1574.9203536725581) ** 2,
      0.0028446576452692955,
      1574.9203536774526,
    ],
    [
      // x 3.5e-12 beyond the kink: the backward column saw cos alone, 0.999999 ± 2.1e-9.
      "sin t − 0.0885·max(0, u) backward, x 3.5e-12 beyond the kink",
      joined(Math.sin, -0.08851296899986115, relu, -0.0010443947677013644),
      -0.0010443947642148437,
      { method: "backward" },
      Math.cos(-0.0010443947642148437) - 0.08851296899986115,
      0.08851296899986115,
      -0.0010443947677013644,
    ],
  ];

  function expectHonest(f: (t: number) => number, x: number, o: DerivativeOptions, truth: number) {
    const r = derivative(f, x, o);
    const label = `${r.value} ± ${r.error} (${r.status}), truth ${truth}`;
    expect(r.status, label).toBe("ok");
    expect(Math.abs(r.value - truth), label).toBeLessThanOrEqual(r.error + TRUTH_SLACK * Math.abs(truth));
    return { r, label };
  }

  it.each(unresolved)("%s: the error covers both sides, no wider", (_name, f, x, o, truth, gap) => {
    const { r, label } = expectHonest(f, x, o, truth);
    // Both sides are given, and the interval holds them: the gap between them and a little more.
    expect(r.left, label).toBeDefined();
    expect(r.right, label).toBeDefined();
    for (const side of [r.left!, r.right!]) {
      expect(Math.abs(r.value - side.value), label).toBeLessThanOrEqual(r.error);
    }
    expect(r.error, label).toBeLessThanOrEqual(1.01 * gap);
  });

  it.each(resolved)(
    "%s: found from steps below the kink's distance",
    (_name, f, x, o, truth, gap, kinkAt) => {
      const { r, label } = expectHonest(f, x, o, truth);
      // Run again from steps whose rounding is 1/16 of the gap (RESOLVE_SIGNAL), the column settles on
      // x's own piece: an error well below the gap, from steps below the distance to the kink.
      expect(r.error, label).toBeLessThan(gap / 8);
      expect(r.step, label).toBeLessThan(Math.abs(x - kinkAt));
      expect(r.left, label).toBeUndefined();
    },
  );

  it("ReLU forward at 0 gives the right slope, with an error that holds the left one too", () => {
    // A kink at 0 and one at 1e-300 give a forward column the same values: [0, 2] holds both slopes.
    const r = derivative((t) => Math.max(0, t), 0, { method: "forward" });
    expect(r.value).toBe(1);
    expect(r.error).toBeCloseTo(1, 12);
    expect(r.left?.value).toBe(0);
    expect(r.right?.value).toBe(1);
  });

  it("a one-sided derivative whose other side is not finite stands as it is, in OTHER_SIDE_TRIES calls", () => {
    // exp t for t ≥ 0, NaN below: forward at 0 took 9 calls on main; the backward side gives up after
    // OTHER_SIDE_TRIES points where f is NaN (its column's own retries would take 32).
    const f = (t: number): number => (t < 0 ? NaN : Math.exp(t));
    const r = derivative(f, 0, { method: "forward" });
    expect(Math.abs(r.value - 1)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(1e-9);
    expect(r.left).toBeUndefined();
    expect(r.evaluations).toBeLessThanOrEqual(9 + OTHER_SIDE_TRIES);
    // log t near its edge, where the backward side is finite: the sides agree.
    const g = derivative(Math.log, 1e-3, { method: "forward" });
    expect(Math.abs(g.value - 1000)).toBeLessThanOrEqual(g.error);
    expect(g.error).toBeLessThan(1e-6);
  });

  it("the other side's check keeps to maxEvaluations (sin forward and backward at 1)", () => {
    for (const method of ["forward", "backward"] as const) {
      for (let budget = 4; budget <= 40; budget++) {
        const r = derivative(Math.sin, 1, { method, maxEvaluations: budget });
        expect(r.evaluations, `${method}, ${budget}`).toBeLessThanOrEqual(budget);
        if (r.status === "ok") expect(Math.abs(r.value - Math.cos(1))).toBeLessThanOrEqual(r.error);
      }
    }
  });

  it("a smooth f's one-sided estimate keeps its error: the sides agree (sin forward and backward at 1)", () => {
    for (const method of ["forward", "backward"] as const) {
      const r = derivative(Math.sin, 1, { method });
      expect(Math.abs(r.value - Math.cos(1))).toBeLessThanOrEqual(r.error);
      expect(r.error).toBeLessThan(1e-9);
      expect(r.left).toBeUndefined();
    }
  });
});

describe("f jumping on the stencil's side has no one-sided derivative (scalar-column.ts, other-side.ts)", () => {
  it.each([
    // [name, f, x, options] — on main: 0.990324 ± 9.5e-4, ok; −0.0345058 ± 1228, ok; 0.0047123 ± 5.8e5, ok.
    [
      "sin t + 2.2e-6·sign(t − c) backward at c",
      (t: number) => Math.sin(t) + 0.0000021722015555476906 * Math.sign(t - 6.141694519115333),
      6.141694519115333,
      { method: "backward" },
    ],
    [
      "1/(1 + t²) − 1.1e-6·sign(t − c) forward at c",
      (t: number) => 1 / (1 + t * t) - 0.0000011440931156004755 * Math.sign(t - 0.01700669449834928),
      0.01700669449834928,
      { method: "forward" },
    ],
    [
      "1/(1 + t²) + 1.1e-6·sign(t − c) backward at c",
      (t: number) => 1 / (1 + t * t) + 0.000001139288247718369 * Math.sign(t + 0.00210120397821358),
      -0.00210120397821358,
      { method: "backward" },
    ],
  ] as const)("%s: discontinuous", (_name, f, x, o) => {
    const r = derivative(f, x, o as DerivativeOptions);
    expect(r.status).toBe("discontinuous");
    expect(r.value).toBeNaN();
    expect(r.error).toBe(Infinity);
  });

  it("a small step at a large x, seen from the side where f(x) is not: discontinuous (SIDE_JUMP_STEP)", () => {
    // cos t + 2e-6·H(t − c) at c = −125.07: the backward column gave −0.562135 ± 7.9e-4, ok, where the
    // forward side's error is 5e-10 (its derivative, −sin c, exists); a jump of 2e-6 beside a slope
    // of 0.56 shows only at steps below 1e-7.
    const c = -125.0664567534047;
    const f = (t: number): number => Math.cos(t) + 0.000002025619667376179 * (t >= c ? 1 : 0);
    expect(derivative(f, c, { method: "backward" }).status).toBe("discontinuous");
    const forward = derivative(f, c, { method: "forward" });
    expect(Math.abs(forward.value + Math.sin(c))).toBeLessThanOrEqual(forward.error);
    expect(forward.error).toBeLessThan(1e-8);
  });

  it("a step whose value at x is the forward side's: the forward derivative exists, the backward does not", () => {
    const step = (t: number): number => Math.exp(t) + (t >= 0.5 ? 0.001 : 0);
    const forward = derivative(step, 0.5, { method: "forward" });
    expect(forward.status).toBe("ok");
    expect(Math.abs(forward.value - Math.exp(0.5))).toBeLessThanOrEqual(forward.error);
    expect(forward.error).toBeLessThan(1e-9);
    expect(derivative(step, 0.5, { method: "backward" }).status).toBe("discontinuous");
  });
});

describe("one-sided results that had no error estimate (settle-noise.ts coverRunOn, other-side.ts)", () => {
  it("√t + 0.016·max(0, t − c)² forward at c, order 2: the run-on column's estimate", () => {
    // On main: −5.03582 ± NaN (noise-limited): the column with the noise level found no error.
    const c = 0.07811991635521774;
    const r = derivative((t) => Math.sqrt(t) + 0.01633120047374127 * Math.max(0, t - c) ** 2, c, {
      method: "forward",
      order: 2,
    });
    // f″ on the right of c: −¼·c^(−3/2) + 2s.
    const truth = -0.25 * c ** -1.5 + 2 * 0.01633120047374127;
    expect(Number.isFinite(r.error)).toBe(true);
    expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(0.5);
  });

  it("a float32 tanh saturated at −9.74 is not flat: its forward zero is f below its grid", () => {
    // On main: 0 ± 5.8e-15 (ok), where f′ = sech²(−9.74) = 1.4e-8 and f's values step by 6e-8.
    const x = -9.744251251220703;
    const f = (t: number): number => Math.fround(Math.tanh(Math.fround(t)));
    const truth = 1 / Math.cosh(x) ** 2;
    for (const method of ["forward", "backward"] as const) {
      const r = derivative(f, x, { method });
      expect(Math.abs(r.value - truth), method).toBeLessThanOrEqual(r.error);
    }
  });
});
