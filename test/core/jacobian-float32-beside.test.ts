import { describe, expect, it } from "vitest";
import { jacobian } from "../../src/core/index.js";
import { float32Beside, quietCentre } from "../../src/core/float32-beside.js";
import { expectLoopsAgree } from "./jacobian-bits.js";

const R = Math.fround;

/**
 * The honesty scan's small float32 Jacobians at x = [0, 0] (bench/honesty/vector-apis.ts, "jacobian
 * m < 16" / float32): every F_k(x) is 0 (or 1, short), so no component of F(x) tells that F is
 * float32 (jacobian-job.ts, float32Components). Entries [0][0], [0][1], [1][0], [1][1] (truth 1 each)
 * gave 1.0000000198682149 ± 8.4e-16 or 0.999999980131785 ± 8.4e-16, status ok: 2.4e7 times short.
 */
const F = (x: ArrayLike<number>): number[] => [
  R(R(Math.tanh(R(x[0]))) + Math.atan(x[1])),
  R(R(Math.sin(R(x[1]))) + Math.atan(x[0])),
  R(Math.cos(x[0]) + Math.atan(x[1])),
];
const x = [0, 0];
const truth = [
  [1, 1],
  [1, 1],
  [0, 1],
];

const batched = (b: Float64Array): number[][] =>
  Array.from({ length: b.length / 2 }, (_, r) => F(b.slice(2 * r, 2 * r + 2)));

describe("a float32 F whose values at x have no float32 bits (float32-beside.ts)", () => {
  it("reads its components as float32 from their first rows: every error covers the truth", () => {
    const r = jacobian(F, x);
    for (let k = 0; k < 3; k++) {
      for (let j = 0; j < 2; j++) {
        const e = r.error[k][j];
        expect(Math.abs(r.value[k][j] - truth[k][j])).toBeLessThanOrEqual(e);
        // float32 rounding of values about h, 2⁻²⁴ of them, through the differences: above 1e-9;
        // [2][1] (cos(x₀) + atan(x₁) at values near 1) was 1 ± 1.3e-3, noise-limited, before this too
        expect(e).toBeGreaterThan(1e-9);
        expect(e).toBeLessThan(k === 2 && j === 1 ? 1e-2 : 1e-6);
      }
    }
  });

  it("gives the same bits on the common path, the general path, batched and async", async () => {
    await expectLoopsAgree(F, batched, x);
  });

  it("leaves a double F at short x alone: the same calls and errors as before", () => {
    let calls = 0;
    const G = (v: ArrayLike<number>): number[] => (calls++, [v[0] * v[0], v[0] * v[1], v[1] ** 3]);
    const r = jacobian(G, [3, 2]);
    expect(calls).toBe(15);
    expect(r.value[0][0]).toBeCloseTo(6, 10);
    expect(r.error[0][0]).toBeLessThan(1e-12);
    expect(Array.from(r.statuses[2])).toEqual([0, 0]);
  });

  it("tells float32 values beside a quiet centre", () => {
    expect(quietCentre(0)).toBe(true);
    expect(quietCentre(1)).toBe(true);
    expect(quietCentre(R(0.1))).toBe(false);
    expect(float32Beside(0, R(-0.0078), R(0.0078))).toBe(true);
    expect(float32Beside(0, Math.sin(-0.0078), Math.sin(0.0078))).toBe(false);
    expect(float32Beside(0.1, R(0.09), R(0.11))).toBe(false);
  });
});
