import { describe, expect, it } from "vitest";
import { derivative, gradient, jacobian } from "../../src/core/index.js";
import {
  entryShowsKink,
  pairJump,
  anchoredKink,
  KINK_ANCHOR,
  PAIRS_AGREEMENT,
  ROWS_KINK_SIGNAL,
  rowsShowKink,
} from "../../src/core/even-kink.js";

// The honesty scan's repros (bench/honesty-scan.ts, seed 1): kinks at x whose jump of f′ is small beside
// what f's other terms make large. Before even-kink.ts each gave the two slopes' midpoint, "ok", with an
// error 10 to 5e11 times below half their gap.

const relu = (u: number): number => Math.max(0, u);
/** atan′ at c, and its right slope with the kink's 0.0027911632855962777 added. */
const C0 = 1.0197812803905433;
const J0 = 0.0027911632855962777;
const g0 = (t: number): number => Math.atan(t) + J0 * relu(t - C0);
const X = [C0, -112.2963472551971, -1144.5090483591653, -2.1697487346231314, -0.12454987536800707];
const F = (x: ArrayLike<number>): number =>
  g0(x[0]) +
  ((t: number) => t * t * t - 2 * t - 6865.2903521796015 * relu(t + 112.2963472551971))(x[1]) +
  ((t: number) => t * t * t - 2 * t - 3026479.639529295 * relu(t + 1144.5090483591653))(x[2]) +
  ((t: number) => 1 / (1 + t * t) + 0.003917396659206326 * relu(t + 2.1697487346231314))(x[3]) +
  ((t: number) => Math.tanh(t) + 0.0016741850403043782 * Math.abs(t + 0.12454987536800707))(x[4]);

/** Each one-sided value within its error (plus `slack`) of the truth. */
function expectSides(
  r: { status?: string; left?: { value: number; error: number }; right?: { value: number; error: number } },
  left: number,
  right: number,
  slack: number,
): void {
  expect(r.status).toBe("not-differentiable");
  expect(Math.abs(r.left!.value - left)).toBeLessThanOrEqual(r.left!.error + slack);
  expect(Math.abs(r.right!.value - right)).toBeLessThanOrEqual(r.right!.error + slack);
}

describe("a kink at x that f's large other terms hide from the kink test (even-kink.ts)", () => {
  it("reads the jump from two pairs of rows against a point near x, the s² term removed", () => {
    expect(ROWS_KINK_SIGNAL).toBe(2);
    const E = (s: number) => 1 + (0.01 * s) / 2 - 0.25 * s * s; // a jump of 0.01 beside f″ = −0.5
    expect(PAIRS_AGREEMENT).toBe(0.25);
    expect(pairJump(E(0.01), 0.01, E(0.02), 0.02, E(1e-7), 1e-7)).toBeCloseTo(0.01, 12);
    const rows = Float64Array.of(E(0.01), E(0.02), E(0.04), 0.01, 0.02, 0.04, 1);
    KINK_ANCHOR.set([E(1e-7), 1e-7, 1e-16, 1e-4, 0]);
    expect(anchoredKink(rows, 0)).toBe(true);
    // |t|^1.5's part in s^(3/2): the pairs √2 apart, beyond PAIRS_AGREEMENT (a cusp, differentiable at 0).
    const P = (s: number) => s ** 1.5;
    KINK_ANCHOR.set([0, 1e-7, 1e-16, 0, 0]);
    expect(anchoredKink(Float64Array.of(P(0.01), P(0.02), P(0.04), 0.01, 0.02, 0.04, 1), 0)).toBe(false);
    const both = Float64Array.of(...rows, NaN, NaN, NaN, NaN, NaN, NaN, NaN);
    expect(rowsShowKink(both, E(1e-7), 1e-7, 1e-16, 1e-4)).toBe(true);
    expect(rowsShowKink(both, E(1e-7), 1e-7, 1e-16, 0.01)).toBe(false); // the error covers half the jump
    // A smooth even part (cosh: its s⁴ term) gives pairs 8 times apart: no kink, whatever the error.
    const S = (s: number) => Math.cosh(s);
    const smooth = Float64Array.of(
      S(0.01),
      S(0.02),
      S(0.04),
      0.01,
      0.02,
      0.04,
      1,
      NaN,
      NaN,
      NaN,
      NaN,
      NaN,
      NaN,
      NaN,
    );
    expect(rowsShowKink(smooth, S(1e-7), 1e-7, 1e-16, 0)).toBe(false);
    const entry = Float64Array.of(E(0.01), E(0.02), E(0.04), 0.01, 0.02, 0.04, 1);
    expect(entryShowsKink(entry, 0, [1], Float64Array.of(1e-6), 0)).toBe(true);
    expect(entryShowsKink(entry, 0, [1], Float64Array.of(0.01), 0)).toBe(false);
    const smoothEntry = Float64Array.of(S(0.01), S(0.02), S(0.04), 0.01, 0.02, 0.04, 1);
    expect(entryShowsKink(smoothEntry, 0, [1], Float64Array.of(0), 0)).toBe(false);
  });

  it("atan t + 0.0028·max(0, t − c) at c beside other terms of 1.5e9: not-differentiable (was 0.491595 ± 1.4e-4, ok)", () => {
    const left = 1 / (1 + C0 * C0);
    const along = (t: number) => F([t, ...X.slice(1)]);
    // |F| ≈ 1.5e9: each one-sided value carries its rounding, some 1e-4 at the sides' steps.
    expectSides(derivative(along, C0), left, left + J0, 1e-5);
    const g = gradient(F, X);
    expect(g.statuses[0]).toBe(3); // STATUSES[3] = "not-differentiable"
    expect(g.error[0]).toBeGreaterThanOrEqual(J0 / 2 - 1e-5);
    // The kink alone, as before: its sides to 1e-10.
    expectSides(derivative(g0, C0), left, left + J0, 1e-10);
  });

  it("derivative(f, xs): t³ − 2t − 0.0016·max(0, t + 1) at −1 (was 0.999211 ± 9.5e-14, ok)", () => {
    const J = -0.001577205038932721;
    const f = (t: number) => t * t * t - 2 * t + J * relu(t + 1);
    const xs = [-1, -1.0000000079958873, -1.0000000000021703, -1.000000000469923];
    const r = derivative(f, xs);
    expectSides(r.results[0], 1, 1 + J, 1e-9);
    expect(r.statuses[0]).toBe(3);
  });

  it("a small Jacobian's entry: cos t − 0.0028·|t − c| + atan x₂ at c = 1309.3 (was −0.668306 ± 1.2e-13, ok)", () => {
    const c = 1309.3122072199567;
    const J = -0.002799218801062319;
    const x = [-1, c, 236.58667964707948];
    const Fv = (v: Float64Array) => [
      Math.cos(v[0]) + 0.010365143469191377 * relu(v[0] + 1) + Math.atan(v[1]),
      Math.cos(v[1]) + J * Math.abs(v[1] - c) + Math.atan(v[2]),
    ];
    const r = jacobian(Fv, x);
    expect(r.statuses[1][1]).toBe(3);
    // The entry's interval holds both slopes, −sin c ∓ J.
    const [lo, hi] = [-Math.sin(c) - J, -Math.sin(c) + J];
    expect(r.error![1][1]).toBeGreaterThanOrEqual(Math.abs(hi - lo) / 2 - 1e-9);
    expect(Math.abs(r.value[1][1] + Math.sin(c))).toBeLessThanOrEqual(1e-6);
    expect(r.statuses[0][1]).toBe(0); // the smooth entries stay ok
    expect(Math.abs(r.value[1][2] - 1 / (1 + x[2] * x[2]))).toBeLessThanOrEqual(r.error![1][2]);
  });

  it("a kink that the noise tables read as noise: cos t + 0.014·|t − c| at c = −1042.7 (was −0.262527 ± 0.0125, noise-limited)", () => {
    const c = -1042.743120754056;
    const J = 0.013947531120582451;
    const r = derivative((t) => Math.cos(t) + J * Math.abs(t - c), c);
    expectSides(r, -Math.sin(c) - J, -Math.sin(c) + J, 1e-6);
  });

  it("smooth functions keep their bits and calls: exp at 1, sin at 1e3, x³ beside 1e9", () => {
    const e = derivative(Math.exp, 1);
    expect(e.status).toBe("ok");
    expect(Math.abs(e.value - Math.E)).toBeLessThanOrEqual(e.error);
    expect(e.error).toBeLessThan(1e-12);
    const s = derivative(Math.sin, 1000);
    expect(s.status).toBe("ok");
    const big = derivative((t) => t * t * t + 1e9, 1.3);
    expect(big.status).toBe("ok");
    expect(Math.abs(big.value - 3 * 1.3 * 1.3)).toBeLessThanOrEqual(big.error);
  });
});
