import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  detectSparsity,
  jacobian,
  sparseJacobian,
  STATUSES,
  toDenseRows,
  toSparsityPattern,
  type SparsityPattern,
} from "../../../src/core/index.js";
import { band, grid, thrown, xorshift } from "./helpers.js";

/** A random m × n pattern (each entry with probability `density`) and F that depends on exactly it. */
const problems = fc
  .record({
    m: fc.integer({ min: 1, max: 12 }),
    n: fc.integer({ min: 1, max: 12 }),
    density: fc.double({ min: 0.05, max: 0.6, noNaN: true }),
    seed: fc.integer(),
    x: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 12, maxLength: 12 }),
  })
  .map(({ m, n, density, seed, x }) => {
    const rand = xorshift(seed);
    const pairs: [number, number][] = [];
    const a: number[] = [];
    const c: number[] = [];
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        if (rand() < density) {
          pairs.push([i, j]);
          a.push(2 * rand() - 1);
          c.push(2 * rand() - 1);
        }
      }
    }
    const p = toSparsityPattern(pairs, m, n);
    // Coefficients in CSR order (toSparsityPattern sorts pairs by row, then column: as generated).
    const F = (v: Float64Array): Float64Array => {
      const out = new Float64Array(m);
      for (let i = 0; i < m; i++) {
        let arg = 0;
        let sq = 0;
        for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) {
          arg += a[k] * v[p.colIdx[k]];
          sq += c[k] * v[p.colIdx[k]] ** 2;
        }
        out[i] = Math.sin(arg) + sq;
      }
      return out;
    };
    const exact = (v: ArrayLike<number>): Float64Array => {
      const out = new Float64Array(p.colIdx.length);
      for (let i = 0; i < m; i++) {
        let arg = 0;
        for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) arg += a[k] * v[p.colIdx[k]];
        for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++)
          out[k] = a[k] * Math.cos(arg) + 2 * c[k] * v[p.colIdx[k]];
      }
      return out;
    };
    return { p, pairs, F, exact, x: x.slice(0, n) };
  });

/** F_i = 3x_i + cos x_i − x_{i−1}² − sin x_{i+1}: tridiagonal. */
function tridiagonal(v: Float64Array): Float64Array {
  const n = v.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = 3 * v[i] + Math.cos(v[i]) - (i > 0 ? v[i - 1] ** 2 : 0) - (i < n - 1 ? Math.sin(v[i + 1]) : 0);
  }
  return out;
}

function tridiagonalExact(p: SparsityPattern, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(p.colIdx.length);
  for (let i = 0; i < p.m; i++) {
    for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) {
      const j = p.colIdx[k];
      out[k] = j === i ? 3 - Math.sin(x[i]) : j === i - 1 ? -2 * x[j] : -Math.cos(x[j]);
    }
  }
  return out;
}

describe("sparseJacobian", () => {
  it("equals the dense Jacobian's entries within both error estimates, and the truth (property)", () => {
    fc.assert(
      fc.property(problems, ({ p, pairs, F, exact, x }) => {
        const s = jacobian(F, x, { sparsity: pairs });
        const d = jacobian(F, x);
        const truth = exact(x);
        expect(Array.from(s.colIdx)).toEqual(Array.from(p.colIdx));
        for (let i = 0; i < p.m; i++) {
          for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) {
            const j = p.colIdx[k];
            // Both estimates carry rounding of F (|F| ≤ 1 + Σ|c|x² ≤ 50): 1e-13 covers the few where
            // the engine's estimate is a little under its true error (also true of the dense one).
            const slack = 1e-13 * (1 + Math.abs(truth[k]));
            expect(Math.abs(s.value[k] - d.value[i][j])).toBeLessThanOrEqual(
              s.error[k] + d.error[i][j] + slack,
            );
            expect(Math.abs(s.value[k] - truth[k])).toBeLessThanOrEqual(1e-11 * (1 + Math.abs(truth[k])));
          }
        }
        // F respects the pattern, so the dense Jacobian is zero off it.
        const dense = toDenseRows(s);
        for (let i = 0; i < p.m; i++)
          for (let j = 0; j < p.n; j++) if (dense[i][j] === 0) expect(d.value[i][j]).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it("a tridiagonal F at n = 2000: 3 groups, ≤ 40 calls, within 1e-12 of the truth", () => {
    // x in [0.5, 1.5]: no F_i is near 0 there (min |F_i| ≈ 1.3); where one is, the engine itself
    // needs more rows for that component (as it does for that column of the dense Jacobian).
    const x = grid(2000, 0.5, 1.5);
    const r = jacobian(tridiagonal, x, { sparsity: band(2000, 1) });
    expect(r.groups).toBe(3);
    expect(r.evaluations).toBeLessThanOrEqual(40);
    const truth = tridiagonalExact(r, x);
    for (let k = 0; k < truth.length; k++) {
      expect(Math.abs(r.value[k] - truth[k])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(truth[k])));
    }
  });

  it("a group costs no more than the dearest dense column among its own (plus F(x) and probes)", () => {
    const n = 300;
    const x = grid(n, -5, 5);
    let calls = 0;
    const counted = (v: Float64Array): Float64Array => {
      calls++;
      return tridiagonal(v);
    };
    let dearest = 0;
    let before = 1; // F(x)
    jacobian(counted, x, {
      onProgress: () => {
        dearest = Math.max(dearest, calls - before);
        before = calls;
      },
    });
    const r = jacobian(tridiagonal, x, { sparsity: band(n, 1) });
    // Pass 1: one column run per group; pass 2 (probes at a second scale): at most as many again.
    expect(r.evaluations).toBeLessThanOrEqual(1 + 2 * r.groups * dearest);
  });

  it("a diagonal F costs ≤ 20 calls whatever n", () => {
    const x = grid(5000, -5, 5);
    const F = (v: Float64Array): Float64Array => v.map((t) => 2 * t + Math.cos(t));
    const r = jacobian(F, x, { sparsity: band(5000, 0) });
    expect(r.groups).toBe(1);
    expect(r.evaluations).toBeLessThanOrEqual(20);
    for (let i = 0; i < 5000; i++)
      expect(Math.abs(r.value[i] - (2 - Math.sin(x[i])))).toBeLessThanOrEqual(1e-12);
  });

  it("jacobian(F, x, { sparsity }) is sparseJacobian, bit for bit", () => {
    const x = grid(50, -1, 2);
    const a = jacobian(tridiagonal, x, { sparsity: band(50, 1) });
    const b = sparseJacobian(tridiagonal, x, { sparsity: band(50, 1) });
    expect(a).toEqual(b);
  });

  it("takes the pattern as CSR arrays, and a result as the pattern of the next call", () => {
    const x = grid(30, 0, 1);
    const first = jacobian(tridiagonal, x, { sparsity: band(30, 1) });
    const again = jacobian(tridiagonal, x, { sparsity: first });
    expect(again.value).toEqual(first.value);
    const csr = jacobian(tridiagonal, x, {
      sparsity: { rowPtr: Array.from(first.rowPtr), colIdx: Array.from(first.colIdx) },
    });
    expect(csr.value).toEqual(first.value);
  });

  it("an F that writes into its argument still gets right answers", () => {
    const x = grid(40, -1, 1);
    const clean = jacobian(tridiagonal, x, { sparsity: band(40, 1) });
    const vandal = (v: Float64Array): Float64Array => {
      const out = tridiagonal(v);
      v.fill(1e6);
      return out;
    };
    const dirty = jacobian(vandal, x, { sparsity: band(40, 1) });
    expect(dirty.value).toEqual(clean.value);
    expect(dirty.evaluations).toBe(clean.evaluations);
  });

  it("never changes the caller's x or pattern arrays", () => {
    const x = [0.5, -1, 2, 3];
    const rowPtr = [0, 2, 5, 8, 10];
    const colIdx = [0, 1, 0, 1, 2, 1, 2, 3, 2, 3];
    jacobian(tridiagonal, x, { sparsity: { rowPtr, colIdx } });
    jacobian(tridiagonal, x, { sparsity: "detect" });
    expect(x).toEqual([0.5, -1, 2, 3]);
    expect(rowPtr).toEqual([0, 2, 5, 8, 10]);
    expect(colIdx).toEqual([0, 1, 0, 1, 2, 1, 2, 3, 2, 3]);
  });

  it("never evaluates F outside per-coordinate bounds, going one-sided at them", () => {
    const x = [0, 1, 0.5];
    const bounds: [number, number][] = [
      [0, 1],
      [0, 1],
      [-1, 1],
    ];
    const F = (v: Float64Array): number[] => {
      v.forEach((t, j) => {
        if (t < bounds[j][0] || t > bounds[j][1]) throw new Error(`x${j} = ${t} outside`);
      });
      return [Math.sqrt(v[0]) + v[0], Math.exp(v[1]), Math.sin(v[2])];
    };
    const r = jacobian(F, x, { sparsity: band(3, 0), bounds });
    expect(Math.abs(r.value[1] - Math.E)).toBeLessThan(1e-10);
    expect(Math.abs(r.value[2] - Math.cos(0.5))).toBeLessThan(1e-10);
  });

  it("a NaN coordinate gives NaN entries in its column only", () => {
    const r = jacobian(tridiagonal, [0.1, NaN, 0.3, 0.4], { sparsity: band(4, 1) });
    const dense = toDenseRows(r);
    expect(Number.isNaN(dense[0][1]) && Number.isNaN(dense[1][1]) && Number.isNaN(dense[2][1])).toBe(true);
    expect(Math.abs(dense[3][3] - (3 - Math.sin(0.4)))).toBeLessThan(1e-12);
  });

  it("with a fixed step, one stencil per group: 2 calls per group for central, plus F(x)", () => {
    const x = grid(100, -1, 1);
    const r = jacobian(tridiagonal, x, { sparsity: band(100, 1), method: "central", step: 1e-5 });
    expect(r.evaluations).toBe(1 + 2 * 3);
    const truth = tridiagonalExact(r, x);
    for (let k = 0; k < truth.length; k++) expect(Math.abs(r.value[k] - truth[k])).toBeLessThan(1e-8);
    const fwd = jacobian(tridiagonal, x, { sparsity: band(100, 1), method: "forward", step: 1e-7 });
    expect(fwd.evaluations).toBe(1 + 3);
  });

  it("order 2 gives ∂²F_i/∂x_j² on the pattern, within both errors of the dense one", () => {
    const x = grid(30, -5, 5);
    const G = (v: Float64Array): Float64Array =>
      tridiagonal(v).map((t, i) => t - (i > 0 ? v[i - 1] ** 3 : 0));
    const s = jacobian(G, x, { sparsity: band(30, 1), order: 2 });
    const d = jacobian(G, x, { order: 2 });
    for (let i = 0; i < 30; i++) {
      for (let k = s.rowPtr[i]; k < s.rowPtr[i + 1]; k++) {
        const j = s.colIdx[k];
        const exact = j === i ? -Math.cos(x[i]) : j === i - 1 ? -2 - 6 * x[j] : Math.sin(x[j]);
        expect(Math.abs(s.value[k] - d.value[i][j])).toBeLessThanOrEqual(s.error[k] + d.error[i][j]);
        expect(Math.abs(s.value[k] - exact)).toBeLessThanOrEqual(1e-10);
      }
    }
  });

  it("gives each entry the status jacobian gives it: a jump, a NaN, a smooth entry", () => {
    const F = (v: Float64Array): number[] => [v[0] < 1 ? 0 : 1, Math.sqrt(v[1]), 2 * v[2]];
    const x = [1, -1, 3];
    const s = jacobian(F, x, { sparsity: band(3, 0) });
    const d = jacobian(F, x);
    expect(Array.from(s.statuses, (c) => STATUSES[c])).toEqual(["discontinuous", "not-finite", "ok"]);
    expect(Array.from(s.statuses)).toEqual(d.statuses.map((row, i) => row[i]));
    expect(s.status).toBe(d.status);
    expect([s.value[0], s.error[0]]).toEqual([NaN, Infinity]);
  });

  it("errors: false leaves the error array empty and takes one plain central stencil per group (2 calls each, within 1e-9 relative)", () => {
    const x = grid(20, 0, 1);
    const a = jacobian(tridiagonal, x, { sparsity: band(20, 1), errors: false });
    const b = jacobian(tridiagonal, x, { sparsity: band(20, 1) });
    expect(a.error.length).toBe(0);
    expect(a.statuses.length).toBe(0);
    expect(a.evaluations).toBe(1 + 2 * a.groups); // F(x) to learn m, then 2 calls per group
    for (let k = 0; k < a.value.length; k++) {
      expect(Math.abs(a.value[k] - b.value[k])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b.value[k])));
    }
  });

  it("errors: false at a bound moves the group's columns one-sided towards their room, inside the bounds", () => {
    const x = grid(20, 0, 1); // x_0 = 0 and x_19 = 1 on the bounds [0, 1]
    const seen: number[] = [];
    const F = (v: Float64Array) => {
      for (const t of v) seen.push(t);
      return tridiagonal(v);
    };
    const a = jacobian(F, x, { sparsity: band(20, 1), errors: false, bounds: [0, 1] });
    const b = jacobian(tridiagonal, x, { sparsity: band(20, 1), bounds: [0, 1] });
    for (const t of seen) expect(t >= 0 && t <= 1).toBe(true);
    for (let k = 0; k < a.value.length; k++) {
      expect(Math.abs(a.value[k] - b.value[k])).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(b.value[k])));
    }
  });

  it("reports progress once per group", () => {
    const seen: [number, number][] = [];
    jacobian(tridiagonal, grid(20, 0, 1), { sparsity: band(20, 1), onProgress: (d, t) => seen.push([d, t]) });
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it("refuses a bad pattern, naming sparsity", () => {
    const e = thrown(() => jacobian(tridiagonal, [1, 2], { sparsity: [[0, 2]] }));
    expect(e.code).toBe("INVALID_SPARSITY");
    expect(e.message).toBe("invalid sparsity[0][1]; expected a column index from 0 to 1, got 2");
    expect(thrown(() => sparseJacobian(tridiagonal, [1, 2], {} as never)).argument).toBe("sparsity");
    expect(thrown(() => jacobian(tridiagonal, [1, 2], { sparsity: "auto" as never })).argument).toBe(
      "sparsity",
    );
    expect(thrown(() => jacobian(tridiagonal, [1, 2], { sparsity: [], errors: 1 as never })).code).toBe(
      "INVALID_OPTION",
    );
    expect(thrown(() => jacobian(tridiagonal, [1, 2], { sparsity: [], step: -1 })).code).toBe("INVALID_STEP");
  });

  it("refuses F results of changing length or non-numbers, as jacobian does", () => {
    let calls = 0;
    const growing = (v: Float64Array): number[] => (calls++ === 0 ? [v[0]] : [v[0], 1]);
    expect(thrown(() => jacobian(growing, [1], { sparsity: [[0, 0]] })).code).toBe("INCONSISTENT_OUTPUT");
    const wordy = (v: Float64Array): unknown[] => [v[0] > 1 ? "a" : v[0]];
    expect(thrown(() => jacobian(wordy as never, [1], { sparsity: [[0, 0]] })).code).toBe(
      "NON_NUMERIC_RESULT",
    );
  });
});

describe('sparsity: "detect"', () => {
  it("finds the pattern of a tridiagonal F, and then the same Jacobian as the given pattern", () => {
    const x = grid(200, -2, 2);
    const given = jacobian(tridiagonal, x, { sparsity: band(200, 1) });
    const found = jacobian(tridiagonal, x, { sparsity: "detect" });
    expect(Array.from(found.rowPtr)).toEqual(Array.from(given.rowPtr));
    expect(Array.from(found.colIdx)).toEqual(Array.from(given.colIdx));
    expect(found.value).toEqual(given.value);
    expect(found.evaluations).toBeGreaterThan(given.evaluations);
  });

  it("finds exactly the pattern F depends on (property, random patterns)", () => {
    fc.assert(
      fc.property(problems, ({ p, F, x }) => {
        const r = jacobian(F, x, { sparsity: "detect" });
        expect(Array.from(r.rowPtr)).toEqual(Array.from(p.rowPtr));
        expect(Array.from(r.colIdx)).toEqual(Array.from(p.colIdx));
      }),
      { numRuns: 100 },
    );
  });

  it("costs about 2(2√n + colours) calls, not 2n: a tridiagonal F at n = 10^4", () => {
    const n = 10_000;
    let calls = 0;
    const counted = (v: Float64Array): Float64Array => {
      calls++;
      return tridiagonal(v);
    };
    const p = detectSparsity(counted, grid(n, -5, 5));
    expect(calls).toBeLessThanOrEqual(1 + 2 * (1 + 200 + 6));
    expect(Array.from(p.colIdx)).toEqual(Array.from(toSparsityPattern(band(n, 1), n, n).colIdx));
  });

  it("finds an entry that vanishes at x itself (x0·x1 at x1 = 0)", () => {
    const r = jacobian((v) => [v[0] * v[1]], [0, 0], { sparsity: "detect" });
    expect(Array.from(r.colIdx)).toEqual([0, 1]);
  });

  it("misses a dependence switched off by a branch near x (a documented limit)", () => {
    const r = jacobian((v) => [v[0] > 5 ? v[1] : v[0]], [1, 1], { sparsity: "detect" });
    expect(Array.from(r.colIdx)).toEqual([0]);
  });
});
