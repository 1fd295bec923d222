/**
 * A jump of f at x told by how the central first difference's changes grow: beside a jump J,
 * D(h) = f′ + J/(2h) + O(h²) (J/h where f(x) is the middle value, as sign(t − x) gives), so its
 * changes D(h) − D(16h) grow 16 times per step whatever f′ is, where a smooth f's shrink 256 times and
 * noise's land anywhere. The difference itself may grow far less than 16 times while f′ rules it:
 * log t + 1.7e-5·sign(t − x) at 0.033 gave 30.19 ± 0.055, ok, where the noise tables had seen a spike
 * at x in both spacings and the column, run on past it, stalled before its rows showed the jump.
 */

import { GROWTH_SHRINK } from "./constants.js";
import { centralStencil, difference, stencilRounding } from "./growth.js";
import { jumpBesideX } from "./jump-beside.js";
import { quietSide } from "./quiet-side.js";
import type { Pipeline, Sampler } from "./sampler.js";
import type { Estimate, ScalarEngine } from "./scalar-column.js";
import { representableStep } from "./step.js";
import type { DerivativeResult } from "./types.js";

/**
 * Whether the central first difference's changes over 256h → 16h → h → h/16 grow by GROWTH_SHRINK
 * each, within JUMP_CHANGE_BAND, with their sign kept and the last above JUMP_CHANGE_SIGNAL times the
 * rounding of the narrowest difference: f jumps at x (see the file comment).
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * const f = (t: number) => Math.log(t) + 1.7e-5 * Math.sign(t - 0.033);
 * runSync(changesJumpInF(new Sampler(f), 0.033, 2 ** -21)); // => true
 * runSync(changesJumpInF(new Sampler(Math.log), 0.033, 2 ** -21)); // => false
 * ```
 */
export function* changesJumpInF(sampler: Sampler, x: number, h: number): Pipeline<boolean> {
  const widest = yield* difference(sampler, x, "central", h * GROWTH_SHRINK * GROWTH_SHRINK, 1);
  const wide = yield* difference(sampler, x, "central", h * GROWTH_SHRINK, 1);
  const mid = yield* difference(sampler, x, "central", h, 1);
  const s = representableStep(x, h / GROWTH_SHRINK);
  const narrowStencil = s > 0 ? yield* centralStencil(sampler, x, s, 1) : null;
  if (narrowStencil === null || !Number.isFinite(widest + wide + mid)) return false;
  const narrow = narrowStencil.sum / s;
  const rounding = stencilRounding(narrowStencil.size, 1) / s;
  if (!(Math.abs(narrow - mid) > JUMP_CHANGE_SIGNAL * rounding)) return false;
  const low = GROWTH_SHRINK * (1 - JUMP_CHANGE_BAND);
  const high = GROWTH_SHRINK * (1 + JUMP_CHANGE_BAND);
  const r1 = (mid - wide) / (wide - widest);
  const r2 = (narrow - mid) / (mid - wide);
  return r1 >= low && r1 <= high && r2 >= low && r2 <= high;
}

/**
 * How far from GROWTH_SHRINK a jump's changes may grow ({@link changesJumpInF}), relatively: 1/16.
 * Beside a jump they grow 16 times to within their rounding (at most 1/256 of them); a kink at δ
 * between the two narrowest steps h/16 and h makes the last ratio (16/15)·(h/δ − 1), which this band
 * admits only for δ within 6% of h/16.
 *
 * @default 1/16
 * @example
 * ```ts
 * JUMP_CHANGE_BAND; // => 0.0625
 * ```
 */
export const JUMP_CHANGE_BAND = 1 / 16;

/**
 * How many times the rounding of the narrowest difference its change must be for
 * {@link changesJumpInF}: 64, so that rounding moves the ratios by 1/64 at most, a quarter of
 * JUMP_CHANGE_BAND. (It was 256: beside a large term a jump J of some hundreds of times f's rounding σ
 * failed it, the changes standing about J/(2σ) times their rounding at every step alike, while their
 * ratios sat well within the band: 1/(1 + t²) + 0.0134·H(t − c) at c beside a term of 1.4e11, J/σ ≈
 * 900, gave f′ = 0.636 ± 1.13, noise-limited, where f jumps. Gradient jumps at x in the honesty scan:
 * 39 → 37 dishonest, no flag more.)
 *
 * @default 64
 * @example
 * ```ts
 * JUMP_CHANGE_SIGNAL; // => 64
 * ```
 */
export const JUMP_CHANGE_SIGNAL = 64;

/**
 * derivative()'s result where f jumps at x: status "discontinuous", value NaN, error Infinity, and the
 * one-sided estimates that settled quietly as `left` and `right` (a side that holds f(x) on its own
 * branch has f′ there; one across the jump, or both where f(x) is the middle value, has none).
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * import { ScalarEngine } from "./scalar-column.js";
 * import { resolveOptions } from "./validate.js";
 * const engine = new ScalarEngine().begin(1, resolveOptions(undefined, 1));
 * const est = { value: 7.6, error: 3.1, step: 1e-3, kind: "central", flags: 0, noisyStep: NaN } as const;
 * const r = runSync(jumpResult(engine, new Sampler((t) => (t < 1 ? t : t + 0.5)), est));
 * r.status; // => "discontinuous"
 * r.right?.value; // => 1 ± 1e-10 (f(1) is on the right branch; the left side crosses the jump)
 * ```
 */
export function* jumpResult(
  engine: ScalarEngine,
  sampler: Sampler,
  est: Estimate,
): Pipeline<Omit<DerivativeResult, "evaluations">> {
  const left = yield* quietSide(engine, sampler, "backward");
  const right = yield* quietSide(engine, sampler, "forward");
  // One side quiet: the jump may lie beside x on the other, within the tests' resolution (jump-beside.ts).
  const quiet = left === null ? right : right === null ? left : null;
  if (quiet !== null && engine.o.order === 1) {
    const dir = quiet === left ? 1 : -1;
    if (yield* jumpBesideX(sampler, engine.x, dir, quiet.value, quiet.error, engine.scales[0])) {
      const method = quiet === left ? "backward" : "forward";
      return { value: quiet.value, error: quiet.error, step: est.step, method, status: "ok" };
    }
  }
  return {
    value: NaN,
    error: Infinity,
    step: est.step,
    method: est.kind,
    status: "discontinuous",
    ...(left === null ? {} : { left: { value: left.value, error: left.error } }),
    ...(right === null ? {} : { right: { value: right.value, error: right.error } }),
  };
}
