import { describe, expect, it } from "vitest";
import {
  differentiate,
  fornbergWeights,
  gridLaplacian,
  gridMixedPartial,
  stencilOffsets,
} from "../../src/core/index.js";
import cases from "../fixtures/sampled/sampled-cases.json" with { type: "json" };

const EPS = 2 ** -52;

/** Distance in units in the last place of the larger magnitude. */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / (EPS * Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE));
}

describe("numpy.gradient semantics (edgeOrder), against numpy on random data", () => {
  it.each(cases.numpy.map((c) => [c.name, c] as const))("%s matches numpy within 2 ulp", (_, c) => {
    const r = differentiate(c.y, c.x, { edgeOrder: c.edgeOrder as 1 | 2 });
    c.value.forEach((v, i) => {
      const d = ulps(r.value[i], v);
      if (d > 2) throw new Error(`${c.name}: i=${i} got ${r.value[i]} numpy ${v} (${d} ulp, tolerance 2)`);
    });
  });

  it.each(cases.numpy2d.map((c) => [c.edgeOrder, c] as const))(
    "edgeOrder %s along each axis of a 2-D array (non-uniform axis 0, spacing on axis 1)",
    (_, c) => {
      for (const axis of [0, 1]) {
        const r = differentiate(c.y, c.x as [number[], number], {
          shape: c.shape,
          axis,
          edgeOrder: c.edgeOrder as 1 | 2,
        });
        c.value[axis].forEach((v, i) => expect(ulps(r.value[i], v)).toBeLessThanOrEqual(2));
      }
    },
  );
});

// findiff's documented examples (M. Baer, findiff, README.md at github.com/maroba/findiff):
// `coefficients(deriv=2, acc=2)`, `coefficients(deriv=3, acc=4, symbolic=True)`,
// `coefficients(deriv=2, offsets=[-2, 1, 0, 2, 3, 4, 7], symbolic=True)` (accuracy 5), the matrix of
// `Diff(0, dx)**2` on a 1-D grid, and the 2-D Laplacian stencil {(0,0): -4, (±1,0): 1, (0,±1): 1}.
const FINDIFF = {
  d2acc2: {
    center: { offsets: [-1, 0, 1], coefficients: [1, -2, 1] },
    forward: { offsets: [0, 1, 2, 3], coefficients: [2, -5, 4, -1] },
    backward: { offsets: [-3, -2, -1, 0], coefficients: [-1, 4, -5, 2] },
  },
  d3acc4: {
    center: { offsets: [-3, -2, -1, 0, 1, 2, 3], coefficients: [1 / 8, -1, 13 / 8, 0, -13 / 8, 1, -1 / 8] },
    forward: {
      offsets: [0, 1, 2, 3, 4, 5, 6],
      coefficients: [-49 / 8, 29, -461 / 8, 62, -307 / 8, 13, -15 / 8],
    },
    backward: {
      offsets: [-6, -5, -4, -3, -2, -1, 0],
      coefficients: [15 / 8, -13, 307 / 8, -62, 461 / 8, -29, 49 / 8],
    },
  },
  offsets: {
    offsets: [-2, 1, 0, 2, 3, 4, 7],
    coefficients: [187 / 1620, -122 / 27, 9 / 7, 103 / 20, -13 / 5, 31 / 54, -19 / 2835],
  },
  matrix7: [
    [2, -5, 4, -1, 0, 0, 0],
    [1, -2, 1, 0, 0, 0, 0],
    [0, 1, -2, 1, 0, 0, 0],
    [0, 0, 1, -2, 1, 0, 0],
    [0, 0, 0, 1, -2, 1, 0],
    [0, 0, 0, 0, 1, -2, 1],
    [0, 0, 0, -1, 4, -5, 2],
  ],
};

/** The derivative of the samples `y` at grid point `at`, as weights: apply to unit vectors. */
function matrixOf(n: number, order: number, accuracy: number): number[][] {
  const rows = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const e = new Float64Array(n);
    e[j] = 1;
    const col = differentiate(e, 1, { order, accuracy, errors: false }).value;
    for (let i = 0; i < n; i++) rows[i][j] = col[i];
  }
  return rows;
}

describe("findiff's documented examples", () => {
  it.each([
    ["d2acc2", 2, 2],
    ["d3acc4", 3, 4],
  ] as const)(
    "coefficients(%s): centre and one-sided weights of fornbergWeights match to 1e-12",
    (key, d, p) => {
      for (const kind of ["center", "forward", "backward"] as const) {
        const c = FINDIFF[key][kind];
        const w = fornbergWeights(c.offsets, d);
        c.coefficients.forEach((v, i) => expect(Math.abs(w[i] - v)).toBeLessThan(1e-12));
      }
      // and they are the weights differentiate uses at the edges and inside (spacing 1)
      const n = 15;
      const m = matrixOf(n, d, p);
      FINDIFF[key].forward.coefficients.forEach((v, k) => expect(Math.abs(m[0][k] - v)).toBeLessThan(1e-12));
      FINDIFF[key].backward.coefficients.forEach((v, k) =>
        expect(
          Math.abs(m[n - 1][n - 7 + k + (7 - FINDIFF[key].backward.coefficients.length)] - v),
        ).toBeLessThan(1e-12),
      );
      const centre = stencilOffsets("central", d, p);
      const mid = 7;
      FINDIFF[key].center.coefficients.forEach((v, k) =>
        expect(Math.abs(m[mid][mid + centre[k]] - v)).toBeLessThan(1e-12),
      );
    },
  );

  it("coefficients(deriv=2, offsets=[-2, 1, 0, 2, 3, 4, 7]) to 1e-12, and its accuracy order 5", () => {
    const w = fornbergWeights(FINDIFF.offsets.offsets, 2);
    FINDIFF.offsets.coefficients.forEach((v, i) => expect(Math.abs(w[i] - v)).toBeLessThan(1e-12));
    // accuracy 5: exact for x^k, k <= 6, not for x^7
    const moment = (k: number) => FINDIFF.offsets.offsets.reduce((s, o, i) => s + w[i] * o ** k, 0);
    for (let k = 0; k <= 6; k++) expect(moment(k)).toBeCloseTo(k === 2 ? 2 : 0, 9);
    expect(Math.abs(moment(7))).toBeGreaterThan(1);
  });

  it("the matrix of Diff(0, dx)**2 on 7 points (findiff README) is differentiate's, order 2, accuracy 2", () => {
    const m = matrixOf(7, 2, 2);
    FINDIFF.matrix7.forEach((row, i) =>
      row.forEach((v, j) => expect(Math.abs(m[i][j] - v)).toBeLessThan(1e-12)),
    );
  });

  it("the 2-D Laplacian stencil (findiff README: -4 at the centre, 1 at the four neighbours)", () => {
    const e = new Float64Array(49);
    e[3 * 7 + 3] = 1;
    const lap = gridLaplacian(e, [7, 7], 1, { errors: false }).value;
    // the Laplacian at (3 + a, 3 + b) sees the delta with the weight of offset (−a, −b)
    const expected: Record<string, number> = { "0,0": -4, "1,0": 1, "-1,0": 1, "0,1": 1, "0,-1": 1 };
    for (let a = -2; a <= 2; a++) {
      for (let b = -2; b <= 2; b++) {
        expect(Math.abs(lap[(3 + a) * 7 + 3 + b] - (expected[`${a},${b}`] ?? 0))).toBeLessThan(1e-12);
      }
    }
  });
});

describe("polynomials on non-uniform 2-D grids, against sympy's exact derivatives", () => {
  it.each(cases.polynomial2d.map((c) => [c.name, c] as const))(
    "%s: ∂²/∂x∂y, Laplacian, ∂³/∂x³, ∂³/∂x²∂y (accuracy 4)",
    (_, c) => {
      const x = c.x as [number[], number[]];
      // Tolerances: 1e-12 for second derivatives; third derivatives on spacing ~0.25 have stencil weights
      // summing to ~1e4, so rounding of the samples alone reaches ~1e-12 relative: 1e-10 for them.
      const checks: [string, Float64Array, number[], number][] = [
        ["dxdy", gridMixedPartial(c.y, c.shape, x, [0, 1], { accuracy: 4 }).value, c.dxdy, 1e-12],
        ["laplacian", gridLaplacian(c.y, c.shape, x, { accuracy: 4 }).value, c.laplacian, 1e-12],
        [
          "dx3",
          differentiate(c.y, x, { shape: c.shape, axis: 0, order: 3, accuracy: 4 }).value,
          c.dx3,
          1e-10,
        ],
        ["dxxy", gridMixedPartial(c.y, c.shape, x, [0, 0, 1], { accuracy: 4 }).value, c.dxxy, 1e-10],
      ];
      for (const [name, got, want, tol] of checks) {
        want.forEach((v, i) => {
          if (!(Math.abs(got[i] - v) <= tol * Math.max(1, Math.abs(v)))) {
            throw new Error(`${c.name} ${name}[${i}]: got ${got[i]}, exact ${v}, tolerance ${tol} relative`);
          }
        });
      }
    },
  );
});
