import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnColouring, toSparsityPattern, type SparsityPattern } from "../../../src/core/index.js";
import { band, xorshift } from "./helpers.js";

/** Random patterns: m × n with each entry present with probability `density`. */
const patterns = fc
  .record({
    m: fc.integer({ min: 1, max: 30 }),
    n: fc.integer({ min: 1, max: 30 }),
    density: fc.double({ min: 0, max: 0.6, noNaN: true }),
    seed: fc.integer(),
  })
  .map(({ m, n, density, seed }) => {
    const rand = xorshift(seed);
    const pairs: [number, number][] = [];
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) if (rand() < density) pairs.push([i, j]);
    return toSparsityPattern(pairs, m, n);
  });

function longestRow(p: SparsityPattern): number {
  let top = 0;
  for (let i = 0; i < p.m; i++) top = Math.max(top, p.rowPtr[i + 1] - p.rowPtr[i]);
  return top;
}

describe("columnColouring", () => {
  it("no two columns of a group share a row; every nonempty column is in exactly one group (property)", () => {
    fc.assert(
      fc.property(patterns, (p) => {
        const c = columnColouring(p);
        const seen = new Int32Array(p.n);
        for (let g = 0; g < c.groups; g++) {
          const rowsUsed = new Set<number>();
          for (let a = c.groupPtr[g]; a < c.groupPtr[g + 1]; a++) {
            const j = c.groupCols[a];
            seen[j]++;
            expect(c.colour[j]).toBe(g);
            for (let i = 0; i < p.m; i++) {
              const cols = Array.from(p.colIdx.subarray(p.rowPtr[i], p.rowPtr[i + 1]));
              if (cols.includes(j)) {
                expect(rowsUsed.has(i)).toBe(false);
                rowsUsed.add(i);
              }
            }
          }
        }
        const nonempty = new Set(Array.from(p.colIdx));
        for (let j = 0; j < p.n; j++) expect(seen[j]).toBe(nonempty.has(j) ? 1 : 0);
        // A row's columns all differ in colour, so at least the longest row's length of groups.
        expect(c.groups).toBeGreaterThanOrEqual(longestRow(p));
      }),
      { numRuns: 200 },
    );
  });

  it("a diagonal pattern is one group, a tridiagonal one three, a band of half-width b 2b + 1", () => {
    expect(columnColouring(band(1000, 0), 1000, 1000).groups).toBe(1);
    expect(columnColouring(band(1000, 1), 1000, 1000).groups).toBe(3);
    expect(columnColouring(band(1000, 3), 1000, 1000).groups).toBe(7);
  });

  it("a dense row forces every column into its own group", () => {
    expect(
      columnColouring(
        [
          [0, 0],
          [0, 1],
          [0, 2],
          [0, 3],
        ],
        1,
        4,
      ).groups,
    ).toBe(4);
  });

  it("columns without entries are in no group (colour -1)", () => {
    const c = columnColouring({ m: 2, n: 3, rowPtr: [0, 1, 2], colIdx: [0, 2] });
    expect(Array.from(c.colour)).toEqual([0, -1, 0]);
    expect(c.groups).toBe(1);
  });

  it("colours 10^5 tridiagonal columns in linear time (no n² work): three groups", () => {
    const n = 100_000;
    const rowPtr = new Int32Array(n + 1);
    const colIdx: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = Math.max(0, i - 1); j <= Math.min(n - 1, i + 1); j++) colIdx.push(j);
      rowPtr[i + 1] = colIdx.length;
    }
    expect(columnColouring({ rowPtr, colIdx }).groups).toBe(3);
  });
});
