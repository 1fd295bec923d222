/**
 * A noise level that the noise tables measured at their spacings, where the noise check's difference,
 * at a step far below them, carries none of it: f's "noise" is structure between the two scales, and
 * f near x is clean. x + 1e-9·⌊1e6·x⌋ at 0.1234565 steps by 1e-9 every 1e-6: the tables (spacings 2.4e-4
 * and 1.5e-5) read those steps as noise of 2.2e-10, and the column run with it gave the stairs' mean
 * slope, 1.001 ± 6.3e-8, noise-limited, where f′ = 1 between the stairs (the check at 4.8e-7, within
 * the stair about x, sees 1). Noise of level ε puts about ε/h into a difference at step h, at every step;
 * two differences, at the noise check's step h and at h/CLEAN_CHECK_RATIO (2 calls) that agrees with the check's within
 * CLEAN_CHECK_SIGNAL times their rounding shows none: noise far above rounding cannot do that but by a
 * chance of about rounding/ε. The column then runs from that step (settle-noise.ts,
 * nearerThanFeature), and wins where it disagrees with the estimate beyond both errors.
 */

import { GROWTH_SHRINK, NOISE_COVERAGE } from "./constants.js";
import { centralStencil, stencilRounding } from "./growth.js";
import type { Pipeline, Sampler } from "./sampler.js";
import type { ScalarEngine } from "./scalar-column.js";
import { representableStep } from "./step.js";
import { lastBitExponent } from "./value-grid.js";
import { GRID_PROBE_OFFSET, noiseCheckStep } from "./noise-check.js";

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
 * How many times the differences' rounding the level's share at the step, NOISE_COVERAGE·level/h, must
 * be for {@link cleanAtCheck} to ask: 1024, so that agreeing within CLEAN_CHECK_SIGNAL roundings is
 * agreeing within 1/128 of the level's share, which noise of that level does about once in 100 (and
 * a residual g − c whose tables read g's rounding as a level of 7e-18, 32 roundings at the check's step,
 * is not asked: its column from the check's step, with EPS·|f| as its model, misses by 4e-12).
 *
 * @default 1024
 * @example
 * ```ts
 * CLEAN_LEVEL_SIGNAL; // => 1024
 * ```
 */
export const CLEAN_LEVEL_SIGNAL = 1024;

/**
 * How many steps {@link cleanAtCheck} tries, each GROWTH_SHRINK times shorter than the one before from
 * the noise check's: 2 (a stair 2.2e-7 from x lies within the check's step 4.8e-7, not within the next,
 * 3e-8). Noise pays 2 to 6 calls.
 *
 * @default 2
 * @example
 * ```ts
 * CLEAN_CHECK_STEPS; // => 2
 * ```
 */
export const CLEAN_CHECK_STEPS = 2;

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
 * How many significant bits each value of the differences in {@link cleanAtCheck} must have (from its
 * leading bit down to its last set bit, `lastBitExponent`): 40. A double f's values carry about 53; a
 * float32 f's at most 24, flat over its cells, and a residual g − c carries g's last bit, 2⁻⁴³ beside
 * g ≈ 1000 for f ≈ 1e-3 (33 bits): their differences agree by their quantisation, not because f is
 * clean. (Not the change itself: t + c at dyadic steps changes by exactly 2s, one bit.)
 *
 * @default 40
 * @example
 * ```ts
 * CLEAN_CHECK_BITS; // => 40
 * ```
 */
export const CLEAN_CHECK_BITS = 40;

/**
 * The central first difference at step s (representable) and its rounding; null where f is not finite
 * or one of its values has fewer than CLEAN_CHECK_BITS significant bits.
 */
function* centralAt(
  sampler: Sampler,
  x: number,
  s: number,
): Pipeline<{ d: number; rounding: number } | null> {
  const c = yield* centralStencil(sampler, x, s, 1);
  if (c === null) return null;
  for (const v of c.values) if (!(Math.abs(v) >= 2 ** (lastBitExponent(v) + CLEAN_CHECK_BITS))) return null;
  return { d: c.sum / s, rounding: stencilRounding(c.size, 1) / s };
}

/**
 * Whether the central first differences at a step h (the noise check's, noiseCheckStep, whose points
 * are cached where the check ran, then 16 times shorter: CLEAN_CHECK_STEPS) and at h/CLEAN_CHECK_RATIO
 * agree within CLEAN_CHECK_SIGNAL times their rounding, where noise of `level` would put
 * NOISE_COVERAGE·level/h into each, far more: f near x carries none of the level (see the file comment).
 * The two must have a slope beyond that rounding, and a third at GRID_PROBE_OFFSET·h agree too (see
 * the code). Returns that step, or 0. Up to 10 calls.
 *
 * @example
 * ```ts
 * const below = yield* cleanAtCheck(engine, sampler, level); // 4.8e-7 for the stairs, 0 for noise
 * ```
 */
export function* cleanAtCheck(engine: ScalarEngine, sampler: Sampler, level: number): Pipeline<number> {
  const { x } = engine;
  let step = noiseCheckStep(1, engine.scales[0]);
  for (let k = 0; k < CLEAN_CHECK_STEPS; k++, step /= GROWTH_SHRINK) {
    const h = representableStep(x, step);
    const s = representableStep(x, h / CLEAN_CHECK_RATIO);
    if (!(h > 0 && s > 0)) return 0;
    const wide = yield* centralAt(sampler, x, h);
    const narrow = wide === null ? null : yield* centralAt(sampler, x, s);
    if (wide === null || narrow === null) return 0;
    const rounding = wide.rounding + narrow.rounding;
    // (A level near the rounding says little here: the differences carry it anyway.)
    if (!((NOISE_COVERAGE * level) / h > CLEAN_LEVEL_SIGNAL * rounding)) return 0;
    // A slope of its own (not a flat step of a coarse grid), and a third difference off the dyadic
    // lattice (GRID_PROBE_OFFSET) that agrees too: values rounded to a decimal grid (9 digits) err by
    // up to half its step at every point, which two dyadic steps may share and a third cannot.
    if (!(Math.abs(wide.d) > CLEAN_CHECK_SIGNAL * rounding)) continue;
    if (!(Math.abs(narrow.d - wide.d) <= CLEAN_CHECK_SIGNAL * rounding)) continue;
    const off = yield* centralAt(sampler, x, representableStep(x, h * GRID_PROBE_OFFSET));
    if (off !== null && Math.abs(off.d - wide.d) <= CLEAN_CHECK_SIGNAL * (rounding + off.rounding)) return h;
  }
  return 0;
}
