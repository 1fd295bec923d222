import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  derivative,
  directionalDerivative,
  gradient,
  hessian,
  jacobian,
  partial,
  STATUSES,
} from "../../src/core/index.js";
import { functions1d } from "../fixtures/functions.js";

const coeff = fc.double({ min: -10, max: 10, noNaN: true });
const point3 = fc.tuple(
  fc.double({ min: -3, max: 3, noNaN: true }),
  fc.double({ min: -3, max: 3, noNaN: true }),
  fc.double({ min: -3, max: 3, noNaN: true }),
);
const matrix3 = fc.array(coeff, { minLength: 9, maxLength: 9 });

/** ½ xᵀAx + bᵀx + c with A symmetrized, its gradient and Hessian. */
/** Slopes below this come from subnormal terms only (2^-1000 ≈ 9.3e-302: far below any normal term's). */
const SUBNORMAL_SLOPE = 2 ** -1000;

function quadratic(a: number[], b: number[], c: number) {
  const A = [0, 1, 2].map((i) => [0, 1, 2].map((j) => (a[3 * i + j] + a[3 * j + i]) / 2));
  const f = (x: Float64Array): number => {
    let s = c;
    for (let i = 0; i < 3; i++) {
      s += b[i] * x[i];
      for (let j = 0; j < 3; j++) s += 0.5 * A[i][j] * x[i] * x[j];
    }
    return s;
  };
  const grad = (x: number[]): number[] =>
    [0, 1, 2].map((i) => b[i] + A[i].reduce((s, v, j) => s + v * x[j], 0));
  return { f, grad, A };
}

const smooth = (x: Float64Array): number =>
  Math.exp(0.3 * x[0]) * Math.sin(x[1]) + x[2] * Math.cos(x[0] * x[1]);

/** The analytic Hessian of `smooth`, term by term. */
function smoothHessian([x0, x1, x2]: number[]): number[][] {
  const e = Math.exp(0.3 * x0);
  const c = Math.cos(x0 * x1);
  const s = Math.sin(x0 * x1);
  const h01 = 0.3 * e * Math.cos(x1) - x2 * s - x2 * x0 * x1 * c;
  return [
    [0.09 * e * Math.sin(x1) - x2 * x1 * x1 * c, h01, -x1 * s],
    [h01, -e * Math.sin(x1) - x2 * x0 * x0 * c, -x0 * s],
    [-x1 * s, -x0 * s, 0],
  ];
}

describe("multivariate properties (fast-check)", () => {
  it("gradients and Hessians of quadratics are exact to rounding (|err| ≤ 1e-11·scale; 1e-7·scale or within the error)", () => {
    fc.assert(
      fc.property(matrix3, fc.tuple(coeff, coeff, coeff), coeff, point3, (a, b, c, x) => {
        const q = quadratic(a, b, c);
        const gr = gradient(q.f, x);
        const g = gr.value;
        const want = q.grad(x);
        // Scale: the size of the terms that cancel in f(x ± h) (the x_i and A, b entries go up to 10).
        const scale =
          1 + Math.max(...a.map(Math.abs), ...b.map(Math.abs)) * (1 + Math.max(...x.map(Math.abs))) ** 2;
        want.forEach((v, i) => {
          // Along a coordinate whose terms are all subnormal (b₂ = −6e-323, A₂₂ = −5.4e-323, x₀ = 4.4e-323)
          // f steps on the subnormal grid, a staircase, and a status that says there is no derivative
          // ("not-differentiable", NaN) makes no claim to check.
          const none = ["not-differentiable", "discontinuous"].includes(STATUSES[gr.statuses[i]]);
          if (Math.abs(v) < SUBNORMAL_SLOPE && none) return;
          expect(Math.abs(g[i] - v)).toBeLessThanOrEqual(1e-11 * scale);
        });
        // Exact to 1e-7·scale, or (rarely) honestly bounded: where the terms of f cancel along a
        // coordinate whose x_i is tiny (x_0 = 4e-49, A_01·x_1 + A_02·x_2 = 15 − 15), f's rounding grows
        // with the step and the second difference is noise; the engine then reports an error that
        // covers the truth (seed -316146851: H_00 = 2.1e6 ± 1.3e7 where the truth is 0).
        // The same for an entry whose terms are all subnormal along its coordinates (seed -569998673:
        // A₀₀ = 3.5e-323 with x₁ = −7.4e-323, f a staircase along x₀, H₀₀ "discontinuous").
        const h = hessian(q.f, x);
        q.A.forEach((row, i) =>
          row.forEach((v, j) => {
            const none = ["not-differentiable", "discontinuous"].includes(STATUSES[h.statuses[i][j]]);
            if (Math.abs(v) < SUBNORMAL_SLOPE && none) return;
            expect(Math.abs(h.value[i][j] - v)).toBeLessThanOrEqual(Math.max(1e-7 * scale, h.error[i][j]));
          }),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("the gradient is linear: ∇(αf + βg) = α∇f + β∇g (to 1e-10 of the terms)", () => {
    const g2 = (x: Float64Array): number => x[0] * x[1] * x[2] + Math.log1p(x[0] ** 2);
    fc.assert(
      fc.property(coeff, coeff, point3, (alpha, beta, x) => {
        const lhs = gradient((w) => alpha * smooth(w) + beta * g2(w), x).value;
        const a = gradient(smooth, x).value;
        const b = gradient(g2, x).value;
        for (let i = 0; i < 3; i++) {
          const scale = Math.abs(alpha * a[i]) + Math.abs(beta * b[i]) + 1e-300;
          expect(Math.abs(lhs[i] - (alpha * a[i] + beta * b[i])) / scale).toBeLessThan(1e-10 + 1e-12 / scale);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("the Hessian of smooth matches its analytic Hessian within the reported errors", () => {
    fc.assert(
      fc.property(point3, (x) => {
        const r = hessian(smooth, x);
        const exact = smoothHessian(x);
        for (let i = 0; i < 3; i++)
          for (let j = 0; j < 3; j++) {
            // The estimate claims to cover the truth; the floor is the rounding of the analytic value.
            const slack = 4 * Number.EPSILON * (1 + Math.abs(exact[i][j]));
            expect(Math.abs(r.value[i][j] - exact[i][j]), `H[${i}][${j}] at ${x}`).toBeLessThanOrEqual(
              r.error[i][j] + slack,
            );
          }
      }),
      { numRuns: 30 },
    );
  });

  it("renaming the variables permutes the Hessian: H(f∘P)[p(i)][p(j)] = H(f)[i][j] within the errors", () => {
    // Each entry of the permuted problem is computed from other calls in another order (i < j becomes
    // p(i) > p(j) for some pairs), so a triangle filled wrongly, a transposed term or an
    // order-dependent step breaks this; symmetry alone (value[i][j] === value[j][i]) holds by construction.
    const perms = [
      [0, 1, 2],
      [1, 0, 2],
      [2, 1, 0],
      [0, 2, 1],
      [1, 2, 0],
      [2, 0, 1],
    ];
    fc.assert(
      fc.property(point3, fc.constantFrom(...perms), (x, p) => {
        // y[p[i]] = x[i], and g(y) = smooth(x) with x[i] = y[p[i]].
        const y = [0, 0, 0];
        p.forEach((pi, i) => (y[pi] = x[i]));
        const g = (w: Float64Array): number => smooth(Float64Array.from(p, (pi) => w[pi]));
        const hf = hessian(smooth, x);
        const hg = hessian(g, y);
        for (let i = 0; i < 3; i++)
          for (let j = 0; j < 3; j++) {
            const a = hf.value[i][j];
            const b = hg.value[p[i]][p[j]];
            const tolerance = hf.error[i][j] + hg.error[p[i]][p[j]];
            expect(Math.abs(a - b), `H[${i}][${j}] under ${p} at ${x}`).toBeLessThanOrEqual(tolerance);
          }
      }),
      { numRuns: 30 },
    );
  });

  it("the Hessian's value and error are symmetric arrays (each mixed term written to both places)", () => {
    const r = hessian(smooth, [0.3, -1.2, 2]);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        expect(r.value[i][j]).toBe(r.value[j][i]);
        expect(Object.is(r.error[i][j], r.error[j][i])).toBe(true);
      }
  });

  it("the gradient equals the stacked partials, bit for bit, by default and in book mode", () => {
    fc.assert(
      fc.property(point3, fc.constantFrom({}, { method: "central", step: 1e-4 } as const), (x, options) => {
        const g = gradient(smooth, x, options);
        for (let i = 0; i < 3; i++) {
          const p = partial(smooth, x, i, options);
          expect(Object.is(g.value[i], p.value)).toBe(true);
          expect(Object.is(g.error[i], p.error)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("Jacobian · v equals the directional derivative along v (to 1e-10 of |J|·|v|)", () => {
    const F = (x: Float64Array): number[] => [smooth(x), x[0] * x[1] - x[2], Math.atan(x[0] + 2 * x[2])];
    fc.assert(
      fc.property(point3, point3, (x, v) => {
        fc.pre(v.some((c) => Math.abs(c) > 1e-3));
        const J = jacobian(F, x).value;
        for (let i = 0; i < 3; i++) {
          const d = directionalDerivative((w) => F(w)[i], x, v).value;
          const jv = J[i].reduce((s, c, j) => s + c * v[j], 0);
          const scale = J[i].reduce((s, c, j) => s + Math.abs(c * v[j]), 0) + 1e-300;
          expect(Math.abs(d - jv) / scale).toBeLessThan(1e-10 + 1e-13 / scale);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("jacobian and derivative() share one descent", () => {
  // jacobian's columns and derivative() both run descent.ts (m components at once, m = 1 for
  // derivative). A one-component Jacobian must therefore return the very same value.
  it("a one-component Jacobian equals derivative() bit for bit wherever derivative() found f smooth and noise-free", () => {
    // derivative() goes on to estimate noise and compare one-sided derivatives when its column sees
    // trouble; the Jacobian's columns report what the column found. Where derivative() found nothing
    // (status "ok", no noise level), the two ran the same column and must agree to the bit.
    const points = [-2.5, -0.3, 0, 1e-9, 0.001, 0.5, 1, 3, 1e4];
    let compared = 0;
    for (const [name, f] of Object.entries(functions1d)) {
      for (const x0 of points) {
        const d = derivative(f, x0);
        if (d.status !== "ok" || d.noise !== undefined || Number.isNaN(d.error)) continue;
        compared++;
        const j = jacobian((x) => [f(x[0])], [x0]);
        expect(Object.is(j.value[0][0], d.value), `${name} at ${x0}: ${j.value[0][0]} vs ${d.value}`).toBe(
          true,
        );
      }
    }
    expect(compared).toBeGreaterThan(300);
  });
});
