import { describe, expect, it } from "vitest";
import { mathParse } from "../../src/expr/mathjs.js";
import { pruneTree } from "../../src/expr/prune.js";

const CASES: [string, string][] = [
  ["0 + 2 * 1 * x ^ (2 - 1) + 0", "2 * x"],
  ["x - 0", "x"],
  ["0 - x", "-x"],
  ["0 * sin(x) + y * 1", "y"],
  ["x / 1 + 0 / x", "x"],
  ["x ^ 0 + x ^ 1", "1 + x"],
  ["-(-(x))", "x"],
  ["(3) * (x)", "3 * x"],
  ["0.01 * 2 * x", "0.02 * x"],
  ["sin(0 + x)", "sin(x)"],
];

describe("pruneTree", () => {
  it.each(CASES)("%s becomes %s", (text, pruned) => {
    expect(pruneTree(mathParse(text)).toString()).toBe(pruned);
  });

  it("folds constants with the bits of JavaScript arithmetic", () => {
    expect(pruneTree(mathParse("0.1 + 0.2")).toString()).toBe(String(0.1 + 0.2));
  });
});
