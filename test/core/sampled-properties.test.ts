import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { differentiate, fornbergWeights } from "../../src/core/index.js";

const accuracy = fc.constantFrom(2, 4, 6, 8);
const order = fc.integer({ min: 1, max: 3 });

/** n points on [0, 1], jittered by up to 30% of the mean spacing: non-uniform but never degenerate. */
const jitteredGrid = (n: number) =>
  fc
    .array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: n, maxLength: n })
    .map((jitter) => Float64Array.from(jitter, (j, i) => (i + j) / n));

/** Value and derivatives of Σ c_k t^k. */
function polynomial(c: readonly number[], t: number, d: number): number {
  let s = 0;
  for (let k = d; k < c.length; k++) {
    let falling = 1;
    for (let r = 0; r < d; r++) falling *= k - r;
    s += c[k] * falling * t ** (k - d);
  }
  return s;
}

describe("sampled-data properties (fast-check)", () => {
  it("stencils are exact for polynomials of degree < order + accuracy, on jittered non-uniform grids", () => {
    fc.assert(
      fc.property(order, accuracy, fc.integer({ min: 0, max: 6 }), fc.context(), (d, p, extra, ctx) => {
        const n = d + p + extra;
        fc.assert(
          fc.property(
            jitteredGrid(n),
            fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: d + p, maxLength: d + p }),
            (x, c) => {
              const y = Float64Array.from(x, (t) => polynomial(c, t, 0));
              const r = differentiate(y, x, { order: d, accuracy: p, errors: false });
              // rounding of y (≈ EPS·Σ|c|) is amplified by the weights, about (n / spacing)^d · 2^p
              const tol = 1e-13 * (2 * n) ** d * 2 ** p * 10;
              x.forEach((t, i) => {
                const exact = polynomial(c, t, d);
                if (!(Math.abs(r.value[i] - exact) <= tol * (1 + Math.abs(exact)))) {
                  ctx.log(`d=${d} p=${p} n=${n} i=${i}`);
                  throw new Error(`got ${r.value[i]}, exact ${exact}, tolerance ${tol}`);
                }
              });
            },
          ),
          { numRuns: 5 },
        );
      }),
      { numRuns: 40 },
    );
  });

  it("uniform stencils are exact for polynomials of degree < order + accuracy (integer-spaced samples)", () => {
    fc.assert(
      fc.property(order, accuracy, fc.double({ min: 0.1, max: 2, noNaN: true }), (d, p, h) => {
        const n = d + p + 5;
        const c = Array.from({ length: d + p }, (_, k) => (k % 3) - 1 + 0.25 * k);
        const x = Float64Array.from({ length: n }, (_, i) => (i - n / 2) * h);
        const y = Float64Array.from(x, (t) => polynomial(c, t, 0));
        const r = differentiate(y, h, { order: d, accuracy: p, errors: false });
        const tol = 1e-12 * (n / h) ** d * 4 ** p;
        x.forEach((t, i) => {
          const exact = polynomial(c, t, d);
          expect(Math.abs(r.value[i] - exact)).toBeLessThanOrEqual(tol * (1 + Math.abs(exact)));
        });
      }),
      { numRuns: 60 },
    );
  });

  it("is linear: D(a·y + b·z) = a·Dy + b·Dz to 1e-12 relative", () => {
    fc.assert(
      fc.property(
        jitteredGrid(20),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 20, maxLength: 20 }),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 20, maxLength: 20 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        accuracy,
        (x, y, z, a, b, p) => {
          const mix = y.map((v, i) => a * v + b * z[i]);
          const o = { accuracy: p, errors: false } as const;
          const lhs = differentiate(mix, x, o).value;
          const dy = differentiate(y, x, o).value;
          const dz = differentiate(z, x, o).value;
          const w = fornbergWeights([-1, 0, 1], 1); // scale of a first-derivative weight
          lhs.forEach((v, i) => {
            const rhs = a * dy[i] + b * dz[i];
            const scale =
              (Math.abs(a) * Math.abs(dy[i]) + Math.abs(b) * Math.abs(dz[i]) + 1) * 20 * Math.abs(w[2]);
            expect(Math.abs(v - rhs)).toBeLessThanOrEqual(1e-12 * scale * 2 ** p * 40);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("never changes the caller's arrays, in any mode", () => {
    fc.assert(
      fc.property(
        jitteredGrid(12),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 12, maxLength: 12 }),
        fc.constantFrom<object>(
          {},
          { accuracy: 4 },
          { edgeOrder: 2 },
          { smooth: "auto" },
          { smooth: "total-variation" },
        ),
        (x, y, mode) => {
          const xs = Float64Array.from(x);
          const ys = Float64Array.from(y);
          differentiate(ys, xs, mode);
          expect(Array.from(xs)).toEqual(Array.from(x));
          expect(Array.from(ys)).toEqual(y);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("numpy mode equals the accuracy-2 stencils inside (edgeOrder 2 also at the edges) on uniform grids", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 6, maxLength: 30 }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        (y, h) => {
          const a = differentiate(y, h, { edgeOrder: 2, errors: false }).value;
          const b = differentiate(y, h, { accuracy: 2, errors: false }).value;
          a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThanOrEqual(1e-12 * (10 / h)));
        },
      ),
      { numRuns: 60 },
    );
  });
});
