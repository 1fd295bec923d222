/**
 * A one-sided derivative the caller asked for (method "forward" or "backward"), held against the
 * central column at its steps.
 */

import { stencilArrays } from "./base-stencil.js";
import { difference, unsettledFrom } from "./growth.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { run, type ScalarEngine } from "./scalar-column.js";
import { representableStep } from "./step.js";
import type { DerivativeResult } from "./types.js";

type Settled = Omit<DerivativeResult, "evaluations">;

export const CENTRAL_CHECK_WIDENING = 4;

export function* heldToCentral(
  engine: ScalarEngine,
  sampler: Sampler,
  result: Settled,
  level: number,
): Pipeline<Settled> {
  const { x, o } = engine;
  const kind = result.method;
  if (kind === "central" || kind !== o.method) return result;
  if (!(result.status === "ok" || result.status === "noise-limited")) return result;
  if (!Number.isFinite(result.value) || !(result.error < Infinity)) return result;
  const h = result.step * CENTRAL_CHECK_WIDENING;
  const other = kind === "forward" ? "backward" : "forward";
  const st = stencilArrays(other, o.order);
  const reach = Math.abs(st.offsets[st.offsets.length - 1]);
  const hr = representableStep(x, h);
  if (!(hr > 0)) return result;
  const far = yield* sampler.one(kind === "forward" ? x - reach * hr : x + reach * hr);
  if (!Number.isFinite(far)) return result;
  const c = yield* run(engine, sampler, { kind: other, level, stopOnNoise: true, canSwitch: false, firstStep: h, allPowers: true });
  let central: { value: number; error: number } | null = c;
  if (!(c.error < Infinity)) {
    const wide = yield* difference(sampler, x, other, h, o.order);
    const narrow = yield* difference(sampler, x, other, h / 2, o.order);
    central = unsettledFrom(wide, narrow, yield* difference(sampler, x, other, h / 4, o.order));
  }
  if (central === null || !Number.isFinite(central.value) || !(central.error < Infinity)) return result;
  const gap = Math.abs(central.value - result.value);
  if (gap <= result.error + central.error) return result;
  return { ...result, error: Math.max(result.error, gap + central.error + result.error) };
}

