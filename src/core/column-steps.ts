/**
 * One column of a scalar f as a pipeline: the row protocol of {@link ColumnDriver} with the points
 * fetched through a {@link Sampler}, so that the same code runs in the sync, batched and async loops.
 */

import type { ColumnDriver, ColumnSpec } from "./driver.js";
import type { Pipeline, Sampler } from "./sampler.js";

/**
 * Runs one column of the one-component state to the end (the scalar counterpart of runColumn: a row
 * stops at its first value that is not finite, whose remaining points the driver would ignore). With
 * a budget (Sampler.limit), a row whose calls of f do not fit ends the column on its budget: the
 * sampler knows which points are new, where the driver counts every point it asks for.
 *
 * @example
 * ```ts
 * const state = new ColumnState(1);
 * state.activateAll();
 * const driver = new ColumnDriver(state);
 * const spec = { x: 0, order: 1, scale: 1, start: "central", canSwitch: true, probeOnly: false } as const;
 * runSync(columnSteps(driver, new Sampler(Math.exp), spec));
 * state.value[0]; // 0.9999999999999966 (exp′(0) = 1)
 * ```
 */
export function* columnSteps(driver: ColumnDriver, sampler: Sampler, spec: ColumnSpec): Pipeline<void> {
  driver.useMagnitudes = false;
  driver.start(spec);
  for (let count = driver.nextPoints(); count > 0; count = driver.nextPoints()) {
    if (sampler.limit !== Infinity && !sampler.affords(driver.points, count)) return driver.endOnBudget();
    // fetch() inlined: no generator per row on the sync path
    if (sampler.prepare(driver.points, count, true, driver.values)) yield sampler.request;
    driver.accept(sampler.complete(count, true, driver.values));
  }
}

/**
 * {@link columnSteps} for a sampler that calls a sync f itself: the same row loop without a
 * generator (such a sampler never needs its runner).
 *
 * @example
 * ```ts
 * import { ColumnState } from "./column-state.js";
 * import { ColumnDriver } from "./driver.js";
 * import { Sampler } from "./sampler.js";
 * const state = new ColumnState(1);
 * state.activateAll();
 * const spec = { x: 0, order: 1, scale: 1, start: "central", canSwitch: true, probeOnly: false } as const;
 * columnNow(new ColumnDriver(state), new Sampler(Math.exp), spec);
 * state.value[0]; // 0.9999999999999966, as columnSteps
 * ```
 */
export function columnNow(driver: ColumnDriver, sampler: Sampler, spec: ColumnSpec): void {
  driver.useMagnitudes = false;
  driver.start(spec);
  for (let count = driver.nextPoints(); count > 0; count = driver.nextPoints()) {
    if (sampler.limit !== Infinity && !sampler.affords(driver.points, count)) return driver.endOnBudget();
    driver.accept(sampler.now(driver.points, count, true, driver.values));
  }
}

/**
 * Runs a pipeline whose sampler calls f itself (it never yields) and returns its result.
 *
 * @example
 * ```ts
 * runSync((function* () { return 1; })()); // 1
 * ```
 */
export function runSync<R>(pipeline: Pipeline<R>): R {
  const r = pipeline.next();
  if (r.done !== true) throw new Error("numdiff: a sync pipeline asked for points (internal error)");
  return r.value;
}
