import { describe, expect, it } from "vitest";
import { toSparsityPattern } from "../../../src/core/index.js";
import { thrown } from "./helpers.js";

describe("toSparsityPattern", () => {
  it("sorts (row, column) pairs into CSR", () => {
    const p = toSparsityPattern(
      [
        [1, 2],
        [0, 1],
        [1, 0],
        [0, 0],
      ],
      3,
      3,
    );
    expect(Array.from(p.rowPtr)).toEqual([0, 2, 4, 4]);
    expect(Array.from(p.colIdx)).toEqual([0, 1, 0, 2]);
    expect([p.m, p.n]).toEqual([3, 3]);
  });

  it("copies CSR arrays and leaves the caller's unchanged", () => {
    const rowPtr = [0, 1, 3];
    const colIdx = new Int32Array([2, 0, 1]);
    const p = toSparsityPattern({ rowPtr, colIdx }, 2, 3);
    expect(p.colIdx).not.toBe(colIdx);
    (p.colIdx as Int32Array)[0] = 1;
    expect(Array.from(colIdx)).toEqual([2, 0, 1]);
    expect(rowPtr).toEqual([0, 1, 3]);
  });

  it("accepts an empty pattern", () => {
    expect(Array.from(toSparsityPattern([], 2, 2).rowPtr)).toEqual([0, 0, 0]);
  });

  it.each([
    ["a number", 3, "sparsity", "CSR arrays"],
    ["a pair of the wrong length", [[0, 1, 2]], "sparsity[0]", "a pair [row, column]"],
    ["a row out of range", [[2, 0]], "sparsity[0][0]", "a row index from 0 to 1, got 2"],
    ["a negative column", [[0, -1]], "sparsity[0][1]", "a column index from 0 to 2, got -1"],
    ["a fractional column", [[0, 0.5]], "sparsity[0][1]", "got 0.5"],
    [
      "a repeated pair",
      [
        [0, 1],
        [1, 1],
        [0, 1],
      ],
      "sparsity[2]",
      "pairs without repeats, got [0, 1]",
    ],
    ["rowPtr of the wrong length", { rowPtr: [0, 1], colIdx: [0] }, "sparsity.rowPtr", "length 3"],
    ["rowPtr not starting at 0", { rowPtr: [1, 1, 1], colIdx: [0] }, "sparsity.rowPtr[0]", "got 1"],
    ["rowPtr decreasing", { rowPtr: [0, 2, 1], colIdx: [0, 1] }, "sparsity.rowPtr[2]", "got 1"],
    [
      "rowPtr not ending at nnz",
      { rowPtr: [0, 1, 1], colIdx: [0, 1] },
      "sparsity.rowPtr[2]",
      "2 (colIdx.length)",
    ],
    ["a column out of range", { rowPtr: [0, 1, 1], colIdx: [3] }, "sparsity.colIdx[0]", "from 0 to 2, got 3"],
    ["unsorted columns", { rowPtr: [0, 2, 2], colIdx: [2, 1] }, "sparsity.colIdx[1]", "strictly increasing"],
    ["a repeated column", { rowPtr: [0, 2, 2], colIdx: [1, 1] }, "sparsity.colIdx[1]", "strictly increasing"],
    ["colIdx not an array", { rowPtr: [0, 0, 0], colIdx: "0" }, "sparsity.colIdx", "an array of integers"],
    [
      "m that disagrees with F",
      { m: 3, rowPtr: [0, 0, 0], colIdx: [] },
      "sparsity.m",
      "2 (the length of F's result)",
    ],
    ["n that disagrees with x", { n: 4, rowPtr: [0, 0, 0], colIdx: [] }, "sparsity.n", "3 (the length of x)"],
  ])("refuses %s, naming it (INVALID_SPARSITY)", (_, input, argument, text) => {
    const e = thrown(() => toSparsityPattern(input, 2, 3));
    expect(e.code).toBe("INVALID_SPARSITY");
    expect(e.argument).toBe(argument);
    expect(e.message).toContain(text);
  });
});
