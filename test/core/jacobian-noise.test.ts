import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { derivative, jacobian, STATUSES } from "../../src/core/index.js";
import { jacobian as jacobianAsync } from "../../src/core/async/index.js";
import { COLUMN_FLAG } from "../../src/core/column-state.js";
import { float32Result, FLOAT32_UNIT_ROUNDOFF } from "../../src/core/float32.js";
import { jacobianViaGeneral } from "../../src/core/jacobian.js";
import { needsRecheck } from "../../src/core/jacobian-recheck.js";
import { hashNoise } from "../fixtures/noise-hash.js";
import { bits } from "./jacobian-bits.js";
import { later } from "./out-of-order.js";

const f32 = Math.fround;
const OK = 0;
const NOISE_LIMITED = STATUSES.indexOf("noise-limited");

/** F of 2 variables, batched: a row-major block of points in, one result per point out. */
const batched =
  (F: (x: Float64Array) => number[]) =>
  (b: Float64Array): number[][] =>
    Array.from({ length: b.length / 2 }, (_, r) => F(b.slice(2 * r, 2 * r + 2)));

/** Relative noise of size `level` from the bits of both coordinates (deterministic, as the hostile set's). */
const noise = (x: Float64Array, level: number, seed: number): number =>
  1 + level * hashNoise(x[0], (seed + Math.floor(1e9 * hashNoise(x[1], seed))) >>> 0);

describe("Jacobian entries of a float32 or noisy F (jacobian-recheck.ts)", () => {
  it("a float32 component is noise-limited with an error that covers the truth (before: 0 ± 1e-6, ok)", () => {
    const x0 = -0.7173938751220703; // a float32 number
    const r = jacobian((x) => [f32(Math.tanh(f32(x[0]))), x[1] * x[1]], [x0, 1]);
    const truth = 1 - Math.tanh(x0) ** 2; // 0.62141524…
    expect(r.statuses[0][0]).toBe(NOISE_LIMITED);
    expect(Math.abs(r.value[0][0] - truth)).toBeLessThanOrEqual(r.error[0][0]);
    // As accurate as float32 values allow (rounding 6e-8 relative): within 1e-4, not a wild guess.
    expect(r.error[0][0]).toBeLessThan(1e-4);
    // The smooth double component keeps its status and its double accuracy (truth 2 and 0).
    expect(r.statuses[1][1]).toBe(OK);
    expect(Math.abs(r.value[1][1] - 2)).toBeLessThan(1e-12);
    expect(r.value[1][0]).toBe(0);
    expect(r.status).toBe("noise-limited");
  });

  it("a component with relative noise 1e-8 is noise-limited and covers the truth; the smooth one beside it stays ok, bit for bit", () => {
    const F = (x: Float64Array): number[] => [
      Math.exp(x[0]) * x[1] * noise(x, 1e-8, 3),
      Math.sin(x[0]) + x[1] ** 3,
    ];
    const x = [0.3, 1.7];
    const r = jacobian(F, x);
    const truth = [Math.exp(0.3) * 1.7, Math.exp(0.3)]; // ∂/∂x₀ and ∂/∂x₁ of eˣ⁰·x₁ without the noise
    // The row's measured noise (small-row-noise.ts) is in every entry's model; an entry is noise-limited
    // where its share is at least half the error, and the Jacobian is as a whole.
    expect(r.status).toBe("noise-limited");
    expect(r.statuses[0]).toContain(NOISE_LIMITED);
    for (let j = 0; j < 2; j++) {
      expect(Math.abs(r.value[0][j] - truth[j])).toBeLessThanOrEqual(r.error[0][j]);
      // The noise-limited error of a central difference: about ε^(2/3)·|f‴|^(1/3) ≈ 1e-5 here.
      expect(r.error[0][j]).toBeLessThan(1e-4);
    }
    const alone = jacobian((v) => [Math.sin(v[0]) + v[1] ** 3], x);
    expect(Array.from(r.value[1])).toEqual(Array.from(alone.value[0]));
    expect(Array.from(r.error[1])).toEqual(Array.from(alone.error[0]));
    expect(Array.from(r.statuses[1])).toEqual([OK, OK]);
    expect(Math.abs(r.value[1][0] - Math.cos(0.3))).toBeLessThan(1e-12);
    expect(Math.abs(r.value[1][1] - 3 * 1.7 ** 2)).toBeLessThan(1e-12);
  });

  it("an entry is derivative()'s result along its coordinate, bit for bit", () => {
    const F = (x: Float64Array): number[] => [f32(Math.exp(f32(x[0] * x[1]))), x[0] + x[1]];
    const x = [0.41, -1.3];
    const r = jacobian(F, x);
    for (let j = 0; j < 2; j++) {
      const d = derivative((t) => F(Float64Array.from(x, (v, i) => (i === j ? t : v)))[0], x[j]);
      expect([r.value[0][j], r.error[0][j], STATUSES[r.statuses[0][j]]]).toEqual([
        d.value,
        d.error,
        d.status,
      ]);
    }
  });

  it("a smooth F calls F no more than before for its columns (the documented 13 calls of [x₀x₁, x₀ + x₁] at [2, 3]), and 2 for the row check (small-row-noise.ts)", () => {
    const r = jacobian((x) => [x[0] * x[1], x[0] + x[1]], [2, 3]);
    expect(r.evaluations).toBe(13 + 2);
    expect(r.status).toBe("ok");
  });

  it("an infinite slope is not-finite, as derivative() says (before: a large finite value with no error, ok)", () => {
    const r = jacobian((x) => [Math.sqrt(x[0] - 1), x[1]], [1, 0]);
    expect(r.value[0][0]).toBeNaN();
    expect(STATUSES[r.statuses[0][0]]).toBe("not-finite");
  });

  it("a Jacobian of 16 components or more (screened columns) rechecks its noisy entries too", () => {
    const G = (v: Float64Array): number[] =>
      Array.from({ length: 20 }, (_, i) =>
        i === 5 ? f32(Math.sin(f32(v[0]))) : i === 9 ? v[1] * v[1] * noise(v, 1e-9, i) : v[0] * i + v[1],
      );
    const x = [0.8, 1.1];
    const r = jacobian(G, x);
    expect(r.statuses[5][0]).toBe(NOISE_LIMITED);
    expect(Math.abs(r.value[5][0] - Math.cos(0.8))).toBeLessThanOrEqual(r.error[5][0]);
    expect(Math.abs(r.value[9][1] - 2.2)).toBeLessThanOrEqual(r.error[9][1]);
    expect(r.statuses[3][0]).toBe(OK);
    expect(Math.abs(r.value[3][0] - 3)).toBeLessThan(1e-12);
  });
});

describe("a float32 component constant along x_j", () => {
  it("is settled as constant, with no recheck, whether the column is screened (16 components or more) or not: the same entries", () => {
    const F = (x: Float64Array): number[] => [f32(Math.exp(f32(x[0]))), x[0] * x[1]];
    const padded = (x: Float64Array): number[] => [...F(x), ...Array.from({ length: 15 }, (_, i) => i)];
    const x = [0.37, 1.9];
    const small = jacobian(F, x);
    const screened = jacobian(padded, x);
    for (let k = 0; k < 2; k++) {
      expect(Array.from(screened.value[k])).toEqual(Array.from(small.value[k]));
      expect(Array.from(screened.error[k])).toEqual(Array.from(small.error[k]));
      expect(Array.from(screened.statuses[k])).toEqual(Array.from(small.statuses[k]));
    }
    // Column 1 (x₁ alone moves) costs the calls of the same column with a double constant in its place
    // (the rows' noise tables of small-row-noise.ts, which column 0's recheck calls for, move both).
    const along1 = (G: (x: Float64Array) => number[]): number => {
      let calls = 0;
      jacobian((v: Float64Array) => (v[0] === x[0] && v[1] !== x[1] && calls++, G(v)), x);
      return calls;
    };
    expect(along1(F)).toBe(along1((v) => [1.5, v[0] * v[1]]));
    // ∂/∂x₁ of the float32 component: exactly 0, ok; ∂/∂x₀: rechecked, noise-limited, covering e^0.37.
    expect([small.value[0][1], small.statuses[0][1]]).toEqual([0, OK]);
    expect(small.statuses[0][0]).toBe(NOISE_LIMITED);
    expect(Math.abs(small.value[0][0] - Math.exp(0.37))).toBeLessThanOrEqual(small.error[0][0]);
  });
});

describe("a float32 component that moves by less than its float32 step along x_j", () => {
  it("is 0 with an error of the float32 step it may hide (truth 1e-8; before: 0 ± 1e-14), on every path", () => {
    const F = (x: Float64Array): number[] => [f32(1 + f32(1e-8 * x[0]) + f32(x[1])), x[0] * x[1]];
    const padded = (x: Float64Array): number[] => [...F(x), ...Array.from({ length: 15 }, (_, i) => i)];
    const x = [0.37, 1.9];
    const r = jacobian(F, x);
    expect(r.value[0][0]).toBe(0);
    expect(r.statuses[0][0]).toBe(OK);
    expect(r.error[0][0]).toBeGreaterThanOrEqual(1e-8);
    // No wider than float32 allows: 2⁻²⁴·|F(x)|/h at the settling step h ≈ 1/128.
    expect(r.error[0][0]).toBeLessThan(1e-4);
    for (const other of [jacobianViaGeneral(F, x), jacobian(padded, x)]) {
      expect([other.value[0][0], other.error[0][0], other.statuses[0][0]]).toEqual([0, r.error[0][0], OK]);
    }
  });
});

describe("the recheck on every loop (sync common and general paths, batched, async)", () => {
  const KINDS: Record<string, (x: Float64Array) => number> = {
    float32: (x) => f32(Math.tanh(f32(x[0]) * f32(x[1]))),
    noisy: (x) => Math.exp(x[0]) * x[1] * noise(x, 1e-10, 1),
    noisier: (x) => Math.cos(x[0] - x[1]) * noise(x, 1e-6, 2),
    smooth: (x) => x[0] * x[0] * x[1],
    // A small difference of large terms (atan near ±π/2): noise measured in the column (jacobian-noise.ts).
    cancelling: (x) => Math.atan(1e4 * x[0]) + Math.atan(-1.1e4 * x[1]),
  };
  const NAMES = Object.keys(KINDS);
  const CASE = fc.record({
    components: fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 }),
    screened: fc.boolean(),
    x: fc.tuple(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true })),
    seed: fc.integer({ min: 0, max: 1000 }),
  });

  it("gives the same values, errors, statuses and calls of F, bit for bit", async () => {
    await fc.assert(
      fc.asyncProperty(CASE, async (c) => {
        // Screened: padded to 17 components (16 or more: the column's flat ones settled by the screen).
        const F = (x: Float64Array): number[] => {
          const out = c.components.map((name) => KINDS[name](x));
          return c.screened ? [...out, ...Array.from({ length: 17 - out.length }, (_, i) => i)] : out;
        };
        const want = bits(jacobian(F, c.x));
        expect(bits(jacobianViaGeneral(F, c.x))).toBe(want);
        expect(bits(jacobian(batched(F), c.x, { batch: true }))).toBe(want);
        const async1 = await jacobianAsync(later(F, c.seed), c.x, { concurrency: 3 });
        expect(bits(async1)).toBe(want);
        const async2 = await jacobianAsync(later(batched(F), c.seed), c.x, { batch: true });
        expect(bits(async2)).toBe(want);
      }),
      { numRuns: 25, seed: 10 },
    );
  });
});

describe("needsRecheck and float32Result", () => {
  const kept = (value: number, error: number, step: number) => ({
    value: Float64Array.of(value),
    error: Float64Array.of(error),
    step: Float64Array.of(step),
  });

  it("flag noise at or above the estimate's step, no error estimate, and float32 errors below float32 rounding", () => {
    expect(needsRecheck(kept(1, 1e-12, 1e-3), 0, COLUMN_FLAG.noisy, 1e-3, 1, 1, false)).toBe(true);
    expect(needsRecheck(kept(1, 1e-12, 1e-4), 0, COLUMN_FLAG.noisy, 1e-3, 1, 1, false)).toBe(true);
    // Exactly 0 from rows that settled again below the "noise": F flat beside a kink near x.
    expect(needsRecheck(kept(0, 1e-16, 1e-4), 0, COLUMN_FLAG.noisy, 1e-3, 0, 1, false)).toBe(false);
    expect(needsRecheck(kept(1, NaN, 1e-3), 0, 0, NaN, 1, 1, false)).toBe(true);
    expect(needsRecheck(kept(1, NaN, 1e-3), 0, 0, NaN, Infinity, 1, false)).toBe(false); // a pole: not-finite already
    expect(needsRecheck(kept(1, 1e-12, 1e-3), 0, 0, NaN, 1, 1, false)).toBe(false);
    // float32: the error of a difference at h = 1e-3 is at least 2⁻²⁴·|f|/h ≈ 6e-5.
    expect(needsRecheck(kept(1, 1e-12, 1e-3), 0, 0, NaN, 1, 1, true)).toBe(true);
    expect(needsRecheck(kept(1, 1e-3, 1e-3), 0, 0, NaN, 1, 1, true)).toBe(false);
    expect(needsRecheck(kept(0, 1, 1e-3), 0, 0, NaN, 1, 1, true)).toBe(true);
  });

  it("tells float32 results from doubles and from exact arithmetic on short numbers", () => {
    expect(float32Result(f32(Math.tanh(0.3)))).toBe(true);
    expect(float32Result(f32(1 / 3))).toBe(true);
    expect(float32Result(Math.tanh(0.3))).toBe(false);
    for (const v of [6, 0.5, 1.25, 2 ** 100, 0, -0, NaN, Infinity, 1 + 2 ** -15])
      expect(float32Result(v)).toBe(false);
    expect(float32Result(1 + 2 ** -16)).toBe(true); // 17 bits
    expect(float32Result(-(1 + 2 ** -23))).toBe(true);
    expect(FLOAT32_UNIT_ROUNDOFF).toBe(2 ** -24);
  });
});
