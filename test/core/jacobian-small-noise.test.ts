import { describe, expect, it } from "vitest";
import { jacobian, STATUSES } from "../../src/core/index.js";
import { jacobian as jacobianAsync } from "../../src/core/async/index.js";
import { jacobianViaGeneral } from "../../src/core/jacobian.js";
import { HELD_COLUMNS } from "../../src/core/jacobian-column.js";
import { NOISE_POINTS } from "../../src/core/noise.js";
import { hashNoise } from "../fixtures/noise-hash.js";
import { bits } from "./jacobian-bits.js";

/**
 * A 32-bit salt from the bits of every coordinate, as the honesty scan salts its noise
 * (bench/honesty/sums.ts): a noisy row's noise changes whichever coordinate moves, as a simulation's.
 */
const saltOf = (x: ArrayLike<number>): number => {
  let s = 0;
  for (let k = 0; k < x.length; k++) s ^= Math.floor((hashNoise(x[k], 0x5eed + k) + 1) * 2 ** 31);
  return s >>> 0;
};

/** One row of the scan's shape: g(x_a) with noise of `level` (absolute, or relative), + atan(x_{a+1 mod n}). */
interface Row {
  g: (t: number) => number;
  dg: (t: number) => number;
  level: number;
  seed: number;
  relative?: boolean;
  /** A constant subtracted from g (the scan's cancellation: g(t) − C with C near g(x)). */
  shift?: number;
}

/** The scan's F: row i is its g at x_{i mod n}, noisy, plus atan(x_{(i+1) mod n}). */
function scanF(rows: Row[], n: number): (x: ArrayLike<number>) => number[] {
  return (x) => {
    const salt = saltOf(x);
    return rows.map((r, i) => {
      const t = x[i % n];
      const noise = r.level === 0 ? 0 : r.level * hashNoise(t, (r.seed ^ salt) >>> 0);
      const g = r.shift === undefined ? r.g(t) : r.g(t) - r.shift;
      return (r.relative === true ? g * (1 + noise) : g + noise) + Math.atan(x[(i + 1) % n]);
    });
  };
}

/** The truth of entry (i, j) of scanF's F: g′ in its own column, atan′ in the next, else 0. */
function truthOf(rows: Row[], n: number, x: number[], i: number, j: number): number {
  if (j === i % n) return rows[i].dg(x[j]);
  return j === (i + 1) % n ? 1 / (1 + x[j] * x[j]) : 0;
}

/** Every entry honest: its error covers its true error (no entry here lacks a derivative). */
function expectHonest(r: { value: Float64Array[]; error: Float64Array[] }, rows: Row[], x: number[]): void {
  for (let i = 0; i < rows.length; i++)
    for (let j = 0; j < x.length; j++) {
      const truth = truthOf(rows, x.length, x, i, j);
      expect(Math.abs(r.value[i][j] - truth), `entry [${i}][${j}]`).toBeLessThanOrEqual(r.error[i][j]);
    }
}

const sin = { g: Math.sin, dg: Math.cos };
const cos = { g: Math.cos, dg: (t: number) => -Math.sin(t) };
const tanh = { g: Math.tanh, dg: (t: number) => 1 - Math.tanh(t) ** 2 };
const atan = { g: Math.atan, dg: (t: number) => 1 / (1 + t * t) };
const exp = { g: Math.exp, dg: Math.exp };
const sqrt = { g: Math.sqrt, dg: (t: number) => 0.5 / Math.sqrt(t) };
const witch = { g: (t: number) => 1 / (1 + t * t), dg: (t: number) => (-2 * t) / (1 + t * t) ** 2 };
const cubic = { g: (t: number) => t * t * t - 2 * t, dg: (t: number) => 3 * t * t - 2 };

/** The honesty scan's small Jacobians (jacobian m < 16), each dishonest before (its entry and answer). */
const SCAN_CASES: { name: string; rows: Row[]; x: number[] }[] = [
  {
    // [3][1] = atan′(x₁) = 0.999399…: 0.999399 ± 5.3e-13, ok, 2.3e-9 off (4280 times its error).
    name: "noise-absolute: atan(x₀) + 1e-11·noise + atan(x₁), entry [3][1]",
    rows: [
      { ...tanh, level: 5.57612079270237e-7, seed: 1170481977 },
      { ...cos, level: 3.7166555233899196e-7, seed: 766588971 },
      { ...tanh, level: 1.9321816856712744e-10, seed: 871335803 },
      { ...atan, level: 1.0175547780426035e-11, seed: 1971281966 },
    ],
    x: [-2, -0.0245249116425835, 12.24184104327774],
  },
  {
    // [2][2] = (1/(1 + t²))′ at −0.0516 = 0.102677…: 0.102677 ± 4.7e-13, ok, 13,700 times its error off.
    name: "noise-absolute: 1/(1 + x₂²) + 1.1e-10·noise + atan(x₃), entry [2][2]",
    rows: [
      { ...exp, level: 7.937433702136237e-8, seed: 1858433407 },
      { ...cos, level: 1.6128697101385992e-14, seed: 966669142 },
      { ...witch, level: 1.1318030143040864e-10, seed: 1941880608 },
      { ...atan, level: 3.830993176385632e-8, seed: 1315435959 },
      { ...cos, level: 2.915455225960111e-14, seed: 1509490445 },
      { ...sqrt, level: 5.307511241513386e-7, seed: 1069914722 },
    ],
    x: [0, 80.74251374803684, -0.051612596520862836, 12.526986190668747],
  },
  {
    // [4][1] = atan′(−0.0191) = 0.999636…: 0.999636 ± 6.1e-13, ok, 311 times its error off.
    name: "noise-relative: atan(x₁)·(1 + 1.6e-11·noise) + atan(x₂), entry [4][1]",
    rows: [
      { ...tanh, level: 5.475736020616959e-13, seed: 504808346, relative: true },
      { ...tanh, level: 5.0630301208911146e-12, seed: 1083981001, relative: true },
      { ...exp, level: 1.840974135886099e-8, seed: 1452894478, relative: true },
      { ...cubic, level: 2.611751566528032e-9, seed: 63783069, relative: true },
      { ...atan, level: 1.555968815476786e-11, seed: 501846887, relative: true },
      { ...exp, level: 5.417125438826535e-10, seed: 323112582, relative: true },
      { ...sin, level: 2.0644475394683305e-8, seed: 1992908874, relative: true },
    ],
    x: [283.71247062285516, -0.019082651379892367, -11.89966649301945],
  },
];

/**
 * The scan's small Jacobians of cancellation (g(t) − C with C near g(x): F_k far below its terms, whose
 * rounding the columns' model, relative to |F_k|, does not hold), caught by the row check.
 */
const CANCELLATION_CASES: { name: string; rows: Row[]; x: number[] }[] = [
  {
    // [0][0] = −sin(−0.1118) = 0.111573…: 0.111573 ± 9.7e-17, ok, 86 times its error off.
    name: "cos(x₀) − 0.99378 + atan(x₁) at x₁ = 0 (F_0 ≈ 5e-13, its terms 0.994), entry [0][0]",
    rows: [
      { ...cos, level: 0, seed: 0, shift: 0.9937821456718653 },
      { ...cos, level: 0, seed: 0, shift: 0.9999996077962611 },
      { ...sin, level: 0, seed: 0, shift: -0.7754452969510095 },
      { ...exp, level: 0, seed: 0, shift: 0.8942174724969933 },
    ],
    x: [-0.11180596386376149, 0, 4.027868462082239],
  },
  {
    // [1][1] = 1/5: 0.2 ± 1.9e-16, ok, 41 times its error off.
    name: "log(x₁) − 1.6094 + atan(x₂) at x₂ = 0, entry [1][1]",
    rows: [
      { ...tanh, level: 0, seed: 0, shift: -1.006663685502831 },
      { g: Math.log, dg: (t: number) => 1 / t, level: 0, seed: 0, shift: 1.6093990605331159 },
      { ...cos, level: 0, seed: 0, shift: 1.0000150610133478 },
      { ...cos, level: 0, seed: 0, shift: 0.968366106569217 },
      { ...exp, level: 0, seed: 0, shift: 148.4131591391787 },
      { ...sin, level: 0, seed: 0, shift: -0.001547409566357565 },
    ],
    x: [-81.42921022450054, 5, 0],
  },
];

/**
 * F counting its calls that move more than one coordinate of x: the row check's 2 (x ± δ) and the rows'
 * noise tables' (columns move one coordinate).
 */
function counting(F: (x: Float64Array) => number[], x: number[]) {
  let tables = 0;
  const G = (v: Float64Array): number[] => {
    let moved = 0;
    for (let k = 0; k < x.length; k++) if (v[k] !== x[k]) moved++;
    if (moved > 1) tables++;
    return F(v);
  };
  return { G, tables: () => tables };
}

/** The row check's calls of F (small-row-noise.ts, checkRows). */
const CHECK = 2;

describe("a small Jacobian (m < 16) measures its rows' noise where a column sees noise (small-row-noise.ts)", () => {
  for (const c of SCAN_CASES) {
    it(`every entry covers its truth: ${c.name}`, () => {
      const F = scanF(c.rows, c.x.length);
      const { G, tables } = counting(F, c.x);
      const r = jacobian(G, c.x);
      expectHonest(r, c.rows, c.x);
      expect(r.status).toBe("noise-limited");
      expect(tables()).toBeGreaterThanOrEqual(2 * (NOISE_POINTS - 1)); // the two tables, at least
    });
  }

  for (const c of CANCELLATION_CASES) {
    it(`every entry covers its truth where the rounding of large terms shows: ${c.name}`, () => {
      const F = scanF(c.rows, c.x.length);
      const { G, tables } = counting(F, c.x);
      const r = jacobian(G, c.x);
      expectHonest(r, c.rows, c.x);
      // The tables ran: after the row check (the first), or a column that saw the rounding (the second).
      expect(tables()).toBeGreaterThanOrEqual(2 * (NOISE_POINTS - 1));
    });
  }

  it("sync, the general path, batched and async give the same bits and calls (a noisy F: every column again)", async () => {
    const c = SCAN_CASES[0];
    const n = c.x.length;
    const F = scanF(c.rows, n);
    const batchedF = (b: Float64Array): number[][] =>
      Array.from({ length: b.length / n }, (_, r) => F(b.subarray(n * r, n * (r + 1))));
    const sync = bits(jacobian(F, c.x));
    expect(bits(jacobianViaGeneral(F, c.x))).toBe(sync);
    expect(bits(jacobian(batchedF, c.x, { batch: true }))).toBe(sync);
    expect(bits(await jacobianAsync(async (p: Float64Array) => F(p), c.x, { concurrency: 3 }))).toBe(sync);
    expect(bits(await jacobianAsync(batchedF, c.x, { batch: true }))).toBe(sync);
  });
});

describe("a small Jacobian whose columns see no noise calls F for no table, only the row check's 2", () => {
  const smooth: [string, (x: Float64Array) => number[], number[]][] = [
    ["the README's 2 × 2", (x) => [x[0] ** 2 + x[1] ** 2, x[0] ** 3 + x[1] ** 3], [1, 2]],
    [
      "exp·sin, 3 × 3",
      (x) => [Math.exp(x[0]) * Math.sin(x[1]), x[1] * x[2], Math.log(x[2]) + x[0]],
      [0.3, 1.2, 2],
    ],
    // sin at 874: its columns' big steps alias, so an entry is computed again (jacobian-recheck.ts),
    // and derivative()'s pipeline finds no noise there: no table.
    [
      "sin at 874",
      (x) => [Math.sin(x[1]) + Math.atan(x[0]), x[0] ** 3 - 2 * x[0] + Math.atan(x[1])],
      [-1323.55, 873.95],
    ],
  ];
  for (const [name, F, x] of smooth) {
    it(name, () => {
      const { G, tables } = counting(F, x);
      const r = jacobian(G, x);
      expect(tables()).toBe(CHECK);
      expect(r.status).toBe("ok");
    });
  }

  it("the README's 2 × 2 takes 15 calls: 13 for its columns, as before, and 2 for the row check", () => {
    expect(jacobian((x) => [x[0] ** 2 + x[1] ** 2, x[0] ** 3 + x[1] ** 3], [1, 2]).evaluations).toBe(
      13 + CHECK,
    );
  });

  it("with a tolerance or a budget, no row check (as derivative()'s noise check)", () => {
    const F = (x: Float64Array): number[] => [x[0] ** 2 + x[1] ** 2, x[0] ** 3 + x[1] ** 3];
    for (const o of [{ rtol: 1e-8 }, { atol: 1e-12 }, { maxEvaluations: 40 }]) {
      const { G, tables } = counting(F, [1, 2]);
      jacobian(G, [1, 2], o);
      expect(tables()).toBe(0);
    }
  });
});

describe("a small Jacobian whose columns saw noise where its rows' tables find none", () => {
  // max(0, x₀ − 1e-6)² + cos(x₀) at 0: its second derivative jumps 1e-6 from x, which column 0 takes
  // for noise; the tables find none, and the column resumes where it stopped.
  const F = (x: Float64Array): number[] => [Math.max(0, x[0] - 1e-6) ** 2 + Math.cos(x[0]), x[1] + x[0]];
  const x = [0, 2];

  it("keeps the columns' result (the same as before, bit for bit: -7.283718635638554e-8 ± 0.0087) for the tables' 16 calls", () => {
    const { G, tables } = counting(F, x);
    const r = jacobian(G, x);
    expect(tables()).toBe(2 * (NOISE_POINTS - 1));
    // Before: these values, errors and statuses, in 43 calls (the error 0.00874882355806851 until the
    // first-order run's tail was carried one row, kink-test.ts runTail: the join of f″ 1e-6 from x).
    expect(r.value[0][0]).toBe(-7.283718635638554e-8);
    expect(r.error[0][0]).toBe(0.008749644920794539);
    expect(STATUSES[r.statuses[0][0]]).toBe("noise-limited");
    expect(r.evaluations).toBe(43 + 2 * (NOISE_POINTS - 1));
    expect(Math.abs(r.value[0][0] - 0)).toBeLessThanOrEqual(r.error[0][0]); // truth −sin(0) + 0 = 0
    expect(Math.abs(r.value[1][0] - 1)).toBeLessThan(1e-12);
  });

  it("sync, the general path, batched and async give the same bits and calls (the column put aside, resumed)", async () => {
    // Also with the kink in the second of three coordinates: the column resumed is not the first.
    const G = (v: Float64Array): number[] => [v[0] + v[2], ...F(Float64Array.of(v[1], v[0])), Math.sin(v[2])];
    for (const [H, at] of [
      [F, x],
      [G, [2, 0, 0.5]],
    ] as const) {
      const n = at.length;
      const batchedH = (b: Float64Array): number[][] =>
        Array.from({ length: b.length / n }, (_, r) => H(b.subarray(n * r, n * (r + 1))));
      const sync = bits(jacobian(H, at));
      expect(bits(jacobianViaGeneral(H, at))).toBe(sync);
      expect(bits(jacobian(batchedH, at, { batch: true }))).toBe(sync);
      expect(bits(await jacobianAsync(async (p: Float64Array) => H(p), at, { concurrency: 3 }))).toBe(sync);
      expect(bits(await jacobianAsync(batchedH, at, { batch: true }))).toBe(sync);
    }
    // G's kinked entry is F's, the same bits, for the tables' calls and G's third column.
    const g = jacobian(G, [2, 0, 0.5]);
    expect(g.value[1][1]).toBe(-7.283718635638554e-8);
    expect(g.error[1][1]).toBe(0.008749644920794539);
  });
});

describe("columns put aside beyond HELD_COLUMNS keep no state and run again from their start", () => {
  // n = 70: the kinks that columns 3 and 65 take for noise (as above); the tables find none, column 3
  // resumes, column 65 (past the first 64) runs again from its start.
  const n = 70;
  const kink = (t: number): number => Math.max(0, t - 1e-6) ** 2 + Math.cos(t);
  const F = (x: Float64Array): number[] => {
    let b = 0;
    for (let j = 0; j < n; j++) b += x[j] * (j + 1);
    return [kink(x[65]) + kink(x[3]), b];
  };
  const x = Array.from({ length: n }, () => 0);

  it(`the same entries as before, bit for bit, in every loop, HELD_COLUMNS = ${HELD_COLUMNS}`, async () => {
    const r = jacobian(F, x);
    // Before: these entries (the kinked ones as the 2-variable F's), in 481 calls.
    for (const j of [3, 65]) {
      expect(r.value[0][j]).toBe(-7.285012139214409e-8);
      expect(r.error[0][j]).toBe(0.008749645975590694); // 0.008748825413868115 before runTail
    }
    expect(r.evaluations).toBeGreaterThan(481 + 2 * (NOISE_POINTS - 1)); // column 65's first run again
    const batchedF = (b: Float64Array): number[][] =>
      Array.from({ length: b.length / n }, (_, i) => F(b.subarray(n * i, n * (i + 1))));
    const sync = bits(r);
    expect(bits(jacobian(batchedF, x, { batch: true }))).toBe(sync);
    expect(bits(await jacobianAsync(async (p: Float64Array) => F(p), x, { concurrency: 3 }))).toBe(sync);
  });
});

describe("a given noise reaches a small Jacobian (before: ignored)", () => {
  const F = (x: Float64Array): number[] => [Math.exp(x[0]) * x[1], x[0] + x[1]];
  const x = [0.3, 1.7];

  it("`noise: 1e-8` is in every entry's model: noise-limited, with the error it allows (before: 4.4e-13, ok)", () => {
    const { G, tables } = counting(F, x);
    const r = jacobian(G, x, { noise: 1e-8 });
    expect(tables()).toBe(0); // the levels are given
    expect(STATUSES[r.statuses[0][0]]).toBe("noise-limited");
    // A central difference with noise 1e-8 on values near 2.3: an error about (1e-8)^(2/3) ≈ 5e-6.
    expect(r.error[0][0]).toBeGreaterThan(1e-7);
    expect(r.error[0][0]).toBeLessThan(1e-4);
    expect(Math.abs(r.value[0][0] - Math.exp(0.3) * 1.7)).toBeLessThanOrEqual(r.error[0][0]);
  });

  it("with `errors: false` the values are the same", () => {
    const withErrors = jacobian(F, x, { noise: 1e-8 });
    const without = jacobian(F, x, { noise: 1e-8, errors: false });
    expect(without.value.map((row) => Array.from(row))).toEqual(
      withErrors.value.map((row) => Array.from(row)),
    );
  });
});
