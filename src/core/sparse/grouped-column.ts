/**
 * The one place where sparse differentiation uses the adaptive engine: a grouped perturbation is a
 * column of the engine (the row protocol of driver.ts, run by run-column.ts) at x = 0 with scale 1, so
 * the engine's steps, Richardson tableau, error estimates and one-sided switching apply unchanged.
 * The sync loop runs it with runColumn (F called point by point); the batched and async loops with
 * {@link GroupDescent.pipeline}, which hands each stencil row's points to the runner at once.
 */

import { ColumnState } from "../column-state.js";
import { ColumnDriver } from "../driver.js";
import { runColumn } from "../run-column.js";
import { PointRequest, type Pipeline } from "../sampler.js";
import type { StencilKind } from "../types.js";
import { component } from "../vector-caller.js";
import type { GroupFrame } from "./group-points.js";

/**
 * Where the values come from: F at x + t·d for the grouped direction d (null without evaluating
 * when the point is refused), and F(x). The array returned by `at` is read before the next call.
 *
 * @example
 * ```ts
 * const values: GroupValues = { at: (t) => [Math.exp(t)], centre: () => [1] };
 * ```
 */
export interface GroupValues {
  at(t: number): ArrayLike<number> | null;
  centre(): ArrayLike<number>;
}

/**
 * The adaptive derivative in t of F_i(x + t·d) at t = 0 for chosen rows i, reusing its state
 * between groups. After `run`, `value[i]` and `error[i]` hold the estimate and its error for each
 * row run (error NaN when no trusted estimate exists), and `step[i]` the step in t behind it.
 *
 * @example
 * ```ts
 * const d = new GroupDescent(1);
 * d.run({ at: (t) => [Math.exp(t)], centre: () => [1] }, Int32Array.of(0), 1, 1, "central", true, false);
 * d.value[0]; // 0.9999999999999966 (exp′(0) = 1)
 * ```
 */
export class GroupDescent {
  private readonly state: ColumnState;
  private readonly driver: ColumnDriver;

  constructor(m: number) {
    this.state = new ColumnState(m);
    this.driver = new ColumnDriver(this.state);
  }

  /** Estimates, indexed by row. */
  get value(): Float64Array {
    return this.state.value;
  }

  /** Estimated absolute errors, indexed by row. */
  get error(): Float64Array {
    return this.state.error;
  }

  /** What the column noticed about each row (COLUMN_FLAG bits: a jump, a kink, noise, a spent budget). */
  get flags(): Int8Array {
    return this.state.flags;
  }

  /** The step in t behind each estimate, indexed by row. */
  get step(): Float64Array {
    return this.state.step;
  }

  /**
   * {@link run} for a group's rows[0..rowCount), with the settings of its pass, as a pipeline
   * (sampler.ts): each stencil row's points that F must be called at (not
   * x itself, not refused by the frame) go to the runner as one {@link GroupRequest}, and the row is
   * then read as the sync loop reads it, up to its first point where every row is in trouble, so the
   * estimates are those of `run` bit for bit (the runner may evaluate a few more points).
   */
  *pipeline(
    frame: GroupFrame,
    request: GroupRequest,
    group: { readonly rows: Int32Array; readonly rowCount: number },
    order: number,
    how: {
      readonly kind: StencilKind;
      readonly canSwitch: boolean;
      readonly probe: boolean;
      readonly budget?: number;
    },
  ): Pipeline<void> {
    const { state: s, driver } = this;
    const m = s.m;
    s.active.set(group.rows.subarray(0, group.rowCount));
    s.activeCount = group.rowCount;
    request.frame = frame;
    driver.useMagnitudes = false;
    const { kind: start, canSwitch, probe: probeOnly } = how;
    const budget = how.budget ?? Infinity;
    driver.start({ x: 0, order, scale: 1, start, canSwitch, probeOnly, stopOnNoise: false, budget });
    for (let n = driver.nextPoints(); n > 0; n = driver.nextPoints()) {
      if (gatherRow(driver, frame, request, n, m)) yield request;
      let evaluated = n;
      for (let q = 0; q < n; q++) {
        const at = request.from[q];
        const v =
          driver.offsets[q] === 0
            ? frame.centre()
            : at < 0
              ? null
              : (frame.prepare(driver.points[q]), frame.rescale(request.values, at * m));
        let finite = 0;
        for (let a = 0; a < s.activeCount; a++) {
          const k = s.active[a];
          const fk = v === null ? NaN : component(v, k);
          driver.values[q * m + k] = fk;
          if (Number.isFinite(fk)) finite++;
        }
        // Every active row in trouble at this point: the sync loop evaluates no more of the row.
        if (finite === 0) {
          evaluated = q + 1;
          break;
        }
      }
      driver.accept(evaluated);
    }
  }

  /**
   * Runs the column for rows[0..count) at order `order`, starting with stencil `kind`; `canSwitch`
   * lets it go one-sided where F is not finite or a bound is hit, `probe` marks a second scale that
   * only checks whether other steps do better.
   */
  run(
    values: GroupValues,
    rows: Int32Array,
    count: number,
    order: number,
    kind: StencilKind,
    canSwitch: boolean,
    probe: boolean,
    budget = Infinity,
  ): void {
    this.state.active.set(rows.subarray(0, count));
    this.state.activeCount = count;
    runColumn(this.driver, values, {
      x: 0,
      order,
      scale: 1,
      start: kind,
      canSwitch,
      probeOnly: probe,
      stopOnNoise: false,
      budget,
    });
  }
}

/**
 * The points of one stencil row of a group, for a runner: `points[0..count)` are the t of the points
 * F must be called at, each meaning x + t·d for the group of `frame` (which writes it); `from[q]` is
 * where the row's point q is among them (−1: x itself, or refused), and `values` gets m numbers per
 * point.
 *
 * @example
 * ```ts
 * const r = new GroupRequest();
 * r.writePoint(0, out, 0); // the first point of the request, as F receives it
 * ```
 */
export class GroupRequest extends PointRequest {
  frame: GroupFrame | null = null;
  from = new Int32Array(32);

  /** Writes point q (x + t·d for the frame's group, n numbers) at out[at..]. */
  writePoint(q: number, out: Float64Array, at: number): void {
    (this.frame as GroupFrame).write(this.points[q], out, at);
  }
}

/** Puts the driver's row of n points that F must be called at in the request; whether there are any. */
function gatherRow(
  driver: ColumnDriver,
  frame: GroupFrame,
  request: GroupRequest,
  n: number,
  m: number,
): boolean {
  request.reserve(n, m);
  if (request.from.length < n) request.from = new Int32Array(n);
  let misses = 0;
  for (let q = 0; q < n; q++) {
    const needed = driver.offsets[q] !== 0 && frame.prepare(driver.points[q]);
    if (needed) request.points[misses] = driver.points[q];
    request.from[q] = needed ? misses++ : -1;
  }
  request.count = misses;
  request.evaluated = misses;
  request.prefix = false;
  return misses > 0;
}
