/**
 * Second, third and fourth derivatives at a C1 join at x (f″ jumps there: x|x|, the Huber loss at its
 * threshold, max(0, t)²) beside a large f‴: cases from the honesty scan (bench/honesty-scan.ts, seed 1,
 * category c1). The odd parts of the column's rows, anchored at the noise check's pair, show the jump
 * (anchored-jump.ts); f″ then compares its sides, and f‴ and f⁗ ask for f″ (first-at-x.ts).
 */
import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { ANCHORED_JUMP_SIGNAL } from "../../src/core/odd-part-check.js";
import { anchoredJump, linearWeights } from "../../src/core/anchored-jump.js";
import { hashNoise } from "../fixtures/noise-hash.js";

const huber = (v: number): number => (Math.abs(v) <= 1 ? 0.5 * v * v : Math.abs(v) - 0.5);
const xAbsX = (u: number): number => u * Math.abs(u);
const reluSquared = (u: number): number => Math.max(0, u) ** 2;

// f = base + a·join(t − c) at x = c, with f″'s one-sided values from the base's f″ at c and the join's
// f″ on each side (max(0, u)²: 0 | 2; u|u|: −2 | 2; huber(u + 1): 1 | 0). Each was "ok" on main 9af2802
// with an error 10⁴ to 10⁷ times below half the sides' gap.
const logBase = { base: Math.log, base2: (t: number) => -1 / (t * t) };
const sqrtBase = { base: Math.sqrt, base2: (t: number) => -0.25 / (t * Math.sqrt(t)) };
const RELU2 = { join: reluSquared, sides: [0, 2] };
const HUBER = { join: (u: number) => huber(u + 1), sides: [1, 0] };
const XABSX = { join: xAbsX, sides: [-2, 2] };
const JOINS = [
  [
    "log t + 3.53·max(0, t − c)² at c = 0.00139 (was −516873 ± 3.9e-5, ok)",
    3.5300031226593016,
    0.0013909343175084411,
    logBase,
    RELU2,
  ],
  [
    "log t + 0.698·huber(t − c + 1) at c = 0.00195 (was −263920 ± 1.8e-5, ok)",
    0.6979285734299101,
    0.0019465425745286812,
    logBase,
    HUBER,
  ],
  [
    "√t − 0.0148·u|u| at c = 0.00219 (was −2439.78 ± 1.2e-7, ok)",
    -0.01483417141720606,
    0.0021897446975919434,
    sqrtBase,
    XABSX,
  ],
  [
    "log t + 2.67·max(0, t − c)² at c = 0.00104 (was −925181 ± 7.3e-5, ok)",
    2.667011349387266,
    0.0010396470259301865,
    logBase,
    RELU2,
  ],
].map(([name, a, c, base, join]) => ({
  name,
  a,
  c,
  ...(base as typeof logBase),
  ...(join as typeof RELU2),
})) as {
  name: string;
  a: number;
  c: number;
  base: (t: number) => number;
  base2: (t: number) => number;
  join: (u: number) => number;
  sides: number[];
}[];

describe("second derivatives at a C1 join at x beside a large f‴", () => {
  it("are not-differentiable, with both one-sided values within their errors and inside the interval", () => {
    for (const { name, a, c, base, base2, join, sides } of JOINS) {
      const r = derivative((t) => base(t) + a * join(t - c), c, { order: 2 });
      const left = base2(c) + a * sides[0];
      const right = base2(c) + a * sides[1];
      expect(r.status, name).toBe("not-differentiable");
      // The one-sided columns resolve f″ to about 1e-8 of its size (rounding over steps of c/64).
      expect(Math.abs(r.left!.value - left), name).toBeLessThanOrEqual(r.left!.error + 1e-9 * Math.abs(left));
      expect(Math.abs(r.right!.value - right), name).toBeLessThanOrEqual(
        r.right!.error + 1e-9 * Math.abs(right),
      );
      for (const s of [left, right]) expect(Math.abs(r.value - s), name).toBeLessThanOrEqual(r.error);
    }
  });

  it("leave the smooth base alone: log″ and √″ at the same x are ok and within their errors", () => {
    for (const { name, c, base, base2 } of JOINS) {
      const r = derivative(base, c, { order: 2 });
      expect(r.status, name).toBe("ok");
      expect(Math.abs(r.value - base2(c)), name).toBeLessThanOrEqual(r.error + 1e-12 * Math.abs(base2(c)));
    }
  });
});

describe("third and fourth derivatives where f″ jumps at x", () => {
  it("are discontinuous (they were 7.43e8 ± 5.9e4, noise-limited, and −1.6e12 ± 3.1e5, ok)", () => {
    const { a, c, base, join } = JOINS[0];
    const f = (t: number) => base(t) + a * join(t - c);
    expect(derivative(f, c, { order: 3 }).status).toBe("discontinuous");
    expect(derivative(f, c, { order: 4 }).status).toBe("discontinuous");
  });

  it("exist beside a smooth base: log‴ and log⁗ at 0.00139 stay within their errors", () => {
    const c = JOINS[0].c;
    const r3 = derivative(Math.log, c, { order: 3 });
    const r4 = derivative(Math.log, c, { order: 4 });
    expect(r3.status).toBe("ok");
    expect(Math.abs(r3.value - 2 / c ** 3)).toBeLessThanOrEqual(r3.error + 1e-10 * (2 / c ** 3));
    expect(r4.status).toBe("ok");
    expect(Math.abs(r4.value + 6 / c ** 4)).toBeLessThanOrEqual(r4.error + 1e-10 * (6 / c ** 4));
  });
});

describe("anchoredJump", () => {
  // The odd part of f at x, O(s) = 2f′ + J·s/2 + f‴·s²/3 + f⁽⁵⁾·s⁴/60, of a cubic-like f with a jump J.
  const odd = (J: number) => (s: number) => 2 / 0.5 + (J * s) / 2 + (16 * s * s) / 3 + (40 * s ** 4) / 60;
  const rows = (O: (s: number) => number, s: number) => [O(s), O(2 * s), O(4 * s), O(8 * s)];

  it("reads J from four rows anchored at a tiny step, within its uncertainty", () => {
    const s = 1 / 64;
    const r = anchoredJump(rows(odd(0.7), s), 4, s, 1e-16, odd(0.7)(1e-7), 1e-7 / s, 1e-9);
    expect(Math.abs(r.jump - 0.7)).toBeLessThanOrEqual(r.uncertainty);
    expect(Math.abs(r.jump)).toBeGreaterThan(ANCHORED_JUMP_SIGNAL * r.uncertainty);
  });

  it("finds no jump in a smooth odd part: |J| within the signal times its uncertainty", () => {
    const S = (s: number) => (2 * Math.sin(s)) / s;
    const s = 1 / 64;
    const r = anchoredJump(rows(S, s), 4, s, 1e-16, S(1e-7), 1e-7 / s, 1e-9);
    expect(Math.abs(r.jump)).toBeLessThan(ANCHORED_JUMP_SIGNAL * r.uncertainty);
  });

  it("gives NaN with fewer than three rows", () => {
    expect(anchoredJump([1, 2, 3, 4], 2, 0.1, 1e-16, 1, 1e-3, 1e-9).jump).toBeNaN();
  });

  it("linearWeights give the coefficient of v¹ of the interpolating model", () => {
    const w = linearWeights([0, 1, 2], 3);
    expect(w[0] * 5 + w[1] * 7 + w[2] * 11).toBeCloseTo(1, 12); // 5 + v + v²
  });
});

describe("a smooth f with noise the noise check did not call noise", () => {
  it("is not taken for a join: the check's measured excess widens the anchor's rounding", () => {
    // 1/(1 + t²) + 2e-14·noise at −0.0882: was "not-differentiable" with the model's rounding alone.
    const f = (t: number) => 1 / (1 + t * t) + 2.0607272840606374e-14 * hashNoise(t, 764843490);
    const x = -0.08821016181709836;
    const r = derivative(f, x, { order: 2 });
    const truth = (6 * x * x - 2) / (1 + x * x) ** 3;
    expect(r.status).not.toBe("not-differentiable");
    expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
  });
});
