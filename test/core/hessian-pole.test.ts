import { describe, expect, it } from "vitest";
import { hessian, STATUSES } from "../../src/core/index.js";
import { hessian as hessianAsync } from "../../src/core/async/index.js";

// f = 1/x₀² + 0.25·atan x₀·atan x₁ is infinite on the whole line x₀ = 0: no second partial exists at
// (0, 1). Before, the mixed entry's corners, off the pole, gave 0.125 ± 1e-10 with status ok.
const f = (x: Float64Array): number => 1 / (x[0] * x[0]) + 0.25 * Math.atan(x[0]) * Math.atan(x[1]);
const batched = (b: Float64Array): number[] =>
  Array.from({ length: b.length / 2 }, (_, r) => f(b.subarray(2 * r, 2 * r + 2)));
const notFinite = STATUSES.indexOf("not-finite");

describe("a Hessian where f is infinite at x (infinite-centre.ts)", () => {
  it("has no entry: every one NaN, error ∞, not-finite, in every loop", async () => {
    const results = [
      hessian(f, [0, 1]),
      hessian(batched, [0, 1], { batch: true }),
      await hessianAsync(async (x: Float64Array) => f(x), [0, 1]),
      hessian(f, [0, 1], { step: 1e-3 }),
    ];
    for (const r of results) {
      expect(r.status).toBe("not-finite");
      for (let i = 0; i < 2; i++)
        for (let j = 0; j < 2; j++) {
          expect(r.value[i][j]).toBeNaN();
          expect(r.error[i][j]).toBe(Infinity);
          expect(r.statuses[i][j]).toBe(notFinite);
        }
    }
    // The batched and async loops make the same calls; f(x) is one of them.
    expect(results[1].evaluations).toBe(results[2].evaluations);
  });

  it("the sparse Hessian says so too, for a pattern with the diagonal", async () => {
    const sparsity: [number, number][] = [
      [0, 0],
      [0, 1],
      [1, 1],
    ];
    for (const r of [
      hessian(f, [0, 1], { sparsity }),
      hessian(batched, [0, 1], { sparsity, batch: true }),
      await hessianAsync(async (x: Float64Array) => f(x), [0, 1], { sparsity }),
    ]) {
      expect(r.status).toBe("not-finite");
      expect(Array.from(r.statuses)).toEqual([notFinite, notFinite, notFinite, notFinite]);
      expect(Array.from(r.value).every(Number.isNaN)).toBe(true);
    }
  });

  it("a diagonal infinite for another reason keeps its mixed entries (|x₀|^1.5 + |x₁|^1.5 + x₀x₁ at 0)", () => {
    const g = (x: Float64Array): number => Math.abs(x[0]) ** 1.5 + Math.abs(x[1]) ** 1.5 + x[0] * x[1];
    const r = hessian(g, [0, 0]);
    expect(r.statuses[0][0]).toBe(notFinite); // f″ is infinite at 0 along each axis
    expect(r.statuses[0][1]).toBe(0);
    expect(Math.abs(r.value[0][1] - 1)).toBeLessThanOrEqual(r.error[0][1]);
  });

  it("a smooth f is not asked f(x) again: 1/(1 + x₀²) + 0.25·atan x₀·atan x₁ at (0.5, 1) stays ok", () => {
    const s = (x: Float64Array): number => 1 / (1 + x[0] * x[0]) + 0.25 * Math.atan(x[0]) * Math.atan(x[1]);
    let calls = 0;
    const r = hessian(
      (x: Float64Array) => {
        calls++;
        return s(x);
      },
      [0.5, 1],
    );
    expect(r.status).toBe("ok");
    expect(r.evaluations).toBe(calls);
    const truth = 0.25 * (1 / (1 + 0.25)) * (1 / 2); // atan′(0.5)·atan′(1)/4
    expect(Math.abs(r.value[0][1] - truth)).toBeLessThanOrEqual(r.error[0][1]);
  });

  it("with a fixed step f(x) is known, also when NaN: no call asks it again (sync and batched make the same calls)", () => {
    const g = (x: Float64Array): number => Math.sqrt(x[0]) + x[0] * x[1]; // NaN at x₀ = −1
    const gb = (b: Float64Array): number[] =>
      Array.from({ length: b.length / 2 }, (_, r) => g(b.subarray(2 * r, 2 * r + 2)));
    const s = hessian(g, [-1, 1], { step: 1e-3 });
    const b = hessian(gb, [-1, 1], { step: 1e-3, batch: true });
    expect(b.evaluations).toBe(s.evaluations);
    expect(s.statuses[0][0]).toBe(notFinite);
  });

  it("a coordinate that is NaN leaves the shared no-entry alone: the same calls counted run after run", async () => {
    // A NaN x₀ gives the mixed entry the shared NO_ENTRY (mixed-pipeline.ts); counting f(x) on it, or
    // making it not finite, changed that constant in place, so each later Hessian counted one call
    // more (async: 11, 12, 13 … for 11 calls made).
    const g = (x: Float64Array): number => Math.log1p(x[0]) + Math.abs(x[5] + 0.5);
    const x = [NaN, -1, -1, -1, -1, -1];
    const o = {
      sparsity: [
        [5, 5],
        [1, 0],
      ] as [number, number][],
    };
    const counts: number[] = [];
    for (let run = 0; run < 3; run++) {
      let calls = 0;
      const r = await hessianAsync(async (v: Float64Array) => (calls++, g(v)), x, o);
      expect(r.evaluations).toBe(calls);
      counts.push(r.evaluations);
      const d = await hessianAsync(async (v: Float64Array) => g(v), x);
      expect(d.status).toBe("not-finite");
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[2]).toBe(counts[0]);
  });
});
