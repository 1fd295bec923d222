/**
 * The Hessian's loops agree bit for bit: sync, batched (`batch: true`) and numdiff/async give the same
 * values, errors and statuses (shared by the Hessian honesty tests).
 */
import { expect } from "vitest";
import { hessian, type BatchFn } from "../../src/core/index.js";
import * as async from "../../src/core/async/index.js";

/** Asserts that hessian(f, x) is the same bits with `batch: true` and in numdiff/async. */
export async function expectHessianLoopsAgree(
  f: (x: Float64Array) => number,
  x: readonly number[],
): Promise<void> {
  const n = x.length;
  const want = hessian(f, x);
  const batch: BatchFn = (b) => Array.from({ length: b.length / n }, (_, r) => f(b.slice(n * r, n * r + n)));
  const b = hessian(batch, x, { batch: true });
  const a = await async.hessian(async (p: Float64Array) => f(p), x);
  for (const got of [b, a]) {
    expect(got.value).toStrictEqual(want.value);
    expect(got.error).toStrictEqual(want.error);
    expect(got.statuses).toStrictEqual(want.statuses);
  }
}
