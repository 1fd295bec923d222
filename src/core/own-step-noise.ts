/**
 * The noise of f at the steps of a column run on far below the noise tables (settle-noise.ts): the
 * tables that sent it there were spaced for the first column's steps, where a feature (a fast component,
 * a pole beside x) ruled their differences; the column then settles at steps thousands of times shorter,
 * where no table has looked, and its rows' changes need not show the noise there. f(t) = g(fl(a·t))
 * carries the rounding of its scaled argument, |g′|·ulp(a·t)/2, far above f's own last bit, and along
 * the column's dyadic points x + k·2⁻ʲ that rounding can be one and the same at every point (a·2⁻ʲ on
 * a·t's grid), a smooth shift of g that no row and no table on that lattice shows: sin(1e5·t) at 0.3141
 * gave 93707.18948594 ± 8.6e-9, ok, 3.4e-8 off (a·sin(a·x)·r₀, r₀ the shared rounding), and sin(1e6·t)
 * at 0.0012345 −989373.592125 ± 1.8e-7, 7.7e-6 off. A table at the column's own step, spaced off that
 * lattice (GRID_PROBE_OFFSET) and checked by one 16 times narrower (probeNoise), measures it.
 */

import { GRID_PROBE_OFFSET, noiseShare, probeNoise, type NoiseSeen } from "./noise-check.js";
import type { Pipeline, Sampler } from "./sampler.js";
import type { Estimate, ScalarEngine } from "./scalar-column.js";

/**
 * A column's estimate `est` with the noise of f at its own step (see the file comment): where a table
 * spaced GRID_PROBE_OFFSET·step/NOISE_PROBE_SPLIT about x measures a level above the rounding of f's
 * values (and off any grid: a grid's level is the stages' after this one), `est` with that level's share
 * at its step added, NOISE_COVERAGE·ε·Σ|w|/hⁿ, and the level; otherwise `est` and 0. A shared rounding
 * shifts every row alike, and the tableau, whose weights sum to 1, keeps that shift: the share bounds it.
 * One or two tables (9 or 18 calls), on this path only.
 *
 * @example
 * ```ts
 * const { est, level } = yield* noiseAtOwnStep(engine, sampler, ranOn);
 * // sin(1e6·t) at 0.0012345: level ≈ 1e-13, est.error ≈ 1e-5 (was 1.8e-7, 7.7e-6 off)
 * ```
 */
export function* noiseAtOwnStep(
  engine: ScalarEngine,
  sampler: Sampler,
  est: Estimate,
): Pipeline<{ est: Estimate; level: number }> {
  const { x, o } = engine;
  const seen: NoiseSeen = { rejected: 0, noiseLike: false, perDistance: 0, grid: 0 };
  const use = { narrowing: est.kind === "central" || o.order === 1, perDistance: false, top: o.order === 1 };
  const measured = yield* probeNoise(sampler, x, est.step * GRID_PROBE_OFFSET, seen, use);
  // (A level the narrow table held less of, where its wiggles shrank less than the spacing did: at
  // these steps no smooth part is left to shrink, and a shared rounding's pattern is no random noise's.)
  // (Not a grid's last-resort step, left where the tables were below resolution: rejectedSize unset.)
  const shown = seen.noiseLike && seen.rejectedSize !== undefined;
  const level = measured > 0 ? measured : shown ? seen.rejected : 0;
  if (!(level > 0) || seen.grid > 0) return { est, level: 0 };
  return { est: { ...est, error: est.error + noiseShare(est, level, o.order) }, level };
}
