import { columnStencils, plainColumn, plainStencil, plainSum, type PlainColumn } from "../plain-step.js";
import { fixedStatus, statusCode } from "../status.js";
import { divideByPower } from "../step.js";
import type { ResolvedMultivariate } from "../vector.js";
import { Group, type GroupWork } from "./group-work.js";

/**
 * The plain sparse Jacobian (a fixed `step`, or `errors: false`: plain-step.ts): one plain stencil per
 * group, the group's columns moved at once along d (x + t·d for each offset t of the stencil), and
 * Σ w_q F_i / d_jⁿ for each row i of column j, summed as every plain Jacobian sums (plainSum).
 * - With `step`, d_j = step on every column (INVALID_STEP first when a stencil would leave a
 *   coordinate's bounds, as `jacobian` does).
 * - With `errors: false`, d_j is column j's own plain step; a group whose columns all take central
 *   stencils takes the central one, else (a column at a bound) the forward stencil of the same accuracy
 *   with d_j pointing to the side of x_j with more room (the backward stencil is the forward one along
 *   −d). A column without room leaves its group's point refused (NaN entries).
 * A central stencil costs 2 calls per group, a one-sided one 2 more than F(x), shared.
 *
 * @example
 * ```ts
 * fixedGroups({ points, pattern, cols, grouping, x, o, value, error, statuses }); // error stays NaN
 * ```
 */
export function fixedGroups(w: GroupWork): void {
  const { points, grouping, x, o, value, statuses } = w;
  const columnOf = columnStencils(o, x);
  const group = new Group(w);
  const acc = new Float64Array(w.pattern.m);
  const mid = points.centre();
  const d = points.direction;
  const values: (Float64Array | null)[] = [];
  for (let g = 0; g < grouping.groups; g++) {
    group.load(grouping, g);
    const c = groupStencil(group, columnOf, x, o, d);
    if (c !== null) {
      const { offsets } = c.stencil;
      // Each point's rows copied: the source reuses its buffer from one point to the next.
      for (let q = 0; q < offsets.length; q++) {
        const v = offsets[q] === 0 ? mid : points.at(offsets[q]);
        values[q] = v === null ? null : Float64Array.from(v);
      }
      values.length = offsets.length;
    }
    for (let r = 0; r < group.rowCount; r++) {
      const i = group.rows[r];
      const sum = c === null ? NaN : plainSum(c, (q) => values[q]?.[i] ?? NaN);
      acc[i] = divideByPower(sum, d[group.column[i]], o.order);
    }
    for (let r = 0; r < group.rowCount; r++) {
      const i = group.rows[r];
      value[group.slot[i]] = acc[i];
      statuses[group.slot[i]] = statusCode(fixedStatus(acc[i]));
    }
    if (o.onProgress !== undefined) o.onProgress(g + 1, grouping.groups);
  }
}

/**
 * The loaded group's stencil, with each of its columns' displacement written into d (see fixedGroups);
 * null when the group has no column to move.
 */
function groupStencil(
  group: Group,
  columnOf: (j: number) => PlainColumn | null,
  x: Float64Array,
  o: ResolvedMultivariate,
  d: Float64Array,
): PlainColumn | null {
  let first: PlainColumn | null = null;
  let oneSided = false;
  for (let a = 0; a < group.count; a++) {
    const j = group.cols[a];
    const c = columnOf(j);
    d[j] = c === null ? 0 : c.h;
    if (c !== null) first ??= c;
    if (c !== null && c.stencil.offsets.includes(0) && o.step === undefined && o.method === "auto") {
      oneSided = true;
    }
  }
  if (!oneSided || first === null) return first;
  // A column at a bound: the forward stencil for the whole group, each column towards its room.
  let forward: PlainColumn | null = null;
  for (let a = 0; a < group.count; a++) {
    const j = group.cols[a];
    const up = o.hi[j] - x[j] >= x[j] - o.lo[j];
    const c = plainColumn(x[j], o.lo[j], o.hi[j], o.order, o.accuracy, up ? "forward" : "backward");
    d[j] = c === null ? 0 : up ? c.h : -c.h;
    if (c !== null && up) forward ??= c;
  }
  return forward ?? { ...plainStencil("forward", o.order, o.accuracy), h: NaN };
}
