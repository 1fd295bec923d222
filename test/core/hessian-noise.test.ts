/**
 * Mixed entries of a Hessian held against the noise found on its diagonal (hessian-noise.ts): cases
 * from the honesty scan (bench/honesty-scan.ts, seed 1, api "hessian"), f a sum of one-variable terms,
 * each with noise hashed from the whole point, plus atan(x₀)·atan(x₁)/4, whose ∂²f/∂x₀∂x₁ is
 * 1/(4(1 + x₀²)(1 + x₁²)) and every other mixed partial 0.
 */
import { describe, expect, it } from "vitest";
import { STATUSES, hessian, type BatchFn } from "../../src/core/index.js";
import * as async from "../../src/core/async/index.js";
import { diagonalNoise, entryRedos, mergeAgain } from "../../src/core/hessian-noise.js";
import { hashNoise } from "../fixtures/noise-hash.js";

/** A salt from every coordinate of x (as the scan's sums.ts saltOf), so that noise moves with all. */
function saltOf(x: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s ^= Math.floor((hashNoise(x[k], 0x5eed + k) + 1) * 2 ** 31);
  return s >>> 0;
}

/** A term t ↦ g(t) with absolute noise `level` (or relative, g(t)·(1 + level·noise)). */
interface Term {
  g: (t: number) => number;
  level: number;
  seed: number;
  relative?: boolean;
}

function sum(terms: Term[]): (x: Float64Array) => number {
  return (x) => {
    const salt = saltOf(x);
    let s = 0.25 * Math.atan(x[0]) * Math.atan(x[1]);
    terms.forEach(({ g, level, seed, relative }, k) => {
      const n = level * hashNoise(x[k], (seed ^ salt) >>> 0);
      s += relative === true ? g(x[k]) * (1 + n) : g(x[k]) + n;
    });
    return s;
  };
}

const truth = (x: number[], i: number, j: number): number =>
  i === 0 && j === 1 ? 0.25 / (1 + x[0] ** 2) / (1 + x[1] ** 2) : 0;

const runge = (t: number): number => 1 / (1 + t * t);

// Before (main 56f46e4), each named entry was "ok" with an error its truth exceeded.
const CASES: { name: string; terms: Term[]; x: number[]; entry: [number, number] }[] = [
  {
    // 2.5e17 ± 1.1e17, ok
    name: "sin, runge, runge with absolute noise 6e-14, 2e-13, 2e-11",
    terms: [
      { g: Math.sin, level: 6.428553957806453e-14, seed: 1726229343 },
      { g: runge, level: 1.5912625702832522e-13, seed: 202589357 },
      { g: runge, level: 2.080527553984171e-11, seed: 1204228659 },
    ],
    x: [-2, 0.0016259453271633881, 1.0693725830544607],
    entry: [0, 2],
  },
  {
    // 0.0000350219 ± 2.4e-8, ok, for 0.0000350528
    name: "sin, cos, tanh with absolute noise 1e-8, 1e-9, 2e-13",
    terms: [
      { g: Math.sin, level: 1.3382345078754258e-8, seed: 1529396259 },
      { g: Math.cos, level: 9.963744070524314e-10, seed: 1156008043 },
      { g: Math.tanh, level: 1.5174051496661993e-13, seed: 252080997 },
    ],
    x: [0, 84.44584398411892, -0.11437005514403982],
    entry: [0, 1],
  },
  {
    // 6.2e-14 ± 1.9e-15, ok, for 0
    name: "log, cos, cos with relative noise 5e-13, 2e-12, 1e-14",
    terms: [
      { g: Math.log, level: 4.824533853364708e-13, seed: 1602918620, relative: true },
      { g: Math.cos, level: 1.6074375162903755e-12, seed: 1770652851, relative: true },
      { g: Math.cos, level: 1.1028959332683348e-14, seed: 86928078, relative: true },
    ],
    x: [5.366986306164735, -2, -232.01120145551977],
    entry: [1, 2],
  },
];

describe("mixed entries of a noisy f, held against the diagonal's noise (hessian-noise.ts)", () => {
  it("cover the truth, status noise-limited, where the diagonal found the noise", () => {
    for (const { name, terms, x, entry } of CASES) {
      const r = hessian(sum(terms), x);
      const [i, j] = entry;
      const within = Math.abs(r.value[i][j] - truth(x, i, j)) <= r.error[i][j];
      expect(within, `${name} [${i}][${j}]: ${r.value[i][j]} ± ${r.error[i][j]}`).toBe(true);
      expect(STATUSES[r.statuses[i][j]]).toBe("noise-limited");
      expect(r.statuses[j][i]).toBe(r.statuses[i][j]);
    }
  });

  it("give the same bits in the batched and async loops, and in the sparse Hessian", async () => {
    for (const { terms, x } of CASES) {
      const f = sum(terms);
      const n = x.length;
      const sync = hessian(f, x);
      const batch: BatchFn = (b) =>
        Array.from({ length: b.length / n }, (_, q) => f(b.subarray(q * n, (q + 1) * n)));
      const batched = hessian(batch, x, { batch: true });
      const asyncR = await async.hessian(async (p: Float64Array) => f(p), x);
      for (const other of [batched, asyncR]) {
        expect(other.value).toEqual(sync.value);
        expect(other.error).toEqual(sync.error);
        expect(other.statuses).toEqual(sync.statuses);
      }
      const pairs: [number, number][] = [];
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) pairs.push([i, j]);
      for (const sparse of [
        hessian(f, x, { sparsity: pairs }),
        hessian(batch, x, { sparsity: pairs, batch: true }),
      ]) {
        for (let i = 0; i < n; i++) {
          for (let k = sparse.rowPtr[i]; k < sparse.rowPtr[i + 1]; k++) {
            const j = sparse.colIdx[k];
            expect([sparse.value[k], sparse.error[k], sparse.statuses[k]]).toEqual([
              sync.value[i][j],
              sync.error[i][j],
              sync.statuses[i][j],
            ]);
          }
        }
      }
    }
  });

  it("take a noise level given in the options, as the diagonal does", async () => {
    // Before: the mixed entry ignored it, 2.8891318063737 ± 1.2e-12, ok, where noise of 1e-10 over the
    // stencil's steps allows far less.
    const f = (p: Float64Array): number => Math.exp(p[0]) * Math.sin(p[1]) + p[0] * p[1] * p[1];
    const truth = Math.exp(0.3) * Math.cos(1.2) + 2 * 1.2;
    for (const noise of [1e-10, { relative: 1e-12 }]) {
      const r = hessian(f, [0.3, 1.2], { noise });
      expect(STATUSES[r.statuses[0][1]]).toBe("noise-limited");
      expect(Math.abs(r.value[0][1] - truth)).toBeLessThanOrEqual(r.error[0][1]);
      expect(r.error[0][1]).toBeGreaterThan(1e-9);
      const a = await async.hessian(async (p: Float64Array) => f(p), [0.3, 1.2], { noise });
      expect([a.value, a.error, a.statuses]).toEqual([r.value, r.error, r.statuses]);
    }
    // An absolute level reaches the mixed entry's first run: no second one.
    expect(hessian(f, [0.3, 1.2], { noise: 1e-10 }).evaluations).toBe(74);
  });

  it("make no call more for a smooth f (its diagonal finds no noise)", () => {
    const rosen = (p: Float64Array): number => (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2;
    expect(hessian(rosen, [-1.2, 1]).evaluations).toBe(32);
    expect(hessian(rosen, [1, 1]).evaluations).toBe(40);
  });
});

describe("hessian-noise.ts", () => {
  it("takes a level from noise-limited diagonals only", () => {
    expect(diagonalNoise("noise-limited", 1e-9)).toBe(1e-9);
    expect(diagonalNoise("ok", 1e-9)).toBe(0);
    expect(diagonalNoise("noise-limited", undefined)).toBe(0);
  });

  it("runs again the ok entries where a diagonal found noise, without a budget", () => {
    const t = { rows: Int32Array.of(0, 0, 0, 1, 1, 2), cols: Int32Array.of(0, 1, 2, 1, 2, 2) };
    const codes = [0, 0, 1, 1, 0, 3];
    const code = (k: number): number => codes[k];
    // The ok ones, (0, 0), (0, 1) and (1, 2), with the largest level; not the noise-limited (0, 2) and
    // (1, 1), nor the not-differentiable (2, 2).
    expect(entryRedos(t, code, Float64Array.of(0, 2e-9, 1e-9), Infinity)).toEqual([
      { k: 0, i: 0, j: 0, known: 2e-9 },
      { k: 1, i: 0, j: 1, known: 2e-9 },
      { k: 4, i: 1, j: 2, known: 2e-9 },
    ]);
    expect(entryRedos(t, code, new Float64Array(3), Infinity)).toEqual([]); // no level found
    expect(entryRedos(t, code, Float64Array.of(0, 2e-9, 0), 100)).toEqual([]); // a budget
  });

  it("merges a run again that ends noise-limited, its error covering the first interval too", () => {
    const first = { value: 0.770248, error: 1e-10 };
    const merged = mergeAgain(first, { value: 0.761726, error: 6.8e-4, code: 1 });
    expect(merged?.value).toBe(0.761726);
    expect(merged?.code).toBe(1);
    expect(merged?.error).toBeCloseTo(0.008522 + 1e-10, 12);
    expect(mergeAgain(first, { value: 0.770249, error: 2e-6, code: 1 })?.error).toBe(2e-6);
    expect(mergeAgain(first, { value: 0.77, error: NaN, code: 1 })).toBeNull();
    expect(
      mergeAgain(first, { value: 0.77, error: 1e-3, code: STATUSES.indexOf("max-evaluations") }),
    ).toBeNull();
  });
});
