import { describe, expect, it } from "vitest";
import { jacobian, STATUSES } from "../../src/core/index.js";
import { jacobian as jacobianAsync } from "../../src/core/async/index.js";
import { jacobianViaGeneral } from "../../src/core/jacobian.js";
import { jacobianJob, rowNoiseStage } from "../../src/core/jacobian-pipeline.js";
import { NOISE_POINTS } from "../../src/core/noise.js";
import { ROW_NOISE_SPACING, rowNoiseDirection } from "../../src/core/row-noise.js";
import { resolveMultivariate } from "../../src/core/vector.js";
import { hashNoise } from "../fixtures/noise-hash.js";
import { bits } from "./jacobian-bits.js";

/**
 * A 32-bit salt from the bits of every coordinate (as the honesty scan salts its noise): a noisy row's
 * noise changes whichever coordinate moves, as a simulation's does.
 */
const saltOf = (x: ArrayLike<number>): number => {
  let s = 0;
  for (let k = 0; k < x.length; k++) s ^= Math.floor((hashNoise(x[k], 0x5eed + k) + 1) * 2 ** 31);
  return s >>> 0;
};

/** Deterministic noise in [-1, 1) at t, salted with all of x. */
const noiseAt = (t: number, seed: number, x: ArrayLike<number>): number =>
  hashNoise(t, (seed ^ saltOf(x)) >>> 0);

type Row = (x: ArrayLike<number>) => number;

/** F from its rows, the scan's shape: row i is case_i(x_{i mod n}) + atan(x_{(i+1) mod n}). */
const rowsOf =
  (rows: Row[]) =>
  (x: ArrayLike<number>): number[] =>
    rows.map((r) => r(x));

const BASES: ((t: number) => number)[] = [Math.sin, Math.cos, Math.tanh, Math.atan, Math.exp];

/** m rows over n coordinates of g_i(x_{i mod n})·(1 + ε_i·noise) + atan(x_{(i+1) mod n}), ε_i relative. */
function noisyRows(m: number, n: number, level: (i: number) => number): Row[] {
  return Array.from({ length: m }, (_, i) => (x: ArrayLike<number>) => {
    const t = x[i % n];
    return BASES[i % BASES.length](t) * (1 + level(i) * noiseAt(t, 1000 + i, x)) + Math.atan(x[(i + 1) % n]);
  });
}

const atanPrime = (t: number): number => 1 / (1 + t * t);

/** |value − truth| ≤ error for entry (i, j). */
function covers(
  r: { value: Float64Array[]; error: Float64Array[] },
  i: number,
  j: number,
  truth: number,
): void {
  expect(Math.abs(r.value[i][j] - truth)).toBeLessThanOrEqual(r.error[i][j]);
}

describe("a Jacobian of 16 rows or more carries each row's noise into every entry of the row (row-noise.ts)", () => {
  it("relative noise in tanh(x₀) reaches ∂F_4/∂x₁ = atan′(x₁) (before: 0.978473 ± 4.4e-14, ok, 2e-10 off)", () => {
    const rows = noisyRows(21, 2, (i) => 1e-13 * (1 + i));
    rows[4] = (x) =>
      Math.tanh(x[0]) * (1 + 4.398466559602601e-11 * noiseAt(x[0], 2091175612, x)) + Math.atan(x[1]);
    const x = [0.035010635346871884, -0.14832767918952366];
    const r = jacobian(rowsOf(rows), x);
    covers(r, 4, 1, atanPrime(x[1])); // 0.9784725276667088
    covers(r, 4, 0, 1 - Math.tanh(x[0]) ** 2);
    // The noise, 4.4e-11·|tanh(x₀)| ≈ 1.5e-12, allows about 1e-9 at best, not 1e-6.
    expect(r.error[4][1]).toBeLessThan(1e-7);
  });

  it("absolute noise in cos(x₀) reaches ∂F_12/∂x₁ = atan′(x₁) (before: 0.999533 ± 6.3e-14, ok, 3.7e-10 off)", () => {
    // The honesty scan's F (some rows NaN here: √ and log of negative x_j), row i = g_i(x_{i mod 4})
    // + ε_i·noise + atan(x_{(i+1) mod 4}).
    const cube = (t: number): number => t * t * t - 2 * t;
    const half = (t: number): number => 1 / (1 + t * t);
    const cases: [(t: number) => number, number, number][] = [
      [cube, 2.8273029579566623e-11, 1585832096],
      [cube, 1.8660858094401553e-9, 972752853],
      [half, 3.747136551237136e-12, 355583952],
      [Math.sqrt, 8.525507950537147e-7, 1512776453],
      [half, 2.8550661261711316e-8, 1436366277],
      [Math.exp, 2.66998517518754e-10, 609713772],
      [Math.sqrt, 3.0725892100456446e-11, 731777400],
      [cube, 1.97060314769889e-7, 857987719],
      [Math.tanh, 1.0416163558457038e-9, 811151537],
      [Math.tanh, 4.872112387088535e-9, 167621401],
      [cube, 2.547293868628892e-13, 1712716806],
      [Math.cos, 1.2518684647417963e-8, 362807672],
      [Math.cos, 2.395665254970556e-12, 626257276],
      [Math.atan, 7.508516908897195e-10, 625913717],
      [Math.atan, 3.457238052105418e-7, 1623930157],
      [Math.log, 1.7436151904895738e-13, 1857511925],
      [Math.atan, 3.362977235887257e-8, 723534162],
      [cube, 1.433815899481014e-13, 1858950344],
      [Math.sqrt, 8.569273656385511e-12, 386011792],
      [Math.atan, 6.977268863617552e-14, 1239731971],
      [Math.atan, 2.531547233557249e-11, 1656825566],
      [Math.sin, 5.69956088440479e-7, 152991390],
      [Math.log, 1.285771973547661e-13, 1218864574],
    ];
    const n = 4;
    const rows: Row[] = cases.map(([g, eps, seed], i) => (x) => {
      const t = x[i % n];
      return g(t) + eps * noiseAt(t, seed, x) + Math.atan(x[(i + 1) % n]);
    });
    const x = [-86.57763795747948, -0.021607488050734622, 807.0574716596244, 34.79001752302291];
    const r = jacobian(rowsOf(rows), x);
    covers(r, 12, 1, atanPrime(x[1])); // 0.9995333343386532
    covers(r, 12, 0, -Math.sin(x[0]));
    expect(r.error[12][1]).toBeLessThan(1e-7);
  });

  it("a row that cancels, atan(x₀) + 1.5706627… ≈ −1e-11, keeps its slope 1.78e-8 (before: 0 ± 3.8e-16, ok)", () => {
    const n = 4;
    const C = [1.5706627533384663, 1.57, 0.5, -1.5];
    const rows: Row[] = Array.from(
      { length: 18 },
      (_, i) => (x) => Math.atan(x[i % n]) + C[i % C.length] + Math.atan(x[(i + 1) % n]),
    );
    const x = [-7486.518009730142, 0, 40246.44401160695, -1];
    const r = jacobian(rowsOf(rows), x);
    // The rounding of atan(x₀) ≈ −1.5707, 2.2e-16, is noise of 1e-5 relative in values near −1e-11.
    covers(r, 8, 0, atanPrime(x[0])); // 1.7841864833235252e-8
    expect(r.value[8][0]).toBeGreaterThan(1e-8);
    // "noise-limited" from the noise stages before; the column now reads the rounding of the values'
    // grid (value-grid.ts) and covers it as rounding.
    expect(["ok", "noise-limited"]).toContain(STATUSES[r.statuses[8][0]]);
  });

  it("atan(x₁) + atan(x₀) ≈ 3e-4 at x = [482, −421]: its error holds the rounding of π/2 over the step (before: ± 2.1e-18, 97 times too small)", () => {
    const rows: Row[] = Array.from(
      { length: 17 },
      (_, i) => (x) => (i % 2 === 1 ? Math.atan(x[1]) + Math.atan(x[0]) : Math.cos(x[0]) + Math.atan(x[1])),
    );
    const x = [482.1223613416131, -421.22064595929703];
    const r = jacobian(rowsOf(rows), x);
    covers(r, 7, 1, atanPrime(x[1])); // 5.636094323227272e-6
    covers(r, 7, 0, atanPrime(x[0]));
  });

  it("a smooth F gets no level, keeps its bits and pays the two tables once (16 calls)", () => {
    const F = (x: ArrayLike<number>): number[] =>
      Array.from({ length: 20 }, (_, i) => Math.sin(x[0] * (1 + i / 10)) + x[1] * x[1] * (i + 1));
    const x = Float64Array.of(0.7, 1.3);
    const job = jacobianJob(x, resolveMultivariate(undefined, x), F(x), true);
    const stage = rowNoiseStage(job)!;
    let calls = 0;
    for (let r = stage.pipeline.next(); r.done !== true; r = stage.pipeline.next()) {
      const req = r.value;
      const point = new Float64Array(2);
      for (let q = 0; q < req.count; q++, calls++) {
        stage.space.write!(-1, req, q, point, 0);
        F(point).forEach((v, k) => (req.values[q * req.width + k] = v));
      }
    }
    expect(calls).toBe(2 * (NOISE_POINTS - 1));
    expect(job.rowNoise).toBeNull();
    const r = jacobian(F, x);
    for (let i = 0; i < 20; i++) {
      expect(Math.abs(r.value[i][0] - (1 + i / 10) * Math.cos(0.7 * (1 + i / 10)))).toBeLessThan(1e-12);
      expect(Math.abs(r.value[i][1] - 2.6 * (i + 1))).toBeLessThan(1e-11);
    }
    expect(r.status).toBe("ok");
  });

  it("measures a noisy row's level within a factor of 3 of its σ, and none for the smooth rows beside it", () => {
    // Uniform noise in [−ε, ε): σ = ε/√3.
    const eps = 1e-9;
    const F = (x: ArrayLike<number>): number[] =>
      Array.from({ length: 16 }, (_, i) =>
        i === 3 ? Math.exp(x[0]) + eps * noiseAt(x[0], 7, x) + x[1] : Math.exp(x[0]) * (i + 1) + x[1],
      );
    const levels = levelsOf(F, [0.25, -2])!;
    const sigma = eps / Math.sqrt(3);
    expect(levels[3]).toBeGreaterThan(sigma / 3);
    expect(levels[3]).toBeLessThan(3 * sigma);
    for (let k = 0; k < 16; k++) if (k !== 3) expect(levels[k]).toBe(0);
  });

  it("a kink at x is no noise: |x₀| + x₁ in a row gets no level, and its entry is still not-differentiable", () => {
    const F = (x: ArrayLike<number>): number[] =>
      Array.from({ length: 16 }, (_, i) => (i === 0 ? Math.abs(x[0]) + x[1] : Math.sin(x[0]) * i + x[1]));
    const r = jacobian(F, [0, 1]);
    expect(STATUSES[r.statuses[0][0]]).toBe("not-differentiable");
    expect(r.evaluations).toBeGreaterThan(2 * (NOISE_POINTS - 1));
  });

  it("the tables keep inside the bounds and on exact points: a coordinate they cannot move on is not moved", () => {
    const x = Float64Array.of(0, 5, 2 ** 40);
    const bounded = resolveMultivariate(
      {
        bounds: [
          [0, 1],
          [0, 10],
          [0, 2 ** 41],
        ],
      },
      x,
    );
    // x₀ at its lower bound; 2⁴⁰ + 2⁻²¹ is not a double.
    expect(Array.from(rowNoiseDirection(x, bounded)!)).toStrictEqual([0, ROW_NOISE_SPACING, 0]);
    const pinned = resolveMultivariate(
      {
        bounds: [
          [0, 1],
          [5, 10],
          [0, 2 ** 41],
        ],
      },
      x,
    );
    expect(rowNoiseDirection(x, pinned)).toBeNull();
  });

  it("keeps to the side of a one-sided method: an F that throws left of x₀ = 1 gets its forward Jacobian", () => {
    const F = (x: ArrayLike<number>): number[] => {
      if (x[0] < 1) throw new Error("outside the model's domain");
      return Array.from({ length: 16 }, (_, i) => Math.sqrt(x[0] + i) + x[1] * i);
    };
    const r = jacobian(F, [1, 2], { method: "forward" });
    expect(Math.abs(r.value[3][0] - 0.25)).toBeLessThanOrEqual(r.error[3][0]); // 1/(2√4)
    expect(Math.abs(r.value[4][1] - 4)).toBeLessThan(1e-9);
    expect(r.status).toBe("ok");
    expect(() => jacobian(F, [1, 2])).toThrow("outside the model's domain"); // central: as before
  });

  it("a given noise level is every row's, with no table (16 calls fewer), and sets the errors' floor", () => {
    const F = (x: ArrayLike<number>): number[] =>
      Array.from({ length: 16 }, (_, i) => Math.sin(x[0]) * (i + 1) + x[1]);
    const x = [0.3, 0.1];
    const plain = jacobian(F, x);
    const given = jacobian(F, x, { noise: 1e-10 });
    // With σ = 1e-10 per value the best a central difference does is about (1e-10)^(2/3) ≈ 2e-7.
    for (let i = 0; i < 16; i++) {
      expect(given.error[i][0]).toBeGreaterThan(1e-9);
      expect(Math.abs(given.value[i][0] - (i + 1) * Math.cos(0.3))).toBeLessThanOrEqual(given.error[i][0]);
      expect(plain.error[i][0]).toBeLessThan(1e-12);
    }
    expect(plain.evaluations - given.evaluations).toBeGreaterThanOrEqual(2 * (NOISE_POINTS - 1) - 4);
  });
});

/** The row levels (row-noise.ts) of F at x, the tables' points asked of F one by one. */
function levelsOf(F: (x: ArrayLike<number>) => number[], xs: number[]): Float64Array | null {
  const x = Float64Array.from(xs);
  const job = jacobianJob(x, resolveMultivariate(undefined, x), F(x), true);
  const stage = rowNoiseStage(job)!;
  for (let r = stage.pipeline.next(); r.done !== true; r = stage.pipeline.next()) {
    const req = r.value;
    const point = new Float64Array(x.length);
    for (let q = 0; q < req.count; q++) {
      stage.space.write!(-1, req, q, point, 0);
      F(point).forEach((v, k) => (req.values[q * req.width + k] = v));
    }
  }
  return job.rowNoise;
}

describe("what a row's tables take for noise", () => {
  const smooth: Row = (x) => Math.sin(x[0]) + Math.atan(x[1]);

  it("the rounding of sin(x₀) − 0.99713 at 1.495 (3e-17 in values near 5e-5), though one table shows a spike of it by chance", () => {
    const rows: Row[] = Array.from({ length: 16 }, (_, i) =>
      i === 2 ? (x) => Math.sin(x[0]) - 0.997131892012822 + Math.atan(x[1]) : smooth,
    );
    const x = [1.4950404024196686, 0];
    const level = levelsOf(rowsOf(rows), x)![2];
    expect(level).toBeGreaterThan(1e-17);
    expect(level).toBeLessThan(1e-16);
    covers(jacobian(rowsOf(rows), x), 2, 0, Math.cos(x[0])); // 0.0756834851…; before ± 6.6e-17
  });

  it("not a pole 7.6e-8 beside x (levels near |F_k| itself), nor a jump at x", () => {
    const c = 0.00609275247510809;
    const rows: Row[] = Array.from({ length: 16 }, (_, i) =>
      i === 5
        ? (x) => Math.exp(x[1]) - 0.41178257992533474 / (x[1] - c) + Math.atan(x[0])
        : i === 6
          ? (x) => Math.sin(x[1]) + (x[1] >= 0.006092828557173268 ? 1e-3 : 0) + Math.atan(x[0])
          : smooth,
    );
    const levels = levelsOf(rowsOf(rows), [6.264701549775624, 0.006092828557173268]);
    expect(levels?.[5] ?? 0).toBe(0);
    expect(levels?.[6] ?? 0).toBe(0);
  });
});

describe("float32 rows of a large F (jacobian-recheck.ts)", () => {
  const f32 = Math.fround;
  /** Rows f32(g_i(f32(x_{i mod n})) + atan(x_{(i+1) mod n})): an F computed in float32. */
  const float32Rows = (n: number, g: (i: number) => (t: number) => number): Row[] =>
    Array.from({ length: 16 }, (_, i) => (x) => f32(f32(g(i)(f32(x[i % n]))) + Math.atan(x[(i + 1) % n])));

  it("a row that is exactly 0 at x is float32 like the others: f32(tanh) + atan at 0 (before: 1.0000000199 ± 8.4e-16, ok)", () => {
    const rows = float32Rows(4, (i) => (i % 2 === 0 ? Math.sin : Math.tanh));
    const x = [-17614.358852058383, 0, 0, -108.1685928756045];
    const r = jacobian(rowsOf(rows), x);
    covers(r, 5, 1, 1); // tanh′(0)
    covers(r, 5, 2, 1); // atan′(0)
    expect(STATUSES[r.statuses[5][1]]).toBe("noise-limited");
  });

  it("a float32 row that moved in the screen but is flat at scale 1 is below its resolution there, not constant (before: 0 ± 1.3e-10 for 7.2e-8)", () => {
    const rows = float32Rows(3, (i) => (i % 3 === 1 ? Math.atan : Math.cos));
    const x = [-0.002386883529094747, 3719.4784781014237, -4245.6147378754495];
    const r = jacobian(rowsOf(rows), x);
    covers(r, 4, 1, 1 / (1 + x[1] * x[1])); // 7.228…e-8
  });
});

describe("the rows' noise tables give the same bits in every loop", () => {
  const n = 3;
  const rows = noisyRows(18, n, (i) => (i % 3 === 0 ? 1e-10 : i % 3 === 1 ? 1e-13 : 0));
  const F = rowsOf(rows);
  const x = [0.4, -1.3, 2.5];
  const batchedF = (b: Float64Array): number[][] =>
    Array.from({ length: b.length / n }, (_, r) => F(b.subarray(n * r, n * (r + 1))));

  it("sync, the general path, batched, async and async batched: values, errors, statuses and calls", async () => {
    const sync = bits(jacobian(F, x));
    expect(bits(jacobianViaGeneral(F, x))).toBe(sync);
    expect(bits(jacobian(batchedF, x, { batch: true }))).toBe(sync);
    expect(bits(await jacobianAsync(async (p: Float64Array) => F(p), x, { concurrency: 3 }))).toBe(sync);
    expect(bits(await jacobianAsync(batchedF, x, { batch: true }))).toBe(sync);
  });

  it("every entry of the noisy rows covers its truth", () => {
    const r = jacobian(F, x);
    for (let i = 0; i < rows.length; i++) {
      const own = BASES[i % BASES.length];
      const t = x[i % n];
      const dOwn = [Math.cos(t), -Math.sin(t), 1 - Math.tanh(t) ** 2, atanPrime(t), Math.exp(t)][i % 5];
      expect(own).toBeDefined();
      covers(r, i, i % n, dOwn);
      covers(r, i, (i + 1) % n, atanPrime(x[(i + 1) % n]));
    }
  });
});

describe("a kink just beside x (jacobian-sides.ts)", () => {
  it("the error of a not-differentiable entry holds the one-sided slopes extrapolated (before: −0.41002 ± 0.0136, truth −0.39373)", () => {
    const c = 0.23798292649693148; // the kink, 6.6e-12 left of x₁
    const rows: Row[] = Array.from({ length: 18 }, (_, i) =>
      i === 11
        ? (x) => 1 / (1 + x[1] * x[1]) + 0.032575768890206545 * Math.max(0, x[1] - c) + Math.atan(x[0])
        : (x) => Math.sin(x[i % 2] * (1 + i / 10)) + Math.atan(x[(i + 1) % 2]),
    );
    const x = [0.5508396152313534, 0.2379829265035472];
    const r = jacobian(rowsOf(rows), x);
    // Right of the kink: the right slope, −2t/(1 + t²)² + 0.0326 = −0.3937338…
    const t = x[1];
    covers(r, 11, 1, (-2 * t) / (1 + t * t) ** 2 + 0.032575768890206545);
    // The derivative exists at x (the kink is beside it): the row's noise tables both spike at x, so
    // its entries go through derivative()'s pipeline (row-check.ts), which finds the right slope, as
    // derivative() does on the row alone: −0.3937338131090 ± 8.3e-11, noise-limited (it was
    // "not-differentiable" ± 0.0136 from the one-sided check alone).
    expect(STATUSES[r.statuses[11][1]]).toBe("noise-limited");
    expect(r.error[11][1]).toBeLessThan(1e-9);
  });
});
