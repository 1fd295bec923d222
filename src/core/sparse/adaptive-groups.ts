import type { ResolvedMultivariate } from "../vector.js";
import { baseStencil } from "../driver.js";
import { ALIAS_STEP, GOOD_RELATIVE_ERROR, MIN_SCALE, SMALL_X } from "../constants.js";
import { COLUMN_FLAG } from "../column-state.js";
import { divideByPower } from "../step.js";
import type { StencilKind } from "../types.js";
import { colour, type ColumnColouring } from "./colouring.js";
import { columnsOf } from "./columns.js";
import { STATUS_CODE_DISCONTINUOUS, entryStatus } from "./entry-status.js";
import { GroupDescent } from "./grouped-column.js";
import { Group, type GroupWork } from "./group-work.js";

/**
 * The scales of x_j tried for a grouped column, in order: first max(|x_j|, 1) (the scale a group
 * shares its step sequence in); then a probe at 1 when |x_j| > 1 (an oscillating F at large x), or at
 * |x_j| when 0 < |x_j| < SMALL_X (a pole near 0: log, 1/x), as `candidateScales` offers for one column.
 *
 * @example
 * ```ts
 * groupScales(5); // [5, 1]
 * groupScales(0.5); // [1]
 * groupScales(1e-3); // [1, 0.001]
 * ```
 */
export function groupScales(x: number): number[] {
  const ax = Math.abs(x);
  if (!(ax > 0)) return [1];
  if (ax < SMALL_X) return [1, Math.max(ax, MIN_SCALE)];
  return ax > 1 ? [ax, 1] : [1];
}

/**
 * The adaptive sparse Jacobian in two passes.
 *
 * 1. Every group once, at the first scale of each column ({@link groupScales}), all its rows at once:
 *    row i's derivative in t divided by d_j^order is its entry. d_j points to the side of x_j with
 *    more room within its bounds, so a group that must go one-sided moves every column inwards.
 * 2. Entries not yet good — error above GOOD_RELATIVE_ERROR times the larger of |J_ij| and the largest
 *    |J_ik| of row i (errors are judged against the row, so a near-zero entry beside large ones does
 *    not force a probe) — whose column has a second scale are probed there, keeping the better
 *    estimate as `bestOfScales` does per column: a finite value first, then the smaller error, but of
 *    two that disagree beyond both errors the one from smaller steps; an estimate from steps longer
 *    than ALIAS_STEP is always probed (large steps can alias a periodic F). The probe
 *    columns of all groups are coloured again among themselves, so the probes cost a few descents in
 *    all, not one per group.
 *
 * As in `jacobian`, an entry with no error estimate whose F_i(x) is not finite is NaN, and each entry
 * gets a status from what its column found ({@link entryStatus}).
 *
 * @example
 * ```ts
 * adaptiveGroups({ points, pattern, cols, grouping, x, o, value, error }); // fills value and error
 * ```
 */
export function adaptiveGroups(w: GroupWork): void {
  const descent = new GroupDescent(w.pattern.m);
  const group = new Group(w);
  const { o } = w;
  for (const pass of groupPasses(w)) {
    for (let g = 0; g < pass.grouping.groups; g++) {
      group.load(pass.grouping, g, pass.keep);
      descent.run(
        w.points,
        group.rows,
        group.rowCount,
        o.order,
        pass.kind,
        pass.canSwitch,
        pass.probe,
        pass.budget,
      );
      pass.store(group, descent);
      if (pass.progress && o.onProgress !== undefined) o.onProgress(g + 1, pass.grouping.groups);
    }
  }
}

/**
 * One pass of {@link adaptiveGroups}: every group of `grouping` (only the rows with keep[slot] = 1
 * when `keep` is set) runs the grouped descent with these settings, in any order, and hands its
 * estimates to `store`; `progress` says whether onProgress counts the pass's groups.
 *
 * @example
 * ```ts
 * for (const pass of groupPasses(w)) for (let g = 0; g < pass.grouping.groups; g++) runGroup(pass, g);
 * ```
 */
export interface GroupPass {
  readonly grouping: ColumnColouring;
  readonly keep: Uint8Array | undefined;
  readonly kind: StencilKind;
  readonly canSwitch: boolean;
  readonly probe: boolean;
  readonly progress: boolean;
  /** The most calls of F each group's descent may make (see {@link groupBudget}); ∞ without a budget. */
  readonly budget: number;
  store(group: Group, descent: GroupDescent): void;
}

/**
 * The budget of each group's descent in a pass of a sparse Jacobian with `maxEvaluations` B, which
 * keeps to n·B calls of F in all, as a dense one does: F(x) is shared, the first pass's groups get
 * min(B, ⌊(n·B − 1)/groups⌋) each, and the probe pass's groups an even share of what the first pass
 * could have used at most (so that every loop gives the same budgets); `spent` calls are taken already.
 *
 * @example
 * ```ts
 * groupBudget(10, 4, 2, 1); // => 10: min(10, ⌊39/2⌋)
 * groupBudget(10, 4, 3, 21); // => 6: ⌊(40 − 21)/3⌋
 * groupBudget(Infinity, 4, 2, 1); // => Infinity
 * ```
 */
export function groupBudget(budget: number, n: number, groups: number, spent: number): number {
  if (budget === Infinity) return Infinity;
  return Math.min(budget, Math.floor((n * budget - spent) / Math.max(groups, 1)));
}

/**
 * The passes of {@link adaptiveGroups} for any runner (the sync loop, or the batched and async
 * loops of sparse-stages.ts, which run a pass's groups in lockstep): the first pass, then the probe
 * pass when some entry needs it (the generator decides between them from the first pass's
 * estimates), then the entries' statuses once the runner asks for the next pass after the last.
 *
 * @example
 * ```ts
 * for (const pass of groupPasses(w)) runPass(pass); // then w.value, w.error, w.statuses are final
 * ```
 */
export function* groupPasses(w: GroupWork): Generator<GroupPass, void, void> {
  const { pattern, x, o, value } = w;
  const m = pattern.m;
  const nnz = pattern.rowPtr[m];
  const error = w.error ?? new Float64Array(nnz).fill(NaN);
  const kind: StencilKind = o.method === "auto" ? "central" : o.method;
  const canSwitch = o.method === "auto";
  const mid = w.points.centre();
  const d = w.points.direction;
  const second = new Float64Array(x.length).fill(NaN);
  const step = new Float64Array(value.length).fill(NaN);
  const flags = new Int8Array(value.length);
  for (let j = 0; j < x.length; j++) {
    // Each column points towards its roomier side, so that when the group goes one-sided (t > 0)
    // at a bound, every column moves inwards, whichever of its bounds it sits at.
    const sign = o.hi[j] - x[j] >= x[j] - o.lo[j] ? 1 : -1;
    const scales = groupScales(x[j]);
    d[j] = sign * scales[0];
    if (scales.length > 1) second[j] = sign * scales[1];
  }
  const first = (group: Group, descent: GroupDescent): void => {
    for (let r = 0; r < group.rowCount; r++) {
      const i = group.rows[r];
      const k = group.slot[i];
      const s = d[group.column[i]];
      value[k] = divideByPower(descent.value[i], s, o.order);
      error[k] = divideByPower(descent.error[i], Math.abs(s), o.order);
      step[k] = descent.step[i] * Math.abs(s);
      flags[k] = descent.flags[i];
    }
  };
  const B = o.resolved.maxEvaluations;
  const shared = w.shared ?? 1;
  const firstBudget = groupBudget(B, x.length, w.grouping.groups, shared);
  yield {
    grouping: w.grouping,
    keep: undefined,
    kind,
    canSwitch,
    probe: false,
    progress: true,
    budget: firstBudget,
    store: first,
  };
  const keep = probes(w, error, step, second);
  const retry = keep === null ? null : colour(keep.pattern, columnsOf(keep.pattern));
  const probeBudget =
    retry === null
      ? Infinity
      : groupBudget(B, x.length, retry.groups, shared + w.grouping.groups * firstBudget);
  if (keep !== null && probeBudget < leastCalls(o)) {
    // No room for the probes: the entries that needed one say so ("max-evaluations").
    for (let k = 0; k < keep.slots.length; k++) if (keep.slots[k] === 1) flags[k] |= COLUMN_FLAG.budget;
  } else if (keep !== null && retry !== null) {
    for (let j = 0; j < x.length; j++) if (!Number.isNaN(second[j])) d[j] = second[j];
    const better = (group: Group, descent: GroupDescent): void => {
      for (let r = 0; r < group.rowCount; r++) {
        const i = group.rows[r];
        const k = group.slot[i];
        const s = d[group.column[i]];
        const v = divideByPower(descent.value[i], s, o.order);
        const e = divideByPower(descent.error[i], Math.abs(s), o.order);
        const h = descent.step[i] * Math.abs(s);
        // As bestOfScales: a finite value first, then the smaller error; but of two scales that
        // disagree beyond both errors, the smaller steps (larger ones may alias a periodic F).
        const disagree = Math.abs(v - value[k]) > e + error[k] && h < step[k];
        if (
          Number.isFinite(v) &&
          (!Number.isFinite(value[k]) || e < error[k] || Number.isNaN(error[k]) || disagree)
        ) {
          value[k] = v;
          error[k] = e;
          step[k] = h;
          flags[k] = (flags[k] & COLUMN_FLAG.noisy) | descent.flags[i];
        } else flags[k] |= descent.flags[i] & COLUMN_FLAG.noisy;
      }
    };
    yield {
      grouping: retry,
      keep: keep.slots,
      kind,
      canSwitch,
      probe: true,
      progress: false,
      budget: probeBudget,
      store: better,
    };
  }
  for (let i = 0; i < m; i++) {
    for (let k = pattern.rowPtr[i]; k < pattern.rowPtr[i + 1]; k++) {
      // As jacobian(): no error estimate where F_i(x) is not finite means no derivative.
      if (!Number.isFinite(mid[i]) && Number.isNaN(error[k])) value[k] = NaN;
      const code = entryStatus(value[k], flags[k]);
      if (code === STATUS_CODE_DISCONTINUOUS) {
        value[k] = NaN;
        error[k] = Infinity;
      }
      w.statuses[k] = code;
    }
  }
}

/**
 * The entries to probe at a second scale (keep[slot] = 1) and the pattern of their columns (all rows
 * of those columns, so that their colouring keeps every probed row alone in its group), or null.
 */
function probes(
  w: GroupWork,
  error: Float64Array,
  step: Float64Array,
  second: Float64Array,
): { slots: Uint8Array; pattern: ReturnType<typeof restrict> } | null {
  const { pattern, value } = w;
  const slots = new Uint8Array(value.length);
  const chosen = new Uint8Array(pattern.n);
  let any = false;
  for (let i = 0; i < pattern.m; i++) {
    let rowMax = 0;
    for (let k = pattern.rowPtr[i]; k < pattern.rowPtr[i + 1]; k++) {
      const a = Math.abs(value[k]);
      if (a > rowMax) rowMax = a;
    }
    for (let k = pattern.rowPtr[i]; k < pattern.rowPtr[i + 1]; k++) {
      const j = pattern.colIdx[k];
      if (Number.isNaN(second[j]) || !Number.isFinite(w.x[j])) continue;
      // The probe at |x_j| < SMALL_X (a second scale below 1) is for a pole near 0, which shows
      // as no estimate at the unit scale; the probe at 1 for |x_j| > 1 checks long steps (aliasing).
      const pole = Math.abs(second[j]) < 1;
      const good = pole
        ? error[k] < Infinity
        : error[k] <= GOOD_RELATIVE_ERROR * Math.max(Math.abs(value[k]), rowMax) && !(step[k] > ALIAS_STEP);
      if (!good) {
        slots[k] = 1;
        chosen[j] = 1;
        any = true;
      }
    }
  }
  return any ? { slots, pattern: restrict(pattern, chosen) } : null;
}

/** The pattern keeping only the chosen columns (same m, n). */
function restrict(p: GroupWork["pattern"], chosen: Uint8Array): GroupWork["pattern"] {
  const rowPtr = new Int32Array(p.m + 1);
  const kept: number[] = [];
  for (let i = 0; i < p.m; i++) {
    for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) if (chosen[p.colIdx[k]] === 1) kept.push(p.colIdx[k]);
    rowPtr[i + 1] = kept.length;
  }
  return { m: p.m, n: p.n, rowPtr, colIdx: Int32Array.from(kept) };
}

/**
 * The calls of one stencil of the engine's first column for the options (the least `maxEvaluations`).
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "../vector.js";
 * leastCalls(resolveMultivariate(undefined, Float64Array.of(1))); // => 2
 * ```
 */
export function leastCalls(o: ResolvedMultivariate): number {
  return baseStencil(o.method === "auto" ? "central" : o.method, o.order).offsets.length;
}
