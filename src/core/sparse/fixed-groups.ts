import { checkInside, fixedStencil } from "../fixed-partial.js";
import { fixedStatus, statusCode } from "../status.js";
import { divideByPower } from "../step.js";
import type { StencilKind } from "../types.js";
import { Group, type GroupWork } from "./group-work.js";

/**
 * The fixed-step sparse Jacobian: one plain stencil per group, every column of the group moved by
 * offset·h at once (h absolute, as in `jacobian` with `step`), Σ w_q F_i / h^order for each row.
 * A central stencil costs 2 calls per group, a forward one 1 (F(x) shared). Throws INVALID_STEP when
 * a stencil would leave a coordinate's bounds, as `jacobian` does.
 *
 * @example
 * ```ts
 * fixedGroups({ points, pattern, cols, grouping, x, o, value, error, statuses }); // error stays NaN
 * ```
 */
export function fixedGroups(w: GroupWork): void {
  const { points, grouping, x, o, value, statuses } = w;
  const h = o.step as number;
  const kind: StencilKind = o.method === "auto" ? "central" : o.method;
  const st = fixedStencil(kind, o.order, o.accuracy);
  for (let j = 0; j < x.length; j++) checkInside(st, x[j], h, o.lo[j], o.hi[j], j);
  const group = new Group(w);
  const acc = new Float64Array(w.pattern.m);
  const mid = points.centre();
  points.direction.fill(1);
  for (let g = 0; g < grouping.groups; g++) {
    group.load(grouping, g);
    for (let r = 0; r < group.rowCount; r++) acc[group.rows[r]] = 0;
    for (let q = 0; q < st.offsets.length; q++) {
      const off = st.offsets[q];
      const v = off === 0 ? mid : points.at(off * h);
      for (let r = 0; r < group.rowCount; r++) {
        const i = group.rows[r];
        acc[i] += st.weights[q] * (v === null ? NaN : v[i]);
      }
    }
    for (let r = 0; r < group.rowCount; r++) {
      const i = group.rows[r];
      const v = divideByPower(acc[i], h, o.order);
      value[group.slot[i]] = v;
      statuses[group.slot[i]] = statusCode(fixedStatus(v));
    }
    if (o.onProgress !== undefined) o.onProgress(g + 1, grouping.groups);
  }
}
