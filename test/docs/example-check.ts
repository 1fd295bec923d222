/**
 * What a generated example program calls (test/docs/examples.test.ts): compare a value with the
 * literal its comment states, or expect a NumdiffError code.
 */
import { expect } from "vitest";
import { NumdiffError } from "../../src/core/index.js";

/** A typed array stated as `Float64Array [1, 2]` in a comment. */
export interface TypedExpectation {
  __typed: string;
  values: unknown[];
}

export function __typed(type: string, values: unknown[]): TypedExpectation {
  return { __typed: type, values };
}

function isTyped(v: unknown): v is TypedExpectation {
  return v !== null && typeof v === "object" && "__typed" in v;
}

/** Where `actual` differs from `expected` (a path and both values), or null when it matches. */
export function difference(actual: unknown, expected: unknown, tolerance: number, path = ""): string | null {
  if (typeof expected === "number") {
    if (typeof actual !== "number") return `${path}: expected a number ${expected}, got ${String(actual)}`;
    const same =
      tolerance === 0
        ? actual === expected || (Number.isNaN(actual) && Number.isNaN(expected))
        : Math.abs(actual - expected) <= tolerance;
    return same ? null : `${path}: expected ${expected}${tolerance ? ` ± ${tolerance}` : ""}, got ${actual}`;
  }
  if (isTyped(expected)) {
    const name = (actual as object)?.constructor?.name;
    if (name !== expected.__typed)
      return `${path}: expected a ${expected.__typed}, got ${name ?? String(actual)}`;
    return difference(Array.from(actual as ArrayLike<number>), expected.values, tolerance, path);
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected an array, got ${String(actual)}`;
    if (actual.length !== expected.length)
      return `${path}: expected ${expected.length} items, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = difference(actual[i], expected[i], tolerance, `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object")
      return `${path}: expected an object, got ${String(actual)}`;
    for (const [key, value] of Object.entries(expected)) {
      const d = difference((actual as Record<string, unknown>)[key], value, tolerance, `${path}.${key}`);
      if (d !== null) return d;
    }
    return null;
  }
  return Object.is(actual, expected)
    ? null
    : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

export function __check(
  actual: () => unknown,
  expected: () => unknown,
  tolerance: number,
  where: string,
): void {
  const d = difference(actual(), expected(), tolerance);
  expect(d, `${where}: the example's stated value`).toBeNull();
}

export function __throws(run: () => unknown, code: string, where: string): void {
  let caught: unknown;
  try {
    run();
  } catch (e) {
    caught = e;
  }
  expect(caught, `${where}: expected a throw`).toBeInstanceOf(NumdiffError);
  expect((caught as NumdiffError).code, where).toBe(code);
}
