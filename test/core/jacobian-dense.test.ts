import { describe, expect, it } from "vitest";
import { STATUSES, derivative, jacobian } from "../../src/core/index.js";
import { jacobian as jacobianAsync } from "../../src/core/async/index.js";
import { baseStencil } from "../../src/core/driver.js";
import { ColumnPlan, FlatScreen, flatNoise } from "../../src/core/flat-screen.js";
import { ColumnState } from "../../src/core/column-state.js";
import { CHECK_EXCESS_SCALE, EPS, NOISE_CHECK_SIGNAL } from "../../src/core/constants.js";
import { SCREEN_COMPONENTS } from "../../src/core/jacobian-column.js";
import { NOISE_POINTS } from "../../src/core/noise.js";

/** F(x) = 2x + cos x elementwise (the scale benchmark's F), counting its calls. */
function diagonal(): { F: (x: Float64Array) => Float64Array; calls: () => number } {
  let calls = 0;
  const F = (x: Float64Array): Float64Array => {
    calls++;
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = 2 * x[i] + Math.cos(x[i]);
    return out;
  };
  return { F, calls: () => calls };
}

/** F's components followed by constants, up to SCREEN_COMPONENTS: a Jacobian the screen runs on. */
const padded =
  (F: (x: Float64Array) => number[]) =>
  (x: Float64Array): number[] => {
    const out = F(x);
    while (out.length < SCREEN_COMPONENTS) out.push(out.length);
    return out;
  };

const points = (n: number): Float64Array =>
  Float64Array.from({ length: n }, (_, i) => -5 + (10 * i) / (n - 1));

/** Every value, error and status of two Jacobians, bit for bit (NaN equal to NaN, -0 to -0). */
function bits(r: { value: Float64Array[]; error: Float64Array[]; statuses: Uint8Array[] }): string[] {
  const s = (a: ArrayLike<number>[]): string =>
    a.map((row) => Array.from(row, (v) => (Object.is(v, -0) ? "-0" : String(v))).join(",")).join(";");
  return [s(r.value), s(r.error), s(r.statuses)];
}

describe("the dense Jacobian settles components that do not depend on x_j", () => {
  it("a diagonal F costs, per column, exactly the calls of its one moving component (as a one-row Jacobian's column), plus the rows' noise tables once (tolerance 1e-12 on the diagonal, exactly 0 off it)", () => {
    const n = 300;
    const x = points(n);
    const { F, calls } = diagonal();
    // Column j's calls: those that move x_j alone.
    const along = new Int32Array(n);
    const r = jacobian((v: Float64Array) => {
      let moved = -1;
      for (let j = 0; j < n && moved !== -2; j++) if (v[j] !== x[j]) moved = moved === -1 ? j : -2;
      if (moved >= 0) along[moved]++;
      return F(v);
    }, x);
    // F(x), the two noise tables of row-noise.ts (NOISE_POINTS − 1 calls each) once, and the columns.
    let total = 1 + 2 * (NOISE_POINTS - 1);
    for (let j = 0; j < n; j++) {
      total += along[j];
      const alone = jacobian((v) => [2 * v[0] + Math.cos(v[0])], [x[j]]);
      // A one-row Jacobian takes F(x) and, where its column saw no noise, the row check's 2 calls
      // (small-row-noise.ts); its column, the calls of column j here (row 136, noisy alone, measures
      // its row's noise after its column: not comparable).
      if (j !== 136) expect(along[j]).toBe(alone.evaluations - 1 - 2);
    }
    expect(r.evaluations).toBe(total);
    expect(calls()).toBe(total);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (i === j) expect(Math.abs(r.value[i][j] - (2 - Math.sin(x[i])))).toBeLessThan(1e-12);
        else expect(Object.is(r.value[i][j], 0)).toBe(true);
      }
    // Row 136's entry is noise-limited, as derivative() says of 2t + cos t there; every other is ok.
    expect(STATUSES[r.statuses[136][136]]).toBe("noise-limited");
    expect(derivative((t) => 2 * t + Math.cos(t), x[136]).status).toBe("noise-limited");
    r.statuses[136][136] = 0;
    expect(r.statuses.every((row) => row.every((c) => c === 0))).toBe(true);
  });

  it("a settled entry reports the rounding level of its last screened row, never 0", () => {
    const x = points(70);
    const { F } = diagonal();
    const r = jacobian(F, x);
    const plan = new ColumnPlan();
    const j = 3;
    const scale = Math.max(Math.abs(x[j]), 1);
    plan.make({ x: x[j], order: 1, scale, start: "central", canSwitch: true, probeOnly: false });
    const Fx = F(x);
    for (const i of [0, 40, 69]) {
      expect(r.error[i][j]).toBe(flatNoise(Fx[i], baseStencil("central", 1)) / plan.step);
      // 2·EPS·|F_i(x)|/h: a few ulps of F_i over the step
      expect(r.error[i][j]).toBeCloseTo((2 * EPS * Math.abs(Fx[i])) / plan.step, 25);
      expect(r.statuses[i][j]).toBe(0);
    }
  });

  it("a component equal to F(x) at the first step but not at the second runs the whole column (x³ − h₀²x)", () => {
    // At x = 0.5 the first step is 1/32: u³ − h₀²u vanishes at u = ±h₀ exactly, not at ±h₀/2.
    const h0 = 1 / 32;
    const u = (t: number): number => t - 0.5;
    const F = (x: Float64Array): number[] => [u(x[0]) ** 3 - h0 * h0 * u(x[0]), 2 * x[0], 7];
    const r = jacobian(padded(F), [0.5]);
    expect(Math.abs(r.value[0][0] - -h0 * h0)).toBeLessThan(1e-15);
    expect(r.error[0][0]).toBeGreaterThanOrEqual(Math.abs(r.value[0][0] - -h0 * h0));
    expect(r.value[2][0]).toBe(0);
  });

  it("a component equal to F(x) at the second step but not at the first runs the whole column (x³ − (h₀/2)²x)", () => {
    const h1 = 1 / 64;
    const u = (t: number): number => t - 0.5;
    const r = jacobian(
      padded((x) => [u(x[0]) ** 3 - h1 * h1 * u(x[0]), 1]),
      [0.5],
    );
    expect(Math.abs(r.value[0][0] - -h1 * h1)).toBeLessThan(1e-15);
    expect(r.error[0][0]).toBeGreaterThanOrEqual(Math.abs(r.value[0][0] - -h1 * h1));
  });

  it("a flat spot narrower than the first steps (max(0, t − x − 1e-3)) is not settled by the screen: the rows inside it give 0", () => {
    const r = jacobian(
      padded((x) => [Math.max(0, x[0] - 0.5 - 1e-3)]),
      [0.5],
    );
    expect(r.evaluations).toBeGreaterThan(1 + 4); // more than the screen's two rows
    expect(Math.abs(r.value[0][0])).toBeLessThanOrEqual(r.error[0][0]);
    expect(r.value[0][0]).toBe(0);
  });
});

describe("the dense Jacobian's loops agree bit for bit", () => {
  it("a small F (fewer than SCREEN_COMPONENTS outputs: the sync loop without generators) gives the batched pipeline's values, errors and statuses, and counts its calls", () => {
    const F = (x: Float64Array): number[] => [
      Math.exp(x[0]) * x[1],
      Math.abs(x[0]) + Math.max(0, x[1]),
      Math.floor(x[2]) + Math.sqrt(x[0]),
      Math.fround(Math.tanh(Math.fround(x[1]))),
      1 / x[2],
    ];
    const cases: [number[], object][] = [
      [[1, 2, 3], {}],
      [[0, 0, 0], {}],
      [[-1, 1e-9, 2.5], { method: "forward" }],
      [[0.3, -2, 1e-300], { order: 2 }],
      [
        [4, 0.5, 1],
        {
          bounds: [
            [0, 4],
            [-1, 1],
            [0, 2],
          ],
        },
      ],
      [[NaN, 1, 2], {}],
    ];
    for (const [x, options] of cases) {
      let calls = 0;
      const sync = jacobian((w: Float64Array) => (calls++, F(w)), x, options);
      let points = 0;
      const batch = jacobian(
        (b: Float64Array) =>
          Array.from({ length: b.length / 3 }, (_, r) => (points++, F(b.subarray(3 * r, 3 * r + 3)))),
        x,
        { ...options, batch: true },
      );
      expect(bits(sync), JSON.stringify(x)).toEqual(bits(batch));
      expect(sync.evaluations, JSON.stringify(x)).toBe(calls);
      // The batched loop evaluates whole rows; the sync one stops a row where every component is in trouble.
      expect(points, JSON.stringify(x)).toBeGreaterThanOrEqual(calls);
    }
  });

  it("a screened column gives its moving components the unscreened column's bits", () => {
    const h0 = 1 / 32;
    const u = (t: number): number => t - 0.5;
    const F = (x: Float64Array): number[] => [
      u(x[0]) ** 3 - h0 * h0 * u(x[0]),
      Math.sin(x[1]) * x[0],
      Math.abs(x[1]),
    ];
    for (const x of [
      [0.5, 0.25],
      [3, -2],
      [0.5, 0],
      [1e-9, 7],
    ]) {
      const alone = jacobian(F, x); // 3 components: not screened
      const screened = jacobian(padded(F), x);
      for (let i = 0; i < 3; i++) {
        expect(Array.from(screened.value[i])).toEqual(Array.from(alone.value[i]));
        expect(Array.from(screened.statuses[i])).toEqual(Array.from(alone.statuses[i]));
        // The small F's row check scales a row's errors by one factor where its change at x ± δ misses
        // the columns' by more than correct rounding allows (row-gaps.ts); the large F's does not.
        const scale = rowScale(alone.error[i], screened.error[i], alone.statuses[i]);
        expect(scale).toBeGreaterThanOrEqual(1);
        expect(scale).toBeLessThanOrEqual(CHECK_EXCESS_SCALE * NOISE_CHECK_SIGNAL);
        for (let j = 0; j < 2; j++) {
          // |x₁| at 0: the large F's noise tables see the kink at x, and its row's entries come from
          // derivative()'s pipeline (row-check.ts), whose half gap of the one-sided slopes is 1 + 1.3e-15.
          if (STATUSES[alone.statuses[i][j]] === "not-differentiable")
            expect(Math.abs(screened.error[i][j] - alone.error[i][j])).toBeLessThan(
              1e-14 * alone.error[i][j],
            );
          else if (scale === 1) expect(screened.error[i][j]).toBe(alone.error[i][j]);
          else
            expect(Math.abs(screened.error[i][j] * scale - alone.error[i][j])).toBeLessThanOrEqual(
              2 * EPS * alone.error[i][j],
            );
        }
      }
    }
  });

  /** The factor of a row's errors in `small` over those in `large` (one for the row, or 1), kinks aside. */
  function rowScale(small: ArrayLike<number>, large: ArrayLike<number>, codes: ArrayLike<number>): number {
    for (let j = 0; j < small.length; j++) {
      if (STATUSES[codes[j]] === "not-differentiable" || !(large[j] > 0 && large[j] < Infinity)) continue;
      if (small[j] !== large[j]) return small[j] / large[j];
    }
    return 1;
  }

  /** A sparse F on n variables: component i depends on x_i, x_{i+1} and (for i % 7 = 0) x_0. */
  const sparse = (x: Float64Array): number[] =>
    Array.from(
      x,
      (v, i) =>
        Math.sin(v) * (x[(i + 1) % x.length] + 2) + (i % 7 === 0 ? x[0] ** 2 : 0) + Math.log1p(Math.abs(v)),
    );

  it("sync, batched and async (columns finishing out of order) give the same values, errors and statuses over several blocks of 64 columns", async () => {
    const n = 150;
    const x = Float64Array.from({ length: n }, (_, i) => Math.cos(i) * 3);
    x[70] = NaN;
    x[5] = 1e-7; // a tiny x_j: two scales, not screened
    const sync = jacobian(sparse, x);
    const batch = jacobian(
      (b: Float64Array) =>
        Array.from({ length: b.length / n }, (_, r) => sparse(b.subarray(r * n, (r + 1) * n))),
      x,
      { batch: true },
    );
    let tick = 0;
    const async = await jacobianAsync(
      async (p: Float64Array) => {
        // Uneven delays: later columns may finish first.
        await new Promise((resolve) => setTimeout(resolve, (tick++ * 7) % 3));
        return sparse(p);
      },
      x,
      { concurrency: 8 },
    );
    expect(bits(batch)).toEqual(bits(sync));
    expect(bits(async)).toEqual(bits(sync));
    for (let i = 0; i < n; i++) {
      expect(sync.value[i][70]).toBeNaN();
      expect(sync.error[i][70]).toBeNaN();
    }
    // The truth where it is simple: ∂F_i/∂x_j = 0 for j not in {i, i+1, 0}.
    expect(sync.value[10][40]).toBe(0);
    expect(
      Math.abs(
        sync.value[10][10] - (Math.cos(x[10]) * (x[11] + 2) + Math.sign(x[10]) / (1 + Math.abs(x[10]))),
      ),
    ).toBeLessThan(1e-11);
  });

  it("errors: false: plain columns of 2 calls each, within 1e-9 of the truth, bit for bit in sync, batched and async", async () => {
    const n = 150;
    const x = points(n);
    const { F, calls } = diagonal();
    const sync = jacobian(F, x, { errors: false });
    expect(sync.evaluations).toBe(2 * n);
    expect(calls()).toBe(2 * n);
    expect(sync.error).toEqual([]);
    expect(sync.statuses).toEqual([]);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (i === j) expect(Math.abs(sync.value[i][j] - (2 - Math.sin(x[i])))).toBeLessThan(1e-9);
        else expect(Object.is(sync.value[i][j], 0)).toBe(true);
      }
    const batch = jacobian(
      (b: Float64Array) => Array.from({ length: b.length / n }, (_, r) => F(b.subarray(r * n, (r + 1) * n))),
      x,
      { batch: true, errors: false },
    );
    const async = await jacobianAsync(async (p: Float64Array) => F(p), x, { errors: false, concurrency: 4 });
    expect(bits(batch)[0]).toBe(bits(sync)[0]);
    expect(bits(async)[0]).toBe(bits(sync)[0]);
  });
});

describe("the screen", () => {
  it("plans the driver's first two rows: x ± h₀ and x ± h₀/2 for central differences", () => {
    const plan = new ColumnPlan();
    expect(
      plan.make({ x: 0.5, order: 1, scale: 1, start: "central", canSwitch: true, probeOnly: false }),
    ).toBe(true);
    expect(Array.from(plan.points.subarray(0, plan.count))).toEqual([
      0.5 - 1 / 32,
      0.5 + 1 / 32,
      0.5 - 1 / 64,
      0.5 + 1 / 64,
    ]);
    expect(plan.step).toBe(1 / 64);
  });

  it("does not plan a column that cannot start with its base stencil (x at the edge of the doubles)", () => {
    const plan = new ColumnPlan();
    const spec = {
      x: Number.MAX_VALUE,
      order: 1,
      scale: Number.MAX_VALUE,
      start: "central" as const,
      canSwitch: true,
      probeOnly: false,
    };
    expect(plan.make(spec)).toBe(false);
  });

  it("keeps the values of the components that moved, and F(x) for the points before they did", () => {
    const screen = new FlatScreen(3);
    const centre = Float64Array.of(1, 2, 3);
    screen.begin(2);
    expect(screen.take(0, [1, 2, 4], 0, centre)).toBe(0);
    expect(screen.take(1, [1, 5, NaN], 0, centre)).toBe(1);
    expect([screen.isFlat(0), screen.isFlat(1), screen.isFlat(2)]).toEqual([true, false, false]);
    expect([screen.value(0, 1, centre), screen.value(1, 1, centre), screen.value(1, 2, centre)]).toEqual([
      2,
      5,
      NaN,
    ]);
    const state = new ColumnState(3);
    expect(screen.activateMoved(state)).toBe(2);
    expect(Array.from(state.active.subarray(0, 2))).toEqual([1, 2]);
    expect(screen.take(1, null, 0, centre)).toBe(2);
    screen.begin(2); // a new column forgets what moved
    expect(screen.isFlat(1)).toBe(true);
  });

  it("refuses a result that is not an array of numbers, naming F and the index, at x or at a screened point", () => {
    const notNumber = "2" as unknown as number;
    for (const F of [
      (): number[] => [1, notNumber],
      (x: Float64Array) => (x[0] === 1 ? [1, 2] : [1, notNumber]),
    ]) {
      expect(() => jacobian(F, [1])).toThrow(
        expect.objectContaining({
          code: "NON_NUMERIC_RESULT",
          argument: "F",
          message: expect.stringContaining("at index 1"),
        }),
      );
    }
  });
});
