/**
 * A noise level that the noise tables measured at their spacings, where the noise check's difference,
 * at a step far below them, carries none of it: f's "noise" is structure between the two scales, and
 * f near x is clean. x + 1e-9·⌊1e6·x⌋ at 0.1234565 steps by 1e-9 every 1e-6: the tables (spacings 2.4e-4
 * and 1.5e-5) read those steps as noise of 2.2e-10, and the column run with it gave the stairs' mean
 * slope, 1.001 ± 6.3e-8, noise-limited, where f′ = 1 between the stairs (the check at 4.8e-7, within
 * the stair about x, saw 1). Noise of level ε puts about ε/h into a difference at step h, at every step;
 * a second difference at h/CLEAN_CHECK_RATIO (2 calls) that agrees with the check's within
 * CLEAN_CHECK_SIGNAL times their rounding shows none: noise far above rounding cannot do that but by a
 * chance of about rounding/ε. The column then runs from the check's step (settle-noise.ts,
 * nearerThanFeature), and wins where it disagrees with the estimate beyond both errors.
 */

import { NOISE_COVERAGE } from "./constants.js";
import { centralStencil, stencilRounding } from "./growth.js";
import type { Pipeline, Sampler } from "./sampler.js";
import type { ScalarEngine } from "./scalar-column.js";
import { representableStep } from "./step.js";

/**
 * The ratio of the noise check's step to the second difference's in {@link cleanAtCheck}: 4, as the
 * engine's second noise check (SECOND_CHECK_RATIO), at new points.
 *
 * @default 4
 * @example
 * ```ts
 * CLEAN_CHECK_RATIO; // => 4
 * ```
 */
export const CLEAN_CHECK_RATIO = 4;

/**
 * How many times the two differences' rounding (F_ROUNDING·EPS·Σ|w·f|/h each) they may differ by in
 * {@link cleanAtCheck}: 8, the noise check's own signal (NOISE_CHECK_SIGNAL). Truncation between h and
 * h/4 adds (15/16)·|f‴|·h²/6, far below it at the check's step but where f‴ is huge (sin(1e6·t)).
 *
 * @default 8
 * @example
 * ```ts
 * CLEAN_CHECK_SIGNAL; // => 8
 * ```
 */
export const CLEAN_CHECK_SIGNAL = 8;

/**
 * Whether the noise check's central first difference (engine.checkD at engine.checkH) and one at
 * checkH/CLEAN_CHECK_RATIO agree within CLEAN_CHECK_SIGNAL times their rounding, where noise of
 * `level` would put NOISE_COVERAGE·level/h into each, at least as much: f near x carries none of the
 * level (see the file comment). False where there is no check.
 *
 * @example
 * ```ts
 * if (yield* cleanAtCheck(engine, sampler, level)) est = (yield* nearerThanFeature(…, engine.checkH)).est;
 * ```
 */
export function* cleanAtCheck(engine: ScalarEngine, sampler: Sampler, level: number): Pipeline<boolean> {
  const { x } = engine;
  const h = engine.checkH;
  const d1 = engine.checkD;
  if (!(h > 0) || !Number.isFinite(d1) || !Number.isFinite(engine.checkRounding)) return false;
  const s = representableStep(x, h / CLEAN_CHECK_RATIO);
  if (!(s > 0)) return false;
  const c = yield* centralStencil(sampler, x, s, 1);
  if (c === null) return false;
  const rounding = engine.checkRounding + stencilRounding(c.size, 1) / s;
  // (A level at most the rounding says nothing here: the check's difference carries it anyway.)
  if (!((NOISE_COVERAGE * level) / h > CLEAN_CHECK_SIGNAL * rounding)) return false;
  return Math.abs(c.sum / s - d1) <= CLEAN_CHECK_SIGNAL * rounding;
}
