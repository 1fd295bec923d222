/** Shared by the tests that compare derivative() results of two paths or loops bit for bit. */
import { expect } from "vitest";
import type { DerivativeResult } from "../../src/core/index.js";

/** Every field of two results, compared with Object.is (so NaN equals NaN, and +0 is not −0). */
export function expectSameBits(actual: DerivativeResult, expected: DerivativeResult, where: string): void {
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  for (const k of keys) {
    const a = (actual as unknown as Record<string, unknown>)[k];
    const e = (expected as unknown as Record<string, unknown>)[k];
    if (typeof e === "object" && e !== null) expect(a, `${where}: ${k}`).toStrictEqual(e);
    else expect(Object.is(a, e), `${where}: ${k} is ${String(a)}, expected ${String(e)}`).toBe(true);
  }
}
