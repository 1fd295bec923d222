import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hessian, sparseHessian, toDenseRows } from "../../../src/core/index.js";
import { band, thrown, xorshift } from "./helpers.js";

/** Chained Rosenbrock: a tridiagonal Hessian. */
function rosen(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i + 1 < x.length; i++) s += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2;
  return s;
}

describe("sparseHessian", () => {
  it("each entry is the dense Hessian's entry, bit for bit, and both triangles agree (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 2, maxLength: 7 }),
        (x) => {
          const s = hessian(rosen, x, { sparsity: band(x.length, 1) });
          const d = hessian(rosen, x);
          const sv = toDenseRows(s);
          const se = toDenseRows(s, "error");
          for (let i = 0; i < x.length; i++) {
            for (let j = 0; j < x.length; j++) {
              if (Math.abs(i - j) > 1) continue;
              expect(sv[i][j]).toBe(d.value[i][j]);
              expect(se[i][j]).toBe(d.error[i][j]);
              expect(sv[i][j]).toBe(sv[j][i]);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("on random patterns (either triangle): the dense entries bit for bit, symmetric (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer(),
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (n, seed, xs) => {
          const rand = xorshift(seed);
          const pairs: [number, number][] = [];
          const c: number[] = [];
          for (let i = 0; i < n; i++) {
            for (let j = i; j < n; j++) {
              if (rand() < 0.5) {
                pairs.push(rand() < 0.5 ? [i, j] : [j, i]);
                c.push(2 * rand() - 1);
              }
            }
          }
          // f = Σ c_ij sin(x_i + 2x_j) over the pairs: its Hessian lives on the pairs and on the
          // diagonal entries of their variables (∂²/∂x_i² of sin(x_i + 2x_j) is not 0), so those
          // are in the pattern too. (Without them a diagonal the dense Hessian computes, and whose
          // noise it shares with every entry (hessian-noise.ts), is one the sparse one never runs:
          // at x = [0, 0, 7.2e-265, 0, 0] the dense entries were "noise-limited" and the sparse "ok".)
          const f = (v: Float64Array): number =>
            pairs.reduce((s, [i, j], k) => s + c[k] * Math.sin(v[i] + 2 * v[j]), 0);
          const diagonal: [number, number][] = [];
          for (const [i, j] of pairs)
            for (const k of [i, j])
              if (!pairs.some(([a, b]) => a === k && b === k) && !diagonal.some(([a]) => a === k))
                diagonal.push([k, k]);
          const x = xs.slice(0, n);
          const s = hessian(f, x, { sparsity: [...pairs, ...diagonal] });
          const d = hessian(f, x);
          const sv = toDenseRows(s);
          for (let i = 0; i < n; i++) {
            for (let k = s.rowPtr[i]; k < s.rowPtr[i + 1]; k++) {
              expect(s.value[k]).toBe(d.value[i][s.colIdx[k]]);
              expect(s.statuses[k]).toBe(d.statuses[i][s.colIdx[k]]);
            }
            for (let j = 0; j < n; j++) expect(sv[i][j]).toBe(sv[j][i]);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("the chained Rosenbrock Hessian at (1, …, 1) to 1e-9: 802 / 1002 / 200 on the diagonal, −400 beside it", () => {
    const n = 50;
    const r = sparseHessian(rosen, new Float64Array(n).fill(1), { sparsity: band(n, 1) });
    for (let i = 0; i < n; i++) {
      for (let k = r.rowPtr[i]; k < r.rowPtr[i + 1]; k++) {
        const j = r.colIdx[k];
        const want = i !== j ? -400 : i === 0 ? 802 : i === n - 1 ? 200 : 1002;
        expect(Math.abs(r.value[k] - want)).toBeLessThanOrEqual(1e-9);
      }
    }
  });

  it("symmetrizes the pattern: the upper triangle alone gives both", () => {
    const upper: [number, number][] = [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 2],
      [2, 2],
    ];
    const r = hessian(rosen, [0.5, 0.7, 0.9], { sparsity: upper });
    expect(Array.from(r.colIdx)).toEqual([0, 1, 0, 1, 2, 1, 2]);
    expect(r.value[1]).toBe(r.value[2]);
  });

  it("estimates only the pattern's entries: calls grow like n for a band, not n²", () => {
    const small = hessian(rosen, new Float64Array(20).fill(0.5), { sparsity: band(20, 1) }).evaluations;
    const large = hessian(rosen, new Float64Array(40).fill(0.5), { sparsity: band(40, 1) }).evaluations;
    expect(large / small).toBeGreaterThan(1.8);
    expect(large / small).toBeLessThan(2.2);
  });

  it("an f that writes into its argument still gets right answers; x is never changed", () => {
    const x = [0.5, -0.3, 0.8, 1.1];
    const clean = hessian(rosen, x, { sparsity: band(4, 1) });
    const vandal = (v: Float64Array): number => {
      const out = rosen(v);
      v.fill(7);
      return out;
    };
    const dirty = hessian(vandal, x, { sparsity: band(4, 1) });
    expect(dirty.value).toEqual(clean.value);
    expect(x).toEqual([0.5, -0.3, 0.8, 1.1]);
  });

  it("with a fixed step: the dense fixed-step entries, bit for bit", () => {
    const x = [0.5, -0.3, 0.8];
    const s = hessian(rosen, x, { sparsity: band(3, 1), method: "central", step: 1e-3 });
    const d = hessian(rosen, x, { method: "central", step: 1e-3 });
    const sv = toDenseRows(s);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) if (Math.abs(i - j) <= 1) expect(sv[i][j]).toBe(d.value[i][j]);
    expect(s.evaluations).toBe(1 + 2 * 3 + 4 * 2);
  });

  it("refuses a bad pattern, detection and one-sided methods", () => {
    expect(thrown(() => hessian(rosen, [1, 2], { sparsity: [[0, 2]] })).argument).toBe("sparsity[0][1]");
    expect(thrown(() => hessian(rosen, [1, 2], { sparsity: "detect" as never })).code).toBe(
      "INVALID_SPARSITY",
    );
    expect(thrown(() => sparseHessian(rosen, [1, 2], {} as never)).argument).toBe("sparsity");
    expect(thrown(() => hessian(rosen, [1, 2], { sparsity: [[0, 0]], method: "forward" })).code).toBe(
      "INVALID_METHOD",
    );
  });
});
