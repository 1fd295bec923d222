import { describe, expect, it } from "vitest";
import { jacobian, NumdiffError } from "../../src/core/index.js";
import { jacobian as jacobianAsync } from "../../src/core/async/index.js";
import { EPS } from "../../src/core/constants.js";
import { isAntisymmetric, plainColumn, plainRelativeStep, plainSum } from "../../src/core/plain-step.js";
import { fixedStencil } from "../../src/core/fixed-partial.js";

/** Every value of a Jacobian as strings, bit for bit (NaN equal to NaN, -0 told from 0). */
const bits = (value: Float64Array[]): string[] =>
  value.map((row) => Array.from(row, (v) => (Object.is(v, -0) ? "-0" : String(v))).join(","));

const F = (x: Float64Array): number[] => [Math.exp(x[0]) * x[1], x[0] * x[1] * x[2], Math.sin(x[2])];
const truth = (x: ArrayLike<number>): number[][] => [
  [Math.exp(x[0]) * x[1], Math.exp(x[0]), 0],
  [x[1] * x[2], x[0] * x[2], x[0] * x[1]],
  [0, 0, Math.cos(x[2])],
];

describe("the plain step of errors: false", () => {
  it("is EPS^(1/(d + p)) relative to max(|x|, 1), made exact", () => {
    expect(plainRelativeStep(1, 2)).toBe(EPS ** (1 / 3));
    expect(plainRelativeStep(1, 4)).toBe(EPS ** (1 / 5));
    const c = plainColumn(3, -Infinity, Infinity, 1, 4, "auto")!;
    expect(c.stencil.offsets).toEqual([-2, -1, 1, 2]);
    expect(3 + c.h - 3).toBe(c.h);
    expect(Math.abs(c.h / (3 * EPS ** (1 / 5)) - 1)).toBeLessThan(1e-12);
    expect(plainColumn(0.2, -Infinity, Infinity, 1, 4, "auto")!.h).toBeCloseTo(EPS ** (1 / 5), 15);
  });

  it("sums antisymmetric stencils by pairs, so that a component that does not move gives exactly 0", () => {
    expect(isAntisymmetric(fixedStencil("central", 1, 4))).toBe(true);
    expect(isAntisymmetric(fixedStencil("central", 2, 2))).toBe(false);
    expect(isAntisymmetric(fixedStencil("forward", 1, 2))).toBe(false);
    const c = plainColumn(1, -Infinity, Infinity, 1, 4, "auto")!;
    expect(c.paired).toBe(true);
    const v = 0.1 + 0.2;
    expect(
      Object.is(
        plainSum(c, () => v),
        0,
      ),
    ).toBe(true);
    const termwise = c.stencil.weights.reduce((a, w) => a + w * v, 0);
    expect(termwise).not.toBe(0); // what the sum term by term would have left
  });

  it("goes one-sided towards the room at a bound, shrinks to fit, and has no stencil without room or for a non-finite x", () => {
    expect(plainColumn(0, 0, 1, 1, 2, "auto")!.stencil.offsets).toEqual([0, 1, 2]);
    expect(plainColumn(0, 0, 1, 1, 4, "auto")!.stencil.offsets).toEqual([0, 1, 2, 3, 4]);
    expect(plainColumn(1, 0, 1, 1, 4, "auto")!.stencil.offsets).toEqual([-4, -3, -2, -1, 0]);
    const tight = plainColumn(0.5, 0.5, 0.5 + 1e-6, 1, 4, "auto")!;
    expect(0.5 + 4 * tight.h).toBeLessThanOrEqual(0.5 + 1e-6);
    expect(plainColumn(0.5, 0.5, 0.5, 1, 4, "auto")).toBeNull();
    expect(plainColumn(NaN, -Infinity, Infinity, 1, 4, "auto")).toBeNull();
    expect(plainColumn(Infinity, -Infinity, Infinity, 1, 4, "auto")).toBeNull();
  });
});

describe("jacobian with errors: false", () => {
  const x = [0.3, -1.2, 2.5];

  it("costs 2 calls per column (central, accuracy 2) and is within 1e-9 of the truth", () => {
    const r = jacobian(F, x, { errors: false });
    expect(r.evaluations).toBe(6);
    expect(r.status).toBe("ok");
    const t = truth(x);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) expect(Math.abs(r.value[i][j] - t[i][j])).toBeLessThan(1e-9);
    // Components that do not move along x_j are exactly 0 (the pairs' differences are 0).
    expect(Object.is(r.value[0][2], 0) && Object.is(r.value[2][0], 0) && Object.is(r.value[2][1], 0)).toBe(
      true,
    );
  });

  it("with accuracy 4 costs 4 calls per column, within 4e-12", () => {
    const r = jacobian(F, x, { errors: false, accuracy: 4 });
    expect(r.evaluations).toBe(12);
    const t = truth(x);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) expect(Math.abs(r.value[i][j] - t[i][j])).toBeLessThan(4e-12);
    expect(Object.is(r.value[2][0], 0)).toBe(true);
  });

  it("a forward method is the plain forward difference: F(x) and 1 call per column, step √EPS", () => {
    const r = jacobian(F, x, { errors: false, method: "forward" });
    expect(r.evaluations).toBe(1 + 3);
    const t = truth(x);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) expect(Math.abs(r.value[i][j] - t[i][j])).toBeLessThan(1e-7);
  });

  it("keeps the adaptive engine when rtol, atol, noise or maxEvaluations steer it", () => {
    for (const steer of [{ rtol: 1e-10 }, { atol: 1e-12 }, { noise: 1e-14 }, { maxEvaluations: 40 }]) {
      const withErrors = jacobian(F, x, steer);
      const without = jacobian(F, x, { ...steer, errors: false });
      expect(bits(without.value)).toEqual(bits(withErrors.value));
      expect(without.evaluations).toBe(withErrors.evaluations);
    }
  });

  it("at bounds takes one-sided stencils sharing F(x), never leaving the bounds", () => {
    const seen: number[][] = [];
    const G = (v: Float64Array): number[] => {
      seen.push(Array.from(v));
      return [Math.sqrt(v[0]) + v[1] ** 2, Math.log(v[1])];
    };
    const r = jacobian(G, [0, 1], {
      errors: false,
      bounds: [
        [0, 1],
        [1, 2],
      ],
    });
    expect(r.evaluations).toBe(1 + 2 + 2); // F(x) once, shared by both one-sided columns
    for (const p of seen) {
      expect(p[0]).toBeGreaterThanOrEqual(0);
      expect(p[1]).toBeGreaterThanOrEqual(1);
    }
    expect(Math.abs(r.value[0][1] - 2)).toBeLessThan(1e-9);
    expect(Math.abs(r.value[1][1] - 1)).toBeLessThan(1e-9);
    expect(r.value[0][0]).toBeGreaterThan(10); // √x at 0: the derivative is infinite; a large finite slope
  });

  it("gives NaN columns for non-finite coordinates and NaN or ±∞ values make the status not-finite", () => {
    const r = jacobian(F, [0.3, NaN, 2.5], { errors: false });
    for (let i = 0; i < 3; i++) expect(r.value[i][1]).toBeNaN();
    expect(r.status).toBe("not-finite");
    const all = jacobian(F, [NaN, NaN, NaN], { errors: false });
    expect(all.evaluations).toBe(1); // F(x), to learn m
    expect(all.value.length).toBe(3);
  });

  it("gives the same bits for an F that returns one reused buffer, a fresh Float64Array or a number[], in sync, batched and async", async () => {
    const buffer = new Float64Array(3);
    const reusing = (v: Float64Array): Float64Array => {
      const r = F(v);
      for (let k = 0; k < 3; k++) buffer[k] = r[k];
      return buffer;
    };
    const fresh = (v: Float64Array): Float64Array => Float64Array.from(F(v));
    const want = bits(jacobian(F, x, { errors: false }).value);
    expect(bits(jacobian(reusing, x, { errors: false }).value)).toEqual(want);
    expect(bits(jacobian(fresh, x, { errors: false }).value)).toEqual(want);
    const batched = jacobian(
      (b: Float64Array) => Array.from({ length: b.length / 3 }, (_, r) => F(b.subarray(3 * r, 3 * r + 3))),
      x,
      { errors: false, batch: true },
    );
    expect(bits(batched.value)).toEqual(want);
    expect(bits((await jacobianAsync(async (v: Float64Array) => F(v), x, { errors: false })).value)).toEqual(
      want,
    );
    const bounded = { errors: false, bounds: [0.3, 3] as const };
    const xb = [0.3, 1.2, 3];
    expect(bits((await jacobianAsync(async (v: Float64Array) => F(v), xb, bounded)).value)).toEqual(
      bits(jacobian(F, xb, bounded).value),
    );
  });

  it("never changes the caller's x, and refuses errors that is not a boolean", () => {
    const x0 = Float64Array.of(0.3, -1.2, 2.5);
    jacobian((v) => { v[0] = 99; return F(v); }, x0, { errors: false }); // prettier-ignore
    expect(Array.from(x0)).toEqual([0.3, -1.2, 2.5]);
    expect(() => jacobian(F, x, { errors: "no" as unknown as boolean })).toThrow(NumdiffError);
  });
});
