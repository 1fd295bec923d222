import { describe, expect, it } from "vitest";
import { exactProduct, exactQuotient, exactSum, EXACT_FOLD_FLOOR } from "../../src/expr/exact-arithmetic.js";

describe("exact arithmetic folds only what is exact", () => {
  it("exactSum: exact sums, and undefined where rounding happens or the sum overflows", () => {
    expect(exactSum(1.5, -1)).toBe(0.5);
    expect(exactSum(2 ** 52, 1)).toBe(2 ** 52 + 1);
    expect(exactSum(2 ** 53, 1)).toBeUndefined();
    expect(exactSum(0.1, 0.2)).toBeUndefined();
    expect(exactSum(1.7976931348623157e308, 1.7976931348623157e308)).toBeUndefined();
  });

  it("exactProduct: scaling by powers of two and small integers is exact; 0.1 * 3 is not", () => {
    expect(exactProduct(6.62607015e-34, 2)).toBe(1.32521403e-33);
    expect(exactProduct(1e-15, 2)).toBe(2e-15);
    expect(exactProduct(3, 7)).toBe(21);
    expect(exactProduct(0.1, 3)).toBeUndefined();
    expect(exactProduct(1 + 2 ** -52, 1 + 2 ** -52)).toBeUndefined();
  });

  it("exactProduct refuses underflow to subnormals or zero, and overflow", () => {
    expect(exactProduct(EXACT_FOLD_FLOOR, 0.5)).toBeUndefined();
    expect(exactProduct(1e-200, 1e-200)).toBeUndefined();
    expect(exactProduct(1e300, 1e10)).toBeUndefined();
    expect(exactProduct(0, 5)).toBe(0);
  });

  it("exactQuotient: 3/4 and 1/2 are exact, 1/3 and division by 0 are not", () => {
    expect(exactQuotient(3, 4)).toBe(0.75);
    expect(exactQuotient(1, 2)).toBe(0.5);
    expect(exactQuotient(1, 3)).toBeUndefined();
    expect(exactQuotient(1, 0)).toBeUndefined();
  });
});
