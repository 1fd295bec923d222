/**
 * Third derivatives at a C1 join (f″ jumps at x): there is none, and derivative() must say so. The
 * honesty scan (seed 1) had them as the sides' common f‴ with a small error, status noise-limited
 * (jump-changes.ts).
 */
import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import * as async from "../../src/core/async/index.js";
import { changesJump } from "../../src/core/jump-changes.js";
import { runSync } from "../../src/core/column-steps.js";
import { Sampler } from "../../src/core/sampler.js";
import { hashNoise } from "../fixtures/noise-hash.js";

const huber = (v: number): number => (Math.abs(v) <= 1 ? 0.5 * v * v : Math.abs(v) - 0.5);

// f, x, and what main gave (value ± error, noise-limited)
const JOINS: [string, (t: number) => number, number, string][] = [
  [
    "cos t − 0.001·max(0, t + 1)²",
    (t) => Math.cos(t) - 0.0010002307503429648 * Math.max(0, t + 1) ** 2,
    -1,
    "−0.841471 ± 3.3e-6",
  ],
  [
    "t³ − 2t − 0.00125·u|u|, u = t + 1",
    (t) => t * t * t - 2 * t - 0.0012486169624652676 * (t + 1) * Math.abs(t + 1),
    -1,
    "6 ± 4.7e-7",
  ],
  [
    "eᵗ + 0.0032·huber(t − c + 1) at its threshold",
    (t) => Math.exp(t) + 0.0032120018229072193 * huber(t + 0.1517259183921783 + 1),
    -0.1517259183921783,
    "0.859224 ± 1.6e-6",
  ],
  [
    "atan t + 0.00127·max(0, t − c)²",
    (t) => Math.atan(t) + 0.0012744851726605518 * Math.max(0, t - 0.022997734310804322) ** 2,
    0.022997734310804322,
    "−1.96891 ± 9.9e-4",
  ],
];

describe("order 3 where f″ jumps at x", () => {
  it("is discontinuous (before: the sides' f‴ ± a small error)", async () => {
    for (const [name, f, x] of JOINS) {
      const r = derivative(f, x, { order: 3 });
      expect(r.status, name).toBe("discontinuous");
      expect(r.value, name).toBeNaN();
      const a = await async.derivative(async (t: number) => f(t), x, { order: 3 });
      expect(a.status, name).toBe("discontinuous");
    }
  });

  it("smooth and noisy third derivatives stand: sin‴ at 1, and sin with relative noise 1e-9", () => {
    const r = derivative(Math.sin, 1, { order: 3 });
    expect(r.status).toBe("ok");
    expect(Math.abs(r.value + Math.cos(1))).toBeLessThanOrEqual(r.error);
    const noisy = derivative((t) => Math.sin(t) * (1 + 1e-9 * hashNoise(t, 7)), 1, { order: 3 });
    expect(noisy.status).toBe("noise-limited");
    expect(Math.abs(noisy.value + Math.cos(1))).toBeLessThanOrEqual(noisy.error);
  });
});

describe("changesJump", () => {
  it("sees f″'s jump in the changes of the third differences, and nothing in a smooth or noisy f", () => {
    const h = 2 ** -12;
    expect(runSync(changesJump(new Sampler(JOINS[0][1]), -1, h, 3))).toBe(true);
    expect(runSync(changesJump(new Sampler(Math.cos), -1, h, 3))).toBe(false);
    const noisy = (t: number): number => Math.cos(t) + 1e-10 * hashNoise(t, 3);
    expect(runSync(changesJump(new Sampler(noisy), -1, h, 3))).toBe(false);
  });
});

describe("order 3 with no significant digit where f″ jumps at x (jump-changes.ts, ranDownStep)", () => {
  const huber = (d: number) => (v: number) => (Math.abs(v) <= d ? 0.5 * v * v : d * (Math.abs(v) - 0.5 * d));
  const c = -43846.66105265195;
  const cases: [string, (t: number) => number, number][] = [
    // before: −770.987 ± 5129.85, ok (a term of 5e7 beside the join; steps of 2.4e-4)
    ["tanh t + 0.049·huber at −43847", (t) => Math.tanh(t) + 0.049406087205914384 * huber(-c)(t), c],
    // before: −16843400 ± 50080400, ok
    [
      "sin t − 0.0125·huber(t − c + 1) at c = 0.005",
      (t) => Math.sin(t) - 0.01253848086745463 * huber(1)(t - 0.004988653265440064 + 1),
      0.004988653265440064,
    ],
  ];
  it("is discontinuous", () => {
    for (const [name, f, x] of cases)
      expect(derivative(f, x, { order: 3 }).status, name).toBe("discontinuous");
  });
});
