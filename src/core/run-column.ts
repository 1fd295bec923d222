/**
 * The synchronous loop of the row protocol: a column driven by a source that evaluates one point at
 * a time. The batched and async loops drive the same {@link ColumnDriver}.
 */

import { component } from "./vector-caller.js";
import type { ColumnDriver, ColumnSpec } from "./driver.js";

/**
 * Where a column gets its values: the m components at a point t, and at x itself.
 * The array returned by `at` is read before the next call, so a source may reuse one buffer.
 *
 * @example
 * ```ts
 * const source: PointSource = { at: (t) => [Math.exp(t), t * t], centre: () => [1, 0] };
 * ```
 */
export interface PointSource {
  /** The values at t, or null (without evaluating) when t is outside the bounds or not finite. */
  at(t: number): ArrayLike<number> | null;
  /** The values at x itself (evaluated at most once by the source). */
  centre(): ArrayLike<number>;
  /**
   * For a source whose values are themselves differences of f values (the mixed stencil), the size
   * of the f values behind each component of the last `at` result, for the rounding model.
   */
  readonly magnitude?: ArrayLike<number>;
  /**
   * With `magnitude`: each component of the last `at` result before the source rescaled it (the mixed
   * stencil's f(plus) − f(minus)), from which the driver reads the values' grid (driver.ts, gridValues).
   */
  readonly unscaled?: ArrayLike<number>;
  /**
   * Told of each row (the offsets of its `count` points) before its points are asked for: a source
   * that charges a budget by whole rows, as the batched loops ask for them (the mixed stencil's).
   */
  row?(offsets: ArrayLike<number>, count: number): void;
}

/**
 * Runs one column to the end, evaluating the requested points in order. Once every active component
 * has met a non-finite value in a row, the row's remaining points are not evaluated (the driver
 * ignores them), so a stencil straddling a domain edge costs as few calls as possible.
 *
 * @example
 * ```ts
 * import { ColumnState } from "./column-state.js";
 * import { ColumnDriver } from "./driver.js";
 * const state = new ColumnState(1);
 * state.activateAll();
 * const driver = new ColumnDriver(state);
 * const buf = new Float64Array(1);
 * const source = { at: (t: number) => ((buf[0] = Math.exp(t)), buf), centre: () => [1] };
 * runColumn(driver, source, { x: 0, order: 1, scale: 1, start: "central", canSwitch: true, probeOnly: false });
 * state.value[0]; // 0.9999999999999732 (exp′(0) = 1)
 * ```
 */
export function runColumn(driver: ColumnDriver, source: PointSource, spec: ColumnSpec): void {
  const s = driver.state;
  const m = s.m;
  const values = driver.values;
  driver.useMagnitudes = source.magnitude !== undefined;
  const unscaled = source.unscaled;
  driver.gridValues = unscaled === undefined ? null : (driver.gridValues ?? new Float64Array(values.length));
  driver.start(spec);
  for (let count = driver.nextPoints(); count > 0; count = driver.nextPoints()) {
    source.row?.(driver.offsets, count);
    let evaluated = 0;
    while (evaluated < count) {
      const q = evaluated++;
      const base = q * m;
      const v = driver.offsets[q] === 0 ? source.centre() : source.at(driver.points[q]);
      let finite = 0;
      for (let a = 0; a < s.activeCount; a++) {
        const k = s.active[a];
        const fk = v === null ? NaN : component(v, k);
        values[base + k] = fk;
        if (Number.isFinite(fk)) finite++;
      }
      if (driver.useMagnitudes) {
        const centre = driver.offsets[q] === 0;
        const mag = source.magnitude as ArrayLike<number>;
        if (!centre)
          for (let a = 0; a < s.activeCount; a++) driver.magnitudes[base + s.active[a]] = mag[s.active[a]];
        // The values' grid from the differences before rescaling (the centre's value is its own).
        const grid = driver.gridValues;
        if (grid !== null && unscaled !== undefined) {
          for (let a = 0; a < s.activeCount; a++) {
            const k = s.active[a];
            grid[base + k] = centre ? values[base + k] : unscaled[k];
          }
        }
      }
      // Every active component in trouble at this point: the rest of the row cannot change that.
      if (finite === 0) break;
    }
    driver.accept(evaluated);
  }
}
