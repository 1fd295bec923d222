/**
 * The engine state of a column of m components (ColumnState, its driver and the kept estimates), kept
 * between calls for small m, so that a loop of jacobian() calls does not allocate the state's fifty
 * typed arrays each time.
 */

import { KeptEstimates } from "./best-of-scales.js";
import { ColumnState } from "./column-state.js";
import { ColumnDriver } from "./driver.js";

/**
 * Largest m whose column engine is kept for the next call: a state holds about 60·m doubles plus a
 * driver's 2·MAX_POINTS·m, so m ≤ 64 keeps at most ~50 KB per m alive between calls. Larger
 * Jacobians allocate their state per call, where it is a small part of their cost.
 *
 * @default 64
 * @example
 * ```ts
 * POOLED_COMPONENTS; // 64
 * ```
 */
export const POOLED_COMPONENTS = 64;

/**
 * A column's state, driver and kept estimates for m components.
 *
 * @example
 * ```ts
 * const e = takeColumnEngine(4);
 * e.state.m; // 4
 * releaseColumnEngine(e);
 * ```
 */
export class ColumnEngine {
  readonly state: ColumnState;
  readonly driver: ColumnDriver;
  readonly kept: KeptEstimates;

  constructor(readonly m: number) {
    this.state = new ColumnState(m);
    this.driver = new ColumnDriver(this.state);
    this.kept = new KeptEstimates(m);
  }
}

// One spare engine per small m. Taken while in use, so a jacobian() of an F that itself calls
// jacobian() gets a fresh one.
const spares: (ColumnEngine | undefined)[] = [];

/**
 * A column engine for m components: the spare one when there is one, else a new one. Everything a
 * column reads is reset by its start (ColumnDriver.start, KeptEstimates.clear) except the components'
 * noise levels, which are set to 0 here.
 *
 * @example
 * ```ts
 * takeColumnEngine(2).state.noise; // Float64Array [0, 0]
 * ```
 */
export function takeColumnEngine(m: number): ColumnEngine {
  const e = spares[m];
  if (e === undefined) return new ColumnEngine(m);
  spares[m] = undefined;
  e.state.noise.fill(0);
  return e;
}

/**
 * Hands a column engine back for the next call (kept only for m ≤ POOLED_COMPONENTS).
 *
 * @example
 * ```ts
 * releaseColumnEngine(takeColumnEngine(3));
 * ```
 */
export function releaseColumnEngine(e: ColumnEngine): void {
  if (e.m <= POOLED_COMPONENTS) spares[e.m] = e;
}
