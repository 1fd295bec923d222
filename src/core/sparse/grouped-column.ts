/**
 * The one place where sparse differentiation uses the adaptive engine: a grouped perturbation is a
 * column of the engine (descent.ts) at x = 0 with scale 1, so the engine's steps, Richardson tableau,
 * error estimates and one-sided switching apply unchanged. Re-pointing sparse Jacobians to another
 * engine is a change to this file only.
 */

import { ColumnWorkspace, descendColumn } from "../descent.js";
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
 * row run (error NaN when no trusted estimate exists).
 *
 * @example
 * ```ts
 * const d = new GroupDescent(1);
 * d.run({ at: (t) => [Math.exp(t)], centre: () => [1] }, Int32Array.of(0), 1, 1, "central", true, false);
 * d.value[0]; // 0.9999999999999966 (exp′(0) = 1)
 * ```
 */
export class GroupDescent {
  private readonly ws: ColumnWorkspace;

  constructor(m: number) {
    this.ws = new ColumnWorkspace(m);
  }

  /** Estimates, indexed by row. */
  get value(): Float64Array {
    return this.ws.value;
  }

  /** Estimated absolute errors, indexed by row. */
  get error(): Float64Array {
    return this.ws.error;
  }

  /**
   * Runs the descent for rows[0..count) at order `order`, starting with stencil `kind`; `canSwitch`
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
    this.ws.active.set(rows.subarray(0, count));
    this.ws.activeCount = count;
    descendColumn(this.ws, values, 0, order, 1, kind, canSwitch, probe);
  }
}
