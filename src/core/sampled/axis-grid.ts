/**
 * The grid of one axis of an array with a shape, from the caller's `x`.
 */

import { invalid } from "../errors.js";
import { mapLines } from "./lines.js";
import type { Grid, Grids } from "./types.js";
import { resolveGrid, type ResolvedGrid } from "./validate.js";

/**
 * The checked grid of `axis`: for one dimension `x` is the grid itself; for several, `x` is one number
 * shared by every axis or an array with one {@link Grid} per axis.
 *
 * @throws NumdiffError (INVALID_GRID, INVALID_SHAPE).
 * @example
 * ```ts
 * axisGrid([0, 1, 3], [3], 0); // { h: null, x: Float64Array [0, 1, 3] }
 * axisGrid([0.1, [0, 1, 3]], [2, 3], 1); // { h: null, x: Float64Array [0, 1, 3] }
 * axisGrid(0.5, [2, 3], 1); // { h: 0.5, x: null }
 * ```
 */
export function axisGrid(x: Grid | Grids, shape: readonly number[], axis: number): ResolvedGrid {
  const n = shape[axis];
  if (shape.length === 1) return resolveGrid(x as Grid, n, "x");
  if (typeof x === "number") return resolveGrid(x, n, "x");
  if (!(Array.isArray(x) && x.length === shape.length)) {
    throw invalid("INVALID_GRID", "x", `a spacing or one grid per axis (${shape.length} of them)`, x);
  }
  return resolveGrid((x as readonly Grid[])[axis], n, `x[${axis}]`);
}

/**
 * Runs a line kernel along `axis` of `data` and returns the result (a new array). One-dimensional data
 * go to the kernel directly.
 *
 * @example
 * ```ts
 * alongAxis(Float64Array.of(1, 2, 4), [3], 0, (line, out) => out.set(line)); // Float64Array [1, 2, 4]
 * ```
 */
export function alongAxis(
  data: Float64Array,
  shape: readonly number[],
  axis: number,
  kernel: (line: Float64Array, result: Float64Array) => void,
): Float64Array {
  const out = new Float64Array(data.length);
  if (shape.length === 1) kernel(data, out);
  else mapLines(data, shape, axis, out, kernel);
  return out;
}
