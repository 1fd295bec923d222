/**
 * A one-sided column of derivative()'s engine from the usual first steps, read as a side estimate only
 * when it settled quietly: no jump, no noise, a finite value and error (first-order.ts joins two such
 * sides; jump-at-x.ts reports them beside a jump).
 */

import { COLUMN_FLAG } from "./column-state.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { run, type ScalarEngine } from "./scalar-column.js";
import type { SideEstimate } from "./smoothness.js";

/**
 * The one-sided column of `kind` at the engine's x (no noise level; every power of h in its tableau, as
 * the engine's one-sided runs have), or null where it jumped, met noise or gave no finite estimate.
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * import { ScalarEngine } from "./scalar-column.js";
 * import { resolveOptions } from "./validate.js";
 * const engine = new ScalarEngine().begin(1, resolveOptions(undefined, 1));
 * runSync(quietSide(engine, new Sampler(Math.exp), "forward"))?.value; // => 2.718281828459 ± 1e-9
 * ```
 */
export function* quietSide(
  engine: ScalarEngine,
  sampler: Sampler,
  kind: "forward" | "backward",
): Pipeline<SideEstimate | null> {
  const s = yield* run(engine, sampler, { kind, level: 0, stopOnNoise: true, canSwitch: false });
  if ((s.flags & (COLUMN_FLAG.diverging | COLUMN_FLAG.noisy)) !== 0) return null;
  if (!Number.isFinite(s.value) || !Number.isFinite(s.error)) return null;
  return { value: s.value, error: s.error, diverging: false };
}
