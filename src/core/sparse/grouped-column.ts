/**
 * The one place where sparse differentiation uses the adaptive engine: a grouped perturbation is a
 * column of the engine (the row protocol of driver.ts, run by run-column.ts) at x = 0 with scale 1, so
 * the engine's steps, Richardson tableau, error estimates and one-sided switching apply unchanged.
 * Re-pointing sparse Jacobians to another engine (a batched or async loop) is a change to this file only.
 */

import { ColumnState } from "../column-state.js";
import { ColumnDriver } from "../driver.js";
import { runColumn } from "../run-column.js";
import type { StencilKind } from "../types.js";

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
    });
  }
}
