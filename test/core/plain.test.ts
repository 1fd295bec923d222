import { describe, expect, expectTypeOf, it } from "vitest";
import {
  checkGradient,
  derivative,
  gradient,
  hessian,
  jacobian,
  toPlain,
  type GradientResult,
  type Plain,
} from "../../src/core/index.js";

describe("toPlain(result)", () => {
  it('turns a gradient\'s typed arrays into arrays, so JSON has [6, 8] and not {"0":6,"1":8}', () => {
    const r = gradient((x) => x[0] ** 2 + x[1] ** 2, [3, 4], { method: "central", step: 1e-4 });
    const plain = toPlain(r);
    expectTypeOf(plain).toEqualTypeOf<Plain<GradientResult>>();
    expectTypeOf(plain.value).toEqualTypeOf<number[]>();
    expect(plain.value).toEqual([6.00000000000378, 7.999999999999119]);
    expect(JSON.parse(JSON.stringify(plain)).value).toEqual([6.00000000000378, 7.999999999999119]);
    expect(JSON.stringify(r.value)).toBe('{"0":6.00000000000378,"1":7.999999999999119}');
  });

  it("turns Jacobian and Hessian rows into nested arrays, and leaves numbers and strings alone", () => {
    const J = toPlain(jacobian((x) => [x[0] * x[1], x[0]], [2, 3], { step: 1e-3 }));
    expectTypeOf(J.value).toEqualTypeOf<number[][]>();
    expect(J.value.map((row) => row.map(Math.round))).toEqual([
      [3, 2],
      [1, 0],
    ]);
    const H = toPlain(hessian((x) => x[0] * x[1], [1, 2]));
    expect(Array.isArray(H.value[0])).toBe(true);
    const d = derivative(Math.sin, 0);
    expect(toPlain(d)).toEqual({ ...d });
    expect(
      toPlain(
        checkGradient(
          (x) => x[0] ** 2,
          (x) => [2 * x[0]],
          [3],
        ),
      ).pass,
    ).toBe(true);
  });

  it("returns a new value: the result is unchanged", () => {
    const r = gradient((x) => x[0] * 2, [1]);
    const before = r.value;
    toPlain(r).value[0] = 99;
    expect(r.value).toBe(before);
    expect(r.value[0]).not.toBe(99);
  });
});
