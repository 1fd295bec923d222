import { describe, expect, it } from "vitest";
import { jacobian } from "../../src/core/index.js";
import { COLUMN_FLAG } from "../../src/core/column-state.js";
import { firstOrderKept, holdToColumn } from "../../src/core/recheck-hold.js";
import { statusCode } from "../../src/core/status.js";

/**
 * A large F (16 rows) whose rows join smooth functions C1 at or beside x (a·max(0, t − c)², c 1.9e-11 to
 * 1.4e-8 from x: f″ jumps there), as the honesty scan's category "c1" (seed 1): row 0 gave 0.2812327057 ±
 * 3.0e-9 where the truth is 0.2812327020, its column converging like h. Truths are closed forms.
 */
describe("a large F with C1 joins at x", () => {
  const x = [-0.146736972076434, -0.6127950231385468];
  const relu2 = (u: number) => Math.max(0, u) ** 2;
  const G = [(t: number) => 1 / (1 + t * t), Math.tanh, Math.sin, Math.atan];
  const dG = [
    (t: number) => (-2 * t) / (1 + t * t) ** 2,
    (t: number) => 1 - Math.tanh(t) ** 2,
    Math.cos,
    (t: number) => 1 / (1 + t * t),
  ];
  const a = (k: number) => 0.0605 * (1 + k / 3);
  const c = (k: number) => x[k % 2] - (k < 2 ? 1.9e-11 : 1e-9 * k);
  const F = (v: ArrayLike<number>): number[] =>
    Array.from(
      { length: 16 },
      (_, k) => G[k % 4](v[k % 2]) + a(k) * relu2(v[k % 2] - c(k)) + Math.atan(v[(k + 1) % 2]),
    );

  it("covers every entry along its own coordinate (row 0 was 1.2 times short)", () => {
    const r = jacobian(F, x);
    expect(r.error[0][0]).toBeLessThan(1e-6);
    for (let k = 0; k < 16; k++) {
      const j = k % 2;
      const truth = dG[k % 4](x[j]) + 2 * a(k) * Math.max(0, x[j] - c(k));
      expect(r.error[k][j]).toBeGreaterThanOrEqual(Math.abs(r.value[k][j] - truth));
      // Joins 2e-9 to 1.4e-8 from x: derivative()'s one-sided columns straddle them, up to 1.5e-4 on main too.
      expect(r.error[k][j]).toBeLessThan(1e-3);
      // f′ exists: ok or noise-limited, never "not-differentiable".
      expect(r.statuses[k][j]).toBeLessThanOrEqual(statusCode("noise-limited"));
    }
  });
});

describe("holdToColumn", () => {
  const kept = (flags: number, noise = 0) => ({
    value: Float64Array.of(1),
    error: Float64Array.of(1e-9),
    flags: Int8Array.of(flags),
    noise: Float64Array.of(noise),
  });
  const recheck = (value: number, error: number, status: string) => ({
    value: Float64Array.of(value),
    error: Float64Array.of(error),
    code: Int16Array.of(statusCode(status as "ok")),
  });

  it("reaches past a first-order column's estimate, so either estimate's truth is covered", () => {
    const r = recheck(1 + 1e-6, 1e-8, "ok");
    holdToColumn(r, kept(COLUMN_FLAG.firstOrder), 0);
    expect(r.error[0] / (1e-6 + 1e-9)).toBeCloseTo(1, 9);
    expect(r.code[0]).toBe(statusCode("ok"));
  });

  it("reads a first-order column's recheck that says not-differentiable as ok, with that error", () => {
    const r = recheck(1 + 2e-6, 5e-6, "not-differentiable");
    holdToColumn(r, kept(COLUMN_FLAG.firstOrder), 0);
    expect(r.error[0]).toBe(5e-6);
    expect(r.code[0]).toBe(statusCode("ok"));
  });

  it("leaves other rechecks alone, and keeps the measured-noise rule (disagreement beyond both errors)", () => {
    const r = recheck(1 + 1e-6, 1e-8, "not-differentiable");
    holdToColumn(r, kept(0), 0);
    expect([r.error[0], r.code[0]]).toEqual([1e-8, statusCode("not-differentiable")]);
    const n = recheck(1 + 1e-6, 1e-8, "ok");
    holdToColumn(n, kept(0, 1e-12), 0);
    expect(n.error[0] / (1e-6 + 1e-9)).toBeCloseTo(1, 9);
    const within = recheck(1 + 5e-9, 1e-8, "ok");
    holdToColumn(within, kept(0, 1e-12), 0);
    expect(within.error[0]).toBe(1e-8);
  });

  it("firstOrderKept: a first derivative's finite estimate flagged first-order", () => {
    const k = { value: Float64Array.of(-0.144), flags: Int8Array.of(COLUMN_FLAG.firstOrder) };
    expect(firstOrderKept(k, 0, 1)).toBe(true);
    expect(firstOrderKept(k, 0, 2)).toBe(false);
    expect(firstOrderKept({ value: Float64Array.of(NaN), flags: k.flags }, 0, 1)).toBe(false);
    expect(firstOrderKept({ value: k.value, flags: Int8Array.of(0) }, 0, 1)).toBe(false);
  });
});
