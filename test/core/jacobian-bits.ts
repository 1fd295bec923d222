/** Shared by the Jacobian tests that compare loops and paths bit for bit. */
import { expect } from "vitest";
import { jacobian, type JacobianResult } from "../../src/core/index.js";
import { jacobian as jacobianAsync } from "../../src/core/async/index.js";
import { jacobianViaGeneral } from "../../src/core/jacobian.js";
import { later } from "./out-of-order.js";

/** Every value, error and status bit for bit, and the calls of F. */
export const bits = (r: JacobianResult): string =>
  JSON.stringify([
    ...[r.value, r.error, r.statuses].map((m) => m.map((row) => Array.from(row, String))),
    r.status,
    r.evaluations,
  ]);

/**
 * Expects jacobian(F, x)'s bits from the general path, the batched F (`batched`: a row-major block of
 * points in, one result per point out) and the async loops, plain and batched, with calls answered out
 * of order.
 */
export async function expectLoopsAgree(
  F: (x: ArrayLike<number>) => number[],
  batched: (b: Float64Array) => number[][],
  x: number[],
): Promise<void> {
  const want = bits(jacobian(F, x));
  expect(bits(jacobianViaGeneral(F, x))).toBe(want);
  expect(bits(jacobian(batched, x, { batch: true }))).toBe(want);
  expect(bits(await jacobianAsync(later(F, 3), x, { concurrency: 3 }))).toBe(want);
  expect(bits(await jacobianAsync(later(batched, 5), x, { batch: true }))).toBe(want);
}
