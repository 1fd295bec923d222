/**
 * The types people write: callbacks typed for plain arrays, points as the run time accepts them, and
 * `accuracy` as a union. The type check of `npm test` (tsc) is the test here; the calls also run.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  checkGradient,
  directionalDerivative,
  gradient,
  hessian,
  jacobian,
  partial,
  type Accuracy,
  type DerivativeOptions,
  type PointLike,
} from "../../src/core/index.js";

const plain = (x: number[]): number => x[0] ** 2 + x[1];
const readonlyPlain = (x: readonly number[]): number => x.reduce((s, v) => s + v * v, 0);
const typed = (x: Float64Array): number => x[0] * x[1];

describe("callbacks typed for plain arrays are accepted and receive the point", () => {
  it("partial, gradient, hessian, directionalDerivative take (x: number[]) and (x: readonly number[])", () => {
    expect(partial(plain, [3, 4], 0).value).toBeCloseTo(6, 12);
    expect(Array.from(gradient(readonlyPlain, [3, 4]).value).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([
      6, 8,
    ]);
    expect(hessian(plain, [3, 4]).value[0][0]).toBeCloseTo(2, 6);
    expect(directionalDerivative(readonlyPlain, [3, 4], [1, 0]).value).toBeCloseTo(6, 12);
    expect(partial(typed, [3, 4], 1).value).toBeCloseTo(3, 12);
  });

  it("jacobian takes (x: number[]) => number[] and checkGradient takes plain-array f and grad", () => {
    const F = (x: number[]): number[] => [x[0] * x[1], x[0] + x[1]];
    expect(jacobian(F, [2, 3]).value.map((row) => Array.from(row, Math.round))).toEqual([
      [3, 2],
      [1, 1],
    ]);
    const grad = (x: readonly number[]): number[] => [2 * x[0], 1];
    expect(checkGradient(plain, grad, [3, 4]).pass).toBe(true);
  });

  it("a callback without annotations sees a Float64Array", () => {
    gradient(
      (x) => {
        expectTypeOf(x).toEqualTypeOf<Float64Array>();
        return x[0];
      },
      [1, 2],
    );
  });

  it("callbacks of other element types and integer arrays as points are refused by the types", () => {
    // @ts-expect-error a function of strings is not a function of a point
    expect(() => gradient((x: string[]) => x.length, [1, 2])).not.toThrow();
    // @ts-expect-error integer arrays are refused (x + h would be truncated); the run time refuses them too
    expect(() => gradient(typed, new Int32Array([1, 2]))).toThrow(/integer arrays would truncate/);
  });
});

describe("points and accuracy", () => {
  it("x is an array of numbers, a Float64Array or a Float32Array", () => {
    expectTypeOf<readonly number[]>().toExtend<PointLike>();
    expectTypeOf<Float32Array>().toExtend<PointLike>();
    expectTypeOf<Int32Array>().not.toExtend<PointLike>();
    expect(partial(typed, new Float32Array([3, 4]), 0).value).toBeCloseTo(4, 12);
  });

  it("accuracy is 1, 2, 4, 6 or 8", () => {
    expectTypeOf<DerivativeOptions["accuracy"]>().toEqualTypeOf<Accuracy | undefined>();
    expectTypeOf<Accuracy>().toEqualTypeOf<1 | 2 | 4 | 6 | 8>();
  });
});
